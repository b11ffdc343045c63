//! Layering invariants: no library crate under `src-tauri/crates/` depends on Tauri, directly or
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

// --- No import circle between the files of one layer -------------------------------------
//
// The app crate's files (src-tauri/src) and the checker's rule modules
// (mla-core/src/rules) must import each other in one direction only: a circle makes every
// file of it a prerequisite of every other, so none can be read or changed alone.

/// Modules (file stems) of `dir` that `path`'s text refers to through `prefix` (for
/// example `crate::` or `super::`), other than itself.
fn references(text: &str, prefix: &str, modules: &BTreeSet<String>, me: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices(prefix) {
        let rest = &text[at + prefix.len()..];
        // `use crate::{a, b::C}` names several modules at once.
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            group[..end].split(',').collect()
        } else {
            vec![rest]
        };
        for name in names {
            let ident: String = name
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if ident != me && modules.contains(&ident) {
                found.insert(ident);
            }
        }
    }
    found
}

/// The first import circle among the `.rs` files of `dir` (not `skip`), if any, as the
/// list of modules around it.
fn import_circle(dir: &Path, prefix: &str, skip: &[&str]) -> Option<Vec<String>> {
    let mut texts = HashMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_some_and(|e| e == "rs") && !skip.contains(&stem.as_str()) {
            texts.insert(stem, std::fs::read_to_string(&path).unwrap());
        }
    }
    let modules: BTreeSet<String> = texts.keys().cloned().collect();
    let edges: HashMap<String, BTreeSet<String>> = texts
        .iter()
        .map(|(m, t)| (m.clone(), references(t, prefix, &modules, m)))
        .collect();
    find_circle(&edges)
}

fn find_circle(edges: &HashMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &HashMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    let mut names: Vec<&String> = edges.keys().collect();
    names.sort();
    names
        .into_iter()
        .find_map(|n| visit(n, edges, &mut done, &mut Vec::new()))
}

#[test]
fn the_app_crates_files_import_each_other_in_one_direction() {
    let dir = workspace_root().join("src-tauri/src");
    // lib.rs and main.rs are the roots that declare and wire every module.
    let circle = import_circle(&dir, "crate::", &["lib", "main"]);
    assert_eq!(circle, None, "import circle between files of src-tauri/src");
}

#[test]
fn the_rule_modules_import_each_other_in_one_direction() {
    let dir = workspace_root().join("src-tauri/crates/mla-core/src/rules");
    // mod.rs is the parent every rule module uses; tests.rs is test code.
    let circle = import_circle(&dir, "super::", &["mod", "tests"]);
    assert_eq!(circle, None, "import circle between rule modules");
}

#[test]
fn the_circle_check_finds_a_circle() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.rs"), "use crate::b::Thing;").unwrap();
    std::fs::write(dir.path().join("b.rs"), "use crate::{c, d::X};").unwrap();
    std::fs::write(dir.path().join("c.rs"), "fn f() { crate::a::g() }").unwrap();
    std::fs::write(dir.path().join("d.rs"), "").unwrap();
    assert_eq!(
        import_circle(dir.path(), "crate::", &[]),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    std::fs::write(dir.path().join("c.rs"), "fn f() {}").unwrap();
    assert_eq!(import_circle(dir.path(), "crate::", &[]), None);
}

// --- No production function over 150 lines (issue #15) ------------------------------------
//
// A function longer than a screenful or three cannot be read at once; split it along its
// natural seams (one function per rule family, per block kind, per phase).

/// The longest a production function may be, signature to closing brace.
const MAX_FUNCTION_LINES: usize = 150;

/// The name of the function a line declares, if it is a `fn` item's first line.
fn declared_fn(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    loop {
        let before = rest;
        for prefix in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "const ",
            "async ",
            "unsafe ",
            "extern \"C\" ",
            "default ",
        ] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        if rest == before {
            break;
        }
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Each `fn` of `text` with its length in lines, from its signature line to the closing
/// brace at the same indentation. Declarations without a body are left out, and so is
/// everything from a `#[cfg(test)]` module on.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() == "#[cfg(test)]" {
            let next = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.starts_with("#["))
                .unwrap_or("");
            if next.starts_with("mod ") || next.starts_with("pub mod ") {
                end = i;
                break;
            }
        }
    }
    let lines = &lines[..end];
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = declared_fn(line) else {
            continue;
        };
        let indent = &line[..line.len() - line.trim_start().len()];
        // Where the signature ends: `{` opens the body, `;` means no body.
        let Some(open) = (i..lines.len()).find(|&j| {
            let t = lines[j].trim_end();
            t.ends_with('{') || t.ends_with(';') || (j == i && t.ends_with('}'))
        }) else {
            continue;
        };
        let t = lines[open].trim_end();
        if t.ends_with(';') {
            continue;
        }
        let close = if t.ends_with('}') {
            Some(open)
        } else {
            let closing = format!("{indent}}}");
            (open + 1..lines.len()).find(|&j| lines[j].trim_end() == closing)
        };
        if let Some(close) = close {
            found.push((name.to_owned(), close - i + 1));
        }
    }
    found
}

/// The production `.rs` files: under src-tauri/src and src-tauri/crates/*/src, without
/// the files of `#[cfg(test)] mod x;` declarations.
fn production_files(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root.join("src-tauri/src"), &mut files);
    for entry in std::fs::read_dir(root.join("src-tauri/crates")).unwrap() {
        let src = entry.unwrap().path().join("src");
        if src.is_dir() {
            walk(&src, &mut files);
        }
    }
    let mut test_modules = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            if pair[0] == "#[cfg(test)]" {
                if let Some(name) = pair[1]
                    .strip_prefix("mod ")
                    .and_then(|m| m.strip_suffix(';'))
                {
                    let stem = file.file_stem().unwrap();
                    let dir = if ["lib", "main", "mod"].iter().any(|s| stem == *s) {
                        file.parent().unwrap().to_path_buf()
                    } else {
                        file.with_extension("")
                    };
                    test_modules.insert(dir.join(format!("{name}.rs")));
                    test_modules.insert(dir.join(name).join("mod.rs"));
                }
            }
        }
    }
    files.retain(|f| !test_modules.contains(f));
    files.sort();
    files
}

#[test]
fn no_production_function_is_over_150_lines() {
    let root = workspace_root();
    let files = production_files(&root);
    assert!(
        files.len() > 20,
        "expected the production sources, found {files:?}"
    );
    let mut over = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for (name, lines) in function_lengths(&text) {
            if lines > MAX_FUNCTION_LINES {
                over.push(format!("{rel}:{name}:{lines}"));
            }
        }
    }
    assert!(
        over.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines (file:function:lines); split them:\n{}",
        over.join("\n")
    );
}

#[test]
fn function_lengths_measure_from_signature_to_closing_brace() {
    let text = "\
fn short() {}
pub(crate) fn three(
    a: u8,
) {
    if a > 0 {
    }
}
trait T {
    fn declared(&self);
    fn provided(&self) -> u8 {
        1
    }
}
#[cfg(test)]
fn test_helper_is_production() {
}
#[cfg(test)]
mod tests {
    fn not_counted() {
    }
}
";
    assert_eq!(
        function_lengths(text),
        vec![
            ("short".to_owned(), 1),
            ("three".to_owned(), 6),
            ("provided".to_owned(), 3),
            ("test_helper_is_production".to_owned(), 2),
        ]
    );
}
