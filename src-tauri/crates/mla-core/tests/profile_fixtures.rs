//! Profile files that must load and files that must fail, with the exact error text.
//!
//! Each case is a folder under `profile_fixtures/good` or `profile_fixtures/bad` holding
//! one `.toml` file; a bad case also holds `expected.txt`, the exact error text. Run with
//! `UPDATE_EXPECT=1` to rewrite the expected files, then review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mla_core::Profile;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn cases(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/profile_fixtures")
        .join(kind);
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    assert!(!out.is_empty());
    out
}

fn the_toml(case: &Path) -> (String, String) {
    let file = fs::read_dir(case)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap_or_else(|| panic!("{} has no .toml file", case.display()));
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    (name, fs::read_to_string(&file).unwrap())
}

#[test]
fn good_fixtures_load() {
    for case in cases("good") {
        let (name, text) = the_toml(&case);
        if let Err(e) = Profile::from_toml(&name, &text, today()) {
            panic!("{}: {e}", case.display());
        }
    }
}

#[test]
fn bad_fixtures_fail_with_the_expected_text() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut mismatches = Vec::new();
    for case in cases("bad") {
        let (name, text) = the_toml(&case);
        let actual = match Profile::from_toml(&name, &text, today()) {
            Ok(_) => "(loaded without error)\n".to_owned(),
            Err(e) => format!("{e}\n"),
        };
        let expected_path = case.join("expected.txt");
        if update {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            mismatches.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                case.display()
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn full_fixture_reads_every_section() {
    let (name, text) =
        the_toml(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/profile_fixtures/good/full"));
    let p = Profile::from_toml(&name, &text, today()).unwrap();
    assert_eq!(p.name("es"), "Antártida (fixture de prueba)");
    assert_eq!(
        p.uncac.as_ref().unwrap().date,
        NaiveDate::from_ymd_opt(2010, 1, 1)
    );
    // A TOML date literal is read like a quoted date.
    assert_eq!(
        p.untoc.as_ref().unwrap().checked,
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
    );
    assert_eq!(p.facts().len(), 14);
    assert_eq!(p.service_lead_time_days.as_ref().unwrap().value, 60);
    assert_eq!(
        p.authentication.as_ref().unwrap().signature_seal_every_page,
        Some(true)
    );
    assert_eq!(
        p.languages_for(mla_core::profile::Instrument::Uncac)
            .unwrap()
            .requests,
        ["en", "fr"]
    );
    assert!(p
        .languages_for(mla_core::profile::Instrument::Untoc)
        .is_none());
    let coverage = p.coverage(&mla_core::ProfileOrigin::Pack { name: "f".into() });
    assert!(coverage.full && coverage.authority_and_languages);
    assert_eq!(coverage.unknown, ["civil_proceedings"]);
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_accepted() {
    let (name, text) =
        the_toml(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/profile_fixtures/good/full"));
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let a = Profile::from_toml(&name, &text, today()).unwrap();
    let b = Profile::from_toml(&name, &windows, today()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn every_truncation_of_a_profile_is_an_error_or_a_profile_never_a_panic() {
    let (name, text) =
        the_toml(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/profile_fixtures/good/full"));
    let mut errors = 0;
    for (cut, _) in text.char_indices() {
        match Profile::from_toml(&name, &text[..cut], today()) {
            Ok(_) => {}
            Err(e) => {
                errors += 1;
                // Every problem names the file, and a line inside the text when it has one.
                assert_eq!(e.file(), name);
                for p in e.problems() {
                    assert!(p.line <= text[..cut].lines().count() + 1, "{e}");
                }
            }
        }
    }
    assert!(errors > 0);
}
