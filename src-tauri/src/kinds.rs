//! `ui/src/bindings/kinds.ts`: every value of the Rust enums the interface lists (in its
//! selects, or as labels it looks up by code), read from the enums' own `Deserialize`
//! implementations, so the names are serde's (`rename_all` and all). A variant added in
//! Rust appears in the UI's lists; the UI's type check then asks for its label in every
//! interface language (`ui/src/kinds.ts`). Written by `export_bindings` (commands.rs)
//! and checked for drift by `tests/bindings.rs`.
//!
//! How the names are read, without a crate: serde's derived `Deserialize` of an enum hands
//! its variant names to the deserializer (`deserialize_enum(name, VARIANTS, …)`); an
//! internally tagged enum (`#[serde(tag = "kind")]`) instead asks for a map, names its tag
//! field when the map lacks it (`missing_field`), and lists its variants when the tag's
//! value is none of them (`unknown_variant`). [`Names`] is a deserializer that answers
//! nothing and records what it is told.

use serde::de::{self, DeserializeOwned, Visitor};
use std::fmt::Write as _;

/// What a [`Names`] deserializer learnt from a type's `Deserialize`.
#[derive(Debug, Default, PartialEq)]
enum Learnt {
    #[default]
    Nothing,
    /// The variants of a plain enum, or of a tagged enum (from `unknown_variant`).
    Variants(Vec<&'static str>),
    /// The tag field of an internally tagged enum (from `missing_field`).
    Tag(&'static str),
}

/// The error that carries what was learnt out of `deserialize`.
#[derive(Debug)]
struct Found(Learnt);

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Found(Learnt::Nothing)
    }
    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Self {
        Found(Learnt::Variants(expected.to_vec()))
    }
    fn missing_field(field: &'static str) -> Self {
        Found(Learnt::Tag(field))
    }
}

/// A deserializer that answers nothing: a plain enum gets asked for its variants; any
/// other type is offered a map holding only `tag` (if known) with a value no variant has.
struct Names {
    tag: Option<&'static str>,
}

/// A tag value no enum has as a variant name.
const NO_VARIANT: &str = "\u{0}not a variant";

impl<'de> de::Deserializer<'de> for Names {
    type Error = Found;

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Found> {
        Err(Found(Learnt::Variants(variants.to_vec())))
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        let entries: Vec<(&str, &str)> = self.tag.map(|t| (t, NO_VARIANT)).into_iter().collect();
        visitor.visit_map(de::value::MapDeserializer::<_, Found>::new(
            entries.into_iter(),
        ))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// The serde names of every variant of enum `T`, in declaration order.
pub fn variant_names<T: DeserializeOwned>() -> Result<Vec<&'static str>, String> {
    let type_name = std::any::type_name::<T>();
    match T::deserialize(Names { tag: None }) {
        Err(Found(Learnt::Variants(v))) => Ok(v),
        Err(Found(Learnt::Tag(tag))) => match T::deserialize(Names { tag: Some(tag) }) {
            Err(Found(Learnt::Variants(v))) => Ok(v),
            other => Err(format!(
                "{type_name}: tagged by `{tag}`, but no variant names: {other:?}",
                other = other.err()
            )),
        },
        Err(Found(Learnt::Nothing)) | Ok(_) => Err(format!("{type_name} is not an enum")),
    }
}

/// One generated list: its TypeScript name, where its values come from, the values.
struct List {
    name: &'static str,
    from: &'static str,
    values: Vec<&'static str>,
}

fn list<T: DeserializeOwned>(name: &'static str) -> Result<List, String> {
    Ok(List {
        name,
        from: std::any::type_name::<T>(),
        values: variant_names::<T>()?,
    })
}

/// The text of `kinds.ts`.
pub fn typescript(header: &str) -> Result<String, String> {
    use mla_core::{finding, model, profile};
    let lists = [
        list::<finding::Lang>("INTERFACE_LANGUAGES")?,
        List {
            name: "LETTER_LANGUAGES",
            from: "mla_letter::LANGUAGES",
            values: mla_letter::LANGUAGES.to_vec(),
        },
        list::<model::ProceedingNature>("PROCEEDING_NATURES")?,
        list::<model::Channel>("CHANNELS")?,
        list::<model::LegalBasis>("LEGAL_BASIS_KINDS")?,
        list::<model::PersonRole>("PERSON_ROLES")?,
        list::<model::AssetKind>("ASSET_KINDS")?,
        list::<model::HearingStatus>("HEARING_STATUSES")?,
        list::<model::DataCategory>("DATA_CATEGORIES")?,
        list::<model::TranslationStatus>("TRANSLATION_STATUSES")?,
        list::<model::Certification>("CERTIFICATIONS")?,
        list::<finding::Severity>("SEVERITIES")?,
        list::<finding::Verdict>("VERDICTS")?,
        list::<profile::Instrument>("INSTRUMENTS")?,
        list::<profile::AcceptedChannel>("ACCEPTED_CHANNELS")?,
        list::<profile::LegalBasisStance>("LEGAL_BASIS_STANCES")?,
        list::<profile::DualCriminality>("DUAL_CRIMINALITY_STANCES")?,
        list::<crate::ipc::TokenKeyStatus>("TOKEN_KEY_STATUSES")?,
        List {
            name: "DRAFT_STATUSES",
            from: "mla_store::STATUSES",
            values: mla_store::STATUSES.to_vec(),
        },
    ];
    let mut out = String::from(header);
    out.push_str(
        "\n// Every value of the Rust enums the interface lists, in declaration order, as serde\n\
         // writes them (src-tauri/src/kinds.rs). The interface's order and labels: ui/src/kinds.ts.\n",
    );
    for l in &lists {
        let values: Vec<String> = l.values.iter().map(|v| format!("\"{v}\"")).collect();
        let _ = write!(
            out,
            "\n/** `{}` */\nexport const {} = [{}] as const;\n",
            l.from,
            l.name,
            values.join(", ")
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mla_core::model::{Certification, LegalBasis, Request};

    #[test]
    fn reads_the_serde_names_of_a_plain_enum() {
        assert_eq!(
            variant_names::<Certification>().unwrap(),
            [
                "none",
                "certified_copy",
                "apostille",
                "legalized",
                "sworn_translation"
            ]
        );
    }

    #[test]
    fn reads_the_tags_of_an_internally_tagged_enum() {
        assert_eq!(
            variant_names::<LegalBasis>().unwrap(),
            [
                "uncac",
                "untoc",
                "bilateral_treaty",
                "regional_convention",
                "reciprocity",
                "domestic_law"
            ]
        );
    }

    #[test]
    fn refuses_what_is_not_an_enum() {
        let err = variant_names::<Request>().unwrap_err();
        assert_eq!(err, "mla_core::model::Request is not an enum");
        assert_eq!(
            variant_names::<String>().unwrap_err(),
            "alloc::string::String is not an enum"
        );
    }

    #[test]
    fn every_name_round_trips_through_serde() {
        // The names read are the ones serde accepts: each deserializes to a variant that
        // serializes back to the same name.
        for name in variant_names::<mla_core::model::PersonRole>().unwrap() {
            let role: mla_core::model::PersonRole =
                serde_json::from_value(serde_json::json!(name)).unwrap();
            assert_eq!(serde_json::to_value(role).unwrap(), serde_json::json!(name));
        }
    }
}
