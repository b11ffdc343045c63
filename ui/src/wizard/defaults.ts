// Empty rows the wizard adds, typed against the generated model so a new model field
// breaks the build instead of being sent half-filled.

import type {
  Asset, Attachment, LegalBasis, Measure, MeasureDetails, Offence, Person,
} from "../bindings/model";

export type MeasureType = MeasureDetails["type"];
export type LegalBasisKind = LegalBasis["kind"];

type DetailsOf<K extends MeasureType> = Extract<MeasureDetails, { type: K }>;

const DETAILS: { [K in MeasureType]: () => DetailsOf<K> } = {
  take_statement: () => ({ type: "take_statement", person_id: "", status: "unspecified", questions: [], rights: "", officials_attend: false, oath_form: "" }),
  serve_documents: () => ({ type: "serve_documents", recipient_person_id: "", address: "", document_attachment_ids: [], appearance_date: null, proof_of_service: false }),
  search_seizure: () => ({ type: "search_seizure", premises: "", items_sought: "", grounds: "", order_attachment_id: "", chain_of_custody: "" }),
  examine_objects_sites: () => ({ type: "examine_objects_sites", object_or_site: "", location: "", examination: "" }),
  provide_information: () => ({ type: "provide_information", information_sought: "", expert_evaluation: false }),
  bank_records: () => ({ type: "bank_records", bank: "", account_asset_ids: [], holder_person_id: "", period_from: null, period_to: null, records_wanted: "", link_to_offence: "", certified_copies: false }),
  produce_records: () => ({ type: "produce_records", holder: "", records_wanted: "", certified_copies: false }),
  trace_proceeds: () => ({ type: "trace_proceeds", person_ids: [], asset_ids: [], description: "" }),
  voluntary_appearance: () => ({ type: "voluntary_appearance", person_id: "", appearance_date: null, expenses_covered: false, safe_conduct: false }),
  freeze_assets: () => ({ type: "freeze_assets", asset_ids: [], order_attachment_id: "", link_to_offence: "", owner_notification: "" }),
  confiscate_assets: () => ({ type: "confiscate_assets", asset_ids: [], order_attachment_id: "", order_final: false, link_to_offence: "", return_proposal: "" }),
  videoconference_hearing: () => ({ type: "videoconference_hearing", person_id: "", status: "unspecified", proposed_date: null, technical_contact: "", interpreter_language: "", questioning_authority: "" }),
  transfer_detained_person: () => ({ type: "transfer_detained_person", person_id: "", consent_obtained: false, custody_guarantees: "", transfer_date: null, return_date: null }),
  electronic_evidence: () => ({ type: "electronic_evidence", provider: "", account_identifiers: [], date_from: null, date_to: null, data_categories: [], preservation_requested: false, risk_of_loss: false }),
  other: () => ({ type: "other", description: "" }),
};

export const MEASURE_TYPES = Object.keys(DETAILS) as MeasureType[];

export function emptyDetails(type: MeasureType): MeasureDetails {
  return DETAILS[type]();
}

const LEGAL_BASES: { [K in LegalBasisKind]: () => Extract<LegalBasis, { kind: K }> } = {
  uncac: () => ({ kind: "uncac" }),
  untoc: () => ({ kind: "untoc" }),
  bilateral_treaty: () => ({ kind: "bilateral_treaty", name: "", date: null }),
  regional_convention: () => ({ kind: "regional_convention", name: "" }),
  reciprocity: () => ({ kind: "reciprocity", assurance_given: false }),
  domestic_law: () => ({ kind: "domestic_law", citation: "" }),
};

export function emptyLegalBasis(kind: LegalBasisKind): LegalBasis {
  return LEGAL_BASES[kind]();
}

/** The first id `prefix-N` not used in `taken`. */
export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const used = new Set(taken.map((x) => x.id));
  let n = taken.length + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export function emptyOffence(id: string): Offence {
  return { id, label: "", provision: "", provision_text: "", penalty: "", conduct_category: "", limitation_date: null };
}

export function emptyPerson(id: string): Person {
  return { id, role: "unspecified", legal_person: false, name: "", date_of_birth: null, place_of_birth: "", nationality: [], identity_documents: [], location: "", notes: "" };
}

export function emptyAsset(id: string): Asset {
  return { id, kind: "unspecified", description: "", institution: "", identifier: "", holder_person_id: "", location: "", estimated_value: null, link_to_offence: "" };
}

export function emptyMeasure(id: string): Measure {
  return { id, offence_ids: [], purpose: "", procedure: "", details: emptyDetails("other") };
}

export function emptyAttachment(id: string): Attachment {
  return { id, title: "", language: "", translation: "unspecified", translation_language: "", certification: "none", file_name: "" };
}
