//! What the fuzz targets share: the loaded templates and profiles (loaded once per
//! process), the fixed dates, the full check as `mla check` runs it, and the structured
//! input that becomes a request (`FuzzRequest`).

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use chrono::NaiveDate;
use mla_core::*;
use mla_letter::Letters;
use mla_usecase::{check_request, CheckInput, FullCheck, LetterChoice};

/// An empty folder of this process's own, for the targets that read from disk. It lives
/// under `$TMPDIR` (`scripts/fuzz.sh` points that at a folder it removes afterwards).
pub fn scratch_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mla-fuzz-{}", std::process::id()));
    match std::fs::remove_dir_all(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("cannot empty {}: {e}", dir.display()),
    }
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
    dir
}

/// "Today" for every check: fixed, so a finding never depends on the day the fuzzer ran.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("a valid date")
}

/// The embedded templates, parsed once.
pub fn letters() -> &'static Letters {
    static LETTERS: OnceLock<Letters> = OnceLock::new();
    LETTERS.get_or_init(|| Letters::load().expect("the embedded templates load"))
}

/// The built-in State profiles, parsed once.
pub fn builtin_profiles() -> &'static ProfileSet {
    static PROFILES: OnceLock<ProfileSet> = OnceLock::new();
    PROFILES.get_or_init(|| ProfileSet::builtin().expect("the built-in profiles parse"))
}

/// The full check the app and `mla check` run (`mla_usecase::check_request` with the
/// profiles in force and the default letter), plus what `mla check` prints from it. With
/// the default letter choice it can only fail if the embedded templates are broken, so
/// any error is a crash.
pub fn full_check(request: &Request, profiles: &ProfileSet, lang: Lang) -> FullCheck {
    let checked = check_request(
        letters(),
        request,
        &CheckInput {
            today: today(),
            lang,
            profiles: Some(profiles),
            letter: &LetterChoice::Default,
        },
    )
    .unwrap_or_else(|e| panic!("check_request failed with the default letter: {e}"));
    let text = rules::render_text(&checked.findings, &checked.readiness, lang);
    assert!(!text.is_empty(), "the check printed nothing");
    serde_json::to_string(&checked).expect("a check result serializes");
    checked
}

/// Write `request` to the file format, read it back, and require the same request.
pub fn assert_round_trip(request: &Request) -> String {
    let text = write_request(request);
    let again = parse_request(text.as_bytes())
        .unwrap_or_else(|e| panic!("a written request does not parse again: {e}\n{text}"));
    assert!(
        again == *request,
        "write → parse changed the request\nbefore: {request:?}\nafter: {again:?}"
    );
    text
}

/// Human-typed text: arbitrary Unicode, or fragments that reach the interesting paths of
/// the letter and the typesetter (right-to-left and CJK scripts, combining marks, bidi
/// controls, characters no bundled font draws, markup, line breaks), possibly repeated.
#[derive(Debug)]
pub struct Text(pub String);

const FRAGMENTS: &[&str] = &[
    "",
    " ",
    "\n",
    "\n\n",
    "\t",
    "Mr. Jean Dupont",
    "bank account CH93 0076 2011 6238 5295 7",
    "l'élève à Genève",
    "señor Núñez",
    "Иван Петрович Сидоров",
    "محمد بن عبد الله",
    "قانون ٢٠٢٤ رقم 15",
    "张伟 北京市朝阳区",
    "東京都",
    "e\u{301}\u{302}\u{303}",
    "\u{202e}reversed\u{202c}",
    "\u{2067}isolate\u{2069}",
    "\u{200f}\u{200e}\u{200d}\u{feff}",
    "😀👍🏽🇫🇷",
    "\u{10ffff}\u{e000}",
    "<b>bold</b> & <script>alert(1)</script>",
    "{{ request.id }} {% if x %}",
    "\"quoted\" 'single'",
    "a-very-long-word-without-any-break-opportunity-at-all-0123456789abcdefghij",
    "averylongwordwithoutanybreakopportunityatallnohyphensnospaces0123456789",
    "   leading and trailing   ",
    "\r\n",
    "\u{0}\u{1}\u{7f}",
    "1.\n2.\n3.",
];

