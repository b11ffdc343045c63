//! Requested-State profiles: what a State requires of an incoming MLA request, each fact
//! with its source and the date the source was read.
//!
//! One TOML file per State (`assets/profiles/XXX.toml`, ISO 3166-1 alpha-3); the format is
//! documented in `assets/profiles/README.md`. A fact nobody has a source for is simply
//! absent, and the app shows "unknown — verify with the central authority".
//!
//! Parsing works on text already read; the caller owns IO and passes `today` in, so the
//! core reads no file and no clock. Every problem is reported with the file, the line and
//! the field, and all problems of a file are reported at once.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

/// The version of the profile TOML format this build reads.
pub const PROFILE_FORMAT_VERSION: u32 = 1;

/// Largest profile file accepted (1 MB): a State profile is a few kilobytes.
pub const MAX_PROFILE_BYTES: usize = 1024 * 1024;

/// What the app says when a fact is not in the profile.
pub const UNKNOWN_FACT: &str = "unknown — verify with the central authority";

/// A fact with its provenance.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct Fact<T> {
    pub value: T,
    /// Document or page title, with article or section.
    pub source: String,
    /// Public address of the source, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    /// Date the source was read.
    #[serde(deserialize_with = "de_date")]
    pub checked: NaiveDate,
    /// The exact words of the source supporting the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
}

/// The provenance of any fact, borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Provenance<'a> {
    pub source: &'a str,
    pub url: Option<&'a str>,
    pub checked: NaiveDate,
    pub quote: Option<&'a str>,
}

impl fmt::Display for Provenance<'_> {
    /// "SOURCE (checked YYYY-MM-DD)", the form findings cite.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (checked {})", self.source, self.checked)
    }
}

/// Anything that carries a source and a checked date.
pub trait Sourced {
    fn provenance(&self) -> Provenance<'_>;
}

macro_rules! impl_sourced {
    ($($ty:ty),* $(,)?) => {$(
        impl Sourced for $ty {
            fn provenance(&self) -> Provenance<'_> {
                Provenance {
                    source: &self.source,
                    url: self.url.as_deref(),
                    checked: self.checked,
                    quote: self.quote.as_deref(),
                }
            }
        }
    )*};
}

impl<T> Sourced for Fact<T> {
    fn provenance(&self) -> Provenance<'_> {
        Provenance {
            source: &self.source,
            url: self.url.as_deref(),
            checked: self.checked,
            quote: self.quote.as_deref(),
        }
    }
}

impl_sourced!(
    PartyStatusFact,
    CentralAuthority,
    ChannelsFact,
    LanguagesFact,
    InstrumentFact,
    AuthenticationFact,
    SpecialRequirement,
);

/// The requirements of one requested State.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct Profile {
    /// See [`PROFILE_FORMAT_VERSION`].
    pub format_version: u32,
    /// ISO 3166-1 alpha-3, upper case; equals the file name.
    pub iso3: String,
    pub names: Names,
    /// Party status to UNCAC.
    #[serde(default)]
    pub uncac: Option<PartyStatusFact>,
    /// Party status to UNTOC.
    #[serde(default)]
    pub untoc: Option<PartyStatusFact>,
    /// Designated central authorities, per instrument.
    #[serde(default)]
    pub central_authorities: Vec<CentralAuthority>,
    /// Accepted transmission channels, per instrument.
    #[serde(default)]
    pub channels: Vec<ChannelsFact>,
    /// Acceptable languages for requests and annexes, per instrument.
    #[serde(default)]
    pub languages: Vec<LanguagesFact>,
    #[serde(default)]
    pub legal_basis: Option<Fact<LegalBasisStance>>,
    #[serde(default)]
    pub dual_criminality: Option<Fact<DualCriminality>>,
    /// Whether each optional UNCAC offence is criminalized.
    #[serde(default)]
    pub optional_offences: BTreeMap<OptionalOffence, Fact<bool>>,
    /// Regional and multilateral MLA instruments.
    #[serde(default)]
    pub instruments: Vec<InstrumentFact>,
    #[serde(default)]
    pub authentication: Option<AuthenticationFact>,
    /// Days the requested State needs to serve documents before an appearance date.
    #[serde(default)]
    pub service_lead_time_days: Option<Fact<u32>>,
    #[serde(default)]
    pub urgent_procedure: Option<Fact<String>>,
    /// Whether the central authority takes requests made in civil or administrative
    /// proceedings (e.g. non-conviction-based forfeiture), or only criminal matters.
    #[serde(default)]
    pub civil_proceedings: Option<Fact<bool>>,
    #[serde(default)]
    pub special_requirements: Vec<SpecialRequirement>,
}

