//! `mla verify`: check the signatures of a PDF and extract the embedded request.

use std::path::PathBuf;

use chrono::Utc;
use mla_sign::{TrustStatus, VerificationReport};

use crate::error::CliError;
use crate::output::one_line;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Check the signatures of a PDF and extract its embedded request
///
/// Reports whether each signature is valid, whether the file was changed after signing,
/// who signed, and whether the certificate chains to a trusted CA. Exit code 0 only when every
/// signature is valid, the file is unchanged since the last one, and (with --trust) the
/// signers chain to a trusted CA; 3 otherwise.
///
/// --extract-request writes the embedded request only when the file verifies: a request
/// that no valid signature covers (changed after signing, signature invalid, no signature,
/// signer not trusted) is written only with --untrusted. PDFs over 256 MiB are refused
/// before they are read.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The signed PDF.
    file: PathBuf,
    /// A trusted CA certificate, PEM or DER (repeat for several).
    #[arg(long, value_name = "CA.pem")]
    trust: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the embedded request (request.mla.json) to this file, byte for byte.
    #[arg(long, value_name = "OUT.mla.json")]
    extract_request: Option<PathBuf>,
    /// With --extract-request: write the embedded request even though the file does not
    /// verify (its content is then not vouched for by any signature).
    #[arg(long, requires = "extract_request")]
    untrusted: bool,
}

/// Read a received PDF: over `mla_sign::MAX_PDF_BYTES` it is refused unread.
pub fn read_pdf(path: &std::path::Path) -> Result<Vec<u8>, CliError> {
    mla_sign::read_pdf_file(path).map_err(|source| CliError::Sign {
        context: path.display().to_string(),
        source,
    })
}

/// The CA certificates in the `--trust` files (PEM or DER, several per file).
pub(crate) fn trusted_cas(
    paths: &[std::path::PathBuf],
) -> Result<Vec<mla_sign::Certificate>, CliError> {
    let mut trusted = Vec::new();
    for path in paths {
        trusted.extend(
            mla_sign::parse_certificates(&read(path)?).map_err(|source| CliError::Sign {
                context: path.display().to_string(),
                source,
            })?,
        );
    }
    Ok(trusted)
}

fn read(path: &std::path::Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|source| CliError::ReadInput {
        path: path.to_path_buf(),
        source,
    })
}

/// Each problem and untrusted reason of the JSON report is a code with its values; the
/// English sentence is added beside them as `message`, for people reading the output.
fn add_messages(value: &mut serde_json::Value, report: &VerificationReport) {
    for (i, s) in report.signatures.iter().enumerate() {
        let sig = &mut value["signatures"][i];
        for (j, p) in s.problems.iter().enumerate() {
            sig["problems"][j]["message"] = p.to_string().into();
        }
        if let TrustStatus::Untrusted { reason } = &s.trust {
            sig["trust"]["reason"]["message"] = reason.to_string().into();
        }
    }
}

pub fn run(context: &crate::Context, args: Args) -> Result<(), CliError> {
    if let Some(out) = &args.extract_request {
        let mut inputs = vec![("the PDF being verified", args.file.as_path())];
        inputs.extend(
            args.trust
                .iter()
                .map(|p| ("a trusted CA file", p.as_path())),
        );
        crate::output::guard_output(out, &inputs, context)?;
    }
    let pdf = read_pdf(&args.file)?;
    let trusted = trusted_cas(&args.trust)?;
    let sign_err = |source| CliError::Sign {
        context: args.file.display().to_string(),
        source,
    };
    let examined = mla_usecase::received::examine(&pdf, &trusted, Utc::now()).map_err(sign_err)?;
    let report = examined.report;
    let verdict = examined.verdict.failure().map(str::to_owned);
    match args.format {
        Format::Json => {
            let mut value = serde_json::to_value(&report).expect("report serializes");
            value["verified"] = serde_json::Value::Bool(verdict.is_none());
            value["failure"] = verdict.clone().map_or(serde_json::Value::Null, Into::into);
            add_messages(&mut value, &report);
            let mut text = serde_json::to_string_pretty(&value).expect("json");
            text.push('\n');
            crate::output::print_exact(&text)?;
        }
        Format::Text => crate::output::print(&render_text(
            &args,
            &report,
            verdict.as_deref(),
            !trusted.is_empty(),
        ))?,
    }
    if let Some(out) = &args.extract_request {
        let json = mla_sign::extract_request_json(&pdf).map_err(sign_err)?;
        let Some(json) = json else {
            return Err(CliError::Usage(format!(
                "{} has no embedded request (request.mla.json)",
                args.file.display()
            )));
        };
        match (&verdict, args.untrusted) {
            (None, _) => {}
            (Some(reason), false) => {
                return Err(CliError::VerificationFailed(format!(
                    "{}: not verified: {reason}; the embedded request was NOT written to {}, \
                     because no valid signature vouches for it (add --untrusted to write it \
                     anyway)",
                    args.file.display(),
                    out.display()
                )))
            }
            (Some(_), true) => {}
        }
        mla_sign::write_atomic(out, &json).map_err(|source| CliError::Sign {
            context: out.display().to_string(),
            source,
        })?;
        if verdict.is_some() {
            tell!(
                "UNTRUSTED: the embedded request was written to {} as asked (--untrusted), \
                 although {} does not verify",
                out.display(),
                args.file.display()
            );
        } else {
            tell!("embedded request written to {}", out.display());
        }
    }
    match verdict {
        None => Ok(()),
        Some(reason) => Err(CliError::VerificationFailed(format!(
            "{}: not verified: {reason}",
            args.file.display()
        ))),
    }
}

