// The export panel against a fake backend: what it sends (never a path, the password once),
// how it shows progress, results and errors.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EXPORT_PROGRESS_EVENT } from "../api";
import type { ErrorCode, ExportProgress, ExportResult, ExportSelection, TokenKeyView } from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { exportErrorText, renderExportPanel, tokenKeyText, verificationProblems } from "./export";
import { catalogues, setLocale, t, type Locale } from "../i18n";

function request(): Request {
  const contact = { name: "", function: "", email: "", phone: "", languages: [] };
  return {
    format_version: 1, id: "", reference: "R-1", drafting_language: "en", date: null,
    requesting_authority: { name: "", country: "", address: "", officer: contact },
    requested_state: "", addressee: { name: "", address: "" }, channel: "unspecified",
    legal_basis: [], urgency: { urgent: false, reason: "", deadline: null },
    confidentiality: { required: false, reason: "" },
    case: { nature: "unspecified", subject: "", conducting_authority: { name: "", functions: "" }, case_number: "", covert: false },
    offences: [], facts: "", persons: [], assets: [], measures: [], purpose: "", nexus: "",
    procedures: "", assurances: { speciality: false, reciprocity: false, costs: "" },
    attachments: [], signatory: { name: "J. Procureur", function: "Procureure", place: "Lyon" },
  };
}

const SELECTED: ExportSelection = {
  certificate: { name: "me.p12", path: "/home/j/me.p12", size: 2500 },
  annexes: [{ name: "bank.pdf", path: "/home/j/bank.pdf", size: 3 * 1024 * 1024 }],
  output: { name: "R-1.pdf", path: "/home/j/R-1.pdf", size: 0 },
  module: null,
  seal: null,
};

const RESULT: ExportResult = {
  path: "/home/j/R-1.pdf", pages: 4, bytes: 123456, signed: true, lang: "en",
  verification: {
    valid: true, signer: "Jeanne Procureur", issuer: "Test CA", signing_time: null, verdict: "verified", problems: [],
  },
  needs_translation: 0, missing_glyphs: "",
};

type Handler = (args: unknown) => unknown;

function backend(handlers: Record<string, Handler>) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload as { args?: unknown } | undefined)?.args;
    calls.push({ cmd, args: structuredClone(args) });
    const h = handlers[cmd];
    if (!h) throw { code: "internal", message: `unexpected command ${cmd}` };
    return h(args);
  }, { shouldMockEvents: true });
  return calls;
}

/** Type into a field or choose in a select as the user does: the value, then its event. */
function type(id: string, value: string): void {
  const field = $(id) as HTMLInputElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}

function $(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`no #${id}`);
  return e;
}

