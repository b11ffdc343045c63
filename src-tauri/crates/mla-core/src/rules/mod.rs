//! The checker: a catalogue of rules, declared as data, run over a draft request.
//!
//! Each rule is one declaration in `catalogue.toml` (id, severity, source, and in en/fr/es
//! a title, why it matters, a fix and a message) and one piece of logic in `checks.rs` that
//! reports "hits" by rule id. [`check`] turns hits into localized [`Finding`]s.
//!
//! To add a rule: declare it in `catalogue.toml` (sorted by id; every text in en, fr and es,
//! the same `{placeholders}` in each), report it from `checks.rs` with `out.hit(...)` or
//! `out.hit_with(...)` and the field path, and add `tests/fixtures/rules/<id>.json` with a
//! `fail` and a `pass` JSON merge patch against `tests/fixtures/baseline.mla.json`. The
//! tests fail until all three exist, and they re-check order, sources and placeholders.
//!
//! Pure: no IO and no clock. `today`, the offence catalogue and what is known of the
//! requested State come in through [`CheckContext`]. A half-filled draft is normal input:
//! nothing here panics on empty or missing fields.

mod checks;
mod state;
mod text;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use ts_rs::TS;

use crate::finding::{Finding, Lang, Readiness, Severity};
use crate::model::Request;
use crate::offences::OffenceCatalogue;
use crate::profile::Profile;

pub use state::{
    central_authorities_for_request, instrument_of, instruments_of, is_stale,
    languages_for_request, STALE_AFTER_MONTHS, STATE_RULES_TOML,
};
pub use text::render_text;

/// A hit argument that is not shown in the message: the provenance of the profile fact a
/// `state.*` rule rests on, which becomes the finding's source.
pub const FACT_SOURCE_ARG: &str = "fact_source";

/// The embedded rule catalogue.
pub const RULES_TOML: &str = include_str!("catalogue.toml");
/// The embedded list of terms of art that translate badly.
pub const TERMS_TOML: &str = include_str!("terms.toml");

/// Rule families (the part of a rule id before the first dot).
pub const FAMILIES: &[&str] = &[
    "basis",
    "confidentiality",
    "consistency",
    "contact",
    "content",
    "dual",
    "form",
    "language",
    "measure",
    "offence",
    "person",
    "time",
    "translation",
];

/// A rule's texts in one language.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "finding.ts")]
pub struct RuleText {
    pub title: String,
    /// Why it matters: what happens to a request that has this problem.
    pub why: String,
    /// How to fix it.
    pub fix: String,
    /// The message of a finding; `{name}` placeholders are filled in by the check.
    pub message: String,
}

/// One rule of the catalogue.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "finding.ts")]
pub struct Rule {
    /// Stable id, `family.name`; appears in every finding.
    pub id: String,
    pub severity: Severity,
    /// Legal or practical source (convention article, UN report paragraph).
    pub source: String,
    pub en: RuleText,
    pub fr: RuleText,
    pub es: RuleText,
}

impl Rule {
    pub fn family(&self) -> &str {
        self.id.split('.').next().unwrap_or("")
    }

    pub fn text(&self, lang: Lang) -> &RuleText {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Es => &self.es,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<Rule>,
}

/// Why the embedded rule data is invalid (reported by [`validate_catalogue`]).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RuleDataError {
    #[error("rule catalogue: {0}")]
    Syntax(String),
    #[error("rule `{id}`: {problem}")]
    Rule { id: String, problem: String },
}

/// Parse and validate rule declarations: ids unique, sorted, in a known family, and every
/// text present in every language.
pub fn parse_catalogue(text: &str) -> Result<Vec<Rule>, RuleDataError> {
    parse_rules(text, FAMILIES)
}

/// Parse and validate the `state.*` rule declarations (same checks, family `state`).
pub fn parse_state_rules(text: &str) -> Result<Vec<Rule>, RuleDataError> {
    parse_rules(text, &["state"])
}

