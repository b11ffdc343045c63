//! `mla history`: the saved versions of a draft.

use mla_store::DraftId;

use crate::error::CliError;
use crate::output::one_line;
use crate::Context;

/// List every saved version of a draft, oldest first.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft's id.
    id: DraftId,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let register = context.open_for_reading()?;
    let versions = register.history(args.id)?;
    say!(
        "{:>7}  {:<24}  {:<16}  NOTE",
        "VERSION",
        "SAVED (UTC)",
        "BY"
    );
    for v in versions {
        say!(
            "{:>7}  {:<24}  {:<16}  {}",
            v.version,
            one_line(&v.saved_at),
            one_line(&v.actor),
            one_line(&v.note)
        );
    }
    Ok(())
}
