//! The one rule on importing a received PDF's request, on real signed PDFs: imported only
//! from a PDF that verifies, or on an explicit untrusted import whose note says so.

use mla_test_support as common;

use chrono::Utc;
use common::{sample::sample_pdf, Pki, P12_PASSWORD};
use mla_core::{write_request, Request};
use mla_sign::{Password, Pkcs12Key, SignOptions, Verdict, UNTRUSTED_IMPORT_NOTE};
use mla_usecase::received::{request_to_import, ImportRefused, RequestProblem};

fn request() -> Request {
    Request {
        reference: "EXA/PPO/2026/0417".into(),
        requested_state: "CHE".into(),
        ..Request::default()
    }
}

fn signed_with(pki: &Pki, json: Option<&[u8]>) -> Vec<u8> {
    let password = Password::new(P12_PASSWORD.to_owned());
    let key = Pkcs12Key::open(&pki.read("rsa.p12"), &password, Utc::now()).unwrap();
    let mut options = SignOptions::new(Utc::now());
    options.request_json = json;
    mla_sign::sign_pdf(&sample_pdf(1, 0), &key, &options).unwrap()
}

fn unsigned_with(json: &[u8]) -> Vec<u8> {
    mla_sign::embed_files(&sample_pdf(1, 0), &[], Some(json), None, Utc::now()).unwrap()
}

#[test]
fn a_verified_pdf_gives_its_request_with_a_plain_note() {
    let pki = Pki::new();
    let json = write_request(&request());
    let pdf = signed_with(&pki, Some(json.as_bytes()));
    for trusted in [vec![], pki.ca()] {
        let got = request_to_import(&pdf, "x.pdf", &trusted, false, Utc::now()).unwrap();
        assert_eq!(got.request, request());
        assert_eq!(got.verdict, Verdict::Verified);
        assert!(!got.untrusted());
        assert_eq!(got.note, "imported from the signed PDF x.pdf");
    }
}

#[test]
fn an_unsigned_pdf_is_refused_unless_asked_and_then_marked_untrusted() {
    let json = write_request(&request());
    let pdf = unsigned_with(json.as_bytes());
    let refused = request_to_import(&pdf, "x.pdf", &[], false, Utc::now()).unwrap_err();
    assert!(matches!(
        refused,
        ImportRefused::DoesNotVerify {
            reason: "the PDF has no signature"
        }
    ));
    assert_eq!(
        refused.to_string(),
        "not imported: the PDF does not verify (the PDF has no signature), so no valid \
         signature vouches for its embedded request"
    );

    let got = request_to_import(&pdf, "x.pdf", &[], true, Utc::now()).unwrap();
    assert_eq!(got.request, request());
    assert!(got.untrusted());
    assert!(got.note.starts_with(UNTRUSTED_IMPORT_NOTE), "{}", got.note);
    assert!(
        got.note.ends_with("the PDF has no signature"),
        "{}",
        got.note
    );
}

#[test]
fn a_signer_outside_the_trusted_cas_is_refused() {
    let pki = Pki::new();
    let other = Pki::new();
    let json = write_request(&request());
    let pdf = signed_with(&pki, Some(json.as_bytes()));
    let refused = request_to_import(&pdf, "x.pdf", &other.ca(), false, Utc::now()).unwrap_err();
    let ImportRefused::DoesNotVerify { reason } = refused else {
        panic!("{refused:?}");
    };
    assert_eq!(Some(reason), Verdict::NotTrusted.failure());
}

#[test]
fn a_pdf_without_a_request_or_with_a_broken_one_says_which() {
    let pki = Pki::new();
    let pdf = signed_with(&pki, None);
    let refused = request_to_import(&pdf, "x.pdf", &[], false, Utc::now()).unwrap_err();
    assert!(
        matches!(refused, ImportRefused::Request(RequestProblem::Missing)),
        "{refused:?}"
    );
    assert_eq!(
        refused.to_string(),
        "the PDF has no embedded request (request.mla.json)"
    );

    let pdf = unsigned_with(b"{\"format_version\": 1, \"nonsense\": true}");
    let refused = request_to_import(&pdf, "x.pdf", &[], true, Utc::now()).unwrap_err();
    assert!(
        matches!(
            refused,
            ImportRefused::Request(RequestProblem::NotARequest(_))
        ),
        "{refused:?}"
    );
    assert!(refused
        .to_string()
        .starts_with("the embedded request (request.mla.json) is not a valid request file: "));
}

#[test]
fn bytes_that_are_not_a_pdf_are_unreadable_even_when_untrusted_is_allowed() {
    let refused =
        request_to_import(b"%PDF-1.7 nothing", "x.pdf", &[], true, Utc::now()).unwrap_err();
    assert!(
        matches!(refused, ImportRefused::Unreadable(_)),
        "{refused:?}"
    );
    assert!(refused
        .to_string()
        .starts_with("the PDF could not be read: "));
}
