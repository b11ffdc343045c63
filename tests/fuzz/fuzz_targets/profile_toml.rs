//! A State profile (`XXX.toml`) comes from an imported pack, so it is untrusted:
//! `Profile::from_toml` parses and validates it; a profile it accepts is then used by the
//! full check of a request addressed to that State.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mla_core::{parse_request, Lang, Profile, ProfileSet};

/// A complete request; its requested State is replaced by the fuzzed profile's.
const REQUEST: &[u8] = include_bytes!("../../../assets/examples/bribery-bank-records-che.mla.json");

/// The file name the profile must have: `XXX.toml` after the `iso3` it declares (so that
/// most inputs get past the name check), else a fixed one.
fn file_name(text: &str) -> String {
    text.find("iso3")
        .and_then(|i| text[i..].split('"').nth(1))
        .filter(|code| code.len() < 16 && !code.contains(['/', '\\']))
        .map(|code| format!("{code}.toml"))
        .unwrap_or_else(|| "THA.toml".to_owned())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let name = file_name(text);
    let profile = match Profile::from_toml(&name, text, mla_fuzz::today()) {
        Ok(profile) => profile,
        Err(error) => {
            assert!(
                !error.problems().is_empty(),
                "a refusal with no problem listed"
            );
            assert!(!error.to_string().is_empty());
            return;
        }
    };
    let _ = profile.facts();
    let _ = profile.name("fr");
    let set = ProfileSet::parse_pack(&[(name.as_str(), text)], "fuzz", mla_fuzz::today())
        .expect("a profile from_toml accepts is accepted in a pack");
    let mut request = parse_request(REQUEST).expect("the example request parses");
    request.requested_state = profile.iso3.clone();
    let builtin = mla_fuzz::builtin_profiles().clone().overlaid_with(set);
    let checked = mla_fuzz::full_check(&request, &builtin, Lang::En);
    assert_eq!(checked.profile.as_deref(), Some(profile.iso3.as_str()));
});
