//! The requested-State rules (`state.*`): what the requested State's profile says, applied
//! to the draft. Declared in `state.toml`; every hit carries the profile fact it rests on,
//! and the finding cites that fact's source and checked date instead of the rule's.
//!
//! A fact the profile does not have is unknown: no rule fires on it, and
//! `state.unknown-profile` says what is unknown so the officer verifies it.

use chrono::{Months, NaiveDate};

use super::{is_coercive, kind_key};
use super::{CheckContext, Hit, ProfileLookup, FACT_SOURCE_ARG};
use crate::model::*;
use crate::profile::{
    Authentication, DualCriminality, Instrument, LegalBasisStance, OptionalOffence, Profile,
    Provenance, Sourced,
};

/// The embedded declarations of the `state.*` rules.
pub const STATE_RULES_TOML: &str = include_str!("state.toml");

/// A profile fact checked longer ago than this is flagged for verification.
pub const STALE_AFTER_MONTHS: u32 = 24;

/// Generic rules a `state.*` rule replaces at the same field path, because the profile
/// says for certain what the generic rule can only warn about.
pub(super) const SUPERSEDES: &[(&str, &str)] = &[
    ("state.service-lead-time", "time.service-lead-time"),
    (
        "state.dual-criminality-optional-offence",
        "dual.not-criminalized",
    ),
    (
        "state.dual-criminality-optional-offence",
        "dual.optional-offence",
    ),
];

struct Out {
    hits: Vec<Hit>,
}

