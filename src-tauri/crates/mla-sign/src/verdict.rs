//! The overall verdict on a verified PDF, shared by `mla verify` and the desktop app so
//! that both say the same thing about the same file.

use serde::Serialize;

use crate::verify::VerificationReport;

/// What a [`VerificationReport`] means as a whole, the first failure found winning (in
/// this order: no signature, a signature not valid, bytes added after the last signature,
/// a signer not chaining to a trusted CA).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every signature is valid and the file is unchanged since the last one; when trusted
    /// CAs were given, every signer chains to one of them.
    Verified,
    /// The PDF has no signature at all.
    NoSignature,
    /// At least one signature does not verify (the signed bytes were changed, or the
    /// signature itself is broken).
    Invalid,
    /// The signatures are valid, but bytes were added after the last one (a later
    /// revision, which may change what is shown).
    ChangedAfterSigning,
    /// The signatures are valid and cover the file, but a signer's certificate does not
    /// chain to any of the trusted CAs given.
    NotTrusted,
}

impl Verdict {
    /// The verdict on `report`; `trust_given` says whether trusted CAs were given (without
    /// them, trust is not part of the verdict).
    pub fn of(report: &VerificationReport, trust_given: bool) -> Verdict {
        if report.signatures.is_empty() {
            Verdict::NoSignature
        } else if !report.all_signatures_valid() {
            Verdict::Invalid
        } else if report.changed_after_signing() {
            Verdict::ChangedAfterSigning
        } else if trust_given && !report.all_trusted() {
            Verdict::NotTrusted
        } else {
            Verdict::Verified
        }
    }

    /// Why the file does not verify, in words, or `None` when it does.
    pub fn failure(self) -> Option<&'static str> {
        match self {
            Verdict::Verified => None,
            Verdict::NoSignature => Some("the PDF has no signature"),
            Verdict::Invalid => Some("a signature is not valid"),
            Verdict::ChangedAfterSigning => Some("the file was changed after the last signature"),
            Verdict::NotTrusted => Some("a signer's certificate does not chain to a trusted CA"),
        }
    }
}
