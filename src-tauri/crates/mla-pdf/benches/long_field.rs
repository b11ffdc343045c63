//! Letter + typeset of a request whose one field is long, at 64 KB, 256 KB and 1 MB
//! (issue #22, class 6: rendering was quadratic in a long field's length).
//!
//! `cargo bench -p mla-pdf --bench long_field`
//!
//! Criterion reports each size's time and throughput. Before that, each field's time per
//! KB at 64 KB and at 1 MB is measured in the same run (median of a few renders, sizes
//! interleaved) and printed with their ratio: about 1 when rendering is linear.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mla_core::{parse_request, Request};
use mla_letter::{LetterOptions, Letters};
use mla_pdf::{typeset, PdfOptions};

const KB: usize = 1024;

/// A long field: where it goes, what it repeats, the letter's language.
struct Case {
    name: &'static str,
    pointer: &'static str,
    unit: &'static str,
    lang: &'static str,
}

const CASES: [Case; 4] = [
    Case {
        name: "reference",
        pointer: "/reference",
        unit: "RUR-NIB-2026-112 ",
        lang: "en",
    },
    Case {
        name: "facts, one token without spaces",
        pointer: "/facts",
        unit: "RURNIB2026112",
        lang: "en",
    },
    Case {
        name: "facts in the Arabic letter",
        pointer: "/facts",
        unit: "Les faits de l'affaire. ",
        lang: "ar",
    },
    Case {
        name: "measure's provider (table cell)",
        pointer: "/measures/0/details/provider",
        unit: "Courrielia SAS, Paris. ",
        lang: "en",
    },
];

fn request(case: &Case, len: usize) -> Request {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../assets/examples/laundering-e-evidence-fra.mla.json"
    );
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let text = case.unit.repeat(len / case.unit.len() + 1)[..len].to_owned();
    *value.pointer_mut(case.pointer).unwrap() = text.into();
    parse_request(&serde_json::to_vec(&value).unwrap()).unwrap()
}

fn render(letters: &Letters, req: &Request, lang: &str) -> usize {
    let options = LetterOptions {
        lang: Some(lang.to_owned()),
        central_authority: None,
    };
    let letter = letters.letter(req, &options).unwrap();
    typeset(&letter, &PdfOptions::default()).unwrap().pages
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn bench(c: &mut Criterion) {
    let letters = Letters::load().unwrap();
    // Time per KB at 64 KB and at 1 MB, in this run.
    for case in &CASES {
        let small = request(case, 64 * KB);
        let large = request(case, 1024 * KB);
        render(&letters, &small, case.lang);
        let (mut ts, mut tl) = (Vec::new(), Vec::new());
        let mut pages = (0, 0);
        for _ in 0..3 {
            let t = Instant::now();
            pages.0 = render(&letters, &small, case.lang);
            ts.push(t.elapsed().as_secs_f64() * 1e3 / 64.0);
            let t = Instant::now();
            pages.1 = render(&letters, &large, case.lang);
            tl.push(t.elapsed().as_secs_f64() * 1e3 / 1024.0);
        }
        let (ms, ml) = (median(ts), median(tl));
        eprintln!(
            "{}: {ms:.3} ms per KB at 64 KB ({} pages), {ml:.3} ms per KB at 1 MB ({} pages): \
             1 MB / 64 KB = {:.2}",
            case.name,
            pages.0,
            pages.1,
            ml / ms
        );
    }

    let mut group = c.benchmark_group("letter + typeset, one long field");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for case in &CASES {
        for len in [64 * KB, 256 * KB, 1024 * KB] {
            let req = request(case, len);
            group.throughput(Throughput::Bytes(len as u64));
            group.bench_with_input(
                BenchmarkId::new(case.name, format!("{} KB", len / KB)),
                &req,
                |b, req| b.iter(|| render(&letters, std::hint::black_box(req), case.lang)),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
