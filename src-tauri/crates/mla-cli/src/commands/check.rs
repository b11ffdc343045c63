//! `mla check`: run the rule catalogue over a request file.

use std::path::PathBuf;

use chrono::NaiveDate;
use mla_core::rules::{render_text, LetterFacts};
use mla_core::{Finding, Lang, ProfileSet, Readiness};
use mla_letter::{LetterError, Letters};
use mla_usecase::{check_request, CheckInput, LetterChoice};
use serde::Serialize;

use crate::error::CliError;

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default)]
pub enum LangArg {
    #[default]
    En,
    Fr,
    Es,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::En => Lang::En,
            LangArg::Fr => Lang::Fr,
            LangArg::Es => Lang::Es,
        }
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Readable text, grouped by severity.
    #[default]
    Text,
    /// Stable JSON for tools.
    Json,
}

/// Check a request file against the rule catalogue and the requested State's profile.
///
/// Exit code: 0 when there is no blocker, 1 when there is at least one, 2 when the file
/// cannot be read or is not a valid request file.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The request file (.mla.json).
    file: PathBuf,
    /// Language of the findings.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Check as of this date (YYYY-MM-DD) instead of today's date (UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    today: Option<NaiveDate>,
    /// Ignore the requested State's profile (built-in or imported): no `state.*` rule.
    #[arg(long)]
    no_profile: bool,
    /// Language of the letter whose untranslated parts and template review are checked
    /// (ar, zh, en, fr, ru, es), or `none` for no letter [default: the drafting language
    /// if the requested State accepts it, else the first language it accepts that has a
    /// template, else the drafting language].
    #[arg(long, value_name = "XX")]
    letter_lang: Option<String>,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| format!("`{text}` is not a date as YYYY-MM-DD: {e}"))
}

/// Today's date in UTC, from the system clock (the only place the clock is read).
fn today_utc() -> NaiveDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
        + chrono::Duration::days((seconds / 86_400) as i64)
}

#[derive(Serialize)]
struct JsonReport<'a> {
    file: String,
    lang: &'static str,
    today: NaiveDate,
    /// ISO code of the profile used, if any.
    profile: Option<&'a str>,
    /// The letter checked: language, template review, parts still to translate.
    letter: Option<&'a LetterFacts>,
    readiness: Readiness,
    findings: &'a [Finding],
}

pub fn run(args: Args) -> Result<(), CliError> {
    let request = crate::input::read_request_file(&args.file)
        .map_err(|e| CliError::CheckInput(Box::new(e)))?;
    let lang = Lang::from(args.lang);
    let today = args.today.unwrap_or_else(today_utc);
    // The profiles in force: built-in, overridden by the imported pack (a pack that cannot
    // be used is reported on stderr and the built-ins are used).
    let profiles: Option<ProfileSet> = if args.no_profile {
        None
    } else {
        Some(crate::commands::profiles::load()?.set)
    };
    let entry = profiles
        .as_ref()
        .and_then(|set| set.entry(request.requested_state.trim()));
    let letter = match args.letter_lang.as_deref().map(str::trim) {
        None => LetterChoice::Default,
        Some(l) if l.eq_ignore_ascii_case("none") => LetterChoice::None,
        Some(l) => LetterChoice::Lang(l.to_owned()),
    };
    let letters = Letters::load().map_err(|e| CliError::Render(e.to_string()))?;
    let checked = check_request(
        &letters,
        &request,
        &CheckInput {
            today,
            lang,
            profiles: profiles.as_ref(),
            letter: &letter,
        },
    )
    .map_err(|e| match e {
        LetterError::UnknownLanguage { .. } => CliError::Usage(format!("--letter-lang: {e}")),
        other => CliError::Render(other.to_string()),
    })?;
    let (findings, readiness) = (&checked.findings, checked.readiness);
    match args.format {
        Format::Text => {
            let mut text = String::new();
            if let Some(e) = entry {
                text.push_str(&profile_line(
                    lang,
                    e.profile.name(lang.code()),
                    &e.profile.iso3,
                    &e.origin.to_string(),
                ));
            }
            text.push_str(&render_text(findings, &readiness, lang));
            crate::output::print(&text)?;
        }
        Format::Json => {
            let report = JsonReport {
                file: args.file.display().to_string(),
                lang: lang.code(),
                today,
                profile: checked.profile.as_deref(),
                letter: checked.letter.as_ref(),
                readiness,
                findings,
            };
            let mut json = serde_json::to_string_pretty(&report)
                .map_err(|e| CliError::Usage(format!("cannot write JSON: {e}")))?;
            json.push('\n');
            crate::output::print_exact(&json)?;
        }
    }
    if readiness.blockers > 0 {
        return Err(CliError::BlockersFound);
    }
    Ok(())
}

fn profile_line(lang: Lang, name: &str, iso3: &str, origin: &str) -> String {
    match lang {
        Lang::En => format!("Requested State profile: {name} ({iso3}), {origin}\n"),
        Lang::Fr => format!("Profil de l'État requis : {name} ({iso3}), {origin}\n"),
        Lang::Es => format!("Perfil del Estado requerido: {name} ({iso3}), {origin}\n"),
    }
}
