//! The `.mla.json` file format: versioned JSON of a [`Request`].
//!
//! Parsing works on bytes already read; the caller owns IO. Every error says where the
//! problem is (line and column, and the field path when the JSON is well formed).

use crate::model::{Request, FORMAT_VERSION};

/// Largest request file accepted (20 MB): bigger files are almost certainly not requests.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// File extension of a request file.
pub const FILE_EXTENSION: &str = ".mla.json";

/// Why a request file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormatError {
    #[error("the file is {size} bytes, larger than the {max}-byte limit for a request file")]
    TooLarge { size: usize, max: usize },
    #[error("the file is empty")]
    Empty,
    #[error("the file is not valid UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the top level of a request file must be a JSON object")]
    NotAnObject,
    #[error("no `format_version` field: this is not an MLA Desk request file")]
    MissingVersion,
    #[error("`format_version` must be a whole number, found {found}")]
    BadVersion { found: String },
    #[error(
        "format_version {found} is newer than this version of MLA Desk understands \
         (up to {supported}); update MLA Desk to open it"
    )]
    FutureVersion { found: u64, supported: u32 },
    #[error("format_version {found} is not supported (this version reads {supported})")]
    UnsupportedVersion { found: u64, supported: u32 },
    #[error("field `{path}` (line {line}, column {column}): {message}")]
    Field {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Parse a request file's bytes.
pub fn parse_request(bytes: &[u8]) -> Result<Request, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            size: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FormatError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    // Some Windows editors start UTF-8 files with a byte-order mark; JSON does not allow
    // one, but it carries no meaning, so skip it rather than refuse the file.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    // First pass: syntax and version, so that a file from a newer version is reported as
    // such rather than as "unknown field".
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| FormatError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let object = value.as_object().ok_or(FormatError::NotAnObject)?;
    let version = object
        .get("format_version")
        .ok_or(FormatError::MissingVersion)?;
    let version = version.as_u64().ok_or_else(|| FormatError::BadVersion {
        found: version.to_string(),
    })?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(FormatError::FutureVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version < u64::from(FORMAT_VERSION) {
        return Err(FormatError::UnsupportedVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    // Second pass: typed, with the path of the offending field.
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (path, message) = refine_measure_error(&value, &path)
            .unwrap_or_else(|| (path, strip_position(&inner.to_string())));
        FormatError::Field {
            path,
            line: inner.line(),
            column: inner.column(),
            message,
        }
    })
}

/// serde buffers an internally tagged enum (`details` of a measure, tagged by `type`), so
/// the path of an error inside it stops at `measures[N].details`. Deserialize that object
/// again as the variant's own struct to name the field itself. Line and column stay those
/// of the first error (the enclosing object).
fn refine_measure_error(value: &serde_json::Value, path: &str) -> Option<(String, String)> {
    use crate::model::*;
    use serde::de::DeserializeOwned;

    fn inner<T: DeserializeOwned>(fields: serde_json::Value) -> Option<(String, String)> {
        let error = serde_path_to_error::deserialize::<_, T>(fields).err()?;
        Some((error.path().to_string(), error.into_inner().to_string()))
    }

    let (index, tail) = path.strip_prefix("measures[")?.split_once(']')?;
    if tail != ".details" {
        return None;
    }
    let index: usize = index.parse().ok()?;
    let details = value
        .get("measures")?
        .get(index)?
        .get("details")?
        .as_object()?;
    let tag = details.get("type")?.as_str()?;
    let mut fields = details.clone();
    fields.remove("type");
    let fields = serde_json::Value::Object(fields);
    let (sub_path, message) = match tag {
        "take_statement" => inner::<TakeStatement>(fields),
        "serve_documents" => inner::<ServeDocuments>(fields),
        "search_seizure" => inner::<SearchSeizure>(fields),
        "examine_objects_sites" => inner::<ExamineObjectsSites>(fields),
        "provide_information" => inner::<ProvideInformation>(fields),
        "bank_records" => inner::<BankRecords>(fields),
        "produce_records" => inner::<ProduceRecords>(fields),
        "trace_proceeds" => inner::<TraceProceeds>(fields),
        "voluntary_appearance" => inner::<VoluntaryAppearance>(fields),
        "freeze_assets" => inner::<FreezeAssets>(fields),
        "confiscate_assets" => inner::<ConfiscateAssets>(fields),
        "videoconference_hearing" => inner::<VideoconferenceHearing>(fields),
        "transfer_detained_person" => inner::<TransferDetainedPerson>(fields),
        "electronic_evidence" => inner::<ElectronicEvidence>(fields),
        "other" => inner::<OtherAssistance>(fields),
        _ => None,
    }?;
    let full = if sub_path == "." {
        path.to_owned()
    } else {
        format!("{path}.{sub_path}")
    };
    Some((full, message))
}

/// Serialize a request to the file format: pretty JSON with a final newline.
pub fn write_request(request: &Request) -> String {
    let mut out = serde_json::to_string_pretty(request).expect("a Request always serializes");
    out.push('\n');
    out
}

/// The JSON Schema of the file format, generated from the types.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Request);
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    out.push('\n');
    out
}

/// serde_json appends " at line L column C" to its messages; we report those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