/// The State's short name in the UN working languages the app is localized in.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct Names {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub es: Option<String>,
}

/// Party status to a convention.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "profile.ts")]
pub enum PartyStatus {
    Party,
    Signatory,
    NotParty,
}

/// Party status with the date of ratification, accession or approval.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct PartyStatusFact {
    pub value: PartyStatus,
    #[serde(default, deserialize_with = "de_opt_date")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub date: Option<NaiveDate>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(deserialize_with = "de_date")]
    pub checked: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
}

/// The legal frame a designation, channel or language applies to.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "profile.ts")]
pub enum Instrument {
    Uncac,
    Untoc,
    Bilateral,
    Domestic,
}

/// A designated central authority.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct CentralAuthority {
    pub instruments: Vec<Instrument>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub phone: Option<String>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(deserialize_with = "de_date")]
    pub checked: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
}

/// A transmission channel a State accepts.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "profile.ts")]
pub enum AcceptedChannel {
    CentralAuthority,
    Diplomatic,
    Interpol,
    Email,
    Portal,
}

impl AcceptedChannel {
    /// The request model's channel this corresponds to.
    pub fn as_request_channel(self) -> crate::model::Channel {
        use crate::model::Channel;
        match self {
            AcceptedChannel::CentralAuthority => Channel::CentralAuthority,
            AcceptedChannel::Diplomatic => Channel::Diplomatic,
            AcceptedChannel::Interpol => Channel::Interpol,
            AcceptedChannel::Email => Channel::Email,
            AcceptedChannel::Portal => Channel::Portal,
        }
    }
}

/// The channels accepted under some instruments.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct ChannelsFact {
    pub instruments: Vec<Instrument>,
    pub value: Vec<AcceptedChannel>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(deserialize_with = "de_date")]
    pub checked: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
}

/// Languages acceptable under some instruments (ISO 639-1 codes).
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct LanguagesFact {
    pub instruments: Vec<Instrument>,
    /// Languages acceptable for the request itself.
    pub requests: Vec<String>,
    /// Languages acceptable for annexes; absent means not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub annexes: Option<Vec<String>>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(deserialize_with = "de_date")]
    pub checked: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
}

/// Whether the State accepts the conventions as the legal basis for MLA.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "profile.ts")]
pub enum LegalBasisStance {
    /// UNCAC / UNTOC are accepted as the legal basis.
    ConventionAccepted,
    /// A treaty or an assurance of reciprocity is required.
    TreatyOrReciprocityRequired,
}

/// When the State requires dual criminality.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "profile.ts")]
pub enum DualCriminality {
    None,
    CoerciveOnly,
    All,
}

/// The optional UNCAC offences (chapter III), keys of `optional_offences`.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[ts(export_to = "profile.ts")]
pub enum OptionalOffence {
    /// Art. 16(2): passive bribery of foreign public officials.
    #[serde(rename = "uncac.16.2")]
    Uncac16_2,
    /// Art. 18: trading in influence.
    #[serde(rename = "uncac.18")]
    Uncac18,
    /// Art. 19: abuse of functions.
    #[serde(rename = "uncac.19")]
    Uncac19,
    /// Art. 20: illicit enrichment.
    #[serde(rename = "uncac.20")]
    Uncac20,
    /// Art. 21: bribery in the private sector.
    #[serde(rename = "uncac.21")]
    Uncac21,
    /// Art. 22: embezzlement in the private sector.
    #[serde(rename = "uncac.22")]
    Uncac22,
    /// Art. 24: concealment.
    #[serde(rename = "uncac.24")]
    Uncac24,
}

