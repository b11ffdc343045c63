//! Render + sign of a ~10-page request against pyHanko signing the same unsigned PDF.
//! Target (issue 6): render + sign at least 5× faster than pyHanko's signing alone.

#[path = "../../mla-sign/tests/common/mod.rs"]
mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use mla_sign::{Password, Pkcs12Key, SignOptions, SignatureBlock};

const FONT: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerif-Regular.ttf");

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64()
}

/// The French example with its statement of facts four times over: about ten pages.
fn ten_page_request() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../assets/examples/laundering-e-evidence-fra.mla.json"
    );
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let facts = value["facts"].as_str().unwrap().to_string();
    value["facts"] = serde_json::Value::String(vec![facts; 4].join("\n\n"));
    let bytes = serde_json::to_vec_pretty(&value).unwrap();
    mla_core::parse_request(&bytes).expect("still a valid request");
    bytes
}

fn bench(c: &mut Criterion) {
    let pki = common::Pki::new();
    let key = Pkcs12Key::open(
        &pki.read("rsa.p12"),
        &Password::new(common::P12_PASSWORD.into()),
        Utc::now(),
    )
    .unwrap();
    let json = ten_page_request();
    let request = mla_core::parse_request(&json).unwrap();
    let load = Instant::now();
    let letters = mla_letter::Letters::load().unwrap();
    let load = load.elapsed();
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
    let render = || {
        let letter = letters
            .letter(&request, &mla_letter::LetterOptions::default())
            .unwrap();
        mla_pdf::typeset(&letter, &mla_pdf::PdfOptions::default()).unwrap()
    };
    let render_and_sign = || {
        let typeset = render();
        let opts = SignOptions {
            block: Some(&block),
            request_json: Some(&json),
            ..SignOptions::new(Utc::now())
        };
        mla_sign::sign_pdf(&typeset.bytes, &key, &opts).unwrap()
    };
    let unsigned = render();
    let pdf_path = pki.path("unsigned-10.pdf");
    std::fs::write(&pdf_path, &unsigned.bytes).unwrap();

    let mut group = c.benchmark_group("10-page request");
    group.sample_size(10);
    group.bench_function("render + sign", |b| b.iter(render_and_sign));
    group.finish();

    let ours = median(
        (0..15)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(render_and_sign());
                t.elapsed()
            })
            .collect(),
    );
    let render_only = median(
        (0..15)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(render());
                t.elapsed()
            })
            .collect(),
    );
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../mla-sign/benches/pyhanko_sign.py"
    );
    let out = Command::new("python3")
        .arg(script)
        .arg(pki.path("rsa.p12"))
        .arg(common::P12_PASSWORD)
        .arg(&pdf_path)
        .arg("15")
        .output()
        .expect("python3 with pyhanko");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pyhanko: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    eprintln!(
        "{} pages: render+sign median {:.1} ms (render alone {:.1} ms; template load once {:.1} ms); \
         pyHanko signing alone (in-process) {:.1} ms; ratio {:.1}x (target >= 5x)",
        unsigned.pages,
        ours * 1e3,
        render_only * 1e3,
        load.as_secs_f64() * 1e3,
        pyhanko * 1e3,
        pyhanko / ours
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
