//! Profile packs: the IO around `mla_core::profile`.
//!
//! A profile pack is a folder or a `.zip` of State profile files (`XXX.toml`). Importing
//! one is all-or-nothing: every file is read and validated in memory first, and a pack
//! with any problem is rejected whole, with every problem listed (file, line, field);
//! the profiles in force do not change. A good pack is copied into the user's data
//! directory through a temporary folder that is renamed into place, then made active by
//! atomically replacing a small pointer file, so a crash at any point leaves either the
//! old pack or the new one active, never a half-copied one.
//!
//! Layout of the data directory (`MLA_PROFILE_DIR`, or `<OS data dir>/mla-desk/profiles`):
//!
//! ```text
//! active.json              the active pack: { dir, name, imported, source }
//! packs/<name>-<date>-<n>/  the files of an imported pack
//! packs/.incoming-*/       a pack being copied (removed on the next import)
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mla_core::profile::MAX_PROFILE_BYTES;
use mla_core::{ProfileError, ProfileSet};
use serde::{Deserialize, Serialize};

/// Environment variable that overrides where packs are stored (used by tests).
pub const PROFILE_DIR_ENV: &str = "MLA_PROFILE_DIR";

/// Most profile files a pack may hold (there are fewer than 250 ISO country codes).
pub const MAX_PACK_FILES: usize = 1000;

/// Largest `.zip` pack accepted.
pub const MAX_ZIP_BYTES: u64 = 50 * 1024 * 1024;

const ACTIVE_FILE: &str = "active.json";
const PACKS_DIR: &str = "packs";
const INCOMING_PREFIX: &str = ".incoming-";

/// One problem found in a pack.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct PackProblem {
    /// The file inside the pack (as named in the folder or the zip).
    pub file: String,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// The field path, empty when the problem is not about one field.
    pub field: String,
    pub message: String,
}

impl fmt::Display for PackProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        if !self.field.is_empty() {
            write!(f, "field `{}`: ", self.field)?;
        }
        f.write_str(&self.message)
    }
}

/// Why a pack could not be read, imported or loaded.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: not a profile pack: give a folder or a .zip file of State profiles (XXX.toml)",
        path.display()
    )]
    NotAPack { path: PathBuf },
    #[error("{}: not a readable .zip file: {message}", path.display())]
    Zip { path: PathBuf, message: String },
    #[error("{}", render_rejected(pack, problems))]
    Rejected {
        pack: String,
        problems: Vec<PackProblem>,
    },
    #[error("no data directory for profile packs on this system: set {PROFILE_DIR_ENV}")]
    NoDataDir,
    #[error("{}: the record of the active profile pack is damaged: {message}", path.display())]
    BadActiveRecord { path: PathBuf, message: String },
    #[error("the built-in profiles are invalid (a build defect):\n{0}")]
    Builtin(String),
}

