//! The words of the types of assistance (`labels.toml`), in the six letter languages and
//! the three interface languages.

use super::{ASSISTANCE, SUSPECT_QUESTIONING};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The embedded labels.
pub const LABELS_TOML: &str = include_str!("labels.toml");
/// Languages a letter can be written in.
pub const LETTER_LANGS: [&str; 6] = ["en", "fr", "es", "ar", "ru", "zh"];
/// Languages of the interface and of the checker's messages.
pub const UI_LANGS: [&str; 3] = ["en", "fr", "es"];

/// The labels of one type of assistance.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct TypeLabels {
    /// Its name in the checker's messages and the form, by interface language.
    pub name: BTreeMap<String, String>,
    /// Its heading in the letter, by letter language.
    #[serde(default)]
    pub title: BTreeMap<String, String>,
    #[serde(default)]
    pub fields: BTreeMap<String, FieldLabels>,
}

/// The labels of one field.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct FieldLabels {
    /// Its row label in the letter, by letter language.
    #[serde(default)]
    pub letter: BTreeMap<String, String>,
    /// Its label in the form, by interface language.
    #[serde(default)]
    pub ui: BTreeMap<String, String>,
}

/// Every type's labels, by key (`take_statement.suspect` has a name only).
pub fn labels() -> &'static BTreeMap<String, TypeLabels> {
    static LABELS: OnceLock<BTreeMap<String, TypeLabels>> = OnceLock::new();
    LABELS.get_or_init(|| {
        toml::from_str(LABELS_TOML).expect("the embedded assistance labels are validated by tests")
    })
}

/// The name of a type of assistance (or `take_statement.suspect`) in an interface language.
pub fn type_name(key: &str, lang: &str) -> Option<&'static str> {
    labels().get(key)?.name.get(lang).map(String::as_str)
}

/// The heading of a type of assistance in a letter language.
pub fn type_title(key: &str, lang: &str) -> Option<&'static str> {
    labels().get(key)?.title.get(lang).map(String::as_str)
}

/// The letter's row label of a field in a letter language.
pub fn field_letter_label(key: &str, field: &str, lang: &str) -> Option<&'static str> {
    labels()
        .get(key)?
        .fields
        .get(field)?
        .letter
        .get(lang)
        .map(String::as_str)
}

/// The form's label of a field in an interface language.
pub fn field_ui_label(key: &str, field: &str, lang: &str) -> Option<&'static str> {
    labels()
        .get(key)?
        .fields
        .get(field)?
        .ui
        .get(lang)
        .map(String::as_str)
}

fn check_langs(
    problems: &mut Vec<String>,
    at: &str,
    map: &BTreeMap<String, String>,
    langs: &[&str],
) {
    for lang in langs {
        if map.get(*lang).is_none_or(|s| s.trim().is_empty()) {
            problems.push(format!("{at}: no `{lang}` label"));
        }
    }
    for lang in map.keys() {
        if !langs.contains(&lang.as_str()) {
            problems.push(format!("{at}: unexpected language `{lang}`"));
        }
    }
}

/// What is missing or extra in the labels against the declaration, one line each; empty
/// when every declared type and field has every label it needs and nothing else.
pub fn label_problems() -> Vec<String> {
    label_problems_in(LABELS_TOML)
}

/// [`label_problems`] for another text of `labels.toml`.
pub fn label_problems_in(text: &str) -> Vec<String> {
    let labels = match toml::from_str::<BTreeMap<String, TypeLabels>>(text) {
        Ok(l) => l,
        Err(e) => return vec![format!("labels.toml does not parse: {e}")],
    };
    let mut problems = Vec::new();
    for t in ASSISTANCE {
        let Some(l) = labels.get(t.key) else {
            problems.push(format!("[{}]: no labels for this type", t.key));
            continue;
        };
        check_langs(
            &mut problems,
            &format!("{}.name", t.key),
            &l.name,
            &UI_LANGS,
        );
        check_langs(
            &mut problems,
            &format!("{}.title", t.key),
            &l.title,
            &LETTER_LANGS,
        );
        for f in t.fields {
            let at = format!("{}.fields.{}", t.key, f.name);
            let Some(fl) = l.fields.get(f.name) else {
                problems.push(format!("{at}: no labels for this field"));
                continue;
            };
            check_langs(&mut problems, &format!("{at}.ui"), &fl.ui, &UI_LANGS);
            if f.has_letter_row() {
                check_langs(
                    &mut problems,
                    &format!("{at}.letter"),
                    &fl.letter,
                    &LETTER_LANGS,
                );
            } else if !fl.letter.is_empty() {
                problems.push(format!(
                    "{at}.letter: this field has no row of its own in the letter"
                ));
            }
        }
        for name in l.fields.keys() {
            if !t.fields.iter().any(|f| f.name == name) {
                problems.push(format!("{}.fields.{name}: no such field declared", t.key));
            }
        }
    }
    let (suspect, _, _) = SUSPECT_QUESTIONING;
    match labels.get(suspect) {
        Some(l) => check_langs(
            &mut problems,
            &format!("{suspect}.name"),
            &l.name,
            &UI_LANGS,
        ),
        None => problems.push(format!("[{suspect}]: no labels")),
    }
    for key in labels.keys() {
        if key != suspect && !ASSISTANCE.iter().any(|t| t.key == key) {
            problems.push(format!("[{key}]: no such type declared"));
        }
    }
    problems
}
