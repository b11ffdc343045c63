//! A profile pack folder is untrusted: any names, any bytes, hidden files, files twice,
//! non-profile files. The fuzzed input is a list of files written into a fresh folder,
//! which `mla_profiles::read_pack` reads and `validate_pack` validates.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct PackFile {
    /// Index into NAMES, or a name of its own.
    name: Result<u8, String>,
    content: Result<u8, Vec<u8>>,
}

const NAMES: &[&str] = &[
    "THA.toml",
    "FRA.toml",
    "CHE.toml",
    "tha.toml",
    "THA.TOML",
    "README.md",
    ".hidden.toml",
    "._THA.toml",
    "X.toml",
    ".toml",
    "toml",
    "sub",
];

/// Built-in profiles, to give the fuzzer valid files to start from.
fn builtin_text(i: u8) -> &'static str {
    let files = mla_core::profile_set::builtin_profile_files();
    files[usize::from(i) % files.len()].1
}

fuzz_target!(|files: Vec<PackFile>| {
    let dir = mla_fuzz::scratch_dir().join("pack");
    std::fs::create_dir(&dir).expect("making the scratch pack folder");
    for file in files.iter().take(16) {
        let name = match &file.name {
            Ok(i) => NAMES[usize::from(*i) % NAMES.len()].to_owned(),
            Err(name) => name.replace(['/', '\0'], "_"),
        };
        if name.is_empty() || name == "." || name == ".." || name.len() > 200 {
            continue;
        }
        let path = dir.join(&name);
        let written = match &file.content {
            Ok(_) if name == "sub" => std::fs::create_dir(&path),
            Ok(i) => std::fs::write(&path, builtin_text(*i)),
            Err(bytes) => std::fs::write(&path, bytes),
        };
        // Two names the file system folds together, or a folder already there: skip.
        let _ = written;
    }
    match mla_profiles::read_pack(&dir) {
        Ok(pack) => {
            if let Err(error) = mla_profiles::validate_pack(&pack, mla_fuzz::today()) {
                assert!(!error.to_string().is_empty());
            }
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
