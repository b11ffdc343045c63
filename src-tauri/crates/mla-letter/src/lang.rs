//! Template languages: the wording packs in `templates/letter/<code>.toml`.
//!
//! Each pack declares whether its wording has been reviewed by a qualified legal
//! translator; an unreviewed pack makes every letter in that language a draft.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::LetterError;

/// The letter languages (ISO 639-1): the six UN languages, in the order the UN lists
/// them. Follows [`PACKS`].
pub const LANGUAGES: [&str; PACKS.len()] = {
    let mut codes = [""; PACKS.len()];
    let mut i = 0;
    while i < PACKS.len() {
        codes[i] = PACKS[i].0;
        i += 1;
    }
    codes
};

/// Embedded language packs, by language code: a letter language is its pack (the phrases
/// of the one skeleton, [`SKELETON`], and the labels) and its entry here.
pub(crate) const PACKS: &[(&str, &str)] = &[
    ("ar", include_str!("../../../../templates/letter/ar.toml")),
    ("zh", include_str!("../../../../templates/letter/zh.toml")),
    ("en", include_str!("../../../../templates/letter/en.toml")),
    ("fr", include_str!("../../../../templates/letter/fr.toml")),
    ("ru", include_str!("../../../../templates/letter/ru.toml")),
    ("es", include_str!("../../../../templates/letter/es.toml")),
];

/// The letter's skeleton, the same in every language (see [`crate::skeleton`]).
pub(crate) const SKELETON: &str = include_str!("../../../../templates/letter/letter.html");

pub(crate) const BASE_TEMPLATE: &str = include_str!("../../../../templates/letter/base.html");

/// What a template language declares about itself.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LanguageInfo {
    /// ISO 639-1 code.
    pub code: String,
    /// Name of the language, in English.
    pub name: String,
    /// "ltr" or "rtl".
    pub dir: String,
    /// Whether a qualified legal translator has reviewed this language's template wording.
    pub reviewed: bool,
    /// The visible line put on letters whose template wording is not reviewed.
    pub draft_notice: String,
    pub months: Vec<String>,
    /// Date pattern with `{day}`, `{month}` and `{year}`.
    pub date_format: String,
    pub yes: String,
    pub no: String,
    pub not_provided: String,
    /// The addressee line when neither the State profile nor the officer names the central
    /// authority ("unknown — verify"): never guessed, the officer fills it in.
    pub addressee_unknown: String,
    /// The address line when the addressee's address is not known.
    pub address_unknown: String,
    /// Page footer with `{page}` and `{pages}`; always contains "{page} / {pages}".
    pub page: String,
    pub seal_box: String,
}

/// A language pack: its declaration, the letter's phrases and the labels of the model's
/// enumerations.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguagePack {
    pub language: LanguageInfo,
    /// The wording of the letter's skeleton, by phrase key (see [`crate::skeleton`]).
    pub phrases: BTreeMap<String, String>,
    pub nature: BTreeMap<String, String>,
    pub role: BTreeMap<String, String>,
    pub asset_kind: BTreeMap<String, String>,
    pub status: BTreeMap<String, String>,
    pub data_category: BTreeMap<String, String>,
    pub legal_basis: BTreeMap<String, String>,
    pub field: BTreeMap<String, String>,
    pub time_limit: BTreeMap<String, String>,
}

impl LanguagePack {
    pub(crate) fn parse(file: &str, text: &str) -> Result<LanguagePack, LetterError> {
        toml::from_str(text).map_err(|e| LetterError::LanguagePack {
            file: file.to_owned(),
            message: e.to_string(),
        })
    }

    /// All label tables with their names, for completeness checks.
    pub fn tables(&self) -> [(&'static str, &BTreeMap<String, String>); 8] {
        [
            ("nature", &self.nature),
            ("role", &self.role),
            ("asset_kind", &self.asset_kind),
            ("status", &self.status),
            ("data_category", &self.data_category),
            ("legal_basis", &self.legal_basis),
            ("field", &self.field),
            ("time_limit", &self.time_limit),
        ]
    }

    pub(crate) fn label<'a>(table: &'a BTreeMap<String, String>, key: &'a str) -> &'a str {
        // Keys are checked for every language at load (see `Letters::load`), so a miss
        // here is a programming error in the view; show the key rather than panic.
        table.get(key).map(String::as_str).unwrap_or(key)
    }

    /// A date in this language's format.
    pub fn format_date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self
            .language
            .months
            .get(date.month0() as usize)
            .cloned()
            .unwrap_or_default();
        self.language
            .date_format
            .replace("{day}", &date.day().to_string())
            .replace("{month}", &month)
            .replace("{year}", &date.year().to_string())
    }
}
