//! `mla profiles`, `mla profile XXX` and `mla profiles import`, with the real binary, the
//! real built-in profiles and a real profile data folder (MLA_PROFILE_DIR).

use std::path::Path;
use std::process::{Command, Output};

use crate::mla_bin;
use mla_core::profile::UNKNOWN_FACT;
use mla_core::ProfileSet;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn profile_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("profiles")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(mla_bin())
            .env("MLA_PROFILE_DIR", self.profile_dir())
            .env("MLA_REGISTER", self.dir.path().join("register.sqlite"))
            .env("RUST_BACKTRACE", "1")
            .args(args)
            .output()
            .unwrap()
    }

    fn run_ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "mla {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn pack(&self, name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
        let dir = self.dir.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, text) in files {
            std::fs::write(dir.join(file), text).unwrap();
        }
        dir
    }
}

/// A fictitious profile (Antarctica is not a State) for pack tests.
fn fixture(en: &str, checked: &str) -> String {
    format!(
        "format_version = 1\niso3 = \"ATA\"\n\n[names]\nen = \"{en}\"\n\n[legal_basis]\n\
         value = \"convention_accepted\"\nsource = \"CLI test fixture\"\nchecked = \"{checked}\"\n"
    )
}

fn builtin() -> ProfileSet {
    ProfileSet::builtin().expect("built-in profiles load")
}

#[test]
fn profiles_lists_every_builtin_state_with_the_totals() {
    let env = Env::new();
    let text = env.run_ok(&["profiles"]);
    let set = builtin();
    let (rows, totals) = set.coverage();
    for row in &rows {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{} ", row.iso3))),
            "{} missing",
            row.iso3
        );
    }
    let expected = format!(
        "Totals: {} States with a profile; {} parties to UNCAC (sourced); {} with a sourced \
         central authority and languages; {} full profiles; {} sourced facts.",
        totals.states,
        totals.uncac_parties,
        totals.with_authority_and_languages,
        totals.full_profiles,
        totals.facts
    );
    assert!(text.contains(&expected), "{text}");
    assert!(
        totals.states > 100 && totals.uncac_parties > 100,
        "{expected}"
    );
}

#[test]
fn profiles_json_gives_coverage_per_state_and_totals() {
    let env = Env::new();
    let json: serde_json::Value =
        serde_json::from_str(&env.run_ok(&["profiles", "--format", "json"])).unwrap();
    let (rows, totals) = builtin().coverage();
    assert_eq!(json["states"].as_array().unwrap().len(), rows.len());
    assert_eq!(json["totals"]["states"], totals.states);
    assert_eq!(json["totals"]["uncac_parties"], totals.uncac_parties);
    assert_eq!(json["pack"], serde_json::Value::Null);
    let first = &json["states"][0];
    assert_eq!(first["iso3"], rows[0].iso3.as_str());
    assert!(first["unknown"].is_array() && first["sourced"].is_array());
}

#[test]
fn profile_prints_every_fact_with_its_source_and_unknowns_as_unknown() {
    let env = Env::new();
    let set = builtin();
    // A real State whose legal-basis stance is sourced and whose dual-criminality stance is
    // not, so the output must show both a source and an unknown.
    let entry = set
        .iter()
        .find(|e| e.profile.legal_basis.is_some() && e.profile.dual_criminality.is_none())
        .expect("such a profile exists in the data");
    let p = &entry.profile;
    let text = env.run_ok(&["profile", &p.iso3.to_lowercase()]);
    assert!(text.starts_with(&format!("{} ({}) — built-in ", p.names.en, p.iso3)));
    let basis = p.legal_basis.as_ref().unwrap();
    assert!(text.contains(&format!(
        "  source: {} (checked {})",
        basis.source, basis.checked
    )));
    assert!(text.contains(&format!("Dual criminality: {UNKNOWN_FACT}")));
    // Every fact appears with its date.
    let sources = text
        .lines()
        .filter(|l| l.trim_start().starts_with("source: "))
        .count();
    assert_eq!(sources, p.facts().len(), "{text}");

    let json: serde_json::Value =
        serde_json::from_str(&env.run_ok(&["profile", &p.iso3, "--format", "json"])).unwrap();
    assert_eq!(json["profile"]["iso3"], p.iso3.as_str());
    assert!(json["unknown"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("dual_criminality")));
}

