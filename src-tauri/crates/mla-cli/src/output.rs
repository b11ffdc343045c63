//! Writing files atomically: a temporary file in the same folder, flushed, then renamed
//! over the target, so a reader never sees half a file and a crash leaves the old one.

use std::io::Write;
use std::path::Path;

use crate::error::CliError;

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
