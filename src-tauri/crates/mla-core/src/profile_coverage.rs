//! What a profile covers: which facts are sourced and which are unknown, per State and in
//! total. Shown by `mla profiles` and the app's profile list.

use serde::Serialize;
use ts_rs::TS;

use crate::profile::{PartyStatus, Profile};
use crate::profile_set::{ProfileOrigin, ProfileSet};

/// The sections of a profile, in the order they are shown, as named in the file format.
pub const SECTIONS: &[&str] = &[
    "uncac",
    "untoc",
    "central_authorities",
    "channels",
    "languages",
    "legal_basis",
    "dual_criminality",
    "optional_offences",
    "instruments",
    "authentication",
    "service_lead_time_days",
    "urgent_procedure",
    "civil_proceedings",
    "special_requirements",
];

/// Sections a profile must have sourced to count as full: what every request needs (the
/// State's status, where to send it, how, in which language, on which basis)...
pub const FULL_PROFILE_REQUIRES: &[&str] = &[
    "uncac",
    "central_authorities",
    "channels",
    "languages",
    "legal_basis",
];

/// ...and at least [`FULL_PROFILE_MIN_OF`] of these requirements of substance and form.
pub const FULL_PROFILE_SOME_OF: &[&str] = &[
    "dual_criminality",
    "optional_offences",
    "authentication",
    "service_lead_time_days",
    "urgent_procedure",
    "special_requirements",
];

/// See [`FULL_PROFILE_SOME_OF`].
pub const FULL_PROFILE_MIN_OF: usize = 2;

/// One State's coverage.
#[derive(Serialize, TS, Clone, Debug, PartialEq, Eq)]
#[ts(export_to = "profile.ts")]
pub struct ProfileCoverage {
    pub iso3: String,
    pub name: String,
    /// UNCAC party status, when sourced.
    pub uncac: Option<PartyStatus>,
    /// Sections with at least one sourced fact, in [`SECTIONS`] order.
    pub sourced: Vec<String>,
    /// Sections with no sourced fact: unknown.
    pub unknown: Vec<String>,
    /// Number of sourced facts.
    pub facts: usize,
    /// A sourced central authority and sourced languages.
    pub authority_and_languages: bool,
    /// See [`FULL_PROFILE_REQUIRES`] and [`FULL_PROFILE_SOME_OF`].
    pub full: bool,
    /// Where the profile came from ("built-in 2026-11-22", "pack NAME").
    pub origin: String,
}

/// Totals over a set of profiles.
#[derive(Serialize, TS, Clone, Debug, PartialEq, Eq, Default)]
#[ts(export_to = "profile.ts")]
pub struct CoverageTotals {
    pub states: usize,
    /// States whose sourced UNCAC status is `party`.
    pub uncac_parties: usize,
    pub with_authority_and_languages: usize,
    pub full_profiles: usize,
    /// Sourced facts in all profiles.
    pub facts: usize,
}

impl Profile {
    /// Whether a section (named as in [`SECTIONS`]) has a sourced fact.
    pub fn has_section(&self, section: &str) -> bool {
        match section {
            "uncac" => self.uncac.is_some(),
            "untoc" => self.untoc.is_some(),
            "central_authorities" => !self.central_authorities.is_empty(),
            "channels" => !self.channels.is_empty(),
            "languages" => !self.languages.is_empty(),
            "legal_basis" => self.legal_basis.is_some(),
            "dual_criminality" => self.dual_criminality.is_some(),
            "optional_offences" => !self.optional_offences.is_empty(),
            "instruments" => !self.instruments.is_empty(),
            "authentication" => self.authentication.is_some(),
            "service_lead_time_days" => self.service_lead_time_days.is_some(),
            "urgent_procedure" => self.urgent_procedure.is_some(),
            "civil_proceedings" => self.civil_proceedings.is_some(),
            "special_requirements" => !self.special_requirements.is_empty(),
            _ => false,
        }
    }

    /// What this profile covers.
    pub fn coverage(&self, origin: &ProfileOrigin) -> ProfileCoverage {
        let (sourced, unknown): (Vec<&str>, Vec<&str>) =
            SECTIONS.iter().partition(|s| self.has_section(s));
        let full = FULL_PROFILE_REQUIRES.iter().all(|s| self.has_section(s))
            && FULL_PROFILE_SOME_OF
                .iter()
                .filter(|s| self.has_section(s))
                .count()
                >= FULL_PROFILE_MIN_OF;
        ProfileCoverage {
            iso3: self.iso3.clone(),
            name: self.names.en.clone(),
            uncac: self.uncac.as_ref().map(|f| f.value),
            sourced: sourced.into_iter().map(str::to_owned).collect(),
            unknown: unknown.into_iter().map(str::to_owned).collect(),
            facts: self.facts().len(),
            authority_and_languages: self.has_section("central_authorities")
                && self.has_section("languages"),
            full,
            origin: origin.to_string(),
        }
    }
}

impl ProfileSet {
    /// Coverage of every profile, sorted by ISO code, and the totals.
    pub fn coverage(&self) -> (Vec<ProfileCoverage>, CoverageTotals) {
        let rows: Vec<ProfileCoverage> =
            self.iter().map(|e| e.profile.coverage(&e.origin)).collect();
        let totals = CoverageTotals {
            states: rows.len(),
            uncac_parties: rows
                .iter()
                .filter(|r| r.uncac == Some(PartyStatus::Party))
                .count(),
            with_authority_and_languages: rows.iter().filter(|r| r.authority_and_languages).count(),
            full_profiles: rows.iter().filter(|r| r.full).count(),
            facts: rows.iter().map(|r| r.facts).sum(),
        };
        (rows, totals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn every_section_is_known_to_has_section() {
        let text = "format_version = 1\niso3 = \"ATA\"\n[names]\nen = \"x\"\n";
        let p = Profile::from_toml("ATA.toml", text, NaiveDate::MAX).unwrap();
        let origin = ProfileOrigin::Pack { name: "t".into() };
        let c = p.coverage(&origin);
        assert!(c.sourced.is_empty());
        assert_eq!(c.unknown.len(), SECTIONS.len());
        assert!(!c.full && !c.authority_and_languages);
        assert_eq!(c.origin, "pack t");
    }
}
