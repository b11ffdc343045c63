//! The real `mla` binary on hostile PDFs: each file of a small corpus built here (loops in
//! the object graph, deep nesting, decompression bombs, a broken cross-reference table,
//! thousands of signature dictionaries, a request changed after signing) is checked in
//! under 2 seconds and 200 MB of peak memory (the child's own `ru_maxrss`, from `wait4`),
//! with the exit code and message expected. A request no valid signature vouches for is
//! never written or imported unless asked for with `--untrusted`, and is then marked.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{sample::sample_pdf, Pki, P12_PASSWORD};
use crate::mla_bin;

const TIME_LIMIT: Duration = Duration::from_secs(2);
const MEMORY_LIMIT_KB: i64 = 200 * 1024;
/// A run still going after this is killed (and the test fails on the time limit).
const KILL_AFTER: Duration = Duration::from_secs(30);

struct Run {
    code: Option<i32>,
    text: String,
    took: Duration,
    max_rss_kb: i64,
}

/// Run `mla args…`, measuring the child alone: wall time and peak resident memory.
// The child is reaped by wait4 (which gives its own rusage), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run(args: &[&OsStr], register: &Path) -> Run {
    let start = Instant::now();
    let mut child = Command::new(mla_bin())
        .args(args)
        .env("MLA_REGISTER", register)
        .env_remove("MLA_SIGN_PASSWORD")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = out.read_to_string(&mut text);
        let mut e = String::new();
        let _ = err.read_to_string(&mut e);
        text + &e
    });
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: waits for our own child, by its pid.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        assert!(r >= 0, "wait4 failed");
        if r == pid {
            break;
        }
        if start.elapsed() > KILL_AFTER {
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let took = start.elapsed();
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Run {
        code,
        text: reader.join().unwrap(),
        took,
        max_rss_kb: usage.ru_maxrss,
    }
}

macro_rules! os {
    ($($a:expr),* $(,)?) => { &[$(OsStr::new(&$a)),*] };
}

