//! `mla`: MLA Desk from the command line. Thin glue: arguments in, one library call, text
//! out. Each subcommand is one module under `commands/`.

#[macro_use]
mod output;
mod commands;
mod error;
mod input;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mla_store::{OpenOptions, Register, StoreError};

use crate::error::CliError;

const AFTER_HELP: &str = "\
Examples:
  mla new --reference EXA/2026/12 --state FRA     start an empty draft, print its id
  mla import assets/examples/*.mla.json          import request files as new drafts
  mla list --query FRA                           drafts whose reference, State, status
                                                 or case number contains FRA
  mla show 3                                     summary of draft 3
  mla history 3                                  every saved version of draft 3
  mla restore 3 2                                make version 2 of draft 3 current again
  mla export-json 3 -o request.mla.json          write draft 3 to a request file
  mla trash 3 / mla untrash 3                    move to / out of the trash
  mla duplicate 3                                copy draft 3 into a new draft
  mla status 3 ready                             set the status (draft, ready, sent, closed)
  mla audit 3                                    who did what to draft 3, and when
  mla render request.mla.json --lang fr -o letter.pdf
                                                 the letter of request in French (PDF;
                                                 .html for the preview)
  mla --register /tmp/test.sqlite list           use another register
  mla check request.mla.json --lang fr           check a request file (findings in French)
  mla check request.mla.json --format json       the same, as JSON for tools
  mla rules                                      the rule catalogue with sources
  mla profiles                                   States with a profile: what is sourced,
                                                 what is unknown, totals
  mla profile THA                                one State's profile, each fact with its
                                                 source and the date it was checked
  mla profiles import pack.zip                   import a profile pack (folder or .zip);
                                                 all or nothing
  mla export req.mla.json --sign me.p12 --lang fr -o letter.pdf
                                                 the letter as a signed PDF with the request
  mla sign-pdf letter.pdf --p12 me.p12 --embed-json req.mla.json -o signed.pdf
                                                 sign (PAdES), embedding the request; the
                                                 password from $MLA_SIGN_PASSWORD or stdin
  mla verify signed.pdf --trust ca.pem --extract-request req.mla.json
                                                 check a signed PDF, extract its request

Register: --register PATH, else $MLA_REGISTER, else the user data folder
(on Linux ~/.local/share/mla-desk/register.sqlite). It is created if missing.

Exit codes:
  0  success
  1  the data given is wrong: a request file that does not parse (malformed, truncated,
     too large, newer format_version, wrong field type), an unknown draft or version,
     a profile pack with problems (every problem is listed; nothing is imported), a State
     code that is not ISO 3166-1 alpha-3
  2  usage error, or something could not be read or written: a missing or unreadable
     file, a register that is locked, read-only, damaged or not a register; a letter
     that could not be rendered
  3  `mla verify`: the PDF is not signed, a signature is invalid or untrusted, or the
     file was changed after signing
Nothing is written to the register when a command fails.
`mla check` has its own codes: 0 no blocker, 1 at least one blocker, 2 the file cannot be
read or is not a valid request file.";

/// MLA Desk: draft and check requests for mutual legal assistance in criminal matters.
#[derive(Parser, Debug)]
#[command(name = "mla", version, after_help = AFTER_HELP)]
struct Cli {
    /// The register file (SQLite).
    #[arg(long, global = true, env = mla_store::REGISTER_ENV, value_name = "PATH")]
    register: Option<PathBuf>,

    /// Name recorded in the history and audit log [default: the OS user].
    #[arg(long, global = true, env = "MLA_ACTOR", value_name = "NAME")]
    actor: Option<String>,

    /// How long to wait for a register locked by another program, in milliseconds.
    #[arg(long, global = true, default_value_t = 5000, value_name = "MS")]
    busy_timeout_ms: u64,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    New(commands::new::Args),
    Import(commands::import::Args),
    ExportJson(commands::export_json::Args),
    List(commands::list::Args),
    Show(commands::show::Args),
    History(commands::history::Args),
    Restore(commands::restore::Args),
    Trash(commands::trash::Args),
    Untrash(commands::trash::UntrashArgs),
    Export(Box<commands::export::Args>),
    SignPdf(Box<commands::sign_pdf::Args>),
    Verify(commands::verify::Args),
    Duplicate(commands::duplicate::Args),
    Status(commands::status::Args),
    Audit(commands::audit::Args),
    Check(commands::check::Args),
    Rules(commands::rules::Args),
    Profiles(commands::profiles::Args),
    Profile(commands::profile::Args),
    Render(commands::render::Args),
}

/// What every command gets: how to reach the register, and who acts.
pub struct Context {
    register_path: Option<PathBuf>,
    busy_timeout_ms: u64,
    pub actor: String,
}

impl Context {
    fn path(&self) -> Result<PathBuf, StoreError> {
        match &self.register_path {
            Some(path) => Ok(path.clone()),
            None => Register::default_path_created(),
        }
    }

    fn options(&self, read_only: bool) -> OpenOptions {
        OpenOptions {
            read_only,
            busy_timeout: std::time::Duration::from_millis(self.busy_timeout_ms),
        }
    }

    /// Open the register to change it.
    pub fn open_for_writing(&self) -> Result<Register, CliError> {
        Ok(told(Register::open_with(
            &self.path()?,
            &self.options(false),
        )?))
    }

    /// Open the register to read it: a register that cannot be written (read-only file or
    /// media) is still shown.
    pub fn open_for_reading(&self) -> Result<Register, CliError> {
        let path = self.path()?;
        match Register::open_with(&path, &self.options(false)) {
            Err(StoreError::ReadOnly { .. }) => {
                Ok(Register::open_with(&path, &self.options(true))?)
            }
            other => Ok(told(other?)),
        }
    }
}

/// Say on stderr, in one line, that opening made the register private (it happens once:
/// the next open finds it private). SQLite makes the WAL and shared-memory files like the
/// register when it opens it, so they are made private with it.
fn told(register: Register) -> Register {
    let tightened = register.tightened_permissions();
    if let Some(t) = tightened
        .iter()
        .find(|t| t.path == register.path())
        .or(tightened.first())
    {
        let also = if tightened.len() > 1 {
            "it and its WAL and shared-memory files are"
        } else {
            "it is"
        };
        tell!(
            "mla: note: the register {} could be read by other users of this machine \
             (permissions {:o}); {also} now private to you ({:o})",
            register.path().display(),
            t.was,
            t.now
        );
    }
    register
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let context = Context {
        register_path: cli.register,
        busy_timeout_ms: cli.busy_timeout_ms,
        actor: cli.actor.unwrap_or_else(mla_store::default_actor),
    };
    let outcome = match cli.command {
        Command::New(args) => commands::new::run(&context, args),
        Command::Import(args) => commands::import::run(&context, args),
        Command::ExportJson(args) => commands::export_json::run(&context, args),
        Command::List(args) => commands::list::run(&context, args),
        Command::Show(args) => commands::show::run(&context, args),
        Command::History(args) => commands::history::run(&context, args),
        Command::Restore(args) => commands::restore::run(&context, args),
        Command::Trash(args) => commands::trash::run(&context, args),
        Command::Untrash(args) => commands::trash::run_untrash(&context, args),
        Command::Profiles(args) => commands::profiles::run(args),
        Command::Profile(args) => commands::profile::run(args),
        Command::Export(args) => commands::export::run(&context, *args),
        Command::SignPdf(args) => commands::sign_pdf::run(&context, *args),
        Command::Verify(args) => commands::verify::run(&context, args),
        Command::Duplicate(args) => commands::duplicate::run(&context, args),
        Command::Status(args) => commands::status::run(&context, args),
        Command::Audit(args) => commands::audit::run(&context, args),
        Command::Check(args) => commands::check::run(args),
        Command::Rules(args) => commands::rules::run(args),
        Command::Render(args) => commands::render::run(&context, args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            for line in error.report_lines() {
                output::print_stderr(&line);
            }
            ExitCode::from(error.exit_code())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
