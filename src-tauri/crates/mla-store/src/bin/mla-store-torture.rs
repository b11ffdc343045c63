//! Test helper for the crash-safety test (`tests/crash.rs`): saves versions of one draft
//! in a tight loop and prints `committed N` after each commit returns, so the test can
//! kill it with SIGKILL at any moment and then check what survived.
//!
//! Usage: `mla-store-torture REGISTER [MAX_SAVES]`. The content of version N is a pure
//! function of N ([`payload`]), which the test recomputes to compare bytes.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use mla_core::Request;
use mla_store::{ListFilter, Register};

fn payload(version: i64) -> Request {
    let mut request = Request {
        id: "torture-doc".to_owned(),
        reference: "TORTURE".to_owned(),
        requested_state: "FRA".to_owned(),
        ..Request::default()
    };
    let filler = (version * 37 % 3000) as usize;
    request.facts = format!(
        "Version {version}. {}",
        "Lorem ipsum dolor. ".repeat(filler)
    );
    request
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: mla-store-torture REGISTER [MAX_SAVES]");
        return ExitCode::from(2);
    };
    let max: i64 = args
        .next()
        .and_then(|a| a.to_str().and_then(|s| s.parse().ok()))
        .unwrap_or(i64::MAX);
    match run(&path, max) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mla-store-torture: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(path: &std::path::Path, max: i64) -> Result<(), mla_store::StoreError> {
    let register = Register::open(path)?;
    let existing = register.list(&ListFilter::default())?;
    let id = match existing.first() {
        Some(summary) => summary.id,
        None => {
            let id = register.create(&payload(1), "torture")?;
            print_committed(1);
            id
        }
    };
    for _ in 0..max {
        let next = register.summary(id)?.version + 1;
        let committed = register.save(id, &payload(next), "torture")?;
        print_committed(committed);
    }
    Ok(())
}

fn print_committed(version: i64) {
    let mut out = std::io::stdout().lock();
    // If the test has gone away there is no one to tell: stop quietly.
    if writeln!(out, "committed {version}")
        .and_then(|_| out.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}
