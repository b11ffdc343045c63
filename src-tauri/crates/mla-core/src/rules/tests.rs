//! Unit tests of the catalogue data and of the engine on degenerate input.

use super::*;
use crate::finding::Lang;
use crate::model::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

#[test]
fn catalogue_is_valid_and_large_enough() {
    assert_eq!(validate_catalogue(), Ok(catalogue().len()));
    let rules = catalogue();
    assert!(rules.len() >= 60, "only {} rules", rules.len());
    let families: std::collections::BTreeSet<&str> = rules.iter().map(|r| r.family()).collect();
    for family in FAMILIES {
        assert!(families.contains(family), "no rule in family {family}");
    }
}

#[test]
fn catalogue_rejects_missing_texts_bad_order_and_unknown_family() {
    let rule = |id: &str, fr_fix: &str| {
        format!(
            "[[rule]]\nid = \"{id}\"\nseverity = \"advice\"\nsource = \"s\"\n\
             en = {{ title = \"t\", why = \"w\", fix = \"f\", message = \"m {{n}}\" }}\n\
             fr = {{ title = \"t\", why = \"w\", fix = \"{fr_fix}\", message = \"m {{n}}\" }}\n\
             es = {{ title = \"t\", why = \"w\", fix = \"f\", message = \"m {{n}}\" }}\n\
             fixture = {{ fail = \"{{}}\", pass = \"{{}}\" }}\n"
        )
    };
    assert!(parse_catalogue(&rule("form.a", "f")).is_ok());
    assert!(matches!(
        parse_catalogue(&rule("form.a", " ")),
        Err(RuleDataError::Rule { problem, .. }) if problem == "fr fix is empty"
    ));
    assert!(parse_catalogue(&(rule("form.b", "f") + &rule("form.a", "f"))).is_err());
    assert!(parse_catalogue(&(rule("form.a", "f") + &rule("form.a", "f"))).is_err());
    assert!(parse_catalogue(&rule("nofamily.a", "f")).is_err());
    let dropped_placeholder = rule("form.a", "f").replacen("m {n}\" }\nfr", "m\" }\nfr", 1);
    assert!(parse_catalogue(&dropped_placeholder).is_err());
}

#[test]
fn catalogue_declares_every_rule_id_and_no_other() {
    // `RuleId` is generated from the family files' declarations; the catalogue is parsed
    // from the registered family files: a family file missing from `families!` shows here.
    let ids: Vec<&str> = RuleId::ALL.iter().map(|id| id.as_str()).collect();
    let declared: Vec<&str> = catalogue().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, declared);
    for id in RuleId::ALL {
        assert_eq!(rule(id.as_str()).map(|r| r.id.as_str()), Some(id.as_str()));
    }
}

#[test]
fn a_rule_without_fixtures_or_with_a_fixture_that_is_not_json_is_refused() {
    let rule = "[[rule]]\nid = \"form.a\"\nseverity = \"advice\"\nsource = \"s\"\n\
                en = { title = \"t\", why = \"w\", fix = \"f\", message = \"m\" }\n\
                fr = { title = \"t\", why = \"w\", fix = \"f\", message = \"m\" }\n\
                es = { title = \"t\", why = \"w\", fix = \"f\", message = \"m\" }\n";
    assert!(matches!(
        parse_catalogue(rule),
        Err(RuleDataError::Syntax(e)) if e.contains("missing field `fixture`")
    ));
    let bad = format!("{rule}fixture = {{ fail = \"{{\", pass = \"{{}}\" }}\n");
    assert!(matches!(
        parse_catalogue(&bad),
        Err(RuleDataError::Rule { problem, .. }) if problem.starts_with("fixture `fail` is not JSON")
    ));
}

#[test]
fn measure_classification_covers_every_kind_sorted_with_reasons() {
    let kinds = measure_kinds();
    let keys: Vec<&str> = kinds.iter().map(|k| k.key.as_str()).collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(keys, sorted, "measure_kinds() must be sorted and unique");
    let samples = [
        MeasureDetails::TakeStatement(Default::default()),
        MeasureDetails::ServeDocuments(Default::default()),
        MeasureDetails::SearchSeizure(Default::default()),
        MeasureDetails::ExamineObjectsSites(Default::default()),
        MeasureDetails::ProvideInformation(Default::default()),
        MeasureDetails::BankRecords(Default::default()),
        MeasureDetails::ProduceRecords(Default::default()),
        MeasureDetails::TraceProceeds(Default::default()),
        MeasureDetails::VoluntaryAppearance(Default::default()),
        MeasureDetails::FreezeAssets(Default::default()),
        MeasureDetails::ConfiscateAssets(Default::default()),
        MeasureDetails::VideoconferenceHearing(Default::default()),
        MeasureDetails::TransferDetainedPerson(Default::default()),
        MeasureDetails::ElectronicEvidence(Default::default()),
        MeasureDetails::Other(Default::default()),
    ];
    for d in samples {
        assert!(
            keys.contains(&d.kind()),
            "no classification for {}",
            d.kind()
        );
    }
    assert!(keys.contains(&"take_statement.suspect"));
    for k in kinds {
        assert!(!k.reason.trim().is_empty(), "{} has no reason", k.key);
        assert!(
            !k.en.is_empty() && !k.fr.is_empty() && !k.es.is_empty(),
            "{}",
            k.key
        );
    }
    let coercive = |key: &str| kinds.iter().find(|k| k.key == key).unwrap().coercive;
    assert!(coercive("search_seizure") && coercive("freeze_assets") && coercive("bank_records"));
    assert!(!coercive("serve_documents") && !coercive("take_statement"));
}

