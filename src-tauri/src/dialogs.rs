//! The native file dialogs of the export and of the verification view: the only way the
//! app learns a path to read (the certificate, annexes, a signed PDF) or to write (the PDF).
//! The webview has no dialog or file-system permission and never sends a path; it asks
//! Rust to open a dialog and gets back the file's name to show.
//!
//! Test hook (end-to-end tests only): native dialogs cannot be driven by WebDriver. In a
//! build with the `test-dialogs` feature, when the app was started with
//! `--test-dialog-answers FILE` (an argument, because tauri-driver passes arguments but
//! not environment variables to the app), each dialog returns the answer written in FILE
//! instead of opening:
//! `{"certificate": "/abs/x.p12" | null, "annexes": ["/abs/a.pdf", …], "output":
//! "/abs/out.pdf" | null, "module": "/abs/lib.so" | null, "seal": "/abs/seal.png" | null,
//! "signed_pdf": "/abs/in.pdf" | null, "trusted_ca": ["/abs/ca.pem", …]}`
//! (`null` or a missing key = the user cancelled). The file is
//! read at every dialog, so a test can change the answers between steps. Without the
//! feature this code is not compiled and the argument is unknown; without the argument the
//! real dialogs open.
//! `scripts/e2e.sh` builds with the feature; releases and `scripts/run-app.sh` do not.

use std::path::PathBuf;

use tauri_plugin_dialog::DialogExt;

/// The dialogs, each blocking until the user answers (call them off the main thread, as
/// every command is).
pub enum Dialog<'a> {
    Certificate,
    Annexes,
    Output {
        suggested_name: &'a str,
    },
    /// A PKCS#11 module (the token's driver library).
    Module,
    /// A seal image for the signature block.
    Seal,
    /// A signed PDF to check (verification view).
    SignedPdf,
    /// CA certificates to trust for the check (PEM or DER).
    TrustedCa,
}

/// The paths the user chose (empty when cancelled).
pub fn ask(
    window: Option<&tauri::Window>,
    answers: Option<&std::path::Path>,
    dialog: Dialog<'_>,
) -> Result<Vec<PathBuf>, String> {
    #[cfg(feature = "test-dialogs")]
    if let Some(file) = answers {
        return preset_answer(file, &dialog);
    }
    #[cfg(not(feature = "test-dialogs"))]
    let _ = answers;
    {
        let window = window.ok_or("no window to attach the dialog to")?;
        let builder = window.dialog().file().set_parent(window);
        let into = |p: tauri_plugin_dialog::FilePath| {
            p.into_path()
                .map_err(|e| format!("the dialog returned an unusable path: {e}"))
        };
        match dialog {
            Dialog::Certificate => builder
                .add_filter("PKCS#12 (.p12, .pfx)", &["p12", "pfx", "P12", "PFX"])
                .blocking_pick_file()
                .map(into)
                .transpose()
                .map(|p| p.into_iter().collect()),
            Dialog::Module => builder
                .add_filter("PKCS#11 (.so, .dylib, .dll)", &["so", "dylib", "dll"])
                .blocking_pick_file()
                .map(into)
                .transpose()
                .map(|p| p.into_iter().collect()),
            Dialog::Seal => builder
                .add_filter("PNG, JPEG", &["png", "jpg", "jpeg", "PNG", "JPG", "JPEG"])
                .blocking_pick_file()
                .map(into)
                .transpose()
                .map(|p| p.into_iter().collect()),
            Dialog::Annexes => builder
                .blocking_pick_files()
                .unwrap_or_default()
                .into_iter()
                .map(into)
                .collect(),
            Dialog::SignedPdf => builder
                .add_filter("PDF", &["pdf", "PDF"])
                .blocking_pick_file()
                .map(into)
                .transpose()
                .map(|p| p.into_iter().collect()),
            Dialog::TrustedCa => builder
                .add_filter(
                    "CA certificate (.pem, .crt, .cer, .der)",
                    &["pem", "crt", "cer", "der", "PEM", "CRT", "CER", "DER"],
                )
                .blocking_pick_files()
                .unwrap_or_default()
                .into_iter()
                .map(into)
                .collect(),
            Dialog::Output { suggested_name } => builder
                .add_filter("PDF", &["pdf"])
                .set_file_name(suggested_name)
                .blocking_save_file()
                .map(into)
                .transpose()
                .map(|p| p.into_iter().collect()),
        }
    }
}

#[cfg(feature = "test-dialogs")]
fn preset_answer(file: &std::path::Path, dialog: &Dialog<'_>) -> Result<Vec<PathBuf>, String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("--test-dialog-answers: cannot read {}: {e}", file.display()))?;
    let answers: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("--test-dialog-answers: {} is not JSON: {e}", file.display()))?;
    let key = match dialog {
        Dialog::Certificate => "certificate",
        Dialog::Annexes => "annexes",
        Dialog::Output { .. } => "output",
        Dialog::Module => "module",
        Dialog::Seal => "seal",
        Dialog::SignedPdf => "signed_pdf",
        Dialog::TrustedCa => "trusted_ca",
    };
    Ok(match &answers[key] {
        serde_json::Value::String(p) => vec![PathBuf::from(p)],
        serde_json::Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(PathBuf::from))
            .collect(),
        _ => Vec::new(),
    })
}
