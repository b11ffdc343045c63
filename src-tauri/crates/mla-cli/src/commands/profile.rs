//! `mla profile XXX`: one State's profile, every fact with its source and the date it was
//! checked; what the profile does not say is printed as unknown.

use mla_core::profile::{
    instrument_key, is_iso3166_alpha3, Instrument, PartyStatus, Provenance, Sourced, UNKNOWN_FACT,
};
use mla_core::profile_coverage::SECTIONS;
use mla_core::ProfileEntry;

use crate::commands::profiles::{load, Format};
use crate::error::CliError;

/// Show one State's profile with the source and checked date of every fact.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The State, by ISO 3166-1 alpha-3 code (e.g. THA).
    #[arg(value_name = "ISO3")]
    state: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let iso3 = args.state.trim().to_ascii_uppercase();
    if !is_iso3166_alpha3(&iso3) {
        return Err(CliError::Data(format!(
            "`{}` is not an ISO 3166-1 alpha-3 country code (e.g. THA, FRA, USA)",
            args.state
        )));
    }
    let loaded = load()?;
    let entry = loaded.set.entry(&iso3);
    if args.format == Format::Json {
        let value = match entry {
            Some(e) => serde_json::json!({
                "iso3": iso3,
                "origin": e.origin.to_string(),
                "profile": e.profile,
                "unknown": e.profile.coverage(&e.origin).unknown,
            }),
            None => serde_json::json!({
                "iso3": iso3,
                "origin": null,
                "profile": null,
                "unknown": SECTIONS,
            }),
        };
        crate::output::print_exact(&format!(
            "{}\n",
            serde_json::to_string_pretty(&value).expect("a profile serializes")
        ))?;
        return Ok(());
    }
    let text = match entry {
        Some(e) => render(e),
        None => format!("{iso3}: no profile — every requirement is {UNKNOWN_FACT}.\n"),
    };
    crate::output::print(&text)?;
    Ok(())
}

