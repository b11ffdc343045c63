//! The IPC surface: every command's arguments and response, declared once here.
//!
//! The TypeScript bindings in `ui/src/bindings/` are generated from these types (ts-rs)
//! and committed; `tests/bindings.rs` fails when they drift. Errors cross the boundary as
//! [`IpcError`] `{ code, message }`: the UI branches on `code`, never on `message`.

use mla_core::offences::{Instrument as OffenceInstrument, OffenceStatus};
use mla_core::{Finding, Lang, Readiness, Request};
use mla_store::{DraftSummary, StoreError, VersionInfo};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Stable machine-readable error codes. Renaming one is a breaking change for the UI.
/// The register's codes are the same strings as `mla_store::StoreError::code()` (a test
/// checks it).
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ipc.ts")]
pub enum ErrorCode {
    RegisterLocked,
    RegisterReadOnly,
    RegisterNotADatabase,
    RegisterForeignDatabase,
    RegisterCorrupt,
    RegisterCannotOpen,
    RegisterNewerSchema,
    RegisterOutdatedSchema,
    RegisterDiskFull,
    DraftNotFound,
    VersionNotFound,
    StoredRequestUnreadable,
    InvalidStatus,
    NoDataDir,
    RegisterIo,
    RegisterSqlite,
    /// A command was called although the register could not be opened at start-up.
    RegisterUnavailable,
    /// Export: the user cancelled; nothing was written.
    ExportCancelled,
    /// Export: the chosen output file is the draft's own file or an annex.
    ExportOutputIsInput,
    ExportLetterFailed,
    ExportTypesetFailed,
    ExportAnnexUnreadable,
    /// Export: the PDF could not be written (folder missing or read-only, disk full).
    ExportWriteFailed,
    /// Export: something the export needs was not chosen (the output file, the
    /// certificate), or another export is running.
    ExportNotReady,
    SignWrongPassword,
    SignCertificateExpired,
    SignCertificateNotYetValid,
    SignNoPrivateKey,
    SignCertificateNotForSigning,
    SignTokenFailed,
    /// The token refused the PIN.
    SignWrongPin,
    /// The token's PIN is locked after too many wrong tries.
    SignPinLocked,
    /// No (initialised) token in the reader, or not the one chosen.
    SignNoToken,
    /// The token holds no private key (or none with a certificate) to sign with.
    SignNoTokenKey,
    /// The seal image is not a PNG or JPEG the signature block can show.
    SignSealUnreadable,
    SignKeyUnreadable,
    SignFailed,
    /// The letter could not be produced (unknown language, template problem).
    LetterFailed,
    /// Verify: a chosen CA certificate file could not be read as a certificate.
    VerifyCaUnreadable,
    /// Verify: the embedded request could not be imported (none, or not a valid request).
    VerifyImportFailed,
    /// Verify: no PDF has been opened yet.
    VerifyNotReady,
    /// Anything else; the message says what.
    Internal,
}

impl ErrorCode {
    /// Whether the register file itself is the problem (the UI shows the register error
    /// screen rather than a message next to a draft).
    pub fn is_register_problem(self) -> bool {
        !matches!(
            self,
            ErrorCode::DraftNotFound
                | ErrorCode::VersionNotFound
                | ErrorCode::StoredRequestUnreadable
                | ErrorCode::InvalidStatus
                | ErrorCode::LetterFailed
                | ErrorCode::VerifyCaUnreadable
                | ErrorCode::VerifyImportFailed
                | ErrorCode::VerifyNotReady
                | ErrorCode::Internal
                | ErrorCode::ExportCancelled
                | ErrorCode::ExportOutputIsInput
                | ErrorCode::ExportLetterFailed
                | ErrorCode::ExportTypesetFailed
                | ErrorCode::ExportAnnexUnreadable
                | ErrorCode::ExportWriteFailed
                | ErrorCode::ExportNotReady
                | ErrorCode::SignWrongPassword
                | ErrorCode::SignCertificateExpired
                | ErrorCode::SignCertificateNotYetValid
                | ErrorCode::SignNoPrivateKey
                | ErrorCode::SignCertificateNotForSigning
                | ErrorCode::SignTokenFailed
                | ErrorCode::SignWrongPin
                | ErrorCode::SignPinLocked
                | ErrorCode::SignNoToken
                | ErrorCode::SignNoTokenKey
                | ErrorCode::SignSealUnreadable
                | ErrorCode::SignKeyUnreadable
                | ErrorCode::SignFailed
        )
    }
}

