//! The export pipeline shared by `mla export` and the desktop app: a request becomes its
//! letter, typeset, with the request and the chosen annexes embedded, signed (or not), and
//! written atomically.
//!
//! [`export`] reports [`Progress`] through a callback (an overall fraction that never goes
//! down, and the stage: key, letter, typesetting, each annex with bytes done/total,
//! signing, writing) and checks a cancel flag between the stages and inside the long ones
//! (reading annexes, writing). A cancelled or failed export leaves no output file and no
//! temporary file, and an existing file at the output path is left as it was. The request
//! is only read: the caller's draft is never written.
//!
//! Like the crates it chains, this one reads no clock: "now" (signing time, certificate
//! validity) is passed in.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use mla_core::Request;
use mla_letter::{LetterOptions, TranslationPart};
use mla_sign::{
    AfRelationship, Attachment, Certificate, PdfA, Pkcs11Key, Pkcs12Key, SealImage, SignOptions,
    SignatureBlock, SigningKey,
};

pub use mla_sign::{Password, Pkcs11KeySelector, VerificationReport};

/// The letter's own body font, also used for the signature block so that it is embedded
/// (PDF/A) and shows the names the letter shows.
pub const BLOCK_FONT: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerif-Regular.ttf");

/// Bytes read from an annex between two progress reports and cancel checks.
const READ_CHUNK: usize = 1 << 20;

