//! Profile packs against real folders, real zip files and a real data directory.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mla_core::profile_set::builtin_profile_files;
use mla_core::ProfileOrigin;
use mla_profiles::{read_pack, PackError, PackStore, PROFILE_DIR_ENV};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A fictitious profile (Antarctica is not a State) for pack tests.
fn fixture(iso3: &str, name: &str) -> String {
    format!(
        "format_version = 1\niso3 = \"{iso3}\"\n\n[names]\nen = \"{name}\"\n\n\
         [legal_basis]\nvalue = \"convention_accepted\"\nsource = \"Pack test fixture\"\n\
         checked = \"2026-11-01\"\n"
    )
}

/// A built-in State's profile, renamed, so that the override is visible.
fn builtin_renamed(iso3: &str, new_name: &str) -> String {
    let (_, text) = builtin_profile_files()
        .iter()
        .find(|(n, _)| *n == format!("{iso3}.toml"))
        .expect("the built-in profile exists");
    let profile = mla_core::Profile::from_toml(&format!("{iso3}.toml"), text, today()).unwrap();
    text.replacen(
        &format!("en = \"{}\"", profile.names.en),
        &format!("en = \"{new_name}\""),
        1,
    )
}

fn first_builtin_iso3() -> String {
    builtin_profile_files()[0]
        .0
        .trim_end_matches(".toml")
        .to_owned()
}

