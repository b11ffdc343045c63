//! The register is private to its owner: created 0600 (its WAL and shared-memory files
//! follow, as SQLite gives them the database file's mode), and an existing register other
//! users could read is made private when opened, and reported.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use mla_core::Request;
use mla_store::{OpenOptions, Register, Tightened};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

fn request() -> Request {
    Request {
        reference: "PERM/1".into(),
        ..Request::default()
    }
}

#[test]
fn a_new_register_and_its_wal_and_shm_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.sqlite");
    let register = Register::open(&path).unwrap();
    register.create(&request(), "tester").unwrap();
    // While the register is open, the WAL and the shared-memory file exist.
    let (wal, shm) = (beside(&path, "-wal"), beside(&path, "-shm"));
    assert!(wal.exists() && shm.exists());
    assert_eq!(mode(&path), 0o600, "register");
    assert_eq!(mode(&wal), 0o600, "WAL");
    assert_eq!(mode(&shm), 0o600, "shared memory");
    assert!(register.tightened_permissions().is_empty());
}

#[test]
fn an_existing_world_readable_register_is_made_private_and_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.sqlite");
    {
        let register = Register::open(&path).unwrap();
        register.create(&request(), "tester").unwrap();
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let register = Register::open(&path).unwrap();
    // SQLite made the WAL and shared-memory files 0644 like the register when it opened
    // it; all three are made private.
    let expected: Vec<Tightened> = ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| Tightened {
            path: beside(&path, suffix),
            was: 0o644,
            now: 0o600,
        })
        .collect();
    assert_eq!(register.tightened_permissions(), &expected[..]);
    for t in &expected {
        assert_eq!(mode(&t.path), 0o600, "{}", t.path.display());
    }
    drop(register);
    // Nothing to say the next time.
    assert!(Register::open(&path)
        .unwrap()
        .tightened_permissions()
        .is_empty());
}

#[test]
fn a_read_only_open_and_a_foreign_file_change_no_permission() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.sqlite");
    drop(Register::open(&path).unwrap());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let options = OpenOptions {
        read_only: true,
        ..OpenOptions::default()
    };
    let register = Register::open_with(&path, &options).unwrap();
    assert!(register.tightened_permissions().is_empty());
    assert_eq!(mode(&path), 0o644);
    drop(register);

    // Another program's SQLite file: refused, and its permissions left alone.
    let foreign = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x);")
        .unwrap();
    std::fs::set_permissions(&foreign, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(Register::open(&foreign).is_err());
    assert_eq!(mode(&foreign), 0o644);
}
