//! Checking a signed PDF received from elsewhere, as `mla verify` does: the same verifier
//! (`mla_sign::verify_pdf`) and the same verdict (`mla_sign::Verdict`), one code path.
//!
//! The PDF and the trusted CA certificates are chosen in native dialogs (never a path from
//! the webview). The bytes that were verified are kept in memory, so "import the embedded
//! request" imports exactly what was checked, even if the file changes on disk meanwhile.
//! Trusted CAs last for the app session only; nothing is stored.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dialogs::{self, Dialog};
use crate::ipc::{DraftRow, ErrorCode, IpcError, SignatureProblemView, VerifyVerdict};
use crate::state::Ctx;
use crate::state::Session;

/// Why a file could not be checked at all.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ipc.ts")]
pub enum UnreadableKind {
    /// The file could not be read from disk.
    CannotRead,
    /// The file does not start with `%PDF-`.
    NotPdf,
    /// The PDF is encrypted (MLA Desk checks only unencrypted PDFs).
    Encrypted,
    /// The file claims to be a PDF but its structure is damaged or unsupported.
    Damaged,
    /// The file is larger than `mla_sign::MAX_PDF_BYTES` (256 MiB); it was not read.
    TooLarge,
}

/// A certificate, as `mla verify` prints it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct CertificateView {
    /// The subject's common name, or the whole subject.
    pub name: String,
    pub subject: String,
    pub issuer: String,
    pub serial_hex: String,
    /// RFC 3339.
    pub not_before: String,
    pub not_after: String,
    pub key_algorithm: String,
    pub key_usage: Vec<String>,
    pub sha256_fingerprint: String,
}

impl From<&mla_sign::CertificateInfo> for CertificateView {
    fn from(c: &mla_sign::CertificateInfo) -> Self {
        CertificateView {
            name: common_name(&c.subject),
            subject: c.subject.clone(),
            issuer: c.issuer.clone(),
            serial_hex: c.serial_hex.clone(),
            not_before: c.not_before.to_rfc3339(),
            not_after: c.not_after.to_rfc3339(),
            key_algorithm: c.key_algorithm.clone(),
            key_usage: c.key_usage.clone(),
            sha256_fingerprint: c.sha256_fingerprint.clone(),
        }
    }
}

/// Whether a signer chains to a trusted CA.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ipc.ts")]
pub enum TrustState {
    Trusted,
    Untrusted,
    /// No trusted CA was given.
    NotChecked,
}

/// One signature, with everything `mla verify` reports about it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct SignatureView {
    pub field_name: Option<String>,
    /// Intact and cryptographically valid (trust is separate).
    pub valid: bool,
    /// The signed bytes are unchanged (digest matches and the signature verifies).
    pub intact: bool,
    pub covers_whole_file: bool,
    #[ts(type = "number")]
    pub bytes_after_signature: u64,
    /// Claimed by the signer (no timestamp), RFC 3339 when it parses.
    pub signing_time: Option<String>,
    pub location: Option<String>,
    pub reason: Option<String>,
    pub sub_filter: Option<String>,
    pub signer: Option<CertificateView>,
    pub trust: TrustState,
    /// The trusted CA reached (its common name), when trusted.
    pub trust_anchor: Option<String>,
    /// Why the chain is not trusted, when untrusted.
    pub untrusted_reason: Option<UntrustedReasonView>,
    /// Every problem found.
    pub problems: Vec<SignatureProblemView>,
}

/// Why a signer does not chain to a trusted CA: code and values, and the English sentence
/// (as for [`SignatureProblemView`]).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct UntrustedReasonView {
    pub reason: mla_sign::UntrustedReason,
    pub english: String,
}

/// A file embedded in the PDF.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct EmbeddedFileView {
    pub name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub relationship: Option<String>,
}

/// What the embedded request is about.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct EmbeddedRequestView {
    pub reference: String,
    pub requesting_authority: String,
    /// ISO 3166-1 alpha-3, as written in the request.
    pub requesting_state: String,
    pub requested_state: String,
    pub case_number: String,
    /// The types of assistance, as file-format names (e.g. `bank_records`), in order.
    pub measure_kinds: Vec<String>,
}

