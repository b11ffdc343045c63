//! `check_request` (the check the app runs on every keystroke) and the letter facts it
//! computes, on the large request of the latency end-to-end test (`tests/tests/e2e.rs`,
//! `large_request`): the French example with 45 measures, 30 persons, 30 annexes and a
//! summary of facts of some 19 000 characters, drafted in English and checked against
//! France's profile, so the letter is in French and every officer text is to translate.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use mla_core::{parse_request, Lang, ProfileSet, Request};
use mla_letter::{LetterOptions, Letters};
use mla_usecase::{check_request, CheckInput, LetterChoice};
use std::hint::black_box;

fn large_request() -> Request {
    let mut r = parse_request(include_bytes!(
        "../../../../assets/examples/laundering-e-evidence-fra.mla.json"
    ))
    .unwrap();
    let (measures, persons, annexes) =
        (r.measures.clone(), r.persons.clone(), r.attachments.clone());
    r.measures = (0..45)
        .map(|i| {
            let mut m = measures[i % measures.len()].clone();
            m.id = format!("m-{}", i + 1);
            m
        })
        .collect();
    r.persons = (0..30)
        .map(|i| {
            let mut p = persons[i % persons.len()].clone();
            p.id = format!("p-{}", i + 1);
            p
        })
        .collect();
    r.attachments = (0..30)
        .map(|i| {
            let mut a = annexes[i % annexes.len()].clone();
            a.id = format!("att-{}", i + 1);
            a
        })
        .collect();
    r.facts = r.facts.repeat(12);
    r
}

fn bench(c: &mut Criterion) {
    let letters = Letters::load().unwrap();
    let set = ProfileSet::builtin().unwrap();
    let request = large_request();
    let input = CheckInput {
        today: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        lang: Lang::En,
        profiles: Some(&set),
        letter: &LetterChoice::Default,
    };
    let full = check_request(&letters, &request, &input).unwrap();
    let facts = full.letter.as_ref().unwrap();
    assert_eq!(facts.lang, "fr");
    assert!(facts.needs_translation.len() > 100);
    c.bench_function("check_request, large request, letter in fr", |b| {
        b.iter(|| check_request(&letters, black_box(&request), &input).unwrap())
    });
    let options = LetterOptions {
        lang: Some("fr".into()),
        central_authority: mla_letter::addressee_from_profile(&request, set.get("FRA")),
    };
    c.bench_function("Letters::facts, large request, letter in fr", |b| {
        b.iter(|| letters.facts(black_box(&request), &options).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
