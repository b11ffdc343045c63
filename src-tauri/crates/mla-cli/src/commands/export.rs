//! `mla export`: a request file to its letter as PDF, with the request embedded, signed.

use std::path::PathBuf;

use chrono::Utc;
use mla_sign::{
    AfRelationship, Attachment, PdfA, Pkcs12Key, SealImage, SignOptions, SignatureBlock,
};

use crate::commands::sign_pdf::{mime_type, read, read_password, sign_err};
use crate::error::CliError;

/// The letter's own body font, also used for the signature block so that it is embedded
/// (PDF/A) and shows the names the letter shows.
const BLOCK_FONT: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSerif-Regular.ttf");

/// Render a request's letter to PDF, embed the request (and annexes), and sign it
///
/// Without --sign the PDF is written unsigned, with the request embedded. The password for
/// --sign comes from $MLA_SIGN_PASSWORD or standard input, never from an argument.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The request file (.mla.json).
    file: PathBuf,
    /// Sign with this PKCS#12 file (.p12 / .pfx).
    #[arg(long, value_name = "CERT.p12")]
    sign: Option<PathBuf>,
    /// Letter language (ISO 639-1) [default: the request's drafting language].
    #[arg(long, value_name = "xx")]
    lang: Option<String>,
    /// An annex to attach (repeat for several).
    #[arg(long, value_name = "FILE")]
    attach: Vec<PathBuf>,
    /// The signer's function in the signature block.
    #[arg(long, value_name = "TEXT", default_value = "")]
    function: String,
    /// The place of signing.
    #[arg(long, value_name = "TEXT", default_value = "")]
    place: String,
    /// A seal image (PNG or JPEG) for the signature block.
    #[arg(long, value_name = "IMAGE")]
    seal: Option<PathBuf>,
    /// An sRGB ICC profile: add PDF/A-3b metadata and an output intent.
    #[arg(long, value_name = "ICC")]
    pdfa_icc: Option<PathBuf>,
    /// The PDF to write (atomically).
    #[arg(short, long, value_name = "OUT.pdf")]
    output: PathBuf,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let now = Utc::now();
    let json = read(&args.file)?;
    let request = mla_core::parse_request(&json).map_err(|source| CliError::BadRequestFile {
        path: args.file.clone(),
        source,
    })?;
    let letters = mla_letter::Letters::load()
        .map_err(|e| CliError::Render(format!("cannot load the letter templates: {e}")))?;
    let letter = letters
        .letter(
            &request,
            &mla_letter::LetterOptions {
                lang: args.lang.clone(),
                central_authority: None,
            },
        )
        .map_err(|e| CliError::Render(format!("{}: {e}", args.file.display())))?;
    let typeset = mla_pdf::typeset(&letter, &mla_pdf::PdfOptions::default())
        .map_err(|e| CliError::Render(format!("{}: {e}", args.file.display())))?;
    if !typeset.missing_glyphs.is_empty() {
        let chars: String = typeset.missing_glyphs.iter().collect();
        eprintln!(
            "mla: warning: no bundled font can draw these characters, printed as boxes: {chars}"
        );
    }
    for part in &letter.needs_translation {
        eprintln!(
            "mla: warning: still needs a human translation into {}: {part:?}",
            letter.lang
        );
    }

    let mut attachments = Vec::new();
    for path in &args.attach {
        attachments.push(Attachment {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes: read(path)?,
            mime_type: mime_type(path).into(),
            description: None,
            relationship: AfRelationship::Supplement,
        });
    }
    let pdfa = match &args.pdfa_icc {
        Some(path) => Some(PdfA {
            srgb_icc_profile: Some(read(path)?),
        }),
        None => None,
    };
    let context = args.file.display().to_string();
    let bytes = match &args.sign {
        None => mla_sign::embed_files(
            &typeset.bytes,
            &attachments,
            Some(&json),
            pdfa.as_ref(),
            now,
        )
        .map_err(sign_err(context))?,
        Some(p12) => {
            let p12_bytes = read(p12)?;
            let password = read_password(&format!("Password for {}", p12.display()))?;
            let key = Pkcs12Key::open(&p12_bytes, &password, now)
                .map_err(sign_err(p12.display().to_string()))?;
            drop(password);
            let leaf = &mla_sign::SigningKey::certificate_chain(&key)[0];
            let seal = match &args.seal {
                Some(path) => {
                    let b = read(path)?;
                    Some(if b.starts_with(&[0xFF, 0xD8]) {
                        SealImage::Jpeg(b)
                    } else {
                        SealImage::Png(b)
                    })
                }
                None => None,
            };
            let block = SignatureBlock {
                signer_name: mla_sign::common_name(leaf).unwrap_or_default(),
                function: args.function.clone(),
                place: args.place.clone(),
                labels: Default::default(),
                seal,
                page: None,
                rect: None,
                font: Some(BLOCK_FONT.to_vec()),
            };
            let opts = SignOptions {
                signing_time: now,
                block: Some(&block),
                attachments: &attachments,
                request_json: Some(&json),
                reason: None,
                pdfa: pdfa.as_ref(),
            };
            mla_sign::sign_pdf(&typeset.bytes, &key, &opts).map_err(sign_err(context))?
        }
    };
    mla_sign::write_atomic(&args.output, &bytes)
        .map_err(sign_err(args.output.display().to_string()))?;
    eprintln!(
        "{} -> {} ({} pages, {}, {} bytes)",
        args.file.display(),
        args.output.display(),
        typeset.pages,
        if args.sign.is_some() {
            "signed"
        } else {
            "not signed"
        },
        bytes.len()
    );
    Ok(())
}