/// Why an export did not produce its file. In every case nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the export was cancelled; nothing was written")]
    Cancelled,
    /// The output path is (after resolving links, or as a hard link) one of the inputs:
    /// writing it would replace that input. See [`check_output`].
    #[error(
        "the output {} would replace {what} ({}); nothing was written: choose another \
         output file",
        path.display(),
        input.display()
    )]
    OutputIsInput {
        /// The output path as given.
        path: PathBuf,
        /// The input it would replace, as given.
        input: PathBuf,
        /// What that input is ("the request file", "the register's WAL file", ...).
        what: String,
    },
    #[error("the folder {path} does not exist")]
    NoOutputFolder { path: PathBuf },
    #[error("cannot load the letter templates: {0}")]
    Templates(#[source] mla_letter::LetterError),
    #[error("cannot produce the letter: {0}")]
    Letter(#[source] mla_letter::LetterError),
    #[error("cannot typeset the letter: {0}")]
    Typeset(#[source] mla_pdf::PdfError),
    #[error("cannot read the annex {path}: {source}")]
    ReadAnnex {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Opening the PKCS#12 file or the token: wrong password, no private key, expired or
    /// not-yet-valid certificate, a certificate not meant for signing.
    #[error("{context}: {source}")]
    Key {
        context: String,
        #[source]
        source: mla_sign::Error,
    },
    /// Embedding the files or signing (including a corrupt seal image or ICC profile).
    #[error("cannot sign the PDF: {0}")]
    Sign(#[source] mla_sign::Error),
    #[error("{0}")]
    Write(#[source] mla_sign::Error),
}

impl ExportError {
    /// A stable machine-readable code (the app sends it to its UI).
    pub fn code(&self) -> &'static str {
        use mla_sign::Error as E;
        match self {
            ExportError::Cancelled => "export_cancelled",
            ExportError::OutputIsInput { .. } => "export_output_is_input",
            ExportError::NoOutputFolder { .. } => "export_write_failed",
            ExportError::Templates(_) | ExportError::Letter(_) => "export_letter_failed",
            ExportError::Typeset(_) => "export_typeset_failed",
            ExportError::ReadAnnex { .. } => "export_annex_unreadable",
            ExportError::Key { source, .. } => match source {
                E::WrongPassword => "sign_wrong_password",
                E::CertificateExpired { .. } => "sign_certificate_expired",
                E::CertificateNotYetValid { .. } => "sign_certificate_not_yet_valid",
                E::NoPrivateKey => "sign_no_private_key",
                E::KeyUsageNotForSigning { .. } => "sign_certificate_not_for_signing",
                E::Pkcs11(_) => "sign_token_failed",
                E::WrongPin => "sign_wrong_pin",
                E::PinLocked => "sign_pin_locked",
                E::NoToken(_) => "sign_no_token",
                E::NoTokenKey(_) => "sign_no_token_key",
                _ => "sign_key_unreadable",
            },
            ExportError::Sign(E::BadSealImage(_)) => "sign_seal_unreadable",
            ExportError::Sign(_) => "sign_failed",
            ExportError::Write(_) => "export_write_failed",
        }
    }
}

/// The key to sign with. The password or PIN is zeroed when the signer is dropped, which
/// [`export`] does as soon as the key is open.
pub enum Signer {
    Pkcs12 {
        /// The .p12 / .pfx file's bytes.
        p12: Vec<u8>,
        password: Password,
        /// How to name the file in messages (its path or file name).
        label: String,
    },
    Pkcs11 {
        module: PathBuf,
        selector: Pkcs11KeySelector,
        pin: Password,
        /// The signer's certificate when the token holds none, and its issuers.
        certificates: Vec<Certificate>,
    },
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Signer::Pkcs12 { label, .. } => write!(f, "Signer::Pkcs12({label})"),
            Signer::Pkcs11 { module, .. } => write!(f, "Signer::Pkcs11({})", module.display()),
        }
    }
}

impl Signer {
    /// Open the key (checking the certificate against `now`); the password is dropped,
    /// and so zeroed, when this returns.
    pub fn open(self, now: DateTime<Utc>) -> Result<Box<dyn SigningKey>, ExportError> {
        match self {
            Signer::Pkcs12 {
                p12,
                password,
                label,
            } => Pkcs12Key::open(&p12, &password, now)
                .map(|k| Box::new(k) as Box<dyn SigningKey>)
                .map_err(|source| ExportError::Key {
                    context: label,
                    source,
                }),
            Signer::Pkcs11 {
                module,
                selector,
                pin,
                certificates,
            } => Pkcs11Key::open(&module, &selector, &pin, &certificates, now)
                .map(|k| Box::new(k) as Box<dyn SigningKey>)
                .map_err(|source| ExportError::Key {
                    context: module.display().to_string(),
                    source,
                }),
        }
    }
}

/// The text of the visible signature block.
#[derive(Debug, Clone, Default)]
pub struct BlockText {
    /// The signer's name [default: the certificate's common name].
    pub name: Option<String>,
    /// The signer's function ("Public prosecutor").
    pub function: String,
    pub place: String,
    pub seal: Option<SealImage>,
}

/// Everything one export needs.
#[derive(Debug)]
pub struct ExportJob<'a> {
    /// The request file's bytes, embedded byte for byte as `request.mla.json`.
    pub request_json: &'a [u8],
    /// The same request, parsed.
    pub request: &'a Request,
    /// Letter language and the requested State's central authority. When
    /// `central_authority` is `None`, the authority `profile` designates is used
    /// ([`mla_letter::addressee_from_profile`]), else the request's addressee.
    pub letter: LetterOptions,
    /// The requested State's profile (built-in or imported), if any.
    pub profile: Option<&'a mla_core::Profile>,
    pub pdf: mla_pdf::PdfOptions,
    /// Annex files, embedded in this order (`/AFRelationship /Supplement`).
    pub annexes: &'a [PathBuf],
    /// `None` writes the PDF unsigned, with the request and annexes embedded.
    pub signer: Option<Signer>,
    pub block: BlockText,
    /// An sRGB ICC profile: add PDF/A-3b identification and an output intent.
    pub pdfa_icc: Option<Vec<u8>>,
    /// Signing time and the moment certificate validity is judged at.
    pub now: DateTime<Utc>,
    pub output: &'a Path,
    /// Files the output must never replace besides the annexes (the request's own file,
    /// the register and its companions: [`Protected::register`]).
    pub protected: &'a [Protected],
}

/// Where an export is.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Opening the PKCS#12 file or the token and checking the certificate.
    OpeningKey,
    Letter,
    Typesetting,
    /// Reading annex `index` (0-based) of `count`.
    Annex {
        index: usize,
        count: usize,
        name: String,
        done: u64,
        total: u64,
    },
    /// Embedding the files and, when a key is given, signing.
    Signing,
    Writing {
        done: u64,
        total: u64,
    },
    Done,
}

/// A progress report: the stage and the overall fraction done (0 to 1, never decreasing
/// within one export).
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub stage: Stage,
    pub fraction: f64,
}

