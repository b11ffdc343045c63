//! The logic of each rule. Every function reads the request and pushes hits by rule id;
//! nothing here indexes without checking or unwraps, so any draft can be checked.

use chrono::{Duration, NaiveDate};
use std::collections::HashSet;

use super::{is_coercive, kind_key, terms_of_art, CheckContext, Hit};
use crate::assistance::{DateRole, RefTarget};
use crate::model::*;
use crate::offences::OffenceStatus;

struct Out {
    hits: Vec<Hit>,
}

impl Out {
    fn hit(&mut self, rule_id: &'static str, path: impl Into<String>) {
        self.hits.push(Hit {
            rule_id,
            path: path.into(),
            args: Vec::new(),
        });
    }
    fn hit_with(
        &mut self,
        rule_id: &'static str,
        path: impl Into<String>,
        args: Vec<(&'static str, String)>,
    ) {
        self.hits.push(Hit {
            rule_id,
            path: path.into(),
            args,
        });
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn mpath(i: usize, field: &str) -> String {
    if field.is_empty() {
        format!("measures[{i}]")
    } else {
        format!("measures[{i}].details.{field}")
    }
}

fn num(i: usize) -> (&'static str, String) {
    ("n", (i + 1).to_string())
}

pub(super) fn run(r: &Request, ctx: &CheckContext) -> Vec<Hit> {
    let mut out = Out { hits: Vec::new() };
    content(r, ctx, &mut out);
    basis(r, ctx, &mut out);
    form(r, &mut out);
    offences(r, ctx, &mut out);
    persons(r, &mut out);
    attachments(r, &mut out);
    consistency(r, ctx, &mut out);
    time(r, ctx, &mut out);
    confidentiality(r, &mut out);
    for (i, m) in r.measures.iter().enumerate() {
        measure(r, i, m, &mut out);
    }
    dual_criminality(r, ctx, &mut out);
    plain_language(r, &mut out);
    letter(r, ctx, &mut out);
    out.hits
}

/// The letter produced from the draft: officer's text still to be translated into the
/// letter's language, grouped by part of the request (one finding per part), and template
/// wording that no legal translator has reviewed.
fn letter(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let Some(letter) = ctx.letter else {
        return;
    };
    let lang = letter.lang.trim().to_lowercase();
    if !letter.needs_translation.is_empty() {
        // What the requested State accepts, when its profile says so.
        let requested = r.requested_state.trim();
        let accepted = match ctx.profile.map(|p| p.profile_lookup()) {
            Some(super::ProfileLookup::Found(p)) if p.iso3.eq_ignore_ascii_case(requested) => {
                super::state::languages_for_request(p, r).map(|l| l.requests.join(", "))
            }
            _ => None,
        }
        .unwrap_or_else(|| crate::profile::UNKNOWN_FACT.to_owned());
        // Parts in order of first appearance: `measures[1].details.bank` → `measures[1]`.
        let mut parts: Vec<(String, String, Vec<&str>)> = Vec::new();
        for need in &letter.needs_translation {
            let part = need.path.split('.').next().unwrap_or(&need.path).to_owned();
            let from = need.from.trim().to_lowercase();
            match parts.iter_mut().find(|(p, f, _)| *p == part && *f == from) {
                Some((_, _, fields)) => fields.push(&need.path),
                None => parts.push((part, from, vec![&need.path])),
            }
        }
        for (part, from, fields) in parts {
            out.hit_with(
                "translation.letter-text",
                part,
                vec![
                    ("lang", lang.clone()),
                    ("from", from),
                    ("count", fields.len().to_string()),
                    ("fields", fields.join(", ")),
                    ("accepted", accepted.clone()),
                ],
            );
        }
    }
    if !letter.reviewed {
        out.hit_with("translation.template-unreviewed", "", vec![("lang", lang)]);
    }
}

fn content(r: &Request, ctx: &CheckContext, out: &mut Out) {
    if blank(&r.requesting_authority.name) {
        out.hit("content.requesting-authority", "requesting_authority.name");
    }
    if blank(&r.case.subject) {
        out.hit("content.subject-matter", "case.subject");
    }
    if r.case.nature == ProceedingNature::Unspecified {
        out.hit("content.proceeding-nature", "case.nature");
    }
    let ca = &r.case.conducting_authority;
    if blank(&ca.name) {
        out.hit(
            "content.conducting-authority",
            "case.conducting_authority.name",
        );
    } else if blank(&ca.functions) {
        out.hit(
            "content.conducting-authority",
            "case.conducting_authority.functions",
        );
    }
    // 46(15)(c): no summary of facts is needed when the request only seeks service.
    let only_service = !r.measures.is_empty()
        && r.measures
            .iter()
            .all(|m| matches!(m.details, MeasureDetails::ServeDocuments(_)));
    if blank(&r.facts) {
        if !only_service {
            out.hit("content.facts-summary", "facts");
        }
    } else if !only_service && r.facts.trim().chars().count() < ctx.settings.facts_min_chars {
        out.hit_with(
            "content.facts-detail",
            "facts",
            vec![("min", ctx.settings.facts_min_chars.to_string())],
        );
    }
    if r.measures.is_empty() {
        out.hit("content.assistance-sought", "measures");
    }
    if blank(&r.purpose) && !r.measures.iter().any(|m| !blank(&m.purpose)) {
        out.hit("content.purpose", "purpose");
    }
    let needs_link = r.measures.iter().any(|m| {
        !matches!(
            m.details,
            MeasureDetails::ServeDocuments(_) | MeasureDetails::Other(_)
        )
    });
    if needs_link && blank(&r.nexus) && !r.measures.iter().any(|m| !blank(&m.purpose)) {
        out.hit("content.nexus", "nexus");
    }
}

fn basis(r: &Request, ctx: &CheckContext, out: &mut Out) {
    if r.legal_basis.is_empty() {
        out.hit("basis.missing", "legal_basis");
    }
    for (i, b) in r.legal_basis.iter().enumerate() {
        match b {
            LegalBasis::BilateralTreaty { name, .. } if blank(name) => {
                out.hit("basis.treaty-name", format!("legal_basis[{i}].name"));
            }
            LegalBasis::RegionalConvention { name } if blank(name) => {
                out.hit("basis.treaty-name", format!("legal_basis[{i}].name"));
            }
            LegalBasis::Reciprocity { assurance_given }
                if !assurance_given && !r.assurances.reciprocity =>
            {
                out.hit(
                    "basis.reciprocity-assurance",
                    format!("legal_basis[{i}].assurance_given"),
                );
            }
            _ => {}
        }
    }
    // UNCAC art. 46(1): assistance "in relation to the offences covered by this
    // Convention". Flag only when every offence is categorized and none is an UNCAC one.
    if let Some(i) = r.legal_basis.iter().position(|b| *b == LegalBasis::Uncac) {
        let all_known = !r.offences.is_empty()
            && r.offences
                .iter()
                .all(|o| ctx.offences.get(o.conduct_category.trim()).is_some());
        let any_uncac = r
            .offences
            .iter()
            .any(|o| o.conduct_category.trim().starts_with("uncac."));
        if all_known && !any_uncac {
            out.hit("basis.uncac-scope", format!("legal_basis[{i}]"));
        }
    }
}

fn form(r: &Request, out: &mut Out) {
    if blank(&r.requested_state) {
        out.hit("form.requested-state", "requested_state");
    }
    if blank(&r.addressee.name) {
        out.hit("form.addressee", "addressee.name");
    }
    if r.channel == Channel::Unspecified {
        out.hit("form.channel", "channel");
    }
    if blank(&r.signatory.name) {
        out.hit("form.signatory", "signatory.name");
    } else if blank(&r.signatory.function) {
        out.hit("form.signatory", "signatory.function");
    }
    if !crate::profile::is_iso639_1(r.drafting_language.trim()) {
        out.hit_with(
            "form.drafting-language",
            "drafting_language",
            vec![("code", r.drafting_language.clone())],
        );
    }
    if r.date.is_none() {
        out.hit("form.date", "date");
    }
    let officer = &r.requesting_authority.officer;
    if blank(&officer.email) {
        out.hit(
            "contact.officer-email",
            "requesting_authority.officer.email",
        );
    }
    if blank(&officer.phone) {
        out.hit(
            "contact.officer-phone",
            "requesting_authority.officer.phone",
        );
    }
    if blank(&officer.name) {
        out.hit("contact.officer-name", "requesting_authority.officer.name");
    }
}

fn offences(r: &Request, ctx: &CheckContext, out: &mut Out) {
    if r.offences.is_empty() {
        out.hit("offence.missing", "offences");
    }
    for (j, o) in r.offences.iter().enumerate() {
        let n = ("n", (j + 1).to_string());
        if blank(&o.label) {
            out.hit_with(
                "offence.provision",
                format!("offences[{j}].label"),
                vec![n.clone()],
            );
        } else if blank(&o.provision) {
            out.hit_with(
                "offence.provision",
                format!("offences[{j}].provision"),
                vec![n.clone()],
            );
        }
        let category = o.conduct_category.trim();
        if category.is_empty() {
            out.hit_with(
                "offence.category-missing",
                format!("offences[{j}].conduct_category"),
                vec![n],
            );
        } else if ctx.offences.get(category).is_none() {
            out.hit_with(
                "offence.category-unknown",
                format!("offences[{j}].conduct_category"),
                vec![n, ("category", category.to_owned())],
            );
        }
    }
}

fn persons(r: &Request, out: &mut Out) {
    for (k, p) in r.persons.iter().enumerate() {
        let n = ("n", (k + 1).to_string());
        if blank(&p.name) {
            out.hit_with("person.name", format!("persons[{k}].name"), vec![n.clone()]);
        }
        let located_by_measure = r.measures.iter().any(|m| match &m.details {
            MeasureDetails::ServeDocuments(s) => {
                s.recipient_person_id == p.id && !blank(&s.address)
            }
            _ => false,
        });
        // "Where possible" (46(15)(e)): ask for the whereabouts of the persons the
        // requested State must find — those a measure concerns, and suspects.
        let must_be_found = matches!(p.role, PersonRole::Suspect | PersonRole::Accused)
            || r.measures
                .iter()
                .any(|m| measure_person_ids(m).contains(&p.id.as_str()));
        if blank(&p.location) && !located_by_measure && must_be_found {
            out.hit_with(
                "person.location",
                format!("persons[{k}].location"),
                vec![n.clone(), ("name", p.name.clone())],
            );
        }
        if !p.legal_person && p.nationality.is_empty() {
            out.hit_with(
                "person.nationality",
                format!("persons[{k}].nationality"),
                vec![n, ("name", p.name.clone())],
            );
        }
    }
}

/// The persons (by id) a measure concerns directly.
fn measure_person_ids(m: &Measure) -> Vec<&str> {
    m.details.person_ids()
}

fn attachments(r: &Request, out: &mut Out) {
    for (a, att) in r.attachments.iter().enumerate() {
        let args = vec![("n", (a + 1).to_string()), ("title", att.title.clone())];
        match att.translation {
            TranslationStatus::Needed | TranslationStatus::InProgress => out.hit_with(
                "translation.pending",
                format!("attachments[{a}].translation"),
                args,
            ),
            TranslationStatus::Unspecified => out.hit_with(
                "translation.unspecified",
                format!("attachments[{a}].translation"),
                args,
            ),
            TranslationStatus::NotNeeded | TranslationStatus::Done => {}
        }
    }
}

fn consistency(r: &Request, ctx: &CheckContext, out: &mut Out) {
    duplicate_ids(r, out);
    unknown_references(r, out);
    inconsistent_dates(r, ctx, out);
}

/// Duplicate ids: a reference to a duplicated id is ambiguous.
fn duplicate_ids(r: &Request, out: &mut Out) {
    let groups: [(&str, Vec<&str>); 5] = [
        ("persons", r.persons.iter().map(|p| p.id.as_str()).collect()),
        ("assets", r.assets.iter().map(|a| a.id.as_str()).collect()),
        (
            "attachments",
            r.attachments.iter().map(|a| a.id.as_str()).collect(),
        ),
        (
            "offences",
            r.offences.iter().map(|o| o.id.as_str()).collect(),
        ),
        (
            "measures",
            r.measures.iter().map(|m| m.id.as_str()).collect(),
        ),
    ];
    for (list, ids) in groups.iter() {
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            if !blank(id) && !seen.insert(*id) {
                out.hit_with(
                    "consistency.duplicate-id",
                    format!("{list}[{i}].id"),
                    vec![("id", id.to_string())],
                );
            }
        }
    }
}

/// References to a person, asset, attachment or offence the draft does not have: the
/// measures' in order, then the assets' holders.
fn unknown_references(r: &Request, out: &mut Out) {
    let persons: HashSet<&str> = r.persons.iter().map(|p| p.id.as_str()).collect();
    let assets: HashSet<&str> = r.assets.iter().map(|a| a.id.as_str()).collect();
    let attachments: HashSet<&str> = r.attachments.iter().map(|a| a.id.as_str()).collect();
    let offences: HashSet<&str> = r.offences.iter().map(|o| o.id.as_str()).collect();

    let mut unknown = |rule: &'static str, set: &HashSet<&str>, id: &str, path: String| {
        if !blank(id) && !set.contains(id) {
            out.hit_with(rule, path, vec![("id", id.to_owned())]);
        }
    };
    for (i, m) in r.measures.iter().enumerate() {
        for (k, id) in m.offence_ids.iter().enumerate() {
            unknown(
                "consistency.unknown-offence",
                &offences,
                id,
                format!("measures[{i}].offence_ids[{k}]"),
            );
        }
        measure_references(i, m, &persons, &assets, &attachments, &mut unknown);
    }
    for (k, a) in r.assets.iter().enumerate() {
        unknown(
            "consistency.unknown-person",
            &persons,
            &a.holder_person_id,
            format!("assets[{k}].holder_person_id"),
        );
    }
}

/// The references a measure's details make to persons, assets and attachments.
fn measure_references(
    i: usize,
    m: &Measure,
    persons: &HashSet<&str>,
    assets: &HashSet<&str>,
    attachments: &HashSet<&str>,
    unknown: &mut impl FnMut(&'static str, &HashSet<&str>, &str, String),
) {
    for reference in m.details.references() {
        let (id, path) = (reference.id, mpath(i, &reference.path));
        match reference.target {
            RefTarget::Person => unknown("consistency.unknown-person", persons, id, path),
            RefTarget::Asset => unknown("consistency.unknown-asset", assets, id, path),
            RefTarget::Attachment => {
                unknown("consistency.unknown-attachment", attachments, id, path)
            }
        }
    }
}

/// Periods that end before they start, returns before transfers, and planned dates
/// already past.
fn inconsistent_dates(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let period =
        |out: &mut Out, i: usize, from: Option<NaiveDate>, to: Option<NaiveDate>, f: &str| {
            if let (Some(from), Some(to)) = (from, to) {
                if from > to {
                    out.hit_with(
                        "consistency.period-order",
                        mpath(i, f),
                        vec![num(i), ("from", from.to_string()), ("to", to.to_string())],
                    );
                }
            }
        };
    for (i, m) in r.measures.iter().enumerate() {
        let dates = m.details.dates();
        let with_role = |role: DateRole| dates.iter().find(|(_, r, _)| *r == role);
        if let (Some((_, _, from)), Some((to_field, _, to))) = (
            with_role(DateRole::PeriodFrom),
            with_role(DateRole::PeriodTo),
        ) {
            period(out, i, *from, *to, to_field);
        }
        if let (Some((_, _, Some(t))), Some((back_field, _, Some(back)))) =
            (with_role(DateRole::Transfer), with_role(DateRole::Return))
        {
            if back < t {
                out.hit_with(
                    "consistency.transfer-return",
                    mpath(i, back_field),
                    vec![num(i)],
                );
            }
        }
        for (field, role, date) in &dates {
            if let (true, Some(date)) = (role.planned(), date) {
                if *date < ctx.today {
                    out.hit_with(
                        "consistency.date-past",
                        mpath(i, field),
                        vec![num(i), ("date", date.to_string())],
                    );
                }
            }
        }
    }
}

fn time(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let lead = ctx
        .profile
        .and_then(|p| p.service_lead_time_days())
        .unwrap_or(ctx.settings.service_lead_time_days);
    for (i, m) in r.measures.iter().enumerate() {
        if let MeasureDetails::ServeDocuments(d) = &m.details {
            if let Some(date) = d.appearance_date {
                let days = (date - ctx.today).num_days();
                if date >= ctx.today && days < i64::from(lead) {
                    out.hit_with(
                        "time.service-lead-time",
                        mpath(i, "appearance_date"),
                        vec![
                            num(i),
                            ("date", date.to_string()),
                            ("days", days.to_string()),
                            ("lead", lead.to_string()),
                        ],
                    );
                }
            }
        }
    }
    let execution = i64::from(ctx.settings.typical_execution_days);
    for (j, o) in r.offences.iter().enumerate() {
        let Some(date) = o.limitation_date else {
            continue;
        };
        let days = (date - ctx.today).num_days();
        let path = format!("offences[{j}].limitation_date");
        let args = vec![
            ("n", (j + 1).to_string()),
            ("date", date.to_string()),
            ("days", days.to_string()),
            ("execution", execution.to_string()),
        ];
        if days < 0 {
            out.hit_with("time.limitation-expired", path, args);
        } else if days < execution {
            out.hit_with("time.limitation-close", path, args);
        } else if days < i64::from(ctx.settings.limitation_advice_days) {
            out.hit_with("time.limitation-watch", path, args);
        }
    }
    let u = &r.urgency;
    if (u.urgent || u.deadline.is_some()) && blank(&u.reason) {
        out.hit("time.urgency-reasons", "urgency.reason");
    }
    if let Some(deadline) = u.deadline {
        if deadline < ctx.today {
            out.hit_with(
                "time.deadline-past",
                "urgency.deadline",
                vec![("date", deadline.to_string())],
            );
        } else if !u.urgent && deadline < ctx.today + Duration::days(execution) {
            out.hit_with(
                "time.deadline-tight",
                "urgency.urgent",
                vec![
                    ("date", deadline.to_string()),
                    ("execution", execution.to_string()),
                ],
            );
        }
    }
}

fn confidentiality(r: &Request, out: &mut Out) {
    if r.case.covert && !r.confidentiality.required {
        out.hit("confidentiality.covert", "confidentiality.required");
    }
    if r.confidentiality.required && blank(&r.confidentiality.reason) {
        out.hit("confidentiality.reasons", "confidentiality.reason");
    }
    if !r.measures.is_empty() && !r.assurances.speciality {
        out.hit("confidentiality.speciality", "assurances.speciality");
    }
}

fn person<'r>(r: &'r Request, id: &str) -> Option<&'r Person> {
    if blank(id) {
        return None;
    }
    r.persons.iter().find(|p| p.id == id)
}

