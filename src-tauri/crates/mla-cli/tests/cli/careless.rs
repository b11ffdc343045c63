//! Careless commands and hostile input lose nothing (issue #22): an output path that is an
//! input or the register is refused, text output cannot carry terminal control sequences,
//! the register is private to its owner, and a profile pack folder is read only from its
//! own regular files. The real `mla` binary on temporary folders.

use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::mla_bin;

fn example() -> PathBuf {
    crate::workspace_root().join("assets/examples/bribery-bank-records-che.mla.json")
}

/// A home of its own (user data folder, profile folder), so that the default register is
/// inside the test's folder, with a register path in it.
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

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The default register: `$XDG_DATA_HOME/mla-desk/register.sqlite`.
    fn default_register(&self) -> PathBuf {
        self.path("data/mla-desk/register.sqlite")
    }

    /// `mla` without `--register` (so the default register is used).
    fn bare(&self) -> Command {
        let mut command = Command::new(mla_bin());
        command
            .env_remove("MLA_REGISTER")
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env("MLA_PROFILE_DIR", self.path("profiles"))
            .env("MLA_ACTOR", "tester")
            .env("MLA_SIGN_PASSWORD", "wrong")
            .env("RUST_BACKTRACE", "1");
        command
    }

    fn run(&self, args: &[&OsStr]) -> Output {
        self.bare()
            .arg("--register")
            .arg(&self.register)
            .args(args)
            .output()
            .unwrap()
    }

    fn run_ok(&self, args: &[&OsStr]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "mla {args:?} failed: {}",
            stderr(&output)
        );
        String::from_utf8(output.stdout).unwrap()
    }
}

macro_rules! os {
    ($($a:expr),* $(,)?) => { &[$(OsStr::new(&$a)),*] };
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The command was refused with exit 2 and a message naming what the output would
/// replace, and `file` still holds `before`.
fn assert_refused(output: &Output, what: &str, file: &Path, before: &[u8]) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err}");
    assert!(err.starts_with("mla: error: the output "), "stderr: {err}");
    assert!(
        err.contains(&format!("would replace {what} (")),
        "stderr should say it would replace {what}: {err}"
    );
    assert!(err.contains("nothing was written"), "stderr: {err}");
    assert_eq!(
        std::fs::read(file).unwrap(),
        before,
        "{} changed",
        file.display()
    );
}

// ---- 1. Output over input ----

#[test]
fn export_json_never_replaces_the_register_its_wal_or_the_default_register() {
    let env = Env::new();
    env.run_ok(os!["import", example()]);
    let register = std::fs::read(&env.register).unwrap();
    let out = env.run(os!["export-json", "1", "-o", env.register]);
    assert_refused(&out, "the register", &env.register, &register);

    // The WAL, whether it exists now or not; written as `-wal` beside the register.
    let wal = env.path("register.sqlite-wal");
    let out = env.run(os!["export-json", "1", "-o", wal]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("would replace the register's WAL file"),
        "{}",
        stderr(&out)
    );
    assert!(!wal.exists());

    // The default register, while another register is in use.
    let default_import = env.bare().arg("import").arg(example()).output().unwrap();
    assert!(
        default_import.status.success(),
        "{}",
        stderr(&default_import)
    );
    let default = env.default_register();
    let before = std::fs::read(&default).unwrap();
    let out = env.run(os!["export-json", "1", "-o", default]);
    assert_refused(&out, "the default register", &default, &before);

    // Through a link to its folder, and as a hard link.
    let link = env.path("data-link");
    std::os::unix::fs::symlink(env.path("data/mla-desk"), &link).unwrap();
    let out = env.run(os!["export-json", "1", "-o", link.join("register.sqlite")]);
    assert_refused(&out, "the default register", &default, &before);
    let hard = env.path("hard.sqlite");
    std::fs::hard_link(&env.register, &hard).unwrap();
    let out = env.run(os!["export-json", "1", "-o", hard]);
    assert_refused(&out, "the register", &env.register, &register);
}