/// What an export produced.
#[derive(Debug, Clone)]
pub struct ExportOutcome {
    pub output: PathBuf,
    pub pages: usize,
    pub bytes: u64,
    pub signed: bool,
    /// The language of the letter.
    pub lang: String,
    /// The signer's name as shown in the block (when signed).
    pub signer_name: Option<String>,
    /// Characters no bundled font can draw (printed as boxes).
    pub missing_glyphs: Vec<char>,
    /// Officer text left in another language than the letter's.
    pub needs_translation: Vec<TranslationPart>,
}

// Where each stage starts on the overall 0..1 scale.
const AT_KEY: f64 = 0.0;
const AT_LETTER: f64 = 0.02;
const AT_TYPESET: f64 = 0.07;
const AT_ANNEXES: f64 = 0.27;
const AT_SIGNING: f64 = 0.72;
const AT_WRITING: f64 = 0.90;

struct Reporter<'a> {
    callback: &'a mut dyn FnMut(&Progress),
    cancel: &'a AtomicBool,
    last: f64,
}

impl Reporter<'_> {
    fn report(&mut self, stage: Stage, fraction: f64) -> Result<(), ExportError> {
        self.check()?;
        let fraction = fraction.clamp(self.last, 1.0);
        self.last = fraction;
        (self.callback)(&Progress { stage, fraction });
        Ok(())
    }

    fn check(&self) -> Result<(), ExportError> {
        if self.cancel.load(Ordering::SeqCst) {
            Err(ExportError::Cancelled)
        } else {
            Ok(())
        }
    }
}

/// Run one export. See the crate documentation for what progress, cancel and errors
/// guarantee.
pub fn export(
    job: ExportJob<'_>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<ExportOutcome, ExportError> {
    let mut r = Reporter {
        callback: progress,
        cancel,
        last: 0.0,
    };
    let ExportJob {
        request_json,
        request,
        letter: mut letter_options,
        profile,
        pdf: pdf_options,
        annexes,
        signer,
        block,
        pdfa_icc,
        now,
        output,
        protected,
    } = job;
    let annex_inputs: Vec<Protected> = annexes
        .iter()
        .map(|a| Protected::new("an annex", a))
        .collect();
    check_output(
        output,
        &annex_inputs
            .into_iter()
            .chain(protected.iter().cloned())
            .collect::<Vec<_>>(),
    )?;

    // The key first: a wrong password is reported before any work is done, and the
    // password is zeroed (dropped with the signer) right away.
    let key = match signer {
        Some(signer) => {
            r.report(Stage::OpeningKey, AT_KEY)?;
            Some(signer.open(now)?)
        }
        None => None,
    };

    r.report(Stage::Letter, AT_LETTER)?;
    if letter_options.central_authority.is_none() {
        letter_options.central_authority = mla_letter::addressee_from_profile(request, profile);
    }
    let letters = mla_letter::Letters::load().map_err(ExportError::Templates)?;
    let letter = letters
        .letter(request, &letter_options)
        .map_err(ExportError::Letter)?;

    r.report(Stage::Typesetting, AT_TYPESET)?;
    let typeset = mla_pdf::typeset(&letter, &pdf_options).map_err(ExportError::Typeset)?;

    let attachments = read_annexes(annexes, &mut r)?;

    r.report(Stage::Signing, AT_SIGNING)?;
    let pdfa = pdfa_icc.map(|icc| PdfA {
        srgb_icc_profile: Some(icc),
    });
    let (bytes, signer_name) = seal(
        &typeset.bytes,
        key.as_deref(),
        &block,
        &attachments,
        request_json,
        pdfa.as_ref(),
        now,
    )?;
    drop(key);
    drop(attachments);

    let total = bytes.len() as u64;
    r.report(Stage::Writing { done: 0, total }, AT_WRITING)?;
    write_output(&mut r, output, &bytes)?;
    // The file is in place: from here on a cancel comes too late and is ignored.
    r.last = 1.0;
    (r.callback)(&Progress {
        stage: Stage::Done,
        fraction: 1.0,
    });
    Ok(ExportOutcome {
        output: output.to_path_buf(),
        pages: typeset.pages,
        bytes: total,
        signed: signer_name.is_some(),
        lang: letter.lang.clone(),
        signer_name,
        missing_glyphs: typeset.missing_glyphs,
        needs_translation: letter.needs_translation,
    })
}

