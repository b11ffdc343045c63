//! A draft, as the officer may type it, through the whole chain that makes the PDF: a
//! structured input (`mla_fuzz::FuzzRequest`, every field of the model reachable) becomes
//! a request, which must survive the file format (write → parse, equal), the full check,
//! the letter in the chosen or default language (whose facts must equal those the check
//! computes without rendering it), and the typesetter.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mla_letter::{
    addressee_from_profile, default_letter_language, letter_facts, LetterError, LetterOptions,
    LANGUAGES,
};
use mla_pdf::{Paper, PdfOptions};

fuzz_target!(|input: mla_fuzz::FuzzRequest| {
    let mut input = input;
    let chosen = input.letter_lang.take().map(|c| c.0);
    let (us_letter, seal_box) = (input.us_letter, input.seal_box);
    let request = input.to_request();
    mla_fuzz::assert_round_trip(&request);
    let profiles = mla_fuzz::builtin_profiles();
    mla_fuzz::full_check(&request, profiles, mla_core::Lang::En);

    let profile = profiles.get(request.requested_state.trim());
    let Some(lang) = chosen.or_else(|| default_letter_language(&request, profile)) else {
        return;
    };
    let options = LetterOptions {
        lang: Some(lang.clone()),
        central_authority: addressee_from_profile(&request, profile),
    };
    let letters = mla_fuzz::letters();
    let letter = match letters.letter(&request, &options) {
        Ok(letter) => letter,
        Err(LetterError::UnknownLanguage { .. })
            if !LANGUAGES.contains(&lang.trim().to_lowercase().as_str()) =>
        {
            return
        }
        Err(error) => panic!("no letter for a request: {error}"),
    };
    let facts = letters
        .facts(&request, &options)
        .expect("facts where the letter renders");
    assert_eq!(
        facts,
        letter_facts(&letter),
        "the check's letter facts differ from the letter's"
    );
    let typeset = mla_pdf::typeset(
        &letter,
        &PdfOptions {
            paper: if us_letter { Paper::Letter } else { Paper::A4 },
            seal_box,
        },
    )
    .unwrap_or_else(|error| panic!("the letter does not typeset: {error}"));
    assert!(typeset.bytes.starts_with(b"%PDF-"));
    assert!(typeset.pages >= 1);
});
