//! Types of assistance, declared once (`types.rs`) with their labels (`labels.toml`).
//!
//! [`declare_assistance!`] turns each declaration into the model's struct (serde, JSON
//! Schema and TS derives, every field defaulted, unknown fields rejected), a variant of
//! [`MeasureDetails`], its `kind()` key, and an entry of [`ASSISTANCE`]: the field list with
//! each field's [`FieldKind`] and flags, coercive or not and why. [`MeasureDetails::fields`]
//! walks a measure's fields as typed [`FieldValue`]s, so the reference and date checks, the
//! letter's rows and the UI form iterate the declaration instead of matching every type.

use chrono::NaiveDate;

use crate::model::{DataCategory, HearingStatus};

/// What a field holds, which decides how it is checked, printed and edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of officer-typed text.
    Text,
    /// Several lines of officer-typed text.
    LongText,
    /// A list of officer-typed entries (printed numbered).
    TextList,
    /// A list of identifiers (addresses, numbers), printed as written, never translated.
    Identifiers,
    /// A language code (ISO 639-1), printed in capitals.
    LanguageCode,
    Date,
    YesNo,
    /// One person of the request, by id.
    PersonRef,
    /// Persons of the request, by id.
    PersonRefs,
    /// Assets of the request, by id.
    AssetRefs,
    /// One annex of the request, by id.
    AttachmentRef,
    /// Annexes of the request, by id.
    AttachmentRefs,
    /// The status of a person to be heard ([`HearingStatus`]).
    HearingStatus,
    /// Categories of electronic data ([`DataCategory`]).
    DataCategories,
}

impl FieldKind {
    /// The snake_case name used in the generated UI module.
    pub fn key(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::LongText => "long_text",
            FieldKind::TextList => "text_list",
            FieldKind::Identifiers => "identifiers",
            FieldKind::LanguageCode => "language_code",
            FieldKind::Date => "date",
            FieldKind::YesNo => "yes_no",
            FieldKind::PersonRef => "person_ref",
            FieldKind::PersonRefs => "person_refs",
            FieldKind::AssetRefs => "asset_refs",
            FieldKind::AttachmentRef => "attachment_ref",
            FieldKind::AttachmentRefs => "attachment_refs",
            FieldKind::HearingStatus => "hearing_status",
            FieldKind::DataCategories => "data_categories",
        }
    }
}

/// What a date means, for the time checks and the letter's list of time limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRole {
    /// No particular meaning.
    Plain,
    /// The day a person must appear (checked against today; listed as a time limit).
    Appearance,
    /// The day of a hearing (checked against today; listed as a time limit).
    Hearing,
    /// The day of a transfer (checked against today; listed; the return may not precede it).
    Transfer,
    /// The day of a return after a transfer.
    Return,
    /// The start of a period; the next `PeriodTo` field is its end.
    PeriodFrom,
    /// The end of a period (printed with its start, checked not to precede it).
    PeriodTo,
}

impl DateRole {
    /// The key of the letter's time-limit label, for dates the letter lists.
    pub fn time_limit(self) -> Option<&'static str> {
        match self {
            DateRole::Appearance => Some("appearance"),
            DateRole::Hearing => Some("hearing"),
            DateRole::Transfer => Some("transfer"),
            _ => None,
        }
    }

    /// Whether a date in this role is planned (and so may not be in the past).
    pub fn planned(self) -> bool {
        self.time_limit().is_some()
    }
}

/// One declared field of a type of assistance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field's name in the file format (and in field paths).
    pub name: &'static str,
    pub kind: FieldKind,
    /// The rule reported at this field when it is empty.
    pub required: Option<&'static str>,
    pub date: DateRole,
    /// Print the letter row only when the field is filled.
    pub if_present: bool,
    /// Height of a long-text box in the form.
    pub ui_rows: u8,
    /// The hint under the control in the form (an interface message key), if not the
    /// kind's own.
    pub ui_hint: Option<&'static str>,
}

impl FieldSpec {
    /// The defaults the declaration's flags override.
    pub const DEFAULT: FieldSpec = FieldSpec {
        name: "",
        kind: FieldKind::Text,
        required: None,
        date: DateRole::Plain,
        if_present: false,
        ui_rows: 2,
        ui_hint: None,
    };

    /// Whether the letter prints a row of its own for this field (a period's end is
    /// printed in its start's row).
    pub fn has_letter_row(&self) -> bool {
        self.date != DateRole::PeriodTo
    }

