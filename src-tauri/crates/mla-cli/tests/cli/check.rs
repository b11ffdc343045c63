//! `mla check` and `mla rules`, through the real binary.
//!
//! Expected outputs of the example requests are golden files in `src-tauri/crates/mla-cli/tests/expected/check/`,
//! written with `--today 2026-11-20 --no-profile` so they do not move with the clock or
//! with profile updates. Regenerate them with `UPDATE_EXPECT=1 cargo test -p mla-cli --test cli`.

use std::path::PathBuf;
use std::process::{Command, Output};

use crate::mla_bin;
use serde_json::Value;

const TODAY: &str = "2026-11-20";

fn root() -> PathBuf {
    crate::workspace_root()
}

fn mla(args: &[&str]) -> Output {
    Command::new(mla_bin())
        .env_remove("MLA_REGISTER")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn defective() -> String {
    root()
        .join("assets/examples/defective/everything-wrong.mla.json")
        .display()
        .to_string()
}

fn request_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["assets/examples", "assets/examples/defective"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(".mla.json") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    files
}

#[test]
fn check_defective_example_shows_every_family_and_exits_1() {
    let output = mla(&["check", &defective(), "--today", TODAY, "--format", "json"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["readiness"]["verdict"], "likely_refused");
    assert_eq!(report["today"], TODAY);
    let findings = report["findings"].as_array().unwrap();
    let blockers = findings
        .iter()
        .filter(|f| f["severity"] == "blocker")
        .count();
    assert_eq!(report["readiness"]["blockers"], blockers as u64);
    let families: std::collections::BTreeSet<&str> = findings
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap().split('.').next().unwrap())
        .collect();
    for family in mla_core::rules::FAMILIES {
        assert!(
            families.contains(family),
            "no {family} finding in the defective example"
        );
    }
    for f in findings {
        for key in [
            "rule_id", "severity", "path", "title", "message", "fix", "source",
        ] {
            assert!(f[key].is_string(), "{key} missing in {f}");
        }
    }
}

#[test]
fn check_text_is_grouped_by_severity_in_three_languages() {
    for (lang, verdict, blockers) in [
        (
            "en",
            "Verdict: likely to be refused or returned",
            "Blockers (",
        ),
        (
            "fr",
            "Verdict : risque de refus ou de renvoi",
            "Points bloquants (",
        ),
        (
            "es",
            "Dictamen: probable denegación o devolución",
            "Obstáculos (",
        ),
    ] {
        let output = mla(&["check", &defective(), "--today", TODAY, "--lang", lang]);
        assert_eq!(output.status.code(), Some(1));
        let text = stdout(&output);
        assert!(text.contains(verdict), "{lang}: {text}");
        let b = text.find(blockers).unwrap();
        let advice = ["Advice (", "Conseils (", "Consejos ("]
            .iter()
            .find_map(|a| text.find(a))
            .unwrap();
        assert!(b < advice, "{lang}: blockers must come before advice");
    }
}

#[test]
fn check_a_clean_request_exits_0() {
    let file = root().join("src-tauri/crates/mla-core/tests/fixtures/baseline.mla.json");
    let output = mla(&[
        "check",
        file.to_str().unwrap(),
        "--today",
        TODAY,
        "--no-profile",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).starts_with("Verdict: ready to send"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_uses_the_requested_states_profile() {
    let file = root().join("assets/examples/service-appearance-tha.mla.json");
    let output = mla(&[
        "check",
        file.to_str().unwrap(),
        "--today",
        TODAY,
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["profile"], "THA");
    let output = mla(&[
        "check",
        file.to_str().unwrap(),
        "--today",
        TODAY,
        "--no-profile",
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["profile"], Value::Null);
}

#[test]
fn check_unreadable_input_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.mla.json");
    let malformed = dir.path().join("malformed.mla.json");
    std::fs::write(&malformed, "{\"format_version\": 1, \"facts\": ").unwrap();
    let future = dir.path().join("future.mla.json");
    std::fs::write(&future, "{\"format_version\": 99}").unwrap();
    for file in [&missing, &malformed, &future, &dir.path().to_path_buf()] {
        let output = mla(&["check", file.to_str().unwrap(), "--today", TODAY]);
        assert_eq!(output.status.code(), Some(2), "{}", file.display());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&*file.file_name().unwrap().to_string_lossy()),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
    // An unknown type of assistance is refused by the file format, naming the field, rather
    // than silently dropped (writing the draft back would lose what the user typed).
    let mut value: Value = serde_json::from_str(
        &std::fs::read_to_string(
            root().join("src-tauri/crates/mla-core/tests/fixtures/baseline.mla.json"),
        )
        .unwrap(),
    )
    .unwrap();
    value["measures"][2]["details"] = serde_json::json!({"type": "wiretap", "line": "x"});
    let unknown_kind = dir.path().join("unknown-kind.mla.json");
    std::fs::write(&unknown_kind, value.to_string()).unwrap();
    let output = mla(&["check", unknown_kind.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("measures[2].details.type") && stderr.contains("wiretap"),
        "{stderr}"
    );

    let output = mla(&["check", &defective(), "--today", "20-11-2026"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn rules_lists_the_catalogue_with_sources() {
    let output = mla(&["rules", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let catalogue: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let rules = catalogue["rules"].as_array().unwrap();
    assert!(rules.len() >= 60, "{}", rules.len());
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(ids, sorted);
    for rule in rules {
        assert!(!rule["source"].as_str().unwrap().is_empty());
        for lang in ["en", "fr", "es"] {
            for key in ["title", "why", "fix", "message"] {
                assert!(!rule[lang][key].as_str().unwrap().is_empty());
            }
        }
    }
    assert!(catalogue["measure_kinds"].as_array().unwrap().len() >= 15);
    let text = stdout(&mla(&["rules", "--lang", "fr"]));
    assert!(text.contains("content.facts-summary"));
    assert!(text.contains("Aucun exposé des faits"));
    assert!(text.contains("UNCAC art. 46(15)(c)"));
    assert!(text.trim_end().ends_with(&format!("{} rules", rules.len())));
}

#[test]
fn check_json_of_the_defective_example_matches_its_golden_file() {
    let output = Command::new(mla_bin())
        .current_dir(root())
        .args([
            "check",
            "assets/examples/defective/everything-wrong.mla.json",
            "--today",
            TODAY,
            "--no-profile",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let actual = stdout(&output);
    let path =
        root().join("src-tauri/crates/mla-cli/tests/expected/check/everything-wrong.en.json");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs; rerun with UPDATE_EXPECT=1 and review the diff.\n--- actual:\n{actual}",
        path.display()
    );
}

#[test]
fn check_output_of_the_examples_matches_the_golden_files() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut mismatches = Vec::new();
    for file in request_files() {
        let name = file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".mla.json", "");
        for lang in ["en", "fr", "es"] {
            let output = mla(&[
                "check",
                file.to_str().unwrap(),
                "--today",
                TODAY,
                "--no-profile",
                "--lang",
                lang,
            ]);
            assert!(matches!(output.status.code(), Some(0 | 1)), "{name} {lang}");
            let actual = stdout(&output);
            let expected_path = root().join(format!(
                "src-tauri/crates/mla-cli/tests/expected/check/{name}.{lang}.txt"
            ));
            if update {
                std::fs::write(&expected_path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            if expected != actual {
                mismatches.push(format!(
                    "{} differs; rerun with UPDATE_EXPECT=1 and review the diff.\n--- actual:\n{actual}",
                    expected_path.display()
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
