//! The set of State profiles in force: the built-in defaults embedded at compile time,
//! overridden State by State by an imported profile pack. Each profile remembers where it
//! came from, so the app can show which pack a fact came from.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::profile::{parse_profile, Profile, ProfileError};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_profiles.rs"));
}

/// The built-in profile files, (file name, TOML text), sorted by file name.
pub fn builtin_profile_files() -> &'static [(&'static str, &'static str)] {
    builtin::BUILTIN_PROFILE_FILES
}

/// Where a profile came from.
#[derive(Serialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export_to = "profile.ts")]
pub enum ProfileOrigin {
    /// Embedded in this build; `date` is the latest `checked` date in the built-in data.
    BuiltIn { date: NaiveDate },
    /// An imported profile pack, by name.
    Pack { name: String },
}

impl fmt::Display for ProfileOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileOrigin::BuiltIn { date } => write!(f, "built-in {date}"),
            ProfileOrigin::Pack { name } => write!(f, "pack {name}"),
        }
    }
}

/// A profile and where it came from.
#[derive(Serialize, TS, Clone, Debug, PartialEq)]
#[ts(export_to = "profile.ts")]
pub struct ProfileEntry {
    pub profile: Profile,
    pub origin: ProfileOrigin,
}

/// Profiles by ISO 3166-1 alpha-3 code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileSet {
    entries: BTreeMap<String, ProfileEntry>,
}

impl ProfileSet {
    /// The built-in profiles. The `checked` dates are not compared with today here: the
    /// hygiene tests do that on the data, and a user's clock set in the past must not
    /// disable the embedded profiles.
    pub fn builtin() -> Result<ProfileSet, Vec<ProfileError>> {
        let profiles = parse_files(builtin_profile_files(), None)?;
        let date = profiles
            .iter()
            .flat_map(|p| p.facts().into_iter().map(|(_, prov)| prov.checked))
            .max()
            .unwrap_or_default();
        Ok(ProfileSet::from_profiles(
            profiles,
            &ProfileOrigin::BuiltIn { date },
        ))
    }

    /// Parse and validate every file of a pack. All-or-nothing: one bad file and the
    /// result is every problem of every file.
    pub fn parse_pack<N: AsRef<str>, T: AsRef<str>>(
        files: &[(N, T)],
        pack_name: &str,
        today: NaiveDate,
    ) -> Result<ProfileSet, Vec<ProfileError>> {
        let profiles = parse_files(files, Some(today))?;
        Ok(ProfileSet::from_profiles(
            profiles,
            &ProfileOrigin::Pack {
                name: pack_name.to_owned(),
            },
        ))
    }

    fn from_profiles(profiles: Vec<Profile>, origin: &ProfileOrigin) -> ProfileSet {
        let entries = profiles
            .into_iter()
            .map(|profile| {
                (
                    profile.iso3.clone(),
                    ProfileEntry {
                        profile,
                        origin: origin.clone(),
                    },
                )
            })
            .collect();
        ProfileSet { entries }
    }

    /// This set with every profile of `pack` replacing the one for the same State.
    pub fn overlaid_with(mut self, pack: ProfileSet) -> ProfileSet {
        self.entries.extend(pack.entries);
        self
    }

    /// The profile of a State, by ISO 3166-1 alpha-3 code (case-insensitive).
    pub fn get(&self, iso3: &str) -> Option<&Profile> {
        self.entry(iso3).map(|e| &e.profile)
    }

    /// The profile of a State and where it came from.
    pub fn entry(&self, iso3: &str) -> Option<&ProfileEntry> {
        self.entries.get(&iso3.to_ascii_uppercase())
    }

    /// What the checker should know of the requested State `iso3`: its profile, or
    /// [`NoProfile`](crate::rules::NoProfile) (so `state.unknown-profile` says that its
    /// requirements are unknown). Used by `mla check` and the desktop app alike.
    pub fn state_facts(&self, iso3: &str) -> &dyn crate::rules::StateFacts {
        match self.entry(iso3.trim()) {
            Some(e) => &e.profile,
            None => &crate::rules::NoProfile,
        }
    }

    /// All entries, sorted by ISO code.
    pub fn iter(&self) -> impl Iterator<Item = &ProfileEntry> {
        self.entries.values()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn parse_files<N: AsRef<str>, T: AsRef<str>>(
    files: &[(N, T)],
    today: Option<NaiveDate>,
) -> Result<Vec<Profile>, Vec<ProfileError>> {
    let mut profiles = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in files {
        match parse_profile(name.as_ref(), text.as_ref(), today) {
            Ok(p) => profiles.push(p),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(profiles)
    } else {
        Err(errors)
    }
}
