//! The real `mla` binary signing and verifying PDFs, checked by pdfsig and pyHanko.

use mla_test_support::examples;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use crate::common::{
    pdfsig_ok, pyhanko_validate, qpdf_check, sample::sample_pdf, Pki, P12_PASSWORD,
};
use crate::mla_bin;

fn mla(args: &[&std::ffi::OsStr], password_env: Option<&str>, stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(mla_bin());
    cmd.args(args).env_remove("MLA_SIGN_PASSWORD");
    if let Some(p) = password_env {
        cmd.env("MLA_SIGN_PASSWORD", p);
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        input.write_all(s.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

macro_rules! os {
    ($($a:expr),* $(,)?) => { &[$(std::ffi::OsStr::new(&$a)),*] };
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn each_example_request_is_signed_verified_and_extracted() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let unsigned = d.join("letter.pdf");
    std::fs::write(&unsigned, sample_pdf(10, 0)).unwrap();
    let annex = d.join("annex-1.pdf");
    std::fs::write(&annex, sample_pdf(1, 0)).unwrap();
    let unsigned_before = std::fs::read(&unsigned).unwrap();
    let mut signed_files = Vec::new();
    for (i, example) in examples().iter().enumerate() {
        let out = d.join(format!("signed-{i}.pdf"));
        let p12 = if i % 2 == 0 {
            pki.path("rsa.p12")
        } else {
            pki.path("ec.p12")
        };
        let o = mla(
            os![
                "sign-pdf",
                unsigned,
                "--p12",
                p12,
                "--embed-json",
                example,
                "--attach",
                annex,
                "--function",
                "Procureure de la République",
                "--place",
                "Lyon",
                "-o",
                out
            ],
            Some(P12_PASSWORD),
            None,
        );
        assert!(o.status.success(), "{}", text(&o));
        let (ok, t) = pdfsig_ok(&pki, &out);
        assert!(ok, "pdfsig {}: {t}", example.display());
        let (ok, t) = qpdf_check(&out);
        assert!(ok, "qpdf {}: {t}", example.display());

        let extracted = d.join(format!("extracted-{i}.mla.json"));
        let o = mla(
            os![
                "verify",
                out,
                "--trust",
                pki.path("ca.pem"),
                "--extract-request",
                extracted
            ],
            None,
            None,
        );
        let t = text(&o);
        assert!(o.status.success(), "{t}");
        assert!(
            t.contains("Verdict: VERIFIED: signed, unchanged since signing, signer trusted."),
            "{t}"
        );
        assert!(
            t.contains("request.mla.json (application/json, Data,"),
            "{t}"
        );
        assert!(
            t.contains("annex-1.pdf (application/pdf, Supplement,"),
            "{t}"
        );
        assert_eq!(
            std::fs::read(&extracted).unwrap(),
            std::fs::read(example).unwrap()
        );

        let o = mla(
            os![
                "verify",
                out,
                "--trust",
                pki.path("ca.pem"),
                "--format",
                "json"
            ],
            None,
            None,
        );
        assert!(o.status.success(), "{}", text(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["verified"], true);
        assert_eq!(v["signatures"][0]["trust"]["status"], "trusted");
        assert_eq!(v["signatures"][0]["covers_whole_file"], true);
        signed_files.push(out);
    }
    for (ok, line) in pyhanko_validate(&pki.path("ca.pem"), &signed_files) {
        assert!(ok, "pyHanko: {line}");
    }
    assert_eq!(
        std::fs::read(&unsigned).unwrap(),
        unsigned_before,
        "the input must be untouched"
    );
}

#[test]
fn password_from_stdin_and_wrong_password() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let unsigned = d.join("letter.pdf");
    std::fs::write(&unsigned, sample_pdf(2, 0)).unwrap();
    let out = d.join("signed.pdf");
    let o = mla(
        os![
            "sign-pdf",
            unsigned,
            "--p12",
            pki.path("rsa.p12"),
            "--invisible",
            "-o",
            out
        ],
        None,
        Some(&format!("{P12_PASSWORD}\n")),
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(pdfsig_ok(&pki, &out).0);

    let out2 = d.join("never.pdf");
    let o = mla(
        os![
            "sign-pdf",
            unsigned,
            "--p12",
            pki.path("rsa.p12"),
            "-o",
            out2
        ],
        Some("not the password"),
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("could not be opened: wrong password"),
        "{}",
        text(&o)
    );
    assert!(!out2.exists());
    // A password is never a command-line argument.
    let o = mla(
        os![
            "sign-pdf",
            unsigned,
            "--p12",
            pki.path("rsa.p12"),
            "--password",
            "x",
            "-o",
            out2
        ],
        None,
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(!out2.exists());
}

#[test]
fn verify_reports_tampered_untrusted_and_unsigned_files() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let unsigned = d.join("letter.pdf");
    std::fs::write(&unsigned, sample_pdf(2, 0)).unwrap();
    let out = d.join("signed.pdf");
    let o = mla(
        os!["sign-pdf", unsigned, "--p12", pki.path("ec.p12"), "-o", out],
        Some(P12_PASSWORD),
        None,
    );
    assert!(o.status.success(), "{}", text(&o));

    let mut bytes = std::fs::read(&out).unwrap();
    bytes[400] ^= 0x04;
    let tampered = d.join("tampered.pdf");
    std::fs::write(&tampered, &bytes).unwrap();
    let o = mla(
        os!["verify", tampered, "--trust", pki.path("ca.pem")],
        None,
        None,
    );
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(
        text(&o).contains("Verdict: NOT VERIFIED: a signature is not valid."),
        "{}",
        text(&o)
    );
    assert!(
        text(&o).contains("the document was changed after it was signed"),
        "{}",
        text(&o)
    );
    // As JSON: each problem is a stable code, with the English sentence beside it.
    let o = mla(
        os![
            "verify",
            tampered,
            "--trust",
            pki.path("ca.pem"),
            "--format",
            "json"
        ],
        None,
        None,
    );
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let problems = v["signatures"][0]["problems"].as_array().unwrap();
    let digest = problems
        .iter()
        .find(|p| p["code"] == "digest_mismatch")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert!(
        digest["message"]
            .as_str()
            .unwrap()
            .starts_with("the document was changed after it was signed"),
        "{digest}"
    );

    let o = mla(
        os!["verify", out, "--trust", pki.path("other-ca.pem")],
        None,
        None,
    );
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(
        text(&o).contains("NOT TRUSTED: no trusted CA issued"),
        "{}",
        text(&o)
    );
    let o = mla(
        os![
            "verify",
            out,
            "--trust",
            pki.path("other-ca.pem"),
            "--format",
            "json"
        ],
        None,
        None,
    );
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let reason = &v["signatures"][0]["trust"]["reason"];
    assert_eq!(v["signatures"][0]["trust"]["status"], "untrusted");
    assert_eq!(reason["code"], "no_trusted_issuer", "{reason}");
    assert!(
        reason["subject"].as_str().unwrap().contains("CN="),
        "{reason}"
    );
    assert!(
        reason["message"]
            .as_str()
            .unwrap()
            .starts_with("no trusted CA issued "),
        "{reason}"
    );

    let o = mla(os!["verify", out], None, None);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("trust not checked"), "{}", text(&o));

    let o = mla(
        os!["verify", unsigned, "--extract-request", d.join("x.json")],
        None,
        None,
    );
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("has no embedded request"), "{}", text(&o));
    let o = mla(os!["verify", unsigned], None, None);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(
        text(&o).contains("the PDF has no signature"),
        "{}",
        text(&o)
    );

    let o = mla(os!["verify", pki.path("ca.pem")], None, None);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("the input is not a readable PDF"),
        "{}",
        text(&o)
    );
}

#[test]
fn invalid_request_file_is_not_embedded() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let unsigned = d.join("letter.pdf");
    std::fs::write(&unsigned, sample_pdf(1, 0)).unwrap();
    let bad = d.join("bad.mla.json");
    std::fs::write(&bad, b"{\"format_version\": 1, \"oops\": ").unwrap();
    let out = d.join("signed.pdf");
    let o = mla(
        os![
            "sign-pdf",
            unsigned,
            "--p12",
            pki.path("rsa.p12"),
            "--embed-json",
            bad,
            "-o",
            out
        ],
        Some(P12_PASSWORD),
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("bad.mla.json"), "{}", text(&o));
    assert!(!out.exists());
}