impl From<&StoreError> for ErrorCode {
    fn from(e: &StoreError) -> Self {
        match e {
            StoreError::Locked { .. } => ErrorCode::RegisterLocked,
            StoreError::ReadOnly { .. } => ErrorCode::RegisterReadOnly,
            StoreError::NotADatabase { .. } => ErrorCode::RegisterNotADatabase,
            StoreError::NotARegister { .. } => ErrorCode::RegisterForeignDatabase,
            StoreError::Corrupt { .. } => ErrorCode::RegisterCorrupt,
            StoreError::CannotOpen { .. } => ErrorCode::RegisterCannotOpen,
            StoreError::NewerSchema { .. } => ErrorCode::RegisterNewerSchema,
            StoreError::OutdatedSchema { .. } => ErrorCode::RegisterOutdatedSchema,
            StoreError::DiskFull { .. } => ErrorCode::RegisterDiskFull,
            StoreError::NotFound(_) => ErrorCode::DraftNotFound,
            StoreError::VersionNotFound { .. } => ErrorCode::VersionNotFound,
            StoreError::Format { .. } => ErrorCode::StoredRequestUnreadable,
            StoreError::InvalidStatus(_) => ErrorCode::InvalidStatus,
            StoreError::NoDataDir => ErrorCode::NoDataDir,
            StoreError::Io { .. } => ErrorCode::RegisterIo,
            StoreError::Sqlite { .. } => ErrorCode::RegisterSqlite,
        }
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        IpcError::new(ErrorCode::from(&e), e.to_string())
    }
}

impl From<&mla_export::ExportError> for ErrorCode {
    fn from(e: &mla_export::ExportError) -> Self {
        use mla_export::ExportError as X;
        use mla_sign::Error as S;
        match e {
            X::Cancelled => ErrorCode::ExportCancelled,
            X::OutputIsInput { .. } => ErrorCode::ExportOutputIsInput,
            X::NoOutputFolder { .. } | X::Write(_) => ErrorCode::ExportWriteFailed,
            X::Templates(_) | X::Letter(_) => ErrorCode::ExportLetterFailed,
            X::Typeset(_) => ErrorCode::ExportTypesetFailed,
            X::ReadAnnex { .. } => ErrorCode::ExportAnnexUnreadable,
            X::Key { source, .. } => match source {
                S::WrongPassword => ErrorCode::SignWrongPassword,
                S::CertificateExpired { .. } => ErrorCode::SignCertificateExpired,
                S::CertificateNotYetValid { .. } => ErrorCode::SignCertificateNotYetValid,
                S::NoPrivateKey => ErrorCode::SignNoPrivateKey,
                S::KeyUsageNotForSigning { .. } => ErrorCode::SignCertificateNotForSigning,
                S::Pkcs11(_) => ErrorCode::SignTokenFailed,
                S::WrongPin => ErrorCode::SignWrongPin,
                S::PinLocked => ErrorCode::SignPinLocked,
                S::NoToken(_) => ErrorCode::SignNoToken,
                S::NoTokenKey(_) => ErrorCode::SignNoTokenKey,
                _ => ErrorCode::SignKeyUnreadable,
            },
            X::Sign(S::BadSealImage(_)) => ErrorCode::SignSealUnreadable,
            X::Sign(_) => ErrorCode::SignFailed,
        }
    }
}

impl From<mla_export::ExportError> for IpcError {
    fn from(e: mla_export::ExportError) -> Self {
        IpcError::new(ErrorCode::from(&e), e.to_string())
    }
}

/// An error as the UI sees it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[ts(export_to = "ipc.ts")]
#[error("{message}")]
pub struct IpcError {
    pub code: ErrorCode,
    /// Human-readable, for display only.
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
        }
    }
}