impl OptionalOffence {
    pub const ALL: [OptionalOffence; 7] = [
        OptionalOffence::Uncac16_2,
        OptionalOffence::Uncac18,
        OptionalOffence::Uncac19,
        OptionalOffence::Uncac20,
        OptionalOffence::Uncac21,
        OptionalOffence::Uncac22,
        OptionalOffence::Uncac24,
    ];

    /// The catalogue key, as in the file and in `Offence::conduct_category`.
    pub fn key(self) -> &'static str {
        match self {
            OptionalOffence::Uncac16_2 => "uncac.16.2",
            OptionalOffence::Uncac18 => "uncac.18",
            OptionalOffence::Uncac19 => "uncac.19",
            OptionalOffence::Uncac20 => "uncac.20",
            OptionalOffence::Uncac21 => "uncac.21",
            OptionalOffence::Uncac22 => "uncac.22",
            OptionalOffence::Uncac24 => "uncac.24",
        }
    }

    /// The optional offence for a conduct category, if it is one.
    pub fn from_key(key: &str) -> Option<OptionalOffence> {
        OptionalOffence::ALL.into_iter().find(|o| o.key() == key)
    }
}

/// Regional and multilateral MLA instruments a profile may list (`[[instruments]] id`).
/// Extend this table when a source lists another instrument.
pub const KNOWN_INSTRUMENTS: &[(&str, &str)] = &[
    (
        "coe-1959",
        "European Convention on Mutual Assistance in Criminal Matters (Council of Europe, 1959)",
    ),
    ("coe-1959-p1", "Additional Protocol to the 1959 Convention (1978)"),
    ("coe-1959-p2", "Second Additional Protocol to the 1959 Convention (2001)"),
    (
        "inter-american-1992",
        "Inter-American Convention on Mutual Assistance in Criminal Matters (1992)",
    ),
    (
        "inter-american-1992-p1",
        "Optional Protocol to the Inter-American Convention on Mutual Assistance (1993)",
    ),
    ("asean-2004", "ASEAN Treaty on Mutual Legal Assistance in Criminal Matters (2004)"),
    ("ecowas-1992", "ECOWAS Convention on Mutual Assistance in Criminal Matters (1992)"),
    ("sadc-2002", "SADC Protocol on Mutual Legal Assistance in Criminal Matters (2002)"),
    ("riyadh-1983", "Riyadh Arab Agreement for Judicial Cooperation (1983)"),
    (
        "harare-scheme",
        "Harare Scheme relating to Mutual Assistance in Criminal Matters within the Commonwealth",
    ),
    (
        "eu-2000",
        "Convention on Mutual Assistance in Criminal Matters between the Member States of the EU (2000)",
    ),
    ("eu-eio-2014", "Directive 2014/41/EU regarding the European Investigation Order"),
    (
        "minsk-1993",
        "CIS Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal Matters (Minsk, 1993)",
    ),
    (
        "chisinau-2002",
        "CIS Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal Matters (Chisinau, 2002)",
    ),
    (
        "cplp-2005",
        "Convention on Mutual Legal Assistance in Criminal Matters among CPLP Member States (2005)",
    ),
    ("coe-cybercrime-2001", "Council of Europe Convention on Cybercrime (Budapest, 2001)"),
];

/// A regional or multilateral instrument and the State's status under it.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct InstrumentFact {
    /// An id from [`KNOWN_INSTRUMENTS`].
    pub id: String,
    pub value: PartyStatus,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(deserialize_with = "de_date")]
    pub checked: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
}

