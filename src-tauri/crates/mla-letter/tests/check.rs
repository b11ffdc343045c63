//! `check_request`: the full check (profile + letter facts) the CLI and the app share.

use chrono::NaiveDate;
use mla_core::{parse_request, Lang, ProfileSet, Request};
use mla_letter::{check_request, default_letter_language, CheckInput, LetterChoice, Letters};

fn fra_request() -> Request {
    parse_request(include_bytes!(
        "../../../../assets/examples/laundering-e-evidence-fra.mla.json"
    ))
    .unwrap()
}

#[test]
fn default_letter_language_prefers_an_accepted_drafting_language() {
    let set = ProfileSet::builtin().unwrap();
    let r = fra_request();
    assert_eq!(r.drafting_language, "en");
    let mut fra = set.get("FRA").unwrap().clone();
    assert_eq!(
        default_letter_language(&r, Some(&fra)).as_deref(),
        Some("fr")
    );
    for l in &mut fra.languages {
        l.requests = vec!["de".into(), "fr".into(), "en".into()];
    }
    // English is accepted: nothing to translate.
    assert_eq!(
        default_letter_language(&r, Some(&fra)).as_deref(),
        Some("en")
    );
    for l in &mut fra.languages {
        l.requests = vec!["de".into()];
    }
    // Nothing accepted has a template: the drafting language.
    assert_eq!(
        default_letter_language(&r, Some(&fra)).as_deref(),
        Some("en")
    );
    // No profile, or another State's: the drafting language.
    assert_eq!(default_letter_language(&r, None).as_deref(), Some("en"));
    assert_eq!(
        default_letter_language(&r, set.get("CHE")).as_deref(),
        Some("en")
    );
    let mut th = r.clone();
    th.drafting_language = "th".into();
    assert_eq!(default_letter_language(&th, None), None);
}

#[test]
fn check_request_reports_the_letter_and_uses_the_profile() {
    let letters = Letters::load().unwrap();
    let set = ProfileSet::builtin().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let r = fra_request();
    let input = CheckInput {
        today,
        lang: Lang::En,
        profiles: Some(&set),
        letter: &LetterChoice::Default,
    };
    let full = check_request(&letters, &r, &input).unwrap();
    assert_eq!(full.profile.as_deref(), Some("FRA"));
    let letter = full.letter.as_ref().unwrap();
    assert_eq!(letter.lang, "fr");
    assert!(!letter.needs_translation.is_empty());
    // The addressee comes from the profile: not officer text to translate.
    assert!(!letter
        .needs_translation
        .iter()
        .any(|n| n.path.starts_with("addressee")));
    assert!(full
        .findings
        .iter()
        .any(|f| f.rule_id == "translation.letter-text" && f.path == "facts"));
    assert_eq!(
        full.readiness,
        mla_core::Readiness::of(&full.findings),
        "the verdict is the findings' verdict"
    );
    // No letter: no letter finding; unknown template language: an error, not a panic.
    let none = check_request(
        &letters,
        &r,
        &CheckInput {
            letter: &LetterChoice::None,
            ..input
        },
    )
    .unwrap();
    assert!(none.letter.is_none());
    assert!(!none
        .findings
        .iter()
        .any(|f| f.rule_id.starts_with("translation.letter")
            || f.rule_id == "translation.template-unreviewed"));
    let bad = LetterChoice::Lang("xx".into());
    assert!(check_request(
        &letters,
        &r,
        &CheckInput {
            letter: &bad,
            ..input
        }
    )
    .is_err());
}
