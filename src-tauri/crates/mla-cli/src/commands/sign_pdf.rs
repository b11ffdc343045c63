//! `mla sign-pdf`: embed the request (and annexes) in a PDF and sign it (PAdES B-B).

use std::path::PathBuf;

use chrono::Utc;
use mla_sign::{AfRelationship, Attachment, SignOptions, SignatureBlock};

use crate::commands::signing::{read, BlockArgs, KeyArgs, PdfaArgs};
use crate::error::CliError;
use crate::Context;

/// Sign a PDF (PAdES) with a PKCS#12 file or a PKCS#11 token, embedding the request
///
/// The password (or PIN) is read from $MLA_SIGN_PASSWORD, else from standard input (a
/// prompt without echo on a terminal, else the first line). It is never an argument.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unsigned PDF.
    input: PathBuf,
    #[command(flatten)]
    key: KeyArgs,
    /// A request file (.mla.json) to embed, byte for byte, as request.mla.json.
    #[arg(long, value_name = "FILE")]
    embed_json: Option<PathBuf>,
    /// An annex to attach (repeat for several).
    #[arg(long, value_name = "FILE")]
    attach: Vec<PathBuf>,
    #[command(flatten)]
    block: BlockArgs,
    /// A TrueType font (.ttf) to embed for the signature block (needed for PDF/A and for
    /// names outside Latin-1) [default: Helvetica, not embedded].
    #[arg(long, value_name = "FONT.ttf")]
    font: Option<PathBuf>,
    /// Page of the signature block (1-based) [default: the last page].
    #[arg(long, value_name = "N")]
    page: Option<usize>,
    /// Sign without a visible block.
    #[arg(long)]
    invisible: bool,
    /// The reason recorded in the signature.
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
    #[command(flatten)]
    pdfa: PdfaArgs,
    /// The signed PDF to write (atomically; the input is never changed).
    #[arg(short, long, value_name = "OUT.pdf")]
    output: PathBuf,
}

fn sign_err(context: impl Into<String>) -> impl FnOnce(mla_sign::Error) -> CliError {
    let context = context.into();
    move |source| CliError::Sign { context, source }
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let now = Utc::now();
    let mut inputs = vec![("the PDF to sign", args.input.as_path())];
    if let Some(json) = &args.embed_json {
        inputs.push(("the request file", json.as_path()));
    }
    inputs.extend(args.attach.iter().map(|a| ("an annex", a.as_path())));
    inputs.extend(args.key.inputs());
    inputs.extend(args.block.inputs());
    if let Some(font) = &args.font {
        inputs.push(("the font file", font.as_path()));
    }
    inputs.extend(args.pdfa.inputs());
    crate::output::guard_output(&args.output, &inputs, context)?;
    let pdf = read(&args.input)?;
    let request_json = match &args.embed_json {
        Some(path) => {
            let bytes = read(path)?;
            // Embed only a request MLA Desk can read back; the bytes go in unchanged.
            mla_core::parse_request(&bytes).map_err(|source| CliError::BadRequestFile {
                path: path.clone(),
                source,
            })?;
            Some(bytes)
        }
        None => None,
    };
    let mut attachments = Vec::new();
    for path in &args.attach {
        attachments.push(Attachment {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes: read(path)?,
            mime_type: mla_export::mime_type(path).into(),
            description: None,
            relationship: AfRelationship::Supplement,
        });
    }
    let text = args.block.block_text()?;
    let pdfa = args.pdfa.icc()?.map(|icc| mla_sign::PdfA {
        srgb_icc_profile: Some(icc),
    });
    let signer = args
        .key
        .signer()?
        .ok_or_else(|| CliError::Usage("give --p12 or --pkcs11-module".into()))?;
    let key = signer.open(now)?;
    let leaf = &key.certificate_chain()[0];
    let block = SignatureBlock {
        signer_name: text
            .name
            .clone()
            .or_else(|| mla_sign::common_name(leaf))
            .unwrap_or_default(),
        function: text.function,
        place: text.place,
        labels: Default::default(),
        seal: text.seal,
        page: args.page,
        rect: None,
        font: match &args.font {
            Some(path) => Some(read(path)?),
            None => None,
        },
    };
    let opts = SignOptions {
        signing_time: now,
        block: (!args.invisible).then_some(&block),
        attachments: &attachments,
        request_json: request_json.as_deref(),
        reason: args.reason.as_deref(),
        pdfa: pdfa.as_ref(),
    };
    let signed = mla_sign::sign_pdf(&pdf, key.as_ref(), &opts)
        .map_err(sign_err(args.input.display().to_string()))?;
    drop(key);
    mla_sign::write_atomic(&args.output, &signed)
        .map_err(sign_err(args.output.display().to_string()))?;
    tell!(
        "signed {} -> {} ({} bytes)",
        args.input.display(),
        args.output.display(),
        signed.len()
    );
    Ok(())
}
