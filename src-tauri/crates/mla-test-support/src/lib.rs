//! Test support for MLA Desk's crates (a dev-dependency only): the helpers several test
//! binaries need, compiled once instead of included by `#[path]` in each.
//!
//! - [`pki`] (re-exported here): a CA and signers made fresh with openssl, and the
//!   independent validators — `pdfsig`, pyHanko, `qpdf` — that judge our signed PDFs.
//! - [`sample`]: realistic unsigned PDFs to sign.
//! - [`hostile`]: hostile PDFs built byte by byte (loops, bombs, forged requests).
//! - [`softhsm`]: a SoftHSM2 token of the test's own, for PKCS#11 signing.

pub mod hostile;
pub mod pki;
pub mod sample;
pub mod softhsm;

pub use pki::*;

use std::path::PathBuf;

/// The workspace's root folder (examples, profiles and templates are read from there).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../.."))
}

/// The example requests shipped in `assets/examples/`, sorted.
pub fn examples() -> Vec<PathBuf> {
    let dir = workspace_root().join("assets/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(".mla.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    files
}
