// The export panel as a component: its actions (state in, state out) and its drawing
// (state in, DOM out), without IPC. export.test.ts drives the whole panel.

import { afterEach, describe, expect, it, vi } from "vitest";
import type { ExportResult, TokenKeyView } from "../bindings/ipc";
import { setLocale } from "../i18n";
import { renderExport, type ExportIntents } from "./export.render";
import * as A from "./export.state";

const KEY = (id: string, status: TokenKeyView["status"] = "ok"): TokenKeyView => ({
  token_label: "mla-test", key_id: id, key_label: `k${id}`, key_type: "RSA 2048", subject: "CN=J",
  issuer: "CN=CA", not_before: "2026-01-01T00:00:00Z", not_after: "2028-01-01T00:00:00Z", status, problem: null,
});

const MODULE = { name: "libsofthsm2.so", path: "/usr/lib/softhsm/libsofthsm2.so", size: 1 };

function intents(): ExportIntents {
  return {
    edit: vi.fn(), chooseCertificate: vi.fn(), chooseModule: vi.fn(), listKeys: vi.fn(), chooseKey: vi.fn(),
    chooseSeal: vi.fn(), removeSeal: vi.fn(), addAnnexes: vi.fn(), removeAnnex: vi.fn(), chooseOutput: vi.fn(),
    start: vi.fn(), cancel: vi.fn(),
  };
}

const start = () => A.initialState("Procureure", "Lyon", true);

describe("export panel actions", () => {
  it("choose the only key that can sign, and none among several", () => {
    const one = A.keysListed(A.listingStarted(start()), [KEY("1", "expired"), KEY("2")]);
    expect(one.chosenKey?.key_id).toBe("2");
    expect(one.listing).toBe(false);
    const two = A.keysListed(start(), [KEY("1"), KEY("2")]);
    expect(two.chosenKey).toBeNull();
  });

  it("forget the keys listed when another module is chosen, not when the same one comes back", () => {
    const sel = { certificate: null, annexes: [], output: null, module: MODULE, seal: null };
    const listed = A.keysListed(A.selectionArrived(start(), sel), [KEY("1")]);
    expect(A.selectionArrived(listed, sel).tokenKeys).toHaveLength(1);
    const other = A.selectionArrived(listed, { ...sel, module: { ...MODULE, path: "/opt/other.so" } });
    expect(other.tokenKeys).toEqual([]);
    expect(other.chosenKey).toBeNull();
  });

  it("clear the secrets and every message when the export starts, and keep what is signing", () => {
    const typed = A.showError(A.edit(A.edit(start(), "password", "s3cret"), "pin", "1234"), "sealError", ["x"]);
    const s = A.exportStarted(typed);
    expect([s.password, s.pin, s.sealError, s.error, s.running, s.bar, s.signing]).toEqual(["", "", null, null, true, 0, true]);
    expect(A.progressed(s, { stage: "writing", fraction: 0.9, done: 0, total: 0, annex_index: 0, annex_count: 0, annex: null }).bar).toBe(0.9);
    const failed = A.exportFailed(s, ["no"]);
    expect([failed.running, failed.bar, failed.stage, failed.error]).toEqual([false, null, null, ["no"]]);
  });

  it("hide an error box only when it shows something (the same state otherwise)", () => {
    const s = start();
    expect(A.hideError(s, "tokenError")).toBe(s);
    expect(A.hideError(A.showError(s, "tokenError", ["x"]), "tokenError").tokenError).toBeNull();
  });
});

describe("export panel drawing", () => {
  afterEach(() => setLocale("en"));

  it("shows the certificate fields or the token fields, and the sign fields only when signing", () => {
    const p12 = renderExport(start(), intents());
    expect(p12.querySelector<HTMLElement>("#export-p12-fields")!.hidden).toBe(false);
    expect(p12.querySelector<HTMLElement>("#export-token-fields")!.hidden).toBe(true);
    expect(p12.querySelector("#export-start")!.textContent).toBe("Export and sign PDF");
    const token = renderExport(A.edit(start(), "using", "token"), intents());
    expect(token.querySelector<HTMLElement>("#export-p12-fields")!.hidden).toBe(true);
    expect(token.querySelector("#export-keys-empty")!.textContent).toBe("Type the PIN, then show the keys on the token.");
    const unsigned = renderExport(A.edit(start(), "sign", false), intents());
    expect(unsigned.querySelector<HTMLElement>("#export-sign-fields")!.hidden).toBe(true);
    expect(unsigned.querySelector("#export-start")!.textContent).toBe("Export PDF");
  });

  it("disables every control while running, except cancel, and shows progress words", () => {
    const s = A.progressed(A.exportStarted(start()), { stage: "annex", fraction: 0.5, done: 1, total: 4, annex_index: 0, annex_count: 2, annex: "a.pdf" });
    const node = renderExport(s, intents());
    const enabled = [...node.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("button, input, select")]
      .filter((c) => !c.disabled).map((c) => c.id);
    expect(enabled).toEqual(["export-cancel"]);
    expect(node.querySelector<HTMLElement>("#export-cancel")!.hidden).toBe(false);
    expect(node.querySelector("#export-stage")!.textContent).toBe("Adding annex 1 of 2: a.pdf (25 %)…");
    expect(node.querySelector("#export-progress")!.getAttribute("value")).toBe("0.5");
  });

  it("lists the token's keys, the chosen one checked, those that cannot sign disabled", () => {
    const s = A.keysListed(A.edit(start(), "using", "token"), [KEY("1", "expired"), KEY("2")]);
    const node = renderExport(s, intents());
    const radios = [...node.querySelectorAll<HTMLInputElement>("input[name=export-key]")];
    expect(radios.map((r) => [r.id, r.checked, r.disabled])).toEqual([["export-key-0", false, true], ["export-key-1", true, false]]);
    expect(node.querySelector("#export-key-1-details")!.textContent).toBe("Valid from 2026-01-01 to 2028-01-01 — can sign");
  });

  it("shows the result and the errors in the interface language, and sends what the user does", () => {
    setLocale("fr");
    const result: ExportResult = {
      path: "/tmp/R.pdf", pages: 2, bytes: 1, signed: false, lang: "fr", verification: null, needs_translation: 1, missing_glyphs: "",
    };
    const on = intents();
    const node = renderExport(A.showError(A.exportDone(start(), result), "tokenError", ["Mauvais PIN"]), on);
    expect(node.querySelector("#export-saved")!.textContent).toBe("Enregistré sans signature : /tmp/R.pdf (2 pages).");
    expect(node.querySelector("#export-token-error")!.textContent).toBe("Mauvais PIN");
    expect(node.querySelector<HTMLElement>("#export-error")!.hidden).toBe(true);
    node.querySelector<HTMLButtonElement>("#export-choose-output")!.click();
    expect(on.chooseOutput).toHaveBeenCalledTimes(1);
    const fn = node.querySelector<HTMLInputElement>("#export-function")!;
    expect(fn.value).toBe("Procureure");
    fn.value = "Juge";
    fn.dispatchEvent(new Event("input"));
    expect(on.edit).toHaveBeenCalledWith("fn", "Juge");
  });
});