fn render_text(
    args: &Args,
    report: &VerificationReport,
    verdict: Option<&str>,
    trust_given: bool,
) -> String {
    let mut out = String::new();
    macro_rules! say {
        ($($arg:tt)*) => {{
            out.push_str(&format!($($arg)*));
            out.push('\n');
        }};
    }
    say!(
        "{}: {} signature(s), {} bytes",
        args.file.display(),
        report.signatures.len(),
        report.file_size
    );
    for (i, s) in report.signatures.iter().enumerate() {
        say!("");
        say!(
            "Signature {} ({}): {}",
            i + 1,
            one_line(s.field_name.as_deref().unwrap_or("no field name")),
            if s.is_valid() { "VALID" } else { "INVALID" }
        );
        if let Some(c) = &s.signer {
            say!("  signer:       {}", c.subject);
            say!("  issuer:       {}", c.issuer);
            say!("  serial:       {}", c.serial_hex);
            say!(
                "  valid:        {} to {}",
                c.not_before.to_rfc3339(),
                c.not_after.to_rfc3339()
            );
            say!("  key:          {}", c.key_algorithm);
            say!("  key usage:    {}", c.key_usage.join(", "));
            say!("  SHA-256:      {}", c.sha256_fingerprint);
        }
        if let Some(t) = &s.signing_time {
            say!("  signed at:    {t} (claimed by the signer; no timestamp)");
        }
        if let Some(l) = &s.location {
            say!("  place:        {}", one_line(l));
        }
        if let Some(r) = &s.reason {
            say!("  reason:       {}", one_line(r));
        }
        say!(
            "  format:       {}",
            one_line(s.sub_filter.as_deref().unwrap_or("unknown"))
        );
        say!(
            "  integrity:    {}",
            if s.digest_matches && s.signature_verified {
                "the signed bytes are unchanged"
            } else {
                "FAILED"
            }
        );
        if s.covers_whole_file {
            say!("  coverage:     the whole file");
        } else {
            say!(
                "  coverage:     {} bytes were added after this signature (a later revision)",
                s.bytes_after_signature
            );
        }
        match &s.trust {
            TrustStatus::Trusted { anchor } => {
                say!("  trust:        chains to trusted CA {anchor}")
            }
            TrustStatus::Untrusted { reason } => say!("  trust:        NOT TRUSTED: {reason}"),
            TrustStatus::NotChecked => {
                say!("  trust:        not checked (give --trust CA.pem)")
            }
        }
        for p in &s.problems {
            say!("  problem:      {p}");
        }
    }
    if !report.embedded_files.is_empty() {
        say!("");
        say!("Embedded files:");
        for f in &report.embedded_files {
            say!(
                "  {} ({}, {}, {} bytes)",
                one_line(&f.name),
                one_line(f.mime_type.as_deref().unwrap_or("no type")),
                one_line(f.relationship.as_deref().unwrap_or("no relationship")),
                f.size
            );
        }
    }
    say!("");
    match verdict {
        None if trust_given => {
            say!("Verdict: VERIFIED: signed, unchanged since signing, signer trusted.")
        }
        None => {
            say!("Verdict: VERIFIED: signed and unchanged since signing (trust not checked).")
        }
        Some(reason) => say!("Verdict: NOT VERIFIED: {reason}."),
    }
    out
}