/// Signing onto a full disk (a 64 KiB tmpfs; the tests run as root): a clear error, the
/// previous output untouched, no temporary file left.
#[test]
fn sign_pdf_onto_a_full_disk_keeps_the_previous_output() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let unsigned = d.join("letter.pdf");
    std::fs::write(&unsigned, sample_pdf(1, 200_000)).unwrap();
    let mnt = d.join("tiny");
    std::fs::create_dir(&mnt).unwrap();
    let st = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .status()
        .unwrap();
    assert!(
        st.success(),
        "mounting a tmpfs needs root (CI runs as root)"
    );
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(mnt.clone());
    let out = mnt.join("signed.pdf");
    std::fs::write(&out, b"previous export").unwrap();
    let o = mla(
        os![
            "sign-pdf",
            unsigned,
            "--p12",
            pki.path("rsa.p12"),
            "-o",
            out
        ],
        Some(P12_PASSWORD),
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("no space left on the device"),
        "{}",
        text(&o)
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"previous export");
    assert_eq!(std::fs::read_dir(&mnt).unwrap().count(), 1);
}

/// `mla export`: each example request rendered (letters crate), the request embedded, signed;
/// pdfsig, pyHanko, qpdf and pdfdetach accept it and `mla verify` extracts the same bytes.
#[test]
fn export_renders_signs_and_embeds_each_example() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let mut outputs = Vec::new();
    for (i, example) in examples().iter().enumerate() {
        let out = d.join(format!("export-{i}.pdf"));
        let p12 = if i % 2 == 0 {
            pki.path("ec.p12")
        } else {
            pki.path("rsa.p12")
        };
        let o = mla(
            os![
                "export",
                example,
                "--sign",
                p12,
                "--function",
                "Procureure",
                "--place",
                "Lyon",
                "-o",
                out
            ],
            Some(P12_PASSWORD),
            None,
        );
        assert!(o.status.success(), "{}", text(&o));
        assert!(text(&o).contains("signed"), "{}", text(&o));
        let (ok, t) = pdfsig_ok(&pki, &out);
        assert!(ok, "pdfsig {}: {t}", example.display());
        let (ok, t) = qpdf_check(&out);
        assert!(ok, "qpdf {}: {t}", example.display());
        // Without --pdfa-icc the bundled sRGB profile makes it PDF/A-3b (XMP identification;
        // the structure is checked point by point in mla-export's tests/pdfa.rs).
        let meta = Command::new("pdfinfo")
            .arg("-meta")
            .arg(&out)
            .output()
            .unwrap();
        let meta = String::from_utf8_lossy(&meta.stdout);
        assert!(
            meta.contains("pdfaid:part") && meta.contains("pdfaid:conformance"),
            "no PDF/A identification in {}: {meta}",
            example.display()
        );
        let detach_dir = d.join(format!("detach-{i}"));
        std::fs::create_dir(&detach_dir).unwrap();
        crate::common::run(
            Command::new("pdfdetach")
                .arg("-saveall")
                .arg("-o")
                .arg(&detach_dir)
                .arg(&out),
        );
        assert_eq!(
            std::fs::read(detach_dir.join("request.mla.json")).unwrap(),
            std::fs::read(example).unwrap()
        );
        let extracted = d.join(format!("export-{i}.mla.json"));
        let o = mla(
            os![
                "verify",
                out,
                "--trust",
                pki.path("ca.pem"),
                "--extract-request",
                extracted
            ],
            None,
            None,
        );
        assert!(o.status.success(), "{}", text(&o));
        assert_eq!(
            std::fs::read(&extracted).unwrap(),
            std::fs::read(example).unwrap()
        );
        outputs.push(out);
    }
    for (ok, line) in pyhanko_validate(&pki.path("ca.pem"), &outputs) {
        assert!(ok, "pyHanko: {line}");
    }
    // Without --sign: the letter with the request embedded, no signature.
    let unsigned = d.join("unsigned.pdf");
    let o = mla(os!["export", examples()[0], "-o", unsigned], None, None);
    assert!(o.status.success(), "{}", text(&o));
    assert!(!text(&o).contains("human translation"), "{}", text(&o));
    // A letter in a language the officer did not type in: each passage still to be
    // translated is named by its field, in words.
    let o = mla(
        os![
            "export",
            examples()[0],
            "--lang",
            "fr",
            "-o",
            d.join("fr.pdf")
        ],
        None,
        None,
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains(
            "`facts` was typed in en and still needs a human translation into fr (the letter \
             marks it as not translated)"
        ),
        "{}",
        text(&o)
    );
    let o = mla(
        os![
            "verify",
            unsigned,
            "--extract-request",
            d.join("u.mla.json"),
            "--untrusted"
        ],
        None,
        None,
    );
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(
        text(&o).contains("the PDF has no signature"),
        "{}",
        text(&o)
    );
    assert_eq!(
        std::fs::read(d.join("u.mla.json")).unwrap(),
        std::fs::read(&examples()[0]).unwrap()
    );
}

/// `mla export` never writes over its own request file (or an annex), and a wrong password
/// leaves no output: the draft and the folder stay as they were.
#[test]
fn export_keeps_the_request_file_and_writes_nothing_on_error() {
    let pki = Pki::new();
    let d = pki.dir.path();
    let draft = d.join("draft.mla.json");
    let original = std::fs::read(&examples()[0]).unwrap();
    std::fs::write(&draft, &original).unwrap();
    let o = mla(os!["export", draft, "-o", draft], None, None);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("would replace the request file ("),
        "{}",
        text(&o)
    );
    assert_eq!(std::fs::read(&draft).unwrap(), original);

    let out_dir = d.join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let o = mla(
        os![
            "export",
            draft,
            "--sign",
            pki.path("rsa.p12"),
            "-o",
            out_dir.join("x.pdf")
        ],
        Some("wrong password"),
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("wrong password"), "{}", text(&o));
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 0);
    assert_eq!(std::fs::read(&draft).unwrap(), original);
}
