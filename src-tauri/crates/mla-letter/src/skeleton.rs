//! The one letter skeleton (`templates/letter/letter.html`) and its phrases.
//!
//! The skeleton is the letter's structure, the same in every language. Each piece of
//! wording in it is a marker `[[key name ...]]`: the phrase `key` of the language pack's
//! `[phrases]` table, which uses exactly the placeholders the marker names, each written
//! `{name}`. The skeleton's header declares what each placeholder stands for (a template
//! expression such as `{{ reference }}`). At load, the skeleton is expanded once per
//! language into that language's template: the phrase is put in place of the marker and
//! each `{name}` replaced by its expression, so the template Tera renders is exactly what
//! a hand-written template per language would be.
//!
//! A pack that lacks a phrase, has one the skeleton does not use, or whose phrase lacks a
//! placeholder or uses one the marker does not give, fails the load with its file and key:
//! a letter never shows a raw key.

use std::collections::{BTreeMap, BTreeSet};

use crate::LetterError;

/// Where the skeleton lives, for error messages.
pub(crate) const SKELETON_FILE: &str = "templates/letter/letter.html";

/// A marker `[[key name ...]]` of the skeleton.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker {
    /// Byte range of the whole marker in the body.
    start: usize,
    end: usize,
    key: String,
    /// The placeholders the phrase must use.
    names: BTreeSet<String>,
}

/// The parsed skeleton.
#[derive(Debug)]
pub(crate) struct Skeleton {
    /// Placeholder name → the template expression it stands for.
    placeholders: BTreeMap<String, String>,
    /// The template text after the header, with its markers.
    body: String,
    markers: Vec<Marker>,
}

fn skeleton_error(message: String) -> LetterError {
    LetterError::Template {
        template: SKELETON_FILE.to_owned(),
        message,
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

impl Skeleton {
    /// Parse the skeleton: its header (a template comment `{#- ... -#}` whose lines after
    /// `placeholders:` read `name = expression`) and the markers of its body.
    pub(crate) fn parse(text: &str) -> Result<Skeleton, LetterError> {
        let header_end = "\n-#}\n";
        let (header, body) = match (text.starts_with("{#-"), text.find(header_end)) {
            (true, Some(at)) => (&text[..at], &text[at + header_end.len()..]),
            _ => {
                return Err(skeleton_error(
                    "the skeleton must start with its header comment `{#- ... -#}` \
                     declaring the placeholders"
                        .to_owned(),
                ))
            }
        };
        let Some((_, declarations)) = header.split_once("\nplaceholders:\n") else {
            return Err(skeleton_error(
                "the header has no `placeholders:` line".to_owned(),
            ));
        };
        let mut placeholders = BTreeMap::new();
        for (i, line) in declarations.lines().enumerate() {
            let parsed = line
                .split_once(" = ")
                .filter(|(name, expr)| is_name(name) && !expr.trim().is_empty());
            let Some((name, expr)) = parsed else {
                return Err(skeleton_error(format!(
                    "placeholder declaration {} ({line:?}) is not `name = expression`",
                    i + 1
                )));
            };
            if placeholders
                .insert(name.to_owned(), expr.trim().to_owned())
                .is_some()
            {
                return Err(skeleton_error(format!(
                    "placeholder `{name}` is declared twice"
                )));
            }
        }
        let markers = markers(body, &placeholders)?;
        Ok(Skeleton {
            placeholders,
            body: body.to_owned(),
            markers,
        })
    }

    /// The phrase keys the skeleton uses.
    pub(crate) fn keys(&self) -> BTreeSet<&str> {
        self.markers.iter().map(|m| m.key.as_str()).collect()
    }

    /// The template of one language: the skeleton with each marker replaced by the pack's
    /// phrase, its placeholders by their expressions. `file` names the pack in errors.
    pub(crate) fn expand(
        &self,
        file: &str,
        phrases: &BTreeMap<String, String>,
    ) -> Result<String, LetterError> {
        let error = |key: &str, message: String| LetterError::Phrase {
            file: file.to_owned(),
            key: key.to_owned(),
            message,
        };
        let used = self.keys();
        if let Some(extra) = phrases.keys().find(|k| !used.contains(k.as_str())) {
            return Err(error(
                extra,
                format!("the skeleton ({SKELETON_FILE}) has no such phrase: remove it or correct its name"),
            ));
        }
        let mut out = String::with_capacity(self.body.len() * 2);
        let mut at = 0;
        for marker in &self.markers {
            let key = marker.key.as_str();
            let phrase = phrases.get(key).ok_or_else(|| {
                error(
                    key,
                    format!(
                        "missing; the skeleton uses it as {}",
                        &self.body[marker.start..marker.end]
                    ),
                )
            })?;
            out.push_str(&self.body[at..marker.start]);
            let pieces = split_phrase(phrase).map_err(|m| error(key, m))?;
            let found: BTreeSet<String> = pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Placeholder(n) => Some((*n).to_owned()),
                    Piece::Text(_) => None,
                })
                .collect();
            if let Some(missing) = marker.names.difference(&found).next() {
                return Err(error(key, format!("lacks the placeholder {{{missing}}}")));
            }
            if let Some(extra) = found.difference(&marker.names).next() {
                let given: Vec<String> = marker.names.iter().map(|n| format!("{{{n}}}")).collect();
                return Err(error(
                    key,
                    format!(
                        "uses {{{extra}}}, which this phrase does not have (it has: {})",
                        if given.is_empty() {
                            "none".to_owned()
                        } else {
                            given.join(", ")
                        }
                    ),
                ));
            }
            for piece in pieces {
                match piece {
                    Piece::Text(t) => out.push_str(t),
                    Piece::Placeholder(n) => out.push_str(&self.placeholders[n]),
                }
            }
            at = marker.end;
        }
        out.push_str(&self.body[at..]);
        Ok(out)
    }
}

