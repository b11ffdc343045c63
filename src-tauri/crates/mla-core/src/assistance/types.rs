//! The types of assistance, each declared once: its key, legal source, coercive or not and
//! why, and its fields with their kinds and flags. Everything else about a type (the model's
//! structs, `kind()`, the reference and date checks, the letter's rows, the UI form, the JSON
//! Schema and the TS bindings) follows from this list and from `labels.toml`.
//!
//! To add a type: declare it here (fields in the order the letter and the form show them;
//! every field defaults), give it its labels in `labels.toml`, and its rules in
//! `rules/measure.rs` with their fixtures. Tests fail on a missing label, reason or rule.
//!
//! Coercive or not: under UNCAC art. 46(9)(b) the requested State shall render assistance
//! that does not involve coercive action even without dual criminality (where consistent
//! with the basic concepts of its legal system); it may refuse coercive measures for lack of
//! it. The classification is by what execution usually requires of the requested State.
//!
//! Field flags: `required: Some("rule.id")` reports that rule at the field when it is empty
//! (blank text, no entry, no date, "no", unspecified status); `date: DateRole::…` gives a
//! date its meaning for the time checks and the letter's time limits (a `PeriodFrom` is
//! printed with the following `PeriodTo` as one "period" row); `if_present: true` prints the
//! row only when the field is filled; `ui_rows` / `ui_hint` tune the form.

use super::{DateRole, FieldKind};
use crate::model::{DataCategory, HearingStatus};
use chrono::NaiveDate;

