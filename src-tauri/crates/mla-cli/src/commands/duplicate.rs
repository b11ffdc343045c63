//! `mla duplicate`: copy a draft into a new one.

use mla_store::DraftId;

use crate::error::CliError;
use crate::Context;

/// Copy a draft into a new draft and print the new id.
///
/// The copy starts at version 1 with the current content and a new document id.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft to copy.
    id: DraftId,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let register = context.open_for_writing()?;
    let new_id = register.duplicate(args.id, &context.actor)?;
    say!("{new_id}");
    Ok(())
}