impl Out {
    fn hit(
        &mut self,
        rule_id: &'static str,
        path: impl Into<String>,
        fact: Option<Provenance<'_>>,
        mut args: Vec<(&'static str, String)>,
    ) {
        if let Some(fact) = fact {
            args.push((FACT_SOURCE_ARG, fact.to_string()));
        }
        self.hits.push(Hit {
            rule_id,
            path: path.into(),
            args,
        });
    }
}

/// Run the `state.*` rules on the result of the requested State's profile lookup.
pub(super) fn run(r: &Request, ctx: &CheckContext, lookup: ProfileLookup<'_>) -> Vec<Hit> {
    let mut out = Out { hits: Vec::new() };
    let requested = r.requested_state.trim();
    let profile: Option<&Profile> = match lookup {
        ProfileLookup::NotConsulted => return out.hits,
        ProfileLookup::NoProfile => None,
        ProfileLookup::Found(p) => Some(p),
    };
    if requested.is_empty() {
        // `form.requested-state` says so; nothing to look up.
        return out.hits;
    }
    // A profile of another State than the requested one is no profile for it.
    let Some(p) = profile.filter(|p| p.iso3.eq_ignore_ascii_case(requested)) else {
        out.hit(
            "state.unknown-profile",
            "requested_state",
            None,
            vec![
                ("state", requested.to_ascii_uppercase()),
                ("missing", "all facts (no profile)".into()),
            ],
        );
        return out.hits;
    };
    let state = format!("{} ({})", p.names.en, p.iso3);
    let instruments = instruments_of(r);
    let mut missing: Vec<&str> = Vec::new();

    if !check_languages(&mut out, r, p, &state, &instruments) {
        missing.push("languages");
    }
    if !check_central_authority(&mut out, r, p, &state, &instruments) {
        missing.push("central_authorities");
    }
    check_channel(&mut out, r, p, &state, &instruments);
    if !check_legal_basis(&mut out, r, p, &state) {
        missing.push("legal_basis");
    }
    check_dual_criminality(&mut out, r, p, &state);
    check_civil_proceedings(&mut out, r, p, &state);
    check_authentication(&mut out, r, p, &state);
    check_service_lead_time(&mut out, r, ctx, p, &state);
    check_stale_facts(&mut out, ctx, p, &state);

    if !missing.is_empty() {
        missing.sort_unstable();
        out.hit(
            "state.unknown-profile",
            "requested_state",
            None,
            vec![("state", state), ("missing", missing.join(", "))],
        );
    }
    out.hits
}

/// Languages of the request and of the annexes (46(14)). False when the profile does not
/// say which languages the State accepts.
fn check_languages(
    out: &mut Out,
    r: &Request,
    p: &Profile,
    state: &str,
    instruments: &[Instrument],
) -> bool {
    let Some(langs) = languages_for(p, instruments) else {
        return false;
    };
    let drafting = r.drafting_language.trim();
    if !drafting.is_empty() && !langs.requests.iter().any(|l| l == drafting) {
        out.hit(
            "state.language",
            "drafting_language",
            Some(langs.provenance()),
            vec![
                ("state", state.to_owned()),
                ("language", drafting.to_owned()),
                ("accepted", langs.requests.join(", ")),
            ],
        );
    }
    if let Some(annexes) = &langs.annexes {
        for (i, a) in r.attachments.iter().enumerate() {
            let language = a.language.trim();
            if language.is_empty() || annexes.iter().any(|l| l == language) {
                continue;
            }
            let translated = matches!(
                a.translation,
                TranslationStatus::Done | TranslationStatus::InProgress
            ) && annexes.iter().any(|l| l == a.translation_language.trim());
            if !translated {
                out.hit(
                    "state.annex-language",
                    format!("attachments[{i}].translation_language"),
                    Some(langs.provenance()),
                    vec![
                        ("n", (i + 1).to_string()),
                        ("title", a.title.clone()),
                        ("state", state.to_owned()),
                        ("language", language.to_owned()),
                        ("accepted", annexes.join(", ")),
                    ],
                );
            }
        }
    }
    true
}

/// The designated central authority (46(13)). False when the profile names none.
fn check_central_authority(
    out: &mut Out,
    r: &Request,
    p: &Profile,
    state: &str,
    instruments: &[Instrument],
) -> bool {
    let authorities = authorities_for(p, instruments);
    if authorities.is_empty() {
        return false;
    }
    let addressee = normalize(&r.addressee.name);
    let matches = |name: &str| {
        let full = normalize(name);
        let short = normalize(name.split('(').next().unwrap_or(name));
        !short.is_empty() && (addressee.contains(&short) || addressee.contains(&full))
    };
    if !addressee.is_empty() && !authorities.iter().any(|a| matches(&a.name)) {
        let first = authorities[0];
        out.hit(
            "state.central-authority",
            "addressee.name",
            Some(first.provenance()),
            vec![
                ("state", state.to_owned()),
                ("addressee", r.addressee.name.trim().to_owned()),
                (
                    "authority",
                    authorities
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ],
        );
    }
    true
}

/// Transmission channel (46(13)).
fn check_channel(out: &mut Out, r: &Request, p: &Profile, state: &str, instruments: &[Instrument]) {
    if r.channel == Channel::Unspecified {
        return;
    }
    let Some(channels) = channels_for(p, instruments) else {
        return;
    };
    if !channels
        .value
        .iter()
        .any(|c| c.as_request_channel() == r.channel)
    {
        out.hit(
            "state.channel",
            "channel",
            Some(channels.provenance()),
            vec![
                ("state", state.to_owned()),
                ("channel", channel_key(r.channel).to_owned()),
                (
                    "accepted",
                    channels
                        .value
                        .iter()
                        .map(|c| channel_key(c.as_request_channel()))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        );
    }
}

/// Legal basis: a treaty or reciprocity where the State requires one. False when the
/// profile does not say.
fn check_legal_basis(out: &mut Out, r: &Request, p: &Profile, state: &str) -> bool {
    match &p.legal_basis {
        Some(fact) if fact.value == LegalBasisStance::TreatyOrReciprocityRequired => {
            let treaty = r.legal_basis.iter().any(|b| {
                matches!(
                    b,
                    LegalBasis::BilateralTreaty { .. } | LegalBasis::RegionalConvention { .. }
                )
            });
            let reciprocity = r.legal_basis.iter().any(|b| {
                matches!(b, LegalBasis::Reciprocity { assurance_given } if *assurance_given || r.assurances.reciprocity)
            });
            if !treaty && !reciprocity {
                out.hit(
                    "state.legal-basis",
                    "legal_basis",
                    Some(fact.provenance()),
                    vec![("state", state.to_owned())],
                );
            }
            true
        }
        Some(_) => true,
        None => false,
    }
}

/// Dual criminality for the optional UNCAC offences the State does not criminalize.
fn check_dual_criminality(out: &mut Out, r: &Request, p: &Profile, state: &str) {
    let stance = p
        .dual_criminality
        .as_ref()
        .map(|f| f.value)
        .unwrap_or(DualCriminality::CoerciveOnly);
    if stance == DualCriminality::None {
        return;
    }
    for (i, m) in r.measures.iter().enumerate() {
        if stance == DualCriminality::CoerciveOnly && !is_coercive(kind_key(r, m)) {
            continue;
        }
        let linked = |o: &Offence| {
            m.offence_ids.iter().all(|x| x.trim().is_empty()) || m.offence_ids.contains(&o.id)
        };
        for o in r.offences.iter().filter(|o| linked(o)) {
            let Some(offence) = OptionalOffence::from_key(o.conduct_category.trim()) else {
                continue;
            };
            if let Some(fact) = p.optional_offences.get(&offence) {
                if !fact.value {
                    out.hit(
                        "state.dual-criminality-optional-offence",
                        format!("measures[{i}]"),
                        Some(fact.provenance()),
                        vec![
                            ("n", (i + 1).to_string()),
                            ("kind", m.details.kind().to_owned()),
                            ("offence", o.label.clone()),
                            ("category", offence.key().to_owned()),
                            ("state", state.to_owned()),
                        ],
                    );
                }
            }
        }
    }
}

/// Civil or administrative proceedings sent to a criminal-matters central authority.
fn check_civil_proceedings(out: &mut Out, r: &Request, p: &Profile, state: &str) {
    if r.case.nature == ProceedingNature::CivilOrAdministrative {
        if let Some(fact) = p.civil_proceedings.as_ref().filter(|f| !f.value) {
            out.hit(
                "state.civil-proceedings",
                "case.nature",
                Some(fact.provenance()),
                vec![("state", state.to_owned())],
            );
        }
    }
}

/// Authentication of the annexes, and signature and seal on every page.
fn check_authentication(out: &mut Out, r: &Request, p: &Profile, state: &str) {
    let Some(auth) = &p.authentication else {
        return;
    };
    for (i, a) in r.attachments.iter().enumerate() {
        if !certification_satisfies(a.certification, auth.value) {
            out.hit(
                "state.authentication",
                format!("attachments[{i}].certification"),
                Some(auth.provenance()),
                vec![
                    ("n", (i + 1).to_string()),
                    ("title", a.title.clone()),
                    ("state", state.to_owned()),
                    ("requirement", authentication_key(auth.value).to_owned()),
                    (
                        "certification",
                        certification_key(a.certification).to_owned(),
                    ),
                ],
            );
        }
    }
    if auth.signature_seal_every_page == Some(true) {
        out.hit(
            "state.signature-every-page",
            "signatory",
            Some(auth.provenance()),
            vec![("state", state.to_owned())],
        );
    }
}

/// Lead time for service of documents.
fn check_service_lead_time(
    out: &mut Out,
    r: &Request,
    ctx: &CheckContext,
    p: &Profile,
    state: &str,
) {
    let Some(lead) = &p.service_lead_time_days else {
        return;
    };
    for (i, m) in r.measures.iter().enumerate() {
        let MeasureDetails::ServeDocuments(d) = &m.details else {
            continue;
        };
        let Some(date) = d.appearance_date else {
            continue;
        };
        let days = (date - ctx.today).num_days();
        if date >= ctx.today && days < i64::from(lead.value) {
            out.hit(
                "state.service-lead-time",
                format!("measures[{i}].details.appearance_date"),
                Some(lead.provenance()),
                vec![
                    ("n", (i + 1).to_string()),
                    ("date", date.to_string()),
                    ("days", days.to_string()),
                    ("lead", lead.value.to_string()),
                    ("state", state.to_owned()),
                ],
            );
        }
    }
}

/// Facts checked long ago.
fn check_stale_facts(out: &mut Out, ctx: &CheckContext, p: &Profile, state: &str) {
    let facts = p.facts();
    let stale: Vec<&(String, Provenance<'_>)> = facts
        .iter()
        .filter(|(_, prov)| is_stale(prov.checked, ctx.today))
        .collect();
    if let Some((field, oldest)) = stale.iter().min_by_key(|(_, prov)| prov.checked) {
        out.hit(
            "state.fact-stale",
            "requested_state",
            Some(*oldest),
            vec![
                ("state", state.to_owned()),
                ("count", stale.len().to_string()),
                ("field", field.clone()),
                ("date", oldest.checked.to_string()),
            ],
        );
    }
}

/// Whether a fact checked on `checked` is older than [`STALE_AFTER_MONTHS`] on `today`.
pub fn is_stale(checked: NaiveDate, today: NaiveDate) -> bool {
    checked
        .checked_add_months(Months::new(STALE_AFTER_MONTHS))
        .is_some_and(|limit| limit < today)
}

/// The profile instrument a legal basis invokes: UNCAC, UNTOC, a bilateral treaty, or
/// domestic law (reciprocity and domestic-law bases). A regional convention is none of
/// the profile's instruments.
pub fn instrument_of(basis: &LegalBasis) -> Option<Instrument> {
    match basis {
        LegalBasis::Uncac => Some(Instrument::Uncac),
        LegalBasis::Untoc => Some(Instrument::Untoc),
        LegalBasis::BilateralTreaty { .. } => Some(Instrument::Bilateral),
        LegalBasis::Reciprocity { .. } | LegalBasis::DomesticLaw { .. } => {
            Some(Instrument::Domestic)
        }
        LegalBasis::RegionalConvention { .. } => None,
    }
}

/// The instruments the request invokes (see [`instrument_of`]), sorted and unique.
pub fn instruments_of(r: &Request) -> Vec<Instrument> {
    let mut out: Vec<Instrument> = r.legal_basis.iter().filter_map(instrument_of).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Entries for the request's instruments; else the State's general (domestic-law)
/// entries; with no instrument invoked, any entry.
fn pick<'p, T>(
    entries: &'p [T],
    instruments: &[Instrument],
    of: impl Fn(&T) -> &[Instrument],
) -> Vec<&'p T> {
    let for_instruments: Vec<&T> = if instruments.is_empty() {
        entries.iter().collect()
    } else {
        entries
            .iter()
            .filter(|e| of(e).iter().any(|i| instruments.contains(i)))
            .collect()
    };
    if !for_instruments.is_empty() {
        return for_instruments;
    }
    entries
        .iter()
        .filter(|e| of(e).contains(&Instrument::Domestic))
        .collect()
}

fn languages_for<'p>(
    p: &'p Profile,
    instruments: &[Instrument],
) -> Option<&'p crate::profile::LanguagesFact> {
    pick(&p.languages, instruments, |l| &l.instruments)
        .into_iter()
        .next()
}

fn channels_for<'p>(
    p: &'p Profile,
    instruments: &[Instrument],
) -> Option<&'p crate::profile::ChannelsFact> {
    pick(&p.channels, instruments, |c| &c.instruments)
        .into_iter()
        .next()
}

