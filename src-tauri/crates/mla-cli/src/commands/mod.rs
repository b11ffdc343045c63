//! One module per subcommand: its arguments (with their help) and its `run`.

pub mod audit;
pub mod check;
pub mod duplicate;
pub mod export;
pub mod export_json;
pub mod history;
pub mod import;
pub mod list;
pub mod new;
pub mod profile;
pub mod profiles;
pub mod render;
pub mod restore;
pub mod rules;
pub mod show;
pub mod sign_pdf;
pub mod signing;
pub mod status;
pub mod trash;
pub mod verify;
