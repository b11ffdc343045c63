//! `mla import`: request files, or the request embedded in a signed PDF, into the register,
//! all or nothing.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::Utc;
use mla_core::Request;

use crate::error::CliError;
use crate::input::read_request_file;
use crate::Context;

/// Import request files (.mla.json) or signed PDFs as new drafts, all or nothing.
///
/// Every file is checked first: if any is unreadable or invalid, every problem is
/// reported and nothing is imported. A PDF is verified as `mla verify` does, and its
/// embedded request (request.mla.json) is imported only when the PDF verifies (every
/// signature valid, nothing changed after the last one, and with --trust a trusted
/// signer); otherwise only with --untrusted, and the register notes the import as
/// UNTRUSTED.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The files to import: request files, or PDFs with an embedded request.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// For PDFs: a trusted CA certificate, PEM or DER (repeat for several); the signer
    /// must chain to one of them.
    #[arg(long, value_name = "CA.pem")]
    trust: Vec<PathBuf>,
    /// For PDFs: import the embedded request even when the PDF does not verify; the
    /// draft's history and the audit log mark it as an UNTRUSTED import.
    #[arg(long)]
    untrusted: bool,
}

/// Whether `path` starts with `%PDF-` (a request file starts with `{`).
fn is_pdf(path: &Path) -> bool {
    let mut head = [0u8; 5];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"%PDF-")
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The request embedded in the PDF at `path`, with its version note; refused unless the
/// PDF verifies or `untrusted` (the decision is `mla_usecase::received`'s).
fn read_pdf_request(
    path: &Path,
    trusted: &[mla_sign::Certificate],
    untrusted: bool,
) -> Result<(Request, String), CliError> {
    use mla_usecase::received::{request_to_import, ImportRefused, RequestProblem};
    let pdf = crate::commands::verify::read_pdf(path)?;
    let sign_err = |source| CliError::Sign {
        context: path.display().to_string(),
        source,
    };
    match request_to_import(&pdf, &display_name(path), trusted, untrusted, Utc::now()) {
        Ok(importable) => Ok((importable.request, importable.note)),
        Err(ImportRefused::Unreadable(e))
        | Err(ImportRefused::Request(RequestProblem::Unreadable(e))) => Err(sign_err(e)),
        Err(refused @ ImportRefused::DoesNotVerify { .. }) => {
            Err(CliError::VerificationFailed(format!(
                "{}: {refused}; check it with `mla verify`, or add --untrusted to import it \
                 anyway, marked UNTRUSTED in the register",
                path.display()
            )))
        }
        Err(ImportRefused::Request(missing @ RequestProblem::Missing)) => {
            Err(CliError::Data(format!("{}: {missing}", path.display())))
        }
        Err(ImportRefused::Request(RequestProblem::NotARequest(source))) => {
            Err(CliError::BadRequestFile {
                path: path.join(mla_sign::REQUEST_JSON_FILE_NAME),
                source,
            })
        }
    }
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let trusted = crate::commands::verify::trusted_cas(&args.trust)?;
    let mut requests = Vec::with_capacity(args.files.len());
    let mut untrusted = Vec::new();
    let mut errors = Vec::new();
    for path in &args.files {
        let read = if is_pdf(path) {
            read_pdf_request(path, &trusted, args.untrusted)
        } else {
            read_request_file(path)
                .map(|request| (request, format!("imported from {}", display_name(path))))
        };
        match read {
            Ok((request, note)) => {
                if note.starts_with(mla_sign::UNTRUSTED_IMPORT_NOTE) {
                    untrusted.push(path);
                }
                requests.push((request, note));
            }
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        if args.files.len() > 1 {
            tell!(
                "mla: nothing imported: {} of {} files have problems",
                errors.len(),
                args.files.len()
            );
        }
        return Err(if errors.len() == 1 {
            errors.remove(0)
        } else {
            CliError::Several(errors)
        });
    }
    // Opened only now: bad input never creates or touches the register.
    let register = context.open_for_writing()?;
    let ids = register.create_many(&requests, &context.actor)?;
    for (path, id) in args.files.iter().zip(ids) {
        say!("{id}\t{}", path.display());
    }
    for path in untrusted {
        tell!(
            "mla: UNTRUSTED: {} does not verify; its request was imported as asked \
             (--untrusted), and its history says so",
            path.display()
        );
    }
    Ok(())
}
