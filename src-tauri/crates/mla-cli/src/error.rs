//! The CLI's error: what went wrong, and which exit code says so.

use std::path::PathBuf;

use mla_core::FormatError;
use mla_store::StoreError;

/// Exit code for errors in the data given (see `mla --help`).
pub const EXIT_DATA: u8 = 1;
/// Exit code for usage errors and input or output that cannot be read or written.
pub const EXIT_UNREADABLE: u8 = 2;
/// Exit code of `mla verify` when the PDF does not verify (see `mla verify --help`).
pub const EXIT_NOT_VERIFIED: u8 = 3;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),

    /// A request file could not be read at all.
    #[error("cannot read {}: {source}", path.display())]
    ReadInput {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A request file was read but is not a valid request.
    #[error("{}: {source}", path.display())]
    BadRequestFile {
        path: PathBuf,
        #[source]
        source: FormatError,
    },

    /// An output file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    WriteOutput {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Embedding, signing, verifying or writing a signed PDF failed.
    #[error("{context}: {source}")]
    Sign {
        context: String,
        #[source]
        source: mla_sign::Error,
    },

    /// The export pipeline (letter, annexes, key, signature, write) failed or was cancelled.
    #[error(transparent)]
    Export(#[from] mla_export::ExportError),

    /// `mla verify` found the signature invalid, untrusted, absent, or the file changed.
    #[error("{0}")]
    VerificationFailed(String),

    /// Standard output was closed by its reader (`mla list | head`): not worth a message.
    #[error("standard output closed")]
    StdoutClosed,

    /// A profile pack could not be read, imported or loaded.
    #[error(transparent)]
    Profiles(#[from] mla_profiles::PackError),

    /// The data given is wrong (e.g. not an ISO country code).
    #[error("{0}")]
    Data(String),
    /// The letter could not be rendered (a template or typesetting failure).
    #[error("cannot render the letter: {0}")]
    Render(String),

    /// Bad arguments clap cannot check by itself.
    #[error("{0}")]
    Usage(String),

    /// `mla check`: the request file could not be read or parsed. Exit code 2, because
    /// `mla check` uses 1 for "blockers found".
    #[error(transparent)]
    CheckInput(Box<CliError>),

    /// `mla check` found blockers; the findings are already printed.
    #[error("blockers found")]
    BlockersFound,

    /// Several errors (one per input file), all reported.
    #[error("{} errors", .0.len())]
    Several(Vec<CliError>),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::StdoutClosed => 0,
            CliError::CheckInput(_) => EXIT_UNREADABLE,
            CliError::BlockersFound => EXIT_DATA,
            CliError::Store(e) if e.is_register_problem() => EXIT_UNREADABLE,
            CliError::Store(_) => EXIT_DATA,
            CliError::BadRequestFile { .. } => EXIT_DATA,
            CliError::Data(_) => EXIT_DATA,
            CliError::Profiles(
                mla_profiles::PackError::Rejected { .. } | mla_profiles::PackError::Zip { .. },
            ) => EXIT_DATA,
            CliError::Profiles(_) => EXIT_UNREADABLE,
            CliError::ReadInput { .. }
            | CliError::WriteOutput { .. }
            | CliError::Usage(_)
            | CliError::Render(_) => EXIT_UNREADABLE,
            CliError::Sign {
                source:
                    mla_sign::Error::Write { .. }
                    | mla_sign::Error::Read(_)
                    | mla_sign::Error::PdfTooLarge { .. },
                ..
            } => EXIT_UNREADABLE,
            CliError::Sign { .. } => EXIT_DATA,
            CliError::Export(e) => match e {
                mla_export::ExportError::Write(_)
                | mla_export::ExportError::NoOutputFolder { .. }
                | mla_export::ExportError::ReadAnnex { .. }
                | mla_export::ExportError::OutputIsInput { .. }
                | mla_export::ExportError::Templates(_)
                | mla_export::ExportError::Typeset(_)
                | mla_export::ExportError::Letter(_)
                | mla_export::ExportError::Cancelled => EXIT_UNREADABLE,
                mla_export::ExportError::Key { .. } | mla_export::ExportError::Sign(_) => EXIT_DATA,
            },
            CliError::VerificationFailed(_) => EXIT_NOT_VERIFIED,
            CliError::Several(errors) => errors
                .iter()
                .map(CliError::exit_code)
                .max()
                .unwrap_or(EXIT_DATA),
        }
    }

    /// What to print on stderr for this error, one line per problem (none for an error
    /// that was already said, such as blockers found). The caller prints it through
    /// `output::print_stderr`, so this module does not depend on the output one.
    pub fn report_lines(&self) -> Vec<String> {
        match self {
            CliError::Several(errors) => errors.iter().flat_map(CliError::report_lines).collect(),
            CliError::StdoutClosed | CliError::BlockersFound => Vec::new(),
            other => vec![format!("mla: error: {other}\n")],
        }
    }
}
