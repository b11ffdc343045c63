//! Command-line arguments of the desktop app.

use std::ffi::OsString;
use std::path::PathBuf;

/// What the command line asked for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    /// `--register PATH` (or `--register=PATH`): the register file to open.
    pub register: Option<PathBuf>,
    /// Arguments that were not understood (reported on stderr, otherwise ignored).
    pub unknown: Vec<OsString>,
    /// `--register` given without a value.
    pub missing_value: bool,
    /// `--test-dialog-answers PATH`: a JSON file answering the export's file dialogs, for
    /// the end-to-end tests. Understood only by builds with the `test-dialogs` feature
    /// (see src/dialogs.rs); other builds report it as unknown and ignore it.
    pub dialog_answers: Option<PathBuf>,
}

/// Parse the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Args {
    let mut out = Args::default();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        if arg == "--register" {
            match it.next() {
                Some(v) => out.register = Some(PathBuf::from(v)),
                None => out.missing_value = true,
            }
        } else if cfg!(feature = "test-dialogs") && arg == "--test-dialog-answers" {
            match it.next() {
                Some(v) => out.dialog_answers = Some(PathBuf::from(v)),
                None => out.missing_value = true,
            }
        } else if let Some(v) = arg.to_str().and_then(|s| s.strip_prefix("--register=")) {
            out.register = Some(PathBuf::from(v));
        } else {
            out.unknown.push(arg);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(v: &[&str]) -> Args {
        parse(v.iter().map(OsString::from))
    }

    #[test]
    fn register_flag_with_separate_value() {
        let a = parse_strs(&["--register", "/tmp/r.sqlite"]);
        assert_eq!(a.register, Some(PathBuf::from("/tmp/r.sqlite")));
        assert!(a.unknown.is_empty());
    }

    #[test]
    fn register_flag_with_equals() {
        let a = parse_strs(&["--register=/x/y.sqlite"]);
        assert_eq!(a.register, Some(PathBuf::from("/x/y.sqlite")));
    }

    #[test]
    fn missing_value_and_unknown_are_reported() {
        let a = parse_strs(&["--frobnicate", "--register"]);
        assert_eq!(a.register, None);
        assert!(a.missing_value);
        assert_eq!(a.unknown, vec![OsString::from("--frobnicate")]);
    }
}
