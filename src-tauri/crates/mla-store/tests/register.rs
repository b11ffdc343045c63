//! The register on real SQLite files in temporary folders.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mla_core::{write_request, Request};
use mla_store::{ListFilter, OpenOptions, Register, StoreError};
use rusqlite::Connection;

fn temp_register() -> (tempfile::TempDir, PathBuf, Register) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.sqlite");
    let register = Register::open(&path).unwrap();
    (dir, path, register)
}

fn request(reference: &str, state: &str, case_number: &str) -> Request {
    let mut request = Request {
        reference: reference.to_owned(),
        requested_state: state.to_owned(),
        ..Request::default()
    };
    request.case.case_number = case_number.to_owned();
    request
}

fn short_timeout() -> OpenOptions {
    OpenOptions {
        busy_timeout: Duration::from_millis(200),
        ..OpenOptions::default()
    }
}

#[test]
fn create_then_get_returns_the_request_with_a_document_id() {
    let (_dir, _path, register) = temp_register();
    let original = request("RURI/2026/001", "FRA", "INV-17");
    let id = register.create(&original, "alice").unwrap();
    let draft = register.get(id).unwrap();
    assert_eq!(draft.summary.reference, "RURI/2026/001");
    assert_eq!(draft.summary.requested_state, "FRA");
    assert_eq!(draft.summary.case_number, "INV-17");
    assert_eq!(draft.summary.status, "draft");
    assert_eq!(draft.summary.version, 1);
    assert!(!draft.summary.deleted);
    assert!(!draft.request.id.is_empty(), "a fresh document id is given");
    let mut expected = original.clone();
    expected.id = draft.request.id.clone();
    assert_eq!(draft.request, expected);
    chrono::DateTime::parse_from_rfc3339(&draft.summary.updated_at).unwrap();
    assert!(draft.summary.updated_at.ends_with('Z'));
}

#[test]
fn an_existing_document_id_is_kept() {
    let (_dir, _path, register) = temp_register();
    let mut original = request("R", "CHE", "");
    original.id = "doc-42".to_owned();
    let id = register.create(&original, "alice").unwrap();
    assert_eq!(register.get(id).unwrap().request, original);
}

#[test]
fn every_save_is_a_version_kept_in_history() {
    let (_dir, _path, register) = temp_register();
    let mut r = request("R-1", "FRA", "");
    let id = register.create(&r, "alice").unwrap();
    r = register.get(id).unwrap().request;
    let mut texts = vec![write_request(&r)];
    for i in 2..=5 {
        r.facts = format!("Facts as of save {i}.");
        assert_eq!(register.save(id, &r, "bob").unwrap(), i);
        texts.push(write_request(&r));
    }
    let history = register.history(id).unwrap();
    assert_eq!(
        history.iter().map(|v| v.version).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );
    assert_eq!(history[0].actor, "alice");
    assert_eq!(history[0].note, "created");
    assert_eq!(history[4].actor, "bob");
    for (i, text) in texts.iter().enumerate() {
        let version = i as i64 + 1;
        assert_eq!(&register.version_text(id, version).unwrap(), text);
        assert_eq!(
            write_request(&register.version(id, version).unwrap()),
            *text
        );
    }
    assert_eq!(
        register.get(id).unwrap().request.facts,
        "Facts as of save 5."
    );
    assert_eq!(register.get(id).unwrap().summary.version, 5);
}

#[test]
fn saving_identical_content_makes_no_new_version() {
    let (_dir, _path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "alice").unwrap();
    let same = register.get(id).unwrap().request;
    assert_eq!(register.save(id, &same, "alice").unwrap(), 1);
    assert_eq!(register.history(id).unwrap().len(), 1);
    let saves = register.audit(Some(id)).unwrap();
    assert!(saves.iter().all(|e| e.action != "save"));
}

#[test]
fn save_updates_the_summary_columns() {
    let (_dir, _path, register) = temp_register();
    let id = register.create(&request("OLD", "FRA", "C1"), "a").unwrap();
    let mut r = register.get(id).unwrap().request;
    r.reference = "NEW".to_owned();
    r.requested_state = "THA".to_owned();
    r.case.case_number = "C2".to_owned();
    register.save(id, &r, "a").unwrap();
    let s = register.summary(id).unwrap();
    assert_eq!(
        (
            s.reference.as_str(),
            s.requested_state.as_str(),
            s.case_number.as_str()
        ),
        ("NEW", "THA", "C2")
    );
}

