//! The output guard (`check_output`): an output path may never replace an input, however
//! it is reached (the same path, `.` components, a link in the folder, a link at the output,
//! a hard link), nor the register or the files SQLite keeps beside it.

use std::path::Path;

use mla_export::{check_output, ExportError, Protected};

fn refused(output: &Path, protected: &[Protected]) -> (String, String) {
    match check_output(output, protected) {
        Err(ExportError::OutputIsInput { input, what, .. }) => (what, input.display().to_string()),
        other => panic!("{} should be refused, got {other:?}", output.display()),
    }
}

#[test]
fn every_way_of_naming_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let request = dir.path().join("request.mla.json");
    std::fs::write(&request, b"{}").unwrap();
    let protected = [Protected::new("the request file", &request)];

    // The same path, and through `.`.
    let (what, input) = refused(&request, &protected);
    assert_eq!(what, "the request file");
    assert_eq!(input, request.display().to_string());
    refused(&dir.path().join(".").join("request.mla.json"), &protected);

    // A link to the folder: the output's folder is resolved.
    let linked_dir = dir.path().join("linked");
    std::os::unix::fs::symlink(dir.path(), &linked_dir).unwrap();
    refused(&linked_dir.join("request.mla.json"), &protected);

    // A link at the output path, pointing at the input.
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&request, &link).unwrap();
    refused(&link, &protected);

    // A hard link: another name, the same file.
    let hard = dir.path().join("hard.json");
    std::fs::hard_link(&request, &hard).unwrap();
    refused(&hard, &protected);

    // Another file in the same folder is fine.
    check_output(&dir.path().join("other.json"), &protected).unwrap();
    assert_eq!(std::fs::read(&request).unwrap(), b"{}");
}

#[test]
fn the_register_and_its_companions_are_protected_even_before_they_exist() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("register.sqlite");
    let protected = Protected::register(&register, "the register");
    // Nothing exists yet: still refused by name (the WAL appears at the next session).
    for (suffix, what) in [
        ("", "the register"),
        ("-wal", "the register's WAL file"),
        ("-shm", "the register's shared-memory file"),
        ("-journal", "the register's journal"),
    ] {
        let output = dir.path().join(format!("register.sqlite{suffix}"));
        assert_eq!(refused(&output, &protected).0, what);
    }
    // A folder reached through a link, for a register that does not exist yet.
    let linked_dir = dir.path().join("linked");
    std::os::unix::fs::symlink(dir.path(), &linked_dir).unwrap();
    refused(&linked_dir.join("register.sqlite-wal"), &protected);
    // The register given through a link: the files beside its target are protected too.
    std::fs::write(&register, b"SQLite format 3\0").unwrap();
    let link = dir.path().join("reg-link.sqlite");
    std::os::unix::fs::symlink(&register, &link).unwrap();
    let through_link = Protected::register(&link, "the register");
    refused(&dir.path().join("register.sqlite-wal"), &through_link);
}

#[test]
fn a_missing_folder_is_reported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/out.pdf");
    match check_output(&missing, &[]) {
        Err(ExportError::NoOutputFolder { path }) => {
            assert_eq!(path, dir.path().join("no/such"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_message_names_the_input_that_would_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let annex = dir.path().join("annex.pdf");
    std::fs::write(&annex, b"%PDF").unwrap();
    let err = check_output(&annex, &[Protected::new("an annex", &annex)]).unwrap_err();
    assert_eq!(err.code(), "export_output_is_input");
    assert_eq!(
        err.to_string(),
        format!(
            "the output {0} would replace an annex ({0}); nothing was written: choose another \
             output file",
            annex.display()
        )
    );
}