/// Which register the app is on, and whether it could be opened.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct RegisterStatus {
    /// The register file path, as resolved from `--register`, `MLA_REGISTER` or the default.
    pub path: String,
    /// Why the register is not usable; `null` when it is open.
    pub error: Option<IpcError>,
    /// The app version (for the about line).
    pub app_version: String,
    /// The machine's time zone: the interface shows times in it (see `timezone.rs`).
    pub time_zone: LocalTimeZone,
}

/// A time zone as the interface needs it to show an instant in local time.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct LocalTimeZone {
    /// The zone's name (e.g. `Europe/Paris`), or what stands in for it.
    pub name: String,
    /// The zone's UTC offsets in time order; never empty. The first also applies before
    /// its start, the last after it.
    pub spans: Vec<OffsetSpan>,
}

/// One UTC offset of a time zone, from an instant until the next span starts.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[ts(export_to = "ipc.ts")]
pub struct OffsetSpan {
    /// Start, in seconds since 1970-01-01T00:00:00Z.
    #[ts(type = "number")]
    pub from: i64,
    /// Local time minus UTC, in seconds.
    pub offset: i32,
}

/// Arguments of `list_drafts`.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[ts(export_to = "ipc.ts")]
pub struct ListDraftsArgs {
    /// Free text matched against reference, requested State and status; empty for all.
    pub query: String,
    /// `true` lists the trash (deleted drafts) instead of the live drafts.
    pub trash: bool,
}

/// One line of the register list.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct DraftRow {
    #[ts(type = "number")]
    pub id: i64,
    pub reference: String,
    pub requested_state: String,
    pub case_number: String,
    /// One of `draft`, `ready`, `sent`, `closed`.
    pub status: String,
    /// RFC 3339 time of the last saved version.
    pub updated_at: String,
    #[ts(type = "number")]
    pub version: i64,
    pub deleted: bool,
}

/// Arguments naming one draft.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct DraftIdArgs {
    #[ts(type = "number")]
    pub id: i64,
}

/// A draft opened in the editor.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct DraftView {
    pub summary: DraftRow,
    pub request: Request,
}

/// Arguments of `save_draft`: the whole request as the editor has it now.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct SaveDraftArgs {
    #[ts(type = "number")]
    pub id: i64,
    pub request: Request,
}

/// What a save produced.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct SaveDraftResponse {
    /// The draft after the save (new version number, time).
    pub summary: DraftRow,
}

/// One saved version of a draft.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct VersionRow {
    #[ts(type = "number")]
    pub version: i64,
    /// RFC 3339 time the version was saved.
    pub saved_at: String,
    pub actor: String,
    pub note: String,
}

/// Arguments of `restore_version`.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct RestoreVersionArgs {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub version: i64,
}

/// A file the user chose in a native dialog, as the UI shows it. The UI never sends a
/// path back: the app keeps the chosen paths itself.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct ChosenFile {
    /// The file name.
    pub name: String,
    /// The full path, for display.
    pub path: String,
    #[ts(type = "number")]
    pub size: u64,
}

/// What the export will use: the files chosen so far.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[ts(export_to = "ipc.ts")]
pub struct ExportSelection {
    pub certificate: Option<ChosenFile>,
    pub annexes: Vec<ChosenFile>,
    pub output: Option<ChosenFile>,
    /// The PKCS#11 module (token driver library) chosen.
    pub module: Option<ChosenFile>,
    /// The seal image for the signature block (already checked to be readable).
    pub seal: Option<ChosenFile>,
}

/// Arguments of `export_choose_module`: one of the known modules found on this machine
/// (its index in `export_known_modules`), or `null` to open a file dialog.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct ChooseModuleArgs {
    pub known: Option<u32>,
}

/// A PKCS#11 module found at a usual place on this machine, offered as a shortcut.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct KnownModule {
    /// What it is (`SoftHSM2`, `OpenSC`…), not translated.
    pub name: String,
    pub file: ChosenFile,
}

/// Arguments of `export_token_keys`. The PIN goes straight into a zeroing
/// `mla_sign::Password`, is used for this one listing and is never stored.
#[derive(Deserialize, TS, Debug)]
#[ts(export_to = "ipc.ts")]
pub struct TokenKeysArgs {
    #[serde(deserialize_with = "pin")]
    #[ts(type = "string")]
    pub pin: mla_sign::Password,
}

