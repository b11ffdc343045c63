//! `mla export-json`: a draft to a request file.

use std::io::Write;
use std::path::PathBuf;

use mla_store::DraftId;

use crate::error::CliError;
use crate::output::write_atomically;
use crate::Context;

/// Write a draft (its current version, or --version N) to a request file, atomically.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft's id (see `mla list`).
    id: DraftId,
    /// The file to write; `-` for standard output.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Export this version instead of the current one (see `mla history`).
    #[arg(long, value_name = "N")]
    version: Option<i64>,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    crate::output::guard_output(&args.output, &[], context)?;
    let register = context.open_for_reading()?;
    let text = match args.version {
        Some(version) => register.version_text(args.id, version)?,
        None => register.current_text(args.id)?,
    };
    if args.output.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|source| CliError::WriteOutput {
                path: args.output.clone(),
                source,
            })?;
        return Ok(());
    }
    write_atomically(&args.output, text.as_bytes())?;
    tell!("draft {} written to {}", args.id, args.output.display());
    Ok(())
}