/// The letter's PDF with the request and annexes embedded: signed with `key` (the
/// signature block naming the signer), or unsigned when there is no key. Returns the bytes
/// and the signer's name.
fn seal(
    letter_pdf: &[u8],
    key: Option<&dyn SigningKey>,
    block: &BlockText,
    attachments: &[Attachment],
    request_json: &[u8],
    pdfa: Option<&PdfA>,
    now: DateTime<Utc>,
) -> Result<(Vec<u8>, Option<String>), ExportError> {
    Ok(match key {
        None => (
            mla_sign::embed_files(letter_pdf, attachments, Some(request_json), pdfa, now)
                .map_err(ExportError::Sign)?,
            None,
        ),
        Some(key) => {
            let leaf = &key.certificate_chain()[0];
            let signer_name = block
                .name
                .clone()
                .or_else(|| mla_sign::common_name(leaf))
                .unwrap_or_default();
            let sig_block = SignatureBlock {
                signer_name: signer_name.clone(),
                function: block.function.clone(),
                place: block.place.clone(),
                labels: Default::default(),
                seal: block.seal.clone(),
                page: None,
                rect: None,
                font: Some(BLOCK_FONT.to_vec()),
            };
            let opts = SignOptions {
                signing_time: now,
                block: Some(&sig_block),
                attachments,
                request_json: Some(request_json),
                reason: None,
                pdfa,
            };
            (
                mla_sign::sign_pdf(letter_pdf, key, &opts).map_err(ExportError::Sign)?,
                Some(signer_name),
            )
        }
    })
}

/// Write the output atomically, reporting progress; a cancel during the write leaves
/// nothing behind and is reported as [`ExportError::Cancelled`].
fn write_output(r: &mut Reporter<'_>, output: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let mut stopped_by_cancel = false;
    let written = mla_sign::write_atomic_with_progress(output, bytes, &mut |done, total| {
        let step = if total == 0 {
            1.0
        } else {
            done as f64 / total as f64
        };
        match r.report(
            Stage::Writing { done, total },
            AT_WRITING + (1.0 - AT_WRITING) * step * 0.99,
        ) {
            Ok(()) => true,
            Err(_) => {
                stopped_by_cancel = true;
                false
            }
        }
    })
    .map_err(ExportError::Write)?;
    if !written || stopped_by_cancel {
        return Err(ExportError::Cancelled);
    }
    Ok(())
}

/// A file an output must never replace, and how to name it when refusing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    /// What the file is, for the error ("the request file", "the register").
    pub what: String,
    pub path: PathBuf,
}

impl Protected {
    pub fn new(what: impl Into<String>, path: impl Into<PathBuf>) -> Protected {
        Protected {
            what: what.into(),
            path: path.into(),
        }
    }

    /// The register file and the files SQLite keeps beside it (`-wal`, `-shm`,
    /// `-journal`), whether they exist now or not. When `register` is a link, the same
    /// names beside its target too (SQLite resolves the link and puts them there).
    pub fn register(register: &Path, what: &str) -> Vec<Protected> {
        let mut bases = vec![register.to_path_buf()];
        if let Ok(target) = register.canonicalize() {
            if target != register {
                bases.push(target);
            }
        }
        let mut out = Vec::new();
        for base in bases {
            for (suffix, kind) in [
                ("", ""),
                ("-wal", "'s WAL file"),
                ("-shm", "'s shared-memory file"),
                ("-journal", "'s journal"),
            ] {
                let mut path = base.clone().into_os_string();
                path.push(suffix);
                out.push(Protected::new(format!("{what}{kind}"), path));
            }
        }
        out
    }
}

