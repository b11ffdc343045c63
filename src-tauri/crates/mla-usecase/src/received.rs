//! A received PDF: what its signatures say, the request it carries, and whether that
//! request may be imported. `mla verify`, `mla import x.pdf` and the app's verify view all
//! go through here, so the rule "no import of a request no valid signature vouches for,
//! unless explicitly asked and then marked UNTRUSTED" is written once.

use chrono::{DateTime, Utc};
use mla_core::{FormatError, Request};
use mla_sign::{Certificate, Verdict, VerificationReport, REQUEST_JSON_FILE_NAME};

/// A received PDF, verified.
#[derive(Debug)]
pub struct Examined {
    pub report: VerificationReport,
    pub verdict: Verdict,
}

/// Verify `pdf`: with `trusted` CAs, the signers must chain to one of them for the
/// verdict to be [`Verdict::Verified`]; without, trust is not part of the verdict.
pub fn examine(
    pdf: &[u8],
    trusted: &[Certificate],
    now: DateTime<Utc>,
) -> Result<Examined, mla_sign::Error> {
    let report = mla_sign::verify_pdf(pdf, &mla_sign::VerifyOptions { trusted, now })?;
    let verdict = Verdict::of(&report, !trusted.is_empty());
    Ok(Examined { report, verdict })
}

/// Why the request embedded in a PDF cannot be had.
#[derive(Debug, thiserror::Error)]
pub enum RequestProblem {
    /// The PDF's structure or the embedded file could not be read.
    #[error("the PDF could not be read: {0}")]
    Unreadable(mla_sign::Error),
    /// The PDF carries no request file.
    #[error("the PDF has no embedded request ({REQUEST_JSON_FILE_NAME})")]
    Missing,
    /// The embedded file is not a valid request file.
    #[error("the embedded request ({REQUEST_JSON_FILE_NAME}) is not a valid request file: {0}")]
    NotARequest(FormatError),
}

/// The request embedded in `pdf`, whatever its signatures say (for showing it; importing
/// it goes through [`request_to_import`]).
pub fn embedded_request(pdf: &[u8]) -> Result<Request, RequestProblem> {
    let json = mla_sign::extract_request_json(pdf)
        .map_err(RequestProblem::Unreadable)?
        .ok_or(RequestProblem::Missing)?;
    mla_core::parse_request(&json).map_err(RequestProblem::NotARequest)
}

/// Why a PDF's request is not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportRefused {
    /// The PDF could not be verified at all (damaged, encrypted, too large …).
    #[error("the PDF could not be read: {0}")]
    Unreadable(mla_sign::Error),
    /// The PDF does not verify and the user did not ask for an untrusted import.
    #[error(
        "not imported: the PDF does not verify ({reason}), so no valid signature vouches \
         for its embedded request"
    )]
    DoesNotVerify { reason: &'static str },
    /// The request itself cannot be had.
    #[error(transparent)]
    Request(#[from] RequestProblem),
}

/// A request that may be imported, with the note its first version carries.
#[derive(Debug)]
pub struct Importable {
    pub request: Request,
    /// "imported from the signed PDF …", or a note starting with
    /// [`mla_sign::UNTRUSTED_IMPORT_NOTE`] that says why it did not verify.
    pub note: String,
    pub verdict: Verdict,
}

impl Importable {
    /// Whether it is imported although no valid signature vouches for it.
    pub fn untrusted(&self) -> bool {
        self.verdict != Verdict::Verified
    }
}

/// The request of the PDF `source` (its file name, for the note) to import: only when
/// the PDF verifies with `trusted`, or when `untrusted_allowed` (the user's explicit
/// "import anyway"), which the note then says. Checked on the bytes given, never on what
/// a view was told earlier.
pub fn request_to_import(
    pdf: &[u8],
    source: &str,
    trusted: &[Certificate],
    untrusted_allowed: bool,
    now: DateTime<Utc>,
) -> Result<Importable, ImportRefused> {
    let verdict = examine(pdf, trusted, now)
        .map_err(ImportRefused::Unreadable)?
        .verdict;
    if let (Some(reason), false) = (verdict.failure(), untrusted_allowed) {
        return Err(ImportRefused::DoesNotVerify { reason });
    }
    let request = embedded_request(pdf)?;
    Ok(Importable {
        request,
        note: mla_sign::import_note(verdict, source),
        verdict,
    })
}
