//! Each kind of problem the verifier can meet in a real signed file is reported with its
//! stable code (what the desktop app translates) and its English sentence (what `mla
//! verify` prints). The files are signed for real, then broken in one precise way.

use mla_test_support as common;

use chrono::Utc;
use common::sample::sample_pdf;
use common::{Pki, P12_PASSWORD};
use mla_sign::{
    sign_pdf, verify_pdf, Password, Pkcs12Key, SignOptions, SignatureProblem, SignatureReport,
    VerifyOptions,
};
use sha2::{Digest, Sha256};

fn signed(pki: &Pki) -> Vec<u8> {
    let password = Password::new(P12_PASSWORD.to_owned());
    let key = Pkcs12Key::open(&pki.read("rsa.p12"), &password, Utc::now()).unwrap();
    sign_pdf(&sample_pdf(1, 0), &key, &SignOptions::new(Utc::now())).unwrap()
}

fn only_signature(pdf: &[u8], pki: &Pki) -> SignatureReport {
    let report = verify_pdf(
        pdf,
        &VerifyOptions {
            trusted: &pki.ca(),
            now: Utc::now(),
        },
    )
    .unwrap();
    assert_eq!(report.signatures.len(), 1, "{report:#?}");
    report.signatures.into_iter().next().unwrap()
}

