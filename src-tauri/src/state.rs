//! The state shared by all commands.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use crate::ipc::IpcError;

/// Everything the commands need; managed by Tauri.
pub struct AppState {
    /// The register file the app was started on.
    pub register_path: PathBuf,
    /// Why the register could not be opened, if it could not.
    pub open_error: Option<IpcError>,
    /// Who is recorded in the register's history and audit log.
    pub actor: String,
    /// Set once the window has asked the UI to flush before closing.
    pub closing: AtomicBool,
}

/// The name recorded as the author of saves: the OS user, or "unknown".
pub fn current_actor() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}
