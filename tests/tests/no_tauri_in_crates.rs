//! Invariant: no library crate under `src-tauri/crates/` depends on Tauri, directly or
//! transitively. The app crate (`src-tauri/`) is the only one allowed to.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn metadata() -> Value {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(workspace_root())
        .output()
        .expect("running cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata output is JSON")
}

fn is_tauri(name: &str) -> bool {
    name == "tauri" || name.starts_with("tauri-")
}

/// For `root`, the chain of package names leading to a Tauri crate, if any. Follows
/// normal and build dependencies (what ships), plus the root's own dev-dependencies.
fn tauri_path(meta: &Value, root: &str) -> Option<Vec<String>> {
    let names: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let nodes: HashMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let mut seen = BTreeSet::new();
    let mut stack: Vec<(&str, Vec<String>)> = vec![(root, vec![names[root].to_owned()])];
    while let Some((id, path)) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if is_tauri(names[id]) {
            return Some(path);
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let kinds = dep["dep_kinds"].as_array().unwrap();
            let follows = kinds.iter().any(|k| match k["kind"].as_str() {
                None | Some("build") => true,
                Some("dev") => id == root,
                Some(_) => false,
            });
            if follows {
                let dep_id = dep["pkg"].as_str().unwrap();
                let mut p = path.clone();
                p.push(names[dep_id].to_owned());
                stack.push((dep_id, p));
            }
        }
    }
    None
}

fn members_under(meta: &Value, dir: &Path) -> Vec<(String, String)> {
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| Path::new(p["manifest_path"].as_str().unwrap()).starts_with(dir))
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_owned(),
                p["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn no_library_crate_depends_on_tauri() {
    let meta = metadata();
    let crates_dir = workspace_root().join("src-tauri/crates");
    let crates = members_under(&meta, &crates_dir);
    assert!(
        crates.iter().any(|(_, n)| n == "mla-core") && crates.iter().any(|(_, n)| n == "mla-store"),
        "expected mla-core and mla-store under {}, found {crates:?}",
        crates_dir.display()
    );
    let offenders: Vec<String> = crates
        .iter()
        .filter_map(|(id, name)| {
            tauri_path(&meta, id).map(|p| format!("{name}: {}", p.join(" -> ")))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "crates under src-tauri/crates/ must not depend on Tauri:\n{}",
        offenders.join("\n")
    );
}

/// The check can fail: it does find Tauri below the app crate.
#[test]
fn the_check_finds_tauri_under_the_app_crate() {
    let meta = metadata();
    let app = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "mla-desk")
        .expect("the mla-desk package");
    let path = tauri_path(&meta, app["id"].as_str().unwrap()).expect("mla-desk depends on tauri");
    assert_eq!(path.first().map(String::as_str), Some("mla-desk"));
    assert!(is_tauri(path.last().unwrap()));
}
