// The lists of Rust enum values the interface shows, in the order it shows them, each
// value with its label key. The values come from bindings/kinds.ts, generated from the
// Rust enums (src-tauri/src/kinds.rs): a variant added in Rust shows up here, and `tsc`
// fails until every catalogue has its label (see labelled()).

import * as K from "./bindings/kinds";
import type { MessageKey } from "./i18n";

/** The label keys of `values` under `prefix` that the catalogues lack. */
type Missing<P extends string, V extends string> = Exclude<`${P}.${V}`, MessageKey>;

/** Accepted only when every value has a label: otherwise the type error names the
 * missing key (`missingLabel: "nature.new_kind"`). */
type AllLabelled<P extends string, V extends string> =
  [Missing<P, V>] extends [never] ? unknown : { missingLabel: Missing<P, V> };

export interface Labelled<V extends string> {
  value: V;
  label: MessageKey;
}

/** Each value with its label key `prefix.value`. */
export function labelled<const P extends string, const V extends string>(
  prefix: P,
  values: readonly V[] & AllLabelled<P, V>,
): readonly Labelled<V>[] {
  return values.map((value) => ({ value, label: `${prefix}.${value}` as MessageKey }));
}

/** The label key of a code received as a plain string (for codes of the lists below). */
export function labelKey(prefix: string, code: string): MessageKey {
  return `${prefix}.${code}` as MessageKey;
}

/** Languages letters and drafts can be written in: the interface languages first, then
 * the others by code (en, fr, es, ar, ru, zh). */
export const LETTER_LANGUAGES: readonly (typeof K.LETTER_LANGUAGES)[number][] = [
  ...K.LETTER_LANGUAGES.filter((l) => (K.INTERFACE_LANGUAGES as readonly string[]).includes(l))
    .sort((a, b) => (K.INTERFACE_LANGUAGES as readonly string[]).indexOf(a) - (K.INTERFACE_LANGUAGES as readonly string[]).indexOf(b)),
  ...K.LETTER_LANGUAGES.filter((l) => !(K.INTERFACE_LANGUAGES as readonly string[]).includes(l)).sort(),
];

export const LANGUAGE_OPTIONS = labelled("lang", LETTER_LANGUAGES);
export const NATURE_OPTIONS = labelled("nature", K.PROCEEDING_NATURES);
export const CHANNEL_OPTIONS = labelled("channel", K.CHANNELS);
export const LEGAL_BASIS_OPTIONS = labelled("lb", K.LEGAL_BASIS_KINDS);
export const ROLE_OPTIONS = labelled("role", K.PERSON_ROLES);
export const ASSET_KIND_OPTIONS = labelled("assetKind", K.ASSET_KINDS);
export const HEARING_OPTIONS = labelled("hearing", K.HEARING_STATUSES);
export const DATA_CATEGORY_OPTIONS = labelled("dataCategory", K.DATA_CATEGORIES);
export const TRANSLATION_OPTIONS = labelled("translation", K.TRANSLATION_STATUSES);
export const CERTIFICATION_OPTIONS = labelled("certification", K.CERTIFICATIONS);
export const SEVERITIES = K.SEVERITIES;

/** Codes the interface labels where they appear (the profile card, the checklist, the
 * annex table, the token's keys): each needs a label in every catalogue. */
export const LABELLED_CODES = [
  labelled("severity", K.SEVERITIES),
  labelled("verdict", K.VERDICTS),
  labelled("instrument", K.INSTRUMENTS),
  labelled("accepted", K.ACCEPTED_CHANNELS),
  labelled("stance", K.LEGAL_BASIS_STANCES),
  labelled("dcstance", K.DUAL_CRIMINALITY_STANCES),
  labelled("annex.translation", K.TRANSLATION_STATUSES),
  labelled("sign.keyStatus", K.TOKEN_KEY_STATUSES),
] as const;

/** A register status's label (format.ts shows a status it does not know as stored). */
export const DRAFT_STATUS_LABELS: ReadonlyMap<string, MessageKey> =
  new Map(labelled("status", K.DRAFT_STATUSES).map((o) => [o.value, o.label]));
