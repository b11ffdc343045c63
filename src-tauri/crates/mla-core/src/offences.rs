//! The offence catalogue: conduct categories an offence in a request maps to.
//!
//! Data lives in `assets/offences.toml` and is embedded at compile time, so the core stays
//! free of IO. Dual criminality is judged by conduct, not label (UNCAC art. 43(2)): the
//! checker reads an offence's `conduct_category`, never its name.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

use crate::finding::Lang;

/// The embedded catalogue source.
pub const OFFENCES_TOML: &str = include_str!("../../../../assets/offences.toml");

/// Whether the conventions oblige States parties to criminalize the conduct.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "finding.ts")]
pub enum OffenceStatus {
    /// "Shall adopt": every State party has (or must have) the offence.
    Mandatory,
    /// "Shall consider adopting": many States have not; a dual-criminality risk.
    Optional,
    /// Not an UNCAC or UNTOC offence: depends on the requested State's own law.
    Outside,
}

/// The instrument an offence category comes from.
#[derive(Serialize, Deserialize, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "finding.ts")]
pub enum Instrument {
    Uncac,
    Untoc,
    Other,
}

/// Title and neutral description of the conduct, in one language.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "finding.ts")]
pub struct OffenceText {
    pub title: String,
    pub conduct: String,
}

/// One conduct category.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "finding.ts")]
pub struct OffenceEntry {
    /// Stable id used in `Offence.conduct_category` (e.g. "uncac.16.2").
    pub id: String,
    pub instrument: Instrument,
    /// Article (and paragraph) in the instrument.
    pub article: String,
    pub status: OffenceStatus,
    /// Where this entry comes from.
    pub source: String,
    pub en: OffenceText,
    pub fr: OffenceText,
    pub es: OffenceText,
}

impl OffenceEntry {
    pub fn text(&self, lang: Lang) -> &OffenceText {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Es => &self.es,
        }
    }
}

/// Why an offence catalogue could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CatalogueError {
    #[error("offence catalogue: {0}")]
    Syntax(String),
    #[error("offence catalogue: entry `{id}`: {problem}")]
    Entry { id: String, problem: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    offence: Vec<OffenceEntry>,
}

/// All known conduct categories, sorted by id.
#[derive(Serialize, TS, Clone, Debug, PartialEq, Eq)]
#[ts(export_to = "finding.ts")]
pub struct OffenceCatalogue {
    pub entries: Vec<OffenceEntry>,
}

impl OffenceCatalogue {
    /// Parse and validate a catalogue: ids unique and sorted, every entry sourced and
    /// described in every language.
    pub fn parse(text: &str) -> Result<Self, CatalogueError> {
        let file: CatalogueFile =
            toml::from_str(text).map_err(|e| CatalogueError::Syntax(e.to_string()))?;
        let mut previous: Option<&str> = None;
        for entry in &file.offence {
            let problem = |p: &str| CatalogueError::Entry {
                id: entry.id.clone(),
                problem: p.to_owned(),
            };
            if entry.id.trim().is_empty() {
                return Err(problem("empty id"));
            }
            if let Some(prev) = previous {
                if prev == entry.id {
                    return Err(problem("duplicate id"));
                }
                if prev > entry.id.as_str() {
                    return Err(problem(&format!("not sorted: comes after `{prev}`")));
                }
            }
            previous = Some(&entry.id);
            if entry.source.trim().is_empty() || entry.article.trim().is_empty() {
                return Err(problem("no source or article"));
            }
            for text in [&entry.en, &entry.fr, &entry.es] {
                if text.title.trim().is_empty() || text.conduct.trim().is_empty() {
                    return Err(problem("a title or conduct description is empty"));
                }
            }
        }
        Ok(OffenceCatalogue {
            entries: file.offence,
        })
    }

    /// The catalogue shipped with MLA Desk (parsed once; its validity is guarded by tests).
    pub fn builtin() -> &'static OffenceCatalogue {
        static CATALOGUE: OnceLock<OffenceCatalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| {
            OffenceCatalogue::parse(OFFENCES_TOML)
                .expect("the embedded offence catalogue is validated by the test suite")
        })
    }

    pub fn get(&self, id: &str) -> Option<&OffenceEntry> {
        self.entries
            .binary_search_by(|e| e.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.entries[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_parses_sorted_unique_and_sourced() {
        let catalogue = OffenceCatalogue::parse(OFFENCES_TOML).unwrap();
        assert!(catalogue.entries.len() >= 24, "{}", catalogue.entries.len());
        for id in ["uncac.15", "uncac.16.1", "uncac.17", "uncac.23", "uncac.25"] {
            assert_eq!(
                catalogue.get(id).unwrap().status,
                OffenceStatus::Mandatory,
                "{id}"
            );
        }
        for id in [
            "uncac.16.2",
            "uncac.18",
            "uncac.19",
            "uncac.20",
            "uncac.21",
            "uncac.22",
            "uncac.24",
        ] {
            assert_eq!(
                catalogue.get(id).unwrap().status,
                OffenceStatus::Optional,
                "{id}"
            );
        }
        for id in ["untoc.5", "untoc.6", "untoc.8.1", "untoc.23"] {
            assert_eq!(
                catalogue.get(id).unwrap().instrument,
                Instrument::Untoc,
                "{id}"
            );
        }
        for id in ["other.fraud", "other.tax-evasion", "other.drug-trafficking"] {
            assert_eq!(
                catalogue.get(id).unwrap().status,
                OffenceStatus::Outside,
                "{id}"
            );
        }
        assert!(catalogue.get("uncac.99").is_none());
    }

    #[test]
    fn unsorted_duplicate_and_unsourced_entries_are_rejected() {
        let entry = |id: &str, source: &str| {
            format!(
                "[[offence]]\nid = \"{id}\"\ninstrument = \"other\"\narticle = \"x\"\n\
                 status = \"outside\"\nsource = \"{source}\"\n\
                 en = {{ title = \"t\", conduct = \"c\" }}\nfr = {{ title = \"t\", conduct = \"c\" }}\n\
                 es = {{ title = \"t\", conduct = \"c\" }}\n"
            )
        };
        let unsorted = entry("b", "s") + &entry("a", "s");
        assert!(matches!(
            OffenceCatalogue::parse(&unsorted),
            Err(CatalogueError::Entry { id, .. }) if id == "a"
        ));
        let duplicate = entry("a", "s") + &entry("a", "s");
        assert!(OffenceCatalogue::parse(&duplicate).is_err());
        assert!(OffenceCatalogue::parse(&entry("a", " ")).is_err());
        assert!(OffenceCatalogue::parse("offence = 3").is_err());
        assert!(OffenceCatalogue::parse(&entry("a", "s")).is_ok());
    }
}
