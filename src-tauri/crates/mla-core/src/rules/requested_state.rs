//! The one interface through which rules read the requested State: the result of the
//! profile lookup and the facts, and the choice of a profile's entries for the
//! instruments a request invokes. Not a rule module: rule modules import it, it imports
//! none of them.

use chrono::{Months, NaiveDate};
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::{ProfileLookup, StateFacts};
use crate::finding::Lang;
use crate::model::*;
use crate::profile::{Instrument, Profile};

/// The requested State as the rules read it (see `CheckContext::requested_state`).
#[derive(Clone, Copy)]
pub struct RequestedState<'a> {
    /// The code the draft names (trimmed; may be empty).
    pub iso3: &'a str,
    facts: Option<&'a dyn StateFacts>,
}

impl<'a> RequestedState<'a> {
    pub(super) fn new(iso3: &'a str, facts: Option<&'a dyn StateFacts>) -> Self {
        RequestedState { iso3, facts }
    }

    /// What is known of the State, if the caller gave anything.
    pub fn facts(&self) -> Option<&'a dyn StateFacts> {
        self.facts
    }

    /// Whether a profile lookup was made, and its result.
    pub fn lookup(&self) -> ProfileLookup<'a> {
        self.facts
            .map_or(ProfileLookup::NotConsulted, |f| f.profile_lookup())
    }

    /// The profile found for this very State (a profile of another State is none).
    pub fn profile(&self) -> Option<&'a Profile> {
        match self.lookup() {
            ProfileLookup::Found(p) if p.iso3.eq_ignore_ascii_case(self.iso3) => Some(p),
            _ => None,
        }
    }
}

/// A profile fact checked longer ago than this is flagged for verification.
pub const STALE_AFTER_MONTHS: u32 = 24;

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
pub(super) fn pick<'p, T>(
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

pub(super) fn languages_for<'p>(
    p: &'p Profile,
    instruments: &[Instrument],
) -> Option<&'p crate::profile::LanguagesFact> {
    pick(&p.languages, instruments, |l| &l.instruments)
        .into_iter()
        .next()
}

pub(super) fn channels_for<'p>(
    p: &'p Profile,
    instruments: &[Instrument],
) -> Option<&'p crate::profile::ChannelsFact> {
    pick(&p.channels, instruments, |c| &c.instruments)
        .into_iter()
        .next()
}

pub(super) fn authorities_for<'p>(
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

/// The embedded table of State names in en, fr and es (Unicode CLDR; see its header).
pub const STATE_NAMES_TOML: &str = include_str!("state_names.toml");

/// State names by ISO 3166-1 alpha-3 code: [en, fr, es].
pub fn state_names() -> &'static BTreeMap<String, [String; 3]> {
    static NAMES: OnceLock<BTreeMap<String, [String; 3]>> = OnceLock::new();
    NAMES.get_or_init(|| {
        toml::from_str(STATE_NAMES_TOML).expect("the embedded State names are validated by tests")
    })
}

/// The name of a profile's State in `lang`: the profile's own, else the CLDR name of its
/// code, else the profile's English name.
pub fn state_name(p: &Profile, lang: Lang) -> &str {
    let own = match lang {
        Lang::En => Some(&p.names.en),
        Lang::Fr => p.names.fr.as_ref(),
        Lang::Es => p.names.es.as_ref(),
    };
    let cldr = || {
        let names = state_names().get(&p.iso3.to_ascii_uppercase())?;
        Some(&names[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)])
    };
    own.or_else(cldr).unwrap_or(&p.names.en)
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
    fn state_names_come_from_the_profile_then_cldr_then_english() {
        assert!(state_names().len() > 240, "{}", state_names().len());
        assert!(state_names()
            .keys()
            .all(|k| k.len() == 3 && k.chars().all(|c| c.is_ascii_uppercase())));
        let text = include_str!("../../tests/fixtures/profiles/names-only.toml");
        let mut p = crate::profile::parse_profile("ATA.toml", text, None).unwrap();
        p.names.en = "Antarctica (test)".into();
        assert_eq!((p.names.fr.as_ref(), p.names.es.as_ref()), (None, None));
        assert_eq!(state_name(&p, Lang::Fr), "Antarctique");
        assert_eq!(state_name(&p, Lang::Es), "Antártida");
        assert_eq!(state_name(&p, Lang::En), "Antarctica (test)");
        p.names.fr = Some("Antarctique (test)".into());
        assert_eq!(state_name(&p, Lang::Fr), "Antarctique (test)");
        p.iso3 = "XXX".into();
        assert_eq!(state_name(&p, Lang::Es), "Antarctica (test)");
    }
}
