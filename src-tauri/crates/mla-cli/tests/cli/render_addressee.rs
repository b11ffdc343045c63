//! `mla render` addresses the letter to the central authority the requested State's
//! profile designates for the request's legal basis (built-in profiles, overridden by an
//! imported pack), and prints an explicit "unknown — verify" line when none is known.
//! Real binary, real profiles, HTML and the PDF's text as `pdftotext` extracts it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::mla_bin;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(mla_bin())
            .env("MLA_PROFILE_DIR", self.dir.path().join("profiles"))
            .env("MLA_REGISTER", self.dir.path().join("register.sqlite"))
            .args(args)
            .output()
            .unwrap()
    }

    fn run_ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "mla {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// The THA example sent to `iso3` on `basis`, with the addressee the request gives.
    fn request(&self, iso3: &str, basis: serde_json::Value, addressee: (&str, &str)) -> PathBuf {
        let example =
            crate::workspace_root().join("assets/examples/service-appearance-tha.mla.json");
        let mut value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
        value["requested_state"] = iso3.into();
        value["legal_basis"] = basis;
        value["addressee"] = serde_json::json!({"name": addressee.0, "address": addressee.1});
        let path = self.dir.path().join(format!("to-{iso3}.mla.json"));
        std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
        path
    }

    /// Render `file` as HTML and as PDF; the HTML and the PDF's extracted text, each with
    /// whitespace runs made single spaces (lines wrap in the PDF), and stderr.
    fn render(&self, file: &Path, extra: &[&str]) -> (String, String, String) {
        let html = self.dir.path().join("letter.html");
        let pdf = self.dir.path().join("letter.pdf");
        let file = file.to_str().unwrap();
        let mut args = vec!["render", file, "-o", html.to_str().unwrap()];
        args.extend_from_slice(extra);
        let out = self.run_ok(&args);
        let mut args = vec!["render", file, "-o", pdf.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.run_ok(&args);
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(text.status.success(), "pdftotext failed");
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        (
            squash(&html_text(&std::fs::read_to_string(&html).unwrap())),
            squash(&String::from_utf8(text.stdout).unwrap()),
            String::from_utf8(out.stderr).unwrap(),
        )
    }
}

/// The text of an HTML page: tags dropped, the escapes the letter uses undone.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

const CAN_UNTOC_NAME: &str =
    "International Assistance Group, Litigation Branch, Criminal Law Division, Department of Justice Canada";
const CAN_UNTOC_ADDRESS: &str = "284 Wellington Street, 2nd floor, Ottawa, ON K1A 0H8";

#[test]
fn render_addresses_the_central_authority_the_profile_designates_for_the_basis() {
    let env = Env::new();
    let file = env.request(
        "CAN",
        serde_json::json!([{"kind": "untoc"}]),
        ("Central authority of Canada (typed by the officer)", ""),
    );
    let (html, pdf, stderr) = env.render(&file, &[]);
    for text in [&html, &pdf] {
        assert!(text.contains(CAN_UNTOC_NAME), "{text}");
        assert!(text.contains(CAN_UNTOC_ADDRESS), "{text}");
        assert!(!text.contains("typed by the officer"), "{text}");
    }
    assert!(
        stderr.contains("addressed to CAN's central authority from its profile"),
        "{stderr}"
    );
    // On a bilateral treaty Canada's profile designates the IAG, without an address:
    // the address line says it is unknown rather than borrowing another one.
    let file = env.request(
        "CAN",
        serde_json::json!([{"kind": "bilateral_treaty", "name": "Treaty X"}]),
        ("", ""),
    );
    let (html, pdf, _) = env.render(&file, &[]);
    for text in [&html, &pdf] {
        assert!(
            text.contains("International Assistance Group (IAG), Department of Justice Canada"),
            "{text}"
        );
        assert!(text.contains("[address unknown — verify]"), "{text}");
        assert!(!text.contains(CAN_UNTOC_ADDRESS), "{text}");
    }
    // --no-profile: the request's own addressee.
    let file = env.request(
        "CAN",
        serde_json::json!([{"kind": "untoc"}]),
        ("Officer's addressee", "Officer's address"),
    );
    let (_, pdf, _) = env.render(&file, &["--no-profile"]);
    assert!(
        pdf.contains("Officer's addressee") && !pdf.contains(CAN_UNTOC_NAME),
        "{pdf}"
    );
}

#[test]
fn render_without_a_known_authority_prints_the_verify_line() {
    let env = Env::new();
    // AFG's profile records no central authority; ATA has no profile at all.
    for iso3 in ["AFG", "ATA"] {
        let file = env.request(iso3, serde_json::json!([{"kind": "uncac"}]), ("", ""));
        let (html, pdf, stderr) = env.render(&file, &[]);
        for text in [&html, &pdf] {
            assert!(
                text.contains("To: [unknown — verify the requested State's central authority]"),
                "{iso3}: {text}"
            );
            assert!(
                text.contains("[address unknown — verify]"),
                "{iso3}: {text}"
            );
        }
        assert!(
            stderr.contains("designates no single central authority"),
            "{stderr}"
        );
    }
}

#[test]
fn render_uses_the_imported_pack_over_the_builtin_profile() {
    let env = Env::new();
    let pack = env.dir.path().join("pack");
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::write(
        pack.join("ATA.toml"),
        "format_version = 1\niso3 = \"ATA\"\n\n[names]\nen = \"Antarctica (test pack)\"\n\n\
         [[central_authorities]]\ninstruments = [\"uncac\"]\n\
         name = \"Antarctic Central Authority (test pack)\"\naddress = \"1 Ice Shelf Road\"\n\
         source = \"CLI test fixture\"\nchecked = \"2026-11-01\"\n",
    )
    .unwrap();
    env.run_ok(&["profiles", "import", pack.to_str().unwrap()]);
    let file = env.request("ATA", serde_json::json!([{"kind": "uncac"}]), ("", ""));
    let (html, pdf, _) = env.render(&file, &[]);
    for text in [&html, &pdf] {
        assert!(
            text.contains("To: Antarctic Central Authority (test pack)"),
            "{text}"
        );
        assert!(text.contains("1 Ice Shelf Road"), "{text}");
    }
}