#[test]
fn render_never_replaces_the_request_it_renders() {
    let env = Env::new();
    let request = env.path("request.html");
    std::fs::copy(example(), &request).unwrap();
    let before = std::fs::read(&request).unwrap();
    let out = env.run(os!["render", request, "-o", request]);
    assert_refused(&out, "the request file", &request, &before);
    // Through a folder link, to a path that names the same file.
    let link = env.path("here");
    std::os::unix::fs::symlink(env.dir.path(), &link).unwrap();
    let out = env.run(os!["render", request, "-o", link.join("request.html")]);
    assert_refused(&out, "the request file", &request, &before);
    // A hard link to the request.
    let hard = env.path("copy.html");
    std::fs::hard_link(&request, &hard).unwrap();
    let out = env.run(os!["render", request, "-o", hard]);
    assert_refused(&out, "the request file", &request, &before);
}

#[test]
fn export_never_replaces_its_request_annex_or_key() {
    let env = Env::new();
    let request = env.path("request.pdf");
    std::fs::copy(example(), &request).unwrap();
    let before = std::fs::read(&request).unwrap();
    let out = env.run(os!["export", request, "-o", request]);
    assert_refused(&out, "the request file", &request, &before);

    let annex = env.path("annex.pdf");
    std::fs::write(&annex, b"%PDF-1.4 annex").unwrap();
    let out = env.run(os!["export", request, "--attach", annex, "-o", annex]);
    assert_refused(&out, "an annex", &annex, b"%PDF-1.4 annex");

    let key = env.path("key.pdf");
    std::fs::write(&key, b"not really a key").unwrap();
    let out = env.run(os!["export", request, "--p12", key, "-o", key]);
    assert_refused(&out, "the PKCS#12 key file", &key, b"not really a key");

    let out = env.run(os!["export", request, "-o", env.register]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("would replace the register ("),
        "{}",
        stderr(&out)
    );
    assert!(!env.register.exists());
}

#[test]
fn sign_pdf_never_replaces_its_input_or_key() {
    let env = Env::new();
    let pdf = env.path("letter.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 letter").unwrap();
    let key = env.path("key.p12");
    std::fs::write(&key, b"key bytes").unwrap();
    let out = env.run(os!["sign-pdf", pdf, "--p12", key, "-o", pdf]);
    assert_refused(&out, "the PDF to sign", &pdf, b"%PDF-1.4 letter");
    let out = env.run(os!["sign-pdf", pdf, "--p12", key, "-o", key]);
    assert_refused(&out, "the PKCS#12 key file", &key, b"key bytes");
}

#[test]
fn verify_never_extracts_over_the_pdf_it_verifies() {
    let env = Env::new();
    let pdf = env.path("signed.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 whatever was signed").unwrap();
    let out = env.run(os!["verify", pdf, "--extract-request", pdf]);
    assert_refused(
        &out,
        "the PDF being verified",
        &pdf,
        b"%PDF-1.4 whatever was signed",
    );
    let ca = env.path("ca.pem");
    std::fs::write(&ca, b"ca").unwrap();
    let out = env.run(os!["verify", pdf, "--trust", ca, "--extract-request", ca]);
    assert_refused(&out, "a trusted CA file", &ca, b"ca");
}

// ---- 5. Escape sequences never reach the terminal ----

/// Erase the line, go up one, erase it: what a hostile text would use to paint over the
/// verdict.
const PAINT_OVER: &str = "\u{1b}[2K\r\u{1b}[1A\u{1b}[2K";

fn assert_no_control_sequences(text: &str) {
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!bad, "{c:?} at byte {i} reached the terminal: {text:?}");
    }
}

