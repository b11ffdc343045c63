//! The export commands: choose files through native dialogs, export (and sign) a draft
//! with progress events, cancel, and verify what was written. The work is
//! `mla_export::export`, the pipeline `mla export` runs too.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use tauri::Emitter;

use crate::commands::Ctx;
use crate::dialogs::{self, Dialog};
use crate::ipc::*;

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
        password,
        function,
        place,
    } = args;
    let chosen = export.chosen().clone();
    let output = chosen
        .output
        .ok_or_else(|| not_ready("choose where to save the PDF first"))?;
    let signer = if sign {
        let certificate = chosen
            .certificate
            .ok_or_else(|| not_ready("choose the certificate file (.p12) first"))?;
        let p12 = std::fs::read(&certificate).map_err(|e| {
            IpcError::new(
                ErrorCode::SignKeyUnreadable,
                format!("cannot read {}: {e}", certificate.display()),
            )
        })?;
        Some(mla_export::Signer::Pkcs12 {
            p12,
            password: password.unwrap_or_else(|| mla_export::Password::new(String::new())),
            label: chosen_file(&certificate).name,
        })
    } else {
        None
    };

    // The saved draft, read once; the register is not locked during the export.
    let request = ctx.state.register()?.get(id)?.request;
    let json = mla_core::write_request(&request).into_bytes();
    // The register file and its SQLite companions may never be the output.
    let register = ctx.state.register_path.clone();
    let protected: Vec<PathBuf> = ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut p = register.clone().into_os_string();
            p.push(suffix);
            PathBuf::from(p)
        })
        .collect();
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
            seal: None,
        },
        pdfa_icc: None,
        now,
        output: &output,
        protected: &protected,
    };
    let window = ctx.window;
    let outcome = mla_export::export(
        job,
        &mut |p| {
            if let Some(w) = window {
                let _ = w.emit(EXPORT_PROGRESS_EVENT, ExportProgress::from(p));
            }
        },
        &cancel,
    )?;
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
    let Some(sig) = report.signatures.last() else {
        return SignatureCheck {
            valid: false,
            signer: None,
            issuer: None,
            signing_time: None,
            problems: vec!["the written file has no signature".into()],
        };
    };
    let mut problems = sig.problems.clone();
    if report.changed_after_signing() {
        problems.push("the file was changed after it was signed".into());
    }
    SignatureCheck {
        valid: report.all_signatures_valid() && problems.is_empty(),
        signer: sig.signer.as_ref().map(|c| display_name(&c.subject)),
        issuer: sig.signer.as_ref().map(|c| display_name(&c.issuer)),
        signing_time: sig.signing_time.clone(),
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_are_safe_file_names() {
        assert_eq!(suggested_name("PNF/2024/117"), "PNF-2024-117.pdf");
        assert_eq!(suggested_name("../../etc/passwd"), "etc-passwd.pdf");
        assert_eq!(suggested_name(""), "request.pdf");
        assert_eq!(suggested_name("Réf. 12"), "Réf.-12.pdf");
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
