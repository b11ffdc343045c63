//! `check_request`: the full check (profile + letter facts) the CLI and the app share.

use chrono::NaiveDate;
use mla_core::{parse_request, Lang, ProfileSet, Request};
use mla_letter::{default_letter_language, Letters};
use mla_usecase::{check_request, CheckInput, LetterChoice};

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

/// Every example request (the defective ones too), as written and with its drafting
/// language changed (upper case and padded, as a user may type it).
fn example_requests() -> Vec<(String, Request)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../assets/examples");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("defective")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(".mla.json") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for path in files {
        // A defective example may be defective in its format: only those that parse.
        let Ok(r) = parse_request(&std::fs::read(&path).unwrap()) else {
            continue;
        };
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for drafting in [r.drafting_language.clone(), " FR ".into(), "es".into()] {
            let mut v = r.clone();
            v.drafting_language = drafting.clone();
            out.push((format!("{name} drafted in {drafting:?}"), v));
        }
    }
    assert!(out.len() >= 9, "the examples were not found: {}", out.len());
    out
}

/// `Letters::facts` (what every check uses) never drifts from the facts of the rendered
/// letter: same language, review status and parts to translate, in the same order, for
/// every example, every letter language, addressed from the request and from the profile.
#[test]
fn fast_letter_facts_equal_the_rendered_letters_facts() {
    let letters = Letters::load().unwrap();
    let set = ProfileSet::builtin().unwrap();
    let mut compared = 0;
    let mut with_parts = 0;
    for (name, r) in example_requests() {
        let profile = set.get(r.requested_state.trim());
        let authorities = [
            None,
            mla_letter::addressee_from_profile(&r, profile),
            Some(mla_letter::CentralAuthority {
                name: "Central authority".into(),
                address: String::new(),
            }),
        ];
        for lang in mla_letter::LANGUAGES {
            for ca in &authorities {
                let options = mla_letter::LetterOptions {
                    lang: Some(format!(" {} ", lang.to_uppercase())),
                    central_authority: ca.clone(),
                };
                let rendered = letters.letter(&r, &options).unwrap();
                let fast = letters.facts(&r, &options).unwrap();
                assert_eq!(
                    fast,
                    mla_letter::letter_facts(&rendered),
                    "{name}, letter in {lang}, addressee {ca:?}"
                );
                compared += 1;
                with_parts += usize::from(!fast.needs_translation.is_empty());
            }
        }
        // No letter without a template, either way.
        let xx = mla_letter::LetterOptions {
            lang: Some("xx".into()),
            central_authority: None,
        };
        assert!(letters.facts(&r, &xx).is_err() && letters.letter(&r, &xx).is_err());
    }
    assert!(
        with_parts > 0 && with_parts < compared,
        "{with_parts} of {compared}"
    );
}
