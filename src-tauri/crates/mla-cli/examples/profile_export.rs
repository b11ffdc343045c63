//! Render + sign the export bench's request N times, for profiling (callgrind, perf):
//! `cargo run --release -p mla-cli --example profile_export -- N [STAGE]`, STAGE one of
//! `all` (default), `letter`, `typeset`, `sign`. With `PROFILE_OUT=FILE`, the unsigned PDF
//! is written there.

use mla_test_support as common;

use chrono::Utc;
use mla_sign::{Password, Pkcs12Key, SignOptions, SignatureBlock};

const FONT: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerif-Regular.ttf");

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let stage = args.next().unwrap_or_else(|| "all".into());
    let repeat: usize = std::env::var("FACTS_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(9);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../assets/examples/laundering-e-evidence-fra.mla.json"
    );
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let facts = value["facts"].as_str().unwrap().to_string();
    value["facts"] = serde_json::Value::String(vec![facts; repeat].join("\n\n"));
    let json = serde_json::to_vec_pretty(&value).unwrap();
    let req = mla_core::parse_request(&json).unwrap();
    let letters = mla_letter::Letters::load().unwrap();
    let pki = common::Pki::new();
    let key = Pkcs12Key::open(
        &pki.read("rsa.p12"),
        &Password::new(common::P12_PASSWORD.into()),
        Utc::now(),
    )
    .unwrap();
    let block = SignatureBlock {
        signer_name: "Jeanne Procureur".into(),
        function: "Procureure".into(),
        place: "Lyon".into(),
        labels: Default::default(),
        seal: None,
        page: None,
        rect: None,
        font: Some(FONT.to_vec()),
    };
    let letter = letters
        .letter(&req, &mla_letter::LetterOptions::default())
        .unwrap();
    let typeset = mla_pdf::typeset(&letter, &mla_pdf::PdfOptions::default()).unwrap();
    eprintln!(
        "{} pages, {} bytes unsigned",
        typeset.pages,
        typeset.bytes.len()
    );
    if let Ok(out) = std::env::var("PROFILE_OUT") {
        std::fs::write(out, &typeset.bytes).unwrap();
    }
    let t = std::time::Instant::now();
    for _ in 0..n {
        match stage.as_str() {
            "letter" => {
                std::hint::black_box(
                    letters
                        .letter(&req, &mla_letter::LetterOptions::default())
                        .unwrap(),
                );
            }
            "typeset" => {
                std::hint::black_box(
                    mla_pdf::typeset(&letter, &mla_pdf::PdfOptions::default()).unwrap(),
                );
            }
            "sign" => {
                let opts = SignOptions {
                    block: Some(&block),
                    request_json: Some(&json),
                    ..SignOptions::new(Utc::now())
                };
                std::hint::black_box(mla_sign::sign_pdf(&typeset.bytes, &key, &opts).unwrap());
            }
            _ => {
                let letter = letters
                    .letter(&req, &mla_letter::LetterOptions::default())
                    .unwrap();
                let pdf = mla_pdf::typeset(&letter, &mla_pdf::PdfOptions::default()).unwrap();
                let opts = SignOptions {
                    block: Some(&block),
                    request_json: Some(&json),
                    ..SignOptions::new(Utc::now())
                };
                std::hint::black_box(mla_sign::sign_pdf(&pdf.bytes, &key, &opts).unwrap());
            }
        }
    }
    eprintln!(
        "{stage}: {:.2} ms per iteration",
        t.elapsed().as_secs_f64() * 1e3 / n as f64
    );
}
