//! Hygiene of the real built-in profiles in `assets/profiles/`: every file loads under
//! strict validation, every fact has a source and a date, ids are unique, file name = iso3.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use mla_core::profile::{is_iso3166_alpha3, PartyStatus, Profile};
use mla_core::profile_set::builtin_profile_files;
use mla_core::ProfileSet;

/// The real date: no fact may be checked after the day the test runs.
fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn all() -> Vec<Profile> {
    builtin_profile_files()
        .iter()
        .map(|(name, text)| Profile::from_toml(name, text, today()).unwrap())
        .collect()
}

#[test]
fn every_builtin_profile_loads_with_strict_validation() {
    let mut errors = Vec::new();
    for (name, text) in builtin_profile_files() {
        if let Err(e) = Profile::from_toml(name, text, today()) {
            errors.push(e.to_string());
        }
    }
    assert!(
        errors.is_empty(),
        "invalid built-in profiles:\n{}",
        errors.join("\n")
    );
}

#[test]
fn embedded_table_matches_the_assets_directory() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../assets/profiles");
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir)
        .expect("assets/profiles exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    let embedded: BTreeSet<String> = builtin_profile_files()
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    assert_eq!(on_disk, embedded);
    assert!(!embedded.is_empty());
}

#[test]
fn file_names_are_iso3_and_unique() {
    let mut seen = BTreeSet::new();
    for ((name, _), profile) in builtin_profile_files().iter().zip(all()) {
        assert!(is_iso3166_alpha3(&profile.iso3), "{name}");
        assert_eq!(*name, format!("{}.toml", profile.iso3));
        assert!(seen.insert(profile.iso3.clone()), "{} twice", profile.iso3);
    }
}

#[test]
fn every_fact_has_a_source_and_a_date() {
    let mut facts = 0;
    for profile in all() {
        for (field, provenance) in profile.facts() {
            assert!(
                !provenance.source.trim().is_empty(),
                "{}: {field} has no source",
                profile.iso3
            );
            assert!(
                provenance.checked <= today(),
                "{}: {field} checked in the future",
                profile.iso3
            );
            assert!(
                provenance.checked > NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
                "{}: {field} has an implausible checked date",
                profile.iso3
            );
            facts += 1;
        }
    }
    eprintln!("{facts} sourced facts in the built-in profiles");
    assert!(facts > 0);
}

#[test]
fn builtin_set_reports_its_counts() {
    let set = ProfileSet::builtin().expect("built-in profiles load");
    let profiles: Vec<&Profile> = set.iter().map(|e| &e.profile).collect();
    let uncac_parties = profiles
        .iter()
        .filter(|p| p.uncac.as_ref().map(|f| f.value) == Some(PartyStatus::Party))
        .count();
    let authority_and_languages = profiles
        .iter()
        .filter(|p| !p.central_authorities.is_empty() && !p.languages.is_empty())
        .count();
    eprintln!(
        "built-in profiles: {} States, {uncac_parties} UNCAC parties, \
         {authority_and_languages} with a sourced central authority and languages",
        set.len()
    );
    assert_eq!(set.len(), builtin_profile_files().len());
}
