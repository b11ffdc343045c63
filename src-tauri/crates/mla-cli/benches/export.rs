//! Render + sign of a 10-page request against pyHanko signing the same unsigned PDF.
//! Target (issue 6): render + sign at least 5× faster than pyHanko's signing alone.
//!
//! "Render + sign" is what `mla export --sign` does between reading its inputs and writing
//! the file: the letter from the request (mla-letter), typesetting (mla-pdf), embedding the
//! request JSON and signing with a visible block (mla-sign). pyHanko signs the same
//! unsigned PDF with the same key, in its own Python process (start-up and imports not
//! counted). The ratio is measured in rounds that alternate the two sides, after a warm-up
//! of both, so both see the same machine load; the figure is the median over all runs of
//! each side, and every round's own ratio is printed too.

use mla_test_support as common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use mla_sign::{Password, Pkcs12Key, SignOptions, SignatureBlock};

const FONT: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerif-Regular.ttf");

/// Alternating rounds, and runs of each side per round.
const ROUNDS: usize = 7;
const RUNS: usize = 9;
/// Runs of each side before measuring.
const WARM_UP: usize = 5;

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    if v.len() % 2 == 1 {
        v[v.len() / 2]
    } else {
        (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0
    }
}

/// The French example with its statement of facts nine times over: ten pages.
fn ten_page_request() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../assets/examples/laundering-e-evidence-fra.mla.json"
    );
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let facts = value["facts"].as_str().unwrap().to_string();
    value["facts"] = serde_json::Value::String(vec![facts; 9].join("\n\n"));
    let bytes = serde_json::to_vec_pretty(&value).unwrap();
    mla_core::parse_request(&bytes).expect("still a valid request");
    bytes
}

/// pyHanko in a process of its own that signs on request (see `pyhanko_sign.py serve`).
struct PyHanko {
    child: std::process::Child,
    out: BufReader<std::process::ChildStdout>,
}

impl PyHanko {
    fn start(p12: &std::path::Path, pdf: &std::path::Path) -> PyHanko {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../mla-sign/benches/pyhanko_sign.py"
        );
        let mut child = Command::new("python3")
            .arg(script)
            .arg(p12)
            .arg(common::P12_PASSWORD)
            .arg(pdf)
            .arg("serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with pyhanko");
        let out = BufReader::new(child.stdout.take().unwrap());
        PyHanko { child, out }
    }

    /// Sign `n` times; the duration of each, in seconds.
    fn sign(&mut self, n: usize) -> Vec<f64> {
        let stdin = self.child.stdin.as_mut().unwrap();
        writeln!(stdin, "{n}").unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        self.out.read_line(&mut line).unwrap();
        let times: Vec<f64> = line
            .split_whitespace()
            .map(|t| t.parse().unwrap())
            .collect();
        assert_eq!(times.len(), n, "pyHanko answered {line:?}");
        times
    }
}

impl Drop for PyHanko {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

fn time(n: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect()
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
    assert!(
        unsigned.pages >= 10,
        "the bench request must make at least 10 pages, it made {}",
        unsigned.pages
    );
    let pdf_path = pki.path("unsigned-10.pdf");
    std::fs::write(&pdf_path, &unsigned.bytes).unwrap();

    let mut group = c.benchmark_group("10-page request");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("render + sign", |b| b.iter(render_and_sign));
    group.finish();

    let mut pyhanko = PyHanko::start(&pki.path("rsa.p12"), &pdf_path);
    pyhanko.sign(WARM_UP);
    time(WARM_UP, || {
        std::hint::black_box(render_and_sign());
    });
    let (mut ours, mut theirs, mut rounds) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let o = time(RUNS, || {
            std::hint::black_box(render_and_sign());
        });
        let t = pyhanko.sign(RUNS);
        rounds.push((median(&o), median(&t)));
        ours.extend(o);
        theirs.extend(t);
    }
    drop(pyhanko);
    let render_only = median(&time(RUNS, || {
        std::hint::black_box(render());
    }));
    let (ours, theirs) = (median(&ours), median(&theirs));
    let per_round: Vec<String> = rounds
        .iter()
        .map(|(o, t)| format!("{:.1}/{:.1} ms {:.1}x", o * 1e3, t * 1e3, t / o))
        .collect();
    eprintln!(
        "{} pages: render+sign median {:.1} ms (render alone {:.1} ms; template load once \
         {:.1} ms); pyHanko signing alone (in-process) median {:.1} ms; ratio {:.2}x \
         (target >= 5x); {ROUNDS} rounds of {RUNS} runs each (ours/pyHanko): {}",
        unsigned.pages,
        ours * 1e3,
        render_only * 1e3,
        load.as_secs_f64() * 1e3,
        theirs * 1e3,
        theirs / ours,
        per_round.join(", ")
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