fn folder(root: &Path, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = root.join(name);
    fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

fn zip_file(root: &Path, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let path = root.join(name);
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (file, bytes) in files {
        zip.start_file(*file, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    path
}

/// Every file under `dir`, with its contents, to prove nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        if let Ok(entries) = fs::read_dir(&d) {
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push((p.clone(), fs::read(&p).unwrap()));
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn folder_pack_overrides_builtins_and_records_its_origin() {
    let tmp = tempfile::tempdir().unwrap();
    let store = PackStore::at(tmp.path().join("data"));
    let iso3 = first_builtin_iso3();
    let overridden = builtin_renamed(&iso3, "Overridden by pack");
    let pack = folder(
        tmp.path(),
        "pack-2026-12",
        &[
            (&format!("{iso3}.toml"), overridden.as_bytes()),
            (
                "ATA.toml",
                fixture("ATA", "Antarctica (test fixture)").as_bytes(),
            ),
            ("README.md", b"notes"),
        ],
    );
    let before = store.load().unwrap();
    assert!(matches!(
        before.set.entry(&iso3).unwrap().origin,
        ProfileOrigin::BuiltIn { .. }
    ));
    assert!(before.active.is_none());

    let report = store.import(&pack, today()).unwrap();
    assert_eq!(report.active.name, "pack-2026-12");
    let mut expected_states = vec!["ATA".to_owned(), iso3.clone()];
    expected_states.sort();
    assert_eq!(report.active.states, expected_states);
    assert_eq!(report.ignored, ["README.md"]);

    let after = store.load().unwrap();
    assert!(after.pack_problem.is_none());
    let entry = after.set.entry(&iso3).unwrap();
    assert_eq!(entry.profile.names.en, "Overridden by pack");
    assert_eq!(entry.origin.to_string(), "pack pack-2026-12");
    assert_eq!(
        after.set.get("ata").unwrap().names.en,
        "Antarctica (test fixture)"
    );
    // States the pack does not hold keep their built-in profile.
    assert_eq!(after.set.len(), before.set.len() + 1);
    let other = builtin_profile_files()[1].0.trim_end_matches(".toml");
    assert!(after
        .set
        .entry(other)
        .unwrap()
        .origin
        .to_string()
        .starts_with("built-in 20"));
    // The files were copied: deleting the source does not matter.
    fs::remove_dir_all(&pack).unwrap();
    assert_eq!(
        store.load().unwrap().set.get(&iso3).unwrap().names.en,
        "Overridden by pack"
    );
}

#[test]
fn zip_pack_imports_from_a_sub_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let store = PackStore::at(tmp.path().join("data"));
    let zip = zip_file(
        tmp.path(),
        "december.zip",
        &[
            (
                "december/ATA.toml",
                fixture("ATA", "From the zip").as_bytes(),
            ),
            ("december/README.md", b"notes"),
            ("__MACOSX/december/._ATA.toml", b"\x00\x01"),
        ],
    );
    let report = store.import(&zip, today()).unwrap();
    assert_eq!(report.active.name, "december");
    let loaded = store.load().unwrap();
    assert_eq!(loaded.set.get("ATA").unwrap().names.en, "From the zip");
    assert_eq!(
        loaded.set.entry("ATA").unwrap().origin,
        ProfileOrigin::Pack {
            name: "december".into()
        }
    );
}

#[test]
fn bad_pack_is_rejected_whole_with_every_problem_and_the_active_pack_stays() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = PackStore::at(&data);
    let good = folder(
        tmp.path(),
        "good",
        &[("ATA.toml", fixture("ATA", "Good pack").as_bytes())],
    );
    store.import(&good, today()).unwrap();
    let before = snapshot(&data);

    let future = fixture("ATA", "Bad pack").replace("2026-11-01", "2027-01-01");
    let bad = folder(
        tmp.path(),
        "bad",
        &[
            ("ATA.toml", future.as_bytes()),
            ("FRA.toml", fixture("BVT", "Bouvet Island").as_bytes()),
            (
                "XYZ.toml",
                b"format_version = 1\niso3 = \"XYZ\"\n[names]\nen = \"x\"\nextra = 1\n",
            ),
            ("BVT.toml", b"\xff\xfe not utf-8"),
            (
                "HMD.toml",
                fixture("HMD", "A good file in a bad pack").as_bytes(),
            ),
        ],
    );
    let err = store.import(&bad, today()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "profile pack `bad` rejected, nothing was changed (1 problem):\n  \
         BVT.toml: not UTF-8 text (first bad byte at offset 0): save it as UTF-8"
    );
    // With the unreadable file fixed, every validation problem of every file is listed.
    fs::write(bad.join("BVT.toml"), fixture("BVT", "Bouvet Island")).unwrap();
    let err = store.import(&bad, today()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "profile pack `bad` rejected, nothing was changed (3 problems):\n  \
         ATA.toml: line 10: field `legal_basis.checked`: 2027-01-01 is in the future (today is 2026-11-22): give the date the source was read\n  \
         FRA.toml: line 2: field `iso3`: the file is named `FRA.toml` but holds `BVT`: name it `BVT.toml`\n  \
         XYZ.toml: line 5: field `names.extra`: unknown field `extra`, expected one of `en`, `fr`, `es`"
    );
    match &err {
        PackError::Rejected { problems, .. } => assert_eq!(problems.len(), 3),
        other => panic!("expected Rejected, got {other:?}"),
    }
    assert_eq!(
        snapshot(&data),
        before,
        "a rejected pack changed the data dir"
    );
    let loaded = store.load().unwrap();
    assert_eq!(loaded.set.get("ATA").unwrap().names.en, "Good pack");
    assert!(loaded.set.get("HMD").is_none());
}

#[test]
fn zip_with_the_same_state_twice_is_rejected() {
    let tmp = tempfile::tempdir().unwrap();
    let store = PackStore::at(tmp.path().join("data"));
    let zip = zip_file(
        tmp.path(),
        "twice.zip",
        &[
            ("a/ATA.toml", fixture("ATA", "one").as_bytes()),
            ("b/ATA.toml", fixture("ATA", "two").as_bytes()),
        ],
    );
    let err = store.import(&zip, today()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "profile pack `twice` rejected, nothing was changed (1 problem):\n  \
         ATA.toml: appears twice in the pack: keep one file per State"
    );
    assert!(store.active().unwrap().is_none());
}

#[test]
fn zip_entry_paths_never_reach_the_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("deep/data");
    let store = PackStore::at(&data);
    let zip = zip_file(
        tmp.path(),
        "slip.zip",
        &[("../../ATA.toml", fixture("ATA", "slip").as_bytes())],
    );
    let report = store.import(&zip, today()).unwrap();
    assert!(!tmp.path().join("ATA.toml").exists());
    assert!(!tmp.path().join("deep/ATA.toml").exists());
    assert!(data
        .join("packs")
        .join(&report.active.dir)
        .join("ATA.toml")
        .is_file());
}

