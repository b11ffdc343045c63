//! The export commands: choose files through native dialogs, export (and sign) a draft
//! with progress events, cancel, and verify what was written. The work is
//! `mla_export::export`, the pipeline `mla export` runs too.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use tauri::Emitter;

use crate::dialogs::{self, Dialog};
use crate::ipc::*;
use crate::state::Ctx;

/// Event carrying an [`ExportProgress`] while `export_pdf` runs.
pub const EXPORT_PROGRESS_EVENT: &str = "mla://export-progress";

fn chosen_file(path: &Path) -> ChosenFile {
    ChosenFile {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        size: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
    }
}

fn answers<'a>(ctx: &'a Ctx) -> Option<&'a Path> {
    ctx.state.export.dialog_answers.as_deref()
}

fn dialog_error(message: String) -> IpcError {
    IpcError::new(ErrorCode::Internal, format!("file dialog: {message}"))
}

pub fn export_selection(ctx: &Ctx, _: ()) -> Result<ExportSelection, IpcError> {
    let chosen = ctx.state.export.chosen();
    Ok(ExportSelection {
        certificate: chosen.certificate.as_deref().map(chosen_file),
        annexes: chosen.annexes.iter().map(|p| chosen_file(p)).collect(),
        output: chosen.output.as_deref().map(chosen_file),
        module: chosen.module.as_deref().map(chosen_file),
        seal: chosen.seal.as_deref().map(chosen_file),
    })
}

pub fn export_choose_certificate(ctx: &Ctx, _: ()) -> Result<ExportSelection, IpcError> {
    let picked =
        dialogs::ask(ctx.window, answers(ctx), Dialog::Certificate).map_err(dialog_error)?;
    if let Some(path) = picked.into_iter().next() {
        ctx.state.export.chosen().certificate = Some(path);
    }
    export_selection(ctx, ())
}

pub fn export_choose_annexes(ctx: &Ctx, _: ()) -> Result<ExportSelection, IpcError> {
    let picked = dialogs::ask(ctx.window, answers(ctx), Dialog::Annexes).map_err(dialog_error)?;
    {
        let mut chosen = ctx.state.export.chosen();
        for path in picked {
            if !chosen.annexes.contains(&path) {
                chosen.annexes.push(path);
            }
        }
    }
    export_selection(ctx, ())
}

pub fn export_remove_annex(ctx: &Ctx, args: AnnexIndexArgs) -> Result<ExportSelection, IpcError> {
    {
        let mut chosen = ctx.state.export.chosen();
        let index = args.index as usize;
        if index < chosen.annexes.len() {
            chosen.annexes.remove(index);
        }
    }
    export_selection(ctx, ())
}

/// A file name to suggest for the PDF: the draft's reference, made safe for a file name.
fn suggested_name(reference: &str) -> String {
    let safe: String = reference
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches(['-', '.']);
    if safe.is_empty() {
        "request.pdf".to_owned()
    } else {
        format!("{safe}.pdf")
    }
}

pub fn export_choose_output(ctx: &Ctx, args: DraftIdArgs) -> Result<ExportSelection, IpcError> {
    let reference = ctx.state.register()?.summary(args.id)?.reference;
    let name = suggested_name(&reference);
    let picked = dialogs::ask(
        ctx.window,
        answers(ctx),
        Dialog::Output {
            suggested_name: &name,
        },
    )
    .map_err(dialog_error)?;
    if let Some(mut path) = picked.into_iter().next() {
        if path.extension().is_none() {
            path.set_extension("pdf");
        }
        ctx.state.export.chosen().output = Some(path);
    }
    export_selection(ctx, ())
}

