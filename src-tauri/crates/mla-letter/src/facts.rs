//! What the checker needs to know of a letter, computed from the request alone.
//!
//! The letter marks every piece of officer-typed text it prints for translation when its
//! language differs from the drafting language ([`crate::view`] does it as it builds the
//! view). The check the app runs on every keystroke only needs the list of those parts:
//! this module walks the request in the order the view prints it and lists each officer
//! text that is not empty, without building the view or rendering anything (no copy of
//! the summary of facts, no date formatting, no template). A measure's rows depend on its
//! type of assistance, so for measures the walk asks the view's own row builder
//! ([`view::measure_parts`], one measure at a time) instead of listing each type's fields
//! again. The tests below hold the walk equal to the view's list for every example, the
//! letter fixture and every rule fixture, in every letter language; a field the view
//! starts printing as officer text outside a measure must be walked here too.

use mla_core::model;
use mla_core::Request;

use crate::view::{self, CentralAuthority};
use crate::{LanguagePack, TranslationPart};

/// Collects the paths of the non-empty officer texts in print order. Each path is walked
/// once (the view prints the offence labels a second time among the time limits).
struct Walker<'a> {
    from: &'a str,
    to: &'a str,
    parts: Vec<TranslationPart>,
}

impl Walker<'_> {
    /// Officer text at `path` (made only when the text is not empty).
    fn text(&mut self, text: &str, path: impl FnOnce() -> String) {
        if !text.trim().is_empty() {
            self.push(path());
        }
    }

    /// Officer text made of several lines (a list the view joins with line breaks).
    fn lines<S: AsRef<str>>(
        &mut self,
        lines: impl IntoIterator<Item = S>,
        path: impl FnOnce() -> String,
    ) {
        if lines.into_iter().any(|l| !l.as_ref().trim().is_empty()) {
            self.push(path());
        }
    }

    fn push(&mut self, path: String) {
        self.parts.push(TranslationPart {
            path,
            from: self.from.to_owned(),
            to: self.to.to_owned(),
        });
    }
}