#[test]
fn restore_appends_a_version_equal_to_the_old_one() {
    let (_dir, _path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "alice").unwrap();
    let mut r = register.get(id).unwrap().request;
    r.facts = "second".to_owned();
    register.save(id, &r, "alice").unwrap();
    r.facts = "third".to_owned();
    r.reference = "R-renamed".to_owned();
    register.save(id, &r, "alice").unwrap();

    let new_version = register.restore_version(id, 2, "carol").unwrap();
    assert_eq!(new_version, 4);
    assert_eq!(
        register.version_text(id, 4).unwrap(),
        register.version_text(id, 2).unwrap()
    );
    let draft = register.get(id).unwrap();
    assert_eq!(draft.request.facts, "second");
    assert_eq!(
        draft.summary.reference, "R",
        "summary follows the restored content"
    );
    let history = register.history(id).unwrap();
    assert_eq!(history.len(), 4);
    assert_eq!(history[3].note, "restored from version 2");
    assert_eq!(history[3].actor, "carol");
    // The versions in between are still there.
    assert_eq!(register.version(id, 3).unwrap().facts, "third");
}

#[test]
fn restore_of_a_missing_version_or_draft_is_reported() {
    let (_dir, _path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "a").unwrap();
    assert!(matches!(
        register.restore_version(id, 9, "a"),
        Err(StoreError::VersionNotFound { id: i, version: 9 }) if i == id
    ));
    assert!(matches!(
        register.restore_version(id + 100, 1, "a"),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(register.history(id).unwrap().len(), 1);
}

#[test]
fn trash_and_untrash() {
    let (_dir, _path, register) = temp_register();
    let keep = register.create(&request("KEEP", "FRA", ""), "a").unwrap();
    let bin = register.create(&request("BIN", "CHE", ""), "a").unwrap();
    register.trash(bin, "a").unwrap();

    let live = register.list(&ListFilter::default()).unwrap();
    assert_eq!(live.iter().map(|s| s.id).collect::<Vec<_>>(), vec![keep]);
    let trash = register
        .list(&ListFilter {
            only_deleted: true,
            ..ListFilter::default()
        })
        .unwrap();
    assert_eq!(trash.iter().map(|s| s.id).collect::<Vec<_>>(), vec![bin]);
    assert!(trash[0].deleted);
    let all = register
        .list(&ListFilter {
            include_deleted: true,
            ..ListFilter::default()
        })
        .unwrap();
    assert_eq!(all.len(), 2);
    // A trashed draft still opens, with its history.
    assert_eq!(register.get(bin).unwrap().summary.reference, "BIN");

    register.untrash(bin, "a").unwrap();
    assert_eq!(register.list(&ListFilter::default()).unwrap().len(), 2);
    assert!(matches!(
        register.trash(999, "a"),
        Err(StoreError::NotFound(999))
    ));
}

#[test]
fn duplicate_copies_the_current_request_with_a_new_document_id() {
    let (_dir, _path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "a").unwrap();
    let mut r = register.get(id).unwrap().request;
    r.facts = "latest facts".to_owned();
    register.save(id, &r, "a").unwrap();
    let copy = register.duplicate(id, "b").unwrap();
    assert_ne!(copy, id);
    let copied = register.get(copy).unwrap();
    assert_eq!(copied.summary.version, 1);
    assert_eq!(copied.request.facts, "latest facts");
    assert_ne!(copied.request.id, r.id);
    let mut expected = r.clone();
    expected.id = copied.request.id.clone();
    assert_eq!(copied.request, expected);
    assert_eq!(
        register.history(copy).unwrap()[0].note,
        format!("duplicated from draft {id}, version 2")
    );
}

#[test]
fn audit_log_records_who_did_what() {
    let (_dir, _path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "alice").unwrap();
    let mut r = register.get(id).unwrap().request;
    r.facts = "x".to_owned();
    register.save(id, &r, "bob").unwrap();
    register.set_status(id, "ready", "carol").unwrap();
    register.restore_version(id, 1, "dave").unwrap();
    register.trash(id, "erin").unwrap();
    register.untrash(id, "erin").unwrap();
    let copy = register.duplicate(id, "frank").unwrap();

    let log = register.audit(Some(id)).unwrap();
    let seen: Vec<(&str, &str, &str)> = log
        .iter()
        .map(|e| (e.action.as_str(), e.actor.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("create", "alice", "created"),
            ("save", "bob", "version 2"),
            ("status", "carol", "draft -> ready"),
            ("restore", "dave", "version 1 restored as version 3"),
            ("trash", "erin", ""),
            ("untrash", "erin", ""),
        ]
    );
    assert!(log.iter().all(|e| e.draft_id == Some(id)));
    let whole = register.audit(None).unwrap();
    assert_eq!(whole.len(), 7);
    assert_eq!(whole[6].action, "duplicate");
    assert_eq!(whole[6].draft_id, Some(copy));
    for entry in &whole {
        chrono::DateTime::parse_from_rfc3339(&entry.at).unwrap();
    }
}

#[test]
fn status_is_checked() {
    let (_dir, _path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "a").unwrap();
    assert!(matches!(
        register.set_status(id, "shredded", "a"),
        Err(StoreError::InvalidStatus(s)) if s == "shredded"
    ));
    register.set_status(id, "sent", "a").unwrap();
    assert_eq!(register.summary(id).unwrap().status, "sent");
}

#[test]
fn search_matches_reference_state_status_and_case_number() {
    let (_dir, _path, register) = temp_register();
    let a = register
        .create(&request("RURI/2026/001", "FRA", "INV-7"), "x")
        .unwrap();
    let b = register
        .create(&request("EXA-55", "CHE", "PRO_9%"), "x")
        .unwrap();
    let c = register.create(&request("misc", "THA", ""), "x").unwrap();
    register.set_status(c, "ready", "x").unwrap();
    let ids = |q: &str| {
        let mut ids: Vec<_> = register
            .list(&ListFilter {
                query: Some(q.to_owned()),
                ..ListFilter::default()
            })
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("ruri"), vec![a], "reference, case-insensitive");
    assert_eq!(ids("che"), vec![b], "requested State");
    assert_eq!(ids("INV-7"), vec![a], "case number");
    assert_eq!(ids("ready"), vec![c], "status");
    assert_eq!(ids("draft"), vec![a, b], "status");
    assert_eq!(ids("_9%"), vec![b], "LIKE wildcards are literal");
    assert_eq!(ids("%"), vec![b]);
    assert_eq!(ids("nothing-like-this"), Vec::<i64>::new());
    assert_eq!(ids("  "), vec![a, b, c], "a blank query lists all");
    register.trash(a, "x").unwrap();
    assert_eq!(
        ids("ruri"),
        Vec::<i64>::new(),
        "trash is not searched by default"
    );
}

#[test]
fn list_is_most_recently_updated_first() {
    let (_dir, _path, register) = temp_register();
    let a = register.create(&request("A", "FRA", ""), "x").unwrap();
    std::thread::sleep(Duration::from_millis(5));
    let b = register.create(&request("B", "FRA", ""), "x").unwrap();
    std::thread::sleep(Duration::from_millis(5));
    let mut r = register.get(a).unwrap().request;
    r.facts = "touched".to_owned();
    register.save(a, &r, "x").unwrap();
    let order: Vec<_> = register
        .list(&ListFilter::default())
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(order, vec![a, b]);
}

#[test]
fn missing_draft_is_not_found() {
    let (_dir, _path, register) = temp_register();
    assert!(matches!(register.get(7), Err(StoreError::NotFound(7))));
    assert!(matches!(register.history(7), Err(StoreError::NotFound(7))));
    assert!(matches!(
        register.save(7, &Request::default(), "a"),
        Err(StoreError::NotFound(7))
    ));
    assert!(matches!(
        register.duplicate(7, "a"),
        Err(StoreError::NotFound(7))
    ));
}

#[test]
fn create_many_is_all_or_nothing() {
    let (_dir, path, register) = temp_register();
    let ids = register
        .create_many(
            &[
                (request("A", "FRA", ""), "imported from a".to_owned()),
                (request("B", "CHE", ""), "imported from b".to_owned()),
            ],
            "x",
        )
        .unwrap();
    assert_eq!(ids.len(), 2);
    assert_eq!(register.history(ids[1]).unwrap()[0].note, "imported from b");
    // Hold the write lock elsewhere: the batch fails as a whole.
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let locked = Register::open_with(&path, &short_timeout()).unwrap();
    let err = locked
        .create_many(&[(request("C", "THA", ""), String::new())], "x")
        .unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(register.list(&ListFilter::default()).unwrap().len(), 2);
}

#[test]
fn reopening_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sqlite");
    let id = {
        let register = Register::open(&path).unwrap();
        let id = register.create(&request("R", "FRA", ""), "a").unwrap();
        let mut r = register.get(id).unwrap().request;
        r.facts = "kept".to_owned();
        register.save(id, &r, "a").unwrap();
        id
    };
    let register = Register::open(&path).unwrap();
    assert_eq!(register.get(id).unwrap().request.facts, "kept");
    assert_eq!(register.history(id).unwrap().len(), 2);
    assert_eq!(register.integrity_check().unwrap(), "ok");
    let mode: String = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn default_path_honours_the_environment_variable() {
    // The only test that touches MLA_REGISTER, so no other test races on it.
    std::env::set_var(mla_store::REGISTER_ENV, "/some/where/reg.sqlite");
    assert_eq!(
        Register::default_path().unwrap(),
        PathBuf::from("/some/where/reg.sqlite")
    );
    std::env::remove_var(mla_store::REGISTER_ENV);
    let default = Register::default_path().unwrap();
    assert!(
        default.ends_with("mla-desk/register.sqlite"),
        "{}",
        default.display()
    );
}

// ---- Bad registers: reported precisely, never written to. ----

fn assert_unchanged(path: &Path, before: &[u8]) {
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "the file was modified"
    );
}

#[test]
fn a_text_file_is_not_a_database_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    let text = b"Meeting notes: call the central authority of Examplia on Monday.\n".repeat(200);
    std::fs::write(&path, &text).unwrap();
    let err = Register::open(&path).unwrap_err();
    assert!(
        matches!(&err, StoreError::NotADatabase { path: p } if p == &path),
        "{err:?}"
    );
    assert!(err.to_string().contains("notes.sqlite"), "{err}");
    assert_unchanged(&path, &text);
}

