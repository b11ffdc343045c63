//! What a rule reports: a hit (rule id, field path, message arguments), collected in
//! [`Out`], and the small helpers every family uses. Not a rule module: rule modules import
//! it, it imports none of them.

use super::{RuleId, FACT_SOURCE_ARG};
use crate::finding::Lang;
use crate::profile::Provenance;

/// A value for a `{placeholder}` of a rule's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is, in every language (the officer's text, a date, a number, a code).
    Text(String),
    /// A type of assistance (a `measure_kinds()` key), shown by its name in the
    /// message's language.
    Kind(String),
    /// Words the checker writes itself, in each language (en, fr, es).
    Words([String; 3]),
}

impl Arg {
    /// Words in en, fr and es.
    pub fn words(en: impl Into<String>, fr: impl Into<String>, es: impl Into<String>) -> Arg {
        Arg::Words([en.into(), fr.into(), es.into()])
    }

    /// The value as shown in `lang`; a kind with no name is shown by its key.
    pub fn text(&self, lang: Lang) -> &str {
        match self {
            Arg::Text(s) => s,
            Arg::Kind(key) => super::kind_label(key, lang).unwrap_or(key),
            Arg::Words([en, fr, es]) => match lang {
                Lang::En => en,
                Lang::Fr => fr,
                Lang::Es => es,
            },
        }
    }
}

/// A rule that fired, before localization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub rule_id: RuleId,
    pub path: String,
    pub args: Vec<(&'static str, Arg)>,
}

/// The hits of one check, in the order the rules report them.
#[derive(Default)]
pub(crate) struct Out {
    pub(super) hits: Vec<Hit>,
}

impl Out {
    pub(super) fn hit(&mut self, rule_id: RuleId, path: impl Into<String>) {
        self.hits.push(Hit {
            rule_id,
            path: path.into(),
            args: Vec::new(),
        });
    }

    /// A hit with message arguments; an argument named `kind` is a type of assistance.
    pub(super) fn hit_with(
        &mut self,
        rule_id: RuleId,
        path: impl Into<String>,
        args: Vec<(&'static str, String)>,
    ) {
        let args = args
            .into_iter()
            .map(|(k, v)| {
                (
                    k,
                    if k == "kind" {
                        Arg::Kind(v)
                    } else {
                        Arg::Text(v)
                    },
                )
            })
            .collect();
        self.hits.push(Hit {
            rule_id,
            path: path.into(),
            args,
        });
    }

    /// A hit that rests on a fact of the requested State's profile: the finding cites the
    /// fact's source and checked date instead of the rule's source.
    pub(super) fn hit_fact(
        &mut self,
        rule_id: RuleId,
        path: impl Into<String>,
        fact: Option<Provenance<'_>>,
        mut args: Vec<(&'static str, Arg)>,
    ) {
        if let Some(fact) = fact {
            args.push((FACT_SOURCE_ARG, Arg::Text(fact.to_string())));
        }
        self.hits.push(Hit {
            rule_id,
            path: path.into(),
            args,
        });
    }
}

pub(super) fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

pub(super) fn mpath(i: usize, field: &str) -> String {
    if field.is_empty() {
        format!("measures[{i}]")
    } else {
        format!("measures[{i}].details.{field}")
    }
}

pub(super) fn num(i: usize) -> (&'static str, String) {
    ("n", (i + 1).to_string())
}