/// The markers of the skeleton's body, checked against the declared placeholders.
fn markers(
    body: &str,
    placeholders: &BTreeMap<String, String>,
) -> Result<Vec<Marker>, LetterError> {
    let mut out: Vec<Marker> = Vec::new();
    let mut from = 0;
    while let Some(open) = body[from..].find("[[").map(|i| i + from) {
        let close = body[open..].find("]]").map(|i| i + open);
        let Some(close) = close.filter(|c| !body[open + 2..*c].contains("[[")) else {
            return Err(skeleton_error(format!(
                "`[[` at byte {open} of the body is not closed by `]]`"
            )));
        };
        let inner = &body[open + 2..close];
        let mut words = inner.split(' ');
        let key = words.next().unwrap_or_default();
        if !is_name(key) {
            return Err(skeleton_error(format!(
                "marker [[{inner}]] at byte {open} of the body: `{key}` is not a phrase key \
                 (lower case letters and `_`)"
            )));
        }
        let mut names = BTreeSet::new();
        for name in words {
            if !placeholders.contains_key(name) {
                return Err(skeleton_error(format!(
                    "marker [[{inner}]] names the placeholder `{name}`, which the header \
                     does not declare"
                )));
            }
            names.insert(name.to_owned());
        }
        if let Some(earlier) = out.iter().find(|m| m.key == key && m.names != names) {
            return Err(skeleton_error(format!(
                "the phrase `{key}` is used with different placeholders: [[{inner}]] and {}",
                &body[earlier.start..earlier.end]
            )));
        }
        out.push(Marker {
            start: open,
            end: close + 2,
            key: key.to_owned(),
            names,
        });
        from = close + 2;
    }
    Ok(out)
}