/// Check `case` with `mla verify`, within the limits, with `code` and `message`.
fn verify_case(dir: &Path, case: &str, pdf: &[u8], code: i32, message: &str) {
    assert!(
        pdf.len() < 1 << 20,
        "{case}: the corpus stays under 1 MB ({} bytes)",
        pdf.len()
    );
    let path = dir.join(format!("{case}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let r = run(os!["verify", path], &dir.join("register.sqlite"));
    println!(
        "{case}: {} bytes, exit {:?}, {:?}, {} KB peak",
        pdf.len(),
        r.code,
        r.took,
        r.max_rss_kb
    );
    assert!(r.took < TIME_LIMIT, "{case}: took {:?}\n{}", r.took, r.text);
    assert!(
        r.max_rss_kb < MEMORY_LIMIT_KB,
        "{case}: {} KB peak\n{}",
        r.max_rss_kb,
        r.text
    );
    assert_eq!(r.code, Some(code), "{case}: {}", r.text);
    assert!(r.text.contains(message), "{case}: {}", r.text);
}

#[test]
fn each_hostile_file_is_answered_quickly_within_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let unsigned = "Verdict: NOT VERIFIED: the PDF has no signature.";
    verify_case(
        d,
        "page-tree-loop",
        &crate::hostile::page_tree_loop(),
        3,
        unsigned,
    );
    verify_case(
        d,
        "form-fields-loop",
        &crate::hostile::acroform_field_loop(8),
        3,
        unsigned,
    );
    verify_case(
        d,
        "embedded-files-tree-loop",
        &crate::hostile::names_tree_loop(8),
        3,
        "a.txt (no type, no relationship, 5 bytes)",
    );
    verify_case(
        d,
        "deep-nesting",
        &crate::hostile::deep_nesting(50_000),
        3,
        unsigned,
    );
    verify_case(
        d,
        "request-bomb",
        &crate::hostile::embedded_bomb("request.mla.json", 2 << 30),
        1,
        "embedded file \"request.mla.json\" (object 5 0) decompresses to more than 20971520 \
         bytes; MLA Desk does not open it (a possible decompression bomb)",
    );
    verify_case(
        d,
        "annex-bomb",
        &crate::hostile::embedded_bomb("annex.bin", 2 << 30),
        1,
        "embedded file \"annex.bin\" (object 5 0) decompresses to more than 16777216 bytes",
    );
    verify_case(
        d,
        "many-small-bombs",
        &crate::hostile::embedded_bombs(12 << 20, 40),
        1,
        "with the embedded files before it, decompresses to more than 33554432 bytes",
    );
    verify_case(
        d,
        "one-bomb-named-a-thousand-times",
        &crate::hostile::embedded_bomb_repeated(12 << 20, 1000),
        3,
        "annex.bin (no type, no relationship, 12582912 bytes)",
    );
    verify_case(
        d,
        "object-stream-bomb",
        &crate::hostile::object_stream_bomb(300 << 20),
        1,
        "an object or cross-reference stream (read while loading the PDF) decompresses to \
         more than 16777216 bytes",
    );
    verify_case(d, "bad-xref", &crate::hostile::bad_xref(), 3, unsigned);
    verify_case(
        d,
        "many-signatures",
        &crate::hostile::many_signatures(4_000, 200_000),
        1,
        "the PDF has 4000 signature dictionaries; MLA Desk checks files with at most 32 \
         signatures",
    );
}

#[test]
fn a_pdf_over_the_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pdf");
    // Sparse: 300 MiB on paper, nothing on the disk.
    let f = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &f, b"%PDF-1.7\n").unwrap();
    f.set_len(300 << 20).unwrap();
    drop(f);
    let r = run(os!["verify", path], &dir.path().join("r.sqlite"));
    assert_eq!(r.code, Some(2), "{}", r.text);
    assert!(r.took < TIME_LIMIT, "{:?}", r.took);
    assert!(r.max_rss_kb < 50 * 1024, "{} KB", r.max_rss_kb);
    assert!(
        r.text.contains(
            "huge.pdf: the file is 314572800 bytes; MLA Desk checks PDFs of at most 268435456 \
             bytes (256 MiB) and did not read it"
        ),
        "{}",
        r.text
    );
}

fn example() -> PathBuf {
    crate::workspace_root().join("assets/examples/laundering-e-evidence-fra.mla.json")
}

/// A signed PDF carrying the example request, and the same file with the request replaced
/// by a later revision (the signature still verifies over what it signed).
fn signed_and_forged(pki: &Pki) -> (PathBuf, PathBuf, Vec<u8>) {
    let d = pki.dir.path();
    let unsigned = d.join("letter.pdf");
    std::fs::write(&unsigned, sample_pdf(1, 0)).unwrap();
    let signed = d.join("signed.pdf");
    let o = Command::new(mla_bin())
        .args([OsStr::new("sign-pdf"), unsigned.as_os_str()])
        .arg("--p12")
        .arg(pki.path("rsa.p12"))
        .arg("--embed-json")
        .arg(example())
        .arg("-o")
        .arg(&signed)
        .env("MLA_SIGN_PASSWORD", P12_PASSWORD)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&signed).unwrap();
    let original = std::fs::read_to_string(example()).unwrap();
    let forged_json = original.replace("\"case_number\": \"", "\"case_number\": \"FORGED-");
    assert_ne!(forged_json, original);
    let forged = crate::hostile::with_forged_request(
        &bytes,
        crate::hostile::request_stream_id(&bytes),
        forged_json.as_bytes(),
    );
    let forged_path = d.join("forged.pdf");
    std::fs::write(&forged_path, &forged).unwrap();
    (signed, forged_path, forged_json.into_bytes())
}