/// What the State requires to establish a request's authenticity.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "profile.ts")]
pub enum Authentication {
    NoneRequired,
    Certification,
    Apostille,
    Legalization,
}

/// Authentication rules.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct AuthenticationFact {
    pub value: Authentication,
    /// Whether a signature and seal are required on every page; absent means not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub signature_seal_every_page: Option<bool>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(deserialize_with = "de_date")]
    pub checked: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
}

/// Measure kinds a special requirement may name: "any", or a type of assistance declared
/// in [`crate::assistance`].
pub fn special_requirement_measures() -> Vec<&'static str> {
    std::iter::once("any")
        .chain(crate::assistance::ASSISTANCE.iter().map(|t| t.key))
        .collect()
}

/// A requirement for one type of assistance, in the source's words.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "profile.ts")]
pub struct SpecialRequirement {
    /// A measure kind from [`special_requirement_measures`].
    pub measure: String,
    pub value: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(deserialize_with = "de_date")]
    pub checked: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<String>,
}

/// One problem in a profile file: where, which field, what.
#[derive(Serialize, TS, Clone, Debug, PartialEq, Eq)]
#[ts(export_to = "profile.ts")]
pub struct ProfileProblem {
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// The field path, e.g. `central_authorities[0].checked`; empty for syntax errors.
    pub field: String,
    pub message: String,
}

impl fmt::Display for ProfileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        if !self.field.is_empty() {
            write!(f, "field `{}`: ", self.field)?;
        }
        f.write_str(&self.message)
    }
}

/// Why a profile file was rejected.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// The file has one or more problems, all listed.
    #[error("{}", render_problems(file, problems))]
    Invalid {
        file: String,
        problems: Vec<ProfileProblem>,
    },
}

impl ProfileError {
    pub fn file(&self) -> &str {
        match self {
            ProfileError::Invalid { file, .. } => file,
        }
    }

    pub fn problems(&self) -> &[ProfileProblem] {
        match self {
            ProfileError::Invalid { problems, .. } => problems,
        }
    }
}