fn pin<'de, D: serde::Deserializer<'de>>(d: D) -> Result<mla_sign::Password, D::Error> {
    Ok(mla_sign::Password::new(String::deserialize(d)?))
}

/// Whether a key's certificate can sign now.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ipc.ts")]
pub enum TokenKeyStatus {
    Ok,
    Expired,
    NotYetValid,
    /// The certificate's key usage does not allow signatures (or it cannot be read).
    NotForSigning,
    /// The token holds no certificate for this key.
    NoCertificate,
}

/// A private key found on a token, with its certificate, for the user to pick.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct TokenKeyView {
    pub token_label: String,
    pub key_label: String,
    /// The key's PKCS#11 `CKA_ID`, in hexadecimal (how `export_pdf` names the key).
    pub key_id: String,
    /// `RSA`, `EC`…
    pub key_type: String,
    /// The certificate's subject (RFC 4514), common name first when it has one.
    pub subject: Option<String>,
    pub issuer: Option<String>,
    /// RFC 3339.
    pub not_before: Option<String>,
    pub not_after: Option<String>,
    pub status: TokenKeyStatus,
    /// Why the key cannot sign, in words (English, technical).
    pub problem: Option<String>,
}

/// The key on a token to sign with (as listed by `export_token_keys`).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct TokenKeyRef {
    pub token_label: String,
    /// The key's `CKA_ID` in hexadecimal.
    pub key_id: String,
}

/// Arguments naming one chosen annex (0-based, in the order of `ExportSelection.annexes`).
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct AnnexIndexArgs {
    pub index: u32,
}

/// Arguments of `export_pdf`. The password is taken straight into a zeroing
/// `mla_sign::Password` when the arguments are read, is never stored, and is not printed
/// by `Debug`.
#[derive(Deserialize, TS, Debug)]
#[ts(export_to = "ipc.ts")]
pub struct ExportArgs {
    /// The draft to export (its saved version; the draft is only read).
    #[ts(type = "number")]
    pub id: i64,
    /// Letter language (ISO 639-1); `null` for the request's drafting language.
    pub lang: Option<String>,
    /// Sign with the chosen certificate; `false` writes the PDF unsigned.
    pub sign: bool,
    /// Sign with this key on a token (through the chosen PKCS#11 module) instead of the
    /// chosen .p12 file; `password` is then the token's PIN.
    #[serde(default)]
    pub token_key: Option<TokenKeyRef>,
    /// The PKCS#12 password or the token PIN (only with `sign`).
    #[serde(default, deserialize_with = "password")]
    #[ts(type = "string | null")]
    pub password: Option<mla_sign::Password>,
    /// The signer's function, shown in the signature block.
    pub function: String,
    /// The place of signing.
    pub place: String,
}

fn password<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<mla_sign::Password>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(mla_sign::Password::new))
}

/// The stages of an export, in order.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ipc.ts")]
pub enum ExportStage {
    Key,
    Letter,
    Typesetting,
    Annex,
    Signing,
    Writing,
    Done,
}

/// Payload of the `mla://export-progress` event.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct ExportProgress {
    pub stage: ExportStage,
    /// Overall fraction done, 0 to 1, never decreasing.
    pub fraction: f64,
    /// The annex being read (stage `annex`).
    pub annex: Option<String>,
    pub annex_index: u32,
    pub annex_count: u32,
    /// Bytes done and total in the current annex or write.
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

impl From<&mla_export::Progress> for ExportProgress {
    fn from(p: &mla_export::Progress) -> Self {
        use mla_export::Stage;
        let mut out = ExportProgress {
            stage: ExportStage::Done,
            fraction: p.fraction,
            annex: None,
            annex_index: 0,
            annex_count: 0,
            done: 0,
            total: 0,
        };
        out.stage = match &p.stage {
            Stage::OpeningKey => ExportStage::Key,
            Stage::Letter => ExportStage::Letter,
            Stage::Typesetting => ExportStage::Typesetting,
            Stage::Annex {
                index,
                count,
                name,
                done,
                total,
            } => {
                out.annex = Some(name.clone());
                out.annex_index = *index as u32;
                out.annex_count = *count as u32;
                out.done = *done;
                out.total = *total;
                ExportStage::Annex
            }
            Stage::Signing => ExportStage::Signing,
            Stage::Writing { done, total } => {
                out.done = *done;
                out.total = *total;
                ExportStage::Writing
            }
            Stage::Done => ExportStage::Done,
        };
        out
    }
}

