//! `mla trash` and `mla untrash`.

use mla_store::DraftId;

use crate::error::CliError;
use crate::Context;

/// Move a draft to the trash.
///
/// It is kept, with its history; `mla untrash` brings it back.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft's id.
    id: DraftId,
}

/// Take a draft out of the trash.
#[derive(clap::Args, Debug)]
pub struct UntrashArgs {
    /// The draft's id.
    id: DraftId,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let register = context.open_for_writing()?;
    register.trash(args.id, &context.actor)?;
    say!("draft {} moved to the trash", args.id);
    Ok(())
}

pub fn run_untrash(context: &Context, args: UntrashArgs) -> Result<(), CliError> {
    let register = context.open_for_writing()?;
    register.untrash(args.id, &context.actor)?;
    say!("draft {} taken out of the trash", args.id);
    Ok(())
}
