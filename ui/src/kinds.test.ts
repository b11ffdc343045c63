// The lists the interface shows come from the generated bindings, each value with a label
// in every language; a value without one does not compile.

import { describe, expect, it } from "vitest";
import * as K from "./bindings/kinds";
import { LOCALES, catalogues, type MessageKey } from "./i18n";
import {
  ASSET_KIND_OPTIONS, CERTIFICATION_OPTIONS, CHANNEL_OPTIONS, DATA_CATEGORY_OPTIONS, DRAFT_STATUS_LABELS, HEARING_OPTIONS,
  LABELLED_CODES, LANGUAGE_OPTIONS, LEGAL_BASIS_OPTIONS, LETTER_LANGUAGES, NATURE_OPTIONS, ROLE_OPTIONS, TRANSLATION_OPTIONS,
  labelled,
} from "./kinds";

describe("lists generated from the Rust enums", () => {
  it("keep the interface's order: its own languages first, then the others by code", () => {
    expect(LETTER_LANGUAGES).toEqual(["en", "fr", "es", "ar", "ru", "zh"]);
    expect([...LOCALES]).toEqual([...K.INTERFACE_LANGUAGES]);
  });

  it("offer every value of each enum, in the enum's order", () => {
    expect(NATURE_OPTIONS.map((o) => o.value)).toEqual([...K.PROCEEDING_NATURES]);
    expect(LEGAL_BASIS_OPTIONS.map((o) => o.label)).toEqual(K.LEGAL_BASIS_KINDS.map((k) => `lb.${k}`));
    expect(ROLE_OPTIONS).toHaveLength(K.PERSON_ROLES.length);
  });

  it("have a label for every value in every language", () => {
    const all = [
      LANGUAGE_OPTIONS, NATURE_OPTIONS, CHANNEL_OPTIONS, LEGAL_BASIS_OPTIONS, ROLE_OPTIONS, ASSET_KIND_OPTIONS, HEARING_OPTIONS,
      DATA_CATEGORY_OPTIONS, TRANSLATION_OPTIONS, CERTIFICATION_OPTIONS, ...LABELLED_CODES,
      [...DRAFT_STATUS_LABELS].map(([value, label]) => ({ value, label })),
    ];
    const missing: string[] = [];
    for (const list of all) {
      for (const { label } of list) {
        for (const l of LOCALES) if (!Object.hasOwn(catalogues[l], label)) missing.push(`${l} ${label}`);
      }
    }
    expect(all.flat().length).toBeGreaterThan(80);
    expect(missing).toEqual([]);
  });

  it("refuse, at compile time, a value without a label", () => {
    const fresh = ["unspecified", "brand_new_kind"] as const;
    // @ts-expect-error "nature.brand_new_kind" is in no catalogue (tsc fails if this compiles)
    const options = labelled("nature", fresh);
    expect(options.map((o) => o.label)).toEqual(["nature.unspecified", "nature.brand_new_kind"] as MessageKey[]);
  });
});
