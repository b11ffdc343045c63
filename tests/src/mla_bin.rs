//! The real `mla` binary for the end-to-end tests (which also run the command line).
//!
//! Tests of another package do not get `CARGO_BIN_EXE_mla`, and a test never runs cargo
//! itself: `scripts/e2e.sh` builds `mla` with the app, and this finds it beside the test
//! executable's profile folder. `MLA_BIN=/path/to/mla` names another one (an installed
//! binary, for example).

use std::path::PathBuf;

/// Path of the `mla` binary: `MLA_BIN`, else `target/<profile>/mla`.
pub fn mla_bin() -> PathBuf {
    if let Some(path) = std::env::var_os("MLA_BIN") {
        return PathBuf::from(path);
    }
    // The test executable is target/<profile>/deps/<name>-<hash>.
    let exe = std::env::current_exe().expect("current_exe");
    let bin = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("test executable under target/<profile>/deps")
        .join(format!("mla{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "{} is missing: build it first (`cargo build -p mla-cli`, as scripts/e2e.sh does) \
         or set MLA_BIN",
        bin.display()
    );
    bin
}
