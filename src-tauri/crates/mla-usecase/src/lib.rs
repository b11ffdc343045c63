//! The use cases of MLA Desk: each operation the command line (`mla`) and the desktop app
//! both offer is decided here once, and the two front ends only read files or dialogs,
//! call one function, and word the result for a terminal or for the interface.
//!
//! - [`check`]: the full check of a draft (rules, the requested State's profile, the facts
//!   of the letter it would get), as `mla check` prints it and the app shows it live.
//! - [`received`]: a PDF received from elsewhere: its verdict, the request it carries, and
//!   the one rule on when that request may be imported (only from a PDF that verifies,
//!   or on an explicit untrusted import that the register then records as such).
//!
//! Pure of IO and clock like the core: callers pass bytes, trusted certificates and `now`.

pub mod check;
pub mod received;

pub use check::{check_request, CheckInput, FullCheck, LetterChoice};
