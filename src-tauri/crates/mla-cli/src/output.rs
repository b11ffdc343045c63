//! Writing output: standard output that may be closed early (`mla list | head`), and
//! files written atomically.

use std::io::Write;
use std::path::Path;

use crate::error::CliError;

/// `println!` that reports a closed or failing standard output as an error value instead
/// of panicking.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::print(&format!("{}\n", format_args!($($arg)*)))?
    };
}

/// Write `text` to standard output. A reader that went away (`| head`) ends the command
/// quietly ([`CliError::StdoutClosed`]); any other failure is an error.
pub fn print(text: &str) -> Result<(), CliError> {
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