fn asset<'r>(r: &'r Request, id: &str) -> Option<&'r Asset> {
    r.assets.iter().find(|a| a.id == id)
}

/// The rules of each kind of measure: what its details must say. A field declared
/// `required` (in `crate::assistance`) reports its rule when empty; what depends on more
/// than one field is below, per type.
fn measure(r: &Request, i: usize, m: &Measure, out: &mut Out) {
    for (field, rule_id) in m.details.missing_required() {
        out.hit_with(rule_id, mpath(i, field), vec![num(i)]);
    }
    match &m.details {
        MeasureDetails::TakeStatement(d) => check_take_statement(r, i, d, out),
        MeasureDetails::ServeDocuments(d) => check_serve_documents(r, i, d, out),
        MeasureDetails::ExamineObjectsSites(d) => check_examine_objects_sites(i, d, out),
        MeasureDetails::BankRecords(d) => check_bank_records(r, i, d, out),
        MeasureDetails::ProduceRecords(d) => check_produce_records(i, d, out),
        MeasureDetails::TraceProceeds(d) => check_trace_proceeds(i, d, out),
        MeasureDetails::FreezeAssets(d) => {
            assets_measure(r, i, &d.asset_ids, &d.link_to_offence, out)
        }
        MeasureDetails::ConfiscateAssets(d) => check_confiscate_assets(r, i, d, out),
        MeasureDetails::VideoconferenceHearing(d) => check_videoconference_hearing(i, d, out),
        MeasureDetails::TransferDetainedPerson(d) => check_transfer_detained_person(i, d, out),
        MeasureDetails::ElectronicEvidence(d) => check_electronic_evidence(i, d, out),
        _ => {}
    }
}

