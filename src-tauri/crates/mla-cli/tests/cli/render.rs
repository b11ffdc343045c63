//! `mla render` through the real binary: every example in the six languages, HTML and PDF.

use mla_test_support::examples;
use std::path::Path;
use std::process::{Command, Output};

use crate::mla_bin;

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

fn mla(args: &[&str]) -> Output {
    Command::new(mla_bin())
        .env_remove("MLA_REGISTER")
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> Output {
    let out = mla(args);
    assert!(
        out.status.success(),
        "mla {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn reference_of(example: &Path) -> String {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(example).unwrap()).unwrap();
    v["reference"].as_str().unwrap().to_owned()
}

#[test]
fn render_every_example_in_six_languages_as_html_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    for example in examples() {
        let reference = reference_of(&example);
        let stem = example
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".mla.json", "");
        for lang in LANGS {
            let html = dir.path().join(format!("{stem}-{lang}.html"));
            let pdf = dir.path().join(format!("{stem}-{lang}.pdf"));
            let file = example.to_str().unwrap();
            ok(&["render", file, "--lang", lang, "-o", html.to_str().unwrap()]);
            ok(&[
                "render",
                file,
                "--lang",
                lang,
                "--format",
                "pdf",
                "-o",
                pdf.to_str().unwrap(),
            ]);
            let html = std::fs::read_to_string(&html).unwrap();
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{stem} {lang}"
            );
            assert!(html.contains(&reference), "{stem} {lang}");
            let bytes = std::fs::read(&pdf).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{stem} {lang}");
            let text = pdftotext(&pdf);
            assert!(
                text.contains(&reference),
                "{stem} {lang}: reference not in the PDF text"
            );
            assert!(text.contains(" / "), "{stem} {lang}: no page footer");
        }
    }
}

#[test]
fn render_twice_gives_identical_pdf_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let example = &examples()[0];
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    ok(&[
        "render",
        example.to_str().unwrap(),
        "-o",
        a.to_str().unwrap(),
    ]);
    ok(&[
        "render",
        example.to_str().unwrap(),
        "-o",
        b.to_str().unwrap(),
    ]);
    assert!(std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap());
}

#[test]
fn render_lists_the_parts_that_need_translation_and_the_draft_status() {
    let dir = tempfile::tempdir().unwrap();
    let example = &examples()[0];
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(example).unwrap()).unwrap();
    let drafting = v["drafting_language"].as_str().unwrap();
    let other = if drafting == "fr" { "es" } else { "fr" };
    let out = ok(&[
        "render",
        example.to_str().unwrap(),
        "--lang",
        other,
        "-o",
        dir.path().join("x.html").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("still need a human translation"),
        "{stderr}"
    );
    assert!(stderr.contains("  facts"), "{stderr}");
    assert!(
        stderr.contains("not reviewed by a legal translator"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(dir.path().join("x.html")).unwrap();
    assert!(html.contains(&format!(
        "[needs translation from {}]",
        drafting.to_uppercase()
    )));
}

#[test]
fn render_html_to_standard_output() {
    let example = &examples()[1];
    let out = ok(&[
        "render",
        example.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        "-",
    ]);
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn render_us_letter_paper() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("l.pdf");
    ok(&[
        "render",
        examples()[2].to_str().unwrap(),
        "--paper",
        "letter",
        "--seal-box",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.contains("612 x 792"), "{info}");
}

#[test]
fn render_errors_name_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let example = examples()[0].to_str().unwrap().to_owned();
    let out = mla(&[
        "render",
        &example,
        "-o",
        dir.path().join("x.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give --format html or --format pdf"));

    let out = mla(&[
        "render",
        &example,
        "--lang",
        "de",
        "-o",
        dir.path().join("x.pdf").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("no letter template for language \"de\" (available: ar, zh, en, fr, ru, es"));
    assert!(!dir.path().join("x.pdf").exists());

    let bad = dir.path().join("bad.mla.json");
    std::fs::write(&bad, "{\"format_version\": 1, \"facts\": 3}").unwrap();
    let out = mla(&[
        "render",
        bad.to_str().unwrap(),
        "-o",
        dir.path().join("y.pdf").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.mla.json") && stderr.contains("facts"),
        "{stderr}"
    );
    assert!(!dir.path().join("y.pdf").exists());
}
