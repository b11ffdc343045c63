//! The real `mla` binary, end to end: one test binary for every command-line test, so that
//! Cargo builds `mla` for it (`CARGO_BIN_EXE_mla`) and links the test code once.
//!
//! `MLA_BIN=/path/to/mla` tests another binary instead (an installed one, for example).

use std::path::PathBuf;

// The signing tests' PKI, sample PDFs and validators, shared with mla-sign's own tests.
use mla_test_support as common;
// Hostile PDFs (loops, bombs, forged requests), shared with mla-sign's own tests.
use mla_test_support::hostile;

mod careless;
mod check;
mod check_letter;
mod cli;
mod cli_sign;
mod hostile_pdf;
mod profiles_cli;
mod render;
mod render_addressee;

/// The `mla` binary under test: `MLA_BIN` if set, else the one Cargo built for this test.
pub fn mla_bin() -> PathBuf {
    match std::env::var_os("MLA_BIN") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_BIN_EXE_mla")),
    }
}

/// The workspace's root folder (examples, profiles and templates are read from there).
pub use mla_test_support::workspace_root;
