//! Finding (and if need be building) the real `mla` binary for tests.
//!
//! Cargo gives `CARGO_BIN_EXE_*` only to tests of the binary's own package, so this crate
//! builds `mla-cli` itself, once per test process, with the cargo that runs the tests and
//! the same profile, into the same target folder. `MLA_BIN=/path/to/mla` skips the build
//! (e.g. to test an installed binary).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// Path of the `mla` binary, built on first use.
pub fn mla_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(build).clone()
}

fn build() -> PathBuf {
    if let Some(path) = std::env::var_os("MLA_BIN") {
        return PathBuf::from(path);
    }
    // The test executable is target/<profile>/deps/<name>-<hash>.
    let exe = std::env::current_exe().expect("current_exe");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("test executable under target/<profile>/deps")
        .to_path_buf();
    let profile = profile_dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("debug")
        .to_owned();
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(&workspace)
        .args(["build", "--quiet", "-p", "mla-cli", "--bin", "mla"]);
    match profile.as_str() {
        "debug" => {}
        "release" => {
            command.arg("--release");
        }
        other => {
            command.args(["--profile", other]);
        }
    }
    let status = command.status().expect("running cargo build for mla");
    assert!(status.success(), "cargo build -p mla-cli failed");
    let bin = profile_dir.join(format!("mla{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.is_file(), "{} was not built", bin.display());
    bin
}