fn check_take_statement(r: &Request, i: usize, d: &TakeStatement, out: &mut Out) {
    let status = match (d.status, person(r, &d.person_id).map(|x| x.role)) {
        (HearingStatus::Unspecified, Some(PersonRole::Suspect | PersonRole::Accused)) => {
            HearingStatus::Suspect
        }
        (s, _) => s,
    };
    if status == HearingStatus::Suspect && blank(&d.rights) {
        out.hit_with("measure.statement.rights", mpath(i, "rights"), vec![num(i)]);
    }
}

fn check_serve_documents(r: &Request, i: usize, d: &ServeDocuments, out: &mut Out) {
    if !blank(&d.recipient_person_id)
        && blank(&d.address)
        && person(r, &d.recipient_person_id).is_none_or(|x| blank(&x.location))
    {
        out.hit_with(
            "measure.service.recipient",
            mpath(i, "address"),
            vec![num(i)],
        );
    }
}

fn check_examine_objects_sites(i: usize, d: &ExamineObjectsSites, out: &mut Out) {
    if !blank(&d.object_or_site) && blank(&d.examination) {
        out.hit_with(
            "measure.examine.object",
            mpath(i, "examination"),
            vec![num(i)],
        );
    }
}

fn check_bank_records(r: &Request, i: usize, d: &BankRecords, out: &mut Out) {
    let accounts = d.account_asset_ids.iter().any(|x| !blank(x));
    if blank(&d.bank) && !accounts {
        out.hit_with(
            "measure.bank.identification",
            mpath(i, "bank"),
            vec![num(i)],
        );
    } else if !accounts && blank(&d.holder_person_id) {
        out.hit_with(
            "measure.bank.identification",
            mpath(i, "account_asset_ids"),
            vec![num(i)],
        );
    }
    if d.period_from.is_none() || d.period_to.is_none() {
        let f = if d.period_from.is_none() {
            "period_from"
        } else {
            "period_to"
        };
        out.hit_with("measure.bank.period", mpath(i, f), vec![num(i)]);
    }
    let asset_links = accounts
        && d.account_asset_ids
            .iter()
            .all(|id| asset(r, id).is_some_and(|a| !blank(&a.link_to_offence)));
    if blank(&d.link_to_offence) && !asset_links {
        out.hit_with(
            "measure.bank.link",
            mpath(i, "link_to_offence"),
            vec![num(i)],
        );
    }
}

