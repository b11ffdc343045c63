use std::path::Path;

/// The app's commands, as in `ipc_commands!` (src/commands.rs).
const APP_COMMANDS: &[&str] = &[
    "register_status",
    "list_drafts",
    "create_draft",
    "get_draft",
    "save_draft",
    "duplicate_draft",
    "trash_draft",
    "untrash_draft",
    "draft_history",
    "restore_version",
    "close_window",
    "ui_ready",
    "export_selection",
    "export_choose_certificate",
    "export_choose_annexes",
    "export_remove_annex",
    "export_choose_output",
    "export_pdf",
    "export_known_modules",
    "export_choose_module",
    "export_token_keys",
    "export_choose_seal",
    "export_remove_seal",
    "cancel_export",
    "check_draft",
    "state_profile",
    "catalogue",
    "letter_preview",
    "verify_open_pdf",
    "verify_trust_ca",
    "verify_forget_cas",
    "verify_import_request",
];

fn main() {
    // The UI is embedded from ../ui/dist at compile time. Say what to do when it is
    // missing, instead of the generic "frontendDist doesn't exist" panic.
    let index = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist/index.html");
    println!("cargo:rerun-if-changed=../ui/dist");
    if !index.exists() {
        eprintln!(
            "error: {} is missing.\n\
             The desktop UI is embedded into the binary at build time; build it first:\n\
             \n    (cd ui && npm ci && npm run build)\n",
            index.display()
        );
        std::process::exit(1);
    }
    // Declaring the app's commands makes Tauri generate one `allow-<command>` permission per
    // command and deny any command the capability file does not grant.
    // Keep in sync with `ipc_commands!` in src/commands.rs (a unit test checks it).
    let manifest = tauri_build::AppManifest::new().commands(APP_COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}
