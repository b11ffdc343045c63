//! The state shared by all commands.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use mla_store::Register;

use crate::ipc::{ErrorCode, IpcError};

/// Everything the commands need; managed by Tauri.
pub struct AppState {
    /// The register file the app was started on (empty when it could not be determined).
    pub register_path: PathBuf,
    /// The open register, or why it could not be opened. Never retried silently: the UI
    /// shows the error and the user restarts once the cause is fixed.
    pub register: Result<Mutex<Register>, IpcError>,
    /// Who is recorded in the register's history and audit log.
    pub actor: String,
    /// Set once the window has asked the UI to flush before closing.
    pub closing: AtomicBool,
    /// The export's chosen files and its running/cancel flags.
    pub export: ExportState,
    /// The requested-State profiles in force (built-in, overridden by the imported pack),
    /// loaded on first use so that start-up does not wait for them.
    pub profiles: OnceLock<Profiles>,
    /// The letter templates, parsed on first use.
    pub letters: OnceLock<Result<mla_letter::Letters, String>>,
    /// The signed PDF being checked and the CAs trusted for this session.
    pub verify: VerifyState,
}

/// The files the user chose in the export dialogs (paths never come from the webview),
/// and the flags of the running export.
#[derive(Default)]
pub struct ExportState {
    pub chosen: Mutex<ChosenPaths>,
    /// The running export's cancel flag (`None` when no export runs: one at a time). Each
    /// export gets a fresh flag, so a late cancel cannot stop the next export.
    pub run: Mutex<Option<Arc<AtomicBool>>>,
    /// Pre-set dialog answers (`--test-dialog-answers`, feature `test-dialogs` only).
    pub dialog_answers: Option<PathBuf>,
    /// Held while a PKCS#11 module is in use (listing keys, signing): the module is
    /// process-wide state, loaded and released by each use.
    pub token: Mutex<()>,
}

#[derive(Default, Debug, Clone)]
pub struct ChosenPaths {
    pub certificate: Option<PathBuf>,
    pub annexes: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    /// The PKCS#11 module (token driver) chosen.
    pub module: Option<PathBuf>,
    /// The seal image for the signature block (checked when chosen).
    pub seal: Option<PathBuf>,
}

impl ExportState {
    pub fn chosen(&self) -> MutexGuard<'_, ChosenPaths> {
        self.chosen.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn run(&self) -> MutexGuard<'_, Option<Arc<AtomicBool>>> {
        self.run.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn token(&self) -> MutexGuard<'_, ()> {
        self.token.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The profiles the checker and the profile card use.
pub struct Profiles {
    pub set: mla_core::ProfileSet,
    /// Why the imported pack (or, in a broken build, the built-in data) is not used.
    pub problem: Option<String>,
}

impl Profiles {
    /// Load as `mla check` does (mla-profiles' pack store): an unusable pack is reported
    /// and the built-in profiles are used.
    fn load() -> Profiles {
        match mla_profiles::PackStore::from_env().and_then(|store| store.load()) {
            Ok(loaded) => Profiles {
                set: loaded.set,
                problem: loaded.pack_problem.map(|p| p.to_string()),
            },
            Err(e) => Profiles {
                set: mla_core::ProfileSet::builtin().unwrap_or_default(),
                problem: Some(e.to_string()),
            },
        }
    }
}

impl AppState {
    /// A fresh state around an opened (or failed) register.
    pub fn new(
        register_path: PathBuf,
        register: Result<Mutex<Register>, IpcError>,
        actor: String,
    ) -> AppState {
        AppState {
            register_path,
            register,
            actor,
            closing: Default::default(),
            export: Default::default(),
            profiles: OnceLock::new(),
            letters: OnceLock::new(),
            verify: Default::default(),
        }
    }

    pub fn profiles(&self) -> &Profiles {
        self.profiles.get_or_init(Profiles::load)
    }

    pub fn letters(&self) -> Result<&mla_letter::Letters, IpcError> {
        self.letters
            .get_or_init(|| mla_letter::Letters::load().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| IpcError::new(ErrorCode::LetterFailed, e.clone()))
    }

    /// The register, locked for one command.
    pub fn register(&self) -> Result<MutexGuard<'_, Register>, IpcError> {
        let mutex = self.register.as_ref().map_err(|e| {
            IpcError::new(
                ErrorCode::RegisterUnavailable,
                format!("the register is not open: {}", e.message),
            )
        })?;
        // A panic in another command cannot leave the SQLite connection half-written (each
        // change is one transaction), so a poisoned lock is safe to take over.
        Ok(mutex.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// Resolve the register path (`--register`, then `MLA_REGISTER`, then the user data
/// directory) and open it. Errors are kept for the UI to show; nothing here panics.
pub fn open_register(cli_path: Option<PathBuf>) -> (PathBuf, Result<Mutex<Register>, IpcError>) {
    let path = match cli_path {
        Some(p) => p,
        None => match Register::default_path_created() {
            Ok(p) => p,
            Err(e) => return (PathBuf::new(), Err(e.into())),
        },
    };
    let register = Register::open(&path)
        .map(Mutex::new)
        .map_err(IpcError::from);
    (path, register)
}

/// What every command implementation gets: the app state and the calling window
/// (`None` when an implementation is called directly, as in the tests).
pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub window: Option<&'a tauri::Window>,
}

/// The PDF being looked at and the CAs trusted for this session.
#[derive(Default)]
pub struct VerifyState {
    inner: Mutex<Session>,
}

#[derive(Default)]
pub(crate) struct Session {
    /// The PDF last opened, with the bytes that were verified.
    pub(crate) pdf: Option<(PathBuf, Arc<Vec<u8>>)>,
    /// Trusted CAs: where each came from (for display) and the certificate.
    pub(crate) trusted: Vec<(String, mla_sign::Certificate)>,
}

impl VerifyState {
    pub(crate) fn session(&self) -> MutexGuard<'_, Session> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}
