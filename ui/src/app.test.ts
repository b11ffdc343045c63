// The UI against a fake backend (Tauri's IPC mocks): what it asks the Rust side for, in
// which order, and what it shows.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app";
import { CLOSE_REQUESTED_EVENT } from "./api";
import type { DraftRow, RegisterStatus } from "./bindings/ipc";
import type { Request } from "./bindings/model";

function emptyRequest(reference: string): Request {
  const contact = { name: "", function: "", email: "", phone: "", languages: [] };
  return {
    format_version: 1, id: "", reference, drafting_language: "en", date: null,
    requesting_authority: { name: "", country: "", address: "", officer: contact },
    requested_state: "", addressee: { name: "", address: "" }, channel: "unspecified",
    legal_basis: [], urgency: { urgent: false, reason: "", deadline: null },
    confidentiality: { required: false, reason: "" },
    case: { nature: "unspecified", subject: "", conducting_authority: { name: "", functions: "" }, case_number: "", covert: false },
    offences: [], facts: "", persons: [], assets: [], measures: [], purpose: "", nexus: "",
    procedures: "", assurances: { speciality: false, reciprocity: false, costs: "" },
    attachments: [], signatory: { name: "", function: "", place: "" },
  };
}

interface FakeDraft { row: DraftRow; request: Request }

/** An in-memory backend with the commands' shapes; records every call. */
function fakeBackend(status: RegisterStatus, drafts: FakeDraft[], catalogueGate?: Promise<void>) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload as { args?: unknown } | undefined)?.args;
    calls.push({ cmd, args: structuredClone(args) });
    const find = (id: number) => {
      const d = drafts.find((x) => x.row.id === id);
      if (!d) throw { code: "draft_not_found", message: `no draft with id ${id} in the register` };
      return d;
    };
    switch (cmd) {
      case "register_status":
        return status;
      case "list_drafts": {
        const { query, trash } = args as { query: string; trash: boolean };
        const q = query.trim().toLowerCase();
        return drafts
          .filter((d) => d.row.deleted === trash)
          .filter((d) => q === "" || `${d.row.reference} ${d.row.requested_state}`.toLowerCase().includes(q))
          .map((d) => d.row);
      }
      case "get_draft": {
        const d = find((args as { id: number }).id);
        return { summary: d.row, request: d.request };
      }
      case "save_draft": {
        const { id, request } = args as { id: number; request: Request };
        const d = find(id);
        d.request = request;
        d.row = { ...d.row, reference: request.reference, version: d.row.version + 1 };
        return { summary: d.row };
      }
      case "draft_history":
        return [];
      case "check_draft": {
        const { request } = args as { request: Request };
        const findings = request.facts.trim() === ""
          ? [{ rule_id: "content.facts-summary", severity: "blocker", path: "facts", title: "No summary of the facts", message: "m", fix: "f", source: "UNCAC art. 46(15)(c)" }]
          : [];
        const blockers = findings.length;
        return { findings, readiness: { verdict: blockers ? "likely_refused" : "ready", blockers, warnings: 0, advice: 0 }, profile: null, pack_problem: null };
      }
      case "catalogue":
        if (catalogueGate) return catalogueGate.then(() => ({ measure_kinds: [], offences: [], letter_languages: [] }));
        return { measure_kinds: [{ key: "search_seizure", label: "Search and seizure", coercive: true }], offences: [{ id: "uncac.15", title: "Bribery of national public officials", article: "15", instrument: "uncac", status: "mandatory" }], letter_languages: [{ code: "en", name: "English", reviewed: true }] };
      case "state_profile": {
        const { iso3 } = args as { iso3: string };
        return { iso3: iso3.toUpperCase(), found: false, name: "", origin: "", central_authorities: [], channels: [], languages: [], annex_languages: [], legal_basis: null, dual_criminality: null, optional_offences: [] };
      }
      case "letter_preview":
        return { lang: "en", rtl: false, reviewed: true, draft_notice: null, html: "<html><body><h1>Request</h1><p onclick=\"x()\">text</p><script>alert(1)</script></body></html>", needs_translation: [] };
      case "close_window":
        return null;
      default:
        throw { code: "internal", message: `unexpected command ${cmd}` };
    }
  }, { shouldMockEvents: true });
  return calls;
}