#[test]
fn profile_of_a_state_without_profile_or_a_bad_code() {
    let env = Env::new();
    // Antarctica has an ISO code and no profile.
    assert_eq!(
        env.run_ok(&["profile", "ATA"]),
        format!("ATA: no profile — every requirement is {UNKNOWN_FACT}.\n")
    );
    let out = env.run(&["profile", "XYZ"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "mla: error: `XYZ` is not an ISO 3166-1 alpha-3 country code (e.g. THA, FRA, USA)\n"
    );
}

#[test]
fn import_overrides_a_bad_pack_changes_nothing_and_reset_restores() {
    let env = Env::new();
    let good = env.pack(
        "pack-a",
        &[("ATA.toml", &fixture("From pack A", "2026-11-01"))],
    );
    let out = env.run_ok(&["profiles", "import", good.to_str().unwrap()]);
    assert_eq!(
        out,
        "imported profile pack `pack-a`: 1 State profile(s) now override the built-in ones: ATA\n"
    );
    let shown = env.run_ok(&["profile", "ATA"]);
    assert!(
        shown.starts_with("From pack A (ATA) — pack pack-a\n"),
        "{shown}"
    );
    assert!(shown.contains("  source: CLI test fixture (checked 2026-11-01)"));

    // A pack with a future date and an unknown key: rejected with both problems.
    let bad = env.pack(
        "pack-b",
        &[
            ("ATA.toml", &fixture("From pack B", "2999-01-01")),
            (
                "HMD.toml",
                "format_version = 1\niso3 = \"HMD\"\n\n[names]\nen = \"x\"\ncolour = \"red\"\n",
            ),
        ],
    );
    let before = snapshot(&env.profile_dir());
    let out = env.run(&["profiles", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with(
        "mla: error: profile pack `pack-b` rejected, nothing was changed (2 problems):\n"
    ));
    assert!(stderr
        .contains("  ATA.toml: line 10: field `legal_basis.checked`: 2999-01-01 is in the future"));
    assert!(stderr.contains("  HMD.toml: line 6: field `names.colour`: unknown field `colour`"));
    assert_eq!(snapshot(&env.profile_dir()), before);
    assert!(env
        .run_ok(&["profile", "ATA"])
        .starts_with("From pack A (ATA)"));
    let listing = env.run_ok(&["profiles"]);
    assert!(listing.contains("Imported pack `pack-a` (1 States, imported "));

    assert_eq!(
        env.run_ok(&["profiles", "reset"]),
        "profile pack `pack-a` removed; the built-in profiles are in force\n"
    );
    assert!(env
        .run_ok(&["profile", "ATA"])
        .starts_with("ATA: no profile"));
}

#[test]
fn import_of_something_that_is_not_a_pack_is_a_usage_problem() {
    let env = Env::new();
    let file = env.dir.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    let out = env.run(&["profiles", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a profile pack"));
}

fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        if let Ok(entries) = std::fs::read_dir(&d) {
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push((p.clone(), std::fs::read(&p).unwrap()));
                }
            }
        }
    }
    out.sort();
    out
}