#[test]
fn empty_folder_and_non_pack_files_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let store = PackStore::at(tmp.path().join("data"));
    let empty = folder(tmp.path(), "empty", &[("notes.txt", b"x")]);
    assert_eq!(
        store.import(&empty, today()).unwrap_err().to_string(),
        "profile pack `empty` rejected, nothing was changed (1 problem):\n  \
         empty: holds no profile file (XXX.toml)"
    );
    let text = tmp.path().join("ATA.txt");
    fs::write(&text, "x").unwrap();
    let err = store.import(&text, today()).unwrap_err();
    assert!(matches!(err, PackError::NotAPack { .. }), "{err}");
    let not_zip = tmp.path().join("broken.zip");
    fs::write(&not_zip, "this is not a zip").unwrap();
    let err = store.import(&not_zip, today()).unwrap_err();
    assert!(matches!(err, PackError::Zip { .. }), "{err}");
    let missing = tmp.path().join("missing");
    let err = store.import(&missing, today()).unwrap_err();
    assert!(matches!(err, PackError::Io { .. }), "{err}");
    assert!(store.active().unwrap().is_none());
}

#[test]
fn a_damaged_stored_pack_falls_back_to_builtins_with_the_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = PackStore::at(&data);
    let pack = folder(
        tmp.path(),
        "p",
        &[("ATA.toml", fixture("ATA", "Stored").as_bytes())],
    );
    let report = store.import(&pack, today()).unwrap();
    fs::write(
        data.join("packs").join(&report.active.dir).join("ATA.toml"),
        "format_version = 1\niso3 = \"ATA\"\n",
    )
    .unwrap();
    let loaded = store.load().unwrap();
    assert!(loaded.set.get("ATA").is_none());
    assert_eq!(loaded.set.len(), builtin_profile_files().len());
    let problem = loaded.pack_problem.expect("the problem is reported");
    assert_eq!(
        problem.to_string(),
        "profile pack `p` rejected, nothing was changed (1 problem):\n  \
         ATA.toml: line 1: missing field `names`"
    );
}

#[test]
fn reset_returns_to_the_builtins_and_a_new_import_replaces_the_old_pack() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = PackStore::at(&data);
    let first = folder(
        tmp.path(),
        "first",
        &[("ATA.toml", fixture("ATA", "1").as_bytes())],
    );
    let second = folder(
        tmp.path(),
        "second",
        &[("HMD.toml", fixture("HMD", "2").as_bytes())],
    );
    let one = store.import(&first, today()).unwrap();
    let two = store.import(&second, today()).unwrap();
    // Packs replace each other; they do not stack.
    let loaded = store.load().unwrap();
    assert!(loaded.set.get("ATA").is_none());
    assert_eq!(loaded.set.get("HMD").unwrap().names.en, "2");
    assert!(!data.join("packs").join(&one.active.dir).exists());
    assert_eq!(store.reset().unwrap().unwrap().name, "second");
    assert!(!data.join("packs").join(&two.active.dir).exists());
    assert!(store.load().unwrap().set.get("HMD").is_none());
    assert!(store.reset().unwrap().is_none());
}

#[test]
fn read_pack_lists_files_sorted_and_ignores_hidden_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = folder(
        tmp.path(),
        "p",
        &[
            ("HMD.toml", b"a"),
            ("ATA.toml", b"b"),
            (".hidden.toml", b"c"),
        ],
    );
    let files = read_pack(&pack).unwrap();
    let names: Vec<&str> = files.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["ATA.toml", "HMD.toml"]);
    assert_eq!(files.ignored, [".hidden.toml"]);
}

#[test]
fn profile_dir_env_var_is_honoured() {
    let tmp = tempfile::tempdir().unwrap();
    // Only this test touches the variable.
    std::env::set_var(PROFILE_DIR_ENV, tmp.path());
    let store = PackStore::from_env().unwrap();
    std::env::remove_var(PROFILE_DIR_ENV);
    assert_eq!(store.dir(), tmp.path());
}
