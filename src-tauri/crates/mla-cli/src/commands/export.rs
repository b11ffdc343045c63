//! `mla export`: a request file to its letter as PDF, with the request embedded, signed.
//! The work is `mla_export::export`, the same pipeline the desktop app runs.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::Utc;

use crate::commands::signing::{read, BlockArgs, KeyArgs, PdfaArgs};
use crate::error::CliError;
use crate::Context;

/// Render a request's letter to PDF, embed the request (and annexes), and sign it
///
/// Without --p12 (alias --sign) or --pkcs11-module the PDF is written unsigned, with the
/// request embedded. The password or PIN comes from $MLA_SIGN_PASSWORD or standard input,
/// never from an argument.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The request file (.mla.json).
    file: PathBuf,
    #[command(flatten)]
    key: KeyArgs,
    /// Letter language (ISO 639-1) [default: the request's drafting language].
    #[arg(long, value_name = "xx")]
    lang: Option<String>,
    /// An annex to attach (repeat for several).
    #[arg(long, value_name = "FILE")]
    attach: Vec<PathBuf>,
    #[command(flatten)]
    block: BlockArgs,
    #[command(flatten)]
    pdfa: PdfaArgs,
    /// Ignore the requested State's profile: address the letter as the request says.
    #[arg(long)]
    no_profile: bool,
    /// The PDF to write (atomically; never the request file or an annex).
    #[arg(short, long, value_name = "OUT.pdf")]
    output: PathBuf,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let now = Utc::now();
    let mut inputs = vec![("the request file", args.file.as_path())];
    inputs.extend(args.attach.iter().map(|a| ("an annex", a.as_path())));
    inputs.extend(args.key.inputs());
    inputs.extend(args.block.inputs());
    inputs.extend(args.pdfa.inputs());
    let protected = crate::output::guard_output(&args.output, &inputs, context)?;
    let json = read(&args.file)?;
    let request = mla_core::parse_request(&json).map_err(|source| CliError::BadRequestFile {
        path: args.file.clone(),
        source,
    })?;
    // The profiles in force, as `mla check` and `mla render` load them.
    let profiles = if args.no_profile {
        None
    } else {
        Some(crate::commands::profiles::load()?.set)
    };
    let job = mla_export::ExportJob {
        request_json: &json,
        request: &request,
        letter: mla_letter::LetterOptions {
            lang: args.lang.clone(),
            central_authority: None,
        },
        profile: profiles
            .as_ref()
            .and_then(|set| set.get(request.requested_state.trim())),
        pdf: Default::default(),
        annexes: &args.attach,
        signer: args.key.signer()?,
        block: args.block.block_text()?,
        pdfa_icc: Some(
            args.pdfa
                .icc()?
                .unwrap_or_else(|| mla_export::SRGB_ICC_PROFILE.to_vec()),
        ),
        now,
        output: &args.output,
        protected: &protected,
    };
    let outcome = mla_export::export(job, &mut |_| {}, &AtomicBool::new(false))?;
    if !outcome.missing_glyphs.is_empty() {
        let chars: String = outcome.missing_glyphs.iter().collect();
        tell!("mla: warning: no bundled font can draw these characters, printed as boxes: {chars}");
    }
    for part in &outcome.needs_translation {
        tell!(
            "mla: warning: `{}` was typed in {} and still needs a human translation into {} \
             (the letter marks it as not translated)",
            part.path,
            part.from,
            part.to
        );
    }
    tell!(
        "{} -> {} ({} pages, {}, {} bytes)",
        args.file.display(),
        args.output.display(),
        outcome.pages,
        if outcome.signed {
            "signed"
        } else {
            "not signed"
        },
        outcome.bytes
    );
    Ok(())
}
