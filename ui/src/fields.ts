// The editor's fields: where each one lives in the request, its label and its control.
// Getters and setters are typed against the generated `Request`, so a renamed model
// field breaks the build instead of silently saving nowhere.

import type { ProceedingNature, Request } from "./bindings/model";
import type { MessageKey } from "./i18n";
import { normalizeStateCode } from "./format";

export interface FieldBase {
  /** DOM id of the control (also used by the end-to-end tests). */
  id: string;
  label: MessageKey;
  hint?: MessageKey;
}

export interface TextField extends FieldBase {
  kind: "text" | "email" | "tel" | "textarea";
  get(r: Request): string;
  set(r: Request, value: string): void;
  maxLength?: number;
  autocomplete?: string;
}

export interface SelectField extends FieldBase {
  kind: "select";
  options: { value: string; label: MessageKey }[];
  get(r: Request): string;
  set(r: Request, value: string): void;
}

export type Field = TextField | SelectField;

export interface Section {
  heading: MessageKey;
  fields: Field[];
}

const NATURES: ProceedingNature[] = [
  "unspecified",
  "investigation",
  "prosecution",
  "judicial_proceeding",
  "civil_or_administrative",
];

export const SECTIONS: Section[] = [
  {
    heading: "editor.sectionRequest",
    fields: [
      {
        id: "f-reference",
        kind: "text",
        label: "field.reference",
        hint: "field.reference.hint",
        get: (r) => r.reference,
        set: (r, v) => {
          r.reference = v;
        },
      },
      {
        id: "f-requested-state",
        kind: "text",
        label: "field.requestedState",
        hint: "field.requestedState.hint",
        maxLength: 3,
        get: (r) => r.requested_state,
        set: (r, v) => {
          r.requested_state = normalizeStateCode(v);
        },
      },
    ],
  },
  {
    heading: "editor.sectionAuthority",
    fields: [
      {
        id: "f-authority-name",
        kind: "text",
        label: "field.authorityName",
        autocomplete: "organization",
        get: (r) => r.requesting_authority.name,
        set: (r, v) => {
          r.requesting_authority.name = v;
        },
      },
      {
        id: "f-officer-name",
        kind: "text",
        label: "field.officerName",
        autocomplete: "name",
        get: (r) => r.requesting_authority.officer.name,
        set: (r, v) => {
          r.requesting_authority.officer.name = v;
        },
      },
      {
        id: "f-officer-email",
        kind: "email",
        label: "field.officerEmail",
        autocomplete: "email",
        get: (r) => r.requesting_authority.officer.email,
        set: (r, v) => {
          r.requesting_authority.officer.email = v;
        },
      },
      {
        id: "f-officer-phone",
        kind: "tel",
        label: "field.officerPhone",
        autocomplete: "tel",
        get: (r) => r.requesting_authority.officer.phone,
        set: (r, v) => {
          r.requesting_authority.officer.phone = v;
        },
      },
    ],
  },
  {
    heading: "editor.sectionCase",
    fields: [
      {
        id: "f-case-nature",
        kind: "select",
        label: "field.caseNature",
        options: NATURES.map((n) => ({ value: n, label: `nature.${n}` as MessageKey })),
        get: (r) => r.case.nature,
        set: (r, v) => {
          if ((NATURES as string[]).includes(v)) r.case.nature = v as ProceedingNature;
        },
      },
      {
        id: "f-case-subject",
        kind: "text",
        label: "field.caseSubject",
        get: (r) => r.case.subject,
        set: (r, v) => {
          r.case.subject = v;
        },
      },
      {
        id: "f-conducting-authority",
        kind: "text",
        label: "field.conductingAuthority",
        get: (r) => r.case.conducting_authority.name,
        set: (r, v) => {
          r.case.conducting_authority.name = v;
        },
      },
      {
        id: "f-case-number",
        kind: "text",
        label: "field.caseNumber",
        get: (r) => r.case.case_number,
        set: (r, v) => {
          r.case.case_number = v;
        },
      },
    ],
  },
  {
    heading: "editor.sectionFacts",
    fields: [
      {
        id: "f-facts",
        kind: "textarea",
        label: "field.facts",
        hint: "field.facts.hint",
        get: (r) => r.facts,
        set: (r, v) => {
          r.facts = v;
        },
      },
    ],
  },
];

export function allFields(): Field[] {
  return SECTIONS.flatMap((s) => s.fields);
}
