//! Writes every letter the corpus gives (the examples, the letter test fixture, the rule
//! fixtures' `fail` and `pass` variants over their baseline) in every letter language,
//! addressed from the request and from the State's profile, as one JSON file per letter
//! (the whole [`mla_letter::Letter`]: HTML preview, block tree, facts). Run before and
//! after a change to the templates or the letter code, then `diff -r` the two folders:
//!
//! ```text
//! cargo run -p mla-letter --example dump_letters -- /tmp/letters-before
//! ```

use std::path::{Path, PathBuf};

use mla_core::{parse_request, ProfileSet, Request};
use mla_letter::{addressee_from_profile, LetterOptions, Letters, LANGUAGES};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

/// RFC 7396 JSON merge patch, as the rule fixtures use it.
fn merge(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            let map = target.as_object_mut().unwrap();
            for (k, v) in p {
                if v.is_null() {
                    map.remove(k);
                } else {
                    merge(map.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        _ => *target = patch.clone(),
    }
}

fn corpus() -> Vec<(String, Request)> {
    let mut out = Vec::new();
    let r = root();
    let mut files = vec![r.join("src-tauri/crates/mla-letter/tests/fixtures/rich.mla.json")];
    for dir in [
        r.join("assets/examples"),
        r.join("assets/examples/defective"),
    ] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.to_string_lossy().ends_with(".mla.json") {
                files.push(p);
            }
        }
    }
    for p in files {
        if let Ok(req) = parse_request(&std::fs::read(&p).unwrap()) {
            out.push((p.file_name().unwrap().to_string_lossy().into_owned(), req));
        }
    }
    let fixtures = r.join("src-tauri/crates/mla-core/tests/fixtures");
    let baseline: Value =
        serde_json::from_slice(&std::fs::read(fixtures.join("baseline.mla.json")).unwrap())
            .unwrap();
    for e in std::fs::read_dir(fixtures.join("rules")).unwrap() {
        let p = e.unwrap().path();
        let fixture: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        for side in ["fail", "pass"] {
            let mut v = baseline.clone();
            merge(&mut v, &fixture[side]);
            if let Ok(req) = serde_json::from_value::<Request>(v) {
                let stem = p.file_stem().unwrap().to_string_lossy();
                out.push((format!("rule-{stem}-{side}"), req));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: dump_letters OUT_DIR"),
    );
    std::fs::create_dir_all(&out).unwrap();
    let letters = Letters::load().unwrap();
    let set = ProfileSet::builtin().unwrap();
    let mut n = 0;
    let corpus = corpus();
    for (name, req) in &corpus {
        let profile = set.get(req.requested_state.trim());
        for lang in LANGUAGES {
            for (tag, ca) in [
                ("request", None),
                ("profile", addressee_from_profile(req, profile)),
            ] {
                let letter = letters
                    .letter(
                        req,
                        &LetterOptions {
                            lang: Some(lang.to_owned()),
                            central_authority: ca,
                        },
                    )
                    .unwrap();
                let json = serde_json::to_string_pretty(&letter).unwrap();
                std::fs::write(out.join(format!("{name}.{lang}.{tag}.json")), json).unwrap();
                n += 1;
            }
        }
    }
    eprintln!(
        "{} requests, {n} letters written to {}",
        corpus.len(),
        out.display()
    );
}