fn authorities_for<'p>(
    p: &'p Profile,
    instruments: &[Instrument],
) -> Vec<&'p crate::profile::CentralAuthority> {
    pick(&p.central_authorities, instruments, |a| &a.instruments)
}

/// The languages fact that applies to `r`: the one for the instruments it invokes, else
/// the State's general (domestic-law) one; `None` when the profile does not record it.
pub fn languages_for_request<'p>(
    p: &'p Profile,
    r: &Request,
) -> Option<&'p crate::profile::LanguagesFact> {
    languages_for(p, &instruments_of(r))
}

/// The central authorities the profile designates for the instruments `r` invokes, in
/// profile order; when none is designated for them, the State's general (domestic-law)
/// authorities; with no instrument invoked, every authority. The same choice the
/// `state.central-authority` rule checks the addressee against. Empty when the profile
/// records none (unknown: never guessed).
pub fn central_authorities_for_request<'p>(
    p: &'p Profile,
    r: &Request,
) -> Vec<&'p crate::profile::CentralAuthority> {
    authorities_for(p, &instruments_of(r))
}

/// Lower case, letters and digits only, single spaces: for comparing authority names.
fn normalize(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn certification_satisfies(have: Certification, need: Authentication) -> bool {
    match need {
        Authentication::NoneRequired => true,
        Authentication::Certification => matches!(
            have,
            Certification::CertifiedCopy | Certification::Apostille | Certification::Legalized
        ),
        Authentication::Apostille => have == Certification::Apostille,
        Authentication::Legalization => have == Certification::Legalized,
    }
}

fn channel_key(c: Channel) -> &'static str {
    match c {
        Channel::Unspecified => "unspecified",
        Channel::CentralAuthority => "central_authority",
        Channel::Diplomatic => "diplomatic",
        Channel::Interpol => "interpol",
        Channel::Email => "email",
        Channel::Portal => "portal",
    }
}