fn check_produce_records(i: usize, d: &ProduceRecords, out: &mut Out) {
    if !blank(&d.holder) && blank(&d.records_wanted) {
        out.hit_with(
            "measure.records.description",
            mpath(i, "records_wanted"),
            vec![num(i)],
        );
    }
}

fn check_trace_proceeds(i: usize, d: &TraceProceeds, out: &mut Out) {
    if d.person_ids.iter().all(|x| blank(x))
        && d.asset_ids.iter().all(|x| blank(x))
        && blank(&d.description)
    {
        out.hit_with(
            "measure.trace.target",
            mpath(i, "description"),
            vec![num(i)],
        );
    }
}

fn check_confiscate_assets(r: &Request, i: usize, d: &ConfiscateAssets, out: &mut Out) {
    assets_measure(r, i, &d.asset_ids, &d.link_to_offence, out);
    if !blank(&d.order_attachment_id) && !d.order_final {
        out.hit_with(
            "measure.confiscation.final",
            mpath(i, "order_final"),
            vec![num(i)],
        );
    }
}

fn check_videoconference_hearing(i: usize, d: &VideoconferenceHearing, out: &mut Out) {
    if d.proposed_date.is_none() {
        out.hit_with(
            "measure.video.arrangements",
            mpath(i, "proposed_date"),
            vec![num(i)],
        );
    } else if blank(&d.technical_contact) {
        out.hit_with(
            "measure.video.arrangements",
            mpath(i, "technical_contact"),
            vec![num(i)],
        );
    }
}

