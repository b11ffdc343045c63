//! The real `mla` binary, on real register files in temporary folders.

use mla_test_support::examples;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::mla_bin;
use mla_core::{write_request, FORMAT_VERSION};
use mla_store::{ListFilter, Register};

/// A temporary folder with a register path in it (not created yet).
struct Env {
    dir: tempfile::TempDir,
    register: PathBuf,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let register = dir.path().join("register.sqlite");
        Env { dir, register }
    }

    fn command(&self) -> Command {
        self.command_of(&mla_bin())
    }

    /// `program` (an `mla` binary) on this register, with the tests' environment.
    fn command_of(&self, program: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .env_remove("MLA_REGISTER")
            .env("MLA_ACTOR", "tester")
            .env("RUST_BACKTRACE", "1")
            .arg("--register")
            .arg(&self.register);
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    fn run_ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "mla {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn import_examples(&self) -> Vec<i64> {
        let mut command = self.command();
        command.arg("import").args(examples());
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|line| line.split('\t').next().unwrap().parse().unwrap())
            .collect()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// What the register holds, through the library: (drafts, versions, audit entries).
    fn counts(&self) -> (usize, usize, usize) {
        let register = Register::open(&self.register).unwrap();
        let drafts = register
            .list(&ListFilter {
                include_deleted: true,
                ..ListFilter::default()
            })
            .unwrap();
        let versions = drafts
            .iter()
            .map(|d| register.history(d.id).unwrap().len())
            .sum();
        (drafts.len(), versions, register.audit(None).unwrap().len())
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A failure as the user must see it: the expected exit code, a message on stderr naming
/// `names`, and no panic or backtrace.
fn assert_clean_failure(output: &Output, code: i32, names: &[&str]) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(code), "stderr: {err}");
    assert!(err.starts_with("mla: "), "stderr: {err}");
    for name in names {
        assert!(err.contains(name), "stderr should mention {name:?}: {err}");
    }
    for bad in ["panicked", "backtrace", "RUST_BACKTRACE", "unwrap"] {
        assert!(!err.contains(bad), "stderr: {err}");
    }
}

// ---- Help ----

