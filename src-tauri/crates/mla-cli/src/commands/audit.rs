//! `mla audit`: who did what, and when.

use mla_store::DraftId;

use crate::error::CliError;
use crate::output::one_line;
use crate::Context;

/// Show the audit log, oldest first: of one draft, or of the whole register.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only this draft.
    id: Option<DraftId>,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let register = context.open_for_reading()?;
    if let Some(id) = args.id {
        register.summary(id)?;
    }
    let entries = register.audit(args.id)?;
    say!(
        "{:<24}  {:<16}  {:<9}  {:>5}  DETAIL",
        "WHEN (UTC)",
        "WHO",
        "ACTION",
        "DRAFT"
    );
    for e in entries {
        let draft = e.draft_id.map(|d| d.to_string()).unwrap_or_default();
        say!(
            "{:<24}  {:<16}  {:<9}  {:>5}  {}",
            one_line(&e.at),
            one_line(&e.actor),
            one_line(&e.action),
            draft,
            one_line(&e.detail)
        );
    }
    Ok(())
}