fn parse_rules(text: &str, families: &[&str]) -> Result<Vec<Rule>, RuleDataError> {
    let file: RuleFile = toml::from_str(text).map_err(|e| RuleDataError::Syntax(e.to_string()))?;
    let mut previous: Option<&str> = None;
    for rule in &file.rule {
        let problem = |p: String| RuleDataError::Rule {
            id: rule.id.clone(),
            problem: p,
        };
        if !families.contains(&rule.family()) || !rule.id.contains('.') {
            return Err(problem(format!("unknown family `{}`", rule.family())));
        }
        if let Some(prev) = previous {
            if prev >= rule.id.as_str() {
                return Err(problem(format!("not sorted or duplicate (after `{prev}`)")));
            }
        }
        previous = Some(&rule.id);
        if rule.source.trim().is_empty() {
            return Err(problem("no source".into()));
        }
        for lang in Lang::ALL {
            let t = rule.text(lang);
            for (name, value) in [
                ("title", &t.title),
                ("why", &t.why),
                ("fix", &t.fix),
                ("message", &t.message),
            ] {
                if value.trim().is_empty() {
                    return Err(problem(format!("{} {name} is empty", lang.code())));
                }
            }
        }
        // The same placeholders in every language, so no translation drops a detail.
        let en = placeholders(&rule.en.message);
        for lang in [Lang::Fr, Lang::Es] {
            if placeholders(&rule.text(lang).message) != en {
                return Err(problem(format!(
                    "{} message placeholders differ from en",
                    lang.code()
                )));
            }
        }
    }
    Ok(file.rule)
}

fn placeholders(message: &str) -> Vec<&str> {
    let mut out: Vec<&str> = message
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The rule catalogue shipped with MLA Desk (general and `state.*` rules), sorted by id.
pub fn catalogue() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules =
            parse_catalogue(RULES_TOML).expect("the embedded rule catalogue is validated by tests");
        rules.extend(
            parse_state_rules(STATE_RULES_TOML)
                .expect("the embedded state rules are validated by tests"),
        );
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        rules
    })
}

fn rule_index() -> &'static HashMap<&'static str, &'static Rule> {
    static INDEX: OnceLock<HashMap<&'static str, &'static Rule>> = OnceLock::new();
    INDEX.get_or_init(|| catalogue().iter().map(|r| (r.id.as_str(), r)).collect())
}

/// Look a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rule_index().get(id).copied()
}

/// Coercive or not, per type of assistance, with the reasoning.
#[derive(Serialize, Deserialize, TS, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[ts(export_to = "finding.ts")]
pub struct MeasureKindClass {
    pub key: String,
    /// Name of the type of assistance in each language.
    pub en: String,
    pub fr: String,
    pub es: String,
    pub coercive: bool,
    pub reason: String,
}

/// The classification of types of assistance, sorted by key: every type declared in
/// [`crate::assistance`], plus `take_statement.suspect`, with their names in en, fr and es.
pub fn measure_kinds() -> &'static [MeasureKindClass] {
    static KINDS: OnceLock<Vec<MeasureKindClass>> = OnceLock::new();
    KINDS.get_or_init(|| {
        let (suspect, coercive, reason) = crate::assistance::SUSPECT_QUESTIONING;
        let mut kinds: Vec<MeasureKindClass> = crate::assistance::ASSISTANCE
            .iter()
            .map(|t| (t.key, t.coercive, t.reason))
            .chain([(suspect, coercive, reason)])
            .map(|(key, coercive, reason)| {
                let name = |lang| {
                    crate::assistance::type_name(key, lang)
                        .unwrap_or(key)
                        .to_owned()
                };
                MeasureKindClass {
                    key: key.to_owned(),
                    en: name("en"),
                    fr: name("fr"),
                    es: name("es"),
                    coercive,
                    reason: reason.to_owned(),
                }
            })
            .collect();
        kinds.sort_by(|a, b| a.key.cmp(&b.key));
        kinds
    })
}

/// The key of a measure in the coercive classification.
pub(crate) fn kind_key(r: &Request, m: &crate::model::Measure) -> &'static str {
    match &m.details {
        crate::model::MeasureDetails::TakeStatement(d) => {
            let role = (!d.person_id.trim().is_empty())
                .then(|| r.persons.iter().find(|p| p.id == d.person_id))
                .flatten()
                .map(|p| p.role);
            if d.status == crate::model::HearingStatus::Suspect
                || (d.status == crate::model::HearingStatus::Unspecified
                    && matches!(
                        role,
                        Some(crate::model::PersonRole::Suspect | crate::model::PersonRole::Accused)
                    ))
            {
                "take_statement.suspect"
            } else {
                "take_statement"
            }
        }
        other => other.kind(),
    }
}

pub(crate) fn is_coercive(key: &str) -> bool {
    measure_kinds()
        .iter()
        .find(|k| k.key == key)
        .is_some_and(|k| k.coercive)
}

/// Terms of art per language (lower case).
pub fn terms_of_art() -> &'static BTreeMap<String, Vec<String>> {
    static TERMS: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    TERMS.get_or_init(|| {
        toml::from_str(TERMS_TOML).expect("the embedded term list is validated by tests")
    })
}

