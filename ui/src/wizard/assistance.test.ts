/// <reference types="vite/client" />
// The measure form is generated from the declaration of the types of assistance: every
// declared type gets one labelled control per field of its model, in every language.

import { describe, expect, it } from "vitest";
import bribery from "../../../assets/examples/bribery-bank-records-che.mla.json?raw";
import { ASSISTANCE, EMPTY_DETAILS } from "../bindings/assistance";
import type { Request } from "../bindings/model";
import { LOCALES } from "../i18n";
import { MEASURE_TYPES, emptyDetails } from "./defaults";
import { renderField } from "./form";
import { detailFields } from "./steps";

describe("the measure form follows the declaration", () => {
  const request = JSON.parse(bribery) as Request;

  it("offers every declared type", () => {
    expect(MEASURE_TYPES).toEqual(ASSISTANCE.map((a) => a.key));
    expect(MEASURE_TYPES).toContain("other");
  });

  for (const a of ASSISTANCE) {
    it(`shows a labelled control for each field of ${a.key}`, () => {
      const fields = Object.keys(EMPTY_DETAILS[a.key]()).filter((k) => k !== "type");
      expect(emptyDetails(a.key).type).toBe(a.key);
      const specs = detailFields(a.key, "measures[0].details", request);
      expect(specs.map((s) => s.path)).toEqual(fields.map((f) => `measures[0].details.${f}`));
      for (const f of a.fields) {
        for (const l of LOCALES) expect(f.label[l].trim(), `${a.key}.${f.name} in ${l}`).not.toBe("");
      }
      for (const l of LOCALES) expect(a.name[l].trim()).not.toBe("");
      const binding = { request: () => request, changed: () => {} };
      for (const spec of specs) {
        const control = renderField(spec, binding);
        expect(control.querySelector(`[data-path="${spec.path}"]`) ?? (control.dataset.path === spec.path ? control : null), spec.path).not.toBeNull();
      }
    });
  }
});
