//! The rules, tested through the public API. One fixture runner for every rule of every
//! family (`state.*` included): each rule's declaration carries a `fail` and a `pass` JSON
//! merge patch (RFC 7396) over `tests/fixtures/baseline.mla.json` (or, with
//! `baseline = "state"`, `tests/fixtures/state-baseline.mla.json`, a request to the State of
//! the fixture profiles), and optionally `today`, `facts` (known facts about the requested
//! State), `profile` (a file of `tests/fixtures/profiles/`, or "none") and the letter
//! produced from each variant. The fail variant must produce the rule, the pass variant
//! must not, and the findings of both, in en, fr and es, must be exactly those of
//! `tests/expected/rule-fixtures.txt` (`UPDATE_EXPECT=1` rewrites it; read the diff).

use chrono::NaiveDate;
use mla_core::offences::OffenceCatalogue;
use mla_core::rules::{
    catalogue, check_hits, rule_fixtures, CheckContext, CheckSettings, KnownStateFacts,
    LetterFacts, Rule, RuleFixture,
};
use mla_core::{
    check, parse_request, Finding, Lang, NoProfile, Profile, ProfileSet, Request, StateFacts,
};
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

fn read_baseline(file: &str) -> Value {
    let text = std::fs::read_to_string(fixtures().join(file)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn baseline() -> Value {
    read_baseline("baseline.mla.json")
}

/// Apply a patch and go through the real file format, so fixtures are valid files.
fn variant_of(mut value: Value, patch: &Value, what: &str) -> Request {
    merge(&mut value, patch);
    let bytes = serde_json::to_vec(&value).unwrap();
    parse_request(&bytes).unwrap_or_else(|e| panic!("{what}: not a valid request: {e}"))
}

fn variant(patch: &Value, what: &str) -> Request {
    variant_of(baseline(), patch, what)
}

/// A request to the State of the fixture profiles (Antarctica, `ATA`).
fn state_variant(patch: &Value) -> Request {
    variant_of(
        read_baseline("state-baseline.mla.json"),
        patch,
        "state fixture",
    )
}

/// A fixture profile; they are all written for Antarctica, so they load as `ATA.toml`.
fn profile(file: &str) -> Option<Profile> {
    if file == "none" {
        return None;
    }
    let text = std::fs::read_to_string(fixtures().join("profiles").join(file)).unwrap();
    Some(Profile::from_toml("ATA.toml", &text, today()).unwrap_or_else(|e| panic!("{e}")))
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
        .map(|h| h.rule_id.as_str())
        .collect()
}

// --- The fixture runner -----------------------------------------------------------------

/// The findings of one variant of a rule's fixture, in en, fr and es (same order).
fn run_fixture(rule: &Rule, fixture: &RuleFixture, which: &str) -> [Vec<Finding>; 3] {
    let what = format!("{} {which}", rule.id);
    let json = |text: &str, name: &str| -> Value {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: `{name}` is not JSON: {e}"))
    };
    let patch = json(
        if which == "fail" {
            &fixture.fail
        } else {
            &fixture.pass
        },
        which,
    );
    let base = match fixture.baseline.as_deref() {
        None => baseline(),
        Some("state") => read_baseline("state-baseline.mla.json"),
        Some(other) => panic!("{what}: unknown baseline {other:?}"),
    };
    let request = variant_of(base, &patch, &what);
    let today = fixture.today.as_deref().unwrap_or(DEFAULT_TODAY);
    let today = NaiveDate::parse_from_str(today, "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("{what}: today {today:?}: {e}"));
    let facts: Option<KnownStateFacts> = fixture.facts.as_deref().map(|f| {
        serde_json::from_value(json(f, "facts")).unwrap_or_else(|e| panic!("{what}: facts: {e}"))
    });
    let profile_file = if which == "fail" {
        fixture.fail_profile.as_ref()
    } else {
        fixture.pass_profile.as_ref()
    }
    .or(fixture.profile.as_ref());
    let profile = profile_file.and_then(|f| profile(f));
    let letter = if which == "fail" {
        fixture.letter_fail.as_deref()
    } else {
        fixture.letter_pass.as_deref()
    };
    let letter: Option<LetterFacts> = letter.map(|l| {
        serde_json::from_value(json(l, "letter")).unwrap_or_else(|e| panic!("{what}: letter: {e}"))
    });
    let state: Option<&dyn StateFacts> = match (&facts, profile_file, &profile) {
        (Some(f), None, _) => Some(f),
        (None, Some(_), Some(p)) => Some(p),
        (None, Some(_), None) => Some(&NoProfile),
        (None, None, _) => None,
        (Some(_), Some(_), _) => panic!("{what}: give `facts` or `profile`, not both"),
    };
    let ctx = CheckContext {
        today,
        offences: OffenceCatalogue::builtin(),
        settings: CheckSettings::default(),
        profile: state,
        letter: letter.as_ref(),
    };
    Lang::ALL.map(|lang| check(&request, &ctx, lang))
}

/// The findings of one variant as text: severity, rule, field path, then the message in
/// each language, and the source when it is not the rule's own (a profile fact).
fn render(rule: &Rule, which: &str, findings: &[Vec<Finding>; 3]) -> String {
    let mut out = format!("## {} {which}\n", rule.id);
    if findings[0].is_empty() {
        out.push_str("(no finding)\n");
    }
    for (i, f) in findings[0].iter().enumerate() {
        out.push_str(&format!(
            "{} {} @{}\n",
            serde_json::to_value(f.severity).unwrap().as_str().unwrap(),
            f.rule_id,
            if f.path.is_empty() { "-" } else { &f.path }
        ));
        for (lang, fs) in Lang::ALL.iter().zip(findings) {
            let same = fs
                .get(i)
                .is_some_and(|g| g.rule_id == f.rule_id && g.path == f.path);
            assert!(
                same,
                "{} {which}: findings differ between languages",
                rule.id
            );
            out.push_str(&format!("  {}: {}\n", lang.code(), fs[i].message));
        }
        let own = mla_core::rules::rule(&f.rule_id).map(|r| r.source.as_str());
        if own != Some(f.source.as_str()) {
            out.push_str(&format!("  source: {}\n", f.source));
        }
    }
    out
}

/// What is wrong with one variant's findings besides their text: whether the rule fired,
/// and whether a `state.*` finding cites the profile fact it rests on.
fn variant_problems(rule: &Rule, which: &str, findings: &[Finding]) -> Vec<String> {
    let mut problems = Vec::new();
    let fired: Vec<&Finding> = findings.iter().filter(|f| f.rule_id == rule.id).collect();
    let must_fire = which == "fail";
    if fired.is_empty() == must_fire {
        let ids: Vec<&str> = findings.iter().map(|f| f.rule_id.as_str()).collect();
        problems.push(format!(
            "{}: `{which}` variant {} the rule (findings: {ids:?})",
            rule.id,
            if must_fire {
                "does not trigger"
            } else {
                "triggers"
            }
        ));
    }
    for f in fired {
        if rule.family() == "state" && rule.id != "state.unknown-profile" {
            let cites = f.source.starts_with("Test fixture, ") && f.source.contains(" (checked 20");
            if !cites {
                problems.push(format!(
                    "{}: source {:?} is not the profile fact",
                    rule.id, f.source
                ));
            }
        }
        if f.message.contains('?') || f.message.contains('{') {
            problems.push(format!(
                "{}: unfilled placeholder in {:?}",
                rule.id, f.message
            ));
        }
    }
    problems
}

fn expected_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/rule-fixtures.txt")
}

/// The lines that differ between the expected and the actual text (at most 40).
fn diff(expected: &str, actual: &str) -> Vec<String> {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = Vec::new();
    let mut section = "";
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if let Some(s) = y.filter(|l| l.starts_with("## ")) {
            section = s;
        }
        if x != y {
            out.push(format!(
                "line {} (in {section}):\n  expected {:?}\n  actual   {:?}",
                i + 1,
                x.unwrap_or("(end)"),
                y.unwrap_or("(end)")
            ));
            if out.len() == 40 {
                break;
            }
        }
    }
    out
}

#[test]
fn every_rule_fixture_gives_exactly_the_expected_findings() {
    let mut problems = Vec::new();
    let mut actual = String::from(
        "# Generated by `UPDATE_EXPECT=1 cargo test -p mla-core --test rules`: the findings of\n\
         # every rule fixture (severity, rule, field path; message in en, fr, es; source when\n\
         # it is a profile fact). Read the diff before committing.\n",
    );
    let mut count = 0;
    for (rule, fixture) in rule_fixtures() {
        for which in ["fail", "pass"] {
            let findings = run_fixture(rule, fixture, which);
            problems.extend(variant_problems(rule, which, &findings[0]));
            actual.push_str(&render(rule, which, &findings));
            count += 1;
        }
    }
    assert_eq!(count, 2 * catalogue().len());
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(expected_path().parent().unwrap()).unwrap();
        std::fs::write(expected_path(), &actual).unwrap();
    } else {
        let expected = std::fs::read_to_string(expected_path()).unwrap_or_default();
        let changed = diff(&expected, &actual);
        if !changed.is_empty() {
            problems.push(format!(
                "the findings of the rule fixtures differ from {} (UPDATE_EXPECT=1 rewrites it):\n{}",
                expected_path().display(),
                changed.join("\n")
            ));
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
fn the_runner_sees_a_change_of_id_severity_path_or_message() {
    let (rule, fixture) = rule_fixtures()
        .find(|(r, _)| r.id == "basis.missing")
        .unwrap();
    let findings = run_fixture(rule, fixture, "fail");
    let expected = render(rule, "fail", &findings);
    assert!(
        expected.contains("blocker basis.missing @legal_basis\n"),
        "{expected}"
    );
    let changes: [fn(&mut Finding); 4] = [
        |f| f.rule_id = "basis.absent".into(),
        |f| f.severity = mla_core::Severity::Warning,
        |f| f.path = "legal_basis[0]".into(),
        |f| f.message.push('.'),
    ];
    for change in changes {
        let mut changed = findings.clone();
        for fs in changed.iter_mut() {
            change(&mut fs[0]);
        }
        let actual = std::panic::catch_unwind(|| render(rule, "fail", &changed))
            .unwrap_or_else(|_| String::from("(render refused the change)"));
        assert!(!diff(&expected, &actual).is_empty(), "{actual}");
        assert!(!variant_problems(rule, "fail", &changed[0]).is_empty() || actual != expected);
    }
}

/// An ASCII word joined by underscores (`central_authority`): a key, not French or Spanish.
fn snake_case_tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| {
            let parts: Vec<&str> = w.split('_').collect();
            parts.len() > 1 && parts.iter().all(|p| !p.is_empty())
        })
        .collect()
}

/// The message without the officer's own text, which messages quote (« », “ ”, " ").
fn checker_words(message: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in message.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '«' => close = Some('»'),
                '“' => close = Some('”'),
                '"' => close = Some('"'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// Whether `name` occurs in `text` as whole words.
fn contains_words(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[test]
fn no_english_key_or_state_name_in_french_or_spanish_messages() {
    // English State names: the built-in profiles' and the fixture profiles' names in
    // English, where the French (Spanish) name differs.
    let set = ProfileSet::builtin().unwrap();
    let mut names: Vec<(String, Option<String>, Option<String>)> =
        mla_core::profile_set::builtin_profile_files()
            .iter()
            .map(|(file, _)| {
                let n = &set.get(file.trim_end_matches(".toml")).unwrap().names;
                (n.en.clone(), n.fr.clone(), n.es.clone())
            })
            .collect();
    assert!(names.len() > 100, "{} built-in profiles", names.len());
    names.extend(
        mla_core::rules::state_names()
            .values()
            .map(|[en, fr, es]| (en.clone(), Some(fr.clone()), Some(es.clone()))),
    );
    for file in [
        "known.toml",
        "names-only.toml",
        "seal-every-page.toml",
        "stale.toml",
    ] {
        let n = profile(file).unwrap().names;
        names.push((n.en, n.fr, n.es));
    }
    // Per language, the English names that differ from the name in that language.
    let english = |lang: Lang| -> std::collections::BTreeSet<&str> {
        names
            .iter()
            .filter(|(en, fr, es)| {
                let local = if lang == Lang::Fr { fr } else { es };
                local.as_deref() != Some(en.as_str())
            })
            .map(|(en, _, _)| en.as_str())
            .collect()
    };
    let english = [english(Lang::Fr), english(Lang::Es)];
    let mut problems = Vec::new();
    for (rule, fixture) in rule_fixtures() {
        for which in ["fail", "pass"] {
            let findings = run_fixture(rule, fixture, which);
            for (lang, fs) in [(Lang::Fr, &findings[1]), (Lang::Es, &findings[2])] {
                for f in fs {
                    let keys = snake_case_tokens(&f.message);
                    if !keys.is_empty() {
                        problems.push(format!(
                            "{} {which} {}: {keys:?} in {:?}",
                            f.rule_id,
                            lang.code(),
                            f.message
                        ));
                    }
                    let words = checker_words(&f.message);
                    let names = &english[usize::from(lang == Lang::Es)];
                    for en in names.iter().filter(|en| contains_words(&words, en)) {
                        problems.push(format!(
                            "{} {which} {}: English name {en:?} in {:?}",
                            f.rule_id,
                            lang.code(),
                            f.message
                        ));
                    }
                }
            }
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
fn the_leak_checks_find_keys_and_words() {
    assert_eq!(
        snake_case_tokens("canal central_authority ; a_b_c, é_x _y z_"),
        ["central_authority", "a_b_c"]
    );
    assert!(contains_words("Antarctica (ATA) accepte", "Antarctica"));
    assert!(!contains_words("Romania", "Oman"));
    assert_eq!(
        checker_words("adressée à « Ministry of Antarctica » ; par X"),
        "adressée à  ; par X"
    );
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
            .map(|h| h.rule_id.as_str())
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

// --- The `state.*` rules ------------------------------------------------------------

fn state_findings(request: &Request, profile: Option<&Profile>, lang: Lang) -> Vec<Finding> {
    let facts: &dyn StateFacts = match profile {
        Some(p) => p,
        None => &NoProfile,
    };
    let mut ctx = CheckContext::new(today());
    ctx.profile = Some(facts);
    check(request, &ctx, lang)
}

/// The `fail` merge patch of a rule's fixture.
fn fail_patch(id: &str) -> Value {
    let (_, fixture) = rule_fixtures().find(|(r, _)| r.id == id).unwrap();
    serde_json::from_str(&fixture.fail).unwrap()
}

#[test]
fn state_rules_are_declared_sorted_with_every_text() {
    let ids: Vec<&str> = catalogue()
        .iter()
        .filter(|r| r.family() == "state")
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "state.annex-language",
            "state.authentication",
            "state.central-authority",
            "state.channel",
            "state.civil-proceedings",
            "state.dual-criminality-optional-offence",
            "state.fact-stale",
            "state.language",
            "state.legal-basis",
            "state.service-lead-time",
            "state.signature-every-page",
            "state.unknown-profile",
        ]
    );
}

#[test]
fn findings_cite_the_profile_fact_and_are_localized() {
    let profile = profile("known.toml");
    let request = state_variant(&serde_json::json!({"drafting_language": "es"}));
    let en = state_findings(&request, profile.as_ref(), Lang::En);
    let language = en.iter().find(|f| f.rule_id == "state.language").unwrap();
    assert_eq!(
        language.source,
        "Test fixture, languages (checked 2026-11-01)"
    );
    assert_eq!(language.path, "drafting_language");
    assert_eq!(
        language.message,
        "The request is drafted in es; Antarctica (test fixture) (ATA) accepts requests in en, fr. \
         A translation is needed."
    );
    let fr = state_findings(&request, profile.as_ref(), Lang::Fr);
    let language = fr.iter().find(|f| f.rule_id == "state.language").unwrap();
    assert_eq!(
        language.message,
        "La demande est rédigée en es ; Antarctique (fixture de test) (ATA) accepte les demandes en en, fr. \
         Une traduction est nécessaire."
    );
    let es = state_findings(&request, profile.as_ref(), Lang::Es);
    assert!(es
        .iter()
        .any(|f| f.rule_id == "state.language" && f.title.starts_with("Solicitud en un idioma")));
}

#[test]
fn a_state_without_profile_is_unknown_and_a_check_without_lookup_says_nothing() {
    let request = state_variant(&serde_json::json!({}));
    let none = state_findings(&request, None, Lang::En);
    let unknown: Vec<&Finding> = none
        .iter()
        .filter(|f| f.rule_id.starts_with("state."))
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(
        unknown[0].message,
        "ATA: all facts (no profile) — unknown, verify with the central authority."
    );
    // No lookup at all (e.g. the caller passes no profile): the state rules stay silent.
    let ctx = CheckContext::new(today());
    assert!(!check_hits(&request, &ctx)
        .iter()
        .any(|h| h.rule_id.as_str().starts_with("state.")));
    // A profile of another State is not used for this one.
    let mut other = profile("known.toml").unwrap();
    other.iso3 = "BVT".into();
    let ids: Vec<String> = state_findings(&request, Some(&other), Lang::En)
        .into_iter()
        .filter(|f| f.rule_id.starts_with("state."))
        .map(|f| f.rule_id)
        .collect();
    assert_eq!(ids, ["state.unknown-profile"]);
}

#[test]
fn unknown_profile_lists_what_is_unknown() {
    let names_only = profile("names-only.toml");
    let request = state_variant(&serde_json::json!({}));
    let found = state_findings(&request, names_only.as_ref(), Lang::En);
    let f = found
        .iter()
        .find(|f| f.rule_id == "state.unknown-profile")
        .unwrap();
    assert_eq!(
        f.message,
        "Antarctica (test fixture) (ATA): central_authorities, languages, legal_basis — unknown, \
         verify with the central authority."
    );
}

#[test]
fn state_rules_replace_the_generic_rule_they_make_certain() {
    // 56 days before the hearing: the generic rule (30 days by default) is silent, the
    // profile's 90 days raise the state rule.
    let request = state_variant(&fail_patch("state.service-lead-time"));
    let profile = profile("known.toml");
    let ids: Vec<String> = state_findings(&request, profile.as_ref(), Lang::En)
        .into_iter()
        .map(|f| f.rule_id)
        .collect();
    assert!(ids.contains(&"state.service-lead-time".to_owned()));
    assert!(!ids.contains(&"time.service-lead-time".to_owned()));
    // Illicit enrichment, not criminalized: one finding, the sourced one.
    let request = state_variant(&fail_patch("state.dual-criminality-optional-offence"));
    let ids: Vec<String> = state_findings(&request, profile.as_ref(), Lang::En)
        .into_iter()
        .map(|f| f.rule_id)
        .collect();
    assert!(ids.contains(&"state.dual-criminality-optional-offence".to_owned()));
    assert!(!ids.contains(&"dual.not-criminalized".to_owned()));
    assert!(!ids.contains(&"dual.optional-offence".to_owned()));
}