declare_assistance! {
    /// 46(3)(a) taking evidence or statements from persons.
    TakeStatement(TakeStatement) = "take_statement" {
        source: "UNCAC art. 46(3)(a); UNTOC art. 18(3)(a)",
        coercive: false,
        reason: "A witness, victim or expert is heard on a voluntary basis; where the requested State must compel a witness, its own procedure applies.",
        fields {
            person_id: String => PersonRef { required: Some("measure.statement.person") },
            status: HearingStatus => HearingStatus { required: Some("measure.statement.status") },
            questions: Vec<String> => TextList { required: Some("measure.statement.questions"), ui_hint: Some("hint.questions") },
            /// Rights to be read to the person (e.g. against self-incrimination, to counsel).
            rights: String => LongText,
            /// Whether officials of the requesting State wish to attend.
            officials_attend: bool => YesNo,
            /// Oath or affirmation to be administered, if any.
            oath_form: String => Text,
        }
    }
    /// 46(3)(b) effecting service of judicial documents.
    ServeDocuments(ServeDocuments) = "serve_documents" {
        source: "UNCAC art. 46(3)(b); UNTOC art. 18(3)(b)",
        coercive: false,
        reason: "Service only informs the recipient; it compels nothing in the requested State.",
        fields {
            recipient_person_id: String => PersonRef { required: Some("measure.service.recipient") },
            /// Address at which to serve.
            address: String => LongText,
            /// The documents to serve (attachment ids).
            document_attachment_ids: Vec<String> => AttachmentRefs { required: Some("measure.service.documents") },
            /// Date on which the recipient must appear, if the documents summon them.
            appearance_date: Option<NaiveDate> => Date { date: DateRole::Appearance },
            /// Whether proof of service is required.
            proof_of_service: bool => YesNo,
        }
    }
    /// 46(3)(c) executing searches and seizures.
    SearchSeizure(SearchSeizure) = "search_seizure" {
        source: "UNCAC art. 46(3)(c); UNTOC art. 18(3)(c)",
        coercive: true,
        reason: "A search and seizure enters premises and takes property against the will of the person concerned.",
        fields {
            /// Premises or person to be searched, precisely described.
            premises: String => LongText { required: Some("measure.search.premises") },
            /// Items sought.
            items_sought: String => LongText { required: Some("measure.search.items") },
            /// Grounds linking the premises and items to the offence.
            grounds: String => LongText { required: Some("measure.search.grounds"), ui_rows: 3 },
            /// A domestic search order (attachment id), where the requested State requires one.
            order_attachment_id: String => AttachmentRef { required: Some("measure.search.order") },
            /// Chain-of-custody wishes for seized items.
            chain_of_custody: String => LongText,
        }
    }
    /// 46(3)(d) examining objects and sites.
    ExamineObjectsSites(ExamineObjectsSites) = "examine_objects_sites" {
        source: "UNCAC art. 46(3)(d); UNTOC art. 18(3)(d)",
        coercive: false,
        reason: "Examining objects and sites the authorities can reach without entering private premises against the occupier's will needs no compulsion; if entry must be forced, ask for a search instead.",
        fields {
            object_or_site: String => Text { required: Some("measure.examine.object") },
            location: String => Text,
            examination: String => LongText,
        }
    }
    /// 46(3)(e) providing information, evidentiary items and expert evaluations.
    ProvideInformation(ProvideInformation) = "provide_information" {
        source: "UNCAC art. 46(3)(e); UNTOC art. 18(3)(e)",
        coercive: false,
        reason: "Information and records already held by public authorities, or public registers, are provided without compulsion.",
        fields {
            information_sought: String => LongText { required: Some("measure.information.description"), ui_rows: 3 },
            expert_evaluation: bool => YesNo,
        }
    }
    /// 46(3)(f) originals or certified copies of records, bank records in particular.
    BankRecords(BankRecords) = "bank_records" {
        source: "UNCAC art. 46(3)(f), 46(8); UNTOC art. 18(3)(f), 18(8)",
        coercive: true,
        reason: "Banks hand over records only under a compulsory production order or equivalent; bank secrecy is lifted by that order (UNCAC art. 46(8)).",
        fields {
            bank: String => Text,
            /// The accounts (asset ids).
            account_asset_ids: Vec<String> => AssetRefs,
            /// The holder (person id), where accounts are not known by number.
            holder_person_id: String => PersonRef { if_present: true },
            period_from: Option<NaiveDate> => Date { date: DateRole::PeriodFrom },
            period_to: Option<NaiveDate> => Date { date: DateRole::PeriodTo },
            /// Records wanted (opening documents, statements, KYC, transfers ...).
            records_wanted: String => LongText { required: Some("measure.bank.records") },
            /// Why the accounts are linked to the offence.
            link_to_offence: String => LongText,
            certified_copies: bool => YesNo,
        }
    }
    /// 46(3)(f) other government, financial, corporate or business records.
    ProduceRecords(ProduceRecords) = "produce_records" {
        source: "UNCAC art. 46(3)(f); UNTOC art. 18(3)(f)",
        coercive: true,
        reason: "Records held by private companies or persons are usually obtained by a compulsory production order; for records in public registers, ask for information (provide_information) instead.",
        fields {
            /// Who holds the records (registry, company, administration).
            holder: String => Text { required: Some("measure.records.description") },
            records_wanted: String => LongText,
            certified_copies: bool => YesNo,
        }
    }
    /// 46(3)(g) identifying or tracing proceeds, property or instrumentalities.
    TraceProceeds(TraceProceeds) = "trace_proceeds" {
        source: "UNCAC art. 46(3)(g); UNTOC art. 18(3)(g)",
        coercive: true,
        reason: "Tracing proceeds usually requires compulsory production of financial and corporate records.",
        fields {
            person_ids: Vec<String> => PersonRefs,
            asset_ids: Vec<String> => AssetRefs,
            description: String => LongText,
        }
    }
    /// 46(3)(h) facilitating the voluntary appearance of persons in the requesting State.
    VoluntaryAppearance(VoluntaryAppearance) = "voluntary_appearance" {
        source: "UNCAC art. 46(3)(h); UNTOC art. 18(3)(h)",
        coercive: false,
        reason: "The appearance is voluntary by definition (UNCAC art. 46(3)(h)).",
        fields {
            person_id: String => PersonRef { required: Some("measure.appearance.person") },
            appearance_date: Option<NaiveDate> => Date { required: Some("measure.appearance.date"), date: DateRole::Appearance },
            expenses_covered: bool => YesNo,
            /// Safe conduct offered (UNCAC art. 46(27)).
            safe_conduct: bool => YesNo,
        }
    }
    /// 46(3)(c), (j) freezing or seizing property (provisional measures).
    FreezeAssets(FreezeAssets) = "freeze_assets" {
        source: "UNCAC art. 46(3)(c), (j), art. 54(2); UNTOC art. 13",
        coercive: true,
        reason: "Freezing restrains the owner's use of property by order.",
        fields {
            asset_ids: Vec<String> => AssetRefs,
            /// The domestic freezing order or decision (attachment id).
            order_attachment_id: String => AttachmentRef { required: Some("measure.freeze.order") },
            link_to_offence: String => LongText,
            owner_notification: String => LongText { required: Some("measure.freeze.owner-notification") },
        }
    }
    /// 46(3)(k), chapter V: confiscation and recovery of assets.
    ConfiscateAssets(ConfiscateAssets) = "confiscate_assets" {
        source: "UNCAC art. 46(3)(k), arts. 54, 55 and 57; UNTOC art. 13",
        coercive: true,
        reason: "Confiscation deprives the owner of property by court order.",
        fields {
            asset_ids: Vec<String> => AssetRefs,
            /// The confiscation order (attachment id).
            order_attachment_id: String => AttachmentRef { required: Some("measure.confiscation.order") },
            /// Whether the order is final (no further appeal).
            order_final: bool => YesNo,
            link_to_offence: String => LongText,
            /// Proposed disposal or return of the assets (UNCAC art. 57).
            return_proposal: String => LongText,
        }
    }
    /// 46(18) hearing by videoconference.
    VideoconferenceHearing(VideoconferenceHearing) = "videoconference_hearing" {
        source: "UNCAC art. 46(18); UNTOC art. 18(18)",
        coercive: false,
        reason: "The hearing is conducted with the person's cooperation (UNCAC art. 46(18)).",
        fields {
            person_id: String => PersonRef { required: Some("measure.video.person") },
            status: HearingStatus => HearingStatus,
            proposed_date: Option<NaiveDate> => Date { date: DateRole::Hearing },
            /// Technical contact for the link (name, e-mail, phone).
            technical_contact: String => Text,
            /// Language of the interpreter needed, if any (ISO 639-1).
            interpreter_language: String => LanguageCode,
            /// Who conducts the questioning.
            questioning_authority: String => Text { required: Some("measure.video.questioning") },
        }
    }
    /// 46(10)-(12) temporary transfer of a detained person, with consent.
    TransferDetainedPerson(TransferDetainedPerson) = "transfer_detained_person" {
        source: "UNCAC art. 46(10)-(12); UNTOC art. 18(10)-(12)",
        coercive: false,
        reason: "Transfer takes place only with the person's free and informed consent (UNCAC art. 46(10)(a)).",
        fields {
            person_id: String => PersonRef,
            /// The person's free and informed consent has been obtained (46(10)(a)).
            consent_obtained: bool => YesNo { required: Some("measure.transfer.consent") },
            /// Custody and return guarantees (46(11)).
            custody_guarantees: String => LongText { required: Some("measure.transfer.guarantees") },
            transfer_date: Option<NaiveDate> => Date { date: DateRole::Transfer },
            return_date: Option<NaiveDate> => Date { date: DateRole::Return },
        }
    }
    /// Electronic evidence held by a service provider (preservation and production).
    ElectronicEvidence(ElectronicEvidence) = "electronic_evidence" {
        source: "Budapest Convention arts. 16, 18, 29 and 31",
        coercive: true,
        reason: "Service providers disclose stored data, and preserve it, under a compulsory order (Budapest Convention arts. 16, 18 and 29).",
        fields {
            provider: String => Text { required: Some("measure.e-evidence.provider") },
            /// Account identifiers (e-mail addresses, user names, phone numbers, IP addresses).
            account_identifiers: Vec<String> => Identifiers { required: Some("measure.e-evidence.identifiers") },
            date_from: Option<NaiveDate> => Date { date: DateRole::PeriodFrom },
            date_to: Option<NaiveDate> => Date { date: DateRole::PeriodTo },
            data_categories: Vec<DataCategory> => DataCategories { required: Some("measure.e-evidence.categories") },
            /// Whether preservation has been requested (or is requested first).
            preservation_requested: bool => YesNo,
            /// Whether the data may be lost before a full request is executed.
            risk_of_loss: bool => YesNo,
        }
    }
    /// UNCAC art. 50 and UNTOC art. 20 (definition in art. 2(i) of both): controlled delivery,
    /// letting an illicit or suspect consignment pass out of, through or into the requested
    /// State under the supervision of its authorities, to identify the persons involved.
    ControlledDelivery(ControlledDelivery) = "controlled_delivery" {
        source: "UNCAC arts. 2(i) and 50; UNTOC arts. 2(i) and 20",
        coercive: true,
        reason: "The conventions do not classify it. Controlled delivery is a special investigative technique (UNCAC art. 50, UNTOC art. 20), decided case by case where no agreement applies (art. 50(3), art. 20(3)) and carried out covertly by the requested State's authorities, who may intercept the consignment and remove or replace the goods (art. 50(4), art. 20(4)); it is therefore treated as coercive, so that dual criminality is examined rather than presumed unnecessary.",
        fields {
            /// What is being delivered (goods, funds, substances), its quantity, and how it is
            /// identified (markings, seals, container, parcel or tracking numbers).
            consignment: String => LongText { required: Some("measure.delivery.consignment"), ui_rows: 3 },
            /// Where the consignment comes from (State, place, sender).
            origin: String => Text { required: Some("measure.delivery.route") },
            /// States and places it is expected to pass through.
            transit: String => LongText,
            /// Where it is expected to go (State, place, consignee).
            destination: String => Text { required: Some("measure.delivery.route") },
            /// Means of transport (carrier, vehicle, vessel, flight, post, courier).
            transport: String => Text,
            /// First day the consignment is expected in or through the requested State.
            expected_from: Option<NaiveDate> => Date { required: Some("measure.delivery.period"), date: DateRole::PeriodFrom },
            /// Last day it is expected.
            expected_to: Option<NaiveDate> => Date { date: DateRole::PeriodTo },
            /// Persons expected to send, carry or receive the consignment.
            person_ids: Vec<String> => PersonRefs,
            /// The consignment may be intercepted and allowed to continue intact (UNCAC art.
            /// 50(4); UNTOC art. 20(4)).
            interception_allowed: bool => YesNo,
            /// The goods may be removed or replaced in whole or in part (UNCAC art. 50(4);
            /// UNTOC art. 20(4)).
            replacement_allowed: bool => YesNo,
            /// What would be removed or replaced, and by what.
            replacement_details: String => LongText,
            /// Surveillance and hand-over: who follows the consignment, where and how it passes
            /// from one State's officers to the other's, and what happens at its arrival.
            surveillance: String => LongText { required: Some("measure.delivery.surveillance"), ui_rows: 3 },
            /// A contact point reachable at any time during the operation (name, service,
            /// phone).
            contact_point: String => Text { required: Some("measure.delivery.contact") },
            /// The agreement or arrangement relied on (UNCAC art. 50(2); UNTOC art. 20(2)), or
            /// that the decision is sought case by case, with any financial arrangements and
            /// understandings on jurisdiction (art. 50(3); art. 20(3)).
            agreement: String => LongText,
        }
    }
    /// 46(3)(i) any other assistance not contrary to the requested State's law.
    Other(OtherAssistance) = "other" {
        source: "UNCAC art. 46(3)(i); UNTOC art. 18(3)(i)",
        coercive: false,
        reason: "Unknown: the requested State will classify it from the description; the checker does not presume coercion.",
        fields {
            description: String => LongText { required: Some("measure.other.description"), ui_rows: 3 },
        }
    }
}