/// Where the usual PKCS#11 modules are installed (Debian/Ubuntu packages, macOS and Windows
/// installers). Only those that exist on this machine are offered.
const KNOWN_MODULES: &[(&str, &str)] = &[
    ("SoftHSM2", "/usr/lib/softhsm/libsofthsm2.so"),
    (
        "SoftHSM2",
        "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    ),
    (
        "SoftHSM2",
        "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    ),
    ("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
    ("OpenSC", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so"),
    ("OpenSC", "/usr/lib/opensc-pkcs11.so"),
    ("OpenSC", "/Library/OpenSC/lib/opensc-pkcs11.so"),
    ("OpenSC", "C:\\Windows\\System32\\opensc-pkcs11.dll"),
];

fn known_modules() -> Vec<(&'static str, PathBuf)> {
    let mut found: Vec<(&'static str, PathBuf)> = Vec::new();
    for (name, path) in KNOWN_MODULES {
        let path = Path::new(path);
        // The same library reached through a symbolic link is offered once.
        let real = path.canonicalize().ok();
        if path.is_file() && !found.iter().any(|(_, p)| p.canonicalize().ok() == real) {
            found.push((name, path.to_path_buf()));
        }
    }
    found
}

/// The PKCS#11 modules found at their usual places, offered as shortcuts.
pub fn export_known_modules(_: &Ctx, _: ()) -> Result<Vec<KnownModule>, IpcError> {
    Ok(known_modules()
        .into_iter()
        .map(|(name, path)| KnownModule {
            name: name.to_owned(),
            file: chosen_file(&path),
        })
        .collect())
}

/// Choose the PKCS#11 module: a known one by its index, or any file through a dialog.
pub fn export_choose_module(
    ctx: &Ctx,
    args: ChooseModuleArgs,
) -> Result<ExportSelection, IpcError> {
    let picked = match args.known {
        Some(index) => {
            let known = known_modules();
            let (_, path) = known.into_iter().nth(index as usize).ok_or_else(|| {
                IpcError::new(
                    ErrorCode::SignTokenFailed,
                    format!("no known PKCS#11 module number {index} on this machine"),
                )
            })?;
            Some(path)
        }
        None => dialogs::ask(ctx.window, answers(ctx), Dialog::Module)
            .map_err(dialog_error)?
            .into_iter()
            .next(),
    };
    if let Some(path) = picked {
        ctx.state.export.chosen().module = Some(path);
    }
    export_selection(ctx, ())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn token_key_view(key: mla_sign::TokenKey, now: chrono::DateTime<chrono::Utc>) -> TokenKeyView {
    let status = match &key.certificate {
        None => TokenKeyStatus::NoCertificate,
        Some(c) if now > c.not_after => TokenKeyStatus::Expired,
        Some(c) if now < c.not_before => TokenKeyStatus::NotYetValid,
        Some(_) if key.problem.is_some() => TokenKeyStatus::NotForSigning,
        Some(_) => TokenKeyStatus::Ok,
    };
    let problem = match status {
        TokenKeyStatus::NoCertificate => {
            Some("the token holds no certificate for this key".to_owned())
        }
        _ => key.problem,
    };
    TokenKeyView {
        token_label: key.token_label,
        key_label: key.key_label,
        key_id: hex(&key.key_id),
        key_type: key.key_type,
        subject: key
            .certificate
            .as_ref()
            .map(|c| display_subject(&c.subject)),
        issuer: key.certificate.as_ref().map(|c| display_subject(&c.issuer)),
        not_before: key.certificate.as_ref().map(|c| c.not_before.to_rfc3339()),
        not_after: key.certificate.as_ref().map(|c| c.not_after.to_rfc3339()),
        status,
        problem,
    }
}

/// The subject with its common name first: `Jeanne Procureur (O=…, C=FR)`.
fn display_subject(subject: &str) -> String {
    let cn = display_name(subject);
    if cn == subject {
        return cn;
    }
    let rest: Vec<&str> = subject
        .split(',')
        .map(str::trim)
        .filter(|p| !p.starts_with("CN="))
        .collect();
    if rest.is_empty() {
        cn
    } else {
        format!("{cn} ({})", rest.join(", "))
    }
}

/// Log in to the tokens of the chosen module with the PIN and list their keys.
pub fn export_token_keys(ctx: &Ctx, args: TokenKeysArgs) -> Result<Vec<TokenKeyView>, IpcError> {
    let module = ctx
        .state
        .export
        .chosen()
        .module
        .clone()
        .ok_or_else(|| not_ready("choose the token's PKCS#11 module first"))?;
    let now = chrono::Utc::now();
    let keys = {
        let _token = ctx.state.export.token();
        mla_sign::list_token_keys(&module, &args.pin, now)
    };
    // The PIN is dropped (zeroed) here.
    drop(args);
    let keys = keys.map_err(|source| {
        IpcError::from(mla_export::ExportError::Key {
            context: module.display().to_string(),
            source,
        })
    })?;
    Ok(keys.into_iter().map(|k| token_key_view(k, now)).collect())
}

/// Choose a seal image in a dialog; a file the signature block cannot show is refused
/// (and the previous choice kept).
pub fn export_choose_seal(ctx: &Ctx, _: ()) -> Result<ExportSelection, IpcError> {
    let picked = dialogs::ask(ctx.window, answers(ctx), Dialog::Seal).map_err(dialog_error)?;
    if let Some(path) = picked.into_iter().next() {
        read_seal(&path)?;
        ctx.state.export.chosen().seal = Some(path);
    }
    export_selection(ctx, ())
}

/// Drop the seal image.
pub fn export_remove_seal(ctx: &Ctx, _: ()) -> Result<ExportSelection, IpcError> {
    ctx.state.export.chosen().seal = None;
    export_selection(ctx, ())
}

/// Read and check a seal image.
fn read_seal(path: &Path) -> Result<mla_sign::SealImage, IpcError> {
    let unreadable = |why: String| {
        IpcError::new(
            ErrorCode::SignSealUnreadable,
            format!("the seal image {}: {why}", path.display()),
        )
    };
    let bytes = std::fs::read(path).map_err(|e| unreadable(format!("cannot be read: {e}")))?;
    let seal = mla_export::seal_image(bytes);
    seal.check().map_err(|e| unreadable(e.to_string()))?;
    Ok(seal)
}

/// Stop the running export, if one runs (otherwise nothing happens).
pub fn cancel_export(ctx: &Ctx, _: ()) -> Result<(), IpcError> {
    if let Some(flag) = ctx.state.export.run().as_ref() {
        flag.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Marks the export as finished however `export_pdf` ends.
struct Running<'a>(&'a crate::state::ExportState);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        *self.0.run() = None;
    }
}

fn not_ready(message: &str) -> IpcError {
    IpcError::new(ErrorCode::ExportNotReady, message)
}

pub fn export_pdf(ctx: &Ctx, args: ExportArgs) -> Result<ExportResult, IpcError> {
    let export = &ctx.state.export;
    let cancel = {
        let mut run = export.run();
        if run.is_some() {
            return Err(not_ready("another export is running"));
        }
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        *run = Some(flag.clone());
        flag
    };
    let _running = Running(export);
    let now = chrono::Utc::now();

    let ExportArgs {
        id,
        lang,
        sign,
        token_key,
        password,
        function,
        place,
    } = args;
    let chosen = export.chosen().clone();
    let output = chosen
        .output
        .ok_or_else(|| not_ready("choose where to save the PDF first"))?;
    let password = password.unwrap_or_else(|| mla_export::Password::new(String::new()));
    let signer = match (sign, token_key) {
        (false, _) => None,
        (true, Some(key)) => {
            let module = chosen
                .module
                .clone()
                .ok_or_else(|| not_ready("choose the token's PKCS#11 module first"))?;
            let key_id = unhex(&key.key_id).ok_or_else(|| {
                IpcError::new(
                    ErrorCode::SignNoTokenKey,
                    format!("{:?} is not a key id", key.key_id),
                )
            })?;
            Some(mla_export::Signer::Pkcs11 {
                module,
                selector: mla_export::Pkcs11KeySelector {
                    token_label: Some(key.token_label),
                    key_label: None,
                    key_id: Some(key_id),
                },
                pin: password,
                certificates: Vec::new(),
            })
        }
        (true, None) => {
            let certificate = chosen
                .certificate
                .clone()
                .ok_or_else(|| not_ready("choose the certificate file (.p12) first"))?;
            let p12 = std::fs::read(&certificate).map_err(|e| {
                IpcError::new(
                    ErrorCode::SignKeyUnreadable,
                    format!("cannot read {}: {e}", certificate.display()),
                )
            })?;
            Some(mla_export::Signer::Pkcs12 {
                p12,
                password,
                label: chosen_file(&certificate).name,
            })
        }
    };
    let uses_token = matches!(signer, Some(mla_export::Signer::Pkcs11 { .. }));
    let seal = match (&signer, &chosen.seal) {
        (Some(_), Some(path)) => Some(read_seal(path)?),
        _ => None,
    };

    // The saved draft, read once; the register is not locked during the export.
    let request = ctx.state.register()?.get(id)?.request;
    let json = mla_core::write_request(&request).into_bytes();
    // The register file and its SQLite companions may never be the output.
    let protected = mla_export::Protected::register(&ctx.state.register_path, "the register");
    let job = mla_export::ExportJob {
        request_json: &json,
        request: &request,
        letter: mla_letter::LetterOptions {
            lang: lang.filter(|l| !l.trim().is_empty()),
            central_authority: None,
        },
        // The requested State's profile in force, as for the checker and `mla export`.
        profile: ctx.state.profiles().set.get(request.requested_state.trim()),
        pdf: Default::default(),
        annexes: &chosen.annexes,
        signer,
        block: mla_export::BlockText {
            name: None,
            function,
            place,
            seal,
        },
        // Every export is made as PDF/A-3b, like `mla export`.
        pdfa_icc: Some(mla_export::SRGB_ICC_PROFILE.to_vec()),
        now,
        output: &output,
        protected: &protected,
    };
    let window = ctx.window;
    // A token's module is process-wide: no key listing while it signs.
    let _token = uses_token.then(|| export.token());
    let outcome = mla_export::export(
        job,
        &mut |p| {
            if let Some(w) = window {
                let _ = w.emit(EXPORT_PROGRESS_EVENT, ExportProgress::from(p));
            }
        },
        &cancel,
    )?;
    drop(_token);
    let verification = if outcome.signed {
        Some(signature_check(&mla_export::verify_file(
            &outcome.output,
            now,
        )?))
    } else {
        None
    };
    Ok(ExportResult {
        path: outcome.output.display().to_string(),
        pages: outcome.pages as u32,
        bytes: outcome.bytes,
        signed: outcome.signed,
        lang: outcome.lang,
        verification,
        needs_translation: outcome.needs_translation.len() as u32,
        missing_glyphs: outcome.missing_glyphs.iter().collect(),
    })
}

/// The common name of an RFC 4514 subject, or the whole subject.
fn display_name(subject: &str) -> String {
    subject
        .split(',')
        .find_map(|part| part.trim().strip_prefix("CN="))
        .map(str::to_owned)
        .unwrap_or_else(|| subject.to_owned())
}

fn signature_check(report: &mla_export::VerificationReport) -> SignatureCheck {
    let verdict = mla_sign::Verdict::of(report, false);
    let sig = report.signatures.last();
    SignatureCheck {
        valid: verdict == mla_sign::Verdict::Verified,
        signer: sig.and_then(|s| s.signer.as_ref().map(|c| display_name(&c.subject))),
        issuer: sig.and_then(|s| s.signer.as_ref().map(|c| display_name(&c.issuer))),
        signing_time: sig.and_then(|s| s.signing_time.clone()),
        verdict: verdict.into(),
        problems: sig
            .map(|s| s.problems.iter().map(Into::into).collect())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc::VerifyVerdict;

    #[test]
    fn suggested_names_are_safe_file_names() {
        assert_eq!(suggested_name("PNF/2024/117"), "PNF-2024-117.pdf");
        assert_eq!(suggested_name("../../etc/passwd"), "etc-passwd.pdf");
        assert_eq!(suggested_name(""), "request.pdf");
        assert_eq!(suggested_name("Réf. 12"), "Réf.-12.pdf");
    }

    #[test]
    fn key_ids_go_to_hex_and_back() {
        assert_eq!(hex(&[0x01, 0xab, 0x00]), "01ab00");
        assert_eq!(unhex("01ab00"), Some(vec![0x01, 0xab, 0x00]));
        assert_eq!(unhex("01AB"), Some(vec![0x01, 0xab]));
        assert_eq!(unhex(""), Some(vec![]));
        assert_eq!(unhex("1"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(unhex("é1"), None);
    }

    #[test]
    fn subjects_show_the_common_name_first() {
        assert_eq!(
            display_subject("CN=Jeanne Procureur,O=Parquet de test,C=FR"),
            "Jeanne Procureur (O=Parquet de test, C=FR)"
        );
        assert_eq!(display_subject("CN=Only"), "Only");
        assert_eq!(display_subject("O=Org"), "O=Org");
    }

    fn signature(
        problems: Vec<mla_sign::SignatureProblem>,
        bytes_after: u64,
    ) -> mla_sign::SignatureReport {
        mla_sign::SignatureReport {
            sub_filter: Some("ETSI.CAdES.detached".into()),
            digest_matches: !problems.contains(&mla_sign::SignatureProblem::DigestMismatch),
            signature_verified: true,
            ess_signing_certificate_v2: true,
            covers_whole_file: bytes_after == 0,
            bytes_after_signature: bytes_after,
            problems,
            ..mla_sign::SignatureReport::default()
        }
    }

    fn report(signatures: Vec<mla_sign::SignatureReport>) -> mla_export::VerificationReport {
        mla_export::VerificationReport {
            file_size: 1,
            signatures,
            embedded_files: vec![],
            has_request_json: false,
        }
    }

    /// The check of the written file says what is wrong as codes (the panel translates
    /// them), with the verdict for what is not a problem of the signature itself.
    #[test]
    fn the_written_files_check_carries_codes_and_the_verdict() {
        let good = signature_check(&report(vec![signature(vec![], 0)]));
        assert!(good.valid);
        assert_eq!(good.verdict, VerifyVerdict::Verified);
        assert!(good.problems.is_empty());

        let none = signature_check(&report(vec![]));
        assert!(!none.valid);
        assert_eq!(none.verdict, VerifyVerdict::NoSignature);

        let changed = signature_check(&report(vec![signature(vec![], 10)]));
        assert!(!changed.valid);
        assert_eq!(changed.verdict, VerifyVerdict::ChangedAfterSigning);
        assert!(changed.problems.is_empty());

        let broken = signature_check(&report(vec![signature(
            vec![mla_sign::SignatureProblem::DigestMismatch],
            0,
        )]));
        assert!(!broken.valid);
        assert_eq!(broken.verdict, VerifyVerdict::Invalid);
        assert_eq!(
            broken.problems[0].problem,
            mla_sign::SignatureProblem::DigestMismatch
        );
        assert!(broken.problems[0]
            .english
            .starts_with("the document was changed after it was signed"));
        let json = serde_json::to_value(&broken).unwrap();
        assert_eq!(json["problems"][0]["problem"]["code"], "digest_mismatch");
        assert_eq!(json["verdict"], "invalid");
    }

    #[test]
    fn token_key_status_follows_the_certificate() {
        let now = chrono::Utc::now();
        let cert = |days_before: i64, days_after: i64| mla_sign::CertificateInfo {
            subject: "CN=A".into(),
            issuer: "CN=CA".into(),
            serial_hex: "01".into(),
            not_before: now - chrono::Duration::days(days_before),
            not_after: now + chrono::Duration::days(days_after),
            key_algorithm: "RSA 2048".into(),
            key_usage: vec!["digitalSignature".into()],
            sha256_fingerprint: String::new(),
        };
        let key = |certificate, problem: Option<&str>| mla_sign::TokenKey {
            token_label: "t".into(),
            key_label: "k".into(),
            key_id: vec![1],
            key_type: "RSA".into(),
            certificate,
            problem: problem.map(str::to_owned),
        };
        let status = |k| token_key_view(k, now).status;
        assert_eq!(status(key(Some(cert(1, 1)), None)), TokenKeyStatus::Ok);
        assert_eq!(
            status(key(Some(cert(10, -1)), Some("expired"))),
            TokenKeyStatus::Expired
        );
        assert_eq!(
            status(key(Some(cert(-1, 10)), Some("later"))),
            TokenKeyStatus::NotYetValid
        );
        assert_eq!(
            status(key(Some(cert(1, 1)), Some("key usage"))),
            TokenKeyStatus::NotForSigning
        );
        let none = token_key_view(key(None, None), now);
        assert_eq!(none.status, TokenKeyStatus::NoCertificate);
        assert!(none.problem.is_some());
        assert_eq!(none.key_id, "01");
    }

    #[test]
    fn a_bad_seal_image_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("seal.png");
        std::fs::write(&bad, b"not a picture").unwrap();
        let err = read_seal(&bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::SignSealUnreadable);
        assert!(err.message.contains("seal.png"), "{}", err.message);
        let err = read_seal(&dir.path().join("absent.png")).unwrap_err();
        assert_eq!(err.code, ErrorCode::SignSealUnreadable);
    }

    #[test]
    fn display_name_prefers_the_common_name() {
        assert_eq!(
            display_name("CN=Jeanne Procureur,O=Parquet de test,C=FR"),
            "Jeanne Procureur"
        );
        assert_eq!(display_name("O=Only Org"), "O=Only Org");
    }
}
