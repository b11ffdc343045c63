//! The view the templates receive: made for them, not the raw request model.
//!
//! Template wording is already in the letter's language. Text the officer typed is
//! carried as [`UserText`]: it is never translated, and when the letter's language
//! differs from the drafting language it is marked as needing translation.

use mla_core::assistance::{self, DateRole, FieldValue};
use mla_core::{
    Asset, AssetKind, DataCategory, HearingStatus, LegalBasis, Measure, MeasureDetails, Offence,
    Person, PersonRole, ProceedingNature, Request,
};
use serde::Serialize;

use crate::lang::LanguagePack;

/// A part of the letter that the officer typed and that still needs a human translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslationPart {
    /// Field path in the request, e.g. `facts` or `offences[0].provision_text`.
    pub path: String,
    /// Language the officer wrote it in (ISO 639-1).
    pub from: String,
    /// Language of the letter.
    pub to: String,
}

/// Officer-typed text as the templates see it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct UserText {
    /// The text, with control characters replaced (see [`sanitize`]).
    pub text: String,
    /// True when the letter's language differs from the drafting language.
    pub nt: bool,
    /// Drafting language, upper case (for the "[needs translation from XX]" marker).
    pub from: String,
    /// Shown instead of the text when it is empty.
    pub placeholder: String,
}

/// The addressee as printed. The central authority the requested State's profile
/// designates (see [`crate::addressee_from_profile`]), passed through
/// [`crate::LetterOptions::central_authority`], takes precedence; otherwise the request's
/// `addressee` field. A name or address known from neither is printed as the pack's
/// "unknown — verify" line, never guessed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AddresseeView {
    pub name: UserText,
    pub address: UserText,
    /// Where the addressee comes from: "request" or "profile".
    pub source: &'static str,
}

