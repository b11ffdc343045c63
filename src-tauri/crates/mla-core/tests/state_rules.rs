//! The `state.*` rules, data-driven: every state rule has a fixture
//! `tests/fixtures/state_rules/<rule-id>.json` with a `fail` and a `pass` JSON merge patch
//! (RFC 7396) against `tests/fixtures/state_rules/baseline.mla.json`, and the profile to
//! check against (`profile`, or `fail_profile` / `pass_profile`; a TOML file from
//! `tests/fixtures/state_rules/profiles/`, or "none" for a State with no profile).
//! The fail variant must raise the rule, the pass variant must not.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mla_core::rules::{catalogue, check_hits, parse_state_rules, CheckContext, STATE_RULES_TOML};
use mla_core::{check, parse_request, Finding, Lang, NoProfile, Profile, Request, StateFacts};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/state_rules")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn merge(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(fields) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            let map = target.as_object_mut().unwrap();
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

fn variant(patch: &Value) -> Request {
    let text = std::fs::read_to_string(dir().join("baseline.mla.json")).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    merge(&mut value, patch);
    parse_request(&serde_json::to_vec(&value).unwrap()).expect("fixture is a valid request")
}

/// A fixture profile; they are all written for Antarctica, so they load as `ATA.toml`.
fn profile(file: &str) -> Option<Profile> {
    if file == "none" {
        return None;
    }
    let text = std::fs::read_to_string(dir().join("profiles").join(file)).unwrap();
    Some(Profile::from_toml("ATA.toml", &text, today()).unwrap_or_else(|e| panic!("{e}")))
}

fn findings(request: &Request, profile: Option<&Profile>, lang: Lang) -> Vec<Finding> {
    let facts: &dyn StateFacts = match profile {
        Some(p) => p,
        None => &NoProfile,
    };
    let mut ctx = CheckContext::new(today());
    ctx.profile = Some(facts);
    check(request, &ctx, lang)
}

#[test]
fn state_rules_are_declared_sorted_with_every_text() {
    let rules = parse_state_rules(STATE_RULES_TOML).unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
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
    // They are part of the one catalogue.
    for id in ids {
        assert!(catalogue().iter().any(|r| r.id == id), "{id}");
    }
}

#[test]
fn every_state_rule_has_a_fixture_that_fails_and_one_that_passes() {
    let mut problems = Vec::new();
    let rules = parse_state_rules(STATE_RULES_TOML).unwrap();
    for rule in &rules {
        let path = dir().join(format!("{}.json", rule.id));
        let Ok(text) = std::fs::read_to_string(&path) else {
            problems.push(format!("{}: no fixture", rule.id));
            continue;
        };
        let fixture: Value = serde_json::from_str(&text).unwrap();
        for (which, must_fire) in [("fail", true), ("pass", false)] {
            let profile_file = fixture
                .get(format!("{which}_profile").as_str())
                .or_else(|| fixture.get("profile"))
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{}: no profile for {which}", rule.id));
            let profile = profile(profile_file);
            let request = variant(&fixture[which]);
            let found = findings(&request, profile.as_ref(), Lang::En);
            let fired: Vec<&Finding> = found.iter().filter(|f| f.rule_id == rule.id).collect();
            if fired.is_empty() == must_fire {
                problems.push(format!(
                    "{}: `{which}` variant {} the rule (state findings: {:?})",
                    rule.id,
                    if must_fire {
                        "does not trigger"
                    } else {
                        "triggers"
                    },
                    found
                        .iter()
                        .filter(|f| f.rule_id.starts_with("state."))
                        .map(|f| &f.message)
                        .collect::<Vec<_>>()
                ));
            }
            // A finding that rests on a profile fact cites that fact, with its date.
            for f in fired {
                if rule.id == "state.unknown-profile" {
                    assert_eq!(f.source, rule.source);
                } else {
                    assert!(
                        f.source.starts_with("Test fixture, ") && f.source.contains(" (checked 20"),
                        "{}: source {:?}",
                        rule.id,
                        f.source
                    );
                }
                assert!(
                    !f.message.contains('?'),
                    "{}: unfilled placeholder in {:?}",
                    rule.id,
                    f.message
                );
            }
        }
    }
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(id) = name.strip_suffix(".json") {
            if id != "baseline.mla" && !rules.iter().any(|r| r.id == id) {
                problems.push(format!("fixture {name} matches no state rule"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn findings_cite_the_profile_fact_and_are_localized() {
    let profile = profile("known.toml");
    let request = variant(&serde_json::json!({"drafting_language": "es"}));
    let en = findings(&request, profile.as_ref(), Lang::En);
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
    let fr = findings(&request, profile.as_ref(), Lang::Fr);
    let language = fr.iter().find(|f| f.rule_id == "state.language").unwrap();
    assert_eq!(
        language.message,
        "La demande est rédigée en es ; Antarctica (test fixture) (ATA) accepte les demandes en en, fr. \
         Une traduction est nécessaire."
    );
    let es = findings(&request, profile.as_ref(), Lang::Es);
    assert!(es
        .iter()
        .any(|f| f.rule_id == "state.language" && f.title.starts_with("Solicitud en un idioma")));
}

#[test]
fn a_state_without_profile_is_unknown_and_a_check_without_lookup_says_nothing() {
    let request = variant(&serde_json::json!({}));
    let none = findings(&request, None, Lang::En);
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
        .any(|h| h.rule_id.starts_with("state.")));
    // A profile of another State is not used for this one.
    let mut other = profile("known.toml").unwrap();
    other.iso3 = "BVT".into();
    let ids: Vec<String> = findings(&request, Some(&other), Lang::En)
        .into_iter()
        .filter(|f| f.rule_id.starts_with("state."))
        .map(|f| f.rule_id)
        .collect();
    assert_eq!(ids, ["state.unknown-profile"]);
}

#[test]
fn unknown_profile_lists_what_is_unknown() {
    let names_only = profile("names-only.toml");
    let request = variant(&serde_json::json!({}));
    let found = findings(&request, names_only.as_ref(), Lang::En);
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
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(dir().join("state.service-lead-time.json")).unwrap(),
    )
    .unwrap();
    let request = variant(&fixture["fail"]);
    let profile = profile("known.toml");
    let ids: Vec<String> = findings(&request, profile.as_ref(), Lang::En)
        .into_iter()
        .map(|f| f.rule_id)
        .collect();
    assert!(ids.contains(&"state.service-lead-time".to_owned()));
    assert!(!ids.contains(&"time.service-lead-time".to_owned()));
    // Illicit enrichment, not criminalized: one finding, the sourced one.
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(dir().join("state.dual-criminality-optional-offence.json"))
            .unwrap(),
    )
    .unwrap();
    let request = variant(&fixture["fail"]);
    let ids: Vec<String> = findings(&request, profile.as_ref(), Lang::En)
        .into_iter()
        .map(|f| f.rule_id)
        .collect();
    assert!(ids.contains(&"state.dual-criminality-optional-offence".to_owned()));
    assert!(!ids.contains(&"dual.not-criminalized".to_owned()));
    assert!(!ids.contains(&"dual.optional-offence".to_owned()));
}
