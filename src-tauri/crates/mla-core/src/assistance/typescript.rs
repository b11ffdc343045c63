//! The UI's view of the declaration: `ui/src/bindings/assistance.ts`, written by the app's
//! bindings export (a test there fails on drift).

use super::{field_ui_label, type_name, FieldKind, ASSISTANCE, UI_LANGS};

fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

fn ui_labels(f: impl Fn(&str) -> Option<&'static str>) -> String {
    let parts: Vec<String> = UI_LANGS
        .iter()
        .map(|l| format!("{l}: {}", q(f(l).unwrap_or_default())))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

fn empty_value(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text
        | FieldKind::LongText
        | FieldKind::LanguageCode
        | FieldKind::PersonRef
        | FieldKind::AttachmentRef => "\"\"",
        FieldKind::TextList
        | FieldKind::Identifiers
        | FieldKind::PersonRefs
        | FieldKind::AssetRefs
        | FieldKind::AttachmentRefs
        | FieldKind::DataCategories => "[]",
        FieldKind::Date => "null",
        FieldKind::YesNo => "false",
        FieldKind::HearingStatus => "\"unspecified\"",
    }
}

/// The TypeScript module describing every declared type: its fields, their kinds and form
/// labels, and an empty value of each type typed against the model's bindings.
pub fn typescript_module() -> String {
    let mut out = String::from(
        "// Generated from src-tauri/crates/mla-core/src/assistance/ (types.rs, labels.toml).\n\
         // Do not edit: run `UPDATE_BINDINGS=1 cargo test -p mla-desk --test bindings`.\n\n\
         import type { MeasureDetails } from \"./model\";\n\n",
    );
    let kinds = [
        FieldKind::Text,
        FieldKind::LongText,
        FieldKind::TextList,
        FieldKind::Identifiers,
        FieldKind::LanguageCode,
        FieldKind::Date,
        FieldKind::YesNo,
        FieldKind::PersonRef,
        FieldKind::PersonRefs,
        FieldKind::AssetRefs,
        FieldKind::AttachmentRef,
        FieldKind::AttachmentRefs,
        FieldKind::HearingStatus,
        FieldKind::DataCategories,
    ];
    let kind_union: Vec<String> = kinds.iter().map(|k| q(k.key())).collect();
    out.push_str(&format!(
        "/** How a field is edited. */\nexport type AssistanceFieldKind = {};\n\n",
        kind_union.join(" | ")
    ));
    out.push_str(
        "export type AssistanceLabels = { en: string; fr: string; es: string };\n\n\
         /** One field of a type of assistance, relative to `measures[i].details`. */\n\
         export interface AssistanceField {\n  name: string;\n  kind: AssistanceFieldKind;\n  \
         label: AssistanceLabels;\n  /** An interface message key. */\n  hint: string | null;\n  \
         rows: number;\n}\n\n\
         /** One type of assistance: its key, name, whether it is coercive, and its fields. */\n\
         export interface AssistanceType {\n  key: MeasureDetails[\"type\"];\n  \
         name: AssistanceLabels;\n  coercive: boolean;\n  fields: readonly AssistanceField[];\n}\n\n\
         /** Every type of assistance, in declaration order. */\n\
         export const ASSISTANCE: readonly AssistanceType[] = [\n",
    );
    for t in ASSISTANCE {
        out.push_str(&format!(
            "  {{\n    key: {},\n    name: {},\n    coercive: {},\n    fields: [\n",
            q(t.key),
            ui_labels(|l| type_name(t.key, l)),
            t.coercive
        ));
        for f in t.fields {
            out.push_str(&format!(
                "      {{ name: {}, kind: {}, label: {}, hint: {}, rows: {} }},\n",
                q(f.name),
                q(f.kind.key()),
                ui_labels(|l| field_ui_label(t.key, f.name, l)),
                f.hint().map_or("null".to_owned(), q),
                f.ui_rows
            ));
        }
        out.push_str("    ],\n  },\n");
    }
    out.push_str("];\n\n");
    out.push_str(
        "/** An empty measure of each type (typed against the model: a drift does not compile). */\n\
         export const EMPTY_DETAILS: { [K in MeasureDetails[\"type\"]]: () => Extract<MeasureDetails, { type: K }> } = {\n",
    );
    for t in ASSISTANCE {
        let mut parts = vec![format!("type: {}", q(t.key))];
        parts.extend(
            t.fields
                .iter()
                .map(|f| format!("{}: {}", f.name, empty_value(f.kind))),
        );
        out.push_str(&format!(
            "  {}: () => ({{ {} }}),\n",
            t.key,
            parts.join(", ")
        ));
    }
    out.push_str("};\n");
    out
}