fn render(entry: &ProfileEntry) -> String {
    let p = &entry.profile;
    let mut out = Out(String::new());
    out.line(
        0,
        &format!("{} ({}) — {}", p.names.en, p.iso3, entry.origin),
    );
    let mut names = format!("en: {}", p.names.en);
    if let Some(fr) = &p.names.fr {
        names.push_str(&format!(" · fr: {fr}"));
    }
    if let Some(es) = &p.names.es {
        names.push_str(&format!(" · es: {es}"));
    }
    out.line(0, &format!("Names: {names}"));

    for (label, fact) in [("UNCAC", &p.uncac), ("UNTOC", &p.untoc)] {
        match fact {
            Some(f) => {
                let mut value = party(f.value).to_owned();
                if let Some(date) = f.date {
                    value.push_str(&format!(" (since {date})"));
                }
                out.fact(label, &value, f.provenance());
            }
            None => out.unknown(label),
        }
    }
    out.section("Central authorities", p.central_authorities.is_empty());
    for a in &p.central_authorities {
        let mut value = format!("[{}] {}", instruments(&a.instruments), a.name);
        for (what, v) in [
            ("address", &a.address),
            ("e-mail", &a.email),
            ("phone", &a.phone),
        ] {
            if let Some(v) = v {
                value.push_str(&format!("; {what}: {v}"));
            }
        }
        out.item(&value, a.provenance());
    }
    out.section("Channels", p.channels.is_empty());
    for c in &p.channels {
        let list: Vec<String> = c
            .value
            .iter()
            .map(|v| {
                serde_json::to_value(v)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            })
            .collect();
        out.item(
            &format!("[{}] {}", instruments(&c.instruments), list.join(", ")),
            c.provenance(),
        );
    }
    out.section("Languages", p.languages.is_empty());
    for l in &p.languages {
        let annexes = match &l.annexes {
            Some(a) => a.join(", "),
            None => UNKNOWN_FACT.to_owned(),
        };
        out.item(
            &format!(
                "[{}] requests: {}; annexes: {annexes}",
                instruments(&l.instruments),
                l.requests.join(", ")
            ),
            l.provenance(),
        );
    }
    match &p.legal_basis {
        Some(f) => out.fact("Legal basis", &snake(&f.value), f.provenance()),
        None => out.unknown("Legal basis"),
    }
    match &p.dual_criminality {
        Some(f) => out.fact("Dual criminality", &snake(&f.value), f.provenance()),
        None => out.unknown("Dual criminality"),
    }
    out.section("Optional UNCAC offences", p.optional_offences.is_empty());
    for (offence, f) in &p.optional_offences {
        let value = if f.value {
            "criminalized"
        } else {
            "not criminalized"
        };
        out.item(&format!("{}: {value}", offence.key()), f.provenance());
    }
    out.section(
        "Regional and multilateral instruments",
        p.instruments.is_empty(),
    );
    for i in &p.instruments {
        out.item(&format!("{}: {}", i.id, party(i.value)), i.provenance());
    }
    match &p.authentication {
        Some(f) => {
            let mut value = snake(&f.value);
            match f.signature_seal_every_page {
                Some(true) => value.push_str("; signature and seal on every page"),
                Some(false) => value.push_str("; no signature and seal on every page"),
                None => {}
            }
            out.fact("Authentication", &value, f.provenance());
        }
        None => out.unknown("Authentication"),
    }
    match &p.service_lead_time_days {
        Some(f) => out.fact(
            "Service lead time",
            &format!("{} days", f.value),
            f.provenance(),
        ),
        None => out.unknown("Service lead time"),
    }
    match &p.urgent_procedure {
        Some(f) => out.fact("Urgent procedure", &f.value, f.provenance()),
        None => out.unknown("Urgent procedure"),
    }
    match &p.civil_proceedings {
        Some(f) => out.fact(
            "Civil or administrative proceedings",
            if f.value {
                "accepted by the central authority"
            } else {
                "not accepted by the central authority"
            },
            f.provenance(),
        ),
        None => out.unknown("Civil or administrative proceedings"),
    }
    out.section("Special requirements", p.special_requirements.is_empty());
    for s in &p.special_requirements {
        out.item(&format!("[{}] {}", s.measure, s.value), s.provenance());
    }
    out.0
}

struct Out(String);

impl Out {
    fn line(&mut self, indent: usize, text: &str) {
        self.0.push_str(&" ".repeat(indent));
        self.0.push_str(text);
        self.0.push('\n');
    }

    fn provenance(&mut self, indent: usize, p: Provenance<'_>) {
        self.line(
            indent,
            &format!("source: {} (checked {})", p.source, p.checked),
        );
        if let Some(url) = p.url {
            self.line(indent, &format!("url: {url}"));
        }
        if let Some(quote) = p.quote {
            self.line(indent, &format!("quote: \"{quote}\""));
        }
    }

    fn fact(&mut self, label: &str, value: &str, p: Provenance<'_>) {
        self.line(0, &format!("{label}: {value}"));
        self.provenance(2, p);
    }

    fn unknown(&mut self, label: &str) {
        self.line(0, &format!("{label}: {UNKNOWN_FACT}"));
    }

    fn section(&mut self, label: &str, empty: bool) {
        if empty {
            self.unknown(label);
        } else {
            self.line(0, &format!("{label}:"));
        }
    }

    fn item(&mut self, value: &str, p: Provenance<'_>) {
        self.line(2, &format!("- {value}"));
        self.provenance(4, p);
    }
}

fn party(status: PartyStatus) -> &'static str {
    match status {
        PartyStatus::Party => "party",
        PartyStatus::Signatory => "signatory",
        PartyStatus::NotParty => "not party",
    }
}

fn instruments(list: &[Instrument]) -> String {
    list.iter()
        .map(|i| instrument_key(*i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The file-format name of an enum value.
fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
