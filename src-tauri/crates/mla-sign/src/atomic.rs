//! Writing an output file so that it is either complete or absent.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::Error;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Write `bytes` to `path` atomically: a temporary file in the same directory, written and
/// fsynced, then renamed over `path` (and the directory fsynced). On any failure (a full
/// disk, say) the temporary file is removed and whatever was at `path` is left untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_atomic_with_progress(path, bytes, &mut |_, _| true).map(|_| ())
}

/// Bytes written between two calls of the progress callback of
/// [`write_atomic_with_progress`].
const CHUNK: usize = 1 << 20;

/// [`write_atomic`], calling `progress(written, total)` before each 1 MiB chunk and once
/// at the end. When `progress` returns `false` the write stops: the temporary file is
/// removed, `path` is left as it was, and the result is `Ok(false)`. `Ok(true)` means the
/// file is in place.
pub fn write_atomic_with_progress(
    path: &Path,
    bytes: &[u8],
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<bool, Error> {
    let err = |reason: String| Error::Write {
        path: path.display().to_string(),
        reason,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| err("the path names no file".into()))?
        .to_string_lossy()
        .into_owned();
    let tmp = dir.join(format!(
        ".{file_name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| -> std::io::Result<bool> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        // Requests are confidential: a new file is private to its owner (0600); a file we
        // replace keeps its permissions.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut f = options.open(&tmp)?;
        if let Ok(existing) = fs::metadata(path) {
            f.set_permissions(existing.permissions())?;
        }
        let total = bytes.len() as u64;
        for (i, chunk) in bytes.chunks(CHUNK).enumerate() {
            if !progress((i * CHUNK) as u64, total) {
                return Ok(false);
            }
            f.write_all(chunk)?;
        }
        f.sync_all()?;
        drop(f);
        if !progress(total, total) {
            return Ok(false);
        }
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(true)
    })();
    match result {
        Ok(true) => Ok(true),
        Ok(false) => {
            let _ = fs::remove_file(&tmp);
            Ok(false)
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            let reason = if e.raw_os_error() == Some(28) {
                "no space left on the device; nothing was written and the existing file is unchanged".to_string()
            } else {
                format!("{e}; nothing was written and the existing file is unchanged")
            };
            Err(err(reason))
        }
    }
}
