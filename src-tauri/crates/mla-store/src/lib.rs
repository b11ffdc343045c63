//! MLA Desk register: the drafts of requests, every saved version of each, a trash and an
//! audit log, in one SQLite file on the officer's machine.
//!
//! Invariants:
//! - A version, once saved, is never changed or deleted; restoring an old version appends a
//!   new one equal to it. "Delete" moves a draft to the trash (a flag), never removes rows.
//! - Each version stores the request exactly as [`mla_core::write_request`] wrote it, so the
//!   bytes read back are the bytes written.
//! - Every change is one SQLite transaction in WAL mode with `synchronous=FULL`: a crash or
//!   a kill at any moment leaves the register at the last committed change.
//! - A file that is not a register (not SQLite, another program's database, a newer schema,
//!   damaged) is reported and never written to.
//!
//! The store reads the clock (timestamps of versions and audit entries); the core does not.

mod error;

use std::path::{Path, PathBuf};
use std::time::Duration;

use mla_core::{parse_request, write_request, Request};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use error::StoreError;

/// Identifier of a draft in the register.
pub type DraftId = i64;

/// Environment variable that overrides the default register location.
pub const REGISTER_ENV: &str = "MLA_REGISTER";

/// The statuses a draft can have, in the order of its life.
pub const STATUSES: &[&str] = &["draft", "ready", "sent", "closed"];

/// `PRAGMA application_id` of an MLA Desk register ("MLAD"), so that another program's
/// SQLite file is recognised and left alone.
const APPLICATION_ID: i64 = 0x4D4C_4144;

/// Migrations, in order. `PRAGMA user_version` is the number applied. Never edit one that
/// has shipped: add a new file.
const MIGRATIONS: &[(&str, &str)] = &[(
    "20261122100000_init",
    include_str!("../migrations/20261122100000_init.sql"),
)];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// What a list shows of a draft.
///
/// The types derive `ts_rs::TS` without exporting: the app generates the TypeScript it
/// needs. Integer ids and versions are declared `number` (serde_json writes numbers, and
/// they stay far below 2^53), not ts-rs's default `bigint`.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
pub struct DraftSummary {
    #[ts(type = "number")]
    pub id: DraftId,
    pub reference: String,
    /// ISO 3166-1 alpha-3, as in the request.
    pub requested_state: String,
    pub case_number: String,
    /// One of [`STATUSES`].
    pub status: String,
    pub created_at: String,
    /// RFC 3339, UTC: when the last version was saved or the status changed.
    pub updated_at: String,
    /// The current (latest) version number, from 1.
    #[ts(type = "number")]
    pub version: i64,
    /// In the trash.
    pub deleted: bool,
}

/// A draft and its current request.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Draft {
    pub summary: DraftSummary,
    pub request: Request,
}

/// One saved version of a draft.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
pub struct VersionInfo {
    #[ts(type = "number")]
    pub version: i64,
    /// RFC 3339, UTC.
    pub saved_at: String,
    pub actor: String,
    /// Why this version exists ("created", "saved", "restored from version 2"...).
    pub note: String,
}

/// One entry of the audit log.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// RFC 3339, UTC.
    pub at: String,
    pub actor: String,
    /// `create`, `save`, `restore`, `duplicate`, `trash`, `untrash`, `status`.
    pub action: String,
    #[ts(type = "number | null")]
    pub draft_id: Option<DraftId>,
    pub detail: String,
}

/// Which drafts [`Register::list`] returns.
#[derive(Serialize, Deserialize, TS, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct ListFilter {
    /// Case-insensitive substring of the reference, requested State, status or case number.
    pub query: Option<String>,
    /// Also list drafts in the trash.
    pub include_deleted: bool,
    /// List only drafts in the trash.
    pub only_deleted: bool,
}

/// How to open a register.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// Open without writing anything: no creation, no migration; every change fails with
    /// [`StoreError::ReadOnly`]. Lets a register on read-only media be browsed.
    pub read_only: bool,
    /// How long to wait for another program's lock before [`StoreError::Locked`].
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            read_only: false,
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// One open register file. `Send` (not `Sync`): share it behind a `Mutex`.
pub struct Register {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    tightened: Vec<Tightened>,
}

