import { describe, expect, it } from "vitest";
import type { Finding } from "../bindings/finding";
import type { CatalogueView, ProfileCard } from "../bindings/ipc";
import type { Attachment } from "../bindings/model";
import { annexNeeds, dualCriminality } from "./indicators";

const catalogue: CatalogueView = {
  measure_kinds: [],
  letter_languages: [],
  offences: [
    { id: "uncac.15", title: "Bribery", article: "15", instrument: "uncac", status: "mandatory" },
    { id: "uncac.20", title: "Illicit enrichment", article: "20", instrument: "uncac", status: "optional" },
    { id: "uncac.21", title: "Private bribery", article: "21", instrument: "uncac", status: "optional" },
  ],
};
const fact = { instruments: [], values: [], source: "Law X art. 1", url: null, checked: "2026-01-01", quote: null };
const profile: ProfileCard = {
  iso3: "XEX", found: true, name: "Examplia", origin: "built-in", central_authorities: [], channels: [],
  languages: [], annex_languages: [], legal_basis: null, dual_criminality: null,
  optional_offences: [{ category: "uncac.20", criminalized: false, fact }],
};

describe("the dual-criminality indicator", () => {
  it("follows the catalogue and the profile, and says unknown when nothing is sourced", () => {
    expect(dualCriminality("", catalogue, profile)).toBe("no_category");
    expect(dualCriminality("uncac.15", catalogue, profile)).toBe("mandatory");
    expect(dualCriminality("uncac.20", catalogue, profile)).toBe("not_criminalized");
    expect(dualCriminality("uncac.21", catalogue, profile)).toBe("unknown");
    expect(dualCriminality("uncac.21", catalogue, null)).toBe("unknown");
    expect(dualCriminality("made.up", catalogue, profile)).toBe("unknown_category");
    const yes = { ...profile, optional_offences: [{ category: "uncac.20", criminalized: true, fact }] };
    expect(dualCriminality("uncac.20", catalogue, yes)).toBe("criminalized");
  });
});

describe("what an annex still needs", () => {
  const att: Attachment = { id: "att-1", title: "Order", language: "en", translation: "needed", translation_language: "fr", certification: "none", file_name: "" };
  const finding = (path: string): Finding => ({ rule_id: "r", severity: "warning", path, title: path, message: "", fix: "", source: "" });
  it("says when a translator is needed and lists the findings about that annex only", () => {
    const needs = annexNeeds(att, 1, [finding("attachments[1].translation"), finding("attachments[10].language"), finding("attachments[1]"), finding("facts")]);
    expect(needs.needsTranslator).toBe(true);
    expect(needs.findings.map((f) => f.path)).toEqual(["attachments[1].translation", "attachments[1]"]);
    expect(annexNeeds({ ...att, translation: "done" }, 0, []).needsTranslator).toBe(false);
  });
});
