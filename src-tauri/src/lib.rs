//! MLA Desk desktop shell: Tauri setup and commands. Glue only — the register lives in
//! `mla-store`, the model in `mla-core`.

mod actions;
pub mod args;
pub mod commands;
mod dialogs;
mod export;
pub mod ipc;
mod kinds;
mod memory;
mod state;
mod timezone;
mod verify;
mod webview;

use std::sync::atomic::Ordering;

use tauri::{Emitter, Manager, WindowEvent};

use crate::ipc::{ErrorCode, IpcError};
use crate::state::AppState;

/// Event sent to the UI when the user closes the window: the UI saves what is pending and
/// then calls `close_window`. If it cannot save, it says so and the window stays open; a
/// second close request then closes it without asking (the user insisted, or the UI is not
/// answering). There is no timer: closing by itself could throw away unsaved typing.
pub const CLOSE_REQUESTED_EVENT: &str = "mla://close-requested";

/// Start the desktop app.
pub fn run() {
    // Before anything else: no other thread exists yet.
    memory::configure_allocator();
    // Before GTK: WebKitGTK reads it when the webview is created.
    webview::prepare_environment();
    let args = args::parse(std::env::args_os().skip(1));
    for a in &args.unknown {
        eprintln!("mla-desk: ignoring unknown argument {a:?}");
    }
    let (register_path, register) = if args.missing_value {
        (
            std::path::PathBuf::new(),
            Err(IpcError::new(
                ErrorCode::RegisterCannotOpen,
                "--register needs a file path",
            )),
        )
    } else {
        state::open_register(args.register)
    };
    if let Err(e) = &register {
        eprintln!("mla-desk: {}", e.message);
    }
    let mut state = AppState::new(register_path, register, mla_store::default_actor());
    state.export.dialog_answers = args.dialog_answers.clone();

    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(|_app| {
            #[cfg(target_os = "linux")]
            webview::configure(_app);
            Ok(())
        })
        .invoke_handler(commands::invoke_handler())
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if state.closing.swap(true, Ordering::SeqCst) {
                    // Second close request: let it through.
                    return;
                }
                api.prevent_close();
                if window.emit(CLOSE_REQUESTED_EVENT, ()).is_err() {
                    let _ = window.destroy();
                }
            }
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("mla-desk: could not start: {e}");
            std::process::exit(1);
        });
}
