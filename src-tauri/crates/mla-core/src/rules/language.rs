//! Plain language: terms of art that translate badly, unless explained.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, mpath, Out};
use super::{CheckContext, RuleId};
use super::terms_of_art;
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "language.terms-of-art"
severity = "advice"
source = "CAC/COSP/2019/7 §§ 49, 90, 98 (differences between legal systems; wrong translations)"
en.title = "Term of art that may not translate"
en.why = "Terms tied to one legal system are often mistranslated or misunderstood in another; the requested State may then misjudge what is asked."
en.fix = "Explain the term where it is used, in brackets or after a dash, or replace it with a plain description."
en.message = "“{term}” is a term of art specific to one legal system and is not explained."
fr.title = "Terme technique difficile à traduire"
fr.why = "Les termes propres à un système juridique sont souvent mal traduits ou mal compris dans un autre ; l'État requis risque alors de se méprendre sur ce qui est demandé."
fr.fix = "Expliquez le terme là où il est employé, entre parenthèses ou après un tiret, ou remplacez-le par une description simple."
fr.message = "« {term} » est un terme propre à un système juridique et n'est pas expliqué."
es.title = "Término técnico difícil de traducir"
es.why = "Los términos propios de un sistema jurídico suelen traducirse o entenderse mal en otro; el Estado requerido puede entonces equivocarse sobre lo que se pide."
es.fix = "Explique el término donde se usa, entre paréntesis o tras un guion, o sustitúyalo por una descripción sencilla."
es.message = "«{term}» es un término propio de un sistema jurídico y no se explica."

[rule.fixture]
note = "Explained terms are not flagged."
fail = '''
{
  "facts": "Between January and June 2024 the Deputy Minister of Public Works, John Doe, awarded the Northern bridge contract to Bridgeco SA. In exchange Bridgeco SA paid 1.2 million USD, disguised as consultancy fees, into an account of Meridian Trading Ltd at the Commercial Bank of Port Louis, a company controlled by John Doe. Part of the money was used on 10 June 2024 to buy a house in Grand Baie registered in his name. The grand jury returned an indictment on 1 May 2025."
}
'''
pass = '''
{
  "facts": "Between January and June 2024 the Deputy Minister of Public Works, John Doe, awarded the Northern bridge contract to Bridgeco SA. In exchange Bridgeco SA paid 1.2 million USD, disguised as consultancy fees, into an account of Meridian Trading Ltd at the Commercial Bank of Port Louis, a company controlled by John Doe. Part of the money was used on 10 June 2024 to buy a house in Grand Baie registered in his name. A panel of citizens (grand jury) returned an indictment (a formal written accusation) on 1 May 2025."
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let _ = ctx;
    plain_language(r, out);
}

fn plain_language(r: &Request, out: &mut Out) {
    let mut fields: Vec<(String, &str)> = vec![
        ("facts".into(), r.facts.as_str()),
        ("purpose".into(), r.purpose.as_str()),
        ("nexus".into(), r.nexus.as_str()),
        ("procedures".into(), r.procedures.as_str()),
        ("case.subject".into(), r.case.subject.as_str()),
    ];
    for (i, m) in r.measures.iter().enumerate() {
        fields.push((format!("measures[{i}].purpose"), m.purpose.as_str()));
        fields.push((format!("measures[{i}].procedure"), m.procedure.as_str()));
        match &m.details {
            MeasureDetails::SearchSeizure(d) => {
                fields.push((mpath(i, "grounds"), d.grounds.as_str()))
            }
            MeasureDetails::BankRecords(d) => {
                fields.push((mpath(i, "link_to_offence"), d.link_to_offence.as_str()))
            }
            MeasureDetails::FreezeAssets(d) => {
                fields.push((mpath(i, "link_to_offence"), d.link_to_offence.as_str()))
            }
            MeasureDetails::ConfiscateAssets(d) => {
                fields.push((mpath(i, "link_to_offence"), d.link_to_offence.as_str()))
            }
            _ => {}
        }
    }
    for (path, text) in fields {
        if blank(text) {
            continue;
        }
        let lower = text.to_lowercase();
        for terms in terms_of_art().values() {
            for term in terms {
                if let Some(found) = unexplained(&lower, term) {
                    out.hit_with(
                        RuleId::LanguageTermsOfArt,
                        path.clone(),
                        vec![("term", found.to_owned())],
                    );
                }
            }
        }
    }
}

/// The term, if it occurs as a whole word in `lower` at least once without an explanation
/// right after it.
pub(super) fn unexplained<'t>(lower: &str, term: &'t str) -> Option<&'t str> {
    let mut from = 0;
    while let Some(pos) = lower[from..].find(term) {
        let start = from + pos;
        let end = start + term.len();
        from = end;
        let before_ok = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &lower[end..];
        // Allow plurals and French/Spanish inflections ("indictments", "réquisitoires").
        let after = after.strip_prefix('s').unwrap_or(after);
        let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !before_ok || !after_ok {
            continue;
        }
        let next = after.trim_start();
        let next = next.strip_prefix(',').unwrap_or(next).trim_start();
        let explained = [
            "(",
            "[",
            "–",
            "—",
            "-",
            ":",
            "i.e.",
            "that is",
            "meaning",
            "c'est-à-dire",
            "c’est-à-dire",
            "es decir",
            "o sea",
        ]
        .iter()
        .any(|m| next.starts_with(m));
        // The term may itself be the gloss: "a panel of citizens (grand jury)".
        let glossed = lower[..start].trim_end().ends_with('(');
        if !explained && !glossed {
            return Some(term);
        }
    }
    None
}