/// What the checker needs to know about the requested State. Implemented by State
/// profiles; every answer may be unknown (`None`), and unknown never raises a blocker.
pub trait StateFacts {
    /// Days the requested State needs between receiving a summons and the hearing.
    fn service_lead_time_days(&self) -> Option<u32>;
    /// Whether the State criminalizes the conduct of an (optional) offence category of the
    /// offence catalogue (e.g. "uncac.20"); `None` when unknown.
    fn criminalizes(&self, conduct_category: &str) -> Option<bool>;
    /// Whether the State requires dual criminality for a measure (coercive or not);
    /// `None` when its stance is unknown.
    fn requires_dual_criminality(&self, _coercive: bool) -> Option<bool> {
        None
    }
    /// Whether these facts come from a State profile lookup, and its result: the `state.*`
    /// rules run only on a lookup (a profile found, or none for that State).
    fn profile_lookup(&self) -> ProfileLookup<'_> {
        ProfileLookup::NotConsulted
    }
}

/// The result of looking up the requested State's profile, for the `state.*` rules.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProfileLookup<'a> {
    /// The caller gave facts that are not a profile (tests, the user's own knowledge):
    /// the `state.*` rules stay silent.
    NotConsulted,
    /// The profiles were consulted and have none for the requested State:
    /// `state.unknown-profile` says so.
    NoProfile,
    Found(&'a Profile),
}

/// Pass this as `CheckContext::profile` when the profiles have none for the requested
/// State, so the check says that everything about that State is unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoProfile;

impl StateFacts for NoProfile {
    fn service_lead_time_days(&self) -> Option<u32> {
        None
    }
    fn criminalizes(&self, _conduct_category: &str) -> Option<bool> {
        None
    }
    fn profile_lookup(&self) -> ProfileLookup<'_> {
        ProfileLookup::NoProfile
    }
}

/// A State profile answers from its sourced facts; what it does not record stays unknown.
impl StateFacts for Profile {
    fn service_lead_time_days(&self) -> Option<u32> {
        self.service_lead_time_days.as_ref().map(|f| f.value)
    }
    fn criminalizes(&self, conduct_category: &str) -> Option<bool> {
        let offence = crate::profile::OptionalOffence::from_key(conduct_category)?;
        self.optional_offences.get(&offence).map(|f| f.value)
    }
    fn requires_dual_criminality(&self, coercive: bool) -> Option<bool> {
        use crate::profile::DualCriminality;
        self.dual_criminality.as_ref().map(|f| match f.value {
            DualCriminality::None => false,
            DualCriminality::CoerciveOnly => coercive,
            DualCriminality::All => true,
        })
    }
    fn profile_lookup(&self) -> ProfileLookup<'_> {
        ProfileLookup::Found(self)
    }
}

/// Known facts about a State, given directly (tests, fixtures, or a user's own knowledge).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct KnownStateFacts {
    pub service_lead_time_days: Option<u32>,
    /// Conduct category → criminalized or not.
    pub criminalizes: BTreeMap<String, bool>,
    /// Whether dual criminality is required at all for coercive measures.
    pub dual_criminality_for_coercive: Option<bool>,
}

impl StateFacts for KnownStateFacts {
    fn service_lead_time_days(&self) -> Option<u32> {
        self.service_lead_time_days
    }
    fn criminalizes(&self, conduct_category: &str) -> Option<bool> {
        self.criminalizes.get(conduct_category).copied()
    }
    fn requires_dual_criminality(&self, coercive: bool) -> Option<bool> {
        self.dual_criminality_for_coercive
            .map(|required| coercive && required)
    }
}

/// Tunable thresholds. The defaults are sourced in their field docs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct CheckSettings {
    /// Days between transmission and a hearing for which documents are served, when the
    /// requested State's profile does not say (Italy reports summonses received too close
    /// to the hearing: CAC/COSP/2019/7 § 89).
    pub service_lead_time_days: u32,
    /// Typical time to execute a request (3 to 6 months reported by the Russian
    /// Federation: CAC/COSP/2019/7 § 96).
    pub typical_execution_days: u32,
    /// Limitation dates closer than this give advice.
    pub limitation_advice_days: u32,
    /// A summary of facts shorter than this (in characters) is flagged as thin.
    pub facts_min_chars: usize,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            service_lead_time_days: 30,
            typical_execution_days: 180,
            limitation_advice_days: 365,
            facts_min_chars: 200,
        }
    }
}

/// What the checker knows of the letter of request produced from the draft: plain data,
/// built by the caller (`mla-letter` builds it from a rendered letter), so the core stays
/// free of templates. Drives the `translation.letter-text` and
/// `translation.template-unreviewed` rules.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LetterFacts {
    /// Language of the letter (ISO 639-1).
    pub lang: String,
    /// Whether the template wording in `lang` was reviewed by a qualified legal translator.
    pub reviewed: bool,
    /// Officer-typed parts of the letter that still need a human translation into `lang`.
    #[serde(default)]
    pub needs_translation: Vec<TranslationNeed>,
}

