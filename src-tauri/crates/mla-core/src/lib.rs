//! MLA Desk core: the request model and its file format.
//!
//! Pure: no IO, no clock, no Tauri. Callers pass bytes, dates and data in.

pub mod format;
pub mod model;
pub mod profile;
pub mod profile_set;

pub use format::{json_schema, parse_request, write_request, FormatError};
pub use model::*;
pub use profile::{Profile, ProfileError, ProfileProblem};
pub use profile_set::{ProfileEntry, ProfileOrigin, ProfileSet};