#[test]
fn terms_of_art_are_lower_case_sorted_per_language() {
    let terms = terms_of_art();
    assert_eq!(
        terms.keys().map(String::as_str).collect::<Vec<_>>(),
        ["en", "es", "fr"]
    );
    for (lang, list) in terms {
        let mut sorted = list.clone();
        sorted.sort();
        assert_eq!(&sorted, list, "{lang} terms not sorted");
        for t in list {
            assert_eq!(t, &t.to_lowercase());
        }
    }
}

#[test]
fn default_request_gives_findings_not_a_panic_in_every_language() {
    let ctx = CheckContext::new(today());
    for lang in crate::finding::Lang::ALL {
        let (findings, readiness) = check_with_readiness(&Request::default(), &ctx, lang);
        let ids: Vec<&str> = findings.iter().map(|f| f.rule_id.as_str()).collect();
        for expected in [
            "content.requesting-authority",
            "content.facts-summary",
            "content.assistance-sought",
            "basis.missing",
            "offence.missing",
        ] {
            assert!(
                ids.contains(&expected),
                "{expected} missing for {lang:?}: {ids:?}"
            );
        }
        assert_eq!(readiness.verdict, crate::finding::Verdict::LikelyRefused);
        assert!(findings.iter().all(|f| !f.message.contains('{')));
    }
}

#[test]
fn default_measures_of_every_kind_do_not_panic() {
    let mut request = Request::default();
    let kinds = [
        r#"{"type":"take_statement"}"#,
        r#"{"type":"serve_documents"}"#,
        r#"{"type":"search_seizure"}"#,
        r#"{"type":"examine_objects_sites"}"#,
        r#"{"type":"provide_information"}"#,
        r#"{"type":"bank_records"}"#,
        r#"{"type":"produce_records"}"#,
        r#"{"type":"trace_proceeds"}"#,
        r#"{"type":"voluntary_appearance"}"#,
        r#"{"type":"freeze_assets"}"#,
        r#"{"type":"confiscate_assets"}"#,
        r#"{"type":"videoconference_hearing"}"#,
        r#"{"type":"transfer_detained_person"}"#,
        r#"{"type":"electronic_evidence"}"#,
        r#"{"type":"other"}"#,
    ];
    for k in kinds {
        request.measures.push(Measure {
            details: serde_json::from_str(k).unwrap(),
            ..Default::default()
        });
    }
    request.offences.push(Offence::default());
    request.persons.push(Person::default());
    request.assets.push(Asset::default());
    request.attachments.push(Attachment::default());
    let findings = check(
        &request,
        &CheckContext::new(today()),
        crate::finding::Lang::Fr,
    );
    assert!(findings.len() > 30, "{}", findings.len());
    assert!(findings
        .iter()
        .all(|f| !f.message.contains('{') && !f.path.is_empty() || f.path.is_empty()));
}

#[test]
fn fill_replaces_known_placeholders_and_marks_unknown_ones() {
    assert_eq!(
        fill("a {x} b {y}", &[("x", Arg::Text("1".into()))], Lang::En),
        "a 1 b ?"
    );
    assert_eq!(fill("no brace {", &[], Lang::En), "no brace {");
    let kind = [("kind", Arg::Kind("search_seizure".to_owned()))];
    assert_eq!(
        fill("({kind})", &kind, Lang::Fr),
        "(perquisition et saisie)"
    );
}

#[test]
fn terms_are_flagged_unless_explained() {
    use super::language::unexplained;
    assert_eq!(
        unexplained("the indictment was filed", "indictment"),
        Some("indictment")
    );
    assert_eq!(
        unexplained("the indictment (formal charge) was filed", "indictment"),
        None
    );
    assert_eq!(
        unexplained("indictments: formal charges", "indictment"),
        None
    );
    assert_eq!(unexplained("the reindictment", "indictment"), None);
    assert_eq!(
        unexplained(
            "la mise en examen, c'est-à-dire l'inculpation",
            "mise en examen"
        ),
        None
    );
    assert_eq!(
        unexplained("les diligencias", "diligencias"),
        Some("diligencias")
    );
}

#[test]
fn required_fields_report_declared_rules() {
    // A type of assistance names, for each required field, the rule an empty one reports
    // (`crate::assistance`): each must be a declared rule of the `measure` family.
    for t in crate::assistance::ASSISTANCE {
        for f in t.fields {
            if let Some(id) = f.required {
                let parsed = RuleId::parse(id);
                assert!(
                    parsed.is_some(),
                    "{}.{} names undeclared rule `{id}`",
                    t.key,
                    f.name
                );
                assert_eq!(parsed.map(RuleId::as_str), Some(id));
                assert!(id.starts_with("measure."), "{}.{}: `{id}`", t.key, f.name);
            }
        }
    }
}