#[test]
fn random_bytes_are_not_a_database_and_are_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.sqlite");
    // xorshift: reproducible "random" bytes without a dependency.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    std::fs::write(&path, &bytes).unwrap();
    let err = Register::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_unchanged(&path, &bytes);
    let err = Register::open_with(
        &path,
        &OpenOptions {
            read_only: true,
            ..OpenOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_unchanged(&path, &bytes);
}

#[test]
fn a_damaged_register_is_reported_corrupt_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.sqlite");
    {
        let register = Register::open(&path).unwrap();
        let mut r = request("R", "FRA", "");
        r.facts = "A long summary of facts. ".repeat(2000);
        for _ in 0..5 {
            register.create(&r, "a").unwrap();
        }
    }
    // Closed cleanly: the WAL is checkpointed into the main file and removed.
    assert!(!dir.path().join("damaged.sqlite-wal").exists());
    let mut bytes = std::fs::read(&path).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    assert!(bytes.len() > 4 * page_size);
    // Scribble over every page but the first (the header and schema stay readable).
    for (i, b) in bytes.iter_mut().enumerate().skip(page_size) {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();

    let outcome = Register::open(&path).and_then(|register| {
        register.list(&ListFilter::default())?;
        register.get(1)
    });
    let err = outcome.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("damaged.sqlite"), "{err}");
    assert_unchanged(&path, &bytes);
}

