//! The checker: rules declared as data, run over a draft request.
//!
//! A rule lives in ONE place, the file of its family (`rules/<family>.rs`, the part of
//! the id before the first dot): its declaration in that file's `RULES` (id, severity,
//! source, in en/fr/es a title, why it matters, a fix and a message, and its fixtures: a
//! JSON merge patch that fires it and one that must not), and its logic, which reports
//! hits by [`RuleId`] and field path. `build.rs` makes [`RuleId`] from the declarations,
//! so a hit for an undeclared rule does not compile. [`check`] turns hits into localized
//! [`Finding`]s. The `state.*` rules are a family like the others: they read the
//! requested State through [`CheckContext::requested_state`].
//!
//! To add a rule: declare it in its family's `RULES` (sorted by id; every text in en, fr
//! and es, the same `{placeholders}` in each; a `[rule.fixture]` with `fail` and `pass`),
//! report it from the family's logic with `out.hit(RuleId::…, path)`, and run
//! `UPDATE_EXPECT=1 cargo test -p mla-core --test rules` to write the findings its fixtures
//! produce into `tests/expected/rule-fixtures.txt` (read them). A new family is one more
//! file and one more name in `families!` below.
//!
//! Pure: no IO and no clock. `today`, the offence catalogue and what is known of the
//! requested State come in through [`CheckContext`]. A half-filled draft is normal input:
//! nothing here panics on empty or missing fields.

mod hits;
mod requested_state;
mod text;

/// Every family file, registered once: its module, its declarations and its logic.
macro_rules! families {
    ($($family:ident),* $(,)?) => {
        $(mod $family;)*

        /// Rule families (the part of a rule id before the first dot), one file each.
        pub const FAMILIES: &[&str] = &[$(stringify!($family)),*];

        /// (family, declarations, logic) of every family file.
        const FAMILY_FILES: &[Family] = &[$(Family {
            name: stringify!($family),
            rules: $family::RULES,
            run: $family::run,
        }),*];
    };
}

families!(
    basis,
    confidentiality,
    consistency,
    contact,
    content,
    dual,
    form,
    language,
    measure,
    offence,
    person,
    state,
    time,
    translation,
);

struct Family {
    name: &'static str,
    rules: &'static str,
    run: fn(&Request, &CheckContext, &mut Out),
}

include!(concat!(env!("OUT_DIR"), "/rule_ids.rs"));

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use ts_rs::TS;

use crate::finding::{Finding, Lang, Readiness, Severity};
use crate::model::Request;
use crate::offences::OffenceCatalogue;
use crate::profile::Profile;

use hits::Out;
pub use hits::{Arg, Hit};
pub use requested_state::{
    central_authorities_for_request, instrument_of, instruments_of, is_stale,
    languages_for_request, state_name, state_names, RequestedState, STALE_AFTER_MONTHS,
    STATE_NAMES_TOML,
};
pub use text::render_text;

/// A hit argument that is not shown in the message: the provenance of the profile fact a
/// `state.*` rule rests on, which becomes the finding's source.
pub const FACT_SOURCE_ARG: &str = "fact_source";

/// The embedded list of terms of art that translate badly.
pub const TERMS_TOML: &str = include_str!("terms.toml");

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

/// A rule's fixtures: JSON merge patches (RFC 7396) over a baseline request of
/// `mla-core/tests/fixtures/`; `fail` must fire the rule and `pass` must not. The findings
/// each produces are written in `mla-core/tests/expected/rule-fixtures.txt` and compared
/// on every test run (`tests/rules.rs`).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RuleFixture {
    /// Why the two variants differ, for the reader.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// `state` for `state-baseline.mla.json` (a request to a State of the fixture
    /// profiles); `baseline.mla.json` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// The day of the check (YYYY-MM-DD); 2026-11-20 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    /// Known facts about the requested State, given directly (JSON of [`KnownStateFacts`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<String>,
    /// A profile file of `tests/fixtures/profiles/` the requested State is looked up in,
    /// or `none` for a State the profiles do not have; for both variants, or per variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_profile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_profile: Option<String>,
    /// The letter produced from each variant (JSON of [`LetterFacts`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_fail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_pass: Option<String>,
    /// The merge patch that must fire the rule (JSON).
    pub fail: String,
    /// The merge patch that must not fire it (JSON).
    pub pass: String,
}

