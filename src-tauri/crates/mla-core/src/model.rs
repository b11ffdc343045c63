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

/// The type of assistance and the fields that type needs (UNCAC art. 46(3), (10)-(12), (18)).
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub enum MeasureDetails {
    /// 46(3)(a) taking evidence or statements from persons.
    TakeStatement(TakeStatement),
    /// 46(3)(b) effecting service of judicial documents.
    ServeDocuments(ServeDocuments),
    /// 46(3)(c) executing searches and seizures.
    SearchSeizure(SearchSeizure),
    /// 46(3)(d) examining objects and sites.
    ExamineObjectsSites(ExamineObjectsSites),
    /// 46(3)(e) providing information, evidentiary items and expert evaluations.
    ProvideInformation(ProvideInformation),
    /// 46(3)(f) originals or certified copies of records, bank records in particular.
    BankRecords(BankRecords),
    /// 46(3)(f) other government, financial, corporate or business records.
    ProduceRecords(ProduceRecords),
    /// 46(3)(g) identifying or tracing proceeds, property or instrumentalities.
    TraceProceeds(TraceProceeds),
    /// 46(3)(h) facilitating the voluntary appearance of persons in the requesting State.
    VoluntaryAppearance(VoluntaryAppearance),
    /// 46(3)(c), (j) freezing or seizing property (provisional measures).
    FreezeAssets(FreezeAssets),
    /// 46(3)(k), chapter V: confiscation and recovery of assets.
    ConfiscateAssets(ConfiscateAssets),
    /// 46(18) hearing by videoconference.
    VideoconferenceHearing(VideoconferenceHearing),
    /// 46(10)-(12) temporary transfer of a detained person, with consent.
    TransferDetainedPerson(TransferDetainedPerson),
    /// Electronic evidence held by a service provider (preservation and production).
    ElectronicEvidence(ElectronicEvidence),
    /// 46(3)(i) any other assistance not contrary to the requested State's law.
    Other(OtherAssistance),
}

impl Default for MeasureDetails {
    fn default() -> Self {
        MeasureDetails::Other(OtherAssistance::default())
    }
}

impl MeasureDetails {
    /// The stable snake_case name of this type of assistance, as in the file format.
    pub fn kind(&self) -> &'static str {
        match self {
            MeasureDetails::TakeStatement(_) => "take_statement",
            MeasureDetails::ServeDocuments(_) => "serve_documents",
            MeasureDetails::SearchSeizure(_) => "search_seizure",
            MeasureDetails::ExamineObjectsSites(_) => "examine_objects_sites",
            MeasureDetails::ProvideInformation(_) => "provide_information",
            MeasureDetails::BankRecords(_) => "bank_records",
            MeasureDetails::ProduceRecords(_) => "produce_records",
            MeasureDetails::TraceProceeds(_) => "trace_proceeds",
            MeasureDetails::VoluntaryAppearance(_) => "voluntary_appearance",
            MeasureDetails::FreezeAssets(_) => "freeze_assets",
            MeasureDetails::ConfiscateAssets(_) => "confiscate_assets",
            MeasureDetails::VideoconferenceHearing(_) => "videoconference_hearing",
            MeasureDetails::TransferDetainedPerson(_) => "transfer_detained_person",
            MeasureDetails::ElectronicEvidence(_) => "electronic_evidence",
            MeasureDetails::Other(_) => "other",
        }
    }
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

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct TakeStatement {
    pub person_id: String,
    pub status: HearingStatus,
    pub questions: Vec<String>,
    /// Rights to be read to the person (e.g. against self-incrimination, to counsel).
    pub rights: String,
    /// Whether officials of the requesting State wish to attend.
    pub officials_attend: bool,
    /// Oath or affirmation to be administered, if any.
    pub oath_form: String,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct ServeDocuments {
    pub recipient_person_id: String,
    /// Address at which to serve.
    pub address: String,
    /// The documents to serve (attachment ids).
    pub document_attachment_ids: Vec<String>,
    /// Date on which the recipient must appear, if the documents summon them.
    pub appearance_date: Option<NaiveDate>,
    /// Whether proof of service is required.
    pub proof_of_service: bool,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct SearchSeizure {
    /// Premises or person to be searched, precisely described.
    pub premises: String,
    /// Items sought.
    pub items_sought: String,
    /// Grounds linking the premises and items to the offence.
    pub grounds: String,
    /// A domestic search order (attachment id), where the requested State requires one.
    pub order_attachment_id: String,
    /// Chain-of-custody wishes for seized items.
    pub chain_of_custody: String,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct ExamineObjectsSites {
    pub object_or_site: String,
    pub location: String,
    pub examination: String,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct ProvideInformation {
    pub information_sought: String,
    pub expert_evaluation: bool,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct BankRecords {
    pub bank: String,
    /// The accounts (asset ids).
    pub account_asset_ids: Vec<String>,
    /// The holder (person id), where accounts are not known by number.
    pub holder_person_id: String,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    /// Records wanted (opening documents, statements, KYC, transfers ...).
    pub records_wanted: String,
    /// Why the accounts are linked to the offence.
    pub link_to_offence: String,
    pub certified_copies: bool,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct ProduceRecords {
    /// Who holds the records (registry, company, administration).
    pub holder: String,
    pub records_wanted: String,
    pub certified_copies: bool,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct TraceProceeds {
    pub person_ids: Vec<String>,
    pub asset_ids: Vec<String>,
    pub description: String,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct VoluntaryAppearance {
    pub person_id: String,
    pub appearance_date: Option<NaiveDate>,
    pub expenses_covered: bool,
    /// Safe conduct offered (UNCAC art. 46(27)).
    pub safe_conduct: bool,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct FreezeAssets {
    pub asset_ids: Vec<String>,
    /// The domestic freezing order or decision (attachment id).
    pub order_attachment_id: String,
    pub link_to_offence: String,
    pub owner_notification: String,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct ConfiscateAssets {
    pub asset_ids: Vec<String>,
    /// The confiscation order (attachment id).
    pub order_attachment_id: String,
    /// Whether the order is final (no further appeal).
    pub order_final: bool,
    pub link_to_offence: String,
    /// Proposed disposal or return of the assets (UNCAC art. 57).
    pub return_proposal: String,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct VideoconferenceHearing {
    pub person_id: String,
    pub status: HearingStatus,
    pub proposed_date: Option<NaiveDate>,
    /// Technical contact for the link (name, e-mail, phone).
    pub technical_contact: String,
    /// Language of the interpreter needed, if any (ISO 639-1).
    pub interpreter_language: String,
    /// Who conducts the questioning.
    pub questioning_authority: String,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct TransferDetainedPerson {
    pub person_id: String,
    /// The person's free and informed consent has been obtained (46(10)(a)).
    pub consent_obtained: bool,
    /// Custody and return guarantees (46(11)).
    pub custody_guarantees: String,
    pub transfer_date: Option<NaiveDate>,
    pub return_date: Option<NaiveDate>,
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

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct ElectronicEvidence {
    pub provider: String,
    /// Account identifiers (e-mail addresses, user names, phone numbers, IP addresses).
    pub account_identifiers: Vec<String>,
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    pub data_categories: Vec<DataCategory>,
    /// Whether preservation has been requested (or is requested first).
    pub preservation_requested: bool,
    /// Whether the data may be lost before a full request is executed.
    pub risk_of_loss: bool,
}

#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
#[ts(export_to = "model.ts")]
pub struct OtherAssistance {
    pub description: String,
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
