//! A request file (`.mla.json`) is untrusted input: `mla_core::parse_request` reads it;
//! whatever it accepts must write back (`write_request`) to a file that parses to the same
//! request, and must go through the full check the app and `mla check` run
//! (`mla_usecase::check_request` with the built-in profiles and the default letter).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mla_core::Lang;

fuzz_target!(|data: &[u8]| {
    let request = match mla_core::parse_request(data) {
        Ok(request) => request,
        Err(error) => {
            // Every refusal is a sentence that says what and where.
            assert!(!error.to_string().is_empty());
            return;
        }
    };
    mla_fuzz::assert_round_trip(&request);
    let lang = [Lang::En, Lang::Fr, Lang::Es][data.len() % 3];
    mla_fuzz::full_check(&request, mla_fuzz::builtin_profiles(), lang);
});
