//! MLA Desk core: the request model, its file format, the offence catalogue and the
//! checker.
//!
//! Pure: no IO, no clock, no Tauri. Callers pass bytes, dates and data in.

pub mod assistance;
pub mod finding;
pub mod format;
pub mod model;
pub mod offences;
pub mod profile;
pub mod profile_coverage;
pub mod profile_set;
pub mod rules;

pub use finding::{Finding, Lang, Readiness, Severity, Verdict};
pub use format::{json_schema, parse_request, write_request, FormatError};
pub use model::*;
pub use offences::{CatalogueError, OffenceCatalogue};
pub use profile::{Profile, ProfileError, ProfileProblem};
pub use profile_set::{ProfileEntry, ProfileOrigin, ProfileSet};
pub use rules::{
    check, check_with_readiness, CheckContext, CheckSettings, NoProfile, ProfileLookup, StateFacts,
};
