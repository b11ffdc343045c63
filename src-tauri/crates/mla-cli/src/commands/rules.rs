//! `mla rules`: the rule catalogue, with sources.

use mla_core::rules::{catalogue, measure_kinds, MeasureKindClass, Rule};
use mla_core::Lang;
use serde::Serialize;

use crate::commands::check::{Format, LangArg};
use crate::error::CliError;

/// List the rules of the checker with their severity and legal or practical source.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language of the titles in text output (JSON carries every language).
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(Serialize)]
struct JsonCatalogue<'a> {
    rules: &'a [Rule],
    /// Whether each type of assistance is coercive, with the reasoning (dual criminality).
    measure_kinds: &'a [MeasureKindClass],
}

pub fn run(args: Args) -> Result<(), CliError> {
    let lang = Lang::from(args.lang);
    match args.format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&JsonCatalogue {
                rules: catalogue(),
                measure_kinds: measure_kinds(),
            })
            .map_err(|e| CliError::Usage(format!("cannot write JSON: {e}")))?;
            json.push('\n');
            crate::output::print_exact(&json)?;
        }
        Format::Text => {
            let mut out = String::new();
            for rule in catalogue() {
                let severity = format!("{:?}", rule.severity).to_lowercase();
                out.push_str(&format!(
                    "{:<36} {:<8} {}\n{:<36} {:<8} {}\n",
                    rule.id,
                    severity,
                    rule.text(lang).title,
                    "",
                    "",
                    rule.source
                ));
            }
            out.push_str(&format!("\n{} rules\n", catalogue().len()));
            crate::output::print(&out)?;
        }
    }
    Ok(())
}