/// A register file (or its WAL or shared-memory file) that other users of the machine
/// could read, made private to its owner when the register was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tightened {
    pub path: PathBuf,
    /// The permission bits before (e.g. `0o644`) and after (`0o600`).
    pub was: u32,
    pub now: u32,
}

impl std::fmt::Debug for Register {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Register")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl Register {
    /// Open (creating it if missing) the register at `path`, read-write, and bring its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Register, StoreError> {
        Register::open_with(path, &OpenOptions::default())
    }

    /// Open the register at `path` with `options`.
    pub fn open_with(path: &Path, options: &OpenOptions) -> Result<Register, StoreError> {
        if path.is_dir() {
            return Err(StoreError::CannotOpen {
                path: path.to_path_buf(),
                detail: "it is a folder, not a file".to_owned(),
            });
        }
        let flags = if options.read_only {
            if !path.exists() {
                return Err(StoreError::CannotOpen {
                    path: path.to_path_buf(),
                    detail: "no such file".to_owned(),
                });
            }
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        if !options.read_only {
            create_private(path)?;
        }
        let sql = |e| StoreError::from_sqlite(path, e);
        let conn = Connection::open_with_flags(path, flags).map_err(sql)?;
        conn.busy_timeout(options.busy_timeout).map_err(sql)?;
        let mut register = Register {
            conn,
            path: path.to_path_buf(),
            read_only: options.read_only,
            tightened: Vec::new(),
        };
        match register.prepare() {
            Err(StoreError::ReadOnly { .. } | StoreError::CannotOpen { .. })
                if options.read_only =>
            {
                Register::open_immutable(path, options)
            }
            Err(e) => Err(e),
            Ok(()) => {
                if !register.read_only {
                    // Only once the file is known to be a register: another program's
                    // file is never touched.
                    register.tightened = make_private(path);
                }
                Ok(register)
            }
        }
    }

    /// Last resort of a read-only open, when neither the file nor its folder can be written
    /// (read-only media, another user's folder): SQLite cannot create the shared-memory file
    /// WAL readers need, so open with `immutable=1`, which reads the main file only. Refused
    /// when a non-empty `-wal` file exists: its committed changes would be invisible.
    fn open_immutable(path: &Path, options: &OpenOptions) -> Result<Register, StoreError> {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        let uri = format!("file:{}?immutable=1", uri_path(path));
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let sql = |e| StoreError::from_sqlite(path, e);
        let conn = Connection::open_with_flags(&uri, flags).map_err(sql)?;
        conn.busy_timeout(options.busy_timeout).map_err(sql)?;
        let register = Register {
            conn,
            path: path.to_path_buf(),
            read_only: true,
            tightened: Vec::new(),
        };
        register.prepare()?;
        Ok(register)
    }

    /// `$MLA_REGISTER` if set, else [`Register::user_data_path`].
    pub fn default_path() -> Result<PathBuf, StoreError> {
        if let Some(path) = std::env::var_os(REGISTER_ENV).filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(path));
        }
        Register::user_data_path()
    }

    /// Where the register lives when nothing else is said:
    /// `<user data dir>/mla-desk/register.sqlite` (whatever `$MLA_REGISTER` says).
    pub fn user_data_path() -> Result<PathBuf, StoreError> {
        let dir = dirs::data_dir().ok_or(StoreError::NoDataDir)?;
        Ok(dir.join("mla-desk").join("register.sqlite"))
    }

    /// [`Register::default_path`], with its folder created if missing. The folder the
    /// register is in is created private to the user (0700 on Unix); the folders above
    /// it get the usual permissions.
    pub fn default_path_created() -> Result<PathBuf, StoreError> {
        let path = Register::default_path()?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let io = |source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            };
            if let Some(above) = parent.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(above).map_err(io)?;
            }
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            match builder.create(parent) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && parent.is_dir() => {}
                Err(e) => return Err(io(e)),
            }
        }
        Ok(path)
    }

    /// Files of this register that other users could read and that opening it made
    /// private (see [`Register::open_with`]); empty when there was nothing to do. The
    /// caller tells the user (once: the next open finds them private).
    pub fn tightened_permissions(&self) -> &[Tightened] {
        &self.tightened
    }

    /// The file this register lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this register was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn sql(&self, error: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, error)
    }

    /// Check the file is ours, switch to WAL and run pending migrations. Reads before it
    /// writes, so that a foreign or damaged file is reported before anything touches it.
    fn prepare(&self) -> Result<(), StoreError> {
        let conn = &self.conn;
        // The first statement reads the header: SQLITE_NOTADB surfaces here. One statement,
        // so one snapshot: another process creating the register at the same moment is
        // seen either before or after, never half-way (which would look like a foreign
        // database).
        let (application_id, user_version, table_count): (i64, i64, i64) = conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id()), \
                        (SELECT user_version FROM pragma_user_version()), \
                        (SELECT count(*) FROM sqlite_master)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| self.sql(e))?;
        let ours = application_id == APPLICATION_ID;
        let empty = application_id == 0 && user_version == 0 && table_count == 0;
        if !ours && !empty {
            return Err(StoreError::NotARegister {
                path: self.path.clone(),
            });
        }
        if user_version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: user_version,
                supported: SCHEMA_VERSION,
            });
        }
        if self.read_only {
            if user_version < SCHEMA_VERSION {
                return Err(StoreError::OutdatedSchema {
                    path: self.path.clone(),
                    found: user_version,
                    supported: SCHEMA_VERSION,
                });
            }
            return Ok(());
        }
        // SQLite silently falls back to read-only when the file is not writable.
        if conn
            .is_readonly(rusqlite::MAIN_DB)
            .map_err(|e| self.sql(e))?
        {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        // WAL: readers never block the writer, and a killed writer leaves the file at its
        // last commit. FULL: a committed version survives a power cut too.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::CannotOpen {
                path: self.path.clone(),
                detail: format!("cannot use write-ahead logging here (journal mode {mode})"),
            });
        }
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(|e| self.sql(e))?;
        if user_version < SCHEMA_VERSION {
            self.write(|conn| {
                // Re-read under the write lock: another process may have migrated meanwhile.
                let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                for (_name, migration) in MIGRATIONS.iter().skip(current.max(0) as usize) {
                    conn.execute_batch(migration)?;
                }
                conn.execute_batch(&format!(
                    "PRAGMA application_id = {APPLICATION_ID}; \
                     PRAGMA user_version = {SCHEMA_VERSION};"
                ))?;
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Run `f` in one IMMEDIATE transaction: all of it is committed, or none.
    fn write<T>(&self, f: impl FnOnce(&Connection) -> Result<T, TxError>) -> Result<T, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.sql(e))?;
        let result = f(&self.conn);
        match result {
            Ok(value) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(value),
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(self.sql(e))
                }
            },
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e.into_store(&self.path))
            }
        }
    }

    /// Start a new draft with `request` as version 1. If the request has no `id`, a fresh
    /// one (a UUID) is given to it.
    pub fn create(&self, request: &Request, actor: &str) -> Result<DraftId, StoreError> {
        self.create_noted(request, actor, "created")
    }

    /// [`Register::create`] with the note recorded on version 1 (e.g. "imported from x").
    pub fn create_noted(
        &self,
        request: &Request,
        actor: &str,
        note: &str,
    ) -> Result<DraftId, StoreError> {
        let ids = self.create_many(&[(request.clone(), note.to_owned())], actor)?;
        Ok(ids[0])
    }

    /// Create several drafts in one transaction: all are created, or none.
    pub fn create_many(
        &self,
        requests: &[(Request, String)],
        actor: &str,
    ) -> Result<Vec<DraftId>, StoreError> {
        let now = now();
        self.write(|conn| {
            let mut ids = Vec::with_capacity(requests.len());
            for (request, note) in requests {
                let mut request = request.clone();
                if request.id.trim().is_empty() {
                    request.id = uuid::Uuid::new_v4().to_string();
                }
                let id = insert_draft(conn, &request, actor, note, &now)?;
                audit(conn, &now, actor, "create", Some(id), note)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Save `request` as the draft's new version and return its number.
    ///
    /// Saving content identical (byte for byte, as written) to the current version
    /// creates no version and no audit entry, and returns the current version number:
    /// autosave may call this as often as it likes.
    pub fn save(&self, id: DraftId, request: &Request, actor: &str) -> Result<i64, StoreError> {
        let text = write_request(request);
        let now = now();
        self.write(|conn| {
            let (current, content) = current_content(conn, id)?;
            if content == text {
                return Ok(current);
            }
            let version = append_version(conn, id, request, &text, actor, "saved", &now)?;
            audit(
                conn,
                &now,
                actor,
                "save",
                Some(id),
                &format!("version {version}"),
            )?;
            Ok(version)
        })
    }

    /// The draft with its current request.
    pub fn get(&self, id: DraftId) -> Result<Draft, StoreError> {
        let (summary, content) = self
            .conn
            .query_row(
                &format!(
                    "SELECT {SUMMARY_COLUMNS}, v.content FROM drafts d \
                     JOIN versions v ON v.draft_id = d.id AND v.version = d.current_version \
                     WHERE d.id = ?1"
                ),
                [id],
                |row| Ok((summary_from_row(row)?, row.get::<_, String>(9)?)),
            )
            .optional()
            .map_err(|e| self.sql(e))?
            .ok_or(StoreError::NotFound(id))?;
        let request = parse_request(content.as_bytes()).map_err(|source| StoreError::Format {
            id,
            version: summary.version,
            source,
        })?;
        Ok(Draft { summary, request })
    }

    /// The draft's summary only.
    pub fn summary(&self, id: DraftId) -> Result<DraftSummary, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {SUMMARY_COLUMNS} FROM drafts d WHERE d.id = ?1"),
                [id],
                summary_from_row,
            )
            .optional()
            .map_err(|e| self.sql(e))?
            .ok_or(StoreError::NotFound(id))
    }

    /// Drafts matching `filter`, most recently updated first.
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<DraftSummary>, StoreError> {
        let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM drafts d WHERE 1 = 1");
        if filter.only_deleted {
            sql.push_str(" AND d.deleted_at IS NOT NULL");
        } else if !filter.include_deleted {
            sql.push_str(" AND d.deleted_at IS NULL");
        }
        let pattern = filter
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(|q| format!("%{}%", escape_like(q)));
        if pattern.is_some() {
            sql.push_str(
                " AND (d.reference LIKE ?1 ESCAPE '\\' OR d.requested_state LIKE ?1 ESCAPE '\\' \
                 OR d.status LIKE ?1 ESCAPE '\\' OR d.case_number LIKE ?1 ESCAPE '\\')",
            );
        }
        sql.push_str(" ORDER BY d.updated_at DESC, d.id DESC");
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let rows = match &pattern {
            Some(p) => statement.query_map([p], summary_from_row),
            None => statement.query_map([], summary_from_row),
        }
        .map_err(|e| self.sql(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.sql(e))
    }

    /// Every version of the draft, oldest first.
    pub fn history(&self, id: DraftId) -> Result<Vec<VersionInfo>, StoreError> {
        self.summary(id)?;
        let mut statement = self
            .conn
            .prepare(
                "SELECT version, saved_at, actor, note FROM versions \
                 WHERE draft_id = ?1 ORDER BY version",
            )
            .map_err(|e| self.sql(e))?;
        let rows = statement
            .query_map([id], |row| {
                Ok(VersionInfo {
                    version: row.get(0)?,
                    saved_at: row.get(1)?,
                    actor: row.get(2)?,
                    note: row.get(3)?,
                })
            })
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.sql(e))
    }

    /// The request as saved in `version`.
    pub fn version(&self, id: DraftId, version: i64) -> Result<Request, StoreError> {
        let text = self.version_text(id, version)?;
        parse_request(text.as_bytes()).map_err(|source| StoreError::Format {
            id,
            version,
            source,
        })
    }

    /// The exact text stored for `version` (the `.mla.json` file content).
    pub fn version_text(&self, id: DraftId, version: i64) -> Result<String, StoreError> {
        self.summary(id)?;
        self.conn
            .query_row(
                "SELECT content FROM versions WHERE draft_id = ?1 AND version = ?2",
                [id, version],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))?
            .ok_or(StoreError::VersionNotFound { id, version })
    }

    /// The exact text of the current version.
    pub fn current_text(&self, id: DraftId) -> Result<String, StoreError> {
        let version = self.summary(id)?.version;
        self.version_text(id, version)
    }

    /// Make `version` current again by appending a new version equal to it (always, even if
    /// the current one is equal: restoring is a deliberate act the history should show).
    pub fn restore_version(
        &self,
        id: DraftId,
        version: i64,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let now = now();
        self.write(|conn| {
            current_content(conn, id)?;
            let text: String = conn
                .query_row(
                    "SELECT content FROM versions WHERE draft_id = ?1 AND version = ?2",
                    [id, version],
                    |row| row.get(0),
                )
                .optional()?
                .ok_or(TxError::Store(StoreError::VersionNotFound { id, version }))?;
            let request = parse_request(text.as_bytes()).map_err(|source| {
                TxError::Store(StoreError::Format {
                    id,
                    version,
                    source,
                })
            })?;
            let note = format!("restored from version {version}");
            let new_version = append_version(conn, id, &request, &text, actor, &note, &now)?;
            audit(
                conn,
                &now,
                actor,
                "restore",
                Some(id),
                &format!("version {version} restored as version {new_version}"),
            )?;
            Ok(new_version)
        })
    }

    /// Copy the draft's current request into a new draft (with a new document `id`).
    pub fn duplicate(&self, id: DraftId, actor: &str) -> Result<DraftId, StoreError> {
        let now = now();
        self.write(|conn| {
            let (version, text) = current_content(conn, id)?;
            let mut request = parse_request(text.as_bytes()).map_err(|source| {
                TxError::Store(StoreError::Format {
                    id,
                    version,
                    source,
                })
            })?;
            request.id = uuid::Uuid::new_v4().to_string();
            let note = format!("duplicated from draft {id}, version {version}");
            let new_id = insert_draft(conn, &request, actor, &note, &now)?;
            audit(conn, &now, actor, "duplicate", Some(new_id), &note)?;
            Ok(new_id)
        })
    }

    /// Move the draft to the trash (a flag: nothing is deleted). Trashing a draft already in
    /// the trash changes nothing.
    pub fn trash(&self, id: DraftId, actor: &str) -> Result<(), StoreError> {
        self.set_deleted(id, true, actor)
    }

    /// Take the draft out of the trash.
    pub fn untrash(&self, id: DraftId, actor: &str) -> Result<(), StoreError> {
        self.set_deleted(id, false, actor)
    }

    fn set_deleted(&self, id: DraftId, deleted: bool, actor: &str) -> Result<(), StoreError> {
        let now = now();
        self.write(|conn| {
            let deleted_at: Option<String> = conn
                .query_row("SELECT deleted_at FROM drafts WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(TxError::Store(StoreError::NotFound(id)))?;
            if deleted_at.is_some() == deleted {
                return Ok(());
            }
            let value = deleted.then_some(now.as_str());
            conn.execute(
                "UPDATE drafts SET deleted_at = ?1 WHERE id = ?2",
                params![value, id],
            )?;
            let action = if deleted { "trash" } else { "untrash" };
            audit(conn, &now, actor, action, Some(id), "")?;
            Ok(())
        })
    }

    /// Change the draft's status (one of [`STATUSES`]).
    pub fn set_status(&self, id: DraftId, status: &str, actor: &str) -> Result<(), StoreError> {
        if !STATUSES.contains(&status) {
            return Err(StoreError::InvalidStatus(status.to_owned()));
        }
        let now = now();
        self.write(|conn| {
            let old: String = conn
                .query_row("SELECT status FROM drafts WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(TxError::Store(StoreError::NotFound(id)))?;
            if old == status {
                return Ok(());
            }
            conn.execute(
                "UPDATE drafts SET status = ?1, updated_at = ?2 WHERE id = ?3",
                params![status, now, id],
            )?;
            audit(
                conn,
                &now,
                actor,
                "status",
                Some(id),
                &format!("{old} -> {status}"),
            )?;
            Ok(())
        })
    }

    /// The audit log, oldest first: of one draft, or of the whole register.
    pub fn audit(&self, id: Option<DraftId>) -> Result<Vec<AuditEntry>, StoreError> {
        let map = |row: &rusqlite::Row<'_>| {
            Ok(AuditEntry {
                at: row.get(0)?,
                actor: row.get(1)?,
                action: row.get(2)?,
                draft_id: row.get(3)?,
                detail: row.get(4)?,
            })
        };
        let sql = "SELECT at, actor, action, draft_id, detail FROM audit";
        let rows = match id {
            Some(id) => {
                let mut statement = self
                    .conn
                    .prepare(&format!("{sql} WHERE draft_id = ?1 ORDER BY id"))
                    .map_err(|e| self.sql(e))?;
                let rows = statement.query_map([id], map).map_err(|e| self.sql(e))?;
                rows.collect::<Result<Vec<_>, _>>()
            }
            None => {
                let mut statement = self
                    .conn
                    .prepare(&format!("{sql} ORDER BY id"))
                    .map_err(|e| self.sql(e))?;
                let rows = statement.query_map([], map).map_err(|e| self.sql(e))?;
                rows.collect::<Result<Vec<_>, _>>()
            }
        };
        rows.map_err(|e| self.sql(e))
    }

    /// `PRAGMA integrity_check`: `"ok"`, or SQLite's description of the damage.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut statement = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.sql(e))?;
        let rows = statement
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(|e| self.sql(e))?;
        let lines = rows
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sql(e))?;
        Ok(lines.join("\n"))
    }
}