fn check_transfer_detained_person(i: usize, d: &TransferDetainedPerson, out: &mut Out) {
    if d.transfer_date.is_none() || d.return_date.is_none() {
        let f = if d.transfer_date.is_none() {
            "transfer_date"
        } else {
            "return_date"
        };
        out.hit_with("measure.transfer.dates", mpath(i, f), vec![num(i)]);
    }
}

fn check_electronic_evidence(i: usize, d: &ElectronicEvidence, out: &mut Out) {
    if d.date_from.is_none() || d.date_to.is_none() {
        let f = if d.date_from.is_none() {
            "date_from"
        } else {
            "date_to"
        };
        out.hit_with("measure.e-evidence.period", mpath(i, f), vec![num(i)]);
    }
    if d.risk_of_loss && !d.preservation_requested {
        out.hit_with(
            "measure.e-evidence.preservation",
            mpath(i, "preservation_requested"),
            vec![num(i)],
        );
    }
}

/// Freezing and confiscation: which assets, and why they are linked to the offence.
fn assets_measure(r: &Request, i: usize, ids: &[String], link: &str, out: &mut Out) {
    if ids.iter().all(|x| blank(x)) {
        out.hit_with("measure.assets.list", mpath(i, "asset_ids"), vec![num(i)]);
        return;
    }
    let every_asset_linked = ids
        .iter()
        .all(|id| asset(r, id).is_some_and(|a| !blank(&a.link_to_offence)));
    if blank(link) && !every_asset_linked {
        out.hit_with(
            "measure.assets.link",
            mpath(i, "link_to_offence"),
            vec![num(i)],
        );
    }
}

