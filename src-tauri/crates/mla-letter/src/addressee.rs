//! The letter's addressee from the requested State's profile.

use mla_core::rules::{central_authorities_for_request, instrument_of};
use mla_core::{Profile, Request};

use crate::view::CentralAuthority;

/// The central authority the letter is addressed to, as the requested State's profile
/// designates it for the request's legal basis; `None` when it is not known for certain.
///
/// The candidates are the authorities the profile designates for the instruments the
/// request invokes (UNCAC, UNTOC, a bilateral treaty, domestic law for reciprocity and
/// domestic-law bases), else its general (domestic-law) authorities: the same choice the
/// `state.central-authority` rule checks the addressee against. Among them, the one for
/// the request's first-listed basis that has one is taken.
///
/// Never guessed: `None` when there is no profile, the profile is another State's, it
/// records no central authority for the request, or it records several different ones
/// for the same basis (the officer must choose). The letter then prints the request's
/// `addressee` field, or the pack's "unknown — verify" line when that is empty. An
/// authority whose address the profile lacks has an empty `address`, printed as
/// "address unknown — verify".
pub fn addressee_from_profile(
    request: &Request,
    profile: Option<&Profile>,
) -> Option<CentralAuthority> {
    let profile = profile?;
    let state = request.requested_state.trim();
    if state.is_empty() || !profile.iso3.eq_ignore_ascii_case(state) {
        return None;
    }
    let candidates = central_authorities_for_request(profile, request);
    // The request's own order of bases: the first-listed one is the main basis.
    let first_basis = request
        .legal_basis
        .iter()
        .filter_map(instrument_of)
        .find(|i| candidates.iter().any(|a| a.instruments.contains(i)));
    let group: Vec<&mla_core::profile::CentralAuthority> = match first_basis {
        Some(i) => candidates
            .into_iter()
            .filter(|a| a.instruments.contains(&i))
            .collect(),
        None => candidates,
    };
    let first = group.first()?;
    let same = |a: &&mla_core::profile::CentralAuthority| {
        a.name.trim() == first.name.trim() && a.address == first.address
    };
    if !group.iter().all(same) {
        return None;
    }
    Some(CentralAuthority {
        name: first.name.trim().to_owned(),
        address: first.address.as_deref().unwrap_or("").trim().to_owned(),
    })
}