describe("export panel", () => {
  beforeEach(() => {
    document.body.replaceChildren();
    setLocale("en");
  });
  afterEach(() => clearMocks());

  function mount(flush = async () => true) {
    const panel = renderExportPanel({ draftId: 7, request, flush });
    document.body.append(panel.element);
    return panel;
  }

  it("shows the chosen files and never sends a path", async () => {
    // Like the backend: each command changes the selection and answers with all of it.
    let held: ExportSelection = { certificate: null, annexes: [], output: null, module: null, seal: null };
    const calls = backend({
      export_selection: () => held,
      export_choose_certificate: () => (held = { ...SELECTED, annexes: [], output: null }),
      export_choose_annexes: () => (held = { ...SELECTED, output: null }),
      export_choose_output: () => (held = SELECTED),
      export_remove_annex: () => (held = { ...SELECTED, annexes: [] }),
    });
    mount();
    await vi.waitFor(() => expect($("export-cert-name").textContent).toBe("No certificate chosen"));
    $("export-choose-cert").click();
    await vi.waitFor(() => expect($("export-cert-name").textContent).toBe("me.p12"));
    $("export-add-annexes").click();
    await vi.waitFor(() => expect($("export-annexes").textContent).toContain("bank.pdf (3.0 MB)"));
    $("export-choose-output").click();
    await vi.waitFor(() => expect($("export-output-name").textContent).toBe("/home/j/R-1.pdf"));
    document.querySelector<HTMLButtonElement>("#export-annexes .remove-annex")!.click();
    await vi.waitFor(() => expect($("export-annexes").textContent).toBe("No annexes"));
    // (The selection may be asked for again if the first click came before its answer.)
    expect(calls[0]?.cmd).toBe("export_selection");
    expect(calls.map((c) => c.cmd).filter((c) => c !== "export_selection")).toEqual([
      "export_choose_certificate", "export_choose_annexes", "export_choose_output", "export_remove_annex",
    ]);
    expect(calls.find((c) => c.cmd === "export_choose_output")?.args).toEqual({ id: 7 });
    expect(calls.find((c) => c.cmd === "export_remove_annex")?.args).toEqual({ index: 0 });
    expect(JSON.stringify(calls)).not.toContain("/home/j");
  });

  it("sends the password once, clears the field, shows progress and the verification", async () => {
    let release: (() => void) | undefined;
    const calls = backend({
      export_selection: () => SELECTED,
      export_pdf: () => new Promise((resolve) => { release = () => resolve(RESULT); }),
    });
    const flush = vi.fn(async () => true);
    mount(flush);
    await vi.waitFor(() => expect($("export-cert-name").textContent).toBe("me.p12"));
    expect(($("export-function") as HTMLInputElement).value).toBe("Procureure");
    const pw = $("export-password") as HTMLInputElement;
    type("export-password", "s3cret");
    type("export-lang", "fr");
    $("export-start").click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "export_pdf")).toBe(true));
    expect(flush).toHaveBeenCalledTimes(1);
    expect(pw.value).toBe("");
    expect(calls.find((c) => c.cmd === "export_pdf")?.args).toEqual({
      id: 7, lang: "fr", sign: true, token_key: null, password: "s3cret", function: "Procureure", place: "Lyon",
    });
    expect(($("export-start") as HTMLButtonElement).disabled).toBe(true);
    expect($("export-cancel").hidden).toBe(false);

    const p: ExportProgress = {
      stage: "annex", fraction: 0.5, annex: "bank.pdf", annex_index: 0, annex_count: 1,
      done: 1024 * 1024, total: 4 * 1024 * 1024,
    };
    await emit(EXPORT_PROGRESS_EVENT, p);
    await vi.waitFor(() => expect($("export-stage").textContent).toBe("Adding annex 1 of 1: bank.pdf (25 %)…"));
    expect(($("export-progress") as HTMLProgressElement).value).toBe(0.5);

    release!();
    await vi.waitFor(() => expect($("export-verification").dataset.valid).toBe("true"));
    expect($("export-verification").textContent).toContain("Signed by Jeanne Procureur");
    expect($("export-saved").textContent).toContain("/home/j/R-1.pdf (4 pages)");
    expect($("export-cancel").hidden).toBe(true);
    expect(($("export-start") as HTMLButtonElement).disabled).toBe(false);
  });

  it("cancel asks the backend to stop and says nothing was written", async () => {
    let reject: ((e: unknown) => void) | undefined;
    const calls = backend({
      export_selection: () => SELECTED,
      export_pdf: () => new Promise((_, r) => { reject = r; }),
      cancel_export: () => {
        reject?.({ code: "export_cancelled", message: "the export was cancelled; nothing was written" });
        return null;
      },
    });
    mount();
    await vi.waitFor(() => expect($("export-cert-name").textContent).toBe("me.p12"));
    $("export-start").click();
    await vi.waitFor(() => expect($("export-cancel").hidden).toBe(false));
    $("export-cancel").click();
    await vi.waitFor(() => expect($("export-error").hidden).toBe(false));
    expect($("export-error").textContent).toContain("Export cancelled. Nothing was written.");
    expect($("export-error").textContent).toContain("Your draft was not changed.");
    expect(calls.map((c) => c.cmd)).toContain("cancel_export");
    expect($("export-result").textContent).toBe("");
  });

  it("shows a wrong password in plain words, in the app's language", async () => {
    backend({
      export_selection: () => SELECTED,
      export_pdf: () => {
        throw { code: "sign_wrong_password", message: "me.p12: the PKCS#12 file could not be opened: wrong password" };
      },
    });
    setLocale("fr" as unknown as Locale);
    mount();
    await vi.waitFor(() => expect($("export-cert-name").textContent).toBe("me.p12"));
    $("export-start").click();
    await vi.waitFor(() => expect($("export-error").hidden).toBe(false));
    expect($("export-error").textContent).toContain("Ce mot de passe n’ouvre pas ce fichier de certificat.");
    expect($("export-error").textContent).toContain("wrong password");
  });

  it("does not export when the draft cannot be saved first", async () => {
    const calls = backend({ export_selection: () => SELECTED });
    mount(async () => false);
    await vi.waitFor(() => expect($("export-cert-name").textContent).toBe("me.p12"));
    $("export-start").click();
    await vi.waitFor(() => expect($("export-error").hidden).toBe(false));
    expect(calls.map((c) => c.cmd)).not.toContain("export_pdf");
  });

  const MODULE = { name: "libsofthsm2.so", path: "/usr/lib/softhsm/libsofthsm2.so", size: 1000 };
  const KEY_OK: TokenKeyView = {
    token_label: "mla-test", key_label: "rsa", key_id: "01", key_type: "RSA",
    subject: "Jeanne Procureur (O=Parquet de test, C=FR)", issuer: "MLA Desk Test CA",
    not_before: "2026-01-02T10:00:00+00:00", not_after: "2027-01-02T10:00:00+00:00",
    status: "ok", problem: null,
  };
  const KEY_EXPIRED: TokenKeyView = {
    ...KEY_OK, key_label: "old", key_id: "02", status: "expired",
    not_before: "2020-01-01T00:00:00+00:00", not_after: "2021-01-01T00:00:00+00:00", problem: "expired",
  };

  it("signs with a key on a token: module shortcut, PIN, keys listed, the PIN sent and cleared", async () => {
    let selection: ExportSelection = { ...SELECTED, certificate: null };
    const calls = backend({
      export_selection: () => selection,
      export_known_modules: () => [{ name: "SoftHSM2", file: MODULE }],
      export_choose_module: () => (selection = { ...selection, module: MODULE }),
      export_token_keys: () => [KEY_EXPIRED, KEY_OK],
      export_choose_seal: () => (selection = { ...selection, seal: { name: "seal.png", path: "/home/j/seal.png", size: 900 } }),
      export_pdf: () => RESULT,
    });
    mount();
    await vi.waitFor(() => expect($("export-output-name").textContent).toBe("/home/j/R-1.pdf"));
    expect($("export-token-fields").hidden).toBe(true);
    ($("export-with-token") as HTMLInputElement).click();
    expect($("export-token-fields").hidden).toBe(false);
    expect($("export-p12-fields").hidden).toBe(true);
    expect(($("export-list-keys") as HTMLButtonElement).disabled).toBe(true);
    await vi.waitFor(() => expect(document.querySelector("#export-known-modules button")).not.toBeNull());
    const shortcut = document.querySelector<HTMLButtonElement>("#export-known-modules button")!;
    expect(shortcut.textContent).toBe("Use SoftHSM2");
    expect(shortcut.getAttribute("aria-label")).toBe("Use the SoftHSM2 module (/usr/lib/softhsm/libsofthsm2.so)");
    shortcut.click();
    await vi.waitFor(() => expect($("export-module-name").textContent).toBe(MODULE.path));
    type("export-pin", "271828");
    $("export-list-keys").click();
    await vi.waitFor(() => expect(document.querySelectorAll("#export-token-keys input[type=radio]").length).toBe(2));
    const expired = $("export-key-0") as HTMLInputElement;
    const ok = $("export-key-1") as HTMLInputElement;
    expect(expired.disabled).toBe(true);
    expect(ok.disabled).toBe(false);
    // The only key that can sign is chosen for the user.
    expect(ok.checked).toBe(true);
    expect($("export-token-keys").textContent).toContain("expired: cannot sign");
    expect($("export-token-keys").textContent).toContain("Valid from 2026-01-02 to 2027-01-02");
    $("export-choose-seal").click();
    await vi.waitFor(() => expect($("export-seal-name").textContent).toBe("seal.png"));
    expect($("export-remove-seal").hidden).toBe(false);
    $("export-start").click();
    await vi.waitFor(() => expect($("export-verification").dataset.valid).toBe("true"));
    expect(($("export-pin") as HTMLInputElement).value).toBe("");
    expect(calls.find((c) => c.cmd === "export_choose_module")?.args).toEqual({ known: 0 });
    expect(calls.find((c) => c.cmd === "export_token_keys")?.args).toEqual({ pin: "271828" });
    expect(calls.find((c) => c.cmd === "export_pdf")?.args).toEqual({
      id: 7, lang: null, sign: true, token_key: { token_label: "mla-test", key_id: "01" },
      password: "271828", function: "Procureure", place: "Lyon",
    });
    // Paths come from the backend only; the UI never sends one.
    expect(JSON.stringify(calls.map((c) => c.args))).not.toContain("/usr/lib");
  });

  it("says a wrong PIN in plain words and does not export without a key", async () => {
    const calls = backend({
      export_selection: () => ({ ...SELECTED, module: MODULE }),
      export_known_modules: () => [],
      export_token_keys: () => {
        throw { code: "sign_wrong_pin", message: "the token refused the PIN (wrong PIN)" };
      },
    });
    setLocale("es" as unknown as Locale);
    mount();
    await vi.waitFor(() => expect($("export-module-name").textContent).toBe(MODULE.path));
    ($("export-with-token") as HTMLInputElement).click();
    type("export-pin", "0000");
    $("export-list-keys").click();
    await vi.waitFor(() => expect($("export-token-error").hidden).toBe(false));
    expect($("export-token-error").textContent).toContain("El token rechazó este PIN.");
    expect($("export-token-error").textContent).toContain("Su borrador no se ha modificado.");
    expect($("export-token-keys").textContent).toBe("");
    $("export-start").click();
    await vi.waitFor(() => expect($("export-error").textContent).toContain("Elija primero una clave del token"));
    expect(calls.map((c) => c.cmd)).not.toContain("export_pdf");
  });

  it("refuses an unreadable seal image with a clear message", async () => {
    backend({
      export_selection: () => SELECTED,
      export_choose_seal: () => {
        throw { code: "sign_seal_unreadable", message: "the seal image /x/seal.png: PNG: invalid signature" };
      },
    });
    mount();
    await vi.waitFor(() => expect($("export-cert-name").textContent).toBe("me.p12"));
    $("export-choose-seal").click();
    await vi.waitFor(() => expect($("export-seal-error").hidden).toBe(false));
    expect($("export-seal-error").textContent).toContain("This seal image cannot be used: choose a PNG or JPEG picture.");
    expect($("export-seal-name").textContent).toBe("No seal");
    expect($("export-remove-seal").hidden).toBe(true);
  });

  it("shows what the backend holds when two choices overlap and answer out of order", async () => {
    // Each answer is the whole selection as the backend saw it when that command ended: the
    // seal's answer, arriving last, was taken before the output was chosen.
    const seal = { name: "seal.png", path: "/home/j/seal.png", size: 10 };
    const newOutput = { name: "R-1-token.pdf", path: "/home/j/R-1-token.pdf", size: 0 };
    let releaseSeal = () => {};
    const calls = backend({
      export_selection: () => (calls.length > 1 ? { ...SELECTED, seal, output: newOutput } : SELECTED),
      export_choose_seal: () => new Promise((resolve) => { releaseSeal = () => resolve({ ...SELECTED, seal }); }),
      export_choose_output: () => ({ ...SELECTED, seal, output: newOutput }),
    });
    mount();
    await vi.waitFor(() => expect($("export-output-name").textContent).toBe("/home/j/R-1.pdf"));
    $("export-choose-seal").click();
    $("export-choose-output").click();
    await vi.waitFor(() => expect(calls.map((c) => c.cmd)).toContain("export_choose_output"));
    await vi.waitFor(() => expect($("export-output-name").textContent).toBe("/home/j/R-1-token.pdf"));
    releaseSeal();
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "export_selection")).toHaveLength(2));
    await vi.waitFor(() => expect($("export-seal-name").textContent).toBe("seal.png"));
    expect($("export-output-name").textContent).toBe("/home/j/R-1-token.pdf");
  });

  it("describes a token key: subject, validity, status", () => {
    expect(tokenKeyText(KEY_OK)).toEqual({
      line: "Jeanne Procureur (O=Parquet de test, C=FR) — key “rsa” on token “mla-test” (RSA)",
      validity: "Valid from 2026-01-02 to 2027-01-02",
      status: "can sign",
    });
    const bare = tokenKeyText({ ...KEY_OK, key_label: "", subject: null, not_before: null, not_after: null, status: "no_certificate" });
    expect(bare.line).toBe("(no certificate) — key “01” on token “mla-test” (RSA)");
    expect(bare.validity).toBeNull();
    expect(bare.status).toBe("no certificate on the token: cannot sign");
    setLocale("fr" as unknown as Locale);
    expect(tokenKeyText(KEY_EXPIRED).status).toBe("expiré : ne peut pas signer");
  });

  it("says why the saved file did not verify in the interface language", async () => {
    const check = (over: Partial<NonNullable<ExportResult["verification"]>>) => ({
      ...RESULT.verification!, valid: false, ...over,
    });
    setLocale("es");
    expect(verificationProblems(check({ verdict: "no_signature", signer: null, issuer: null }))).toEqual([
      "El archivo guardado no contiene ninguna firma.",
    ]);
    expect(verificationProblems(check({
      verdict: "invalid",
      problems: [{ problem: { code: "digest_mismatch" }, english: "the document was changed after it was signed" }],
    }))).toEqual([
      "El documento fue modificado después de su firma: los bytes firmados ya no coinciden con la firma.",
    ]);
    setLocale("fr");
    expect(verificationProblems(check({ verdict: "changed_after_signing" }))).toEqual([
      "Le fichier a été modifié après sa signature.",
    ]);
    expect(verificationProblems(check({ verdict: "invalid" }))).toEqual([
      "Une autre signature du fichier n’est pas valide.",
    ]);

    // And in the panel, after signing.
    const failed: ExportResult = {
      ...RESULT,
      verification: check({
        verdict: "invalid",
        problems: [{ problem: { code: "several_signers", count: 3 }, english: "the CMS has 3 signers; only the first is checked" }],
      }),
    };
    backend({ export_selection: () => SELECTED, export_pdf: () => failed });
    mount(vi.fn(async () => true));
    await vi.waitFor(() => expect($("export-cert-name").textContent).toBe("me.p12"));
    type("export-password", "s3cret");
    $("export-start").click();
    await vi.waitFor(() => expect($("export-verification").dataset.valid).toBe("false"));
    expect($("export-verification").textContent).toBe(
      "Le fichier enregistré n’a PAS pu être vérifié : La signature comporte 3 signataires ; seul le premier a été vérifié.");
  });

  it("has a plain sentence per export error code, in the one catalogue", () => {
    const keys = Object.keys(catalogues.en);
    for (const code of [
      "export_cancelled", "export_output_is_input", "export_letter_failed", "export_typeset_failed",
      "export_annex_unreadable", "export_write_failed", "export_not_ready", "sign_wrong_password",
      "sign_certificate_expired", "sign_certificate_not_yet_valid", "sign_no_private_key",
      "sign_certificate_not_for_signing", "sign_token_failed", "sign_key_unreadable", "sign_failed",
      "sign_wrong_pin", "sign_pin_locked", "sign_no_token", "sign_no_token_key", "sign_seal_unreadable",
    ]) {
      expect(keys, code).toContain(`exportError.${code}`);
      expect(exportErrorText({ code: code as ErrorCode, message: "x" })[0], code).not.toBe(t("exportError.other"));
    }
    expect(t("export.stage.annex", { index: 2, count: 3, name: "a", percent: 10 })).toBe("Adding annex 2 of 3: a (10 %)…");
  });
});
