//! Data-driven rule tests: every rule of the catalogue has a fixture in
//! `tests/fixtures/rules/<rule-id>.json` holding a `fail` and a `pass` JSON merge patch
//! (RFC 7396) against `tests/fixtures/baseline.mla.json`, and optionally `today` and
//! `profile` (known facts about the requested State) and `letter` (`{"fail": LetterFacts,
//! "pass": LetterFacts}`: the letter produced from each variant, for the rules about the
//! letter). The fail variant must produce the rule, the pass variant must not.

use chrono::NaiveDate;
use mla_core::offences::OffenceCatalogue;
use mla_core::rules::{
    catalogue, check_hits, CheckContext, CheckSettings, KnownStateFacts, LetterFacts,
};
use mla_core::{check, parse_request, Lang, Request};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

const DEFAULT_TODAY: &str = "2026-11-20";

/// RFC 7396 JSON merge patch.
fn merge(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(fields) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            let map = target.as_object_mut().expect("made an object above");
            for (key, value) in fields {
                if value.is_null() {
                    map.remove(key);
                } else {
                    merge(map.entry(key.clone()).or_insert(Value::Null), value);
                }
            }
        }
        other => *target = other.clone(),
    }
}

fn baseline() -> Value {
    let text = std::fs::read_to_string(fixtures().join("baseline.mla.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Apply a patch and go through the real file format, so fixtures are valid files.
fn variant(patch: &Value, what: &str) -> Request {
    let mut value = baseline();
    merge(&mut value, patch);
    let bytes = serde_json::to_vec(&value).unwrap();
    parse_request(&bytes).unwrap_or_else(|e| panic!("{what}: not a valid request: {e}"))
}

fn rule_ids(
    request: &Request,
    today: NaiveDate,
    profile: Option<&KnownStateFacts>,
    letter: Option<&LetterFacts>,
) -> Vec<&'static str> {
    let ctx = CheckContext {
        today,
        offences: OffenceCatalogue::builtin(),
        settings: CheckSettings::default(),
        profile: profile.map(|p| p as &dyn mla_core::StateFacts),
        letter,
    };
    check_hits(request, &ctx)
        .into_iter()
        .map(|h| h.rule_id)
        .collect()
}

#[test]
fn merge_patch_follows_rfc_7396() {
    let mut target: Value = serde_json::json!({"a": "b", "c": {"d": "e", "f": "g"}, "l": [1, 2]});
    merge(
        &mut target,
        &serde_json::json!({"a": "z", "c": {"f": null}, "l": [3], "n": {"x": 1}}),
    );
    assert_eq!(
        target,
        serde_json::json!({"a": "z", "c": {"d": "e"}, "l": [3], "n": {"x": 1}})
    );
}

#[test]
fn baseline_request_is_clean() {
    let request = variant(&Value::Object(Default::default()), "baseline");
    let today = NaiveDate::parse_from_str(DEFAULT_TODAY, "%Y-%m-%d").unwrap();
    let ids = rule_ids(&request, today, None, None);
    assert!(
        ids.is_empty(),
        "the baseline must raise no finding, got {ids:?}"
    );
}

#[test]
fn every_rule_has_a_fixture_that_fails_and_one_that_passes() {
    let dir = fixtures().join("rules");
    let mut problems = Vec::new();
    // The `state.*` rules need a full State profile: their fixtures are in
    // tests/fixtures/state_rules and tests/state_rules.rs runs them.
    for rule in catalogue().iter().filter(|r| r.family() != "state") {
        let path = dir.join(format!("{}.json", rule.id));
        let Ok(text) = std::fs::read_to_string(&path) else {
            problems.push(format!("{}: no fixture {}", rule.id, path.display()));
            continue;
        };
        let fixture: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: fixture is not JSON: {e}", path.display()));
        let today = fixture
            .get("today")
            .and_then(Value::as_str)
            .unwrap_or(DEFAULT_TODAY);
        let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
        let profile: Option<KnownStateFacts> = fixture
            .get("profile")
            .map(|p| serde_json::from_value(p.clone()).expect("fixture profile"));
        for (variant_name, must_fire) in [("fail", true), ("pass", false)] {
            let Some(patch) = fixture.get(variant_name) else {
                problems.push(format!("{}: no `{variant_name}` patch", rule.id));
                continue;
            };
            let request = variant(patch, &format!("{} {variant_name}", rule.id));
            let letter: Option<LetterFacts> = fixture
                .get("letter")
                .and_then(|l| l.get(variant_name))
                .map(|l| serde_json::from_value(l.clone()).expect("fixture letter facts"));
            let ids = rule_ids(&request, today, profile.as_ref(), letter.as_ref());
            let fired = ids.contains(&rule.id.as_str());
            if fired != must_fire {
                problems.push(format!(
                    "{}: `{variant_name}` variant {} the rule (findings: {ids:?})",
                    rule.id,
                    if fired {
                        "triggers"
                    } else {
                        "does not trigger"
                    }
                ));
            }
        }
    }
    // No stray fixture for a rule that does not exist.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let id = name.trim_end_matches(".json");
        if !catalogue().iter().any(|r| r.id == id) {
            problems.push(format!("fixture {name} matches no rule"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn findings_are_localized_and_point_at_fields() {
    let mut patch =
        serde_json::json!({"facts": "", "requesting_authority": {"officer": {"email": ""}}});
    merge(&mut patch, &serde_json::json!({}));
    let request = variant(&patch, "localized");
    let today = NaiveDate::parse_from_str(DEFAULT_TODAY, "%Y-%m-%d").unwrap();
    let ctx = CheckContext::new(today);
    let en = check(&request, &ctx, Lang::En);
    let fr = check(&request, &ctx, Lang::Fr);
    let es = check(&request, &ctx, Lang::Es);
    let facts = |fs: &[mla_core::Finding]| {
        fs.iter()
            .find(|f| f.rule_id == "content.facts-summary")
            .cloned()
            .expect("facts finding")
    };
    assert_eq!(facts(&en).path, "facts");
    assert_eq!(
        facts(&en).source,
        "UNCAC art. 46(15)(c); UNTOC art. 18(15)(c)"
    );
    assert!(
        facts(&fr).message.contains("exposé des faits"),
        "{}",
        facts(&fr).message
    );
    assert!(
        facts(&es).message.contains("resumen de los hechos"),
        "{}",
        facts(&es).message
    );
    assert!(en
        .iter()
        .any(|f| f.rule_id == "contact.officer-email"
            && f.path == "requesting_authority.officer.email"));
}

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(DEFAULT_TODAY, "%Y-%m-%d").unwrap()
}

fn service_in(days: i64) -> Value {
    let date = today() + chrono::Duration::days(days);
    let mut service = baseline()["measures"][1].clone();
    assert_eq!(service["details"]["type"], "serve_documents");
    service["details"]["appearance_date"] = Value::String(date.to_string());
    serde_json::json!({ "measures": [service] })
}

#[test]
fn service_lead_time_comes_from_the_profile_when_known() {
    let request = variant(&service_in(20), "20 days");
    let fires = |profile: Option<&KnownStateFacts>| {
        rule_ids(&request, today(), profile, None).contains(&"time.service-lead-time")
    };
    assert!(fires(None), "20 days < default 30");
    let short = KnownStateFacts {
        service_lead_time_days: Some(14),
        ..Default::default()
    };
    assert!(!fires(Some(&short)), "20 days >= profile's 14");
    let request = variant(&service_in(40), "40 days");
    let long = KnownStateFacts {
        service_lead_time_days: Some(60),
        ..Default::default()
    };
    assert!(!rule_ids(&request, today(), None, None).contains(&"time.service-lead-time"));
    assert!(rule_ids(&request, today(), Some(&long), None).contains(&"time.service-lead-time"));
}

#[test]
fn dual_criminality_is_judged_by_conduct_category_and_profile() {
    // Same label, different categories: only the optional category raises the risk.
    let enrichment = |category: &str| {
        serde_json::json!({"offences": [
            {"id": "off-1", "label": "Unexplained wealth", "provision": "Criminal Code, art. 9",
             "provision_text": "x", "conduct_category": category},
            {"id": "off-2", "label": "Money laundering", "provision": "AML Act, s. 3",
             "provision_text": "x", "conduct_category": "uncac.23"}
        ]})
    };
    let optional = variant(&enrichment("uncac.20"), "uncac.20");
    let mandatory = variant(&enrichment("uncac.17"), "uncac.17");
    assert!(rule_ids(&optional, today(), None, None).contains(&"dual.optional-offence"));
    assert!(!rule_ids(&mandatory, today(), None, None).contains(&"dual.optional-offence"));
    // A profile that says the State criminalizes the conduct removes the risk.
    let mut facts = KnownStateFacts::default();
    facts.criminalizes.insert("uncac.20".into(), true);
    let ids = rule_ids(&optional, today(), Some(&facts), None);
    assert!(!ids.contains(&"dual.optional-offence") && !ids.contains(&"dual.not-criminalized"));
    facts.criminalizes.insert("uncac.20".into(), false);
    let ids = rule_ids(&optional, today(), Some(&facts), None);
    assert!(ids.contains(&"dual.not-criminalized") && !ids.contains(&"dual.optional-offence"));
    // Only measures linked to the optional offence are at risk: off-2 measures are not.
    let ctx = CheckContext::new(today());
    let findings = check(&optional, &ctx, Lang::En);
    for f in findings
        .iter()
        .filter(|f| f.rule_id == "dual.optional-offence")
    {
        let index: usize = f.path["measures[".len()..f.path.len() - 1].parse().unwrap();
        let measure = &optional.measures[index];
        assert!(
            measure.offence_ids.iter().any(|o| o == "off-1"),
            "{}",
            f.path
        );
        assert!(
            !matches!(
                measure.details.kind(),
                "serve_documents"
                    | "take_statement"
                    | "provide_information"
                    | "voluntary_appearance"
                    | "videoconference_hearing"
                    | "transfer_detained_person"
                    | "examine_objects_sites"
                    | "other"
            ),
            "non-coercive measure {} flagged",
            measure.details.kind()
        );
    }
}

/// A tiny deterministic generator, so the "random" drafts are the same on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Remove fields and array elements at random, keeping the tags the parser needs.
fn prune(value: &mut Value, rng: &mut Lcg) {
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                if matches!(key.as_str(), "format_version" | "type" | "kind") {
                    continue;
                }
                if rng.chance(30) {
                    map.remove(&key);
                } else if let Some(child) = map.get_mut(&key) {
                    prune(child, rng);
                }
            }
        }
        Value::Array(items) => {
            items.retain(|_| !rng.chance(25));
            for item in items.iter_mut() {
                prune(item, rng);
            }
        }
        _ => {}
    }
}

#[test]
fn half_filled_drafts_never_panic_and_messages_are_complete() {
    let mut rng = Lcg(0x5eed);
    let ctx = CheckContext::new(today());
    for round in 0..300 {
        let mut value = baseline();
        prune(&mut value, &mut rng);
        let bytes = serde_json::to_vec(&value).unwrap();
        let request = parse_request(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: pruned draft must parse: {e}"));
        for lang in Lang::ALL {
            for f in check(&request, &ctx, lang) {
                assert!(
                    !f.message.contains('{') && !f.message.contains('?'),
                    "round {round}: unfilled message {:?}",
                    f.message
                );
                assert!(!f.title.is_empty() && !f.fix.is_empty() && !f.source.is_empty());
            }
        }
    }
}

#[test]
fn a_real_state_profile_drives_lead_time_and_dual_criminality() {
    let text = std::fs::read_to_string(fixtures().join("profiles/ATA.toml")).unwrap();
    let profile = mla_core::Profile::from_toml("ATA.toml", &text, today()).unwrap();
    fn ctx(profile: Option<&mla_core::Profile>) -> CheckContext<'_> {
        CheckContext {
            today: today(),
            offences: OffenceCatalogue::builtin(),
            settings: CheckSettings::default(),
            profile: profile.map(|p| p as &dyn mla_core::StateFacts),
            letter: None,
        }
    }
    let ids = |request: &Request, profile: Option<&mla_core::Profile>| -> Vec<&'static str> {
        check_hits(request, &ctx(profile))
            .into_iter()
            .map(|h| h.rule_id)
            .collect()
    };
    // 40 days before the hearing: enough by default (30), not for this State (60).
    let request = variant(&service_in(40), "40 days");
    assert!(!ids(&request, None).contains(&"time.service-lead-time"));
    assert!(ids(&request, Some(&profile)).contains(&"time.service-lead-time"));
    let message = check(&request, &ctx(Some(&profile)), Lang::En)
        .into_iter()
        .find(|f| f.rule_id == "time.service-lead-time")
        .unwrap()
        .message;
    assert!(message.contains("at least 60 days"), "{message}");

    let offence = |category: &str| {
        variant(
            &serde_json::json!({"offences": [
                {"id": "off-1", "label": "Offence", "provision": "Code, art. 1",
                 "provision_text": "x", "conduct_category": category},
                {"id": "off-2", "label": "Laundering", "provision": "Code, art. 2",
                 "provision_text": "x", "conduct_category": "uncac.23"}
            ]}),
            category,
        )
    };
    // Illicit enrichment: not criminalized there — a blocker for coercive measures.
    let enrichment = ids(&offence("uncac.20"), Some(&profile));
    assert!(enrichment.contains(&"dual.not-criminalized"));
    // Trading in influence: criminalized there — no risk at all.
    let influence = ids(&offence("uncac.18"), Some(&profile));
    assert!(
        !influence.contains(&"dual.optional-offence")
            && !influence.contains(&"dual.not-criminalized")
    );
    // Without the profile, both are a risk (warning), never a blocker.
    for category in ["uncac.18", "uncac.20"] {
        let ids = ids(&offence(category), None);
        assert!(ids.contains(&"dual.optional-offence") && !ids.contains(&"dual.not-criminalized"));
    }
}

#[test]
fn letter_text_to_translate_is_one_finding_per_part_citing_the_accepted_languages() {
    let mut request = variant(&serde_json::json!({"requested_state": "FRA"}), "to FRA");
    request.legal_basis = vec![mla_core::LegalBasis::Uncac];
    let letter = LetterFacts {
        lang: "fr".into(),
        reviewed: false,
        needs_translation: ["facts", "measures[0].purpose", "measures[0].details.bank"]
            .into_iter()
            .map(|p| mla_core::rules::TranslationNeed {
                path: p.into(),
                from: "en".into(),
            })
            .collect(),
    };
    let profiles = mla_core::ProfileSet::builtin().unwrap();
    let fra = profiles.get("FRA").unwrap();
    let mut ctx = CheckContext::new(today());
    ctx.profile = Some(fra);
    ctx.letter = Some(&letter);
    let findings = check(&request, &ctx, Lang::En);
    let text: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f.rule_id.starts_with("translation.letter-text"))
        .map(|f| (f.path.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        text,
        [
            (
                "facts",
                "The letter in language “fr” has 1 passage(s) of officer's text written in “en” \
                 that still need a human translation: facts. Languages the requested State accepts for \
                 requests: fr."
            ),
            (
                "measures[0]",
                "The letter in language “fr” has 2 passage(s) of officer's text written in “en” \
                 that still need a human translation: measures[0].purpose, measures[0].details.bank. \
                 Languages the requested State accepts for requests: fr."
            ),
        ]
    );
    let unreviewed: Vec<&mla_core::Finding> = findings
        .iter()
        .filter(|f| f.rule_id == "translation.template-unreviewed")
        .collect();
    assert_eq!(unreviewed.len(), 1);
    assert_eq!(unreviewed[0].severity, mla_core::Severity::Advice);
    // Without a profile the accepted languages are unknown, never guessed.
    ctx.profile = None;
    let findings = check(&request, &ctx, Lang::Fr);
    let f = findings
        .iter()
        .find(|f| f.rule_id == "translation.letter-text")
        .unwrap();
    assert!(
        f.message
            .ends_with(": unknown — verify with the central authority."),
        "{}",
        f.message
    );
    // No letter, no letter findings.
    ctx.letter = None;
    assert!(!check(&request, &ctx, Lang::En)
        .iter()
        .any(|f| f.rule_id.starts_with("translation.letter")
            || f.rule_id == "translation.template-unreviewed"));
}
