//! Embed files in a PDF, sign it (PAdES baseline B-B) and verify it.
//!
//! The crate works on bytes: the caller reads the unsigned PDF and the key material, passes
//! the signing time and "now" in, and writes the result with [`write_atomic`]. Nothing here
//! reads the clock, opens a network connection or knows the request model beyond the JSON
//! bytes it embeds.
//!
//! * [`embed_files`] / [`sign_pdf`] append one incremental update to the unsigned PDF: the
//!   annexes and the request JSON as associated files, PDF/A-3 metadata when asked, and (for
//!   [`sign_pdf`]) a `/Sig` field with a visible block and a detached CAdES signature.
//! * [`Pkcs12Key`] and [`Pkcs11Key`] are the two [`SigningKey`]s; both refuse certificates
//!   that are expired, not yet valid or not meant for signing.
//! * [`verify_pdf`] reports every signature: intact or not, whether the file changed after
//!   it, signer, chain to the trusted CAs; [`extract_request_json`] returns the embedded
//!   request.

mod appearance;
mod atomic;
mod cert;
mod cms_build;
mod error;
mod keys;
mod pdf;
mod pdf_strings;
mod pdfa;
mod pkcs11;
mod subset;
mod verdict;
mod verify;

pub use appearance::{SealImage, SignatureBlock};
pub use atomic::{write_atomic, write_atomic_with_progress};
pub use cert::{check_signing_certificate, common_name, CertificateInfo};
pub use error::Error;
pub use keys::{Password, Pkcs12Key, SignatureAlgorithm, SigningKey};
pub use pdf::{
    embed_files, sign_pdf, AfRelationship, Attachment, SignOptions, REQUEST_JSON_FILE_NAME,
};
pub use pdfa::PdfA;
pub use pkcs11::{list_token_keys, Pkcs11Key, Pkcs11KeySelector, TokenKey};
pub use verdict::{import_note, Verdict, UNTRUSTED_IMPORT_NOTE};
pub use verify::{
    extract_request_json, read_pdf_file, verify_pdf, EmbeddedFileInfo, SignatureProblem,
    SignatureReport, TrustStatus, UntrustedReason, VerificationReport, VerifyOptions,
    MAX_INFLATED_PER_PDF_BYTE, MAX_INFLATE_RATIO, MAX_PDF_BYTES, MAX_REQUEST_BYTES, MAX_SIGNATURES,
    MAX_WALK_NODES, MIN_INFLATED_BYTES,
};

/// Re-exported so callers can parse trusted CA certificates without their own x509 crate.
pub use x509_cert::Certificate;

/// Parse PEM (one or more `CERTIFICATE` blocks) or a single DER certificate.
pub fn parse_certificates(bytes: &[u8]) -> Result<Vec<Certificate>, Error> {
    cert::parse_certificates(bytes)
}
