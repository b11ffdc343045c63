//! `mla show`: a human-readable summary of a draft.

use mla_core::{LegalBasis, Request};
use mla_store::{DraftId, DraftSummary};
use serde::Serialize;

use crate::error::CliError;
use crate::Context;

/// Show a summary of a draft (its current version, or --version N).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft's id.
    id: DraftId,
    /// Show this version instead of the current one.
    #[arg(long, value_name = "N")]
    version: Option<i64>,
}

pub fn run(context: &Context, args: Args) -> Result<(), CliError> {
    let register = context.open_for_reading()?;
    let draft = register.get(args.id)?;
    let (request, shown_version) = match args.version {
        Some(version) => (register.version(args.id, version)?, version),
        None => (draft.request, draft.summary.version),
    };
    crate::output::print(&render(&draft.summary, shown_version, &request))?;
    Ok(())
}

/// The snake_case name serde gives a unit enum value.
fn tag<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => "?".to_owned(),
    }
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "-"
    } else {
        text
    }
}

fn first_chars(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!("{}…", flat.chars().take(max).collect::<String>())
    }
}

fn legal_basis(basis: &LegalBasis) -> String {
    match basis {
        LegalBasis::Uncac => "UNCAC art. 46".to_owned(),
        LegalBasis::Untoc => "UNTOC art. 18".to_owned(),
        LegalBasis::BilateralTreaty { name, .. } => format!("bilateral treaty: {}", or_dash(name)),
        LegalBasis::RegionalConvention { name } => {
            format!("regional convention: {}", or_dash(name))
        }
        LegalBasis::Reciprocity { assurance_given } => format!(
            "reciprocity ({})",
            if *assurance_given {
                "assurance given"
            } else {
                "no written assurance"
            }
        ),
        LegalBasis::DomesticLaw { citation } => format!("domestic law: {}", or_dash(citation)),
    }
}

fn render(summary: &DraftSummary, version: i64, r: &Request) -> String {
    let mut out = String::new();
    let w = &mut out;
    header(w, summary, version, r);
    fields(w, r);
    parties_and_assets(w, r);
    measures_and_attachments(w, r);
    field(
        w,
        "Signatory",
        &[&r.signatory.name, &r.signatory.function, &r.signatory.place]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    );
    out
}

/// A labelled line of the summary.
fn field(w: &mut String, label: &str, value: &str) {
    use std::fmt::Write;
    let _ = writeln!(w, "{label:<22}{}", or_dash(value));
}

/// The draft's id, reference, version, status and last update.
fn header(w: &mut String, summary: &DraftSummary, version: i64, r: &Request) {
    use std::fmt::Write;
    let _ = writeln!(
        w,
        "Draft {} — {}{}",
        summary.id,
        or_dash(&r.reference),
        if summary.deleted {
            "  [in the trash]"
        } else {
            ""
        }
    );
    let _ = writeln!(
        w,
        "  version {version}{} · status {} · updated {}",
        if version == summary.version {
            String::new()
        } else {
            format!(" (current is {})", summary.version)
        },
        summary.status,
        summary.updated_at
    );
}

/// The request's single-valued fields, from the requested State to the facts.
fn fields(w: &mut String, r: &Request) {
    field(w, "Requested State", &r.requested_state);
    field(
        w,
        "Requesting authority",
        &format!(
            "{} ({})",
            or_dash(&r.requesting_authority.name),
            or_dash(&r.requesting_authority.country)
        ),
    );
    let officer = &r.requesting_authority.officer;
    field(
        w,
        "Officer",
        &[
            &officer.name,
            &officer.function,
            &officer.email,
            &officer.phone,
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", "),
    );
    field(w, "Addressee", &r.addressee.name);
    field(w, "Channel", &tag(&r.channel));
    field(
        w,
        "Legal basis",
        &r.legal_basis
            .iter()
            .map(legal_basis)
            .collect::<Vec<_>>()
            .join("; "),
    );
    field(
        w,
        "Case",
        &format!(
            "{}, {} — {}",
            tag(&r.case.nature),
            or_dash(&r.case.case_number),
            or_dash(&r.case.subject)
        ),
    );
    field(w, "Conducting authority", &r.case.conducting_authority.name);
    let urgency = if r.urgency.urgent {
        match r.urgency.deadline {
            Some(d) => format!("urgent, by {d}"),
            None => "urgent".to_owned(),
        }
    } else {
        match r.urgency.deadline {
            Some(d) => format!("not urgent, by {d}"),
            None => "not urgent".to_owned(),
        }
    };
    field(w, "Urgency", &urgency);
    field(
        w,
        "Confidential",
        if r.confidentiality.required {
            "yes"
        } else {
            "no"
        },
    );
    field(w, "Facts", &first_chars(&r.facts, 160));
}

/// The offences, persons and assets, one line each.
fn parties_and_assets(w: &mut String, r: &Request) {
    use std::fmt::Write;
    let _ = writeln!(w, "Offences ({})", r.offences.len());
    for o in &r.offences {
        let _ = writeln!(
            w,
            "  {:<8}{} — {} — {}",
            or_dash(&o.id),
            or_dash(&o.label),
            or_dash(&o.provision),
            or_dash(&o.penalty)
        );
    }
    let _ = writeln!(w, "Persons ({})", r.persons.len());
    for p in &r.persons {
        let _ = writeln!(
            w,
            "  {:<8}{:<15}{}{} — {}",
            or_dash(&p.id),
            tag(&p.role),
            or_dash(&p.name),
            if p.nationality.is_empty() {
                String::new()
            } else {
                format!(" [{}]", p.nationality.join(", "))
            },
            or_dash(&p.location)
        );
    }
    let _ = writeln!(w, "Assets ({})", r.assets.len());
    for a in &r.assets {
        let value = a
            .estimated_value
            .as_ref()
            .map(|m| format!(" — {} {}", m.amount, m.currency))
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "  {:<8}{:<15}{} — {}{value}",
            or_dash(&a.id),
            tag(&a.kind),
            or_dash(&a.description),
            or_dash(&a.institution)
        );
    }
}

/// The measures and attachments, one line each.
fn measures_and_attachments(w: &mut String, r: &Request) {
    use std::fmt::Write;
    let _ = writeln!(w, "Measures ({})", r.measures.len());
    for m in &r.measures {
        let _ = writeln!(
            w,
            "  {:<8}{:<25}{}",
            or_dash(&m.id),
            m.details.kind(),
            first_chars(&m.purpose, 100)
        );
    }
    let _ = writeln!(w, "Attachments ({})", r.attachments.len());
    for a in &r.attachments {
        let translation = if a.translation_language.is_empty() {
            tag(&a.translation)
        } else {
            format!("{} → {}", tag(&a.translation), a.translation_language)
        };
        let _ = writeln!(
            w,
            "  {:<8}{} [{}; translation {translation}; {}]",
            or_dash(&a.id),
            or_dash(&a.title),
            or_dash(&a.language),
            tag(&a.certification)
        );
    }
}