/// An error inside a write transaction: SQLite's (mapped once we know the path) or ours.
enum TxError {
    Sqlite(rusqlite::Error),
    Store(StoreError),
}

impl From<rusqlite::Error> for TxError {
    fn from(error: rusqlite::Error) -> Self {
        TxError::Sqlite(error)
    }
}

impl TxError {
    fn into_store(self, path: &Path) -> StoreError {
        match self {
            TxError::Sqlite(e) => StoreError::from_sqlite(path, e),
            TxError::Store(e) => e,
        }
    }
}

const SUMMARY_COLUMNS: &str = "d.id, d.reference, d.requested_state, d.case_number, d.status, \
     d.created_at, d.updated_at, d.current_version, d.deleted_at IS NOT NULL";

fn summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: row.get(0)?,
        reference: row.get(1)?,
        requested_state: row.get(2)?,
        case_number: row.get(3)?,
        status: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        version: row.get(7)?,
        deleted: row.get(8)?,
    })
}

/// The current version number and its stored text.
fn current_content(conn: &Connection, id: DraftId) -> Result<(i64, String), TxError> {
    conn.query_row(
        "SELECT d.current_version, v.content FROM drafts d \
         JOIN versions v ON v.draft_id = d.id AND v.version = d.current_version \
         WHERE d.id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()?
    .ok_or(TxError::Store(StoreError::NotFound(id)))
}

fn insert_draft(
    conn: &Connection,
    request: &Request,
    actor: &str,
    note: &str,
    now: &str,
) -> Result<DraftId, TxError> {
    conn.execute(
        "INSERT INTO drafts (reference, requested_state, case_number, status, created_at, \
         updated_at, current_version) VALUES (?1, ?2, ?3, 'draft', ?4, ?4, 1)",
        params![
            request.reference,
            request.requested_state,
            request.case.case_number,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO versions (draft_id, version, saved_at, actor, note, content) \
         VALUES (?1, 1, ?2, ?3, ?4, ?5)",
        params![id, now, actor, note, write_request(request)],
    )?;
    Ok(id)
}

fn append_version(
    conn: &Connection,
    id: DraftId,
    request: &Request,
    text: &str,
    actor: &str,
    note: &str,
    now: &str,
) -> Result<i64, TxError> {
    let version: i64 = conn.query_row(
        "SELECT current_version + 1 FROM drafts WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO versions (draft_id, version, saved_at, actor, note, content) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, version, now, actor, note, text],
    )?;
    conn.execute(
        "UPDATE drafts SET reference = ?1, requested_state = ?2, case_number = ?3, \
         updated_at = ?4, current_version = ?5 WHERE id = ?6",
        params![
            request.reference,
            request.requested_state,
            request.case.case_number,
            now,
            version,
            id
        ],
    )?;
    Ok(version)
}

fn audit(
    conn: &Connection,
    now: &str,
    actor: &str,
    action: &str,
    draft_id: Option<DraftId>,
    detail: &str,
) -> Result<(), TxError> {
    conn.execute(
        "INSERT INTO audit (at, actor, action, draft_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![now, actor, action, draft_id, detail],
    )?;
    Ok(())
}

/// Current time, RFC 3339 UTC with milliseconds: sorts as text.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A path percent-encoded for an SQLite `file:` URI.
fn uri_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for byte in absolute.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(*byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Create the register file private to its owner (0600 on Unix) when it does not exist,
/// before SQLite opens it: SQLite would create it 0644 (less the umask), readable by every
/// user of a shared machine, and gives its WAL, shared-memory and journal files the mode
/// of the database file. An empty file is a new database to SQLite.
fn create_private(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        // Already there (or created by another process at this moment): opened as is.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // A folder that does not exist or cannot be written: SQLite reports it.
        Err(_) => Ok(()),
    }
}

/// Make an existing register (and its WAL and shared-memory files) private to its owner
/// when other users could read or write it, e.g. one created by an earlier version as
/// 0644. The register holds confidential requests, and it is a one-user file (SQLite's
/// WAL does not work across machines), so group and other permission bits are removed
/// (0644 becomes 0600, as a new register is created). A file the user does not own
/// cannot be changed (chmod fails) and is left as it is; so is a file system without
/// Unix permissions (the mode read back is unchanged, nothing is reported).
#[cfg(unix)]
fn make_private(path: &Path) -> Vec<Tightened> {
    use std::os::unix::fs::PermissionsExt;
    let mut done = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        let file = PathBuf::from(file);
        let Ok(metadata) = std::fs::metadata(&file) else {
            continue;
        };
        let was = metadata.permissions().mode() & 0o7777;
        if was & 0o077 == 0 {
            continue;
        }
        let wanted = was & 0o700;
        if std::fs::set_permissions(&file, std::fs::Permissions::from_mode(wanted)).is_err() {
            continue;
        }
        let now = std::fs::metadata(&file).map_or(was, |m| m.permissions().mode() & 0o7777);
        if now & 0o077 == 0 {
            done.push(Tightened {
                path: file,
                was,
                now,
            });
        }
    }
    done
}

#[cfg(not(unix))]
fn make_private(_path: &Path) -> Vec<Tightened> {
    Vec::new()
}

/// The name recorded as actor when the caller has none: the OS user.
pub fn default_actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_is_send() {
        fn assert_send<T: Send>() {}
        assert_send::<Register>();
    }

    #[test]
    fn typescript_declarations_use_number_for_ids() {
        let summary = DraftSummary::decl(&ts_rs::Config::default());
        assert!(summary.contains("id: number"), "{summary}");
        assert!(summary.contains("version: number"), "{summary}");
        assert!(!summary.contains("bigint"), "{summary}");
        let audit = AuditEntry::decl(&ts_rs::Config::default());
        assert!(audit.contains("draft_id: number | null"), "{audit}");
    }

    #[test]
    fn uri_paths_are_percent_encoded() {
        assert_eq!(
            uri_path(Path::new("/tmp/a b/r?#%.sqlite")),
            "/tmp/a%20b/r%3F%23%25.sqlite"
        );
    }

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