fn render_problems(file: &str, problems: &[ProfileProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("{file}: {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Profile {
    /// Parse and validate one profile file. `file_name` is the file's name (e.g.
    /// "THA.toml"), which must match `iso3`; `today` bounds the `checked` dates.
    pub fn from_toml(
        file_name: &str,
        text: &str,
        today: NaiveDate,
    ) -> Result<Profile, ProfileError> {
        parse_profile(file_name, text, Some(today))
    }

    /// The State's name in `language` (en, fr, es), falling back to English.
    pub fn name(&self, language: &str) -> &str {
        let localized = match language {
            "fr" => self.names.fr.as_deref(),
            "es" => self.names.es.as_deref(),
            _ => None,
        };
        localized.unwrap_or(&self.names.en)
    }

    /// Central authorities designated for `instrument`.
    pub fn central_authorities_for(&self, instrument: Instrument) -> Vec<&CentralAuthority> {
        self.central_authorities
            .iter()
            .filter(|a| a.instruments.contains(&instrument))
            .collect()
    }

    /// The channels fact for `instrument`, if sourced.
    pub fn channels_for(&self, instrument: Instrument) -> Option<&ChannelsFact> {
        self.channels
            .iter()
            .find(|c| c.instruments.contains(&instrument))
    }

    /// The languages fact for `instrument`, if sourced.
    pub fn languages_for(&self, instrument: Instrument) -> Option<&LanguagesFact> {
        self.languages
            .iter()
            .find(|l| l.instruments.contains(&instrument))
    }

    /// Every fact's provenance, with the field path it sits at, in file order of sections.
    pub fn facts(&self) -> Vec<(String, Provenance<'_>)> {
        let mut out: Vec<(String, Provenance<'_>)> = Vec::new();
        if let Some(f) = &self.uncac {
            out.push(("uncac".into(), f.provenance()));
        }
        if let Some(f) = &self.untoc {
            out.push(("untoc".into(), f.provenance()));
        }
        for (i, f) in self.central_authorities.iter().enumerate() {
            out.push((format!("central_authorities[{i}]"), f.provenance()));
        }
        for (i, f) in self.channels.iter().enumerate() {
            out.push((format!("channels[{i}]"), f.provenance()));
        }
        for (i, f) in self.languages.iter().enumerate() {
            out.push((format!("languages[{i}]"), f.provenance()));
        }
        if let Some(f) = &self.legal_basis {
            out.push(("legal_basis".into(), f.provenance()));
        }
        if let Some(f) = &self.dual_criminality {
            out.push(("dual_criminality".into(), f.provenance()));
        }
        for (k, f) in &self.optional_offences {
            out.push((format!("optional_offences.\"{}\"", k.key()), f.provenance()));
        }
        for (i, f) in self.instruments.iter().enumerate() {
            out.push((format!("instruments[{i}]"), f.provenance()));
        }
        if let Some(f) = &self.authentication {
            out.push(("authentication".into(), f.provenance()));
        }
        if let Some(f) = &self.service_lead_time_days {
            out.push(("service_lead_time_days".into(), f.provenance()));
        }
        if let Some(f) = &self.urgent_procedure {
            out.push(("urgent_procedure".into(), f.provenance()));
        }
        if let Some(f) = &self.civil_proceedings {
            out.push(("civil_proceedings".into(), f.provenance()));
        }
        for (i, f) in self.special_requirements.iter().enumerate() {
            out.push((format!("special_requirements[{i}]"), f.provenance()));
        }
        out
    }
}

/// Parse a profile; `today` = None skips the future-date check (used for the built-in
/// data, which the hygiene tests check, so that a user's clock set in the past cannot
/// disable the embedded profiles).
pub(crate) fn parse_profile(
    file_name: &str,
    text: &str,
    today: Option<NaiveDate>,
) -> Result<Profile, ProfileError> {
    // Editors on Windows may start a UTF-8 file with a byte-order mark; it is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fail = |problems: Vec<ProfileProblem>| ProfileError::Invalid {
        file: file_name.to_owned(),
        problems,
    };
    if text.len() > MAX_PROFILE_BYTES {
        return Err(fail(vec![ProfileProblem {
            line: 0,
            field: String::new(),
            message: format!(
                "the file is {} bytes, larger than the {MAX_PROFILE_BYTES}-byte limit for a profile",
                text.len()
            ),
        }]));
    }
    // Pass 1: syntax, keeping the span of every key for the line numbers of later problems.
    let tree = match toml::de::DeTable::parse(text) {
        Ok(tree) => tree,
        Err(e) => {
            return Err(fail(vec![ProfileProblem {
                line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
                field: String::new(),
                message: format!("TOML syntax: {}", e.message().trim_end()),
            }]))
        }
    };
    let spans = SpanIndex {
        text,
        root: tree.get_ref(),
    };
    // Pass 2: the format version before anything else, so a newer file says so.
    match tree
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "format_version")
    {
        None => {
            return Err(fail(vec![ProfileProblem {
                line: 1,
                field: "format_version".into(),
                message: "missing: a profile starts with `format_version = 1`".into(),
            }]))
        }
        Some((key, value)) => {
            let found = value.get_ref().as_integer().map(|i| i.as_str().to_owned());
            if found.as_deref() != Some("1") {
                return Err(fail(vec![ProfileProblem {
                    line: line_of(text, key.span().start),
                    field: "format_version".into(),
                    message: format!(
                        "this version of MLA Desk reads profile format_version {PROFILE_FORMAT_VERSION}, found {}",
                        found.unwrap_or_else(|| value.get_ref().type_str().to_owned())
                    ),
                }]));
            }
        }
    }
    // Pass 3: typed, rejecting unknown keys and values, with the path of the field.
    let deserializer = match toml::de::Deserializer::parse(text) {
        Ok(d) => d,
        Err(e) => {
            return Err(fail(vec![ProfileProblem {
                line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
                field: String::new(),
                message: format!("TOML syntax: {}", e.message().trim_end()),
            }]))
        }
    };
    let profile: Profile = match serde_path_to_error::deserialize(deserializer) {
        Ok(p) => p,
        Err(e) => {
            let path = clean_path(&e.path().to_string());
            let inner = e.into_inner();
            let line = inner
                .span()
                .map(|s| line_of(text, s.start))
                .or_else(|| spans.line(&path))
                .unwrap_or(0);
            return Err(fail(vec![ProfileProblem {
                line,
                field: path,
                message: clean_serde_message(inner.message()),
            }]));
        }
    };
    // Pass 4: what serde cannot say: codes, dates, empty strings, duplicates.
    let problems = validate(&profile, file_name, today, &spans);
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(fail(problems))
    }
}

