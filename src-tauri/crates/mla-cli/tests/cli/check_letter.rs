//! `mla check` looks at the letter too: which officer-typed parts of the letter still need
//! a human translation into its language, and whether its template wording is reviewed.
//! Real binary, real built-in profiles (an empty MLA_PROFILE_DIR, so no imported pack).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::mla_bin;
use serde_json::Value;

fn example(name: &str) -> PathBuf {
    crate::workspace_root().join(format!("assets/examples/{name}.mla.json"))
}

fn check(dir: &Path, file: &Path, extra: &[&str]) -> (Value, Output) {
    let mut args = vec![
        "check",
        file.to_str().unwrap(),
        "--today",
        "2026-11-20",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = Command::new(mla_bin())
        .env("MLA_PROFILE_DIR", dir.join("profiles"))
        .env_remove("MLA_REGISTER")
        .args(&args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "mla {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (serde_json::from_slice(&out.stdout).unwrap(), out)
}

fn findings<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .collect()
}

#[test]
fn default_letter_is_in_the_first_accepted_language_and_its_untranslated_parts_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    // Drafted in English for Switzerland, whose profile lists de, fr, it: no German
    // template, so the letter is in French and the officer's English text needs translating.
    let (report, _) = check(dir.path(), &example("bribery-bank-records-che"), &[]);
    assert_eq!(report["letter"]["lang"], "fr");
    assert_eq!(report["letter"]["reviewed"], false);
    let parts = report["letter"]["needs_translation"].as_array().unwrap();
    assert!(parts
        .iter()
        .any(|p| p["path"] == "facts" && p["from"] == "en"));
    let text = findings(&report, "translation.letter-text");
    let facts = text
        .iter()
        .find(|f| f["path"] == "facts")
        .expect("a finding for the summary of facts");
    let message = facts["message"].as_str().unwrap();
    assert!(
        message.contains("letter in language “fr”")
            && message.ends_with("Languages the requested State accepts for requests: de, fr, it."),
        "{message}"
    );
    // Every untranslated part is named in some finding, each part once.
    for p in parts {
        let path = p["path"].as_str().unwrap();
        let part = path.split('.').next().unwrap();
        let hits: Vec<_> = text.iter().filter(|f| f["path"] == part).collect();
        assert_eq!(hits.len(), 1, "{part}");
        assert!(
            hits[0]["message"].as_str().unwrap().contains(path),
            "{path}"
        );
    }
    assert_eq!(
        findings(&report, "translation.template-unreviewed").len(),
        1
    );
    assert_eq!(
        findings(&report, "translation.template-unreviewed")[0]["severity"],
        "advice"
    );
}

#[test]
fn a_letter_in_the_drafting_language_needs_no_translation_and_none_means_no_letter() {
    let dir = tempfile::tempdir().unwrap();
    let file = example("bribery-bank-records-che");
    let (report, _) = check(dir.path(), &file, &["--letter-lang", "en"]);
    assert_eq!(report["letter"]["lang"], "en");
    assert!(findings(&report, "translation.letter-text").is_empty());
    assert_eq!(
        findings(&report, "translation.template-unreviewed").len(),
        1
    );
    let (report, _) = check(dir.path(), &file, &["--letter-lang", "none"]);
    assert!(report["letter"].is_null());
    assert!(findings(&report, "translation.template-unreviewed").is_empty());
    // France accepts French only: the default letter is French; with --no-profile the
    // accepted languages are unknown, so the letter stays in the drafting language.
    let (report, _) = check(dir.path(), &example("laundering-e-evidence-fra"), &[]);
    assert_eq!(report["letter"]["lang"], "fr");
    let (report, _) = check(
        dir.path(),
        &example("laundering-e-evidence-fra"),
        &["--no-profile"],
    );
    assert_eq!(report["letter"]["lang"], "en");
}

#[test]
fn a_letter_language_without_template_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(mla_bin())
        .env("MLA_PROFILE_DIR", dir.path().join("profiles"))
        .args([
            "check",
            example("bribery-bank-records-che").to_str().unwrap(),
            "--letter-lang",
            "de",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--letter-lang") && stderr.contains("\"de\""),
        "{stderr}"
    );
}