/// The one output guard of MLA Desk (the app's export, `mla export` and every other `mla`
/// command that writes a file call it): refuse an output path that would replace one of
/// `protected`, or whose folder does not exist, before any work is done.
///
/// "Would replace" is judged after resolving links: the output's folder is resolved (an
/// output that does not exist yet in a folder reached through a link is compared by its
/// real place), a link at the output path is compared by what it points to, and where both
/// files exist they are compared by device and inode, so a hard link to an input is
/// refused too. A protected file that does not exist yet (the register's WAL between two
/// sessions) is compared by its resolved folder and name.
pub fn check_output(output: &Path, protected: &[Protected]) -> Result<(), ExportError> {
    let folder = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(real_folder) = folder.canonicalize() else {
        return Err(ExportError::NoOutputFolder { path: folder });
    };
    if !real_folder.is_dir() {
        return Err(ExportError::NoOutputFolder { path: folder });
    }
    let Some(name) = output.file_name() else {
        return Err(ExportError::Write(mla_sign::Error::Write {
            path: output.display().to_string(),
            reason: "the path names no file".into(),
        }));
    };
    let resolved = real_folder.join(name);
    // A symbolic link at the output path would be replaced, not followed, by the rename;
    // still compare what it points to, so that a link to the draft is refused too.
    let target = resolved.canonicalize().ok();
    let output_id = file_id(&resolved);
    for input in protected {
        let Some(input_path) = resolve(&input.path) else {
            continue;
        };
        let same_path = input_path == resolved || target.as_ref() == Some(&input_path);
        let same_file = output_id.is_some() && output_id == file_id(&input_path);
        if same_path || same_file {
            return Err(ExportError::OutputIsInput {
                path: output.to_path_buf(),
                input: input.path.clone(),
                what: input.what.clone(),
            });
        }
    }
    Ok(())
}

/// `path` with every link resolved; for a file that does not exist, its resolved folder
/// joined with its name. `None` when even the folder does not exist.
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = path.canonicalize() {
        return Some(real);
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(folder.canonicalize().ok()?.join(path.file_name()?))
}

/// Device and inode of the file `path` names (following links), to recognise hard links.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Elsewhere only the resolved paths are compared.
#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<(u64, u64)> {
    None
}

fn read_annexes(paths: &[PathBuf], r: &mut Reporter<'_>) -> Result<Vec<Attachment>, ExportError> {
    let sizes: Vec<u64> = paths
        .iter()
        .map(|p| {
            std::fs::metadata(p)
                .map(|m| m.len())
                .map_err(|source| ExportError::ReadAnnex {
                    path: p.clone(),
                    source,
                })
        })
        .collect::<Result<_, _>>()?;
    let all: u64 = sizes.iter().sum::<u64>().max(1);
    let mut before = 0u64;
    let mut out = Vec::with_capacity(paths.len());
    for (index, (path, &size)) in paths.iter().zip(&sizes).enumerate() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let err = |source| ExportError::ReadAnnex {
            path: path.clone(),
            source,
        };
        let mut file = std::fs::File::open(path).map_err(err)?;
        let mut bytes = Vec::with_capacity(size as usize);
        let mut chunk = vec![0u8; READ_CHUNK];
        loop {
            let done = bytes.len() as u64;
            r.report(
                Stage::Annex {
                    index,
                    count: paths.len(),
                    name: name.clone(),
                    done,
                    total: size.max(done),
                },
                AT_ANNEXES + (AT_SIGNING - AT_ANNEXES) * ((before + done) as f64 / all as f64),
            )?;
            let n = file.read(&mut chunk).map_err(err)?;
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
        }
        before += size;
        out.push(Attachment {
            mime_type: mime_type(path).into(),
            file_name: name,
            bytes,
            description: None,
            relationship: AfRelationship::Supplement,
        });
    }
    Ok(out)
}

/// The MIME type recorded for an embedded file, from its extension.
pub fn mime_type(path: &Path) -> &'static str {
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

/// A seal image from a PNG or JPEG file's bytes (JPEG recognised by its signature).
pub fn seal_image(bytes: Vec<u8>) -> SealImage {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        SealImage::Jpeg(bytes)
    } else {
        SealImage::Png(bytes)
    }
}

/// Read a written PDF back and verify its signatures (no trusted CA: trust is reported as
/// not checked). Used right after an export, on the file as it is on disk.
pub fn verify_file(path: &Path, now: DateTime<Utc>) -> Result<VerificationReport, ExportError> {
    let bytes = std::fs::read(path).map_err(|e| {
        ExportError::Write(mla_sign::Error::Write {
            path: path.display().to_string(),
            reason: format!("cannot read the written file back: {e}"),
        })
    })?;
    mla_sign::verify_pdf(&bytes, &mla_sign::VerifyOptions { trusted: &[], now })
        .map_err(ExportError::Sign)
}

/// The sRGB ICC profile bundled with MLA Desk (`assets/icc/`, zlib licence): the output
/// intent that makes an exported letter PDF/A-3b without the user finding a profile.
pub const SRGB_ICC_PROFILE: &[u8] = include_bytes!("../../../../assets/icc/sRGB.icc");
