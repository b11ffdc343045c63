import { describe, expect, it } from "vitest";
import { LOCALES, catalogues, placeholders, setLocale, t, type MessageKey } from "./i18n";

describe("the interface catalogues", () => {
  const keys = Object.keys(catalogues.en) as MessageKey[];

  it("give every key in every language, and nothing else", () => {
    for (const l of LOCALES) {
      expect(Object.keys(catalogues[l]).sort(), l).toEqual([...keys].sort());
    }
  });

  it("keep the same placeholders in every translation, and no empty message", () => {
    const wrong: string[] = [];
    for (const l of LOCALES) {
      for (const k of keys) {
        const msg = catalogues[l][k];
        if (msg.trim() === "") wrong.push(`${l} ${k}: empty`);
        if (placeholders(msg).join(",") !== placeholders(catalogues.en[k]).join(",")) {
          wrong.push(`${l} ${k}: {${placeholders(msg)}} instead of {${placeholders(catalogues.en[k])}}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("are really translated: French and Spanish differ from English where words are", () => {
    // Names, codes, abbreviations and patterns without words (placeholders and
    // punctuation) may be the same; sentences may not.
    const hasWords = (msg: string) => /\p{L}/u.test(msg.replace(/\{\w+\}/g, ""));
    for (const l of ["fr", "es"] as const) {
      const same = keys.filter((k) => catalogues.en[k].split(" ").length > 3 && hasWords(catalogues.en[k]) && catalogues[l][k] === catalogues.en[k]);
      expect(same, l).toEqual([]);
    }
  });

  it("switch language at once", () => {
    setLocale("fr");
    expect(t("step.3")).toBe("Infractions et faits");
    setLocale("es");
    expect(t("wizard.stepHeading", { n: 2, title: "X" })).toBe("Paso 2: X");
    setLocale("en");
    expect(t("severity.blocker", { n: 3 })).toBe("Blockers: 3");
  });
});