/// The signature of the written file, as verified right after writing it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct SignatureCheck {
    /// The signature verifies, the file is unchanged since, and nothing was found wrong.
    pub valid: bool,
    /// The signer's certificate subject (common name first when it has one).
    pub signer: Option<String>,
    pub issuer: Option<String>,
    /// RFC 3339 signing time claimed in the signature.
    pub signing_time: Option<String>,
    /// The verdict on the written file (as the verification view gives it; no trusted CA
    /// is given, so never `not_trusted`).
    pub verdict: VerifyVerdict,
    /// What was found wrong with the signature (empty when valid).
    pub problems: Vec<SignatureProblemView>,
}

/// What `export_pdf` wrote.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct ExportResult {
    /// The written file (full path, for display).
    pub path: String,
    pub pages: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    pub signed: bool,
    /// The letter's language.
    pub lang: String,
    /// `null` when the PDF is not signed.
    pub verification: Option<SignatureCheck>,
    /// How many officer-typed parts still need a human translation.
    pub needs_translation: u32,
    /// Characters no bundled font can draw (printed as boxes).
    pub missing_glyphs: String,
}

/// Arguments of `check_draft`: the request as the wizard has it now (saved or not).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct CheckDraftArgs {
    pub request: Request,
    /// Language of the findings (the interface language).
    pub lang: Lang,
}

/// The checker's findings on a request, with the readiness verdict.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct CheckDraftResponse {
    /// Blockers first, then warnings, then advice.
    pub findings: Vec<Finding>,
    pub readiness: Readiness,
    /// ISO code of the requested State's profile the check used; `null` when there is none.
    pub profile: Option<String>,
    /// Why the imported profile pack is not used (the built-in profiles are), if it is not.
    pub pack_problem: Option<String>,
}

/// Arguments of `state_profile`.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct StateProfileArgs {
    /// ISO 3166-1 alpha-3 code, as typed.
    pub iso3: String,
    pub lang: Lang,
}

/// One sourced fact of a profile card.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct CardFact {
    /// Instruments the fact applies to (`uncac`, `untoc`, `bilateral`, `domestic`).
    pub instruments: Vec<String>,
    /// The value: names, codes (channels, languages, stances) as stored; the UI labels codes.
    pub values: Vec<String>,
    /// Document or page title, with article or section.
    pub source: String,
    pub url: Option<String>,
    /// Date the source was read (YYYY-MM-DD).
    pub checked: String,
    pub quote: Option<String>,
}

/// Whether the requested State criminalizes an optional UNCAC offence.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct OptionalOffenceFact {
    /// Conduct category, e.g. `uncac.16.2`.
    pub category: String,
    pub criminalized: bool,
    pub fact: CardFact,
}

/// The requested State's profile as the wizard's card shows it. An empty list means the
/// profile does not say: the UI writes it as unknown.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct ProfileCard {
    pub iso3: String,
    /// Whether a profile exists for this code at all.
    pub found: bool,
    /// The State's name in the interface language (English when not translated).
    pub name: String,
    /// Where the profile comes from: `built-in YYYY-MM-DD` or `pack NAME`.
    pub origin: String,
    pub central_authorities: Vec<CardFact>,
    pub channels: Vec<CardFact>,
    /// One fact per instrument set: `values` are the request languages; annex languages
    /// are in `annex_languages` at the same index (`null` when unknown).
    pub languages: Vec<CardFact>,
    pub annex_languages: Vec<Option<Vec<String>>>,
    pub legal_basis: Option<CardFact>,
    pub dual_criminality: Option<CardFact>,
    pub optional_offences: Vec<OptionalOffenceFact>,
}

/// Arguments of `catalogue`.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct CatalogueArgs {
    pub lang: Lang,
}

/// A type of assistance, named in the interface language.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct MeasureKindView {
    pub key: String,
    pub label: String,
    pub coercive: bool,
}