/// The THA example request, sent to `iso3` on the UNCAC alone (no reciprocity assurance).
fn request_to(env: &Env, iso3: &str) -> std::path::PathBuf {
    let example = crate::workspace_root().join("assets/examples/service-appearance-tha.mla.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
    value["requested_state"] = iso3.into();
    value["legal_basis"] = serde_json::json!([{"kind": "uncac"}]);
    value["assurances"]["reciprocity"] = false.into();
    value["drafting_language"] = "en".into();
    let path = env.dir.path().join(format!("to-{iso3}.mla.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    path
}

/// `mla check --format json`: (rule id, source) of the `state.*` findings.
fn state_findings(env: &Env, file: &Path) -> Vec<(String, String)> {
    let out = env.run(&[
        "check",
        file.to_str().unwrap(),
        "--today",
        "2026-11-20",
        "--format",
        "json",
    ]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"].as_str().unwrap().starts_with("state."))
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_owned(),
                f["source"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Every `[[languages]]` entry of a profile says whether `en` is accepted, the same way.
fn accepts_english(p: &mla_core::Profile) -> Option<bool> {
    let answers: Vec<bool> = p
        .languages
        .iter()
        .map(|l| l.requests.iter().any(|x| x == "en"))
        .collect();
    match answers.first() {
        Some(first) if answers.iter().all(|a| a == first) => Some(*first),
        _ => None,
    }
}

#[test]
fn check_uses_the_requested_states_profile_and_cites_its_facts() {
    use mla_core::profile::LegalBasisStance as Stance;
    let env = Env::new();
    let set = builtin();
    let stance = |p: &mla_core::Profile| p.legal_basis.as_ref().map(|f| f.value);
    // Three real States with different profiles, picked from the data, not named here.
    let treaty_state = set
        .iter()
        .map(|e| &e.profile)
        .find(|p| stance(p) == Some(Stance::TreatyOrReciprocityRequired))
        .expect("a State that requires a treaty or reciprocity");
    let no_english = set
        .iter()
        .map(|e| &e.profile)
        .find(|p| {
            stance(p) == Some(Stance::ConventionAccepted) && accepts_english(p) == Some(false)
        })
        .expect("a State that takes the Convention and no English");
    let english = set
        .iter()
        .map(|e| &e.profile)
        .find(|p| stance(p) == Some(Stance::ConventionAccepted) && accepts_english(p) == Some(true))
        .expect("a State that takes the Convention and English");
    let cited = |p: &mla_core::Profile| {
        let f = p.legal_basis.as_ref().unwrap();
        format!("{} (checked {})", f.source, f.checked)
    };
    let languages_cited = |p: &mla_core::Profile| {
        let f = &p.languages[0];
        format!("{} (checked {})", f.source, f.checked)
    };

    let a = state_findings(&env, &request_to(&env, &treaty_state.iso3));
    assert!(
        a.contains(&("state.legal-basis".into(), cited(treaty_state))),
        "{}: {a:?}",
        treaty_state.iso3
    );

    let b = state_findings(&env, &request_to(&env, &no_english.iso3));
    assert!(!b.iter().any(|(id, _)| id == "state.legal-basis"), "{b:?}");
    assert!(
        b.contains(&("state.language".into(), languages_cited(no_english))),
        "{}: {b:?}",
        no_english.iso3
    );

    let c = state_findings(&env, &request_to(&env, &english.iso3));
    assert!(
        !c.iter()
            .any(|(id, _)| id == "state.legal-basis" || id == "state.language"),
        "{}: {c:?}",
        english.iso3
    );

    // Every state finding cites a profile fact with its date, except the unknowns.
    for (id, source) in a.iter().chain(&b).chain(&c) {
        if id != "state.unknown-profile" {
            assert!(source.contains(" (checked 20"), "{id}: {source}");
        }
    }
    eprintln!(
        "three States: {} {a:?}\n{} {b:?}\n{} {c:?}",
        treaty_state.iso3, no_english.iso3, english.iso3
    );
}

#[test]
fn check_of_a_state_without_profile_says_it_is_unknown() {
    let env = Env::new();
    let file = request_to(&env, "ATA");
    assert_eq!(
        state_findings(&env, &file),
        [(
            "state.unknown-profile".to_owned(),
            "UNCAC art. 46(13), (14); CAC/COSP/2019/7 §§ 57, 101 (consult the central authority \
             before sending)"
                .to_owned()
        )]
    );
    // An imported pack is used by `mla check` too.
    let pack = env.pack(
        "pack-c",
        &[("ATA.toml", &fixture("Antarctica (pack)", "2026-11-01"))],
    );
    env.run_ok(&["profiles", "import", pack.to_str().unwrap()]);
    let text = String::from_utf8(
        env.run(&["check", file.to_str().unwrap(), "--today", "2026-11-20"])
            .stdout,
    )
    .unwrap();
    assert!(
        text.starts_with("Requested State profile: Antarctica (pack) (ATA), pack pack-c\n"),
        "{text}"
    );
}