/// A phrase cut into its text and its placeholders.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Cut a phrase at its `{name}` placeholders. A brace that is not part of a placeholder,
/// and markup, are refused: a phrase is wording, put into the letter as it is.
fn split_phrase(phrase: &str) -> Result<Vec<Piece<'_>>, String> {
    if let Some(at) = phrase.find(['<', '>']) {
        return Err(format!(
            "byte {at}: `<` and `>` are not allowed in a phrase (it is wording, not markup)"
        ));
    }
    let mut pieces = Vec::new();
    let mut rest = phrase;
    let mut offset = 0;
    while let Some(open) = rest.find(['{', '}']) {
        let name = (rest.as_bytes()[open] == b'{')
            .then(|| rest[open..].find('}').map(|c| &rest[open + 1..open + c]))
            .flatten();
        match name {
            Some(name) if is_name(name) => {
                if open > 0 {
                    pieces.push(Piece::Text(&rest[..open]));
                }
                pieces.push(Piece::Placeholder(name));
                let next = open + name.len() + 2;
                offset += next;
                rest = &rest[next..];
            }
            _ => {
                return Err(format!(
                    "byte {}: a brace that is not a placeholder `{{name}}` (lower case letters \
                     and `_`)",
                    offset + open
                ))
            }
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKELETON: &str = "{#- test\n\nplaceholders:\nwho = {{ who | ut }}\nwhen = {{ when }}\n-#}\n<p>[[greeting who]]</p><p>[[dated who when]]</p><p>[[greeting who]]</p>\n";

    fn phrases(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn message(e: LetterError) -> String {
        e.to_string()
    }

    #[test]
    fn a_phrase_is_put_in_place_with_its_placeholders_in_any_order() {
        let s = Skeleton::parse(SKELETON).unwrap();
        let out = s
            .expand(
                "x.toml",
                &phrases(&[
                    ("greeting", "Hello {who}!"),
                    ("dated", "{when}, {who} l'a dit"),
                ]),
            )
            .unwrap();
        assert_eq!(
            out,
            "<p>Hello {{ who | ut }}!</p><p>{{ when }}, {{ who | ut }} l'a dit</p><p>Hello {{ who | ut }}!</p>\n"
        );
    }

    #[test]
    fn a_missing_phrase_is_an_error_naming_the_file_and_the_key() {
        let s = Skeleton::parse(SKELETON).unwrap();
        let e = s
            .expand(
                "templates/letter/xx.toml",
                &phrases(&[("greeting", "Hi {who}")]),
            )
            .unwrap_err();
        assert_eq!(
            message(e),
            "language pack templates/letter/xx.toml: phrase `dated`: missing; the skeleton \
             uses it as [[dated who when]]"
        );
    }

    #[test]
    fn an_extra_phrase_is_an_error() {
        let s = Skeleton::parse(SKELETON).unwrap();
        let e = s
            .expand(
                "xx.toml",
                &phrases(&[
                    ("greeting", "Hi {who}"),
                    ("dated", "{when} {who}"),
                    ("greting", "Hi"),
                ]),
            )
            .unwrap_err();
        assert_eq!(
            message(e),
            "language pack xx.toml: phrase `greting`: the skeleton (templates/letter/letter.html) \
             has no such phrase: remove it or correct its name"
        );
    }

    #[test]
    fn a_missing_or_extra_placeholder_is_an_error() {
        let s = Skeleton::parse(SKELETON).unwrap();
        let lacks = s
            .expand(
                "xx.toml",
                &phrases(&[("greeting", "Hi {who}"), ("dated", "on {when}")]),
            )
            .unwrap_err();
        assert_eq!(
            message(lacks),
            "language pack xx.toml: phrase `dated`: lacks the placeholder {who}"
        );
        let extra = s
            .expand(
                "xx.toml",
                &phrases(&[("greeting", "Hi {who} {when}"), ("dated", "{when} {who}")]),
            )
            .unwrap_err();
        assert_eq!(
            message(extra),
            "language pack xx.toml: phrase `greeting`: uses {when}, which this phrase does not \
             have (it has: {who})"
        );
    }

    #[test]
    fn template_syntax_stray_braces_and_markup_in_a_phrase_are_refused() {
        let s = Skeleton::parse(SKELETON).unwrap();
        for (bad, at) in [
            ("Hi {{ who }}", "byte 3: a brace"),
            ("Hi {% if x %}{who}", "byte 3: a brace"),
            ("Hi {who} }", "byte 9: a brace"),
            ("Hi {Who}", "byte 3: a brace"),
            ("<b>Hi</b> {who}", "byte 0: `<` and `>`"),
        ] {
            let e = s
                .expand(
                    "xx.toml",
                    &phrases(&[("greeting", bad), ("dated", "{when} {who}")]),
                )
                .unwrap_err();
            let m = message(e);
            assert!(
                m.starts_with(&format!("language pack xx.toml: phrase `greeting`: {at}")),
                "{bad:?}: {m}"
            );
        }
    }

    /// The real skeleton and packs: each pack has exactly the skeleton's phrases, the
    /// expanded templates keep no marker and no placeholder, and a pack missing any one
    /// phrase, or any one placeholder of a phrase, does not load.
    #[test]
    fn every_pack_fills_every_marker_of_the_real_skeleton() {
        let skeleton = Skeleton::parse(crate::lang::SKELETON).unwrap();
        assert!(skeleton.keys().len() > 60, "{:?}", skeleton.keys());
        for &(code, text) in crate::lang::PACKS {
            let file = format!("templates/letter/{code}.toml");
            let pack = crate::LanguagePack::parse(&file, text).unwrap();
            let template = skeleton.expand(&file, &pack.phrases).unwrap();
            assert!(!template.contains("[["), "{code}: a marker is left");
            for name in skeleton.placeholders.keys() {
                assert!(
                    !template.contains(&format!("{{{name}}}")),
                    "{code}: {{{name}}} left"
                );
            }
            for (key, phrase) in &pack.phrases {
                let mut less = pack.phrases.clone();
                less.remove(key);
                let e = skeleton.expand(&file, &less).unwrap_err().to_string();
                assert!(
                    e.starts_with(&format!("language pack {file}: phrase `{key}`: missing")),
                    "{e}"
                );
                if let Some(Piece::Placeholder(name)) = split_phrase(phrase)
                    .unwrap()
                    .into_iter()
                    .find(|p| matches!(p, Piece::Placeholder(_)))
                {
                    let mut cut = pack.phrases.clone();
                    cut.insert(key.clone(), phrase.replace(&format!("{{{name}}}"), ""));
                    let e = skeleton.expand(&file, &cut).unwrap_err().to_string();
                    assert_eq!(e, format!("language pack {file}: phrase `{key}`: lacks the placeholder {{{name}}}"));
                }
            }
        }
    }

    #[test]
    fn a_broken_skeleton_is_an_error() {
        let undeclared = SKELETON.replace("[[dated who when]]", "[[dated who where]]");
        assert_eq!(
            message(Skeleton::parse(&undeclared).unwrap_err()),
            "template templates/letter/letter.html: marker [[dated who where]] names the \
             placeholder `where`, which the header does not declare"
        );
        let inconsistent = SKELETON.replacen("[[greeting who]]", "[[greeting]]", 1);
        assert_eq!(
            message(Skeleton::parse(&inconsistent).unwrap_err()),
            "template templates/letter/letter.html: the phrase `greeting` is used with \
             different placeholders: [[greeting who]] and [[greeting]]"
        );
        let unclosed = SKELETON.replace("[[dated who when]]", "[[dated who when");
        assert!(message(Skeleton::parse(&unclosed).unwrap_err()).contains("is not closed"));
        assert!(message(Skeleton::parse("<p>no header</p>").unwrap_err())
            .contains("must start with its header comment"));
    }
}