function draft(id: number, reference: string, state: string): FakeDraft {
  return {
    row: {
      id, reference, requested_state: state, case_number: "", status: "draft",
      updated_at: "2026-11-22T10:00:00Z", version: 1, deleted: false,
    },
    request: { ...emptyRequest(reference), requested_state: state },
  };
}

// The machine's zone as the app gives it: +01:00, and +02:00 from 2026-03-29T01:00:00Z to
// 2026-10-25T01:00:00Z (Central European summer time).
const PARIS_2026 = { name: "Europe/Paris", spans: [{ from: 0, offset: 3600 }, { from: 1774746000, offset: 7200 }, { from: 1792890000, offset: 3600 }] };
const OK: RegisterStatus = { path: "/home/officer/register.sqlite", error: null, app_version: "0.1.0", time_zone: PARIS_2026 };

function references(): string[] {
  return [...document.querySelectorAll("#drafts tbody td.reference")].map((c) => c.textContent ?? "");
}

function typeInto(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  for (const ch of text) {
    el.value += ch;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

describe("App", () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.replaceChildren();
    root = document.createElement("div");
    document.body.append(root);
  });
  afterEach(() => clearMocks());

  it("lists drafts as text and filters them through list_drafts", async () => {
    const calls = fakeBackend(OK, [draft(1, "<b>MLA/1</b>", "FRA"), draft(2, "BR-3", "BRA")]);
    await new App(root).start();
    await vi.waitFor(() => expect(references()).toEqual(["<b>MLA/1</b>", "BR-3"]));
    expect(root.querySelector("#drafts b")).toBeNull();
    expect(root.querySelector("#register-path")?.textContent).toContain("/home/officer/register.sqlite");

    const search = root.querySelector<HTMLInputElement>("#search")!;
    typeInto(search, "bra");
    await vi.waitFor(() => expect(references()).toEqual(["BR-3"]));
    const queries = calls.filter((c) => c.cmd === "list_drafts").map((c) => (c.args as { query: string }).query);
    expect(queries.at(-1)).toBe("bra");
    // Debounced: not one list call per keystroke.
    expect(queries.length).toBeLessThanOrEqual(3);

    // Escape clears the search at once (a text field with the searchbox role).
    expect(search.type).toBe("text");
    expect(search.getAttribute("role")).toBe("searchbox");
    search.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    expect(search.value).toBe("");
    await vi.waitFor(() => expect(references()).toEqual(["<b>MLA/1</b>", "BR-3"]));
    const last = calls.filter((c) => c.cmd === "list_drafts").at(-1)!;
    expect((last.args as { query: string }).query).toBe("");
  });

  it("shows when a draft was saved in the machine's time zone, in the interface language", async () => {
    localStorage.clear();
    fakeBackend(OK, [draft(5, "TIME-1", "FRA")]); // saved 2026-11-22T10:00:00Z
    await new App(root).start();
    await vi.waitFor(() => expect(references()).toEqual(["TIME-1"]));
    const shown = () => root.querySelector("#drafts tbody time")!.textContent;
    expect(shown()).toBe("22 Nov 2026, 11:00");
    expect(root.querySelector("#drafts tbody time")!.getAttribute("datetime")).toBe("2026-11-22T10:00:00Z");
  });

  it("on close, saves what was just typed before asking the window to close", async () => {
    const calls = fakeBackend(OK, [draft(7, "CLOSE-1", "DEU")]);
    await new App(root).start();
    await vi.waitFor(() => expect(references()).toEqual(["CLOSE-1"]));
    root.querySelector<HTMLButtonElement>("#drafts button.open")!.click();
    (await vi.waitFor(() => {
      const b = root.querySelector<HTMLButtonElement>("#step-3");
      expect(b).not.toBeNull();
      return b!;
    })).click();
    const facts = await vi.waitFor(() => {
      const el = root.querySelector<HTMLTextAreaElement>("#f-facts");
      expect(el).not.toBeNull();
      return el!;
    });
    typeInto(facts, "typed just before closing");
    await emit(CLOSE_REQUESTED_EVENT);
    await vi.waitFor(() => expect(calls.map((c) => c.cmd)).toContain("close_window"));
    const order = calls.map((c) => c.cmd).filter((c) => c === "save_draft" || c === "close_window");
    expect(order.at(-1)).toBe("close_window");
    const saves = calls.filter((c) => c.cmd === "save_draft");
    expect(saves).toHaveLength(1);
    expect((saves[0]!.args as { request: Request }).request.facts).toBe("typed just before closing");
  });

  it("gives every control a label, on the register and in the editor", async () => {
    fakeBackend(OK, [draft(3, "LBL-1", "ITA")]);
    await new App(root).start();
    await vi.waitFor(() => expect(references()).toEqual(["LBL-1"]));
    const unlabelled = () =>
      [...root.querySelectorAll<HTMLElement>("input, textarea, select")].filter((c) => {
        const label = c.id ? root.querySelector(`label[for="${c.id}"]`) : null;
        return !label || (label.textContent ?? "").trim() === "";
      });
    expect(unlabelled()).toEqual([]);
    // Buttons whose text is not unique get a label that names their draft.
    const open = root.querySelector("#drafts button.trash")!;
    expect(open.getAttribute("aria-label")).toContain("LBL-1");

    root.querySelector<HTMLButtonElement>("#drafts button.open")!.click();
    await vi.waitFor(() => expect(root.querySelector("#f-reference")).not.toBeNull());
    // Every step, with one row of each list added, has a label for every control.
    let controls = 0;
    for (let step = 1; step <= 8; step++) {
      root.querySelector<HTMLButtonElement>(`#step-${step}`)!.click();
      expect(root.querySelector(`#step-${step}`)!.getAttribute("aria-current")).toBe("step");
      for (const add of root.querySelectorAll<HTMLButtonElement>("button.add-row, #add-legal-basis")) add.click();
      controls += root.querySelectorAll("#step-panel input, #step-panel textarea, #step-panel select").length;
      expect(unlabelled()).toEqual([]);
    }
    expect(controls).toBeGreaterThanOrEqual(60);
  });

  it("switches the whole interface to French while a draft is open, keeping what was typed", async () => {
    localStorage.clear();
    const calls = fakeBackend(OK, [draft(4, "LANG-1", "FRA")]);
    await new App(root).start();
    await vi.waitFor(() => expect(references()).toEqual(["LANG-1"]));
    root.querySelector<HTMLButtonElement>("#drafts button.open")!.click();
    const ref = await vi.waitFor(() => {
      const el = root.querySelector<HTMLInputElement>("#f-reference");
      expect(el).not.toBeNull();
      return el!;
    });
    typeInto(ref, "-X");
    const select = root.querySelector<HTMLSelectElement>("#ui-lang")!;
    select.value = "fr";
    select.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(root.querySelector("#step-heading")?.textContent).toBe("Étape 1 : Affaire et autorité requérante"));
    expect(root.querySelector("label[for=f-reference]")?.textContent).toBe("Référence");
    expect(root.querySelector<HTMLInputElement>("#f-reference")!.value).toBe("LANG-1-X");
    expect(root.querySelector("#checklist-heading")?.textContent).toBe("Liste de contrôle");
    expect(document.documentElement.lang).toBe("fr");
    expect(localStorage.getItem("mla-desk.locale")).toBe("fr");
    await vi.waitFor(() => {
      const checks = calls.filter((c) => c.cmd === "check_draft");
      expect((checks.at(-1)!.args as { lang: string }).lang).toBe("fr");
    });
    // The verdict is announced politely and is French once the answer is back.
    await vi.waitFor(() => expect(root.querySelector("#checklist-verdict")?.textContent).toBe("Risque de refus ou de renvoi"));
    expect(root.querySelector("#checklist-verdict")?.getAttribute("aria-live")).toBe("polite");
    select.value = "en";
    select.dispatchEvent(new Event("change"));
    expect(root.querySelector("label[for=f-reference]")?.textContent).toBe("Reference");
  });

  it("saves at once when the user leaves a field", async () => {
    localStorage.clear();
    const calls = fakeBackend(OK, [draft(6, "BLUR-1", "FRA")]);
    await new App(root).start();
    await vi.waitFor(() => expect(references()).toEqual(["BLUR-1"]));
    root.querySelector<HTMLButtonElement>("#drafts button.open")!.click();
    const ref = await vi.waitFor(() => {
      const el = root.querySelector<HTMLInputElement>("#f-reference");
      expect(el).not.toBeNull();
      return el!;
    });
    typeInto(ref, "-B");
    ref.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
    // Well before the 400 ms debounce.
    await vi.waitFor(() => {
      const saves = calls.filter((c) => c.cmd === "save_draft");
      expect((saves.at(-1)?.args as { request: Request } | undefined)?.request.reference).toBe("BLUR-1-B");
    }, { timeout: 200 });
  });

  it("draws the wizard once the catalogue is there, and never redraws the field being typed in", async () => {
    localStorage.clear();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const calls = fakeBackend(OK, [draft(8, "LATE-1", "FRA")], gate);
    await new App(root).start();
    await vi.waitFor(() => expect(references()).toEqual(["LATE-1"]));
    root.querySelector<HTMLButtonElement>("#drafts button.open")!.click();
    await new Promise((r) => setTimeout(r, 20));
    // Not drawn half-way: the catalogue is still on its way.
    expect(root.querySelector("#step-3")).toBeNull();
    release();
    await vi.waitFor(() => expect(root.querySelector("#step-3")).not.toBeNull());
    root.querySelector<HTMLButtonElement>("#step-3")!.click();
    const facts = root.querySelector<HTMLTextAreaElement>("#f-facts")!;
    facts.focus();
    typeInto(facts, "Typed at once");
    await new Promise((r) => setTimeout(r, 50));
    // Still the same control under the cursor, with what was typed.
    expect(facts.isConnected).toBe(true);
    expect(document.activeElement).toBe(facts);
    expect(facts.value).toBe("Typed at once");
    expect(calls.filter((c) => c.cmd === "catalogue")).toHaveLength(1);
  });

  it("jumps from a finding to its field, on its step", async () => {
    localStorage.clear();
    const d = draft(5, "JUMP-1", "FRA");
    d.request.facts = "";
    fakeBackend(OK, [d]);
    await new App(root).start();
    await vi.waitFor(() => expect(references()).toEqual(["JUMP-1"]));
    root.querySelector<HTMLButtonElement>("#drafts button.open")!.click();
    const jump = await vi.waitFor(() => {
      const b = root.querySelector<HTMLButtonElement>("#checklist-jump-0");
      expect(b?.dataset.jump).toBe("facts");
      return b!;
    });
    jump.click();
    expect(root.querySelector("#step-3")!.getAttribute("aria-current")).toBe("step");
    expect(document.activeElement?.id).toBe("f-facts");
    // The review step lists it with its source and a jump button.
    root.querySelector<HTMLButtonElement>("#step-7")!.click();
    const item = root.querySelector("#step-panel li.finding[data-rule='content.facts-summary']")!;
    expect(item.textContent).toContain("UNCAC art. 46(15)(c)");
    item.querySelector<HTMLButtonElement>("button.jump")!.click();
    expect(document.activeElement?.id).toBe("f-facts");
  });

  it("shows a register that cannot be opened, with its code, and lists nothing", async () => {
    const calls = fakeBackend(
      { ...OK, error: { code: "register_locked", message: "the register is locked by another program" } },
      [],
    );
    await new App(root).start();
    expect(root.querySelector("#register-error-message")?.textContent).toBe(
      "the register is locked by another program",
    );
    expect(root.querySelector("#register-error")?.textContent).toContain("register_locked");
    expect(calls.map((c) => c.cmd)).toEqual(["register_status"]);
  });
});
