//! The IPC surface: every command's arguments and response, declared once here.
//!
//! The TypeScript bindings in `ui/src/bindings/` are generated from these types (ts-rs)
//! and committed; `tests/bindings.rs` fails when they drift. Errors cross the boundary as
//! [`IpcError`] `{ code, message }`: the UI branches on `code`, never on `message`.

use mla_core::Request;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Stable machine-readable error codes. Renaming one is a breaking change for the UI.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ipc.ts")]
pub enum ErrorCode {
    /// The register could not be opened (locked, corrupt, read-only, missing directory).
    RegisterUnavailable,
    /// No draft (or version) with that id.
    NotFound,
    /// The arguments were rejected (e.g. a request the store refuses).
    InvalidInput,
    /// Reading or writing the register failed.
    Storage,
    /// Anything else; the message says what.
    Internal,
}

/// An error as the UI sees it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[ts(export_to = "ipc.ts")]
#[error("{message}")]
pub struct IpcError {
    pub code: ErrorCode,
    /// Human-readable, for display only.
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
        }
    }
}

/// Which register the app is on, and whether it could be opened.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct RegisterStatus {
    /// The register file path, as resolved from `--register`, `MLA_REGISTER` or the default.
    pub path: String,
    /// Why the register is not usable; `null` when it is open.
    pub error: Option<IpcError>,
    /// The app version (for the about line).
    pub app_version: String,
}

/// Arguments of `list_drafts`.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[ts(export_to = "ipc.ts")]
pub struct ListDraftsArgs {
    /// Free text matched against reference, requested State and status; empty for all.
    pub query: String,
    /// `true` lists the trash (deleted drafts) instead of the live drafts.
    pub trash: bool,
}

/// One line of the register list.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct DraftRow {
    #[ts(type = "number")]
    pub id: i64,
    pub reference: String,
    pub requested_state: String,
    pub status: String,
    /// RFC 3339 time of the last saved version.
    pub updated_at: String,
    #[ts(type = "number")]
    pub version: i64,
    pub deleted: bool,
}

/// Arguments naming one draft.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct DraftIdArgs {
    #[ts(type = "number")]
    pub id: i64,
}

/// A draft opened in the editor.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct DraftView {
    pub summary: DraftRow,
    pub request: Request,
}

/// Arguments of `save_draft`: the whole request as the editor has it now.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct SaveDraftArgs {
    #[ts(type = "number")]
    pub id: i64,
    pub request: Request,
}

/// What a save produced.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct SaveDraftResponse {
    /// The draft after the save (new version number, time).
    pub summary: DraftRow,
}

/// One saved version of a draft.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct VersionRow {
    #[ts(type = "number")]
    pub version: i64,
    /// RFC 3339 time the version was saved.
    pub saved_at: String,
    pub actor: String,
    pub note: String,
}

/// Arguments of `restore_version`.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct RestoreVersionArgs {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub version: i64,
}