/// Everything the verification view shows about one PDF.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct VerifyView {
    pub file_name: String,
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub verdict: VerifyVerdict,
    /// Set when the verdict is `unreadable`.
    pub unreadable: Option<UnreadableKind>,
    /// The technical detail of a damaged or unreadable file, as the PDF reader or the
    /// system gives it (English, not a sentence of ours; `unreadable` says what happened).
    pub problem: Option<String>,
    /// Whether trusted CAs were given for this check.
    pub trust_checked: bool,
    /// The trusted CAs of this session, by name.
    pub trusted_cas: Vec<String>,
    pub signatures: Vec<SignatureView>,
    pub embedded_files: Vec<EmbeddedFileView>,
    /// The embedded request (request.mla.json), when it is there and valid.
    pub request: Option<EmbeddedRequestView>,
    /// Why the embedded request cannot be used, when there is one but it is not valid.
    pub request_problem: Option<RequestProblem>,
}

/// Why the embedded request cannot be used.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct RequestProblem {
    pub kind: RequestProblemKind,
    /// The technical detail (from the PDF reader or the file-format parser, in English).
    pub detail: String,
}

#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ipc.ts")]
pub enum RequestProblemKind {
    /// The embedded file could not be read from the PDF.
    Unreadable,
    /// It is there but is not a valid request file.
    NotARequest,
}

/// Arguments of `verify_import_request`.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[ts(export_to = "ipc.ts")]
pub struct VerifyImportArgs {
    /// The user chose "import anyway, untrusted": import even though the PDF does not
    /// verify; the draft's history marks the import as untrusted. Without it, only a PDF
    /// whose verdict is `verified` is imported.
    pub untrusted: bool,
}

/// The subject's common name, or the whole subject.
fn common_name(subject: &str) -> String {
    subject
        .split(',')
        .find_map(|part| part.trim().strip_prefix("CN="))
        .map(str::to_owned)
        .unwrap_or_else(|| subject.to_owned())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn dialog_error(message: String) -> IpcError {
    IpcError::new(ErrorCode::Internal, format!("file dialog: {message}"))
}

/// Verify `pdf` (the bytes of `path`) with the session's trusted CAs.
pub fn check(
    path: &Path,
    pdf: &[u8],
    trusted: &[(String, mla_sign::Certificate)],
    now: chrono::DateTime<chrono::Utc>,
) -> VerifyView {
    let anchors: Vec<mla_sign::Certificate> = trusted.iter().map(|(_, c)| c.clone()).collect();
    let mut view = VerifyView {
        file_name: file_name(path),
        path: path.display().to_string(),
        bytes: pdf.len() as u64,
        verdict: VerifyVerdict::Unreadable,
        unreadable: None,
        problem: None,
        trust_checked: !anchors.is_empty(),
        trusted_cas: trusted.iter().map(|(n, _)| n.clone()).collect(),
        signatures: vec![],
        embedded_files: vec![],
        request: None,
        request_problem: None,
    };
    if !pdf.starts_with(b"%PDF-") {
        // The interface says it in its language; there is no further detail.
        view.unreadable = Some(UnreadableKind::NotPdf);
        return view;
    }
    let examined = match mla_usecase::received::examine(pdf, &anchors, now) {
        Ok(examined) => examined,
        Err(e) => {
            let kind = match e {
                mla_sign::Error::EncryptedPdf => UnreadableKind::Encrypted,
                _ => UnreadableKind::Damaged,
            };
            view.unreadable = Some(kind);
            view.problem = match e {
                mla_sign::Error::EncryptedPdf => None,
                mla_sign::Error::CorruptPdf(detail) | mla_sign::Error::UnsupportedPdf(detail) => {
                    Some(detail)
                }
                other => Some(other.to_string()),
            };
            return view;
        }
    };
    let report = examined.report;
    view.verdict = examined.verdict.into();
    view.signatures = report.signatures.iter().map(signature_view).collect();
    view.embedded_files = report
        .embedded_files
        .iter()
        .map(|f| EmbeddedFileView {
            name: f.name.clone(),
            size: f.size as u64,
            relationship: f.relationship.clone(),
        })
        .collect();
    if report.has_request_json {
        match embedded_request_checked(pdf) {
            Ok(request) => view.request = Some(request_view(&request)),
            Err(p) => view.request_problem = Some(p),
        }
    }
    view
}

fn signature_view(s: &mla_sign::SignatureReport) -> SignatureView {
    let (trust, trust_anchor, untrusted_reason) = match &s.trust {
        mla_sign::TrustStatus::Trusted { anchor } => {
            (TrustState::Trusted, Some(common_name(anchor)), None)
        }
        mla_sign::TrustStatus::Untrusted { reason } => (
            TrustState::Untrusted,
            None,
            Some(UntrustedReasonView {
                reason: reason.clone(),
                english: reason.to_string(),
            }),
        ),
        mla_sign::TrustStatus::NotChecked => (TrustState::NotChecked, None, None),
    };
    SignatureView {
        field_name: s.field_name.clone(),
        valid: s.is_valid(),
        intact: s.digest_matches && s.signature_verified,
        covers_whole_file: s.covers_whole_file,
        bytes_after_signature: s.bytes_after_signature,
        signing_time: s.signing_time.clone(),
        location: s.location.clone(),
        reason: s.reason.clone(),
        sub_filter: s.sub_filter.clone(),
        signer: s.signer.as_ref().map(CertificateView::from),
        trust,
        trust_anchor,
        untrusted_reason,
        problems: s.problems.iter().map(SignatureProblemView::from).collect(),
    }
}

fn request_view(r: &mla_core::Request) -> EmbeddedRequestView {
    EmbeddedRequestView {
        reference: r.reference.clone(),
        requesting_authority: r.requesting_authority.name.clone(),
        requesting_state: r.requesting_authority.country.clone(),
        requested_state: r.requested_state.clone(),
        case_number: r.case.case_number.clone(),
        measure_kinds: r
            .measures
            .iter()
            .map(|m| m.details.kind().to_owned())
            .collect(),
    }
}

fn import_error(message: String) -> IpcError {
    IpcError::new(ErrorCode::VerifyImportFailed, message)
}

/// The embedded request, parsed and validated by mla-core's file-format parser; a missing
/// one is `Ok(None)`.
fn embedded_request_or_problem(pdf: &[u8]) -> Result<Option<mla_core::Request>, RequestProblem> {
    use mla_usecase::received::RequestProblem as P;
    match mla_usecase::received::embedded_request(pdf) {
        Ok(request) => Ok(Some(request)),
        Err(P::Missing) => Ok(None),
        Err(P::Unreadable(e)) => Err(RequestProblem {
            kind: RequestProblemKind::Unreadable,
            detail: e.to_string(),
        }),
        Err(P::NotARequest(e)) => Err(RequestProblem {
            kind: RequestProblemKind::NotARequest,
            detail: e.to_string(),
        }),
    }
}

/// As [`embedded_request_or_problem`], for a PDF known to have one.
fn embedded_request_checked(pdf: &[u8]) -> Result<mla_core::Request, RequestProblem> {
    embedded_request_or_problem(pdf)?.ok_or_else(|| RequestProblem {
        kind: RequestProblemKind::Unreadable,
        detail: format!("no {} found", mla_sign::REQUEST_JSON_FILE_NAME),
    })
}

/// Verify the session's PDF again (after the trusted CAs changed).
fn recheck(session: &Session) -> Option<VerifyView> {
    session
        .pdf
        .as_ref()
        .map(|(path, bytes)| check(path, bytes, &session.trusted, chrono::Utc::now()))
}

fn answers<'a>(ctx: &'a Ctx) -> Option<&'a Path> {
    ctx.state.export.dialog_answers.as_deref()
}