impl<'a> Arbitrary<'a> for Text {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Text(match u.int_in_range(0..=3u8)? {
            0 => String::arbitrary(u)?,
            1 => u.choose(FRAGMENTS)?.to_string(),
            2 => {
                // A few fragments joined, as a sentence.
                let n = u.int_in_range(1..=8u8)?;
                let mut s = String::new();
                for _ in 0..n {
                    s.push_str(u.choose(FRAGMENTS)?);
                    s.push(' ');
                }
                s
            }
            _ => {
                // One fragment repeated: long fields, long paragraphs across pages.
                let fragment: &str = u.choose(FRAGMENTS)?;
                let times = u.int_in_range(1..=64u8)?;
                let sep = if bool::arbitrary(u)? { " " } else { "" };
                vec![fragment; usize::from(times)].join(sep)
            }
        }))
    }
}

/// A date anywhere chrono can represent, mostly around today.
#[derive(Debug)]
pub struct Date(pub NaiveDate);

impl<'a> Arbitrary<'a> for Date {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let date = if bool::arbitrary(u)? {
            today() + chrono::Days::new(u64::from(u.int_in_range(0..=4000u16)?))
                - chrono::Days::new(2000)
        } else {
            NaiveDate::from_num_days_from_ce_opt(i32::arbitrary(u)?).unwrap_or(NaiveDate::MAX)
        };
        Ok(Date(date))
    }
}

fn date(d: Option<Date>) -> Option<NaiveDate> {
    d.map(|d| d.0)
}

/// A code from a list of real ones, or any text.
#[derive(Debug)]
pub struct Code(pub String);

const CODES: &[&str] = &[
    "en", "fr", "es", "ar", "ru", "zh", "de", "EN", " fr ", "FRA", "CHE", "THA", "USA", "DEU",
    "GBR", "fra", "ZZZ", "", "x",
];

impl<'a> Arbitrary<'a> for Code {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Code(if u.ratio(7, 8)? {
            u.choose(CODES)?.to_string()
        } else {
            String::arbitrary(u)?
        }))
    }
}

/// An identifier that often refers to another item (persons, assets, offences and
/// attachments all use the same small set), so cross references resolve.
#[derive(Debug)]
pub struct Id(pub String);

impl<'a> Arbitrary<'a> for Id {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Id(if u.ratio(7, 8)? {
            format!("id{}", u.int_in_range(0..=5u8)?)
        } else {
            String::arbitrary(u)?
        }))
    }
}

fn ids(v: Vec<Id>) -> Vec<String> {
    v.into_iter().map(|i| i.0).collect()
}

fn texts(v: Vec<Text>) -> Vec<String> {
    v.into_iter().map(|t| t.0).collect()
}

fn pick<T: Copy>(options: &[T], i: u8) -> T {
    options[usize::from(i) % options.len()]
}

#[derive(Arbitrary, Debug)]
pub struct FuzzContact {
    name: Text,
    function: Text,
    email: Text,
    phone: Text,
    languages: Vec<Code>,
}

#[derive(Arbitrary, Debug)]
pub enum FuzzBasis {
    Uncac,
    Untoc,
    BilateralTreaty { name: Text, date: Option<Date> },
    RegionalConvention { name: Text },
    Reciprocity { assurance_given: bool },
    DomesticLaw { citation: Text },
}

#[derive(Arbitrary, Debug)]
pub struct FuzzOffence {
    id: Id,
    label: Text,
    provision: Text,
    provision_text: Text,
    penalty: Text,
    conduct_category: Code,
    limitation_date: Option<Date>,
}

#[derive(Arbitrary, Debug)]
pub struct FuzzPerson {
    id: Id,
    role: u8,
    legal_person: bool,
    name: Text,
    date_of_birth: Option<Date>,
    place_of_birth: Text,
    nationality: Vec<Code>,
    identity_documents: Vec<Text>,
    location: Text,
    notes: Text,
}

