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

/// How the version note of a draft imported from a PDF that did not verify starts (the user
/// asked for the import anyway): the register keeps the note with the version and the
/// audit entry, and the interfaces mark such versions as untrusted. Never change it: notes
/// already written start with it.
pub const UNTRUSTED_IMPORT_NOTE: &str = "UNTRUSTED import";

/// The version note of a request imported from the PDF `source`: "imported from the signed
/// PDF …" when `verdict` is [`Verdict::Verified`], else an [`UNTRUSTED_IMPORT_NOTE`] that
/// says why.
pub fn import_note(verdict: Verdict, source: &str) -> String {
    match verdict.failure() {
        None => format!("imported from the signed PDF {source}"),
        Some(reason) => format!(
            "{UNTRUSTED_IMPORT_NOTE} from the PDF {source}, on the user's request: not verified: \
             {reason}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::{SignatureReport, TrustStatus};

    fn signature(intact: bool, bytes_after: u64, trust: TrustStatus) -> SignatureReport {
        SignatureReport {
            digest_matches: intact,
            signature_verified: true,
            ess_signing_certificate_v2: true,
            covers_whole_file: bytes_after == 0,
            bytes_after_signature: bytes_after,
            trust,
            ..SignatureReport::default()
        }
    }

    fn report(signatures: Vec<SignatureReport>) -> VerificationReport {
        VerificationReport {
            file_size: 1,
            signatures,
            embedded_files: vec![],
            has_request_json: false,
        }
    }

    fn trusted() -> TrustStatus {
        TrustStatus::Trusted {
            anchor: "CN=CA".into(),
        }
    }

    fn untrusted() -> TrustStatus {
        TrustStatus::Untrusted {
            reason: crate::UntrustedReason::NoTrustedIssuer {
                subject: "CN=Signer".into(),
                issuer: "CN=Unknown CA".into(),
            },
        }
    }

    #[test]
    fn each_failure_is_named_and_the_first_one_wins() {
        assert_eq!(Verdict::of(&report(vec![]), true), Verdict::NoSignature);
        // Broken and changed and untrusted: "not valid" comes first.
        let broken = report(vec![signature(false, 10, untrusted())]);
        assert_eq!(Verdict::of(&broken, true), Verdict::Invalid);
        let changed = report(vec![signature(true, 10, untrusted())]);
        assert_eq!(Verdict::of(&changed, true), Verdict::ChangedAfterSigning);
        let foreign = report(vec![signature(true, 0, untrusted())]);
        assert_eq!(Verdict::of(&foreign, true), Verdict::NotTrusted);
        assert_eq!(Verdict::of(&foreign, false), Verdict::Verified);
        let good = report(vec![signature(true, 0, trusted())]);
        assert_eq!(Verdict::of(&good, true), Verdict::Verified);
        assert_eq!(Verdict::Verified.failure(), None);
        assert_eq!(
            Verdict::ChangedAfterSigning.failure(),
            Some("the file was changed after the last signature")
        );
    }

    #[test]
    fn an_import_from_a_file_that_does_not_verify_is_noted_untrusted() {
        assert_eq!(
            import_note(Verdict::Verified, "req.pdf"),
            "imported from the signed PDF req.pdf"
        );
        let note = import_note(Verdict::ChangedAfterSigning, "req.pdf");
        assert_eq!(
            note,
            "UNTRUSTED import from the PDF req.pdf, on the user's request: not verified: the \
             file was changed after the last signature"
        );
        assert!(note.starts_with(UNTRUSTED_IMPORT_NOTE));
        for v in [Verdict::NoSignature, Verdict::Invalid, Verdict::NotTrusted] {
            assert!(import_note(v, "x.pdf").starts_with(UNTRUSTED_IMPORT_NOTE));
        }
    }

    #[test]
    fn an_earlier_signature_followed_by_a_later_one_is_not_a_change() {
        // Two signatures: the first is followed by the second's revision, the last covers
        // the whole file.
        let two = report(vec![
            signature(true, 5000, trusted()),
            signature(true, 0, trusted()),
        ]);
        assert_eq!(Verdict::of(&two, true), Verdict::Verified);
    }
}
