//! Received PDFs are hostile input: the verifier must finish quickly, within bounded memory,
//! with a clear answer, whatever the object graph or the streams say. Each case is a small
//! file built by `common::hostile`. (The real `mla` binary, its time and peak memory, are
//! tested over the same corpus in the CLI tests.)

use mla_test_support::hostile;

use std::time::{Duration, Instant};

use chrono::Utc;
use mla_sign::{extract_request_json, verify_pdf, Error, VerificationReport, VerifyOptions};

/// Generous for a debug build on a busy machine; the loops this catches took minutes.
const QUICK: Duration = Duration::from_secs(2);

fn verify(pdf: &[u8]) -> (Result<VerificationReport, Error>, Duration) {
    assert!(
        pdf.len() < 1 << 20,
        "the corpus stays small: {} bytes",
        pdf.len()
    );
    let start = Instant::now();
    let result = verify_pdf(
        pdf,
        &VerifyOptions {
            trusted: &[],
            now: Utc::now(),
        },
    );
    (result, start.elapsed())
}

#[test]
fn a_page_tree_that_refers_back_to_itself_is_read_once() {
    let (report, took) = verify(&hostile::page_tree_loop());
    assert!(took < QUICK, "{took:?}");
    let report = report.unwrap();
    assert!(report.signatures.is_empty());
}

#[test]
fn form_fields_that_are_their_own_kids_are_visited_once() {
    // Eight self-references per level: 8^16 paths for a walk that only counts depth.
    let (report, took) = verify(&hostile::acroform_field_loop(8));
    assert!(took < QUICK, "{took:?}");
    assert!(report.unwrap().signatures.is_empty());
}

#[test]
fn an_embedded_files_tree_that_is_its_own_kid_is_visited_once() {
    let (report, took) = verify(&hostile::names_tree_loop(8));
    assert!(took < QUICK, "{took:?}");
    let report = report.unwrap();
    // The node's two names, once each (the node is not read again through its /Kids).
    let names: Vec<&str> = report
        .embedded_files
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["a.txt", "a.txt"], "{report:#?}");
    assert_eq!(report.embedded_files[0].size, 5);
    let start = Instant::now();
    assert_eq!(
        extract_request_json(&hostile::names_tree_loop(8)).unwrap(),
        None
    );
    assert!(start.elapsed() < QUICK);
}

#[test]
fn deep_nesting_is_an_error_or_a_report_not_a_crash() {
    let (result, took) = verify(&hostile::deep_nesting(50_000));
    assert!(took < QUICK, "{took:?}");
    if let Ok(report) = result {
        assert!(report.signatures.is_empty());
    }
}

#[test]
fn an_embedded_request_that_inflates_past_the_request_limit_is_refused() {
    // 2 GiB of zeros, compressed twice: a few kilobytes.
    let pdf = hostile::embedded_bomb("request.mla.json", 2 << 30);
    let (result, took) = verify(&pdf);
    assert!(took < QUICK, "{took:?}");
    let err = result.unwrap_err();
    assert!(
        matches!(&err, Error::StreamTooLarge { what, max }
            if what == "embedded file \"request.mla.json\" (object 5 0)" && *max == 20 * 1024 * 1024),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "embedded file \"request.mla.json\" (object 5 0) decompresses to more than 20971520 \
         bytes; MLA Desk does not open it (a possible decompression bomb)"
    );
    let start = Instant::now();
    let err = extract_request_json(&pdf).unwrap_err();
    assert!(start.elapsed() < QUICK);
    assert!(matches!(err, Error::StreamTooLarge { .. }), "{err:?}");
}

#[test]
fn an_embedded_annex_bomb_is_refused_without_inflating_it_in_memory() {
    let pdf = hostile::embedded_bomb("annex.bin", 2 << 30);
    let (result, took) = verify(&pdf);
    assert!(took < QUICK, "{took:?}");
    let err = result.unwrap_err();
    assert!(
        matches!(&err, Error::StreamTooLarge { what, max }
            if what == "embedded file \"annex.bin\" (object 5 0)" && *max == mla_sign::MIN_INFLATED_BYTES),
        "{err:?}"
    );
}

#[test]
fn many_small_bombs_together_are_refused_by_the_whole_file_limit() {
    // 12 MiB each (under the per-file floor), 40 distinct streams: 480 MiB from ~40 KB.
    let pdf = hostile::embedded_bombs(12 << 20, 40);
    let (result, took) = verify(&pdf);
    assert!(took < QUICK, "{took:?}");
    let err = result.unwrap_err();
    assert!(
        matches!(&err, Error::StreamTooLarge { what, max }
            if what.ends_with(", with the embedded files before it,") && *max == 2 * mla_sign::MIN_INFLATED_BYTES),
        "{err:?}"
    );
}

#[test]
fn the_same_stream_named_a_thousand_times_is_inflated_once() {
    // 12 MiB each, 1,000 names: 12 GB if each name were inflated.
    let pdf = hostile::embedded_bomb_repeated(12 << 20, 1000);
    let (result, took) = verify(&pdf);
    assert!(took < QUICK, "{took:?}");
    let report = result.unwrap();
    assert_eq!(report.embedded_files.len(), 1000);
    assert!(report.embedded_files.iter().all(|f| f.size == 12 << 20));
}

#[test]
fn an_object_stream_bomb_is_refused_at_a_small_limit() {
    let (result, took) = verify(&hostile::object_stream_bomb(300 << 20));
    assert!(took < QUICK, "{took:?}");
    let err = result.unwrap_err();
    assert_eq!(
        err.to_string(),
        "an object or cross-reference stream (read while loading the PDF) decompresses to more \
         than 16777216 bytes; MLA Desk does not open it (a possible decompression bomb)"
    );
}

#[test]
fn a_broken_cross_reference_table_is_a_clear_error_or_a_repaired_read() {
    let (result, took) = verify(&hostile::bad_xref());
    assert!(took < QUICK, "{took:?}");
    match result {
        Ok(report) => assert!(report.signatures.is_empty()),
        Err(e) => assert!(matches!(e, Error::CorruptPdf(_)), "{e:?}"),
    }
}

#[test]
fn thousands_of_signature_dictionaries_are_refused_not_hashed_one_by_one() {
    let (result, took) = verify(&hostile::many_signatures(4_000, 200_000));
    assert!(took < QUICK, "{took:?}");
    let err = result.unwrap_err();
    assert!(
        matches!(err, Error::TooManySignatures { found, max: mla_sign::MAX_SIGNATURES }
            if found > mla_sign::MAX_SIGNATURES),
        "{err:?}"
    );
}