fn dual_criminality(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let mut described: HashSet<usize> = HashSet::new();
    for (i, m) in r.measures.iter().enumerate() {
        if !is_coercive(kind_key(r, m)) {
            // UNCAC art. 46(9)(b): non-coercive assistance is not refused for lack of dual
            // criminality; nothing to say.
            continue;
        }
        if ctx.profile.and_then(|p| p.requires_dual_criminality(true)) == Some(false) {
            // The State's profile records that it does not require dual criminality.
            continue;
        }
        for (j, o) in r.offences.iter().enumerate() {
            let linked = if m.offence_ids.iter().all(|x| blank(x)) {
                true
            } else {
                m.offence_ids.contains(&o.id)
            };
            if !linked {
                continue;
            }
            let category = o.conduct_category.trim();
            let args = || {
                vec![
                    num(i),
                    ("kind", kind_key(r, m).to_owned()),
                    ("offence", o.label.clone()),
                    ("category", category.to_owned()),
                ]
            };
            if let Some(entry) = ctx.offences.get(category) {
                match ctx.profile.and_then(|p| p.criminalizes(category)) {
                    Some(true) => {}
                    Some(false) => out.hit_with("dual.not-criminalized", mpath(i, ""), args()),
                    None if entry.status == OffenceStatus::Optional => {
                        out.hit_with("dual.optional-offence", mpath(i, ""), args())
                    }
                    None => {}
                }
            }
            if blank(&o.provision_text) && described.insert(j) {
                out.hit_with(
                    "dual.conduct-description",
                    format!("offences[{j}].provision_text"),
                    vec![("n", (j + 1).to_string()), ("offence", o.label.clone())],
                );
            }
        }
    }
    // UNTOC art. 18(9): assistance without dual criminality is at the requested State's
    // discretion, for every type of assistance.
    let untoc = r.legal_basis.iter().position(|b| *b == LegalBasis::Untoc);
    let other_instrument = r.legal_basis.iter().any(|b| {
        matches!(
            b,
            LegalBasis::Uncac
                | LegalBasis::BilateralTreaty { .. }
                | LegalBasis::RegionalConvention { .. }
        )
    });
    if let Some(k) = untoc {
        if !other_instrument && !r.measures.is_empty() {
            out.hit("dual.untoc-discretionary", format!("legal_basis[{k}]"));
        }
    }
}

