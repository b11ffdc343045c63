//! `mla sign-pdf`: embed the request (and annexes) in a PDF and sign it (PAdES B-B).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::Utc;
use mla_sign::{
    AfRelationship, Attachment, Password, PdfA, Pkcs11Key, Pkcs11KeySelector, Pkcs12Key, SealImage,
    SignOptions, SignatureBlock, SigningKey,
};

use crate::error::CliError;

/// Environment variable holding the PKCS#12 password or token PIN.
pub const PASSWORD_ENV: &str = "MLA_SIGN_PASSWORD";

/// Sign a PDF (PAdES) with a PKCS#12 file or a PKCS#11 token, embedding the request
///
/// The password (or PIN) is read from $MLA_SIGN_PASSWORD, else from standard input (a
/// prompt without echo on a terminal, else the first line). It is never an argument.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unsigned PDF.
    input: PathBuf,
    /// The signer's PKCS#12 file (.p12 / .pfx).
    #[arg(
        long,
        value_name = "CERT.p12",
        required_unless_present = "pkcs11_module",
        conflicts_with = "pkcs11_module"
    )]
    p12: Option<PathBuf>,
    /// A PKCS#11 module (e.g. /usr/lib/softhsm/libsofthsm2.so) to sign with a token.
    #[arg(long, value_name = "LIB.so")]
    pkcs11_module: Option<PathBuf>,
    /// The token's label [default: the first token].
    #[arg(long, value_name = "LABEL", requires = "pkcs11_module")]
    token: Option<String>,
    /// The key's label on the token [default: the first private key].
    #[arg(long, value_name = "LABEL", requires = "pkcs11_module")]
    key_label: Option<String>,
    /// Certificates (PEM) for a token key: the signer's, when the token has none, and
    /// its issuers.
    #[arg(long, value_name = "CERT.pem", requires = "pkcs11_module")]
    cert: Vec<PathBuf>,
    /// A request file (.mla.json) to embed, byte for byte, as request.mla.json.
    #[arg(long, value_name = "FILE")]
    embed_json: Option<PathBuf>,
    /// An annex to attach (repeat for several).
    #[arg(long, value_name = "FILE")]
    attach: Vec<PathBuf>,
    /// The name in the signature block [default: the certificate's common name].
    #[arg(long, value_name = "TEXT")]
    name: Option<String>,
    /// The signer's function in the signature block.
    #[arg(long, value_name = "TEXT", default_value = "")]
    function: String,
    /// The place of signing.
    #[arg(long, value_name = "TEXT", default_value = "")]
    place: String,
    /// A seal image (PNG or JPEG) for the signature block.
    #[arg(long, value_name = "IMAGE")]
    seal: Option<PathBuf>,
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
    /// An sRGB ICC profile: add PDF/A-3b metadata and an output intent
    /// (Debian: /usr/share/color/icc/sRGB.icc from icc-profiles-free).
    #[arg(long, value_name = "ICC")]
    pdfa_icc: Option<PathBuf>,
    /// The signed PDF to write (atomically; the input is never changed).
    #[arg(short, long, value_name = "OUT.pdf")]
    output: PathBuf,
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|source| CliError::ReadInput {
        path: path.to_path_buf(),
        source,
    })
}

pub(crate) fn sign_err(context: impl Into<String>) -> impl FnOnce(mla_sign::Error) -> CliError {
    let context = context.into();
    move |source| CliError::Sign { context, source }
}

/// The password from the environment, a no-echo prompt, or the first line of stdin.
pub fn read_password(what: &str) -> Result<Password, CliError> {
    if let Some(value) = std::env::var_os(PASSWORD_ENV) {
        let text = value
            .into_string()
            .map_err(|_| CliError::Usage(format!("${PASSWORD_ENV} is not valid UTF-8")))?;
        return Ok(Password::new(text));
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let text = rpassword::prompt_password(format!("{what}: "))
            .map_err(|e| CliError::Usage(format!("cannot read the password: {e}")))?;
        return Ok(Password::new(text));
    }
    let mut line = String::new();
    stdin.read_line(&mut line).map_err(|e| {
        CliError::Usage(format!("cannot read the password from standard input: {e}"))
    })?;
    Ok(Password::from_line(line))
}

pub(crate) fn mime_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("json") => "application/json",
        Some("txt") => "text/plain",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("xml") => "application/xml",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    }
}

pub fn run(args: Args) -> Result<(), CliError> {
    let now = Utc::now();
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
            mime_type: mime_type(path).into(),
            description: None,
            relationship: AfRelationship::Supplement,
        });
    }
    let seal = match &args.seal {
        Some(path) => {
            let bytes = read(path)?;
            Some(if bytes.starts_with(&[0xFF, 0xD8]) {
                SealImage::Jpeg(bytes)
            } else {
                SealImage::Png(bytes)
            })
        }
        None => None,
    };
    let pdfa = match &args.pdfa_icc {
        Some(path) => Some(PdfA {
            srgb_icc_profile: Some(read(path)?),
        }),
        None => None,
    };

    let key: Box<dyn SigningKey> = match (&args.p12, &args.pkcs11_module) {
        (Some(p12), _) => {
            let bytes = read(p12)?;
            let password = read_password(&format!("Password for {}", p12.display()))?;
            Box::new(
                Pkcs12Key::open(&bytes, &password, now)
                    .map_err(sign_err(p12.display().to_string()))?,
            )
        }
        (None, Some(module)) => {
            let mut certs = Vec::new();
            for path in &args.cert {
                certs.extend(
                    mla_sign::parse_certificates(&read(path)?)
                        .map_err(sign_err(path.display().to_string()))?,
                );
            }
            let pin = read_password("Token PIN")?;
            let selector = Pkcs11KeySelector {
                token_label: args.token.clone(),
                key_label: args.key_label.clone(),
                key_id: None,
            };
            Box::new(
                Pkcs11Key::open(module, &selector, &pin, &certs, now)
                    .map_err(sign_err(module.display().to_string()))?,
            )
        }
        (None, None) => return Err(CliError::Usage("give --p12 or --pkcs11-module".into())),
    };
    let leaf = &key.certificate_chain()[0];
    let block = SignatureBlock {
        signer_name: args
            .name
            .clone()
            .or_else(|| mla_sign::common_name(leaf))
            .unwrap_or_default(),
        function: args.function.clone(),
        place: args.place.clone(),
        labels: Default::default(),
        seal,
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
    eprintln!(
        "signed {} -> {} ({} bytes)",
        args.input.display(),
        args.output.display(),
        signed.len()
    );
    Ok(())
}
