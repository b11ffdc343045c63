//! MLA Desk core: the request model and its file format.
//!
//! Pure: no IO, no clock, no Tauri. Callers pass bytes, dates and data in.

pub mod format;
pub mod model;

pub use format::{json_schema, parse_request, write_request, FormatError};
pub use model::*;
