//! check() against parse_request() of the same JSON, in the same run.
//!
//! The request has 20 measures, 10 persons and 20 attachments (the baseline fixture,
//! enlarged). Target: checking takes no more than 5× parsing. Besides criterion's report,
//! the bench prints the ratio of the two medians measured side by side.

use chrono::NaiveDate;
use criterion::{criterion_group, Criterion};
use mla_core::{check, parse_request, CheckContext, Lang};
use serde_json::Value;
use std::hint::black_box;
use std::time::Instant;

fn large_request() -> Vec<u8> {
    let mut value: Value =
        serde_json::from_str(include_str!("../tests/fixtures/baseline.mla.json")).unwrap();
    let grow = |list: &mut Vec<Value>, target: usize, prefix: &str| {
        let originals = list.clone();
        let mut i = 0;
        while list.len() < target {
            let mut copy = originals[i % originals.len()].clone();
            copy["id"] = Value::String(format!("{prefix}-{i}"));
            list.push(copy);
            i += 1;
        }
    };
    let object = value.as_object_mut().unwrap();
    grow(object["measures"].as_array_mut().unwrap(), 20, "m-extra");
    grow(object["persons"].as_array_mut().unwrap(), 10, "p-extra");
    grow(
        object["attachments"].as_array_mut().unwrap(),
        20,
        "att-extra",
    );
    serde_json::to_vec_pretty(&value).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn bench(c: &mut Criterion) {
    let bytes = large_request();
    let request = parse_request(&bytes).unwrap();
    assert_eq!(
        (
            request.measures.len(),
            request.persons.len(),
            request.attachments.len()
        ),
        (20, 10, 20)
    );
    let ctx = CheckContext::new(today());
    let mut group = c.benchmark_group("request-20-10-20");
    group.bench_function("parse_request", |b| {
        b.iter(|| parse_request(black_box(&bytes)).unwrap())
    });
    group.bench_function("check", |b| {
        b.iter(|| check(black_box(&request), &ctx, Lang::En))
    });
    group.finish();
}

/// Median time per call over `rounds` rounds of `batch` calls.
fn median_ns(rounds: usize, batch: usize, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[samples.len() / 2]
}

fn ratio() {
    let bytes = large_request();
    let request = parse_request(&bytes).unwrap();
    let ctx = CheckContext::new(today());
    // Warm up the lazily parsed catalogues.
    black_box(check(&request, &ctx, Lang::En));
    let parse = median_ns(41, 200, || {
        black_box(parse_request(black_box(&bytes)).unwrap());
    });
    let checking = median_ns(41, 200, || {
        black_box(check(black_box(&request), &ctx, Lang::En));
    });
    println!(
        "request of {} bytes: parse_request {:.1} µs, check {:.1} µs, ratio check/parse = {:.2} (target ≤ 5)",
        bytes.len(),
        parse / 1000.0,
        checking / 1000.0,
        checking / parse
    );
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    ratio();
}