/// One officer-typed part of a letter that still needs a human translation.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TranslationNeed {
    /// Field path in the request, e.g. `facts` or `measures[0].details.questions`.
    pub path: String,
    /// Language the officer wrote it in (ISO 639-1).
    pub from: String,
}

/// Everything a check depends on besides the request.
pub struct CheckContext<'a> {
    pub today: NaiveDate,
    pub offences: &'a OffenceCatalogue,
    pub settings: CheckSettings,
    /// What is known of the requested State (its profile), if anything.
    pub profile: Option<&'a dyn StateFacts>,
    /// The letter produced from the draft, if one was: which of its parts still need a
    /// human translation and whether its template wording is reviewed.
    pub letter: Option<&'a LetterFacts>,
}

impl<'a> CheckContext<'a> {
    /// Default settings, the built-in offence catalogue, no profile, no letter.
    pub fn new(today: NaiveDate) -> CheckContext<'static> {
        CheckContext {
            today,
            offences: OffenceCatalogue::builtin(),
            settings: CheckSettings::default(),
            profile: None,
            letter: None,
        }
    }
}

/// A rule that fired, before localization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub rule_id: &'static str,
    pub path: String,
    pub args: Vec<(&'static str, String)>,
}

/// Run every rule; return the rule hits in a stable order (rule order, then field path).
pub fn check_hits(request: &Request, ctx: &CheckContext) -> Vec<Hit> {
    let mut hits = checks::run(request, ctx);
    let lookup = ctx
        .profile
        .map_or(ProfileLookup::NotConsulted, |p| p.profile_lookup());
    let state_hits = state::run(request, ctx, lookup);
    // A state rule that rests on a sourced fact replaces the generic rule at the same place.
    hits.retain(|hit| {
        !state::SUPERSEDES.iter().any(|(state_rule, generic)| {
            hit.rule_id == *generic
                && state_hits
                    .iter()
                    .any(|s| s.rule_id == *state_rule && s.path == hit.path)
        })
    });
    hits.extend(state_hits);
    hits.sort_by(|a, b| a.rule_id.cmp(b.rule_id).then_with(|| a.path.cmp(&b.path)));
    hits.dedup();
    hits
}

/// Check a request; findings in `lang`, blockers first, then warnings, then advice.
pub fn check(request: &Request, ctx: &CheckContext, lang: Lang) -> Vec<Finding> {
    let mut findings: Vec<Finding> = check_hits(request, ctx)
        .iter()
        .filter_map(|hit| localize(hit, lang))
        .collect();
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then_with(|| a.rule_id.cmp(&b.rule_id))
            .then_with(|| a.path.cmp(&b.path))
    });
    findings
}

/// Check a request and give the verdict with it.
pub fn check_with_readiness(
    request: &Request,
    ctx: &CheckContext,
    lang: Lang,
) -> (Vec<Finding>, Readiness) {
    let findings = check(request, ctx, lang);
    let readiness = Readiness::of(&findings);
    (findings, readiness)
}

/// The name of a type of assistance (a [`measure_kinds`] key) in `lang`.
pub fn kind_label(key: &str, lang: Lang) -> Option<&'static str> {
    let class = measure_kinds().iter().find(|k| k.key == key)?;
    Some(match lang {
        Lang::En => class.en.as_str(),
        Lang::Fr => class.fr.as_str(),
        Lang::Es => class.es.as_str(),
    })
}

fn localize(hit: &Hit, lang: Lang) -> Option<Finding> {
    // A hit for an undeclared rule is a programming error caught by the test suite
    // (`every_rule_id_used_in_checks_is_declared`); in release it is dropped, not a panic.
    let rule = rule(hit.rule_id)?;
    let text = rule.text(lang);
    Some(Finding {
        rule_id: rule.id.clone(),
        severity: rule.severity,
        path: hit.path.clone(),
        title: text.title.clone(),
        message: fill(&text.message, &hit.args, lang),
        fix: text.fix.clone(),
        source: hit
            .args
            .iter()
            .find(|(k, _)| *k == FACT_SOURCE_ARG)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| rule.source.clone()),
    })
}

/// Fill `{name}` placeholders; a `kind` argument is a measure-kind key, shown by its name.
fn fill(template: &str, args: &[(&'static str, String)], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((key, value)) if *key == "kind" => {
                        out.push_str(kind_label(value, lang).unwrap_or(value))
                    }
                    Some((_, value)) => out.push_str(value),
                    None => out.push('?'),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
