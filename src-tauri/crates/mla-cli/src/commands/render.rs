//! `mla render`: a request file to the letter, as HTML (preview) or PDF.

use std::io::Write;
use std::path::{Path, PathBuf};

use mla_letter::{addressee_from_profile, LetterError, LetterOptions, Letters};
use mla_pdf::{Paper, PdfOptions};

use crate::error::CliError;
use crate::input::read_request_file;
use crate::output::write_atomically;
use crate::Context;

/// Output format of `mla render`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Pdf,
}

/// Paper size of the PDF.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperArg {
    A4,
    Letter,
}

/// Render a request file as the letter of request, in HTML or PDF.
///
/// Template wording is in the chosen language; what the officer typed is never translated:
/// when --lang differs from the request's drafting language it is marked
/// "[needs translation from XX]" and listed on standard error.
///
/// The letter is addressed to the central authority the requested State's profile
/// designates for the request's legal basis (built-in profiles, overridden by an imported
/// pack, as for `mla check`); when the profile names none, to the request's addressee, or
/// an "unknown — verify" line the officer must fill in.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The request file (.mla.json).
    file: PathBuf,
    /// Letter language: ar, zh, en, fr, ru or es [default: the request's drafting language].
    #[arg(long, value_name = "XX")]
    lang: Option<String>,
    /// html or pdf [default: from the extension of -o].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Paper size of the PDF.
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// Draw a box for initials or a seal on every page of the PDF.
    #[arg(long)]
    seal_box: bool,
    /// Ignore the requested State's profile: address the letter as the request says.
    #[arg(long)]
    no_profile: bool,
    /// The file to write; `-` for standard output.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
}

fn format_of(args: &Args) -> Result<Format, CliError> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let name = args.output.to_string_lossy().to_lowercase();
    if name.ends_with(".pdf") {
        Ok(Format::Pdf)
    } else if name.ends_with(".html") || name.ends_with(".htm") {
        Ok(Format::Html)
    } else {
        Err(CliError::Usage(format!(
            "cannot tell the format from {:?}: give --format html or --format pdf",
            args.output.display().to_string()
        )))
    }
}

fn letter_error(e: LetterError) -> CliError {
    match e {
        LetterError::UnknownLanguage { .. } => CliError::Usage(e.to_string()),
        other => CliError::Render(other.to_string()),
    }
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let format = format_of(&args)?;
    crate::output::guard_output(
        &args.output,
        &[("the request file", args.file.as_path())],
        context,
    )?;
    let request = read_request_file(&args.file)?;
    let letters = Letters::load().map_err(letter_error)?;
    // The profiles in force, as `mla check` loads them.
    let profiles = if args.no_profile {
        None
    } else {
        Some(crate::commands::profiles::load()?.set)
    };
    let profile = profiles
        .as_ref()
        .and_then(|set| set.get(request.requested_state.trim()));
    let central_authority = addressee_from_profile(&request, profile);
    let letter = letters
        .letter(
            &request,
            &LetterOptions {
                lang: args.lang.clone(),
                central_authority: central_authority.clone(),
            },
        )
        .map_err(letter_error)?;
    let (bytes, what) = match format {
        Format::Html => (letter.html.clone().into_bytes(), "HTML".to_owned()),
        Format::Pdf => {
            let pdf = mla_pdf::typeset(
                &letter,
                &PdfOptions {
                    paper: match args.paper {
                        PaperArg::A4 => Paper::A4,
                        PaperArg::Letter => Paper::Letter,
                    },
                    seal_box: args.seal_box,
                },
            )
            .map_err(|e| CliError::Render(e.to_string()))?;
            for c in &pdf.missing_glyphs {
                tell!(
                    "mla: warning: no bundled font has {c:?} (U+{:04X}); it is printed as a box",
                    *c as u32
                );
            }
            let pages = pdf.pages;
            (pdf.bytes, format!("PDF, {pages} pages"))
        }
    };
    write_out(&args.output, &bytes)?;
    match (&central_authority, profile) {
        (Some(ca), Some(p)) => tell!(
            "mla: note: addressed to {}'s central authority from its profile: {}",
            p.iso3,
            ca.name
        ),
        _ if args.no_profile => {}
        _ => tell!(
            "mla: note: the profile of {:?} designates no single central authority for this \
             request; the letter uses the request's addressee (verify it)",
            request.requested_state.trim()
        ),
    }
    if let Some(notice) = &letter.draft_notice {
        tell!(
            "mla: note: the {} template is not reviewed by a legal translator; the letter says so: {notice}",
            letter.lang
        );
    }
    if !letter.needs_translation.is_empty() {
        tell!(
            "mla: note: {} parts typed in {} still need a human translation into {}:",
            letter.needs_translation.len(),
            request.drafting_language,
            letter.lang
        );
        for part in &letter.needs_translation {
            tell!("  {}", part.path);
        }
    }
    if args.output.as_os_str() != "-" {
        tell!(
            "letter in {} written to {} ({what})",
            letter.lang,
            args.output.display()
        );
    }
    Ok(())
}

fn write_out(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|_| out.flush())
            .map_err(|source| CliError::WriteOutput {
                path: path.to_path_buf(),
                source,
            });
    }
    write_atomically(path, bytes)
}
