// Empty rows the wizard adds, typed against the generated model so a new model field
// breaks the build instead of being sent half-filled.

import type {
  Asset, Attachment, LegalBasis, Measure, MeasureDetails, Offence, Person,
} from "../bindings/model";
import { ASSISTANCE, EMPTY_DETAILS } from "../bindings/assistance";

export type MeasureType = MeasureDetails["type"];
export type LegalBasisKind = LegalBasis["kind"];

/** Every type of assistance, in the order of its declaration (mla-core's `assistance`). */
export const MEASURE_TYPES: readonly MeasureType[] = ASSISTANCE.map((a) => a.key);

export function emptyDetails(type: MeasureType): MeasureDetails {
  return EMPTY_DETAILS[type]();
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