#[derive(Arbitrary, Debug)]
pub struct FuzzAsset {
    id: Id,
    kind: u8,
    description: Text,
    institution: Text,
    identifier: Text,
    holder_person_id: Id,
    location: Text,
    estimated_value: Option<(Text, Code)>,
    link_to_offence: Text,
}

#[derive(Arbitrary, Debug)]
pub struct FuzzMeasure {
    id: Id,
    offence_ids: Vec<Id>,
    purpose: Text,
    procedure: Text,
    details: FuzzDetails,
}

/// One variant per type of assistance, with every field of each.
#[derive(Arbitrary, Debug)]
pub enum FuzzDetails {
    TakeStatement {
        person_id: Id,
        status: u8,
        questions: Vec<Text>,
        rights: Text,
        officials_attend: bool,
        oath_form: Text,
    },
    ServeDocuments {
        recipient_person_id: Id,
        address: Text,
        document_attachment_ids: Vec<Id>,
        appearance_date: Option<Date>,
        proof_of_service: bool,
    },
    SearchSeizure {
        premises: Text,
        items_sought: Text,
        grounds: Text,
        order_attachment_id: Id,
        chain_of_custody: Text,
    },
    ExamineObjectsSites {
        object_or_site: Text,
        location: Text,
        examination: Text,
    },
    ProvideInformation {
        information_sought: Text,
        expert_evaluation: bool,
    },
    BankRecords {
        bank: Text,
        account_asset_ids: Vec<Id>,
        holder_person_id: Id,
        period_from: Option<Date>,
        period_to: Option<Date>,
        records_wanted: Text,
        link_to_offence: Text,
        certified_copies: bool,
    },
    ProduceRecords {
        holder: Text,
        records_wanted: Text,
        certified_copies: bool,
    },
    TraceProceeds {
        person_ids: Vec<Id>,
        asset_ids: Vec<Id>,
        description: Text,
    },
    VoluntaryAppearance {
        person_id: Id,
        appearance_date: Option<Date>,
        expenses_covered: bool,
        safe_conduct: bool,
    },
    FreezeAssets {
        asset_ids: Vec<Id>,
        order_attachment_id: Id,
        link_to_offence: Text,
        owner_notification: Text,
    },
    ConfiscateAssets {
        asset_ids: Vec<Id>,
        order_attachment_id: Id,
        order_final: bool,
        link_to_offence: Text,
        return_proposal: Text,
    },
    VideoconferenceHearing {
        person_id: Id,
        status: u8,
        proposed_date: Option<Date>,
        technical_contact: Text,
        interpreter_language: Code,
        questioning_authority: Text,
    },
    TransferDetainedPerson {
        person_id: Id,
        consent_obtained: bool,
        custody_guarantees: Text,
        transfer_date: Option<Date>,
        return_date: Option<Date>,
    },
    ElectronicEvidence {
        provider: Text,
        account_identifiers: Vec<Text>,
        date_from: Option<Date>,
        date_to: Option<Date>,
        data_categories: Vec<u8>,
        preservation_requested: bool,
        risk_of_loss: bool,
    },
    Other {
        description: Text,
    },
}

#[derive(Arbitrary, Debug)]
pub struct FuzzAttachment {
    id: Id,
    title: Text,
    language: Code,
    translation: u8,
    translation_language: Code,
    certification: u8,
    file_name: Text,
}

/// A whole request, every field of the model reachable, plus how to render it.
#[derive(Arbitrary, Debug)]
pub struct FuzzRequest {
    id: Text,
    reference: Text,
    drafting_language: Code,
    date: Option<Date>,
    authority: (Text, Code, Text),
    officer: FuzzContact,
    requested_state: Code,
    addressee: (Text, Text),
    channel: u8,
    legal_basis: Vec<FuzzBasis>,
    urgency: (bool, Text, Option<Date>),
    confidentiality: (bool, Text),
    case: (u8, Text, Text, Text, Text, bool),
    offences: Vec<FuzzOffence>,
    facts: Text,
    persons: Vec<FuzzPerson>,
    assets: Vec<FuzzAsset>,
    measures: Vec<FuzzMeasure>,
    purpose: Text,
    nexus: Text,
    procedures: Text,
    assurances: (bool, bool, Text),
    attachments: Vec<FuzzAttachment>,
    signatory: (Text, Text, Text),
    /// The letter language asked for (`None`: the default the check picks).
    pub letter_lang: Option<Code>,
    pub us_letter: bool,
    pub seal_box: bool,
}