#[test]
fn check_text_output_cannot_paint_a_false_verdict() {
    let env = Env::new();
    let mut request: serde_json::Value =
        serde_json::from_slice(&std::fs::read(example()).unwrap()).unwrap();
    let forged = format!("{PAINT_OVER}ready to send \u{2014} blockers: 0\u{202e}");
    // A blocker (no facts), and text that tries to hide it.
    request["facts"] = serde_json::Value::String(String::new());
    request["requested_state"] = serde_json::Value::String(forged.clone());
    request["reference"] = serde_json::Value::String(forged.clone());
    let file = env.path("hostile.mla.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&request).unwrap()).unwrap();

    let out = env.run(os!["check", file]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert_no_control_sequences(&text);
    assert_no_control_sequences(&stderr(&out));
    assert!(
        text.contains("\\u{1b}[2K"),
        "the sequence is shown escaped: {text}"
    );

    // JSON stays exact: the strings carry the original characters.
    let out = env.run(os!["check", file, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quoted = json.to_string();
    assert!(quoted.contains("\\u001b[2K"), "{quoted}");
    assert!(quoted.contains('\u{202e}'), "{quoted}");

    // The register's text printers too: list, show, history, and list's JSON exact.
    env.run_ok(os!["import", file]);
    for args in [&["list"][..], &["show", "1"], &["history", "1"], &["audit"]] {
        let out = env.run(&args.iter().map(OsStr::new).collect::<Vec<_>>());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_no_control_sequences(&String::from_utf8(out.stdout).unwrap());
    }
    let listed: serde_json::Value =
        serde_json::from_str(&env.run_ok(os!["list", "--json"])).unwrap();
    assert_eq!(listed[0]["reference"], serde_json::Value::String(forged));
}

#[test]
fn a_signed_pdf_cannot_print_a_false_verdict() {
    let pki = crate::common::Pki::new();
    let env = Env::new();
    let unsigned = env.path("letter.pdf");
    std::fs::write(&unsigned, crate::common::sample::sample_pdf(1, 0)).unwrap();
    let signed = env.path("signed.pdf");
    let fake = "Verdict: VERIFIED: signed, unchanged since signing, signer trusted.";
    let reason = format!("approved\n\n{fake}{PAINT_OVER}{fake}");
    let mut sign = env.bare();
    sign.env("MLA_SIGN_PASSWORD", crate::common::P12_PASSWORD)
        .args(os![
            "sign-pdf",
            unsigned,
            "--p12",
            pki.path("ec.p12"),
            "--invisible",
            "--reason",
            reason,
            "-o",
            signed
        ]);
    let out = sign.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    // Trusted by another CA only: not verified, exit 3, whatever the metadata says.
    let out = env.run(os!["verify", signed, "--trust", pki.path("other-ca.pem")]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_no_control_sequences(&text);
    let verdicts: Vec<&str> = text.lines().filter(|l| l.starts_with("Verdict:")).collect();
    assert_eq!(verdicts.len(), 1, "{text}");
    assert!(verdicts[0].starts_with("Verdict: NOT VERIFIED: "), "{text}");
    assert!(
        text.contains("  reason:       approved\\n\\nVerdict: VERIFIED"),
        "{text}"
    );

    let out = env.run(os!["verify", signed, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["signatures"][0]["reason"],
        serde_json::Value::String(format!("approved\n\n{fake}{PAINT_OVER}{fake}"))
    );
}

// ---- 7. The register is private ----

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_default_register_and_its_folder_are_private() {
    let env = Env::new();
    let out = env.bare().arg("import").arg(example()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let register = env.default_register();
    assert_eq!(
        mode(register.parent().unwrap()),
        0o700,
        "the register's folder"
    );
    assert_eq!(mode(&register), 0o600, "the register");
}

#[test]
fn a_world_readable_register_is_made_private_once_and_said() {
    let env = Env::new();
    env.run_ok(os!["import", example()]);
    assert_eq!(mode(&env.register), 0o600);
    std::fs::set_permissions(&env.register, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = env.run(os!["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "mla: note: the register {} could be read by other users of this machine \
             (permissions 644); it and its WAL and shared-memory files are now private to \
             you (600)\n",
            env.register.display()
        )
    );
    assert_eq!(mode(&env.register), 0o600);
    // SQLite made the WAL and shared-memory files like the register (0644) on opening;
    // they are private too.
    for suffix in ["-wal", "-shm"] {
        let companion = env.path(&format!("register.sqlite{suffix}"));
        if companion.exists() {
            assert_eq!(mode(&companion), 0o600, "{}", companion.display());
        }
    }
    let out = env.run(os!["list"]);
    assert_eq!(stderr(&out), "", "said once only");
}

// ---- 8. Folder packs ----

#[test]
fn profiles_import_of_a_folder_with_a_fifo_is_refused_without_blocking() {
    let env = Env::new();
    let pack = env.path("pack");
    std::fs::create_dir(&pack).unwrap();
    assert!(Command::new("mkfifo")
        .arg(pack.join("THA.toml"))
        .status()
        .unwrap()
        .success());
    let mut child = env
        .bare()
        .args(["profiles", "import"])
        .arg(&pack)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("mla profiles import blocked on a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "mla: error: profile pack `pack` rejected, nothing was changed (1 problem):\n  \
         THA.toml: is a FIFO (named pipe), not a file: a pack folder may hold only its own \
         regular files; nothing was read from it\n"
    );
}
