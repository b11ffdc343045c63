//! `mla import`: request files into the register, all or nothing.

use std::path::PathBuf;

use crate::error::CliError;
use crate::input::read_request_file;
use crate::Context;

/// Import request files (.mla.json) as new drafts, all or nothing.
///
/// Every file is checked first: if any is unreadable or invalid, every problem is
/// reported and nothing is imported.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The files to import.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let mut requests = Vec::with_capacity(args.files.len());
    let mut errors = Vec::new();
    for path in &args.files {
        match read_request_file(path) {
            Ok(request) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                requests.push((request, format!("imported from {name}")));
            }
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        if args.files.len() > 1 {
            tell!(
                "mla: nothing imported: {} of {} files have problems",
                errors.len(),
                args.files.len()
            );
        }
        return Err(if errors.len() == 1 {
            errors.remove(0)
        } else {
            CliError::Several(errors)
        });
    }
    // Opened only now: bad input never creates or touches the register.
    let register = context.open_for_writing()?;
    let ids = register.create_many(&requests, &context.actor)?;
    for (path, id) in args.files.iter().zip(ids) {
        say!("{id}\t{}", path.display());
    }
    Ok(())
}