#[test]
fn help_shows_examples_and_exit_codes() {
    let output = Command::new(mla_bin()).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "Examples:",
        "Exit codes:",
        "mla import",
        "MLA_REGISTER",
        "--register",
    ] {
        assert!(help.contains(needle), "{needle}: {help}");
    }
    for command in [
        "new",
        "import",
        "export-json",
        "list",
        "show",
        "history",
        "restore",
        "trash",
        "untrash",
        "duplicate",
        "status",
        "audit",
    ] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(command)),
            "{command} missing from help"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    let output = env.run(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    let output = env.run(&["new", "--state", "FRANCE"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("alpha-3"), "{}", stderr(&output));
    let output = env.run(&["show", "not-a-number"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!env.register.exists(), "a usage error creates no register");
}

// ---- The happy paths ----

#[test]
fn importing_each_example_then_list_shows_them() {
    let env = Env::new();
    let ids = env.import_examples();
    assert_eq!(ids.len(), examples().len());

    let table = env.run_ok(&["list"]);
    let json: serde_json::Value = serde_json::from_str(&env.run_ok(&["list", "--json"])).unwrap();
    let listed = json.as_array().unwrap();
    assert_eq!(listed.len(), examples().len());
    for path in examples() {
        let request = mla_core::parse_request(&std::fs::read(&path).unwrap()).unwrap();
        assert!(
            table.contains(&request.reference),
            "{} missing from:\n{table}",
            request.reference
        );
        assert!(listed.iter().any(|d| d["reference"] == request.reference
            && d["requested_state"] == request.requested_state
            && d["version"] == 1
            && d["status"] == "draft"));
    }
    // Search through the CLI.
    let che = env.run_ok(&["list", "--query", "che"]);
    assert_eq!(che.lines().count(), 2, "header and one draft:\n{che}");
    assert!(che.contains("EXA/PPO/2026/0417"));
}

#[test]
fn export_json_gives_back_the_imported_file_byte_for_byte() {
    let env = Env::new();
    let ids = env.import_examples();
    for (id, path) in ids.iter().zip(examples()) {
        let out = env.path(&format!("out-{id}.mla.json"));
        env.run_ok(&["export-json", &id.to_string(), "-o", out.to_str().unwrap()]);
        assert_eq!(
            std::fs::read(&out).unwrap(),
            std::fs::read(&path).unwrap(),
            "{}",
            path.display()
        );
    }
    // Export over an existing file replaces it, and leaves no temporary file behind.
    let out = env.path("out-1.mla.json");
    env.run_ok(&[
        "export-json",
        &ids[1].to_string(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&examples()[1]).unwrap()
    );
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // To standard output.
    let stdout = env.run_ok(&["export-json", &ids[0].to_string(), "-o", "-"]);
    assert_eq!(stdout.as_bytes(), std::fs::read(&examples()[0]).unwrap());
}

#[test]
fn export_json_into_a_missing_folder_fails_cleanly() {
    let env = Env::new();
    env.import_examples();
    let out = env.path("no/such/folder/x.mla.json");
    let output = env.run(&["export-json", "1", "-o", out.to_str().unwrap()]);
    assert_clean_failure(&output, 2, &["cannot write", "x.mla.json"]);
    let output = env.run(&["export-json", "42", "-o", env.path("y").to_str().unwrap()]);
    assert_clean_failure(&output, 1, &["no draft with id 42"]);
    assert!(!env.path("y").exists());
}

#[test]
fn new_show_history_restore_trash_untrash() {
    let env = Env::new();
    let id = env
        .run_ok(&["new", "--reference", "EXA/TEST/1", "--state", "fra"])
        .trim()
        .to_owned();
    let id_number: i64 = id.parse().unwrap();
    let show = env.run_ok(&["show", &id]);
    assert!(show.contains("EXA/TEST/1"), "{show}");
    assert!(show.contains("FRA"), "{show}");

    // Two more versions, saved through the library as the app would.
    {
        let register = Register::open(&env.register).unwrap();
        let mut request = register.get(id_number).unwrap().request;
        request.facts = "First account of the facts.".to_owned();
        register.save(id_number, &request, "app").unwrap();
        request.facts = "Second account of the facts.".to_owned();
        register.save(id_number, &request, "app").unwrap();
    }
    let history = env.run_ok(&["history", &id]);
    assert_eq!(
        history.lines().count(),
        4,
        "header + 3 versions:\n{history}"
    );
    assert!(
        history.contains("tester"),
        "the actor of version 1: {history}"
    );

    let restored = env.run_ok(&["restore", &id, "2"]);
    assert!(
        restored.contains("version 2 restored as version 4"),
        "{restored}"
    );
    let show = env.run_ok(&["show", &id]);
    assert!(show.contains("First account of the facts."), "{show}");
    assert!(show.contains("version 4"), "{show}");
    let old = env.run_ok(&["show", &id, "--version", "3"]);
    assert!(old.contains("Second account"), "{old}");

    env.run_ok(&["trash", &id]);
    assert!(!env.run_ok(&["list"]).contains("EXA/TEST/1"));
    assert!(env.run_ok(&["list", "--trash"]).contains("EXA/TEST/1"));
    env.run_ok(&["untrash", &id]);
    assert!(env.run_ok(&["list"]).contains("EXA/TEST/1"));

    let output = env.run(&["restore", &id, "99"]);
    assert_clean_failure(&output, 1, &["no version 99"]);
    let output = env.run(&["trash", "999"]);
    assert_clean_failure(&output, 1, &["no draft with id 999"]);

    let register = Register::open(&env.register).unwrap();
    let actions: Vec<String> = register
        .audit(Some(id_number))
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.actor, e.action))
        .collect();
    assert_eq!(
        actions,
        [
            "tester create",
            "app save",
            "app save",
            "tester restore",
            "tester trash",
            "tester untrash"
        ]
    );
}

#[test]
fn register_comes_from_the_environment_variable() {
    let env = Env::new();
    let output = Command::new(mla_bin())
        .env("MLA_REGISTER", &env.register)
        .args(["new", "--reference", "FROM-ENV"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(env.register.is_file());
    assert!(env.run_ok(&["list"]).contains("FROM-ENV"));
}

// ---- Bad request files: clear error, exit 1, nothing written ----

/// Import `bad` into a register that already holds the examples; check the error and that
/// the register file is byte-identical afterwards.
fn assert_import_refused(bad: &Path, code: i32, names: &[&str]) {
    let env = Env::new();
    env.import_examples();
    let before = std::fs::read(&env.register).unwrap();
    let counts = env.counts();
    let mut command = env.command();
    let output = command.arg("import").arg(bad).output().unwrap();
    assert_clean_failure(&output, code, names);
    assert!(output.stdout.is_empty());
    assert_eq!(
        std::fs::read(&env.register).unwrap(),
        before,
        "register file changed"
    );
    assert_eq!(env.counts(), counts);

    // Into a register that does not exist yet: it is not even created.
    let fresh = Env::new();
    let mut command = fresh.command();
    let output = command.arg("import").arg(bad).output().unwrap();
    assert_clean_failure(&output, code, names);
    assert!(!fresh.register.exists(), "register created on bad input");
}

#[test]
fn malformed_file_is_refused_with_line_and_column() {
    let env = Env::new();
    let bad = env.path("malformed.mla.json");
    std::fs::write(
        &bad,
        "{\n  \"format_version\": 1,\n  \"reference\": \"X\"\n  \"facts\": \"no comma above\"\n}\n",
    )
    .unwrap();
    assert_import_refused(&bad, 1, &["malformed.mla.json", "line 4, column 3"]);
}

#[test]
fn truncated_file_is_refused_with_line_and_column() {
    let env = Env::new();
    let bad = env.path("truncated.mla.json");
    let full = std::fs::read_to_string(&examples()[0]).unwrap();
    let cut: String = full.chars().take(full.chars().count() * 2 / 3).collect();
    // serde_json reports the position just past the last byte.
    let last_line = cut.matches('\n').count() + 1;
    std::fs::write(&bad, &cut).unwrap();
    assert_import_refused(
        &bad,
        1,
        &[
            "truncated.mla.json",
            &format!("line {last_line}, column"),
            "EOF",
        ],
    );
}

#[test]
fn oversized_file_is_refused_from_its_size() {
    let env = Env::new();
    let bad = env.path("huge.mla.json");
    let file = std::fs::File::create(&bad).unwrap();
    file.set_len(20 * 1024 * 1024 + 1).unwrap();
    drop(file);
    assert_import_refused(&bad, 1, &["huge.mla.json", "20971521 bytes", "20971520"]);
}

#[test]
fn future_format_version_is_refused_naming_the_field() {
    let env = Env::new();
    let bad = env.path("future.mla.json");
    let full = std::fs::read_to_string(&examples()[0]).unwrap();
    let future = full.replacen(
        &format!("\"format_version\": {FORMAT_VERSION}"),
        &format!("\"format_version\": {}", FORMAT_VERSION + 1),
        1,
    );
    assert_ne!(future, full);
    std::fs::write(&bad, future).unwrap();
    assert_import_refused(
        &bad,
        1,
        &["future.mla.json", "format_version 2", "update MLA Desk"],
    );
}

#[test]
fn wrong_field_type_is_refused_naming_the_field_path() {
    let env = Env::new();
    let bad = env.path("wrongtype.mla.json");
    let mut request = mla_core::parse_request(&std::fs::read(&examples()[0]).unwrap()).unwrap();
    request.persons[1].notes = "PLACEHOLDER-NOTES".to_owned();
    let text = write_request(&request).replace("\"PLACEHOLDER-NOTES\"", "42");
    let line = text
        .lines()
        .position(|l| l.contains("\"notes\": 42"))
        .unwrap()
        + 1;
    std::fs::write(&bad, text).unwrap();
    assert_import_refused(
        &bad,
        1,
        &[
            "wrongtype.mla.json",
            "persons[1].notes",
            &format!("line {line}"),
        ],
    );
}

#[test]
fn unreadable_input_exits_2() {
    let env = Env::new();
    assert_import_refused(&env.path("missing.mla.json"), 2, &["missing.mla.json"]);
    assert_import_refused(env.dir.path(), 2, &["folder"]);
}

#[test]
fn one_bad_file_among_good_ones_imports_nothing() {
    let env = Env::new();
    let bad = env.path("bad.mla.json");
    std::fs::write(&bad, "{\"format_version\": 1, \"reference\": [] }").unwrap();
    let mut command = env.command();
    command.arg("import").args(examples()).arg(&bad);
    let output = command.output().unwrap();
    assert_clean_failure(
        &output,
        1,
        &["bad.mla.json", "reference", "nothing imported"],
    );
    assert!(!env.register.exists());
    // Several problems are all reported.
    let mut command = env.command();
    command
        .arg("import")
        .arg(&bad)
        .arg(env.path("absent.mla.json"));
    let output = command.output().unwrap();
    assert_clean_failure(&output, 2, &["bad.mla.json", "absent.mla.json"]);
}

// ---- Bad registers: clear error, exit 2, file unchanged ----

#[test]
fn a_text_file_as_register_is_refused_and_unchanged() {
    let env = Env::new();
    let text = "These are my notes, not a register.\n".repeat(100);
    std::fs::write(&env.register, &text).unwrap();
    for args in [
        &["list"][..],
        &["new"][..],
        &["import", examples()[0].to_str().unwrap()][..],
    ] {
        let output = env.run(args);
        assert_clean_failure(&output, 2, &["register.sqlite", "not an MLA Desk register"]);
        assert_eq!(std::fs::read_to_string(&env.register).unwrap(), text);
    }
}

#[test]
fn a_damaged_register_is_refused_and_unchanged() {
    let env = Env::new();
    env.import_examples();
    let mut bytes = std::fs::read(&env.register).unwrap();
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for (i, b) in bytes.iter_mut().enumerate().skip(page_size) {
        *b = (i * 7 % 253) as u8;
    }
    std::fs::write(&env.register, &bytes).unwrap();
    for args in [&["list"][..], &["show", "1"][..], &["trash", "1"][..]] {
        let output = env.run(args);
        assert_clean_failure(&output, 2, &["register.sqlite", "damaged"]);
        assert_eq!(std::fs::read(&env.register).unwrap(), bytes);
    }
}

#[test]
fn a_locked_register_is_reported_and_unchanged() {
    let env = Env::new();
    env.import_examples();
    let counts = env.counts();
    let holder = rusqlite::Connection::open(&env.register).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let example = examples()[0].to_str().unwrap().to_owned();
    for args in [
        &["--busy-timeout-ms", "300", "import", &example][..],
        &["--busy-timeout-ms", "300", "trash", "1"][..],
        &["--busy-timeout-ms", "300", "new"][..],
    ] {
        let output = env.run(args);
        assert_clean_failure(&output, 2, &["register.sqlite", "locked"]);
    }
    // Reading is not blocked by a writer (WAL).
    assert!(env
        .run_ok(&["--busy-timeout-ms", "300", "list"])
        .contains("EXA/PPO/2026/0417"));

    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(env.counts(), counts);
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").unwrap().uid() == 0
}

/// Root ignores file permissions, so as root the binary runs as `nobody` (65534) for the
/// read-only tests: the permissions are then really enforced by the kernel. `nobody` may
/// not be able to reach the build's binary or the examples (a checkout in a private
/// folder, as `mktemp -d` makes), so it runs copies of both in a folder anyone can read.
fn as_unprivileged(env: &Env) -> Command {
    if !running_as_root() {
        return env.command();
    }
    let mut command = env.command_of(&shared_copies().path().join("mla"));
    command.uid(65534).gid(65534);
    command
}

/// A world-readable folder (made once per test run) holding a copy of the `mla` binary
/// and of the first example, for the tests that run as `nobody`.
fn shared_copies() -> &'static tempfile::TempDir {
    static SHARED: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("mla");
        std::fs::copy(mla_bin(), &bin).unwrap();
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let example = dir.path().join("example.mla.json");
        std::fs::copy(&examples()[0], &example).unwrap();
        std::fs::set_permissions(&example, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        dir
    })
}

/// The first example, at a path the unprivileged runs can read.
fn example_for_unprivileged() -> String {
    let path = if running_as_root() {
        shared_copies().path().join("example.mla.json")
    } else {
        examples()[0].clone()
    };
    path.to_str().unwrap().to_owned()
}

#[test]
fn a_read_only_register_can_be_listed_but_not_changed() {
    let env = Env::new();
    env.import_examples();
    let before = std::fs::read(&env.register).unwrap();
    // Read-only file in a read-only folder, as on read-only media.
    std::fs::set_permissions(&env.register, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();

    let run = |args: &[&str]| {
        let mut command = as_unprivileged(&env);
        command.args(args).output().unwrap()
    };
    let list = run(&["list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(String::from_utf8_lossy(&list.stdout).contains("EXA/PPO/2026/0417"));
    let show = run(&["show", "1"]);
    assert!(show.status.success(), "{}", stderr(&show));

    let example = example_for_unprivileged();
    for args in [
        &["import", &example][..],
        &["new"][..],
        &["trash", "1"][..],
        &["restore", "1", "1"][..],
    ] {
        let output = run(args);
        assert_clean_failure(&output, 2, &["register.sqlite", "read-only"]);
    }
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(std::fs::read(&env.register).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["register.sqlite"], "nothing else was created");
}

#[test]
fn a_read_only_file_in_a_writable_folder_can_be_listed_but_not_changed() {
    let env = Env::new();
    env.import_examples();
    let before = std::fs::read(&env.register).unwrap();
    std::fs::set_permissions(&env.register, std::fs::Permissions::from_mode(0o444)).unwrap();
    // World-writable folder so that `nobody` may create SQLite's side files next to it.
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let run = |args: &[&str]| {
        let mut command = as_unprivileged(&env);
        command.args(args).output().unwrap()
    };
    let list = run(&["list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let output = run(&["trash", "2"]);
    assert_clean_failure(&output, 2, &["register.sqlite", "read-only"]);
    assert_eq!(std::fs::read(&env.register).unwrap(), before);
}

#[test]
fn a_reader_closing_the_pipe_early_causes_no_panic() {
    let env = Env::new();
    env.import_examples();
    for args in [&["list"][..], &["show", "1"][..], &["history", "1"][..]] {
        let mut child = env
            .command()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close our end before the binary has had time to write: its write gets EPIPE.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let err = stderr(&output);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            output.status.success(),
            "{args:?}: {:?} {err}",
            output.status
        );
    }
}

#[test]
fn duplicate_status_and_audit() {
    let env = Env::new();
    let ids = env.import_examples();
    let first = ids[0].to_string();
    let copy = env.run_ok(&["duplicate", &first]).trim().to_owned();
    assert_ne!(copy, first);
    let show = env.run_ok(&["show", &copy]);
    assert!(show.contains("EXA/PPO/2026/0417"), "{show}");

    env.run_ok(&["status", &first, "ready"]);
    let ready = env.run_ok(&["list", "--query", "ready"]);
    assert_eq!(ready.lines().count(), 2, "{ready}");
    let output = env.run(&["status", &first, "shredded"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "unknown status is a usage error"
    );

    let audit = env.run_ok(&["audit", &first]);
    let actions: Vec<&str> = audit
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(2).unwrap())
        .collect();
    assert_eq!(actions, ["create", "status"], "{audit}");
    assert!(audit.contains("draft -> ready"), "{audit}");
    let whole = env.run_ok(&["audit"]);
    assert_eq!(whole.lines().count(), 1 + ids.len() + 2, "{whole}");
    let output = env.run(&["audit", "999"]);
    assert_clean_failure(&output, 1, &["no draft with id 999"]);
}
