//! `mla profiles`: the requested-State profiles in force and what each covers;
//! `mla profiles import PATH` and `mla profiles reset` manage the imported profile pack.

use mla_core::profile::UNKNOWN_FACT;
use mla_core::profile_coverage::{
    FULL_PROFILE_MIN_OF, FULL_PROFILE_REQUIRES, FULL_PROFILE_SOME_OF,
};
use mla_profiles::{LoadedProfiles, PackStore};

use crate::error::CliError;
use crate::output::one_line;

/// Output format.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// List the States with a profile, what is sourced and what is unknown, with totals.
///
/// Profiles come from the built-in data, overridden State by State by the imported
/// profile pack (see `mla profiles import`). Packs live in $MLA_PROFILE_DIR, else the user
/// data folder (on Linux ~/.local/share/mla-desk/profiles).
#[derive(clap::Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(clap::Subcommand, Debug)]
enum Action {
    /// Import a profile pack (a folder or a .zip of XXX.toml files). All or nothing: a pack
    /// with any problem is rejected with every problem listed, and nothing changes.
    Import {
        /// The folder or .zip file.
        path: std::path::PathBuf,
    },
    /// Stop using the imported pack and go back to the built-in profiles.
    Reset,
}

/// Load the profiles in force, warning on stderr when a stored pack cannot be used.
pub fn load() -> Result<LoadedProfiles, CliError> {
    let store = PackStore::from_env()?;
    let loaded = store.load()?;
    if let Some(problem) = &loaded.pack_problem {
        tell!(
            "mla: warning: the imported profile pack is not used, built-in profiles are: {problem}"
        );
    }
    Ok(loaded)
}

pub fn run(args: Args) -> Result<(), CliError> {
    match args.action {
        Some(Action::Import { path }) => import(&path),
        Some(Action::Reset) => reset(),
        None => list(args.format),
    }
}

fn import(path: &std::path::Path) -> Result<(), CliError> {
    let store = PackStore::from_env()?;
    let today = chrono::Local::now().date_naive();
    let report = store.import(path, today)?;
    say!(
        "imported profile pack `{}`: {} State profile(s) now override the built-in ones: {}",
        one_line(&report.active.name),
        report.active.states.len(),
        report.active.states.join(" ")
    );
    for ignored in &report.ignored {
        tell!(
            "mla: note: {} is not a profile (XXX.toml) and was left out",
            one_line(ignored)
        );
    }
    Ok(())
}

fn reset() -> Result<(), CliError> {
    let store = PackStore::from_env()?;
    match store.reset()? {
        Some(previous) => say!(
            "profile pack `{}` removed; the built-in profiles are in force",
            one_line(&previous.name)
        ),
        None => say!("no profile pack was imported; the built-in profiles are in force"),
    }
    Ok(())
}

fn list(format: Format) -> Result<(), CliError> {
    let loaded = load()?;
    let (rows, totals) = loaded.set.coverage();
    if format == Format::Json {
        let value = serde_json::json!({
            "pack": loaded.active,
            "states": rows,
            "totals": totals,
        });
        crate::output::print_exact(&format!(
            "{}\n",
            serde_json::to_string_pretty(&value).expect("coverage serializes")
        ))?;
        return Ok(());
    }
    let mut out = String::new();
    out.push_str(&format!(
        "{:<4} {:<32} {:<10} {:<4} {:<4} {:<5} {:>5}  {:<22} UNKNOWN ({UNKNOWN_FACT})\n",
        "ISO", "STATE", "UNCAC", "CA", "LANG", "FULL", "FACTS", "ORIGIN"
    ));
    for r in &rows {
        let uncac = match r.uncac {
            Some(mla_core::profile::PartyStatus::Party) => "party",
            Some(mla_core::profile::PartyStatus::Signatory) => "signatory",
            Some(mla_core::profile::PartyStatus::NotParty) => "not party",
            None => "unknown",
        };
        let yes = |b: bool| if b { "yes" } else { "-" };
        let has = |s: &str| r.sourced.iter().any(|x| x == s);
        out.push_str(&format!(
            "{:<4} {:<32} {:<10} {:<4} {:<4} {:<5} {:>5}  {:<22} {}\n",
            r.iso3,
            truncate(&r.name, 32),
            uncac,
            yes(has("central_authorities")),
            yes(has("languages")),
            yes(r.full),
            r.facts,
            r.origin,
            r.unknown.join(", ")
        ));
    }
    out.push_str(&format!(
        "\nTotals: {} States with a profile; {} parties to UNCAC (sourced); \
         {} with a sourced central authority and languages; {} full profiles; {} sourced facts.\n",
        totals.states,
        totals.uncac_parties,
        totals.with_authority_and_languages,
        totals.full_profiles,
        totals.facts
    ));
    out.push_str(&format!(
        "A full profile has sourced {}, and at least {FULL_PROFILE_MIN_OF} of {}.\n",
        FULL_PROFILE_REQUIRES.join(", "),
        FULL_PROFILE_SOME_OF.join(", ")
    ));
    if let Some(active) = &loaded.active {
        out.push_str(&format!(
            "Imported pack `{}` ({} States, imported {}) overrides the built-in profiles.\n",
            active.name,
            active.states.len(),
            active.imported
        ));
    }
    crate::output::print(&out)?;
    Ok(())
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}
