//! The full check of a draft: the rule catalogue with the requested State's profile and
//! the facts of the letter that would be produced for it. One function, [`check_request`],
//! that the CLI (`mla check`) and the app (on every keystroke) both call.

use chrono::NaiveDate;
use mla_core::rules::{check_with_readiness, LetterFacts};
use mla_core::{
    CheckContext, Finding, Lang, NoProfile, Profile, ProfileSet, Readiness, Request, StateFacts,
};
use mla_letter::{
    addressee_from_profile, default_letter_language, LetterError, LetterOptions, Letters,
};
use serde::Serialize;

/// Which letter the check looks at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum LetterChoice {
    /// The letter in [`default_letter_language`].
    #[default]
    Default,
    /// The letter in this language (ISO 639-1); an error if there is no template for it.
    Lang(String),
    /// No letter: the letter rules stay silent.
    None,
}

/// What [`check_request`] needs besides the request.
#[derive(Clone, Copy)]
pub struct CheckInput<'a> {
    /// The date the check is made on (the caller reads the clock).
    pub today: NaiveDate,
    /// Language of the findings.
    pub lang: Lang,
    /// The profiles in force (built-in, overridden by an imported pack); `None` leaves the
    /// requested State's profile out entirely (no `state.*` rule).
    pub profiles: Option<&'a ProfileSet>,
    pub letter: &'a LetterChoice,
}

/// The result of [`check_request`].
#[derive(Debug, Clone, Serialize)]
pub struct FullCheck {
    pub findings: Vec<Finding>,
    pub readiness: Readiness,
    /// ISO code of the requested State's profile used, if any.
    pub profile: Option<String>,
    /// The letter the letter rules looked at (its language, review status and the parts
    /// still to translate); `None` when no letter was considered.
    pub letter: Option<LetterFacts>,
}

/// Check `request` with everything known: the rule catalogue, the requested State's
/// profile (when `input.profiles` is given) and the letter chosen by `input.letter`
/// (addressed as `mla render` addresses it). Fails only when an explicitly chosen letter
/// language has no template, or the templates are broken.
pub fn check_request(
    letters: &Letters,
    request: &Request,
    input: &CheckInput<'_>,
) -> Result<FullCheck, LetterError> {
    let profile: Option<&Profile> = input
        .profiles
        .and_then(|set| set.get(request.requested_state.trim()));
    let lang = match input.letter {
        LetterChoice::Default => default_letter_language(request, profile),
        LetterChoice::Lang(code) => Some(code.trim().to_lowercase()),
        LetterChoice::None => None,
    };
    // The letter's facts without rendering it (see `Letters::facts`).
    let facts = match lang {
        Some(lang) => Some(letters.facts(
            request,
            &LetterOptions {
                lang: Some(lang),
                central_authority: addressee_from_profile(request, profile),
            },
        )?),
        None => None,
    };
    let mut ctx = CheckContext::new(input.today);
    // A State without a profile is checked as such: `state.unknown-profile` says that its
    // requirements are unknown.
    ctx.profile = match (input.profiles, profile) {
        (None, _) => None,
        (Some(_), Some(p)) => Some(p as &dyn StateFacts),
        (Some(_), None) => Some(&NoProfile as &dyn StateFacts),
    };
    ctx.letter = facts.as_ref();
    let (findings, readiness) = check_with_readiness(request, &ctx, input.lang);
    Ok(FullCheck {
        findings,
        readiness,
        profile: profile.map(|p| p.iso3.clone()),
        letter: facts,
    })
}
