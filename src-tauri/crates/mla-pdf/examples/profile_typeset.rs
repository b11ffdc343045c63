//! Render + typeset the export benchmark's ~10-page request N times, for profiling:
//! `cargo run --release --example profile_typeset -- 20` (then `perf record` the binary).
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../assets/examples/laundering-e-evidence-fra.mla.json"
    );
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let facts = value["facts"].as_str().unwrap().to_string();
    value["facts"] = serde_json::Value::String(vec![facts; 4].join("\n\n"));
    let req = mla_core::parse_request(&serde_json::to_vec(&value).unwrap()).unwrap();
    let letters = mla_letter::Letters::load().unwrap();
    let mut times = Vec::new();
    let mut pages = 0;
    for _ in 0..n {
        let t = std::time::Instant::now();
        let letter = letters
            .letter(&req, &mla_letter::LetterOptions::default())
            .unwrap();
        let l = t.elapsed();
        let pdf = mla_pdf::typeset(&letter, &mla_pdf::PdfOptions::default()).unwrap();
        pages = pdf.pages;
        times.push((l, t.elapsed(), pdf.bytes.len()));
    }
    for (l, t, b) in &times {
        eprintln!(
            "letter {:.2} ms, letter+typeset {:.2} ms, {b} bytes",
            l.as_secs_f64() * 1e3,
            t.as_secs_f64() * 1e3
        );
    }
    eprintln!("{pages} pages");
    if let Ok(out) = std::env::var("PROFILE_OUT") {
        let letter = letters
            .letter(&req, &mla_letter::LetterOptions::default())
            .unwrap();
        let pdf = mla_pdf::typeset(&letter, &mla_pdf::PdfOptions::default()).unwrap();
        std::fs::write(out, pdf.bytes).unwrap();
    }
}
