//! The register's one error type.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::DraftId;

/// Why a register operation failed. Variants that concern the file name it; none of them
/// is ever "fixed" by rewriting the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another connection holds a lock for longer than the busy timeout (SQLITE_BUSY /
    /// SQLITE_LOCKED).
    #[error(
        "the register {} is locked by another program (another MLA Desk window or `mla` \
         command?); nothing was changed; close it and try again",
        path.display()
    )]
    Locked { path: PathBuf },

    /// The file (or its directory) cannot be written, or it was opened read-only
    /// (SQLITE_READONLY).
    #[error(
        "the register {} is read-only (file or folder not writable, or opened read-only); \
         nothing was changed",
        path.display()
    )]
    ReadOnly { path: PathBuf },

    /// The file is not an SQLite database at all (SQLITE_NOTADB): a text file, random
    /// bytes, an encrypted file...
    #[error(
        "{} is not an MLA Desk register (not an SQLite database); it was left untouched",
        path.display()
    )]
    NotADatabase { path: PathBuf },

    /// An SQLite database that belongs to another program.
    #[error(
        "{} is an SQLite database of another program, not an MLA Desk register; it was left \
         untouched",
        path.display()
    )]
    NotARegister { path: PathBuf },

    /// The database is damaged (SQLITE_CORRUPT).
    #[error(
        "the register {} is damaged ({detail}); it was left untouched: restore it from a \
         backup",
        path.display()
    )]
    Corrupt { path: PathBuf, detail: String },

    /// The file cannot be opened at all (missing folder, a directory, permissions).
    #[error("cannot open the register {}: {detail}", path.display())]
    CannotOpen { path: PathBuf, detail: String },

    /// The register was written by a newer MLA Desk whose schema this build does not know.
    #[error(
        "the register {} has schema version {found}, newer than this MLA Desk knows \
         (up to {supported}); update MLA Desk to open it",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// A read-only open of a register that still needs its migrations.
    #[error(
        "the register {} has schema version {found} and needs upgrading to {supported}, which \
         a read-only open cannot do",
        path.display()
    )]
    OutdatedSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// The disk is full (SQLITE_FULL); the transaction was rolled back.
    #[error("the disk holding the register {} is full; nothing was changed", path.display())]
    DiskFull { path: PathBuf },

    /// No draft with this id.
    #[error("no draft with id {0} in the register")]
    NotFound(DraftId),

    /// The draft exists but has no such version.
    #[error("draft {id} has no version {version}")]
    VersionNotFound { id: DraftId, version: i64 },

    /// A stored version could not be read back as a request.
    #[error("draft {id}, version {version}: the stored request cannot be read: {source}")]
    Format {
        id: DraftId,
        version: i64,
        #[source]
        source: mla_core::FormatError,
    },

    /// A status outside [`crate::STATUSES`].
    #[error("unknown status `{0}` (expected one of: {list})", list = crate::STATUSES.join(", "))]
    InvalidStatus(String),

    /// The user's data directory could not be determined (no HOME?).
    #[error(
        "cannot find the user data directory for the default register; set MLA_REGISTER or \
         pass --register"
    )]
    NoDataDir,

    /// A file-system error around the register (creating its folder...).
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Any other SQLite failure (SQLITE_IOERR, ...).
    #[error("the register {}: SQLite error: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

impl StoreError {
    /// A stable, machine-readable code (for `{ code, message }` at the IPC boundary).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Locked { .. } => "register_locked",
            StoreError::ReadOnly { .. } => "register_read_only",
            StoreError::NotADatabase { .. } => "register_not_a_database",
            StoreError::NotARegister { .. } => "register_foreign_database",
            StoreError::Corrupt { .. } => "register_corrupt",
            StoreError::CannotOpen { .. } => "register_cannot_open",
            StoreError::NewerSchema { .. } => "register_newer_schema",
            StoreError::OutdatedSchema { .. } => "register_outdated_schema",
            StoreError::DiskFull { .. } => "register_disk_full",
            StoreError::NotFound(_) => "draft_not_found",
            StoreError::VersionNotFound { .. } => "version_not_found",
            StoreError::Format { .. } => "stored_request_unreadable",
            StoreError::InvalidStatus(_) => "invalid_status",
            StoreError::NoDataDir => "no_data_dir",
            StoreError::Io { .. } => "register_io",
            StoreError::Sqlite { .. } => "register_sqlite",
        }
    }

    /// Whether the error is about the register file itself (unreadable, locked, damaged)
    /// rather than about the data asked for.
    pub fn is_register_problem(&self) -> bool {
        !matches!(
            self,
            StoreError::NotFound(_)
                | StoreError::VersionNotFound { .. }
                | StoreError::InvalidStatus(_)
                | StoreError::Format { .. }
        )
    }

    /// Map an SQLite error on the register at `path` to the precise variant.
    pub(crate) fn from_sqlite(path: &Path, error: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        let code = match &error {
            rusqlite::Error::SqliteFailure(failure, _) => Some(failure.code),
            _ => None,
        };
        match code {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path }
            }
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                detail: error.to_string(),
            },
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen {
                path,
                detail: error.to_string(),
            },
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
            _ => StoreError::Sqlite {
                path,
                source: error,
            },
        }
    }
}
