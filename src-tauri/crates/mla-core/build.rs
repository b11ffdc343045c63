//! Embeds every `assets/profiles/*.toml` in the binary as the built-in State profiles.
//!
//! Generates `builtin_profiles.rs` in OUT_DIR: a sorted table of (file name, contents)
//! built with `include_str!`, so that the core itself never reads a file at run time.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let profiles_dir = manifest_dir.join("../../../assets/profiles");
    println!("cargo:rerun-if-changed={}", profiles_dir.display());

    let mut files: Vec<(String, PathBuf)> = Vec::new();
    if let Ok(entries) = fs::read_dir(&profiles_dir) {
        for entry in entries {
            let path = entry.expect("readable assets/profiles entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_owned)
                .unwrap_or_default();
            if path.is_file() && name.ends_with(".toml") {
                let path = path.canonicalize().expect("canonical profile path");
                println!("cargo:rerun-if-changed={}", path.display());
                files.push((name, path));
            }
        }
    }
    files.sort();

    let mut out = String::from(
        "/// Built-in profile files: (file name, TOML text), sorted by file name.\n\
         pub static BUILTIN_PROFILE_FILES: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let out_path =
        PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("builtin_profiles.rs");
    fs::write(out_path, out).expect("write builtin_profiles.rs");
}
