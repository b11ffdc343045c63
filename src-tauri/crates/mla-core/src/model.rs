//! The draft request: everything UNCAC art. 46(15) / UNTOC art. 18(15) and the types of
//! assistance in UNCAC art. 46(3) need.
//!
//! Every field has a default, because a half-filled draft is normal input: the checker
//! (not the parser) says what is missing. Unknown fields are rejected so that a typo in a
//! hand-edited file is reported instead of silently dropped.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

// The types of assistance (the measures' details) are declared in `crate::assistance`.
pub use crate::assistance::{
    BankRecords, ConfiscateAssets, ElectronicEvidence, ExamineObjectsSites, FreezeAssets,
    MeasureDetails, OtherAssistance, ProduceRecords, ProvideInformation, SearchSeizure,
    ServeDocuments, TakeStatement, TraceProceeds, TransferDetainedPerson, VideoconferenceHearing,
    VoluntaryAppearance,
};

/// The version of the `.mla.json` file format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A request for mutual legal assistance in criminal matters, as drafted.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Request {
    /// Version of the file format; see [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable document identifier (e.g. a UUID); used as the PDF document id.
    pub id: String,
    /// The requesting authority's own reference for this request.
    pub reference: String,
    /// Language the officer drafts in (ISO 639-1: en, fr, es, ar, ru, zh).
    pub drafting_language: String,
    /// Date of the request (as it will appear on the letter).
    pub date: Option<NaiveDate>,
    pub requesting_authority: RequestingAuthority,
    /// Requested State, ISO 3166-1 alpha-3 (e.g. "FRA").
    pub requested_state: String,
    /// The body the request is addressed to (should be the designated central authority).
    pub addressee: Addressee,
    /// How the request will be transmitted.
    pub channel: Channel,
    /// Legal bases invoked (conventions, treaties, reciprocity).
    pub legal_basis: Vec<LegalBasis>,
    pub urgency: Urgency,
    pub confidentiality: Confidentiality,
    pub case: Case,
    pub offences: Vec<Offence>,
    /// Summary of the relevant facts (UNCAC art. 46(15)(c)).
    pub facts: String,
    pub persons: Vec<Person>,
    pub assets: Vec<Asset>,
    /// The assistance sought, one entry per measure (UNCAC art. 46(15)(d)).
    pub measures: Vec<Measure>,
    /// The purpose for which the evidence, information or action is sought (46(15)(f)).
    pub purpose: String,
    /// How the assistance sought is linked to the offences and the facts.
    pub nexus: String,
    /// Particular procedures the requesting State wishes followed (46(15)(d), 46(17)).
    pub procedures: String,
    pub assurances: Assurances,
    pub attachments: Vec<Attachment>,
    pub signatory: Signatory,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            format_version: FORMAT_VERSION,
            id: String::new(),
            reference: String::new(),
            drafting_language: "en".to_owned(),
            date: None,
            requesting_authority: RequestingAuthority::default(),
            requested_state: String::new(),
            addressee: Addressee::default(),
            channel: Channel::default(),
            legal_basis: Vec::new(),
            urgency: Urgency::default(),
            confidentiality: Confidentiality::default(),
            case: Case::default(),
            offences: Vec::new(),
            facts: String::new(),
            persons: Vec::new(),
            assets: Vec::new(),
            measures: Vec::new(),
            purpose: String::new(),
            nexus: String::new(),
            procedures: String::new(),
            assurances: Assurances::default(),
            attachments: Vec::new(),
            signatory: Signatory::default(),
        }
    }
}

/// The authority that makes the request (UNCAC art. 46(15)(a)).
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct RequestingAuthority {
    pub name: String,
    /// Requesting State, ISO 3166-1 alpha-3.
    pub country: String,
    pub address: String,
    /// The officer in charge, who answers the requested State's questions.
    pub officer: Contact,
}

/// A person to contact, with the details needed for follow-up.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Contact {
    pub name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
    /// Languages the contact can work in (ISO 639-1).
    pub languages: Vec<String>,
}

/// The body the letter is addressed to.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Addressee {
    pub name: String,
    pub address: String,
}

/// Transmission channel.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "model.ts")]
pub enum Channel {
    #[default]
    Unspecified,
    /// Directly between central authorities (UNCAC art. 46(13)).
    CentralAuthority,
    /// Through diplomatic channels.
    Diplomatic,
    /// Through INTERPOL, in urgent cases where the requested State agrees (46(13)).
    Interpol,
    /// By e-mail to the central authority.
    Email,
    /// Through a secure electronic portal.
    Portal,
}

/// One legal basis for the request.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub enum LegalBasis {
    /// UN Convention against Corruption, art. 46.
    Uncac,
    /// UN Convention against Transnational Organized Crime, art. 18.
    Untoc,
    /// A bilateral MLA treaty, named.
    BilateralTreaty {
        #[serde(default)]
        name: String,
        #[serde(default)]
        date: Option<NaiveDate>,
    },
    /// A regional or multilateral convention, named (e.g. Council of Europe 1959).
    RegionalConvention {
        #[serde(default)]
        name: String,
    },
    /// Reciprocity (comity), with or without a written assurance.
    Reciprocity {
        #[serde(default)]
        assurance_given: bool,
    },
    /// The requested or requesting State's domestic MLA law.
    DomesticLaw {
        #[serde(default)]
        citation: String,
    },
}