fn render_rejected(pack: &str, problems: &[PackProblem]) -> String {
    let mut out = format!(
        "profile pack `{pack}` rejected, nothing was changed ({} problem{}):",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        out.push_str("\n  ");
        out.push_str(&p.to_string());
    }
    out
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PackError + '_ {
    move |source| PackError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The files of a pack, read into memory: (file name, text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackFiles {
    /// The pack's name: the folder's name or the zip's file stem.
    pub name: String,
    pub files: Vec<(String, String)>,
    /// Files that are not profiles and were left out (README, licence, ...).
    pub ignored: Vec<String>,
}

/// Read a folder or a `.zip` of profile files. Problems with single files (not UTF-8, too
/// large, the same name twice) are collected and returned together.
pub fn read_pack(path: &Path) -> Result<PackFiles, PackError> {
    let metadata = fs::metadata(path).map_err(io(path))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pack".to_owned());
    let mut reader = Collector::new(name);
    if metadata.is_dir() {
        read_folder(path, &mut reader)?;
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
    {
        if metadata.len() > MAX_ZIP_BYTES {
            return Err(PackError::Zip {
                path: path.to_owned(),
                message: format!(
                    "{} bytes, larger than the {MAX_ZIP_BYTES}-byte limit for a pack",
                    metadata.len()
                ),
            });
        }
        let zip_error = |e: zip::result::ZipError| PackError::Zip {
            path: path.to_owned(),
            message: e.to_string(),
        };
        if let Some(kind) = not_a_file(&metadata.file_type()) {
            return Err(PackError::Zip {
                path: path.to_owned(),
                message: format!("it is {kind}, not a file"),
            });
        }
        // The zip may be reached through a link (the user named it); not a FIFO.
        let file = open_no_wait(path, true).map_err(io(path))?;
        let mut archive = zip::ZipArchive::new(file).map_err(zip_error)?;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).map_err(zip_error)?;
            let entry_name = entry.name().map_err(zip_error)?.into_owned();
            // Only the last component is used: nothing from the archive ever names a path
            // on disk, so an entry like `../../x.toml` cannot write outside the pack.
            let file_name = entry_name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or_default()
                .to_owned();
            if entry.is_dir() || entry_name.starts_with("__MACOSX/") || !is_profile_name(&file_name)
            {
                if !entry.is_dir() {
                    reader.ignored.push(entry_name);
                }
                continue;
            }
            if entry.size() > MAX_PROFILE_BYTES as u64 {
                reader.too_large(&entry_name, entry.size());
                continue;
            }
            let mut bytes = Vec::new();
            (&mut entry)
                .take(MAX_PROFILE_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| PackError::Zip {
                    path: path.to_owned(),
                    message: format!("{entry_name}: {e}"),
                })?;
            if bytes.len() > MAX_PROFILE_BYTES {
                reader.too_large(&entry_name, bytes.len() as u64);
                continue;
            }
            reader.add(file_name, bytes);
        }
    } else {
        return Err(PackError::NotAPack {
            path: path.to_owned(),
        });
    }
    reader.finish()
}

/// Read the profile files of a folder pack: only regular files directly inside it. A
/// link (even to a file in the folder), a FIFO, a device or a socket named like a profile
/// is a problem that refuses the pack; it is never opened, so it can neither lead out of
/// the folder nor block or feed the reader without end. Sub-folders and files that are not
/// profiles are left out unopened. The limits are a zip pack's: each file at most
/// [`MAX_PROFILE_BYTES`], all of them together at most [`MAX_ZIP_BYTES`].
fn read_folder(path: &Path, reader: &mut Collector) -> Result<(), PackError> {
    let mut entries: Vec<fs::DirEntry> = fs::read_dir(path)
        .map_err(io(path))?
        .collect::<Result<_, _>>()
        .map_err(io(path))?;
    entries.sort_by_key(|e| e.file_name());
    let mut total: u64 = 0;
    for entry in entries {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let entry_path = entry.path();
        // The entry itself, not what a link points to.
        let file_type = entry.file_type().map_err(io(&entry_path))?;
        if file_type.is_dir() || !is_profile_name(&file_name) {
            reader.ignored.push(file_name);
            continue;
        }
        if let Some(kind) = not_a_file(&file_type) {
            let advice = if file_type.is_symlink() {
                " (copy the file itself into the folder)"
            } else {
                ""
            };
            reader.problem(
                &file_name,
                format!(
                    "is {kind}, not a file: a pack folder may hold only its own regular \
                     files{advice}; nothing was read from it"
                ),
            );
            continue;
        }
        // Replaced by a link or a FIFO since it was listed: the open refuses a link and
        // does not wait on a FIFO, and what was opened is checked again.
        let file = open_no_wait(&entry_path, false).map_err(io(&entry_path))?;
        let opened = file.metadata().map_err(io(&entry_path))?;
        if let Some(kind) = not_a_file(&opened.file_type()) {
            reader.problem(
                &file_name,
                format!("is {kind}, not a file; nothing was read from it"),
            );
            continue;
        }
        if opened.len() > MAX_PROFILE_BYTES as u64 {
            reader.too_large(&file_name, opened.len());
            continue;
        }
        let mut bytes = Vec::new();
        file.take(MAX_PROFILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(io(&entry_path))?;
        if bytes.len() > MAX_PROFILE_BYTES {
            reader.too_large(&file_name, bytes.len() as u64);
            continue;
        }
        total += bytes.len() as u64;
        if total > MAX_ZIP_BYTES {
            reader.problem(
                &file_name,
                format!(
                    "the pack's profile files pass {MAX_ZIP_BYTES} bytes in all at this file, \
                     the limit for a pack"
                ),
            );
            break;
        }
        reader.add(file_name, bytes);
    }
    Ok(())
}

/// What a directory entry is when it is not a regular file ("a symbolic link", "a FIFO
/// (named pipe)", ...), `None` for a regular file.
fn not_a_file(file_type: &fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_symlink() {
        return Some("a symbolic link");
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// Open for reading without waiting for a writer (a FIFO put there after the type was
/// checked) and, unless `follow_link`, refusing a link at `path`. Reading a regular file
/// is unaffected.
fn open_no_wait(path: &Path, follow_link: bool) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | if follow_link { 0 } else { libc::O_NOFOLLOW },
    );
    #[cfg(not(unix))]
    let _ = follow_link;
    options.open(path)
}

/// Profile files are `*.toml`; hidden files (`.DS_Store`, `._THA.toml`) are not.
fn is_profile_name(file_name: &str) -> bool {
    !file_name.starts_with('.')
        && file_name
            .rsplit_once('.')
            .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("toml"))
}

struct Collector {
    name: String,
    files: BTreeMap<String, String>,
    ignored: Vec<String>,
    problems: Vec<PackProblem>,
}

impl Collector {
    fn new(name: String) -> Collector {
        Collector {
            name,
            files: BTreeMap::new(),
            ignored: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, file: &str, message: String) {
        self.problems.push(PackProblem {
            file: file.to_owned(),
            line: 0,
            field: String::new(),
            message,
        });
    }

    fn too_large(&mut self, file: &str, size: u64) {
        self.problem(
            file,
            format!("{size} bytes, larger than the {MAX_PROFILE_BYTES}-byte limit for a profile"),
        );
    }

    fn add(&mut self, file_name: String, bytes: Vec<u8>) {
        if self.files.len() >= MAX_PACK_FILES {
            self.problem(
                &file_name,
                format!("a pack holds at most {MAX_PACK_FILES} profile files"),
            );
            return;
        }
        if self.files.contains_key(&file_name) {
            self.problem(
                &file_name,
                "appears twice in the pack: keep one file per State".to_owned(),
            );
            return;
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                self.files.insert(file_name, text);
            }
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                self.problem(
                    &file_name,
                    format!("not UTF-8 text (first bad byte at offset {offset}): save it as UTF-8"),
                );
            }
        }
    }

    fn finish(self) -> Result<PackFiles, PackError> {
        Ok(PackFiles {
            name: self.name,
            files: self.files.into_iter().collect(),
            ignored: self.ignored,
        })
        .and_then(|pack| {
            if self.problems.is_empty() {
                Ok(pack)
            } else {
                Err(PackError::Rejected {
                    pack: pack.name,
                    problems: self.problems,
                })
            }
        })
    }
}

