//! Reading request files: size checked before reading, errors naming the file.

use std::io::Read;
use std::path::Path;

use mla_core::format::MAX_FILE_BYTES;
use mla_core::{parse_request, FormatError, Request};

use crate::error::CliError;

/// Read and parse one request file. A file over the size limit is refused without being
/// read into memory.
pub fn read_request_file(path: &Path) -> Result<Request, CliError> {
    let read_error = |source| CliError::ReadInput {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(std::io::Error::other(
            "it is a folder, not a file",
        )));
    }
    let too_large = |size: usize| CliError::BadRequestFile {
        path: path.to_path_buf(),
        source: FormatError::TooLarge {
            size,
            max: MAX_FILE_BYTES,
        },
    };
    if metadata.len() > MAX_FILE_BYTES as u64 {
        return Err(too_large(
            usize::try_from(metadata.len()).unwrap_or(usize::MAX),
        ));
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    // The file may grow between metadata() and read(): never read more than the limit + 1.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    parse_request(&bytes).map_err(|source| CliError::BadRequestFile {
        path: path.to_path_buf(),
        source,
    })
}