/// Urgency and its reasons (UNCAC art. 46(24)).
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Urgency {
    pub urgent: bool,
    pub reason: String,
    /// The date by which execution is needed.
    pub deadline: Option<NaiveDate>,
}

/// Confidentiality asked of the requested State (UNCAC art. 46(20)).
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Confidentiality {
    pub required: bool,
    pub reason: String,
}

/// The proceedings the request is made in (UNCAC art. 46(15)(b)).
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Case {
    pub nature: ProceedingNature,
    /// Subject matter of the investigation, prosecution or proceeding.
    pub subject: String,
    pub conducting_authority: ConductingAuthority,
    pub case_number: String,
    /// Whether the investigation is covert (the suspect is not aware of it).
    pub covert: bool,
}

/// Nature of the proceedings.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "model.ts")]
pub enum ProceedingNature {
    #[default]
    Unspecified,
    Investigation,
    Prosecution,
    JudicialProceeding,
    /// Civil or administrative proceedings related to a criminal matter (e.g. non-conviction
    /// based forfeiture); many central authorities for criminal matters cannot take these.
    CivilOrAdministrative,
}

/// The authority conducting the proceedings (name and functions, 46(15)(b)).
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct ConductingAuthority {
    pub name: String,
    pub functions: String,
}

/// An offence under investigation or prosecution.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Offence {
    /// Identifier other parts of the request refer to (e.g. "off-1").
    pub id: String,
    /// Name of the offence in the requesting State's law.
    pub label: String,
    /// Citation of the provision (e.g. "Penal Code, art. 432-11").
    pub provision: String,
    /// Full text of the provision, as it will be quoted in the letter.
    pub provision_text: String,
    /// Maximum penalty.
    pub penalty: String,
    /// Conduct category from the offence catalogue (e.g. "uncac.15", "uncac.23").
    pub conduct_category: String,
    /// Date on which prosecution becomes time-barred, if known.
    pub limitation_date: Option<NaiveDate>,
}

/// A natural or legal person concerned by the request (46(15)(e)).
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Person {
    pub id: String,
    pub role: PersonRole,
    pub legal_person: bool,
    /// Full name, or company name for a legal person.
    pub name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub place_of_birth: String,
    /// Nationalities, ISO 3166-1 alpha-3.
    pub nationality: Vec<String>,
    /// Passport, national identity or company registration numbers.
    pub identity_documents: Vec<String>,
    /// Last known address or whereabouts.
    pub location: String,
    pub notes: String,
}

/// The role of a person in the proceedings.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "model.ts")]
pub enum PersonRole {
    #[default]
    Unspecified,
    Suspect,
    Accused,
    Witness,
    Victim,
    Expert,
    AccountHolder,
    ThirdParty,
}

/// An asset: account, property, or other item of value.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Asset {
    pub id: String,
    pub kind: AssetKind,
    pub description: String,
    /// Bank or other institution holding the asset.
    pub institution: String,
    /// Account number, IBAN, land-register entry, registration number, wallet address...
    pub identifier: String,
    /// The person (by id) who owns or holds the asset.
    pub holder_person_id: String,
    pub location: String,
    pub estimated_value: Option<Money>,
    /// Why the asset is linked to the offence (proceeds, instrumentality, ...).
    pub link_to_offence: String,
}

/// Kind of asset.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "model.ts")]
pub enum AssetKind {
    #[default]
    Unspecified,
    BankAccount,
    RealEstate,
    Vehicle,
    CompanyShares,
    VirtualAssets,
    Cash,
    Other,
}

/// An amount of money.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Money {
    /// Amount in the currency's units, as written (e.g. "1250000.00").
    pub amount: String,
    /// ISO 4217 code.
    pub currency: String,
}

/// One measure of assistance requested.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Measure {
    pub id: String,
    /// The offences (by id) this measure serves.
    pub offence_ids: Vec<String>,
    /// What this measure is for, in the proceedings.
    pub purpose: String,
    /// Particular procedure to follow for this measure (46(17)).
    pub procedure: String,
    pub details: MeasureDetails,
}

/// Status of a person to be heard.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "model.ts")]
pub enum HearingStatus {
    #[default]
    Unspecified,
    Witness,
    Suspect,
    Expert,
    Victim,
}

/// Categories of electronic data.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "model.ts")]
pub enum DataCategory {
    Subscriber,
    Traffic,
    Content,
}

/// Assurances given to the requested State.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Assurances {
    /// Use only for the proceedings stated (UNCAC art. 46(19)).
    pub speciality: bool,
    /// Reciprocity in similar cases.
    pub reciprocity: bool,
    /// Costs (ordinary costs borne by the requested State, 46(28)).
    pub costs: String,
}

/// A document annexed to the request.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Attachment {
    pub id: String,
    pub title: String,
    /// Language of the original (ISO 639-1).
    pub language: String,
    pub translation: TranslationStatus,
    /// Language of the translation, if any (ISO 639-1).
    pub translation_language: String,
    pub certification: Certification,
    /// File name of the annex on the officer's machine, if chosen.
    pub file_name: String,
}

/// Translation status of an annex.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "model.ts")]
pub enum TranslationStatus {
    #[default]
    Unspecified,
    NotNeeded,
    Needed,
    InProgress,
    Done,
}

/// Certification of an annex.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "model.ts")]
pub enum Certification {
    #[default]
    None,
    CertifiedCopy,
    Apostille,
    Legalized,
    SwornTranslation,
}

/// Who signs the request, where and when.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct Signatory {
    pub name: String,
    pub function: String,
    pub place: String,
}