/// Validate a pack read into memory: every file, every problem.
pub fn validate_pack(pack: &PackFiles, today: NaiveDate) -> Result<ProfileSet, PackError> {
    if pack.files.is_empty() {
        return Err(PackError::Rejected {
            pack: pack.name.clone(),
            problems: vec![PackProblem {
                file: pack.name.clone(),
                line: 0,
                field: String::new(),
                message: "holds no profile file (XXX.toml)".to_owned(),
            }],
        });
    }
    ProfileSet::parse_pack(&pack.files, &pack.name, today).map_err(|errors| PackError::Rejected {
        pack: pack.name.clone(),
        problems: profile_problems(&errors),
    })
}

fn profile_problems(errors: &[ProfileError]) -> Vec<PackProblem> {
    errors
        .iter()
        .flat_map(|e| {
            e.problems().iter().map(|p| PackProblem {
                file: e.file().to_owned(),
                line: p.line,
                field: p.field.clone(),
                message: p.message.clone(),
            })
        })
        .collect()
}

/// The record of the active pack (`active.json`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ActivePack {
    /// Folder under `packs/` holding the files.
    pub dir: String,
    /// The pack's name, shown as the origin of its profiles.
    pub name: String,
    /// The day it was imported.
    pub imported: NaiveDate,
    /// Where it was imported from.
    pub source: String,
    /// The States it holds.
    pub states: Vec<String>,
}