fn plain_language(r: &Request, out: &mut Out) {
    let mut fields: Vec<(String, &str)> = vec![
        ("facts".into(), r.facts.as_str()),
        ("purpose".into(), r.purpose.as_str()),
        ("nexus".into(), r.nexus.as_str()),
        ("procedures".into(), r.procedures.as_str()),
        ("case.subject".into(), r.case.subject.as_str()),
    ];
    for (i, m) in r.measures.iter().enumerate() {
        fields.push((format!("measures[{i}].purpose"), m.purpose.as_str()));
        fields.push((format!("measures[{i}].procedure"), m.procedure.as_str()));
        match &m.details {
            MeasureDetails::SearchSeizure(d) => {
                fields.push((mpath(i, "grounds"), d.grounds.as_str()))
            }
            MeasureDetails::BankRecords(d) => {
                fields.push((mpath(i, "link_to_offence"), d.link_to_offence.as_str()))
            }
            MeasureDetails::FreezeAssets(d) => {
                fields.push((mpath(i, "link_to_offence"), d.link_to_offence.as_str()))
            }
            MeasureDetails::ConfiscateAssets(d) => {
                fields.push((mpath(i, "link_to_offence"), d.link_to_offence.as_str()))
            }
            _ => {}
        }
    }
    for (path, text) in fields {
        if blank(text) {
            continue;
        }
        let lower = text.to_lowercase();
        for terms in terms_of_art().values() {
            for term in terms {
                if let Some(found) = unexplained(&lower, term) {
                    out.hit_with(
                        "language.terms-of-art",
                        path.clone(),
                        vec![("term", found.to_owned())],
                    );
                }
            }
        }
    }
}

/// The term, if it occurs as a whole word in `lower` at least once without an explanation
/// right after it.
pub(super) fn unexplained<'t>(lower: &str, term: &'t str) -> Option<&'t str> {
    let mut from = 0;
    while let Some(pos) = lower[from..].find(term) {
        let start = from + pos;
        let end = start + term.len();
        from = end;
        let before_ok = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = &lower[end..];
        // Allow plurals and French/Spanish inflections ("indictments", "réquisitoires").
        let after = after.strip_prefix('s').unwrap_or(after);
        let after_ok = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !before_ok || !after_ok {
            continue;
        }
        let next = after.trim_start();
        let next = next.strip_prefix(',').unwrap_or(next).trim_start();
        let explained = [
            "(",
            "[",
            "–",
            "—",
            "-",
            ":",
            "i.e.",
            "that is",
            "meaning",
            "c'est-à-dire",
            "c’est-à-dire",
            "es decir",
            "o sea",
        ]
        .iter()
        .any(|m| next.starts_with(m));
        // The term may itself be the gloss: "a panel of citizens (grand jury)".
        let glossed = lower[..start].trim_end().ends_with('(');
        if !explained && !glossed {
            return Some(term);
        }
    }
    None
}
