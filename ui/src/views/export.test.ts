// The export panel against a fake backend: what it sends (never a path, the password once),
// how it shows progress, results and errors.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EXPORT_PROGRESS_EVENT } from "../api";
import type { ExportProgress, ExportResult, ExportSelection } from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { renderExportPanel } from "./export";
import { EXPORT_MESSAGES, tx } from "./export.messages";
import { setLocale, type Locale } from "../i18n";

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
};

const RESULT: ExportResult = {
  path: "/home/j/R-1.pdf", pages: 4, bytes: 123456, signed: true, lang: "en",
  verification: { valid: true, signer: "Jeanne Procureur", issuer: "Test CA", signing_time: null, problems: [] },
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
    const calls = backend({
      export_selection: () => ({ certificate: null, annexes: [], output: null }),
      export_choose_certificate: () => ({ ...SELECTED, annexes: [], output: null }),
      export_choose_annexes: () => ({ ...SELECTED, output: null }),
      export_choose_output: () => SELECTED,
      export_remove_annex: () => ({ ...SELECTED, annexes: [] }),
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
    expect(calls.map((c) => c.cmd)).toEqual([
      "export_selection", "export_choose_certificate", "export_choose_annexes",
      "export_choose_output", "export_remove_annex",
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
    pw.value = "s3cret";
    ($("export-lang") as HTMLSelectElement).value = "fr";
    $("export-start").click();
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "export_pdf")).toBe(true));
    expect(flush).toHaveBeenCalledTimes(1);
    expect(pw.value).toBe("");
    expect(calls.find((c) => c.cmd === "export_pdf")?.args).toEqual({
      id: 7, lang: "fr", sign: true, password: "s3cret", function: "Procureure", place: "Lyon",
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

  it("has every string in English, French and Spanish, and a plain sentence per export error code", () => {
    const keys = Object.keys(EXPORT_MESSAGES.en).sort();
    for (const lang of ["fr", "es"] as const) {
      expect(Object.keys(EXPORT_MESSAGES[lang]).sort()).toEqual(keys);
      for (const [k, v] of Object.entries(EXPORT_MESSAGES[lang])) expect(v, `${lang} ${k}`).not.toBe("");
    }
    for (const code of [
      "export_cancelled", "export_output_is_input", "export_letter_failed", "export_typeset_failed",
      "export_annex_unreadable", "export_write_failed", "export_not_ready", "sign_wrong_password",
      "sign_certificate_expired", "sign_certificate_not_yet_valid", "sign_no_private_key",
      "sign_certificate_not_for_signing", "sign_token_failed", "sign_key_unreadable", "sign_failed",
    ]) {
      expect(keys, code).toContain(`error.${code}`);
    }
    expect(tx("stage.annex", { index: 2, count: 3, name: "a", percent: 10 })).toBe("Adding annex 2 of 3: a (10 %)…");
  });
});