/// What an import did.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    pub active: ActivePack,
    /// Files in the pack that were not profiles and were left out.
    pub ignored: Vec<String>,
}

/// The profiles in force, and any problem with the stored pack (then the built-ins are used).
#[derive(Debug)]
pub struct LoadedProfiles {
    pub set: ProfileSet,
    pub active: Option<ActivePack>,
    /// The stored pack could not be used; the built-in profiles are in force.
    pub pack_problem: Option<PackError>,
}

/// The folder where imported packs live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackStore {
    dir: PathBuf,
}

impl PackStore {
    /// `$MLA_PROFILE_DIR`, or `<OS data dir>/mla-desk/profiles`.
    pub fn from_env() -> Result<PackStore, PackError> {
        if let Some(dir) = std::env::var_os(PROFILE_DIR_ENV).filter(|d| !d.is_empty()) {
            return Ok(PackStore::at(PathBuf::from(dir)));
        }
        let base = dirs::data_dir().ok_or(PackError::NoDataDir)?;
        Ok(PackStore::at(base.join("mla-desk").join("profiles")))
    }

    pub fn at(dir: impl Into<PathBuf>) -> PackStore {
        PackStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The active pack's record, if a pack was imported.
    pub fn active(&self) -> Result<Option<ActivePack>, PackError> {
        let path = self.dir.join(ACTIVE_FILE);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io(&path)(e)),
        };
        let active: ActivePack =
            serde_json::from_str(&text).map_err(|e| PackError::BadActiveRecord {
                path: path.clone(),
                message: e.to_string(),
            })?;
        if active.dir.contains(['/', '\\']) || active.dir.starts_with('.') {
            return Err(PackError::BadActiveRecord {
                path,
                message: format!("`{}` is not a pack folder name", active.dir),
            });
        }
        Ok(Some(active))
    }

    /// Import a folder or `.zip` pack: validate everything, then copy and activate it.
    /// On any error nothing in force changes.
    pub fn import(&self, source: &Path, today: NaiveDate) -> Result<ImportReport, PackError> {
        let pack = read_pack(source)?;
        let set = validate_pack(&pack, today)?;

        let packs = self.dir.join(PACKS_DIR);
        fs::create_dir_all(&packs).map_err(io(&packs))?;
        remove_stale_incoming(&packs);
        let incoming = tempfile::Builder::new()
            .prefix(INCOMING_PREFIX)
            .tempdir_in(&packs)
            .map_err(io(&packs))?;
        for (file_name, text) in &pack.files {
            let path = incoming.path().join(file_name);
            write_synced(&path, text.as_bytes())?;
        }
        let dir_name = self.free_dir_name(&pack.name, today);
        let final_dir = packs.join(&dir_name);
        let incoming = incoming.keep();
        fs::rename(&incoming, &final_dir).map_err(io(&final_dir))?;

        let previous = self.active().ok().flatten();
        let active = ActivePack {
            dir: dir_name,
            name: pack.name.clone(),
            imported: today,
            source: source.display().to_string(),
            states: set.iter().map(|e| e.profile.iso3.clone()).collect(),
        };
        let record = serde_json::to_string_pretty(&active).expect("a record always serializes");
        let pointer = self.dir.join(ACTIVE_FILE);
        let pointer_tmp = self.dir.join(format!("{ACTIVE_FILE}.tmp"));
        write_synced(&pointer_tmp, record.as_bytes())?;
        fs::rename(&pointer_tmp, &pointer).map_err(io(&pointer))?;

        if let Some(previous) = previous {
            if previous.dir != active.dir {
                // Best effort: the old pack is no longer referenced.
                let _ = fs::remove_dir_all(packs.join(previous.dir));
            }
        }
        Ok(ImportReport {
            active,
            ignored: pack.ignored,
        })
    }

    /// Go back to the built-in profiles. Returns the pack that was active, if any.
    pub fn reset(&self) -> Result<Option<ActivePack>, PackError> {
        let previous = self.active().ok().flatten();
        let pointer = self.dir.join(ACTIVE_FILE);
        match fs::remove_file(&pointer) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&pointer)(e)),
        }
        if let Some(previous) = &previous {
            let _ = fs::remove_dir_all(self.dir.join(PACKS_DIR).join(&previous.dir));
        }
        Ok(previous)
    }

    /// The profiles in force: the built-ins, overridden by the active pack. A stored pack
    /// that can no longer be read is reported in `pack_problem` and the built-ins are used.
    pub fn load(&self) -> Result<LoadedProfiles, PackError> {
        let builtin = ProfileSet::builtin().map_err(|errors| {
            PackError::Builtin(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })?;
        let active = match self.active() {
            Ok(None) => {
                return Ok(LoadedProfiles {
                    set: builtin,
                    active: None,
                    pack_problem: None,
                })
            }
            Ok(Some(active)) => active,
            Err(e) => {
                return Ok(LoadedProfiles {
                    set: builtin,
                    active: None,
                    pack_problem: Some(e),
                })
            }
        };
        let stored = self.dir.join(PACKS_DIR).join(&active.dir);
        let loaded = read_pack(&stored).and_then(|mut pack| {
            pack.name = active.name.clone();
            // The pack's dates were checked against the clock when it was imported; a
            // clock set back since must not disable it.
            validate_pack(&pack, NaiveDate::MAX)
        });
        Ok(match loaded {
            Ok(pack) => LoadedProfiles {
                set: builtin.overlaid_with(pack),
                active: Some(active),
                pack_problem: None,
            },
            Err(e) => LoadedProfiles {
                set: builtin,
                active: Some(active),
                pack_problem: Some(e),
            },
        })
    }

    fn free_dir_name(&self, pack_name: &str, today: NaiveDate) -> String {
        let safe: String = pack_name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .take(60)
            .collect();
        let safe = safe.trim_start_matches(['-', '.']);
        let safe = if safe.is_empty() { "pack" } else { safe };
        let packs = self.dir.join(PACKS_DIR);
        (1..)
            .map(|n| format!("{safe}-{today}-{n}"))
            .find(|name| !packs.join(name).exists())
            .expect("an unused name exists")
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), PackError> {
    let mut file = fs::File::create(path).map_err(io(path))?;
    file.write_all(bytes).map_err(io(path))?;
    file.sync_all().map_err(io(path))
}

/// Left-overs of an import that was interrupted (older than an hour, so that an import
/// running at the same time in another process is left alone).
fn remove_stale_incoming(packs: &Path) {
    let stale = |entry: &fs::DirEntry| {
        entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600)
    };
    if let Ok(entries) = fs::read_dir(packs) {
        for entry in entries.flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(INCOMING_PREFIX)
                && stale(&entry)
            {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
}