#[test]
fn another_programs_database_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Register::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotARegister { .. }), "{err:?}");
    assert_unchanged(&path, &before);
}

#[test]
fn a_register_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite");
    drop(Register::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Register::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err:?}"
    );
    assert_unchanged(&path, &before);
}

#[test]
fn a_locked_register_reports_locked_and_keeps_its_content() {
    let (_dir, path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "a").unwrap();
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let second = Register::open_with(&path, &short_timeout()).unwrap();
    let mut r = second.get(id).unwrap().request; // WAL: reading still works
    r.facts = "blocked".to_owned();
    let started = Instant::now();
    let err = second.save(id, &r, "b").unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "waited for the lock"
    );
    assert!(err.to_string().contains("locked"), "{err}");
    assert!(err.to_string().contains("register.sqlite"), "{err}");
    assert!(matches!(
        second.trash(id, "b"),
        Err(StoreError::Locked { .. })
    ));

    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(second.history(id).unwrap().len(), 1);
    assert!(!second.summary(id).unwrap().deleted);
    // Once the lock is gone, the same call succeeds.
    assert_eq!(second.save(id, &r, "b").unwrap(), 2);
}

#[test]
fn a_register_locked_in_rollback_mode_cannot_even_be_opened() {
    // A register copied from elsewhere may not be in WAL mode yet; an exclusive lock then
    // blocks reading too. Open must say "locked", not fail obscurely, and change nothing.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("legacy.sqlite");
    drop(Register::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        let _: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("BEGIN EXCLUSIVE; CREATE TABLE t (x); ")
        .unwrap();
    let err = Register::open_with(&path, &short_timeout()).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert_unchanged(&path, &before);
}

#[test]
fn read_only_open_reads_and_refuses_every_change() {
    let (_dir, path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "a").unwrap();
    drop(register);
    let before = std::fs::read(&path).unwrap();
    let register = Register::open_with(
        &path,
        &OpenOptions {
            read_only: true,
            ..OpenOptions::default()
        },
    )
    .unwrap();
    assert!(register.is_read_only());
    assert_eq!(register.get(id).unwrap().summary.reference, "R");
    let r = register.get(id).unwrap().request;
    let refusals = [
        register.save(id, &Request::default(), "b").map(|_| ()),
        register.create(&r, "b").map(|_| ()),
        register.trash(id, "b"),
        register.set_status(id, "ready", "b"),
        register.restore_version(id, 1, "b").map(|_| ()),
        register.duplicate(id, "b").map(|_| ()),
    ];
    for outcome in refusals {
        assert!(
            matches!(outcome, Err(StoreError::ReadOnly { .. })),
            "{outcome:?}"
        );
    }
    drop(register);
    assert_unchanged(&path, &before);
}

#[test]
fn read_only_open_of_a_missing_file_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.sqlite");
    let err = Register::open_with(
        &path,
        &OpenOptions {
            read_only: true,
            ..OpenOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err, StoreError::CannotOpen { .. }), "{err:?}");
    assert!(!path.exists());
}

