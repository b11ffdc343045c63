/// <reference types="vite/client" />
// Every code the Rust verifier can send has a sentence in English, French and Spanish, with
// exactly the values that code carries. The codes are read from the generated bindings
// (ui/src/bindings/signature.ts), so a code added in Rust without messages fails here.

import { afterEach, describe, expect, it } from "vitest";
import signatureBindings from "./bindings/signature.ts?raw";
import { LOCALES, catalogues, placeholders, setLocale, type MessageKey } from "./i18n";
import { PROBLEM_MESSAGES, UNTRUSTED_MESSAGES, problemText, untrustedText } from "./signature-problems";

/** The codes of a generated union type and the fields each one carries, besides `code`. */
function codesOf(typeName: string): Map<string, string[]> {
  const start = signatureBindings.indexOf(`export type ${typeName} =`);
  if (start < 0) throw new Error(`${typeName} is not in bindings/signature.ts`);
  const end = signatureBindings.indexOf("export type", start + 1);
  const text = signatureBindings.slice(start, end < 0 ? undefined : end)
    .replace(/\/\*\*[\s\S]*?\*\//g, "");
  const codes = new Map<string, string[]>();
  for (const m of text.matchAll(/\{\s*"code":\s*"(\w+)"([^}]*)\}/g)) {
    const fields = [...(m[2] ?? "").matchAll(/(\w+)\??:/g)].map((f) => f[1] ?? "").sort();
    codes.set(m[1] ?? "", fields);
  }
  return codes;
}

const PROBLEM_CODES = codesOf("SignatureProblem");
const UNTRUSTED_CODES = codesOf("UntrustedReason");

describe("signature problem messages", () => {
  afterEach(() => setLocale("en"));

  it("reads the codes from the bindings (so the tests below cannot pass empty)", () => {
    expect(PROBLEM_CODES.size).toBeGreaterThanOrEqual(20);
    expect(PROBLEM_CODES.get("digest_mismatch")).toEqual([]);
    expect(PROBLEM_CODES.get("byte_range_outside_file")).toEqual(["byte_range", "file_size"]);
    expect(UNTRUSTED_CODES.get("no_trusted_issuer")).toEqual(["issuer", "subject"]);
  });

  it("have a message for every code the verifier sends, and for no other", () => {
    expect(Object.keys(PROBLEM_MESSAGES).sort()).toEqual([...PROBLEM_CODES.keys()].sort());
    expect(Object.keys(UNTRUSTED_MESSAGES).sort()).toEqual([...UNTRUSTED_CODES.keys()].sort());
  });

  it("exist in English, French and Spanish with exactly the values of their code", () => {
    const wrong: string[] = [];
    const check = (key: MessageKey, fields: string[]) => {
      for (const l of LOCALES) {
        const msg = catalogues[l][key];
        if (!msg || msg.trim() === "") wrong.push(`${l} ${key}: missing`);
        else if (placeholders(msg).join(",") !== fields.join(",")) {
          wrong.push(`${l} ${key}: {${placeholders(msg)}} but the code carries {${fields}}`);
        }
      }
    };
    for (const [code, fields] of PROBLEM_CODES) {
      const key = (PROBLEM_MESSAGES as Record<string, MessageKey>)[code];
      if (!key) wrong.push(`${code}: no message`);
      else check(key, fields);
    }
    for (const [code, fields] of UNTRUSTED_CODES) {
      const key = (UNTRUSTED_MESSAGES as Record<string, MessageKey>)[code];
      if (!key) wrong.push(`${code}: no message`);
      else check(key, fields);
    }
    // The variant without a /SubFilter at all has its own sentence, without the value.
    check("sigProblem.no_sub_filter", []);
    expect(wrong).toEqual([]);
  });

  it("fill in the values of the code", () => {
    setLocale("fr");
    expect(problemText({
      problem: { code: "byte_range_outside_file", byte_range: [0, 100, 200, 50], file_size: 240 },
      english: "/ByteRange [0 100 200 50] does not fit a 240-byte file",
    })).toBe("La plage d'octets de la signature [0 100 200 50] ne correspond pas à ce fichier de 240 octets.");
    setLocale("es");
    expect(problemText({
      problem: { code: "byte_range_wrong_length", count: 3 },
      english: "/ByteRange has 3 numbers, not 4",
    })).toBe("El rango de bytes de la firma (/ByteRange) tiene 3 números en lugar de 4.");
    expect(problemText({
      problem: { code: "unexpected_sub_filter", sub_filter: "adbe.x509.rsa_sha1" },
      english: "unexpected /SubFilter adbe.x509.rsa_sha1",
    })).toBe("El formato de firma adbe.x509.rsa_sha1 no se admite (se espera ETSI.CAdES.detached o adbe.pkcs7.detached).");
    expect(problemText({
      problem: { code: "unexpected_sub_filter", sub_filter: null },
      english: "the signature has no /SubFilter",
    })).toBe("La firma no indica su formato (falta /SubFilter).");
  });

  it("show times of an untrusted chain as local dates", () => {
    setLocale("fr");
    const text = untrustedText({
      reason: {
        code: "certificate_not_valid_at", subject: "CN=Jeanne Procureur",
        at: "2030-06-01T12:00:00+00:00", not_before: "2026-01-01T00:00:00+00:00", not_after: "2028-01-01T00:00:00+00:00",
      },
      english: "certificate CN=Jeanne Procureur is not valid at 2030-06-01T12:00:00+00:00 (…)",
    });
    expect(text).toMatch(/^le certificat CN=Jeanne Procureur n'est pas valide à la date du .*2030.* \(valide du .*2026.* au .*2028.*\)\.$/);
    expect(text).not.toContain("T00:00:00");
  });

  it("show the English sentence, marked as such, for a code this version does not know", () => {
    const unknown = {
      problem: { code: "from_a_newer_version", depth: 3 },
      english: "something new went wrong",
    } as unknown as Parameters<typeof problemText>[0];
    setLocale("fr");
    expect(problemText(unknown)).toBe("something new went wrong (en anglais : ce message n'a pas de traduction)");
    setLocale("en");
    expect(problemText(unknown)).toBe("something new went wrong");
    setLocale("es");
    const noCode = { reason: {}, english: "odd" } as unknown as Parameters<typeof untrustedText>[0];
    expect(untrustedText(noCode)).toBe("odd (en inglés: este mensaje no tiene traducción)");
    // An inherited property is not a code.
    const proto = { problem: { code: "toString" }, english: "x" } as unknown as Parameters<typeof problemText>[0];
    expect(problemText(proto)).toBe("x (en inglés: este mensaje no tiene traducción)");
  });
});