/// serde_path_to_error prints `.` for the root; we print nothing there.
/// and `?` for a map key it could not read; we drop both.
fn clean_path(path: &str) -> String {
    let path = path.strip_suffix(".?").unwrap_or(path);
    if path == "." || path == "?" {
        String::new()
    } else {
        path.to_owned()
    }
}

/// Make serde's messages read as plain sentences for a person editing the file.
fn clean_serde_message(message: &str) -> String {
    message
        .trim_end()
        .replace("variant", "value")
        .replace("expected u32", "expected a whole number")
}

fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Finds the line of a field path (`a.b[2].c`) in the parsed document.
struct SpanIndex<'t, 'i> {
    text: &'t str,
    root: &'t toml::de::DeTable<'i>,
}

impl SpanIndex<'_, '_> {
    /// The line of the deepest key of `path` found in the document.
    fn line(&self, path: &str) -> Option<usize> {
        let mut best: Option<usize> = None;
        let mut table = Some(self.root);
        let mut value: Option<&toml::de::DeValue<'_>> = None;
        for segment in split_path(path) {
            match segment {
                Segment::Key(key) => {
                    let t = match (table, value) {
                        (Some(t), None) => t,
                        (_, Some(v)) => v.as_table()?,
                        (None, None) => return best,
                    };
                    let (k, v) = t.iter().find(|(k, _)| k.get_ref() == key)?;
                    best = Some(line_of(self.text, k.span().start));
                    value = Some(v.get_ref());
                    table = None;
                }
                Segment::Index(i) => {
                    let array = value?.as_array()?;
                    let item = array.get(i)?;
                    best = Some(line_of(self.text, item.span().start));
                    value = Some(item.get_ref());
                }
            }
        }
        best
    }
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Split `a.b[2]."uncac.20".c` into segments.
fn split_path(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            rest = r;
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').unwrap_or(r.len());
            if let Ok(i) = r[..end].parse() {
                out.push(Segment::Index(i));
            }
            rest = r.get(end + 1..).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix('"') {
            let end = r.find('"').unwrap_or(r.len());
            out.push(Segment::Key(&r[..end]));
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            out.push(Segment::Key(&rest[..end]));
            rest = &rest[end..];
        }
    }
    out
}

struct Checker<'a, 't, 'i> {
    spans: &'a SpanIndex<'t, 'i>,
    today: Option<NaiveDate>,
    problems: Vec<ProfileProblem>,
}