#[test]
fn a_request_replaced_after_signing_is_never_written_or_imported_unless_asked() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let register = d.join("register.sqlite");
    let (signed, forged, forged_json) = signed_and_forged(&pki);

    let out = d.join("out.mla.json");
    let r = run(os!["verify", forged, "--extract-request", out], &register);
    assert_eq!(r.code, Some(3), "{}", r.text);
    assert!(
        r.text
            .contains("Verdict: NOT VERIFIED: the file was changed after the last signature."),
        "{}",
        r.text
    );
    assert!(
        r.text.contains(&format!(
            "forged.pdf: not verified: the file was changed after the last signature; the \
             embedded request was NOT written to {}, because no valid signature vouches for it \
             (add --untrusted to write it anyway)",
            out.display()
        )),
        "{}",
        r.text
    );
    assert!(!out.exists());

    // Asked for: written, said to be untrusted, still exit 3.
    let r = run(
        os!["verify", forged, "--extract-request", out, "--untrusted"],
        &register,
    );
    assert_eq!(r.code, Some(3), "{}", r.text);
    assert!(
        r.text
            .contains("UNTRUSTED: the embedded request was written to"),
        "{}",
        r.text
    );
    assert_eq!(std::fs::read(&out).unwrap(), forged_json);

    // Import of the PDF: refused, and the register is not even created.
    let r = run(os!["import", forged], &register);
    assert_eq!(r.code, Some(3), "{}", r.text);
    assert!(
        r.text.contains(
            "forged.pdf: not imported: the PDF does not verify (the file was changed after the \
             last signature), so no valid signature vouches for its embedded request; check it \
             with `mla verify`, or add --untrusted to import it anyway, marked UNTRUSTED in the \
             register"
        ),
        "{}",
        r.text
    );
    assert!(!register.exists());

    // The intact file imports, noted as signed.
    let r = run(os!["import", signed], &register);
    assert_eq!(r.code, Some(0), "{}", r.text);
    let r = run(os!["history", "1"], &register);
    assert!(
        r.text.contains("imported from the signed PDF signed.pdf"),
        "{}",
        r.text
    );

    // Asked for: imported, and the history and the audit log say it is untrusted.
    let r = run(os!["import", "--untrusted", forged], &register);
    assert_eq!(r.code, Some(0), "{}", r.text);
    assert!(r.text.contains("mla: UNTRUSTED: "), "{}", r.text);
    let note = "UNTRUSTED import from the PDF forged.pdf, on the user's request: not verified: \
                the file was changed after the last signature";
    let r = run(os!["history", "2"], &register);
    assert!(r.text.contains(note), "{}", r.text);
    let r = run(os!["audit", "2"], &register);
    assert!(r.text.contains(note), "{}", r.text);
    let r = run(os!["show", "2"], &register);
    assert!(r.text.contains("FORGED-"), "{}", r.text);
}

#[test]
fn a_request_changed_inside_the_signed_bytes_is_refused_as_invalid() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let (signed, _, _) = signed_and_forged(&pki);
    let mut bytes = std::fs::read(&signed).unwrap();
    let at = bytes
        .windows(15)
        .position(|w| w == b"\"case_number\": ")
        .expect("the request is stored uncompressed");
    // Same length: one character of the case number.
    bytes[at + 16] ^= 0x01;
    let tampered = d.join("tampered.pdf");
    std::fs::write(&tampered, &bytes).unwrap();
    let register = d.join("register.sqlite");
    let r = run(os!["import", tampered], &register);
    assert_eq!(r.code, Some(3), "{}", r.text);
    assert!(
        r.text
            .contains("not imported: the PDF does not verify (a signature is not valid)"),
        "{}",
        r.text
    );
    assert!(!register.exists());
    let out = d.join("t.mla.json");
    let r = run(os!["verify", tampered, "--extract-request", out], &register);
    assert_eq!(r.code, Some(3), "{}", r.text);
    assert!(!out.exists());
}