/// The central authority of the requested State, as a State profile records it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CentralAuthority {
    pub name: String,
    /// Postal address; empty when the profile does not record it (printed as unknown).
    pub address: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LetterView {
    pub lang: String,
    pub dir: String,
    /// True when the template wording is not reviewed (see [`crate::LanguageInfo::reviewed`]).
    pub draft: bool,
    pub draft_notice: String,
    pub not_provided: String,
    pub reference: String,
    pub document_id: String,
    pub date: String,
    pub place: UserText,
    pub requested_state: String,
    pub requesting: RequestingView,
    pub addressee: AddresseeView,
    pub legal_basis: Vec<LegalBasisView>,
    pub urgency: UrgencyView,
    pub confidentiality: ConfidentialityView,
    pub case: CaseView,
    pub offences: Vec<OffenceView>,
    pub facts: UserText,
    pub measures: Vec<MeasureView>,
    pub persons: Vec<PersonView>,
    pub assets: Vec<AssetView>,
    pub purpose: UserText,
    pub nexus: UserText,
    pub procedures: UserText,
    pub assurances: AssurancesView,
    pub time_limits: Vec<TimeLimitView>,
    pub contact: ContactView,
    pub annexes: Vec<AnnexView>,
    pub signatory: SignatoryView,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequestingView {
    pub name: UserText,
    pub address: UserText,
    pub country: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LegalBasisView {
    pub label: String,
    pub detail: UserText,
    /// Date of a bilateral treaty, formatted in the letter's language (or empty).
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UrgencyView {
    pub urgent: bool,
    pub reason: UserText,
    pub deadline: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConfidentialityView {
    pub required: bool,
    pub reason: UserText,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    pub nature: String,
    pub subject: UserText,
    pub case_number: String,
    pub conducting_name: UserText,
    pub conducting_functions: UserText,
    pub covert: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct OffenceView {
    pub label: UserText,
    pub provision: UserText,
    pub provision_text: UserText,
    pub penalty: UserText,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeasureView {
    pub number: usize,
    pub kind: &'static str,
    pub title: String,
    pub purpose: UserText,
    pub procedure: UserText,
    pub rows: Vec<RowView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub label: String,
    pub value: UserText,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: UserText,
    pub role: String,
    pub birth: String,
    pub nationality: String,
    pub documents: UserText,
    pub location: UserText,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssetView {
    pub kind: String,
    pub description: UserText,
    pub institution: UserText,
    pub identifier: UserText,
    pub holder: UserText,
    pub value: String,
    pub link: UserText,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssurancesView {
    pub speciality: bool,
    pub reciprocity: bool,
    pub costs: Option<UserText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimeLimitView {
    pub label: String,
    pub date: String,
    pub detail: Option<UserText>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub name: UserText,
    pub function: UserText,
    pub email: UserText,
    pub phone: UserText,
    pub languages: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnnexView {
    pub number: usize,
    pub title: UserText,
    pub language: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SignatoryView {
    pub name: UserText,
    pub function: UserText,
}

/// Replace characters that cannot appear in a letter: control characters other than
/// line feed become a visible U+FFFD, tabs become spaces, CR LF becomes LF, and
/// non-characters (U+FFFE, U+FFFF) become U+FFFD. Never drops text silently.
pub fn sanitize(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            '\r' => '\n',
            c if c.is_control() => '\u{FFFD}',
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

struct Builder<'a> {
    pack: &'a LanguagePack,
    lang: &'a str,
    from: &'a str,
    nt: bool,
    parts: Vec<TranslationPart>,
}

impl Builder<'_> {
    fn ut(&mut self, path: impl Into<String>, text: &str) -> UserText {
        let text = sanitize(text.trim());
        let nt = self.nt && !text.is_empty();
        if nt {
            self.parts.push(TranslationPart {
                path: path.into(),
                from: self.from.to_owned(),
                to: self.lang.to_owned(),
            });
        }
        UserText {
            placeholder: if text.is_empty() {
                self.pack.language.not_provided.clone()
            } else {
                String::new()
            },
            text,
            nt,
            from: self.from.to_uppercase(),
        }
    }

    /// Officer-typed text shown as `unknown` when empty (instead of "not provided").
    fn ut_or_unknown(&mut self, path: &str, text: &str, unknown: &str) -> UserText {
        let mut t = self.ut(path, text);
        if t.text.is_empty() {
            t.placeholder = unknown.to_owned();
        }
        t
    }

    /// Text composed by us from codes and dates: never needs translation.
    fn plain(&self, text: String) -> UserText {
        UserText {
            placeholder: if text.is_empty() {
                self.pack.language.not_provided.clone()
            } else {
                String::new()
            },
            text,
            nt: false,
            from: String::new(),
        }
    }

    fn date(&self, date: Option<chrono::NaiveDate>) -> String {
        date.map(|d| self.pack.format_date(d)).unwrap_or_default()
    }

    fn yes_no(&self, value: bool) -> UserText {
        self.plain(if value {
            self.pack.language.yes.clone()
        } else {
            self.pack.language.no.clone()
        })
    }

    fn field(&self, key: &str) -> String {
        LanguagePack::label(&self.pack.field, key).to_owned()
    }
}

fn nature_key(n: ProceedingNature) -> &'static str {
    match n {
        ProceedingNature::Unspecified => "unspecified",
        ProceedingNature::Investigation => "investigation",
        ProceedingNature::Prosecution => "prosecution",
        ProceedingNature::JudicialProceeding => "judicial_proceeding",
        ProceedingNature::CivilOrAdministrative => "civil_or_administrative",
    }
}

fn role_key(r: PersonRole) -> &'static str {
    match r {
        PersonRole::Unspecified => "unspecified",
        PersonRole::Suspect => "suspect",
        PersonRole::Accused => "accused",
        PersonRole::Witness => "witness",
        PersonRole::Victim => "victim",
        PersonRole::Expert => "expert",
        PersonRole::AccountHolder => "account_holder",
        PersonRole::ThirdParty => "third_party",
    }
}

fn asset_key(k: AssetKind) -> &'static str {
    match k {
        AssetKind::Unspecified => "unspecified",
        AssetKind::BankAccount => "bank_account",
        AssetKind::RealEstate => "real_estate",
        AssetKind::Vehicle => "vehicle",
        AssetKind::CompanyShares => "company_shares",
        AssetKind::VirtualAssets => "virtual_assets",
        AssetKind::Cash => "cash",
        AssetKind::Other => "other",
    }
}

fn status_key(s: HearingStatus) -> &'static str {
    match s {
        HearingStatus::Unspecified => "unspecified",
        HearingStatus::Witness => "witness",
        HearingStatus::Suspect => "suspect",
        HearingStatus::Expert => "expert",
        HearingStatus::Victim => "victim",
    }
}

fn category_key(c: DataCategory) -> &'static str {
    match c {
        DataCategory::Subscriber => "subscriber",
        DataCategory::Traffic => "traffic",
        DataCategory::Content => "content",
    }
}

/// Every enumeration key the view looks up, by table; checked against every pack at load.
pub(crate) fn required_keys() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        (
            "nature",
            vec![
                "unspecified",
                "investigation",
                "prosecution",
                "judicial_proceeding",
                "civil_or_administrative",
            ],
        ),
        (
            "role",
            vec![
                "unspecified",
                "suspect",
                "accused",
                "witness",
                "victim",
                "expert",
                "account_holder",
                "third_party",
            ],
        ),
        (
            "asset_kind",
            vec![
                "unspecified",
                "bank_account",
                "real_estate",
                "vehicle",
                "company_shares",
                "virtual_assets",
                "cash",
                "other",
            ],
        ),
        (
            "status",
            vec!["unspecified", "witness", "suspect", "expert", "victim"],
        ),
        ("data_category", vec!["subscriber", "traffic", "content"]),
        (
            "legal_basis",
            vec![
                "uncac",
                "untoc",
                "bilateral_treaty",
                "regional_convention",
                "reciprocity",
                "reciprocity_assured",
                "domestic_law",
            ],
        ),
        (
            "time_limit",
            vec![
                "deadline",
                "limitation",
                "appearance",
                "hearing",
                "transfer",
            ],
        ),
    ]
}

pub(crate) fn person_name(req: &Request, id: &str) -> String {
    match req.persons.iter().find(|p| p.id == id) {
        Some(p) if !p.name.trim().is_empty() => p.name.clone(),
        _ => id.to_owned(),
    }
}

fn asset_label(req: &Request, id: &str) -> String {
    match req.assets.iter().find(|a| a.id == id) {
        Some(a) => {
            let parts: Vec<&str> = [a.description.trim(), a.identifier.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            if parts.is_empty() {
                id.to_owned()
            } else {
                parts.join(" — ")
            }
        }
        None => id.to_owned(),
    }
}

fn attachment_label(req: &Request, id: &str) -> String {
    match req.attachments.iter().position(|a| a.id == id) {
        Some(i) => {
            let a = &req.attachments[i];
            format!("{} ({})", a.title.trim(), i + 1)
        }
        None => id.to_owned(),
    }
}

pub(crate) fn build(
    req: &Request,
    pack: &LanguagePack,
    central_authority: Option<&CentralAuthority>,
) -> (LetterView, Vec<TranslationPart>) {
    let lang = pack.language.code.as_str();
    let from = req.drafting_language.trim().to_lowercase();
    let mut b = Builder {
        pack,
        lang,
        from: &from,
        nt: from != lang,
        parts: Vec::new(),
    };

    let requesting = RequestingView {
        name: b.ut("requesting_authority.name", &req.requesting_authority.name),
        address: b.ut(
            "requesting_authority.address",
            &req.requesting_authority.address,
        ),
        country: req.requesting_authority.country.clone(),
    };
    let addressee = addressee_view(&mut b, req, central_authority);

    let legal_basis = req
        .legal_basis
        .iter()
        .enumerate()
        .map(|(i, basis)| legal_basis_view(&mut b, i, basis))
        .collect();

    let urgency = UrgencyView {
        urgent: req.urgency.urgent,
        reason: b.ut("urgency.reason", &req.urgency.reason),
        deadline: b.date(req.urgency.deadline),
    };
    let confidentiality = ConfidentialityView {
        required: req.confidentiality.required,
        reason: b.ut("confidentiality.reason", &req.confidentiality.reason),
    };
    let case = case_view(&mut b, req);

    let offences = req
        .offences
        .iter()
        .enumerate()
        .map(|(i, o)| offence_view(&mut b, i, o))
        .collect();

    let facts = b.ut("facts", &req.facts);
    let measures = req
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| measure_view(&mut b, req, i, m))
        .collect();
    let persons = req
        .persons
        .iter()
        .enumerate()
        .map(|(i, p)| person_view(&mut b, i, p))
        .collect();
    let assets = req
        .assets
        .iter()
        .enumerate()
        .map(|(i, a)| asset_view(&mut b, req, i, a))
        .collect();
    let purpose = b.ut("purpose", &req.purpose);
    let nexus = b.ut("nexus", &req.nexus);
    let procedures = b.ut("procedures", &req.procedures);
    let assurances = AssurancesView {
        speciality: req.assurances.speciality,
        reciprocity: req.assurances.reciprocity,
        costs: if req.assurances.costs.trim().is_empty() {
            None
        } else {
            Some(b.ut("assurances.costs", &req.assurances.costs))
        },
    };

    let time_limits = time_limit_views(&mut b, req);

    let contact = contact_view(&mut b, req);
    let annexes = req
        .attachments
        .iter()
        .enumerate()
        .map(|(i, a)| AnnexView {
            number: i + 1,
            title: b.ut(format!("attachments[{i}].title"), &a.title),
            language: a.language.to_uppercase(),
        })
        .collect();
    let signatory = SignatoryView {
        name: b.ut("signatory.name", &req.signatory.name),
        function: b.ut("signatory.function", &req.signatory.function),
    };
    let place = b.ut("signatory.place", &req.signatory.place);

    let view = LetterView {
        lang: lang.to_owned(),
        dir: pack.language.dir.clone(),
        draft: !pack.language.reviewed,
        draft_notice: pack.language.draft_notice.clone(),
        not_provided: pack.language.not_provided.clone(),
        reference: sanitize(req.reference.trim()),
        document_id: sanitize(req.id.trim()),
        date: b.date(req.date),
        place,
        requested_state: req.requested_state.clone(),
        requesting,
        addressee,
        legal_basis,
        urgency,
        confidentiality,
        case,
        offences,
        facts,
        measures,
        persons,
        assets,
        purpose,
        nexus,
        procedures,
        assurances,
        time_limits,
        contact,
        annexes,
        signatory,
    };
    let mut parts = b.parts;
    // The offence label is used twice (offences and time limits): report each path once.
    let mut seen = std::collections::BTreeSet::new();
    parts.retain(|p| seen.insert(p.path.clone()));
    (view, parts)
}

/// The case: its nature, subject, number and the authority conducting it.
fn case_view(b: &mut Builder<'_>, req: &Request) -> CaseView {
    CaseView {
        nature: LanguagePack::label(&b.pack.nature, nature_key(req.case.nature)).to_owned(),
        subject: b.ut("case.subject", &req.case.subject),
        case_number: sanitize(req.case.case_number.trim()),
        conducting_name: b.ut(
            "case.conducting_authority.name",
            &req.case.conducting_authority.name,
        ),
        conducting_functions: b.ut(
            "case.conducting_authority.functions",
            &req.case.conducting_authority.functions,
        ),
        covert: req.case.covert,
    }
}

/// One offence as the letter states it.
fn offence_view(b: &mut Builder<'_>, i: usize, o: &Offence) -> OffenceView {
    OffenceView {
        label: b.ut(format!("offences[{i}].label"), &o.label),
        provision: b.ut(format!("offences[{i}].provision"), &o.provision),
        provision_text: b.ut(format!("offences[{i}].provision_text"), &o.provision_text),
        penalty: b.ut(format!("offences[{i}].penalty"), &o.penalty),
    }
}

/// To whom the letter goes: the central authority the profile names, else the addressee
/// the officer typed.
fn addressee_view(
    b: &mut Builder<'_>,
    req: &Request,
    central_authority: Option<&CentralAuthority>,
) -> AddresseeView {
    let pack = b.pack;
    let info = &pack.language;
    match central_authority.filter(|ca| !ca.name.trim().is_empty()) {
        Some(ca) => {
            // The official name and address as the profile's source gives them: not
            // officer text, so never marked for translation.
            let mut address = b.plain(sanitize(ca.address.trim()));
            if address.text.is_empty() {
                address.placeholder = info.address_unknown.clone();
            }
            AddresseeView {
                name: b.plain(sanitize(ca.name.trim())),
                address,
                source: "profile",
            }
        }
        None => AddresseeView {
            name: b.ut_or_unknown(
                "addressee.name",
                &req.addressee.name,
                &info.addressee_unknown,
            ),
            address: b.ut_or_unknown(
                "addressee.address",
                &req.addressee.address,
                &info.address_unknown,
            ),
            source: "request",
        },
    }
}

/// One legal basis: its label, the officer's detail and the treaty's date.
fn legal_basis_view(b: &mut Builder<'_>, i: usize, basis: &LegalBasis) -> LegalBasisView {
    let pack = b.pack;
    let lb = &pack.legal_basis;
    // The treaty's date is ours to format; kept apart from the officer's text.
    let mut treaty_date = String::new();
    let (key, detail) = match basis {
        LegalBasis::Uncac => ("uncac", b.plain(String::new())),
        LegalBasis::Untoc => ("untoc", b.plain(String::new())),
        LegalBasis::BilateralTreaty { name, date } => {
            treaty_date = b.date(*date);
            (
                "bilateral_treaty",
                b.ut(format!("legal_basis[{i}].name"), name),
            )
        }
        LegalBasis::RegionalConvention { name } => (
            "regional_convention",
            b.ut(format!("legal_basis[{i}].name"), name),
        ),
        LegalBasis::Reciprocity { assurance_given } => (
            if *assurance_given {
                "reciprocity_assured"
            } else {
                "reciprocity"
            },
            b.plain(String::new()),
        ),
        LegalBasis::DomesticLaw { citation } => (
            "domestic_law",
            b.ut(format!("legal_basis[{i}].citation"), citation),
        ),
    };
    let mut detail = detail;
    if detail.text.is_empty() {
        // Nothing more to say about a convention: leave the cell empty, not "not provided".
        detail.placeholder = "—".to_owned();
    }
    LegalBasisView {
        label: LanguagePack::label(lb, key).to_owned(),
        detail,
        date: treaty_date,
    }
}

/// The dates the letter lists as time limits: the deadline, the offences' limitation
/// dates, then the measures' appearance, hearing and transfer dates.
fn time_limit_views(b: &mut Builder<'_>, req: &Request) -> Vec<TimeLimitView> {
    let mut time_limits = Vec::new();
    let pack = b.pack;
    let tl = &pack.time_limit;
    if let Some(d) = req.urgency.deadline {
        time_limits.push(TimeLimitView {
            label: LanguagePack::label(tl, "deadline").to_owned(),
            date: b.date(Some(d)),
            detail: None,
        });
    }
    for (i, o) in req.offences.iter().enumerate() {
        if let Some(d) = o.limitation_date {
            let detail = b.ut(format!("offences[{i}].label"), &o.label);
            time_limits.push(TimeLimitView {
                label: LanguagePack::label(tl, "limitation").to_owned(),
                date: b.date(Some(d)),
                detail: Some(detail),
            });
        }
    }
    for m in &req.measures {
        for (_, role, date) in m.details.dates() {
            let (Some(key), Some(d)) = (role.time_limit(), date) else {
                continue;
            };
            time_limits.push(TimeLimitView {
                label: format!(
                    "{} — {}",
                    LanguagePack::label(tl, key),
                    measure_title(b.lang, m.details.kind())
                ),
                date: b.date(Some(d)),
                detail: None,
            });
        }
    }
    time_limits
}

/// The officer to contact about the request.
fn contact_view(b: &mut Builder<'_>, req: &Request) -> ContactView {
    let officer = &req.requesting_authority.officer;
    ContactView {
        name: b.ut("requesting_authority.officer.name", &officer.name),
        function: b.ut("requesting_authority.officer.function", &officer.function),
        email: b.plain(sanitize(officer.email.trim())),
        phone: b.plain(sanitize(officer.phone.trim())),
        languages: officer
            .languages
            .iter()
            .map(|l| l.to_uppercase())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn person_view(b: &mut Builder<'_>, i: usize, p: &Person) -> PersonView {
    let mut birth = b.date(p.date_of_birth);
    if !p.place_of_birth.trim().is_empty() {
        if !birth.is_empty() {
            birth.push_str(", ");
        }
        birth.push_str(&sanitize(p.place_of_birth.trim()));
    }
    PersonView {
        name: b.ut(format!("persons[{i}].name"), &p.name),
        role: LanguagePack::label(&b.pack.role, role_key(p.role)).to_owned(),
        birth,
        nationality: p.nationality.join(", "),
        documents: b.ut(
            format!("persons[{i}].identity_documents"),
            &p.identity_documents.join("\n"),
        ),
        location: b.ut(format!("persons[{i}].location"), &p.location),
    }
}

fn asset_view(b: &mut Builder<'_>, req: &Request, i: usize, a: &Asset) -> AssetView {
    AssetView {
        kind: LanguagePack::label(&b.pack.asset_kind, asset_key(a.kind)).to_owned(),
        description: b.ut(format!("assets[{i}].description"), &a.description),
        institution: b.ut(format!("assets[{i}].institution"), &a.institution),
        identifier: b.plain(sanitize(a.identifier.trim())),
        holder: b.ut(
            format!("assets[{i}].holder_person_id"),
            &person_name(req, &a.holder_person_id),
        ),
        value: a
            .estimated_value
            .as_ref()
            .map(|m| format!("{} {}", m.amount, m.currency))
            .unwrap_or_default(),
        link: b.ut(format!("assets[{i}].link_to_offence"), &a.link_to_offence),
    }
}

fn measure_view(b: &mut Builder<'_>, req: &Request, i: usize, m: &Measure) -> MeasureView {
    let p = format!("measures[{i}].details");
    let mut rows: Vec<RowView> = Vec::new();
    let offences: Vec<String> = m
        .offence_ids
        .iter()
        .map(|id| match req.offences.iter().find(|o| &o.id == id) {
            Some(o) if !o.label.trim().is_empty() => o.label.clone(),
            _ => id.clone(),
        })
        .collect();
    if !offences.is_empty() {
        let v = b.ut(format!("measures[{i}].offence_ids"), &offences.join("\n"));
        row(&mut rows, b, "offences", v);
    }
    detail_rows(b, req, &p, &m.details, &mut rows);
    MeasureView {
        number: i + 1,
        kind: m.details.kind(),
        title: measure_title(b.lang, m.details.kind()).to_owned(),
        purpose: b.ut(format!("measures[{i}].purpose"), &m.purpose),
        procedure: b.ut(format!("measures[{i}].procedure"), &m.procedure),
        rows,
    }
}

/// The parts of measure `i` to translate from `from` into the pack's language: the walk
/// of [`crate::facts`] takes them from the rows the letter prints, which depend on the
/// type of assistance, rather than listing each type's fields a second time.
pub(crate) fn measure_parts(
    req: &Request,
    pack: &LanguagePack,
    from: &str,
    i: usize,
    m: &Measure,
) -> Vec<TranslationPart> {
    let mut b = Builder {
        pack,
        lang: &pack.language.code,
        from,
        nt: true,
        parts: Vec::new(),
    };
    measure_view(&mut b, req, i, m);
    b.parts
}

/// The heading of a type of assistance in the letter's language (`labels.toml`; every
/// letter language is checked at load, so the key only shows on a programming error).
fn measure_title<'k>(lang: &str, kind: &'k str) -> &'k str {
    assistance::type_title(kind, lang).unwrap_or(kind)
}

/// One row per declared field of the measure's type, labelled in the letter's language and
/// formatted by the field's kind.
fn detail_rows(
    b: &mut Builder<'_>,
    req: &Request,
    p: &str,
    details: &MeasureDetails,
    rows: &mut Vec<RowView>,
) {
    let kind = details.kind();
    let fields = details.fields();
    for (k, (spec, value)) in fields.iter().enumerate() {
        if !spec.has_letter_row() || (spec.if_present && value.is_empty()) {
            continue;
        }
        let path = format!("{p}.{}", spec.name);
        let value = match *value {
            FieldValue::Text(s) | FieldValue::LongText(s) => b.ut(path, s),
            FieldValue::TextList(list) => {
                let numbered: Vec<String> = list
                    .iter()
                    .enumerate()
                    .map(|(n, q)| format!("{}. {}", n + 1, q.trim()))
                    .collect();
                b.ut(path, &numbered.join("\n"))
            }
            FieldValue::Identifiers(list) => b.plain(sanitize(&list.join("\n"))),
            FieldValue::LanguageCode(s) => b.plain(s.to_uppercase()),
            FieldValue::Date(from) if spec.date == DateRole::PeriodFrom => {
                let to = fields.get(k + 1).and_then(|(_, v)| v.date());
                period(b, *from, to)
            }
            FieldValue::Date(d) => b.plain(b.date(*d)),
            FieldValue::YesNo(v) => b.yes_no(*v),
            FieldValue::PersonRef(id) => b.ut(path, &person_name(req, id)),
            FieldValue::PersonRefs(ids) => {
                let names: Vec<String> = ids.iter().map(|id| person_name(req, id)).collect();
                b.ut(path, &names.join("\n"))
            }
            FieldValue::AssetRefs(ids) => {
                let assets: Vec<String> = ids.iter().map(|id| asset_label(req, id)).collect();
                b.ut(path, &assets.join("\n"))
            }
            FieldValue::AttachmentRef(id) => b.ut(path, &attachment_or_empty(req, id)),
            FieldValue::AttachmentRefs(ids) => {
                let docs: Vec<String> = ids.iter().map(|id| attachment_label(req, id)).collect();
                b.ut(path, &docs.join("\n"))
            }
            FieldValue::HearingStatus(s) => {
                b.plain(LanguagePack::label(&b.pack.status, status_key(*s)).to_owned())
            }
            FieldValue::DataCategories(cats) => {
                let cats: Vec<&str> = cats
                    .iter()
                    .map(|c| LanguagePack::label(&b.pack.data_category, category_key(*c)))
                    .collect();
                b.plain(cats.join(", "))
            }
        };
        rows.push(RowView {
            label: assistance::field_letter_label(kind, spec.name, b.lang)
                .unwrap_or(spec.name)
                .to_owned(),
            value,
        });
    }
}

/// One labelled row of a measure's table.
fn row(rows: &mut Vec<RowView>, b: &Builder<'_>, key: &str, value: UserText) {
    rows.push(RowView {
        label: b.field(key),
        value,
    });
}

/// A period from one date to another.
fn period(
    b: &Builder<'_>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> UserText {
    b.plain(format!("{} – {}", b.date(from), b.date(to)))
}

fn attachment_or_empty(req: &Request, id: &str) -> String {
    if id.trim().is_empty() {
        String::new()
    } else {
        attachment_label(req, id)
    }
}
