//! What the checker needs of a letter without rendering it: the language a letter is
//! produced in when none is chosen, and the facts of a rendered letter. The full check
//! that uses them is `mla_usecase::check`.

use mla_core::rules::{languages_for_request, LetterFacts, TranslationNeed};
use mla_core::{Profile, Request};

use crate::{Letter, LANGUAGES};

/// What the checker needs to know of a letter.
pub fn letter_facts(letter: &Letter) -> LetterFacts {
    LetterFacts {
        lang: letter.lang.clone(),
        reviewed: letter.reviewed,
        needs_translation: letter
            .needs_translation
            .iter()
            .map(|p| TranslationNeed {
                path: p.path.clone(),
                from: p.from.clone(),
            })
            .collect(),
    }
}

/// The language the letter is produced in when none is chosen:
///
/// 1. the drafting language, when the requested State's profile says it accepts it (or
///    the profile does not say what it accepts) and there is a template for it: nothing
///    needs translating;
/// 2. else the first language the profile lists as accepted for the request's legal basis
///    that has a template (the template wording is then in that language; the officer's
///    text is marked for translation);
/// 3. else the drafting language, if it has a template (the checker then reports what the
///    State accepts through `state.language`);
/// 4. else `None`: no template fits.
pub fn default_letter_language(request: &Request, profile: Option<&Profile>) -> Option<String> {
    let has_template = |code: &str| LANGUAGES.contains(&code);
    let drafting = request.drafting_language.trim().to_lowercase();
    let accepted: Option<Vec<String>> = profile
        .filter(|p| p.iso3.eq_ignore_ascii_case(request.requested_state.trim()))
        .and_then(|p| languages_for_request(p, request))
        .map(|l| l.requests.iter().map(|c| c.trim().to_lowercase()).collect());
    let drafting_ok = has_template(&drafting);
    match accepted {
        Some(accepted) => {
            if drafting_ok && accepted.contains(&drafting) {
                return Some(drafting);
            }
            if let Some(first) = accepted.iter().find(|c| has_template(c)) {
                return Some(first.clone());
            }
            drafting_ok.then_some(drafting)
        }
        None => drafting_ok.then_some(drafting),
    }
}