impl Checker<'_, '_, '_> {
    fn push(&mut self, field: String, message: String) {
        let line = self.spans.line(&field).unwrap_or(0);
        self.problems.push(ProfileProblem {
            line,
            field,
            message,
        });
    }

    fn provenance(&mut self, at: &str, p: Provenance<'_>) {
        if p.source.trim().is_empty() {
            self.push(
                format!("{at}.source"),
                "is empty: every fact needs the document or page it comes from".into(),
            );
        }
        if let Some(url) = p.url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                self.push(
                    format!("{at}.url"),
                    format!("`{url}` is not a web address (http:// or https://)"),
                );
            }
        }
        if let Some(today) = self.today {
            if p.checked > today {
                self.push(
                    format!("{at}.checked"),
                    format!(
                        "{} is in the future (today is {today}): give the date the source was read",
                        p.checked
                    ),
                );
            }
        }
        if let Some(quote) = p.quote {
            if quote.trim().is_empty() {
                self.push(
                    format!("{at}.quote"),
                    "is empty: leave it out or give the source's words".into(),
                );
            }
        }
    }

    fn non_empty(&mut self, field: String, value: &str) {
        if value.trim().is_empty() {
            self.push(field, "is empty".into());
        }
    }

    fn instruments(&mut self, at: &str, instruments: &[Instrument]) {
        if instruments.is_empty() {
            self.push(
                format!("{at}.instruments"),
                "is empty: name the instruments (uncac, untoc, bilateral, domestic) this applies to"
                    .into(),
            );
        }
    }

    fn languages(&mut self, field: String, codes: &[String]) {
        for (i, code) in codes.iter().enumerate() {
            if !is_iso639_1(code) {
                self.push(
                    format!("{field}[{i}]"),
                    format!("`{code}` is not an ISO 639-1 language code (two lower-case letters, e.g. \"en\")"),
                );
            }
        }
    }
}

/// Whether `code` is an ISO 639-1 code, in lower case.
pub fn is_iso639_1(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_lowercase())
        && isolang::Language::from_639_1(code).is_some()
}

/// Whether `code` is an ISO 3166-1 alpha-3 code, in upper case.
pub fn is_iso3166_alpha3(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && celes::Country::from_alpha3(code).is_ok()
}

