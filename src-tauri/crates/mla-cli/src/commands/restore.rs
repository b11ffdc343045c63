//! `mla restore`: make an earlier version current again.

use mla_store::DraftId;

use crate::error::CliError;
use crate::Context;

/// Make an earlier version of a draft current again.
///
/// The old version is saved again as a new version: nothing in the history is lost.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft's id.
    id: DraftId,
    /// The version to restore (see `mla history`).
    version: i64,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let register = context.open_for_writing()?;
    let new_version = register.restore_version(args.id, args.version, &context.actor)?;
    say!(
        "draft {}: version {} restored as version {new_version}",
        args.id,
        args.version
    );
    Ok(())
}
