/// <reference types="vite/client" />
// Every field of a complete request is reachable: for each example request, every value
// (leaf) is shown by a control, on some step, carrying its exact path in `data-path`.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import bribery from "../../../assets/examples/bribery-bank-records-che.mla.json?raw";
import laundering from "../../../assets/examples/laundering-e-evidence-fra.mla.json?raw";
import service from "../../../assets/examples/service-appearance-tha.mla.json?raw";
import type { DraftView } from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { renderWizard } from "../views/wizard";
import { STEP_IDS, stepForPath } from "./paths";

/** Paths of every value in `value`: primitives, and lists of primitives as a whole. */
function leafPaths(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return [path];
    return value.flatMap((v, i) => leafPaths(v, `${path}[${i}]`));
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, path ? `${path}.${k}` : k));
  }
  return [path];
}

/** Values that are not typed by the user: the format version, the document id, row ids
 * (assigned when a row is added), and the kind of a legal basis (chosen when it is added,
 * shown as the row's title). A money amount's control carries the money's path. */
function expectedPath(path: string): string | null {
  if (path === "format_version" || path === "id" || /\.id$/.test(path) || /^legal_basis\[\d+\]\.kind$/.test(path)) return null;
  return path.replace(/\.amount$/, "");
}

function backend(): void {
  mockIPC((cmd) => {
    switch (cmd) {
      case "check_draft":
        return { findings: [], readiness: { verdict: "ready", blockers: 0, warnings: 0, advice: 0 }, profile: null, pack_problem: null };
      case "catalogue":
        return { measure_kinds: [], offences: [], letter_languages: [] };
      case "state_profile":
        return { iso3: "", found: false, name: "", origin: "", central_authorities: [], channels: [], languages: [], annex_languages: [], legal_basis: null, dual_criminality: null, optional_offences: [] };
      case "letter_preview":
        return { lang: "en", rtl: false, reviewed: true, draft_notice: null, html: "", needs_translation: [] };
      default:
        return null;
    }
  });
}

describe("the wizard covers the request model", () => {
  afterEach(() => clearMocks());

  for (const [name, text] of [["bribery", bribery], ["laundering", laundering], ["service", service]] as const) {
    it(`shows every field of the ${name} example on the step the checker's paths lead to`, async () => {
      backend();
      const request = JSON.parse(text) as Request;
      const draft: DraftView = {
        summary: { id: 1, reference: request.reference, requested_state: request.requested_state, case_number: "", status: "draft", updated_at: "", version: 1, deleted: false },
        request,
      };
      const editor = renderWizard({ back: () => {}, notify: () => {}, fail: () => {} }, draft);
      document.body.replaceChildren(editor.element);
      const shownOn = new Map<string, number>();
      for (const step of STEP_IDS) {
        editor.element.querySelector<HTMLButtonElement>(`#step-${step}`)!.click();
        await vi.waitFor(() => expect(editor.element.querySelector(`#step-${step}`)!.getAttribute("aria-current")).toBe("step"));
        for (const c of editor.element.querySelectorAll<HTMLElement>("#step-panel [data-path]")) {
          if (!shownOn.has(c.dataset.path!)) shownOn.set(c.dataset.path!, step);
        }
      }
      const missing: string[] = [];
      const elsewhere: string[] = [];
      for (const leaf of leafPaths(JSON.parse(text))) {
        const want = expectedPath(leaf);
        if (want === null) continue;
        const step = shownOn.get(want);
        if (step === undefined) missing.push(want);
        else if (step !== stepForPath(want)) elsewhere.push(`${want} on step ${step}`);
      }
      expect(missing).toEqual([]);
      expect(elsewhere).toEqual([]);
    });
  }
});