    /// The hint under the control in the form, if any.
    pub fn hint(&self) -> Option<&'static str> {
        self.ui_hint.or(match self.kind {
            FieldKind::Date => Some("hint.date"),
            FieldKind::LanguageCode => Some("hint.language"),
            FieldKind::Identifiers => Some("hint.lines"),
            _ => None,
        })
    }
}

/// One declared type of assistance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssistanceType {
    /// The snake_case key, as in the file format (`type`) and in profiles.
    pub key: &'static str,
    /// The legal source of this type of assistance.
    pub source: &'static str,
    /// Whether execution usually requires coercive action in the requested State.
    pub coercive: bool,
    /// Why it is, or is not, coercive.
    pub reason: &'static str,
    pub fields: &'static [FieldSpec],
}

/// A field's value, borrowed from a measure, typed by its kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldValue<'a> {
    Text(&'a str),
    LongText(&'a str),
    TextList(&'a [String]),
    Identifiers(&'a [String]),
    LanguageCode(&'a str),
    Date(&'a Option<NaiveDate>),
    YesNo(&'a bool),
    PersonRef(&'a str),
    PersonRefs(&'a [String]),
    AssetRefs(&'a [String]),
    AttachmentRef(&'a str),
    AttachmentRefs(&'a [String]),
    HearingStatus(&'a HearingStatus),
    DataCategories(&'a [DataCategory]),
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

impl<'a> FieldValue<'a> {
    /// Empty as the checker means it: blank text, no non-blank entry, no date, "no", an
    /// unspecified status.
    pub fn is_empty(&self) -> bool {
        match *self {
            FieldValue::Text(s)
            | FieldValue::LongText(s)
            | FieldValue::LanguageCode(s)
            | FieldValue::PersonRef(s)
            | FieldValue::AttachmentRef(s) => blank(s),
            FieldValue::TextList(l)
            | FieldValue::Identifiers(l)
            | FieldValue::PersonRefs(l)
            | FieldValue::AssetRefs(l)
            | FieldValue::AttachmentRefs(l) => l.iter().all(|x| blank(x)),
            FieldValue::Date(d) => d.is_none(),
            FieldValue::YesNo(b) => !*b,
            FieldValue::HearingStatus(s) => *s == HearingStatus::Unspecified,
            FieldValue::DataCategories(c) => c.is_empty(),
        }
    }

    /// The persons (by id) this value refers to.
    pub fn person_ids(&self) -> Vec<&'a str> {
        match *self {
            FieldValue::PersonRef(s) => vec![s],
            FieldValue::PersonRefs(l) => l.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// The date, for a date field.
    pub fn date(&self) -> Option<NaiveDate> {
        match *self {
            FieldValue::Date(d) => *d,
            _ => None,
        }
    }
}

/// Which collection of the request a reference points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefTarget {
    Person,
    Asset,
    Attachment,
}

/// One reference a measure makes to a person, asset or annex.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference<'a> {
    pub target: RefTarget,
    pub id: &'a str,
    /// Path relative to the measure's `details`, e.g. `asset_ids[1]`.
    pub path: String,
}

macro_rules! declare_assistance {
    (
        $(
            $(#[doc = $tdoc:literal])*
            $variant:ident($st:ident) = $key:literal {
                source: $source:literal,
                coercive: $coercive:literal,
                reason: $reason:literal,
                fields {
                    $(
                        $(#[doc = $fdoc:literal])*
                        $fname:ident : $fty:ty => $fkind:ident $({ $($flag:ident : $fval:expr),* $(,)? })?
                    ),* $(,)?
                }
            }
        )*
    ) => {
        $(
            #[derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema, ts_rs::TS, Clone, Debug, PartialEq, Default)]
            #[serde(default, deny_unknown_fields)]
            #[ts(export_to = "model.ts")]
            pub struct $st {
                $(
                    $(#[doc = $fdoc])*
                    pub $fname: $fty,
                )*
            }
        )*

        /// The type of assistance and the fields that type needs (UNCAC art. 46(3), (10)-(12), (18)).
        #[derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema, ts_rs::TS, Clone, Debug, PartialEq)]
        #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
        #[ts(export_to = "model.ts")]
        pub enum MeasureDetails {
            $(
                $(#[doc = $tdoc])*
                $variant($st),
            )*
        }

        impl MeasureDetails {
            /// The stable snake_case name of this type of assistance, as in the file format.
            pub fn kind(&self) -> &'static str {
                match self {
                    $(MeasureDetails::$variant(_) => $key,)*
                }
            }

            /// This measure's fields, in declaration order, with their declaration.
            pub fn fields(&self) -> Vec<(&'static super::FieldSpec, super::FieldValue<'_>)> {
                let values: Vec<super::FieldValue<'_>> = match self {
                    $(MeasureDetails::$variant(d) => vec![$(super::FieldValue::$fkind(&d.$fname)),*],)*
                };
                self.spec().fields.iter().zip(values).collect()
            }

            /// An empty measure of each declared type, in declaration order.
            pub fn samples() -> Vec<MeasureDetails> {
                vec![$(MeasureDetails::$variant($st::default())),*]
            }
        }

        /// Every declared type of assistance, in declaration order.
        pub static ASSISTANCE: &[super::AssistanceType] = &[
            $(
                super::AssistanceType {
                    key: $key,
                    source: $source,
                    coercive: $coercive,
                    reason: $reason,
                    fields: &[
                        $(
                            super::FieldSpec {
                                name: stringify!($fname),
                                kind: FieldKind::$fkind,
                                $($($flag: $fval,)*)?
                                ..super::FieldSpec::DEFAULT
                            },
                        )*
                    ],
                },
            )*
        ];
    };
}

mod types;
pub use types::*;

mod labels;
pub use labels::*;

mod typescript;
pub use typescript::typescript_module;

/// The declared type with this key.
pub fn assistance_type(key: &str) -> Option<&'static AssistanceType> {
    ASSISTANCE.iter().find(|t| t.key == key)
}

impl MeasureDetails {
    /// This measure's declaration.
    pub fn spec(&self) -> &'static AssistanceType {
        assistance_type(self.kind()).expect("every variant is declared")
    }

    /// The references this measure's details make to persons, assets and annexes, with
    /// their paths relative to `details`, in field order. Blank references are included
    /// (the caller decides what a blank means).
    pub fn references(&self) -> Vec<Reference<'_>> {
        let mut out = Vec::new();
        for (spec, value) in self.fields() {
            let (target, list): (RefTarget, Vec<(&str, String)>) = match value {
                FieldValue::PersonRef(id) => (RefTarget::Person, vec![(id, spec.name.to_owned())]),
                FieldValue::AttachmentRef(id) => {
                    (RefTarget::Attachment, vec![(id, spec.name.to_owned())])
                }
                FieldValue::PersonRefs(l) => (RefTarget::Person, indexed(spec.name, l)),
                FieldValue::AssetRefs(l) => (RefTarget::Asset, indexed(spec.name, l)),
                FieldValue::AttachmentRefs(l) => (RefTarget::Attachment, indexed(spec.name, l)),
                _ => continue,
            };
            out.extend(
                list.into_iter()
                    .map(|(id, path)| Reference { target, id, path }),
            );
        }
        out
    }

    /// The persons (by id) this measure concerns directly.
    pub fn person_ids(&self) -> Vec<&str> {
        self.fields()
            .into_iter()
            .flat_map(|(_, v)| v.person_ids())
            .collect()
    }

    /// The dates with a role, with their field names, in field order.
    pub fn dates(&self) -> Vec<(&'static str, DateRole, Option<NaiveDate>)> {
        self.fields()
            .into_iter()
            .filter(|(s, _)| s.kind == FieldKind::Date)
            .map(|(s, v)| (s.name, s.date, v.date()))
            .collect()
    }

    /// The declared fields that are required and empty, with the rule that reports each.
    pub fn missing_required(&self) -> Vec<(&'static str, &'static str)> {
        self.fields()
            .into_iter()
            .filter_map(|(s, v)| Some((s.name, s.required?)).filter(|_| v.is_empty()))
            .collect()
    }
}

fn indexed<'a>(name: &str, list: &'a [String]) -> Vec<(&'a str, String)> {
    list.iter()
        .enumerate()
        .map(|(k, id)| (id.as_str(), format!("{name}[{k}]")))
        .collect()
}

impl Default for MeasureDetails {
    fn default() -> Self {
        MeasureDetails::Other(OtherAssistance::default())
    }
}

/// The classification of questioning a suspect, which `take_statement` becomes when the
/// person heard is a suspect (see `rules::kind_key`).
pub const SUSPECT_QUESTIONING: (&str, bool, &str) = (
    "take_statement.suspect",
    true,
    "Questioning a suspect usually requires a summons that can be enforced and triggers procedural safeguards; treat it as coercive.",
);

#[cfg(test)]
mod tests;