const HEARING: [HearingStatus; 5] = [
    HearingStatus::Unspecified,
    HearingStatus::Witness,
    HearingStatus::Suspect,
    HearingStatus::Expert,
    HearingStatus::Victim,
];

impl FuzzDetails {
    fn into_model(self) -> MeasureDetails {
        use FuzzDetails as F;
        use MeasureDetails as M;
        match self {
            F::TakeStatement {
                person_id,
                status,
                questions,
                rights,
                officials_attend,
                oath_form,
            } => M::TakeStatement(TakeStatement {
                person_id: person_id.0,
                status: pick(&HEARING, status),
                questions: texts(questions),
                rights: rights.0,
                officials_attend,
                oath_form: oath_form.0,
            }),
            F::ServeDocuments {
                recipient_person_id,
                address,
                document_attachment_ids,
                appearance_date,
                proof_of_service,
            } => M::ServeDocuments(ServeDocuments {
                recipient_person_id: recipient_person_id.0,
                address: address.0,
                document_attachment_ids: ids(document_attachment_ids),
                appearance_date: date(appearance_date),
                proof_of_service,
            }),
            F::SearchSeizure {
                premises,
                items_sought,
                grounds,
                order_attachment_id,
                chain_of_custody,
            } => M::SearchSeizure(SearchSeizure {
                premises: premises.0,
                items_sought: items_sought.0,
                grounds: grounds.0,
                order_attachment_id: order_attachment_id.0,
                chain_of_custody: chain_of_custody.0,
            }),
            F::ExamineObjectsSites {
                object_or_site,
                location,
                examination,
            } => M::ExamineObjectsSites(ExamineObjectsSites {
                object_or_site: object_or_site.0,
                location: location.0,
                examination: examination.0,
            }),
            F::ProvideInformation {
                information_sought,
                expert_evaluation,
            } => M::ProvideInformation(ProvideInformation {
                information_sought: information_sought.0,
                expert_evaluation,
            }),
            F::BankRecords {
                bank,
                account_asset_ids,
                holder_person_id,
                period_from,
                period_to,
                records_wanted,
                link_to_offence,
                certified_copies,
            } => M::BankRecords(BankRecords {
                bank: bank.0,
                account_asset_ids: ids(account_asset_ids),
                holder_person_id: holder_person_id.0,
                period_from: date(period_from),
                period_to: date(period_to),
                records_wanted: records_wanted.0,
                link_to_offence: link_to_offence.0,
                certified_copies,
            }),
            F::ProduceRecords {
                holder,
                records_wanted,
                certified_copies,
            } => M::ProduceRecords(ProduceRecords {
                holder: holder.0,
                records_wanted: records_wanted.0,
                certified_copies,
            }),
            F::TraceProceeds {
                person_ids,
                asset_ids,
                description,
            } => M::TraceProceeds(TraceProceeds {
                person_ids: ids(person_ids),
                asset_ids: ids(asset_ids),
                description: description.0,
            }),
            F::VoluntaryAppearance {
                person_id,
                appearance_date,
                expenses_covered,
                safe_conduct,
            } => M::VoluntaryAppearance(VoluntaryAppearance {
                person_id: person_id.0,
                appearance_date: date(appearance_date),
                expenses_covered,
                safe_conduct,
            }),
            F::FreezeAssets {
                asset_ids,
                order_attachment_id,
                link_to_offence,
                owner_notification,
            } => M::FreezeAssets(FreezeAssets {
                asset_ids: ids(asset_ids),
                order_attachment_id: order_attachment_id.0,
                link_to_offence: link_to_offence.0,
                owner_notification: owner_notification.0,
            }),
            F::ConfiscateAssets {
                asset_ids,
                order_attachment_id,
                order_final,
                link_to_offence,
                return_proposal,
            } => M::ConfiscateAssets(ConfiscateAssets {
                asset_ids: ids(asset_ids),
                order_attachment_id: order_attachment_id.0,
                order_final,
                link_to_offence: link_to_offence.0,
                return_proposal: return_proposal.0,
            }),
            F::VideoconferenceHearing {
                person_id,
                status,
                proposed_date,
                technical_contact,
                interpreter_language,
                questioning_authority,
            } => M::VideoconferenceHearing(VideoconferenceHearing {
                person_id: person_id.0,
                status: pick(&HEARING, status),
                proposed_date: date(proposed_date),
                technical_contact: technical_contact.0,
                interpreter_language: interpreter_language.0,
                questioning_authority: questioning_authority.0,
            }),
            F::TransferDetainedPerson {
                person_id,
                consent_obtained,
                custody_guarantees,
                transfer_date,
                return_date,
            } => M::TransferDetainedPerson(TransferDetainedPerson {
                person_id: person_id.0,
                consent_obtained,
                custody_guarantees: custody_guarantees.0,
                transfer_date: date(transfer_date),
                return_date: date(return_date),
            }),
            F::ElectronicEvidence {
                provider,
                account_identifiers,
                date_from,
                date_to,
                data_categories,
                preservation_requested,
                risk_of_loss,
            } => M::ElectronicEvidence(ElectronicEvidence {
                provider: provider.0,
                account_identifiers: texts(account_identifiers),
                date_from: date(date_from),
                date_to: date(date_to),
                data_categories: data_categories
                    .into_iter()
                    .map(|c| {
                        pick(
                            &[
                                DataCategory::Subscriber,
                                DataCategory::Traffic,
                                DataCategory::Content,
                            ],
                            c,
                        )
                    })
                    .collect(),
                preservation_requested,
                risk_of_loss,
            }),
            F::Other { description } => M::Other(OtherAssistance {
                description: description.0,
            }),
        }
    }
}

