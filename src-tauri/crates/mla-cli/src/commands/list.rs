//! `mla list`: the drafts in the register.

use mla_store::ListFilter;

use crate::error::CliError;
use crate::output::one_line;
use crate::Context;

/// List drafts, most recently updated first.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only drafts whose reference, requested State, status or case number contains Q
    /// (case-insensitive).
    #[arg(short, long, value_name = "Q")]
    query: Option<String>,
    /// List the drafts in the trash instead.
    #[arg(long, conflicts_with = "all")]
    trash: bool,
    /// List all drafts, in the trash or not.
    #[arg(long)]
    all: bool,
    /// Print JSON (an array of summaries) instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let register = context.open_for_reading()?;
    let drafts = register.list(&ListFilter {
        query: args.query,
        include_deleted: args.all,
        only_deleted: args.trash,
    })?;
    if args.json {
        let mut json = serde_json::to_string_pretty(&drafts).expect("summaries serialize");
        json.push('\n');
        crate::output::print_exact(&json)?;
        return Ok(());
    }
    if drafts.is_empty() {
        tell!("no drafts");
        return Ok(());
    }
    say!(
        "{:>5}  {:>7}  {:<7}  {:<5}  {:<20}  REFERENCE",
        "ID",
        "VERSION",
        "STATUS",
        "STATE",
        "UPDATED (UTC)"
    );
    for d in drafts {
        let updated = d
            .updated_at
            .get(..19)
            .unwrap_or(&d.updated_at)
            .replace('T', " ");
        let trash = if d.deleted { "  [trash]" } else { "" };
        say!(
            "{:>5}  {:>7}  {:<7}  {:<5}  {:<20}  {}{trash}",
            d.id,
            d.version,
            one_line(&d.status),
            one_line(&d.requested_state),
            updated,
            one_line(&d.reference)
        );
    }
    Ok(())
}
