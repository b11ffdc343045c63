//! Plain-text rendering of findings, for the CLI and for golden files.

use std::fmt::Write;

use crate::finding::{Finding, Lang, Readiness, Severity};

fn labels(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    match lang {
        Lang::En => ("Verdict", "Fix", "Source", "No findings."),
        Lang::Fr => ("Verdict", "Correction", "Source", "Aucune observation."),
        Lang::Es => ("Dictamen", "Corrección", "Fuente", "Sin observaciones."),
    }
}

/// Findings grouped by severity, with the verdict and the counts first.
pub fn render_text(findings: &[Finding], readiness: &Readiness, lang: Lang) -> String {
    let (verdict, fix, source, none) = labels(lang);
    let mut out = String::new();
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    let _ = writeln!(
        out,
        "{verdict}{colon} {} — {}{colon} {}, {}{colon} {}, {}{colon} {}",
        readiness.verdict.label(lang),
        Severity::Blocker.label(lang).to_lowercase(),
        readiness.blockers,
        Severity::Warning.label(lang).to_lowercase(),
        readiness.warnings,
        Severity::Advice.label(lang).to_lowercase(),
        readiness.advice,
    );
    if findings.is_empty() {
        let _ = writeln!(out, "\n{none}");
        return out;
    }
    for severity in [Severity::Blocker, Severity::Warning, Severity::Advice] {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({})", severity.label(lang), group.len());
        for f in group {
            let at = if f.path.is_empty() {
                String::new()
            } else {
                format!(" @ {}", f.path)
            };
            let _ = writeln!(out, "- [{}]{at}", f.rule_id);
            let _ = writeln!(out, "  {}", f.message);
            let _ = writeln!(out, "  {fix}{colon} {}", f.fix);
            let _ = writeln!(out, "  {source}{colon} {}", f.source);
        }
    }
    out
}