fn validate(
    profile: &Profile,
    file_name: &str,
    today: Option<NaiveDate>,
    spans: &SpanIndex<'_, '_>,
) -> Vec<ProfileProblem> {
    let mut c = Checker {
        spans,
        today,
        problems: Vec::new(),
    };
    if !is_iso3166_alpha3(&profile.iso3) {
        c.push(
            "iso3".into(),
            format!(
                "`{}` is not an ISO 3166-1 alpha-3 code (three upper-case letters, e.g. \"THA\")",
                profile.iso3
            ),
        );
    }
    let expected = format!("{}.toml", profile.iso3);
    if file_name != expected {
        c.push(
            "iso3".into(),
            format!(
                "the file is named `{file_name}` but holds `{}`: name it `{expected}`",
                profile.iso3
            ),
        );
    }
    c.non_empty("names.en".into(), &profile.names.en);
    if let Some(fr) = &profile.names.fr {
        c.non_empty("names.fr".into(), fr);
    }
    if let Some(es) = &profile.names.es {
        c.non_empty("names.es".into(), es);
    }
    for (i, a) in profile.central_authorities.iter().enumerate() {
        let at = format!("central_authorities[{i}]");
        c.instruments(&at, &a.instruments);
        c.non_empty(format!("{at}.name"), &a.name);
    }
    let mut seen = BTreeSet::new();
    for (i, ch) in profile.channels.iter().enumerate() {
        let at = format!("channels[{i}]");
        c.instruments(&at, &ch.instruments);
        if ch.value.is_empty() {
            c.push(
                format!("{at}.value"),
                "is empty: list the accepted channels".into(),
            );
        }
        for instrument in &ch.instruments {
            if !seen.insert(*instrument) {
                c.push(
                    format!("{at}.instruments"),
                    format!(
                        "`{}` already has a channels entry: one entry per instrument",
                        instrument_key(*instrument)
                    ),
                );
            }
        }
    }
    let mut seen = BTreeSet::new();
    for (i, l) in profile.languages.iter().enumerate() {
        let at = format!("languages[{i}]");
        c.instruments(&at, &l.instruments);
        if l.requests.is_empty() {
            c.push(
                format!("{at}.requests"),
                "is empty: list the accepted languages".into(),
            );
        }
        c.languages(format!("{at}.requests"), &l.requests);
        if let Some(annexes) = &l.annexes {
            c.languages(format!("{at}.annexes"), annexes);
        }
        for instrument in &l.instruments {
            if !seen.insert(*instrument) {
                c.push(
                    format!("{at}.instruments"),
                    format!(
                        "`{}` already has a languages entry: one entry per instrument",
                        instrument_key(*instrument)
                    ),
                );
            }
        }
    }
    let mut seen = BTreeSet::new();
    for (i, f) in profile.instruments.iter().enumerate() {
        let at = format!("instruments[{i}]");
        if !KNOWN_INSTRUMENTS.iter().any(|(id, _)| *id == f.id) {
            c.push(
                format!("{at}.id"),
                format!(
                    "unknown instrument `{}`, expected one of {}",
                    f.id,
                    KNOWN_INSTRUMENTS
                        .iter()
                        .map(|(id, _)| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        if !seen.insert(f.id.as_str()) {
            c.push(format!("{at}.id"), format!("`{}` is listed twice", f.id));
        }
    }
    if let Some(f) = &profile.urgent_procedure {
        c.non_empty("urgent_procedure.value".into(), &f.value);
    }
    for (i, f) in profile.special_requirements.iter().enumerate() {
        let at = format!("special_requirements[{i}]");
        let measures = special_requirement_measures();
        if !measures.contains(&f.measure.as_str()) {
            c.push(
                format!("{at}.measure"),
                format!(
                    "unknown measure `{}`, expected one of {}",
                    f.measure,
                    measures
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        c.non_empty(format!("{at}.value"), &f.value);
    }
    // Every fact, wherever it sits, carries its source and the date it was checked: the
    // same list of facts the profile card shows.
    for (at, provenance) in profile.facts() {
        c.provenance(&at, provenance);
    }
    // Told in the order of the file (stable: problems on one line keep their order).
    c.problems.sort_by_key(|p| p.line);
    c.problems
}

/// The file-format name of an instrument.
pub fn instrument_key(instrument: Instrument) -> &'static str {
    match instrument {
        Instrument::Uncac => "uncac",
        Instrument::Untoc => "untoc",
        Instrument::Bilateral => "bilateral",
        Instrument::Domestic => "domestic",
    }
}

/// A date written as a string "YYYY-MM-DD" or as a TOML date literal.
fn de_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let input = DateInput::deserialize(deserializer)?;
    input.into_date().map_err(serde::de::Error::custom)
}

fn de_opt_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    de_date(deserializer).map(Some)
}

#[derive(Deserialize)]
#[serde(untagged)]
enum DateInput {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateInput {
    fn into_date(self) -> Result<NaiveDate, String> {
        let text = match self {
            DateInput::Text(text) => text,
            DateInput::Toml(datetime) => datetime.to_string(),
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10)
            .ok_or_else(|| format!("`{text}` is not a date in the form YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    const MINIMAL: &str = r#"format_version = 1
iso3 = "THA"

[names]
en = "Thailand"
"#;

    #[test]
    fn minimal_profile_loads_with_everything_unknown() {
        let p = Profile::from_toml("THA.toml", MINIMAL, today()).unwrap();
        assert_eq!(p.iso3, "THA");
        assert_eq!(p.name("fr"), "Thailand");
        assert!(p.uncac.is_none());
        assert!(p.facts().is_empty());
    }

    #[test]
    fn split_path_handles_quoted_keys_and_indexes() {
        let segments = split_path("optional_offences.\"uncac.20\".checked");
        let keys: Vec<String> = segments
            .iter()
            .map(|s| match s {
                Segment::Key(k) => k.to_string(),
                Segment::Index(i) => format!("#{i}"),
            })
            .collect();
        assert_eq!(keys, ["optional_offences", "uncac.20", "checked"]);
        let segments = split_path("languages[1].requests[0]");
        assert_eq!(segments.len(), 4);
    }
}
