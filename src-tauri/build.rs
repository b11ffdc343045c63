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
    code_order();
    // Declaring the app's commands makes Tauri generate one `allow-<command>` permission per
    // command and deny any command the capability file does not grant.
    // Keep in sync with `ipc_commands!` in src/commands.rs (a unit test checks it).
    let manifest = tauri_build::AppManifest::new().commands(APP_COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}

/// Release builds for x86-64 Linux lay out together the code and constants a session uses,
/// listed in `code-order.txt` (written by `CODE_ORDER=src-tauri/code-order.txt
/// scripts/bench-startup.sh`, see scripts/bench/code_order.py): the kernel maps a
/// program's code 64 KB around each page it runs, so start-up code scattered over the
/// whole binary makes most of it resident (measured: the app's code 10.1 -> 4.5 MB PSS
/// with the large request open). A symbol missing from the list (new, or renamed since)
/// only goes after the listed ones. Relative relocations are packed (DT_RELR, glibc 2.36):
/// the loader reads ~10 KB instead of 0.6 MB of them at start-up.
///
/// Both are flags of lld, the default linker of x86_64-unknown-linux-gnu since Rust 1.90;
/// with an older compiler (GNU ld) the build is left as it was. `MLA_DESK_CODE_ORDER=0`
/// turns them off (e.g. for another linker).
fn code_order() {
    let order = Path::new(env!("CARGO_MANIFEST_DIR")).join("code-order.txt");
    println!("cargo:rerun-if-changed={}", order.display());
    println!("cargo:rerun-if-env-changed=MLA_DESK_CODE_ORDER");
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    let target = std::env::var("TARGET").unwrap_or_default();
    let wanted = std::env::var("MLA_DESK_CODE_ORDER").as_deref() != Ok("0");
    if !(release && wanted && target == "x86_64-unknown-linux-gnu" && rustc_links_with_lld()) {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    if order.exists() {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether the compiler building us is Rust 1.90 or later (rust-lld by default on
/// x86_64-unknown-linux-gnu).
fn rustc_links_with_lld() -> bool {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = std::process::Command::new(rustc).arg("-V").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let text = String::from_utf8_lossy(&out.stdout);
    let mut version = text
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .split('.')
        .map(|n| {
            n.split('-')
                .next()
                .unwrap_or("")
                .parse::<u32>()
                .unwrap_or(0)
        });
    let (major, minor) = (version.next().unwrap_or(0), version.next().unwrap_or(0));
    major > 1 || (major == 1 && minor >= 90)
}