/// The parts of the letter in `lang` that still need a human translation, as
/// [`crate::view::build`] would report them. Empty when the letter is in the drafting
/// language.
pub(crate) fn translation_parts(
    req: &Request,
    pack: &LanguagePack,
    central_authority: Option<&CentralAuthority>,
) -> Vec<TranslationPart> {
    let lang = pack.language.code.as_str();
    let from = req.drafting_language.trim().to_lowercase();
    if from == lang {
        return Vec::new();
    }
    let mut w = Walker {
        from: &from,
        to: lang,
        parts: Vec::new(),
    };
    let ra = &req.requesting_authority;
    w.text(&ra.name, || "requesting_authority.name".into());
    w.text(&ra.address, || "requesting_authority.address".into());
    // The central authority a profile names is the State's own wording, not officer text.
    if central_authority.is_none_or(|ca| ca.name.trim().is_empty()) {
        w.text(&req.addressee.name, || "addressee.name".into());
        w.text(&req.addressee.address, || "addressee.address".into());
    }
    for (i, basis) in req.legal_basis.iter().enumerate() {
        match basis {
            model::LegalBasis::BilateralTreaty { name, .. }
            | model::LegalBasis::RegionalConvention { name } => {
                w.text(name, || format!("legal_basis[{i}].name"))
            }
            model::LegalBasis::DomesticLaw { citation } => {
                w.text(citation, || format!("legal_basis[{i}].citation"))
            }
            model::LegalBasis::Uncac
            | model::LegalBasis::Untoc
            | model::LegalBasis::Reciprocity { .. } => {}
        }
    }
    w.text(&req.urgency.reason, || "urgency.reason".into());
    w.text(&req.confidentiality.reason, || {
        "confidentiality.reason".into()
    });
    w.text(&req.case.subject, || "case.subject".into());
    let ca = &req.case.conducting_authority;
    w.text(&ca.name, || "case.conducting_authority.name".into());
    w.text(&ca.functions, || {
        "case.conducting_authority.functions".into()
    });
    for (i, o) in req.offences.iter().enumerate() {
        w.text(&o.label, || format!("offences[{i}].label"));
        w.text(&o.provision, || format!("offences[{i}].provision"));
        w.text(&o.provision_text, || {
            format!("offences[{i}].provision_text")
        });
        w.text(&o.penalty, || format!("offences[{i}].penalty"));
    }
    w.text(&req.facts, || "facts".into());
    for (i, m) in req.measures.iter().enumerate() {
        // A measure's rows depend on its type: the view's own rows say which are officer
        // text (only this measure's rows are built).
        w.parts.extend(view::measure_parts(req, pack, &from, i, m));
    }
    for (i, p) in req.persons.iter().enumerate() {
        w.text(&p.name, || format!("persons[{i}].name"));
        w.lines(&p.identity_documents, || {
            format!("persons[{i}].identity_documents")
        });
        w.text(&p.location, || format!("persons[{i}].location"));
    }
    for (i, a) in req.assets.iter().enumerate() {
        w.text(&a.description, || format!("assets[{i}].description"));
        w.text(&a.institution, || format!("assets[{i}].institution"));
        w.text(&view::person_name(req, &a.holder_person_id), || {
            format!("assets[{i}].holder_person_id")
        });
        w.text(&a.link_to_offence, || {
            format!("assets[{i}].link_to_offence")
        });
    }
    w.text(&req.purpose, || "purpose".into());
    w.text(&req.nexus, || "nexus".into());
    w.text(&req.procedures, || "procedures".into());
    w.text(&req.assurances.costs, || "assurances.costs".into());
    // Time limits print only the offences' labels, listed above.
    let officer = &ra.officer;
    w.text(&officer.name, || "requesting_authority.officer.name".into());
    w.text(&officer.function, || {
        "requesting_authority.officer.function".into()
    });
    for (i, a) in req.attachments.iter().enumerate() {
        w.text(&a.title, || format!("attachments[{i}].title"));
    }
    w.text(&req.signatory.name, || "signatory.name".into());
    w.text(&req.signatory.function, || "signatory.function".into());
    w.text(&req.signatory.place, || "signatory.place".into());
    w.parts
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use mla_core::{parse_request, ProfileSet, Request};
    use serde_json::Value;

    use crate::{addressee_from_profile, CentralAuthority, Letters, LANGUAGES};

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
    }

    /// RFC 7396 JSON merge patch, as the rule fixtures of mla-core use it.
    fn merge(target: &mut Value, patch: &Value) {
        let Value::Object(patch) = patch else {
            *target = patch.clone();
            return;
        };
        if !target.is_object() {
            *target = Value::Object(Default::default());
        }
        let map = target.as_object_mut().unwrap();
        for (key, value) in patch {
            if value.is_null() {
                map.remove(key);
            } else {
                merge(map.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }

    /// The examples (defective ones that parse too) and the letter fixture, each drafted in
    /// three languages; mla-core's rule baseline with each rule fixture's `fail` and `pass`
    /// patch, as drafted. With whether to try every addressee on it.
    fn corpus() -> Vec<(String, Request, bool)> {
        let r = root();
        let mut files = vec![r.join("src-tauri/crates/mla-letter/tests/fixtures/rich.mla.json")];
        for dir in [
            r.join("assets/examples"),
            r.join("assets/examples/defective"),
        ] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.to_string_lossy().ends_with(".mla.json") {
                    files.push(path);
                }
            }
        }
        let mut out = Vec::new();
        for path in files {
            if let Ok(req) = parse_request(&std::fs::read(&path).unwrap()) {
                for drafting in [req.drafting_language.clone(), " FR ".into(), "es".into()] {
                    let mut r = req.clone();
                    r.drafting_language = drafting.clone();
                    out.push((
                        format!("{} drafted in {drafting:?}", path.display()),
                        r,
                        true,
                    ));
                }
            }
        }
        // The rule fixtures, declared beside each rule in mla-core's family files: merge
        // patches over the baseline (or the State baseline) request.
        let fixtures = r.join("src-tauri/crates/mla-core/tests/fixtures");
        let read = |name: &str| -> Value {
            serde_json::from_slice(&std::fs::read(fixtures.join(name)).unwrap()).unwrap()
        };
        let (baseline, state_baseline) =
            (read("baseline.mla.json"), read("state-baseline.mla.json"));
        for (rule, fixture) in mla_core::rules::rule_fixtures() {
            let base = match fixture.baseline.as_deref() {
                Some("state") => &state_baseline,
                _ => &baseline,
            };
            for (side, patch) in [("fail", &fixture.fail), ("pass", &fixture.pass)] {
                let mut value = base.clone();
                merge(&mut value, &serde_json::from_str(patch).unwrap());
                if let Ok(req) = serde_json::from_value::<Request>(value) {
                    out.push((format!("{} ({side})", rule.id), req, false));
                }
            }
        }
        assert!(
            out.len() > 150,
            "the fixtures were not found: {}",
            out.len()
        );
        out
    }

    /// The walk lists exactly the parts the view marks, in the same order, for every
    /// request of the corpus and every letter language, addressed from the request and
    /// from a central authority without address (and, for the examples, from the profile).
    #[test]
    fn the_walk_lists_the_parts_the_view_marks_for_every_fixture() {
        let letters = Letters::load().unwrap();
        let set = ProfileSet::builtin().unwrap();
        let (mut compared, mut with_parts) = (0, 0);
        for (name, r, every_addressee) in corpus() {
            let named = CentralAuthority {
                name: "Central authority".into(),
                address: String::new(),
            };
            let mut authorities = vec![None, Some(named)];
            if every_addressee {
                let profile = set.get(r.requested_state.trim());
                authorities.push(addressee_from_profile(&r, profile));
            }
            for lang in LANGUAGES {
                let pack = &letters.packs()[lang];
                for ca in &authorities {
                    let (_, from_view) = crate::view::build(&r, pack, ca.as_ref());
                    let walked = super::translation_parts(&r, pack, ca.as_ref());
                    assert_eq!(
                        walked, from_view,
                        "{name}, letter in {lang}, addressee {ca:?}"
                    );
                    compared += 1;
                    with_parts += usize::from(!walked.is_empty());
                }
            }
        }
        assert!(
            with_parts > compared / 2 && with_parts < compared,
            "{with_parts} of {compared}"
        );
    }
}
