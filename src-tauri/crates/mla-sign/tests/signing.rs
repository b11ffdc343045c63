//! Signed PDFs checked by the independent validators (pdfsig, pyHanko, qpdf, pdfdetach)
//! and by our own verifier, including tampering and bad input.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Duration, TimeZone, Utc};
use common::{pdfsig_ok, pyhanko_validate, qpdf_check, run, sample::sample_pdf, Pki, P12_PASSWORD};
use mla_sign::{
    extract_request_json, sign_pdf, verify_pdf, write_atomic, AfRelationship, Attachment, Error,
    Password, Pkcs12Key, SealImage, SignOptions, SignatureBlock, TrustStatus, VerifyOptions,
};

const REQUEST_JSON: &[u8] =
    "{\"format_version\": 1, \"title\": \"Demande d'entraide — test\", \"unicode\": \"Ж 中 ع\"}\n".as_bytes();

fn password() -> Password {
    Password::new(P12_PASSWORD.into())
}

fn block() -> SignatureBlock {
    SignatureBlock {
        signer_name: "Jeanne Procureur".into(),
        function: "Procureure de la République".into(),
        place: "Lyon".into(),
        labels: Default::default(),
        seal: Some(SealImage::Png(seal_png())),
        page: None,
        rect: None,
    }
}

/// A 32 × 32 red disc with transparency.
fn seal_png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, 32, 32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        let mut data = Vec::new();
        for y in 0..32i32 {
            for x in 0..32i32 {
                let inside = (x - 16).pow(2) + (y - 16).pow(2) < 225;
                data.extend_from_slice(&[200, 20, 20, if inside { 255 } else { 0 }]);
            }
        }
        w.write_image_data(&data).unwrap();
    }
    out
}

fn annex() -> Attachment {
    Attachment {
        file_name: "Annexe 1 – relevé.pdf".into(),
        bytes: sample_pdf(1, 0),
        mime_type: "application/pdf".into(),
        description: Some("Annex 1".into()),
        relationship: AfRelationship::Supplement,
    }
}

fn sign_with(pki: &Pki, p12: &str, input: &[u8]) -> Vec<u8> {
    let key = Pkcs12Key::open(&pki.read(p12), &password(), Utc::now()).unwrap();
    let block = block();
    let annexes = [annex()];
    let opts = SignOptions {
        block: Some(&block),
        attachments: &annexes,
        request_json: Some(REQUEST_JSON),
        reason: Some("Request for mutual legal assistance"),
        ..SignOptions::new(Utc::now())
    };
    sign_pdf(input, &key, &opts).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn check_all_validators(pki: &Pki, signed: &Path) {
    let (ok, text) = pdfsig_ok(pki, signed);
    assert!(ok, "pdfsig rejected {}: {text}", signed.display());
    let (ok, text) = qpdf_check(signed);
    assert!(ok, "qpdf --check: {text}");
    let py = pyhanko_validate(&pki.path("ca.pem"), &[signed.to_path_buf()]);
    assert!(py[0].0, "pyHanko: {}", py[0].1);
    // The pyhanko CLI too, as a person would run it.
    let out = Command::new("pyhanko")
        .args(["sign", "validate", "--trust-replace", "--trust"])
        .arg(pki.path("ca.pem"))
        .arg(signed)
        .output()
        .expect("pyhanko CLI (pip pyhanko-cli)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("INTACT:TRUSTED,UNTOUCHED"), "pyhanko CLI: {text}{}", String::from_utf8_lossy(&out.stderr));

    // pdfdetach returns the request JSON byte for byte.
    let outdir = tempfile::tempdir().unwrap();
    run(Command::new("pdfdetach").arg("-saveall").arg("-o").arg(outdir.path()).arg(signed));
    let detached = std::fs::read(outdir.path().join("request.mla.json")).unwrap();
    assert_eq!(detached, REQUEST_JSON);
    let list = run(Command::new("pdfdetach").arg("-list").arg(signed));
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(list.contains("2 embedded files"), "{list}");

    // Our own verifier agrees.
    let bytes = std::fs::read(signed).unwrap();
    let ca = pki.ca();
    let report = verify_pdf(&bytes, &VerifyOptions { trusted: &ca, now: Utc::now() }).unwrap();
    assert!(report.all_signatures_valid(), "{report:#?}");
    assert!(report.all_trusted(), "{report:#?}");
    assert!(!report.changed_after_signing());
    assert!(report.signatures[0].covers_whole_file);
    assert!(report.signatures[0].ess_signing_certificate_v2);
    assert_eq!(extract_request_json(&bytes).unwrap().as_deref(), Some(REQUEST_JSON));
}

#[test]
fn rsa_p12_signature_passes_pdfsig_pyhanko_qpdf_and_pdfdetach() {
    let pki = Pki::new();
    let signed = sign_with(&pki, "rsa.p12", &sample_pdf(5, 0));
    let path = write(pki.dir.path(), "signed-rsa.pdf", &signed);
    check_all_validators(&pki, &path);
    let report = verify_pdf(&signed, &VerifyOptions { trusted: &pki.ca(), now: Utc::now() }).unwrap();
    let s = &report.signatures[0];
    assert!(s.signer.as_ref().unwrap().subject.contains("CN=Jeanne Procureur"));
    assert_eq!(s.signer.as_ref().unwrap().key_algorithm, "RSA 2048");
    assert_eq!(s.sub_filter.as_deref(), Some("ETSI.CAdES.detached"));
    assert_eq!(s.location.as_deref(), Some("Lyon"));
}
