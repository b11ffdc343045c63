//! Cross-crate tests of MLA Desk: the real `mla` binary, the real app. The tests live in
//! `tests/`; this library holds what they share.

pub mod mla_bin;
