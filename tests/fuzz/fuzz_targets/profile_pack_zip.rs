//! A `.zip` profile pack is untrusted: `mla_profiles::read_pack` reads it from disk (the
//! fuzzed bytes are written to a temporary `pack.zip`) and `validate_pack` validates
//! every profile in it. Zip bombs, path traversal in entry names, bad UTF-8 and
//! malformed archives must all end in an error, never a crash, a hang or a huge
//! allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = mla_fuzz::scratch_dir();
    let path = dir.join("pack.zip");
    std::fs::write(&path, data).expect("writing the scratch pack");
    match mla_profiles::read_pack(&path) {
        Ok(pack) => {
            for (name, _) in &pack.files {
                assert!(
                    !name.contains(['/', '\\']),
                    "an entry kept a path: {name:?}"
                );
            }
            if let Err(error) = mla_profiles::validate_pack(&pack, mla_fuzz::today()) {
                assert!(!error.to_string().is_empty());
            }
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