/// Ask for a PDF in a native dialog and check it; `None` when the user cancelled.
pub fn verify_open_pdf(ctx: &Ctx, _: ()) -> Result<Option<VerifyView>, IpcError> {
    let picked = dialogs::ask(ctx.window, answers(ctx), Dialog::SignedPdf).map_err(dialog_error)?;
    let Some(path) = picked.into_iter().next() else {
        return Ok(None);
    };
    let trusted = ctx.state.verify.session().trusted.clone();
    let now = chrono::Utc::now();
    // A file over the size limit is refused before it is read.
    let view = match mla_sign::read_pdf_file(&path) {
        Ok(bytes) => {
            let view = check(&path, &bytes, &trusted, now);
            ctx.state.verify.session().pdf = Some((path, Arc::new(bytes)));
            view
        }
        Err(e) => {
            ctx.state.verify.session().pdf = None;
            let name = file_name(&path);
            let (kind, size) = match &e {
                mla_sign::Error::PdfTooLarge { size, .. } => (UnreadableKind::TooLarge, *size),
                _ => (UnreadableKind::CannotRead, 0),
            };
            VerifyView {
                file_name: name.clone(),
                path: path.display().to_string(),
                bytes: size,
                verdict: VerifyVerdict::Unreadable,
                unreadable: Some(kind),
                problem: Some(e.to_string()),
                trust_checked: !trusted.is_empty(),
                trusted_cas: trusted.into_iter().map(|(n, _)| n).collect(),
                signatures: vec![],
                embedded_files: vec![],
                request: None,
                request_problem: None,
            }
        }
    };
    Ok(Some(view))
}

