//! What the checker reports: findings, their severity, and the readiness verdict.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the checker's texts exist in.
#[derive(
    Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, Hash, Default,
)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "finding.ts")]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// Parse an ISO 639-1 code ("en", "fr", "es").
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }
}

/// How serious a finding is.
#[derive(
    Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "finding.ts")]
pub enum Severity {
    /// Likely refusal or return of the request.
    Blocker,
    /// Likely delay or a query from the requested State.
    Warning,
    /// Good practice; the request can go without it.
    Advice,
}

impl Severity {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Blocker, Lang::En) => "Blockers",
            (Severity::Blocker, Lang::Fr) => "Points bloquants",
            (Severity::Blocker, Lang::Es) => "Obstáculos",
            (Severity::Warning, Lang::En) => "Warnings",
            (Severity::Warning, Lang::Fr) => "Avertissements",
            (Severity::Warning, Lang::Es) => "Advertencias",
            (Severity::Advice, Lang::En) => "Advice",
            (Severity::Advice, Lang::Fr) => "Conseils",
            (Severity::Advice, Lang::Es) => "Consejos",
        }
    }
}

/// One problem found in a request, localized.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Debug, PartialEq, Eq)]
#[ts(export_to = "finding.ts")]
pub struct Finding {
    /// Stable rule id, e.g. `content.facts-summary`.
    pub rule_id: String,
    pub severity: Severity,
    /// Field path the finding is about, e.g. `measures[2].details.premises`; empty when it
    /// concerns the request as a whole.
    pub path: String,
    /// The rule's title.
    pub title: String,
    /// What is wrong, in this request.
    pub message: String,
    /// How to fix it.
    pub fix: String,
    /// Legal or practical source of the rule.
    pub source: String,
}

/// Overall verdict on a request.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "finding.ts")]
pub enum Verdict {
    /// No blocker and no warning.
    Ready,
    /// Warnings only: the request can go, but expect queries or delay.
    NeedsWork,
    /// At least one blocker.
    LikelyRefused,
}

impl Verdict {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Ready, Lang::En) => "ready to send",
            (Verdict::Ready, Lang::Fr) => "prête à être transmise",
            (Verdict::Ready, Lang::Es) => "lista para su envío",
            (Verdict::NeedsWork, Lang::En) => "needs work",
            (Verdict::NeedsWork, Lang::Fr) => "à compléter",
            (Verdict::NeedsWork, Lang::Es) => "debe completarse",
            (Verdict::LikelyRefused, Lang::En) => "likely to be refused or returned",
            (Verdict::LikelyRefused, Lang::Fr) => "risque de refus ou de renvoi",
            (Verdict::LikelyRefused, Lang::Es) => "probable denegación o devolución",
        }
    }
}

/// The verdict with the counts it is based on.
#[derive(Serialize, Deserialize, JsonSchema, TS, Clone, Copy, Debug, PartialEq, Eq)]
#[ts(export_to = "finding.ts")]
pub struct Readiness {
    pub verdict: Verdict,
    pub blockers: u32,
    pub warnings: u32,
    pub advice: u32,
}

impl Readiness {
    pub fn of(findings: &[Finding]) -> Readiness {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count() as u32;
        let (blockers, warnings, advice) = (
            count(Severity::Blocker),
            count(Severity::Warning),
            count(Severity::Advice),
        );
        let verdict = if blockers > 0 {
            Verdict::LikelyRefused
        } else if warnings > 0 {
            Verdict::NeedsWork
        } else {
            Verdict::Ready
        };
        Readiness {
            verdict,
            blockers,
            warnings,
            advice,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(severity: Severity) -> Finding {
        Finding {
            rule_id: "form.date".into(),
            severity,
            path: String::new(),
            title: String::new(),
            message: String::new(),
            fix: String::new(),
            source: String::new(),
        }
    }

    #[test]
    fn verdict_follows_the_worst_severity() {
        assert_eq!(Readiness::of(&[]).verdict, Verdict::Ready);
        let advice_only = [finding(Severity::Advice), finding(Severity::Advice)];
        assert_eq!(Readiness::of(&advice_only).verdict, Verdict::Ready);
        assert_eq!(Readiness::of(&advice_only).advice, 2);
        let warning = [finding(Severity::Advice), finding(Severity::Warning)];
        assert_eq!(Readiness::of(&warning).verdict, Verdict::NeedsWork);
        let blocker = [finding(Severity::Warning), finding(Severity::Blocker)];
        let readiness = Readiness::of(&blocker);
        assert_eq!(readiness.verdict, Verdict::LikelyRefused);
        assert_eq!(
            (readiness.blockers, readiness.warnings, readiness.advice),
            (1, 1, 0)
        );
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code(" FR "), Some(Lang::Fr));
        assert_eq!(Lang::from_code("de"), None);
    }
}