fn authentication_key(a: Authentication) -> &'static str {
    match a {
        Authentication::NoneRequired => "none_required",
        Authentication::Certification => "certification",
        Authentication::Apostille => "apostille",
        Authentication::Legalization => "legalization",
    }
}

fn certification_key(c: Certification) -> &'static str {
    match c {
        Certification::None => "none",
        Certification::CertifiedCopy => "certified_copy",
        Certification::Apostille => "apostille",
        Certification::Legalized => "legalized",
        Certification::SwornTranslation => "sworn_translation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn stale_means_more_than_24_months() {
        assert!(!is_stale(d("2024-11-20"), d("2026-11-20")));
        assert!(is_stale(d("2024-11-19"), d("2026-11-20")));
        assert!(!is_stale(d("2026-11-01"), d("2026-11-20")));
    }

    #[test]
    fn authority_names_compare_without_case_punctuation_or_parentheses() {
        assert_eq!(
            normalize("Office of the Attorney-General (Dept. of Int'l Affairs)"),
            "office of the attorney general dept of int l affairs"
        );
    }

    #[test]
    fn certification_levels() {
        use Authentication as A;
        use Certification as C;
        assert!(certification_satisfies(C::None, A::NoneRequired));
        assert!(!certification_satisfies(C::None, A::Certification));
        assert!(certification_satisfies(C::CertifiedCopy, A::Certification));
        assert!(!certification_satisfies(C::CertifiedCopy, A::Apostille));
        assert!(certification_satisfies(C::Apostille, A::Apostille));
        assert!(!certification_satisfies(
            C::SwornTranslation,
            A::Legalization
        ));
        assert!(certification_satisfies(C::Legalized, A::Legalization));
    }
}