fn no_pdf() -> IpcError {
    IpcError::new(ErrorCode::VerifyNotReady, "open a signed PDF first")
}

/// Ask for CA certificates (PEM or DER) to trust for this session, then check the open
/// PDF again. Cancelling changes nothing.
pub fn verify_trust_ca(ctx: &Ctx, _: ()) -> Result<VerifyView, IpcError> {
    let picked = dialogs::ask(ctx.window, answers(ctx), Dialog::TrustedCa).map_err(dialog_error)?;
    let mut added = Vec::new();
    for path in picked {
        let name = file_name(&path);
        let bytes = std::fs::read(&path).map_err(|e| {
            IpcError::new(
                ErrorCode::VerifyCaUnreadable,
                format!("{name} could not be read: {e}"),
            )
        })?;
        let certs = mla_sign::parse_certificates(&bytes).map_err(|e| {
            IpcError::new(
                ErrorCode::VerifyCaUnreadable,
                format!("{name} is not a certificate (PEM or DER): {e}"),
            )
        })?;
        for cert in certs {
            let info = mla_sign::CertificateInfo::from_certificate(&cert);
            added.push((common_name(&info.subject), cert));
        }
    }
    let mut session = ctx.state.verify.session();
    for (name, cert) in added {
        if !session.trusted.iter().any(|(_, c)| c == &cert) {
            session.trusted.push((name, cert));
        }
    }
    recheck(&session).ok_or_else(no_pdf)
}

/// Forget the trusted CAs of this session and check the open PDF again.
pub fn verify_forget_cas(ctx: &Ctx, _: ()) -> Result<VerifyView, IpcError> {
    let mut session = ctx.state.verify.session();
    session.trusted.clear();
    recheck(&session).ok_or_else(no_pdf)
}

/// Import the embedded request of `pdf` (from the file `name`) as a NEW draft: only when
/// the PDF verifies with the `trusted` CAs, or when `untrusted` (the user's explicit "import
/// anyway"), which the version note and the audit log then say. Decided by
/// `mla_usecase::received` on the bytes kept, never on what the view was told.
fn import_checked(
    reg: &mla_store::Register,
    actor: &str,
    name: &str,
    pdf: &[u8],
    trusted: &[(String, mla_sign::Certificate)],
    untrusted: bool,
) -> Result<mla_store::DraftId, IpcError> {
    let anchors: Vec<mla_sign::Certificate> = trusted.iter().map(|(_, c)| c.clone()).collect();
    let importable = mla_usecase::received::request_to_import(
        pdf,
        name,
        &anchors,
        untrusted,
        chrono::Utc::now(),
    )
    .map_err(|refused| import_error(format!("{name}: {refused}")))?;
    Ok(reg.create_noted(&importable.request, actor, &importable.note)?)
}