/// The serialised codes of the signature's problems, in order.
fn codes(sig: &SignatureReport) -> Vec<String> {
    sig.problems
        .iter()
        .map(|p| {
            serde_json::to_value(p).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .rposition(|w| w == needle)
        .unwrap_or_else(|| panic!("{} not found", String::from_utf8_lossy(needle)))
}

/// Where the numbers of the (last) `/ByteRange [ … ]` are, and the numbers.
fn byte_range(pdf: &[u8]) -> (std::ops::Range<usize>, Vec<i64>) {
    let start = find(pdf, b"/ByteRange")
        + pdf[find(pdf, b"/ByteRange")..]
            .iter()
            .position(|&b| b == b'[')
            .unwrap()
        + 1;
    let end = start + pdf[start..].iter().position(|&b| b == b']').unwrap();
    let numbers = std::str::from_utf8(&pdf[start..end])
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    (start..end, numbers)
}

/// The file with its `/ByteRange` numbers rewritten in place (padded, same length).
fn with_byte_range(pdf: &[u8], numbers: &[i64]) -> Vec<u8> {
    let (span, _) = byte_range(pdf);
    let text: Vec<String> = numbers.iter().map(i64::to_string).collect();
    let text = format!("{:<width$}", text.join(" "), width = span.len());
    assert_eq!(text.len(), span.len(), "the new /ByteRange does not fit");
    let mut out = pdf.to_vec();
    out[span].copy_from_slice(text.as_bytes());
    out
}

fn replaced(pdf: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at = find(pdf, from);
    let mut out = pdf.to_vec();
    out[at..at + to.len()].copy_from_slice(to);
    out
}

#[test]
fn an_intact_signature_has_no_problem() {
    let pki = Pki::new();
    let sig = only_signature(&signed(&pki), &pki);
    assert!(sig.is_valid());
    assert!(sig.problems.is_empty(), "{:?}", sig.problems);
}

#[test]
fn a_changed_signed_byte_is_a_digest_mismatch() {
    let pki = Pki::new();
    let good = signed(&pki);
    // A byte of the first signed range that no reader interprets: the binary comment on
    // the file's second line.
    let mut pdf = good.clone();
    let at = find(&good[..64], b"\n%") + 3;
    pdf[at] ^= 0x01;
    let sig = only_signature(&pdf, &pki);
    assert!(!sig.is_valid());
    assert_eq!(codes(&sig), ["digest_mismatch"]);
    assert_eq!(sig.problems, [SignatureProblem::DigestMismatch]);
    assert_eq!(
        sig.problems[0].to_string(),
        "the document was changed after it was signed: the signed bytes do not match the \
         signature's digest"
    );
}

#[test]
fn a_changed_signed_attribute_breaks_the_signature_value_too() {
    let pki = Pki::new();
    let good = signed(&pki);
    let (_, br) = byte_range(&good);
    let (b, c, d) = (br[1] as usize, br[2] as usize, br[3] as usize);
    let mut hasher = Sha256::new();
    hasher.update(&good[..b]);
    hasher.update(&good[c..c + d]);
    let digest: String = hasher
        .finalize()
        .iter()
        .map(|x| format!("{x:02X}"))
        .collect();
    // The message-digest attribute, inside the /Contents hex string: one digit changed.
    let at = find(&good[b..c], digest.as_bytes()) + b;
    let mut pdf = good.clone();
    pdf[at] = if pdf[at] == b'0' { b'1' } else { b'0' };
    let sig = only_signature(&pdf, &pki);
    assert_eq!(codes(&sig), ["digest_mismatch", "signature_value_invalid"]);
    let SignatureProblem::SignatureValueInvalid { detail } = &sig.problems[1] else {
        unreachable!()
    };
    assert!(!detail.is_empty());
    assert!(sig.problems[1]
        .to_string()
        .starts_with("the signature value does not verify: "));
}

#[test]
fn contents_that_are_not_a_cms_are_named() {
    let pki = Pki::new();
    let good = signed(&pki);
    let (_, br) = byte_range(&good);
    // 0x30 (SEQUENCE) becomes 0x31 (SET): no ContentInfo any more.
    let mut pdf = good.clone();
    assert_eq!(&pdf[br[1] as usize..br[1] as usize + 3], b"<30");
    pdf[br[1] as usize + 2] = b'1';
    let sig = only_signature(&pdf, &pki);
    assert_eq!(codes(&sig), ["contents_not_cms"]);
    assert!(sig.problems[0]
        .to_string()
        .starts_with("/Contents is not a CMS ContentInfo: "));
}

#[test]
fn byte_range_problems_each_have_their_code() {
    let pki = Pki::new();
    let good = signed(&pki);
    let (_, br) = byte_range(&good);
    let (a, b, c, d) = (br[0], br[1], br[2], br[3]);

    let sig = only_signature(&with_byte_range(&good, &[a, b, c]), &pki);
    assert_eq!(codes(&sig), ["byte_range_wrong_length"]);
    assert_eq!(
        sig.problems,
        [SignatureProblem::ByteRangeWrongLength { count: 3 }]
    );
    assert_eq!(
        sig.problems[0].to_string(),
        "/ByteRange has 3 numbers, not 4"
    );

    let sig = only_signature(&with_byte_range(&good, &[a, b, c, d + 1]), &pki);
    assert_eq!(codes(&sig), ["byte_range_outside_file"]);
    let json = serde_json::to_value(&sig.problems[0]).unwrap();
    assert_eq!(json["byte_range"], serde_json::json!([a, b, c, d + 1]));
    assert_eq!(json["file_size"], good.len());
    assert_eq!(
        sig.problems[0].to_string(),
        format!(
            "/ByteRange [{a} {b} {c} {}] does not fit a {}-byte file",
            d + 1,
            good.len()
        )
    );

    // Numbers near i64::MAX are refused, not an overflow.
    let sig = only_signature(&with_byte_range(&good, &[a, b, c, i64::MAX]), &pki);
    assert_eq!(codes(&sig), ["byte_range_outside_file"]);

    // One more byte left unsigned before the hex string.
    let sig = only_signature(&with_byte_range(&good, &[a, b - 1, c, d]), &pki);
    assert_eq!(codes(&sig), ["unsigned_gap_not_contents"]);
}

#[test]
fn missing_entries_of_the_signature_dictionary_are_named() {
    let pki = Pki::new();
    let good = signed(&pki);

    let sig = only_signature(&replaced(&good, b"/ByteRange", b"/ByteRangX"), &pki);
    assert_eq!(codes(&sig), ["no_byte_range"]);
    assert_eq!(
        sig.problems[0].to_string(),
        "the signature has no /ByteRange"
    );

    // The key just before the hex string (pages have a /Contents too).
    let (_, br) = byte_range(&good);
    let at = find(&good[..br[1] as usize], b"/Contents");
    let mut pdf = good.clone();
    pdf[at + 8] = b'x';
    let sig = only_signature(&pdf, &pki);
    assert_eq!(codes(&sig), ["no_contents"]);

    // A changed /SubFilter is in the signed bytes: reported, and the digest fails too.
    let sig = only_signature(
        &replaced(&good, b"/ETSI.CAdES.detached", b"/ETSI.CAdES.detachex"),
        &pki,
    );
    assert_eq!(codes(&sig), ["digest_mismatch", "unexpected_sub_filter"]);
    assert_eq!(
        sig.problems[1],
        SignatureProblem::UnexpectedSubFilter {
            sub_filter: Some("ETSI.CAdES.detachex".into())
        }
    );
    assert_eq!(
        sig.problems[1].to_string(),
        "unexpected /SubFilter ETSI.CAdES.detachex"
    );
}