/// A conduct category of the offence catalogue, in the interface language.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct OffenceCategoryView {
    pub id: String,
    pub title: String,
    pub article: String,
    pub instrument: OffenceInstrument,
    pub status: OffenceStatus,
}

/// A language letters can be written in.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct LetterLanguageView {
    pub code: String,
    /// Name of the language, in English (as the template pack declares it).
    pub name: String,
    /// Whether a legal translator reviewed the template wording.
    pub reviewed: bool,
}

/// The fixed lists the wizard offers: types of assistance, conduct categories, letter
/// languages.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct CatalogueView {
    pub measure_kinds: Vec<MeasureKindView>,
    pub offences: Vec<OffenceCategoryView>,
    pub letter_languages: Vec<LetterLanguageView>,
}

/// Arguments of `letter_preview`.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct LetterPreviewArgs {
    pub request: Request,
    /// Letter language (ISO 639-1); empty for the request's drafting language.
    pub lang: String,
}

/// The letter as HTML (autoescaped by the templates; the UI copies it element by element
/// through an allow-list, never as markup).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct LetterPreview {
    pub lang: String,
    pub rtl: bool,
    pub reviewed: bool,
    pub draft_notice: Option<String>,
    pub html: String,
    /// Field paths of officer-typed text that still needs a human translation.
    pub needs_translation: Vec<String>,
}

impl From<DraftSummary> for DraftRow {
    fn from(s: DraftSummary) -> Self {
        DraftRow {
            id: s.id,
            reference: s.reference,
            requested_state: s.requested_state,
            case_number: s.case_number,
            status: s.status,
            updated_at: s.updated_at,
            version: s.version,
            deleted: s.deleted,
        }
    }
}