/// Import the open PDF's embedded request as a NEW draft (never over an existing one).
/// Without `untrusted`, only from a PDF whose verdict is `verified`.
pub fn verify_import_request(ctx: &Ctx, args: VerifyImportArgs) -> Result<DraftRow, IpcError> {
    let (path, bytes, trusted) = {
        let session = ctx.state.verify.session();
        let (path, bytes) = session.pdf.clone().ok_or_else(no_pdf)?;
        (path, bytes, session.trusted.clone())
    };
    let reg = ctx.state.register()?;
    let id = import_checked(
        &reg,
        &ctx.state.actor,
        &file_name(&path),
        &bytes,
        &trusted,
        args.untrusted,
    )?;
    Ok(reg.summary(id)?.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_pdf_is_named_and_explained() {
        let v = check(
            Path::new("/tmp/notes.txt"),
            b"hello",
            &[],
            chrono::Utc::now(),
        );
        assert_eq!(v.verdict, VerifyVerdict::Unreadable);
        assert_eq!(v.unreadable, Some(UnreadableKind::NotPdf));
        assert_eq!(v.file_name, "notes.txt");
        // The interface says it from `unreadable`, in its language: no English sentence.
        assert_eq!(v.problem, None);
    }

    #[test]
    fn a_damaged_pdf_is_reported_not_a_crash() {
        let v = check(
            Path::new("broken.pdf"),
            b"%PDF-1.7\n1 0 obj << /Type /Catalog",
            &[],
            chrono::Utc::now(),
        );
        assert_eq!(v.verdict, VerifyVerdict::Unreadable);
        assert_eq!(v.unreadable, Some(UnreadableKind::Damaged));
        // Only the reader's technical detail.
        let detail = v.problem.unwrap();
        assert!(
            !detail.is_empty() && !detail.contains("broken.pdf"),
            "{detail}"
        );
    }

    #[test]
    fn problems_and_untrusted_reasons_cross_as_codes_with_the_english_sentence() {
        let reason = mla_sign::UntrustedReason::NoTrustedIssuer {
            subject: "CN=Jeanne Procureur".into(),
            issuer: "CN=Other CA".into(),
        };
        let report = mla_sign::SignatureReport {
            digest_matches: true,
            signature_verified: true,
            ess_signing_certificate_v2: true,
            covers_whole_file: true,
            trust: mla_sign::TrustStatus::Untrusted {
                reason: reason.clone(),
            },
            problems: vec![mla_sign::SignatureProblem::SeveralSigners { count: 2 }],
            ..mla_sign::SignatureReport::default()
        };
        let view = signature_view(&report);
        assert!(!view.valid);
        assert_eq!(view.trust, TrustState::Untrusted);
        assert_eq!(view.trust_anchor, None);
        let untrusted = view.untrusted_reason.as_ref().unwrap();
        assert_eq!(untrusted.reason, reason);
        assert_eq!(
            untrusted.english,
            "no trusted CA issued CN=Jeanne Procureur (issuer CN=Other CA)"
        );
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(
            json["problems"][0],
            serde_json::json!({
                "problem": {"code": "several_signers", "count": 2},
                "english": "the CMS has 2 signers; only the first is checked",
            })
        );
        assert_eq!(
            json["untrusted_reason"]["reason"]["code"],
            "no_trusted_issuer"
        );
    }

    #[test]
    fn a_malformed_embedded_request_is_named_by_kind_with_the_parsers_detail() {
        let pdf = mla_sign::embed_files(
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n",
            &[],
            Some(br#"{"format_version": 1, "reference": 42}"#),
            None,
            chrono::Utc::now(),
        )
        .expect("the sample PDF takes the embedded request");
        let v = check(Path::new("bad.pdf"), &pdf, &[], chrono::Utc::now());
        assert_eq!(v.verdict, VerifyVerdict::NoSignature);
        let p = v.request_problem.unwrap();
        assert_eq!(p.kind, RequestProblemKind::NotARequest);
        assert!(
            !p.detail.is_empty() && !p.detail.contains("bad.pdf"),
            "{p:?}"
        );
    }

    const ONE_PAGE: &[u8] = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n";

    #[test]
    fn a_request_no_signature_vouches_for_is_imported_only_when_asked_and_marked() {
        let json = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../assets/examples/laundering-e-evidence-fra.mla.json"
        ))
        .unwrap();
        // An unsigned PDF carrying a valid request: anyone could have written it.
        let pdf =
            mla_sign::embed_files(ONE_PAGE, &[], Some(&json), None, chrono::Utc::now()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let reg = mla_store::Register::open(&dir.path().join("r.sqlite")).unwrap();

        let err = import_checked(&reg, "tester", "x.pdf", &pdf, &[], false).unwrap_err();
        assert_eq!(err.code, ErrorCode::VerifyImportFailed);
        assert_eq!(
            err.message,
            "x.pdf: not imported: the PDF does not verify (the PDF has no signature), so no \
             valid signature vouches for its embedded request"
        );
        assert!(reg.list(&Default::default()).unwrap().is_empty());

        let id = import_checked(&reg, "tester", "x.pdf", &pdf, &[], true).unwrap();
        let history = reg.history(id).unwrap();
        assert_eq!(
            history[0].note,
            "UNTRUSTED import from the PDF x.pdf, on the user's request: not verified: the PDF \
             has no signature"
        );
        let audit = reg.audit(Some(id)).unwrap();
        assert!(
            audit[0].detail.starts_with(mla_sign::UNTRUSTED_IMPORT_NOTE),
            "{audit:?}"
        );
    }

    #[test]
    fn importing_from_an_unreadable_pdf_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let reg = mla_store::Register::open(&dir.path().join("r.sqlite")).unwrap();
        // Even an explicit untrusted import needs a PDF that can be read.
        let e =
            import_checked(&reg, "tester", "x.pdf", b"%PDF-1.7 nothing", &[], true).unwrap_err();
        assert_eq!(e.code, ErrorCode::VerifyImportFailed);
        assert!(
            e.message.starts_with("x.pdf: the PDF could not be read: "),
            "{}",
            e.message
        );
        assert!(reg.list(&Default::default()).unwrap().is_empty());
    }
}
