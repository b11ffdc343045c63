//! The committed TypeScript bindings in `ui/src/bindings/` must be exactly what the Rust
//! types generate. Run with `UPDATE_BINDINGS=1` to rewrite them after changing a type.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings")
}

fn read_dir_files(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ts") {
            files.insert(name, std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    files
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let fresh_dir = tempfile::tempdir().unwrap();
    mla_desk::commands::export_bindings(fresh_dir.path()).unwrap();
    let fresh = read_dir_files(fresh_dir.path());
    assert!(
        fresh.contains_key("ipc.ts") && fresh.contains_key("model.ts"),
        "generation produced {:?}",
        fresh.keys()
    );

    let committed_path = committed_dir();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(&committed_path).unwrap();
        for (name, _) in read_dir_files(&committed_path) {
            if !fresh.contains_key(&name) {
                std::fs::remove_file(committed_path.join(&name)).unwrap();
            }
        }
        for (name, text) in &fresh {
            std::fs::write(committed_path.join(name), text).unwrap();
        }
        return;
    }

    let committed = read_dir_files(&committed_path);
    let mut problems = Vec::new();
    for (name, text) in &fresh {
        match committed.get(name) {
            None => problems.push(format!("{name} is missing from ui/src/bindings/")),
            Some(old) if old != text => problems.push(format!("{name} differs")),
            Some(_) => {}
        }
    }
    for name in committed.keys() {
        if !fresh.contains_key(name) {
            problems.push(format!("{name} is no longer generated"));
        }
    }
    assert!(
        problems.is_empty(),
        "the TypeScript bindings are out of date: {}.\nRegenerate them with:\n  \
         UPDATE_BINDINGS=1 cargo test -p mla-desk --test bindings",
        problems.join("; ")
    );
}

#[test]
fn generation_is_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    mla_desk::commands::export_bindings(a.path()).unwrap();
    mla_desk::commands::export_bindings(b.path()).unwrap();
    assert_eq!(read_dir_files(a.path()), read_dir_files(b.path()));
}

/// Every command is declared to tauri-build (build.rs) and granted in the capability file,
/// and nothing else is granted.
#[test]
fn capability_grants_exactly_the_app_commands_and_event_listening() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cap: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("capabilities/main-window.json")).unwrap(),
    )
    .unwrap();
    let mut granted: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    granted.sort();
    let mut expected: Vec<String> = mla_desk::commands::COMMAND_NAMES
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .chain([
            "core:event:allow-listen".into(),
            "core:event:allow-unlisten".into(),
        ])
        .collect();
    expected.sort();
    assert_eq!(granted, expected);

    let build_rs = std::fs::read_to_string(root.join("build.rs")).unwrap();
    for c in mla_desk::commands::COMMAND_NAMES {
        assert!(
            build_rs.contains(&format!("\"{c}\"")),
            "command {c} is not listed in APP_COMMANDS in build.rs"
        );
    }
}

/// The CSP allows only the app's own files and the IPC channel.
#[test]
fn csp_is_strict() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("tauri.conf.json")).unwrap())
            .unwrap();
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    let all = csp.to_string();
    for bad in ["unsafe-eval", "unsafe-inline", "http:", "https:", "*"] {
        let allowed_ipc = all.replace("http://ipc.localhost", "");
        assert!(!allowed_ipc.contains(bad), "CSP allows {bad}: {all}");
    }
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}
