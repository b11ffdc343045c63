//! Rendering and typesetting a ~10-page request to PDF, against parsing the same request.
//!
//! `cargo bench -p mla-pdf --bench render`

use criterion::{criterion_group, criterion_main, Criterion};
use mla_core::{parse_request, write_request, Request};
use mla_letter::{LetterOptions, Letters};
use mla_pdf::{typeset, Paper, PdfOptions};

/// The rich fixture, grown to about ten A4 pages: longer facts, more persons and assets.
fn ten_page_request() -> Vec<u8> {
    let mut req: Request = parse_request(include_bytes!(
        "../../mla-letter/tests/fixtures/rich.mla.json"
    ))
    .unwrap();
    req.facts = std::iter::repeat_n(req.facts.as_str(), 6)
        .collect::<Vec<_>>()
        .join("\n");
    let person = req.persons[1].clone();
    for i in 0..25 {
        let mut p = person.clone();
        p.id = format!("px-{i}");
        p.name = format!("Witness number {i} (Свидетель {i})");
        req.persons.push(p);
    }
    let asset = req.assets[0].clone();
    for i in 0..15 {
        let mut a = asset.clone();
        a.id = format!("ax-{i}");
        a.identifier = format!("ZZ00 0000 0000 {i:04}");
        req.assets.push(a);
    }
    write_request(&req).into_bytes()
}

fn bench(c: &mut Criterion) {
    let bytes = ten_page_request();
    let letters = Letters::load().unwrap();
    let options = LetterOptions {
        lang: Some("en".to_owned()),
        central_authority: None,
    };
    let pdf_options = PdfOptions {
        paper: Paper::A4,
        seal_box: true,
    };
    let req = parse_request(&bytes).unwrap();
    let pages = typeset(&letters.letter(&req, &options).unwrap(), &pdf_options)
        .unwrap()
        .pages;
    eprintln!(
        "request: {} bytes of JSON, {pages} pages of PDF",
        bytes.len()
    );

    c.bench_function("serde_json parse of the request", |b| {
        b.iter(|| serde_json::from_slice::<Request>(std::hint::black_box(&bytes)).unwrap())
    });
    c.bench_function("parse_request (serde_json + format checks)", |b| {
        b.iter(|| parse_request(std::hint::black_box(&bytes)).unwrap())
    });
    c.bench_function("letter (view + Tera + block tree)", |b| {
        b.iter(|| {
            letters
                .letter(std::hint::black_box(&req), &options)
                .unwrap()
        })
    });
    c.bench_function("letter + typeset to PDF bytes (10 pages)", |b| {
        b.iter(|| {
            let letter = letters
                .letter(std::hint::black_box(&req), &options)
                .unwrap();
            typeset(&letter, &pdf_options).unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(8));
    targets = bench
}
criterion_main!(benches);