impl FuzzRequest {
    /// The request this input describes.
    pub fn to_request(self) -> Request {
        Request {
            format_version: FORMAT_VERSION,
            id: self.id.0,
            reference: self.reference.0,
            drafting_language: self.drafting_language.0,
            date: date(self.date),
            requesting_authority: RequestingAuthority {
                name: self.authority.0 .0,
                country: self.authority.1 .0,
                address: self.authority.2 .0,
                officer: Contact {
                    name: self.officer.name.0,
                    function: self.officer.function.0,
                    email: self.officer.email.0,
                    phone: self.officer.phone.0,
                    languages: self.officer.languages.into_iter().map(|c| c.0).collect(),
                },
            },
            requested_state: self.requested_state.0,
            addressee: Addressee {
                name: self.addressee.0 .0,
                address: self.addressee.1 .0,
            },
            channel: pick(
                &[
                    Channel::Unspecified,
                    Channel::CentralAuthority,
                    Channel::Diplomatic,
                    Channel::Interpol,
                    Channel::Email,
                    Channel::Portal,
                ],
                self.channel,
            ),
            legal_basis: self
                .legal_basis
                .into_iter()
                .map(|b| match b {
                    FuzzBasis::Uncac => LegalBasis::Uncac,
                    FuzzBasis::Untoc => LegalBasis::Untoc,
                    FuzzBasis::BilateralTreaty { name, date: d } => LegalBasis::BilateralTreaty {
                        name: name.0,
                        date: date(d),
                    },
                    FuzzBasis::RegionalConvention { name } => {
                        LegalBasis::RegionalConvention { name: name.0 }
                    }
                    FuzzBasis::Reciprocity { assurance_given } => {
                        LegalBasis::Reciprocity { assurance_given }
                    }
                    FuzzBasis::DomesticLaw { citation } => LegalBasis::DomesticLaw {
                        citation: citation.0,
                    },
                })
                .collect(),
            urgency: Urgency {
                urgent: self.urgency.0,
                reason: self.urgency.1 .0,
                deadline: date(self.urgency.2),
            },
            confidentiality: Confidentiality {
                required: self.confidentiality.0,
                reason: self.confidentiality.1 .0,
            },
            case: Case {
                nature: pick(
                    &[
                        ProceedingNature::Unspecified,
                        ProceedingNature::Investigation,
                        ProceedingNature::Prosecution,
                        ProceedingNature::JudicialProceeding,
                        ProceedingNature::CivilOrAdministrative,
                    ],
                    self.case.0,
                ),
                subject: self.case.1 .0,
                conducting_authority: ConductingAuthority {
                    name: self.case.2 .0,
                    functions: self.case.3 .0,
                },
                case_number: self.case.4 .0,
                covert: self.case.5,
            },
            offences: self
                .offences
                .into_iter()
                .map(|o| Offence {
                    id: o.id.0,
                    label: o.label.0,
                    provision: o.provision.0,
                    provision_text: o.provision_text.0,
                    penalty: o.penalty.0,
                    conduct_category: o.conduct_category.0,
                    limitation_date: date(o.limitation_date),
                })
                .collect(),
            facts: self.facts.0,
            persons: self
                .persons
                .into_iter()
                .map(|p| Person {
                    id: p.id.0,
                    role: pick(
                        &[
                            PersonRole::Unspecified,
                            PersonRole::Suspect,
                            PersonRole::Accused,
                            PersonRole::Witness,
                            PersonRole::Victim,
                            PersonRole::Expert,
                            PersonRole::AccountHolder,
                            PersonRole::ThirdParty,
                        ],
                        p.role,
                    ),
                    legal_person: p.legal_person,
                    name: p.name.0,
                    date_of_birth: date(p.date_of_birth),
                    place_of_birth: p.place_of_birth.0,
                    nationality: p.nationality.into_iter().map(|c| c.0).collect(),
                    identity_documents: texts(p.identity_documents),
                    location: p.location.0,
                    notes: p.notes.0,
                })
                .collect(),
            assets: self
                .assets
                .into_iter()
                .map(|a| Asset {
                    id: a.id.0,
                    kind: pick(
                        &[
                            AssetKind::Unspecified,
                            AssetKind::BankAccount,
                            AssetKind::RealEstate,
                            AssetKind::Vehicle,
                            AssetKind::CompanyShares,
                            AssetKind::VirtualAssets,
                            AssetKind::Cash,
                            AssetKind::Other,
                        ],
                        a.kind,
                    ),
                    description: a.description.0,
                    institution: a.institution.0,
                    identifier: a.identifier.0,
                    holder_person_id: a.holder_person_id.0,
                    location: a.location.0,
                    estimated_value: a.estimated_value.map(|(amount, currency)| Money {
                        amount: amount.0,
                        currency: currency.0,
                    }),
                    link_to_offence: a.link_to_offence.0,
                })
                .collect(),
            measures: self
                .measures
                .into_iter()
                .map(|m| Measure {
                    id: m.id.0,
                    offence_ids: ids(m.offence_ids),
                    purpose: m.purpose.0,
                    procedure: m.procedure.0,
                    details: m.details.into_model(),
                })
                .collect(),
            purpose: self.purpose.0,
            nexus: self.nexus.0,
            procedures: self.procedures.0,
            assurances: Assurances {
                speciality: self.assurances.0,
                reciprocity: self.assurances.1,
                costs: self.assurances.2 .0,
            },
            attachments: self
                .attachments
                .into_iter()
                .map(|a| Attachment {
                    id: a.id.0,
                    title: a.title.0,
                    language: a.language.0,
                    translation: pick(
                        &[
                            TranslationStatus::Unspecified,
                            TranslationStatus::NotNeeded,
                            TranslationStatus::Needed,
                            TranslationStatus::InProgress,
                            TranslationStatus::Done,
                        ],
                        a.translation,
                    ),
                    translation_language: a.translation_language.0,
                    certification: pick(
                        &[
                            Certification::None,
                            Certification::CertifiedCopy,
                            Certification::Apostille,
                            Certification::Legalized,
                            Certification::SwornTranslation,
                        ],
                        a.certification,
                    ),
                    file_name: a.file_name.0,
                })
                .collect(),
            signatory: Signatory {
                name: self.signatory.0 .0,
                function: self.signatory.1 .0,
                place: self.signatory.2 .0,
            },
        }
    }
}