impl From<VersionInfo> for VersionRow {
    fn from(v: VersionInfo) -> Self {
        VersionRow {
            version: v.version,
            saved_at: v.saved_at,
            actor: v.actor,
            note: v.note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// One of each store error, so that a new variant must be listed here (the match in
    /// `From<&StoreError>` already forces a mapping).
    fn every_store_error() -> Vec<StoreError> {
        let path = PathBuf::from("/r.sqlite");
        vec![
            StoreError::Locked { path: path.clone() },
            StoreError::ReadOnly { path: path.clone() },
            StoreError::NotADatabase { path: path.clone() },
            StoreError::NotARegister { path: path.clone() },
            StoreError::Corrupt {
                path: path.clone(),
                detail: "x".into(),
            },
            StoreError::CannotOpen {
                path: path.clone(),
                detail: "x".into(),
            },
            StoreError::NewerSchema {
                path: path.clone(),
                found: 9,
                supported: 1,
            },
            StoreError::OutdatedSchema {
                path: path.clone(),
                found: 0,
                supported: 1,
            },
            StoreError::DiskFull { path: path.clone() },
            StoreError::NotFound(3),
            StoreError::VersionNotFound { id: 3, version: 4 },
            StoreError::Format {
                id: 3,
                version: 4,
                source: mla_core::FormatError::Empty,
            },
            StoreError::InvalidStatus("x".into()),
            StoreError::NoDataDir,
            StoreError::Io {
                path: path.clone(),
                source: std::io::Error::other("x"),
            },
            StoreError::Sqlite {
                path,
                source: rusqlite::Error::InvalidQuery,
            },
        ]
    }

    #[test]
    fn ipc_codes_are_the_store_codes() {
        for e in every_store_error() {
            let store_code = e.code();
            let store_message = e.to_string();
            let register_problem = e.is_register_problem();
            let ipc = IpcError::from(e);
            let json = serde_json::to_value(&ipc).unwrap();
            assert_eq!(json["code"], store_code, "{json}");
            assert_eq!(json["message"], store_message);
            assert_eq!(ipc.code.is_register_problem(), register_problem, "{json}");
        }
    }

    /// The UI branches on the code of an export error: it must be the pipeline's own code
    /// (`ExportError::code`), and never a register problem.
    #[test]
    fn export_error_codes_are_the_pipelines_codes() {
        use mla_export::ExportError as X;
        use mla_sign::Error as S;
        let key = |source| X::Key {
            context: "me.p12".into(),
            source,
        };
        let errors = vec![
            X::Cancelled,
            X::OutputIsInput {
                path: "a".into(),
                input: "a".into(),
                what: "the request file".into(),
            },
            X::NoOutputFolder { path: "a".into() },
            X::Letter(mla_letter::LetterError::UnknownLanguage { lang: "xx".into() }),
            X::ReadAnnex {
                path: "a".into(),
                source: std::io::Error::other("x"),
            },
            key(S::WrongPassword),
            key(S::CertificateExpired {
                subject: "s".into(),
                not_after: "t".into(),
                now: "n".into(),
            }),
            key(S::CertificateNotYetValid {
                subject: "s".into(),
                not_before: "t".into(),
                now: "n".into(),
            }),
            key(S::NoPrivateKey),
            key(S::KeyUsageNotForSigning {
                subject: "s".into(),
                found: "f".into(),
            }),
            key(S::Pkcs11("x".into())),
            key(S::WrongPin),
            key(S::PinLocked),
            key(S::NoToken("x".into())),
            key(S::NoTokenKey("x".into())),
            X::Sign(S::BadSealImage("x".into())),
            key(S::BadPkcs12("x".into())),
            X::Sign(S::Signing("x".into())),
            X::Write(S::Write {
                path: "p".into(),
                reason: "r".into(),
            }),
        ];
        for e in errors {
            let pipeline_code = e.code();
            let message = e.to_string();
            let ipc = IpcError::from(e);
            let json = serde_json::to_value(&ipc).unwrap();
            assert_eq!(json["code"], pipeline_code, "{json}");
            assert_eq!(json["message"], message);
            assert!(!ipc.code.is_register_problem(), "{json}");
        }
    }

    #[test]
    fn token_keys_args_take_the_pin_without_showing_it() {
        let args: TokenKeysArgs =
            serde_json::from_value(serde_json::json!({ "pin": "271828" })).unwrap();
        assert!(!format!("{args:?}").contains("271828"));
        let args: ExportArgs = serde_json::from_value(serde_json::json!({
            "id": 3, "lang": null, "sign": true, "password": "271828",
            "token_key": { "token_label": "card", "key_id": "01" },
            "function": "", "place": "",
        }))
        .unwrap();
        assert_eq!(args.token_key.unwrap().key_id, "01");
    }

    #[test]
    fn export_args_take_the_password_without_showing_it() {
        let args: ExportArgs = serde_json::from_value(serde_json::json!({
            "id": 3, "lang": null, "sign": true, "password": "s3cret pass",
            "function": "Prosecutor", "place": "Lyon",
        }))
        .unwrap();
        assert!(args.password.is_some());
        let debug = format!("{args:?}");
        assert!(!debug.contains("s3cret"), "{debug}");
    }
}

/// The overall verdict, as `mla verify` gives it, plus "the file could not be read".
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ipc.ts")]
pub enum VerifyVerdict {
    /// Every signature valid, unchanged since; trusted when CAs were given.
    Verified,
    NoSignature,
    Invalid,
    ChangedAfterSigning,
    NotTrusted,
    /// The file is not a readable, unencrypted PDF (see `unreadable`).
    Unreadable,
}

impl From<mla_sign::Verdict> for VerifyVerdict {
    fn from(v: mla_sign::Verdict) -> Self {
        match v {
            mla_sign::Verdict::Verified => VerifyVerdict::Verified,
            mla_sign::Verdict::NoSignature => VerifyVerdict::NoSignature,
            mla_sign::Verdict::Invalid => VerifyVerdict::Invalid,
            mla_sign::Verdict::ChangedAfterSigning => VerifyVerdict::ChangedAfterSigning,
            mla_sign::Verdict::NotTrusted => VerifyVerdict::NotTrusted,
        }
    }
}

/// A problem of a signature: its code and values, which the interface says in its own
/// language, and the verifier's English sentence, shown (marked as English) only for a
/// code the interface does not know.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "ipc.ts")]
pub struct SignatureProblemView {
    pub problem: mla_sign::SignatureProblem,
    pub english: String,
}

impl From<&mla_sign::SignatureProblem> for SignatureProblemView {
    fn from(p: &mla_sign::SignatureProblem) -> Self {
        SignatureProblemView {
            problem: p.clone(),
            english: p.to_string(),
        }
    }
}
