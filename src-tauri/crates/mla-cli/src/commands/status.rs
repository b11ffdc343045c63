//! `mla status`: set a draft's status.

use mla_store::DraftId;

use crate::error::CliError;
use crate::Context;

/// Set a draft's status: draft, ready, sent or closed.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft's id.
    id: DraftId,
    /// The new status.
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(mla_store::STATUSES))]
    status: String,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let register = context.open_for_writing()?;
    register.set_status(args.id, &args.status, &context.actor)?;
    say!("draft {}: status {}", args.id, args.status);
    Ok(())
}