#[test]
fn a_folder_or_a_missing_folder_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let err = Register::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::CannotOpen { .. }), "{err:?}");
    let err = Register::open(&dir.path().join("no/such/folder/r.sqlite")).unwrap_err();
    assert!(matches!(err, StoreError::CannotOpen { .. }), "{err:?}");
}

#[test]
fn a_stored_version_that_no_longer_parses_is_a_format_error() {
    let (_dir, path, register) = temp_register();
    let id = register.create(&request("R", "FRA", ""), "a").unwrap();
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE versions SET content = '{\"format_version\": 1, \"reference\": 5}'",
        [],
    )
    .unwrap();
    let err = register.get(id).unwrap_err();
    match &err {
        StoreError::Format {
            id: i,
            version: 1,
            source: mla_core::FormatError::Field { path, .. },
        } => {
            assert_eq!(*i, id);
            assert_eq!(path, "reference");
        }
        other => panic!("unexpected {other:?}"),
    }
}

// ---- Several writers (the app and the CLI at once) ----

#[test]
fn writers_opening_a_new_register_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite");
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(6));
    let handles: Vec<_> = (0..6)
        .map(|i| {
            let path = path.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let register = Register::open(&path).unwrap();
                let id = register
                    .create(&request(&format!("W-{i}"), "FRA", ""), "w")
                    .unwrap();
                let mut r = register.get(id).unwrap().request;
                for n in 0..10 {
                    r.facts = format!("writer {i}, save {n}");
                    register.save(id, &r, "w").unwrap();
                }
                id
            })
        })
        .collect();
    let ids: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let register = Register::open(&path).unwrap();
    assert_eq!(register.list(&ListFilter::default()).unwrap().len(), 6);
    for id in ids {
        assert_eq!(register.history(id).unwrap().len(), 11);
    }
    assert_eq!(register.integrity_check().unwrap(), "ok");
}
