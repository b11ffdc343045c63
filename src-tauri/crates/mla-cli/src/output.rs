//! Writing output: standard output that may be closed early (`mla list | head`), and
//! files written atomically.

use std::io::Write;
use std::path::Path;

use mla_export::Protected;

use crate::error::CliError;
use crate::Context;

/// `println!` for text output: made safe for a terminal ([`terminal_text`]), and a closed
/// or failing standard output is an error value instead of a panic.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::print(&format!("{}\n", format_args!($($arg)*)))?
    };
}

/// `eprintln!` made safe for a terminal ([`terminal_text`]): notes, warnings and errors
/// name files and quote data.
macro_rules! tell {
    ($($arg:tt)*) => {
        $crate::output::print_stderr(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// Text from outside MLA Desk (a request, a PDF, a profile pack, a file name) made safe to
/// print on a terminal, so that it cannot move the cursor, erase or recolour lines, or
/// reorder a line: control characters (C0, DEL, C1) and the bidirectional embedding,
/// override and isolate characters (U+202A–U+202E, U+2066–U+2069), and the line and
/// paragraph separators, are written as visible escapes (`\u{1b}`). With `keep_layout`,
/// newline and tab are kept (the layout of a whole report); without, they are escaped too
/// (`\n`, `\t`), for a value printed on one line of its own, which could otherwise start a
/// line that looks like MLA Desk's. Every text printer goes through this function;
/// JSON output does not ([`print_exact`]): it carries the original characters.
pub fn terminal_text(text: &str, keep_layout: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| match c {
        '\n' | '\t' => !keep_layout,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' => true,
        _ => false,
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            _ if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            _ => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A value printed within one line: [`terminal_text`] escaping newlines and tabs too.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    terminal_text(text, false)
}

/// Write text output to standard output, made safe for a terminal ([`terminal_text`]).
/// A reader that went away (`| head`) ends the command quietly
/// ([`CliError::StdoutClosed`]); any other failure is an error.
pub fn print(text: &str) -> Result<(), CliError> {
    print_exact(&terminal_text(text, true))
}

/// Write standard error text made safe for a terminal (errors, notes, warnings).
pub fn print_stderr(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(terminal_text(text, true).as_bytes());
}

/// Write `text` to standard output as it is: JSON (whose strings carry the original
/// characters) and files sent to `-`.
pub fn print_exact(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(CliError::StdoutClosed),
        Err(source) => Err(CliError::WriteOutput {
            path: "standard output".into(),
            source,
        }),
    }
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let error = |source| CliError::WriteOutput {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".mla-export-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(error)?;
    temp.write_all(bytes).map_err(error)?;
    temp.as_file().sync_all().map_err(error)?;
    // Keep the permissions of a file we replace; a new file stays private (0600): requests
    // are confidential.
    if let Ok(existing) = std::fs::metadata(path) {
        temp.as_file()
            .set_permissions(existing.permissions())
            .map_err(error)?;
    }
    temp.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}

/// The one check every command that writes a file makes before doing any work: refuse
/// `output` when writing it would replace one of the command's `inputs` (what each is, and
/// its path), the register `--register` / `$MLA_REGISTER` names, the default register, or
/// a file SQLite keeps beside either. Links and hard links are resolved
/// ([`mla_export::check_output`], the guard the app's export uses). `-` (standard output)
/// is never refused. Returns the protected files, for the export pipeline to check again.
pub fn guard_output(
    output: &Path,
    inputs: &[(&str, &Path)],
    context: &Context,
) -> Result<Vec<Protected>, CliError> {
    let mut protected: Vec<Protected> = inputs
        .iter()
        .map(|(what, path)| Protected::new(*what, *path))
        .collect();
    if let Some(register) = &context.register_path {
        protected.extend(Protected::register(register, "the register"));
    }
    if let Ok(default) = mla_store::Register::user_data_path() {
        protected.extend(Protected::register(&default, "the default register"));
    }
    if output.as_os_str() != "-" {
        match mla_export::check_output(output, &protected) {
            // Nothing can be replaced in a folder that does not exist; the command's own
            // write says "cannot write FILE: ..." as it always did.
            Err(mla_export::ExportError::NoOutputFolder { .. }) | Ok(()) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(protected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_escapes_controls_and_bidi_overrides() {
        assert_eq!(
            terminal_text("plain, ünïcode, عربى", true),
            "plain, ünïcode, عربى"
        );
        assert!(matches!(
            terminal_text("nothing to do", true),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            terminal_text("a\u{1b}[2Kb\rc\u{7f}d\u{9b}e\u{202e}f\u{2067}g\u{0}", true),
            "a\\u{1b}[2Kb\\rc\\u{7f}d\\u{9b}e\\u{202e}f\\u{2067}g\\u{0}"
        );
        // The layout of a report keeps its lines and tabs; a value on one line does not.
        assert_eq!(terminal_text("a\n\tb", true), "a\n\tb");
        assert_eq!(one_line("a\n\tb\u{2028}c"), "a\\n\\tb\\u{2028}c");
    }
}