/// One declaration of a family file: the rule and its fixtures.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Declaration {
    id: String,
    severity: Severity,
    source: String,
    en: RuleText,
    fr: RuleText,
    es: RuleText,
    fixture: RuleFixture,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<Declaration>,
}

/// Why the embedded rule data is invalid.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RuleDataError {
    #[error("rule catalogue: {0}")]
    Syntax(String),
    #[error("rule `{id}`: {problem}")]
    Rule { id: String, problem: String },
}

/// Parse and validate rule declarations: ids unique, sorted, in a known family, every
/// text present in every language with the same placeholders, and fixtures.
pub fn parse_catalogue(text: &str) -> Result<Vec<(Rule, RuleFixture)>, RuleDataError> {
    parse_rules(text, FAMILIES)
}

fn parse_rules(text: &str, families: &[&str]) -> Result<Vec<(Rule, RuleFixture)>, RuleDataError> {
    let file: RuleFile = toml::from_str(text).map_err(|e| RuleDataError::Syntax(e.to_string()))?;
    let rules: Vec<(Rule, RuleFixture)> = file
        .rule
        .into_iter()
        .map(|d| {
            let rule = Rule {
                id: d.id,
                severity: d.severity,
                source: d.source,
                en: d.en,
                fr: d.fr,
                es: d.es,
            };
            (rule, d.fixture)
        })
        .collect();
    let mut previous: Option<&str> = None;
    for (rule, fixture) in &rules {
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
        for (name, patch) in [("fail", &fixture.fail), ("pass", &fixture.pass)] {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(patch) {
                return Err(problem(format!("fixture `{name}` is not JSON: {e}")));
            }
        }
    }
    Ok(rules)
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

/// Every declaration of every family file, sorted by id.
fn declarations() -> &'static [(Rule, RuleFixture)] {
    static RULES: OnceLock<Vec<(Rule, RuleFixture)>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = Vec::new();
        for family in FAMILY_FILES {
            rules.extend(
                parse_rules(family.rules, &[family.name])
                    .expect("the embedded rule declarations are validated by tests"),
            );
        }
        rules.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        rules
    })
}

/// The rule catalogue shipped with MLA Desk (every family, `state.*` included), sorted by id.
pub fn catalogue() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| declarations().iter().map(|(r, _)| r.clone()).collect())
}

/// Every rule with its fixtures, sorted by id; for the fixture runner.
pub fn rule_fixtures() -> impl Iterator<Item = (&'static Rule, &'static RuleFixture)> {
    declarations().iter().map(|(r, f)| (r, f))
}

/// Validate every family file's declarations (the tests call this; [`catalogue`] panics
/// on invalid embedded data).
pub fn validate_catalogue() -> Result<usize, RuleDataError> {
    let mut count = 0;
    for family in FAMILY_FILES {
        count += parse_rules(family.rules, &[family.name])?.len();
    }
    Ok(count)
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

    /// The requested State of `request` as the rules read it: the facts given for it and
    /// its profile, when one was found for that very State.
    pub fn requested_state<'s>(&'s self, request: &'s Request) -> RequestedState<'s> {
        RequestedState::new(request.requested_state.trim(), self.profile)
    }
}

/// Run every rule; return the rule hits in a stable order (rule order, then field path).
pub fn check_hits(request: &Request, ctx: &CheckContext) -> Vec<Hit> {
    let mut out = Out::default();
    for family in FAMILY_FILES {
        (family.run)(request, ctx, &mut out);
    }
    let all = out.hits;
    // A state rule that rests on a sourced fact replaces the generic rule at the same place.
    let mut hits: Vec<Hit> = all
        .iter()
        .filter(|hit| {
            !state::SUPERSEDES.iter().any(|(state_rule, generic)| {
                hit.rule_id == *generic
                    && all
                        .iter()
                        .any(|s| s.rule_id == *state_rule && s.path == hit.path)
            })
        })
        .cloned()
        .collect();
    hits.sort_by(|a, b| a.rule_id.cmp(&b.rule_id).then_with(|| a.path.cmp(&b.path)));
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
    // (`catalogue_declares_every_rule_id`); in release it is dropped, not a panic.
    let rule = rule(hit.rule_id.as_str())?;
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
            .map(|(_, v)| v.text(lang).to_owned())
            .unwrap_or_else(|| rule.source.clone()),
    })
}

/// Fill `{name}` placeholders with the arguments in `lang` (see [`Arg`]).
fn fill(template: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, value)) => out.push_str(value.text(lang)),
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
