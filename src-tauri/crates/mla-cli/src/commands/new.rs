//! `mla new`: start an empty draft.

use mla_core::Request;

use crate::error::CliError;
use crate::Context;

/// Start a new, empty draft and print its id.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The requesting authority's reference for the request.
    #[arg(long, value_name = "R")]
    reference: Option<String>,
    /// Requested State, ISO 3166-1 alpha-3 (e.g. FRA).
    #[arg(long, value_name = "XXX", value_parser = parse_state)]
    state: Option<String>,
}

fn parse_state(value: &str) -> Result<String, String> {
    if value.len() == 3 && value.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(value.to_ascii_uppercase())
    } else {
        Err("expected an ISO 3166-1 alpha-3 code of three letters, e.g. FRA".to_owned())
    }
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let request = Request {
        reference: args.reference.unwrap_or_default(),
        requested_state: args.state.unwrap_or_default(),
        ..Request::default()
    };
    let register = context.open_for_writing()?;
    let id = register.create(&request, &context.actor)?;
    say!("{id}");
    Ok(())
}
