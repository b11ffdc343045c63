// The wizard frame as a component: its actions and its drawing, without IPC
// (app.test.ts and coverage.test.ts drive the whole wizard).

import { describe, expect, it, vi } from "vitest";
import type { Finding, Readiness } from "../bindings/finding";
import type { DraftRow } from "../bindings/ipc";
import { drawWizard, type WizardIntents } from "./wizard.render";
import * as A from "./wizard.state";

const ROW: DraftRow = {
  id: 1, reference: "R-1", requested_state: "CHE", case_number: "", status: "draft",
  updated_at: "2026-03-02T10:00:00Z", version: 3, deleted: false,
};
const finding = (path: string, severity: Finding["severity"] = "blocker"): Finding =>
  ({ rule_id: `r.${path}`, severity, path, title: `T ${path}`, message: "", fix: "", source: "" });
const READY: Readiness = { verdict: "needs_work", blockers: 2, warnings: 0, advice: 1 };
const intents = (): WizardIntents => ({
  back: vi.fn(), leftField: vi.fn(), toggleHistory: vi.fn(), restore: vi.fn(), goTo: vi.fn(), jump: vi.fn(),
});

describe("wizard frame actions", () => {
  it("keep the same state when a check changes nothing the frame shows (nothing is drawn)", () => {
    const s = A.checked(A.initialState(ROW, "R-1"), [finding("facts")], READY);
    expect(A.checked(s, [finding("facts")], READY)).toBe(s);
    expect(A.checked(s, [finding("facts"), finding("purpose")], READY)).not.toBe(s);
    expect(A.checksReset(s).readiness).toBeNull();
  });

  it("choose a step, rename, and list the history newest first", () => {
    const s = A.initialState(ROW, "R-1");
    expect(A.stepChosen(s, 1)).toBe(s);
    expect(A.stepChosen(s, 4).step).toBe(4);
    expect(A.renamed(s, "R-1")).toBe(s);
    const v = (version: number) => ({ version, saved_at: "2026-03-02T10:00:00Z", actor: "me", note: "" });
    expect(A.historyLoaded(s, [v(1), v(3), v(2)]).versions!.map((x) => x.version)).toEqual([3, 2, 1]);
  });
});

describe("wizard frame drawing", () => {
  it("marks the current step, counts what to fix per step, and leaves #step-body to the steps", () => {
    const on = intents();
    const s = A.stepChosen(A.checked(A.initialState(ROW, "R-1"), [finding("facts"), finding("facts", "advice")], READY), 3);
    const node = drawWizard(s, on);
    expect(node.querySelector("#step-3")!.getAttribute("aria-current")).toBe("step");
    expect(node.querySelector("#step-1")!.hasAttribute("aria-current")).toBe(false);
    expect(node.querySelector("#step-3")!.getAttribute("aria-label")).toBe("3. Offences and facts (1 to fix)");
    expect(node.querySelector("#checklist-verdict")!.textContent).toBe("Needs work");
    expect(node.querySelector("#step-heading")!.textContent).toBe("Step 3: Offences and facts");
    expect(node.querySelector("#step-body")!.childNodes).toHaveLength(0);
    node.querySelector<HTMLButtonElement>("#checklist-jump-0")!.click();
    expect(on.jump).toHaveBeenCalledWith("facts");
  });

  it("shows the history only when open, the current version without a restore button", () => {
    const v = (version: number) => ({ version, saved_at: "2026-03-02T10:00:00Z", actor: "me", note: "" });
    const s = A.historyLoaded(A.historyToggled(A.initialState(ROW, "R-1")), [v(3), v(2)]);
    const node = drawWizard(s, intents());
    expect(node.querySelector<HTMLElement>("#history")!.hidden).toBe(false);
    expect(node.querySelector("#history-toggle")!.getAttribute("aria-expanded")).toBe("true");
    expect([...node.querySelectorAll("#history-list li")].map((li) => li.querySelector(".restore-version") !== null)).toEqual([false, true]);
    expect(drawWizard(A.initialState(ROW, "R-1"), intents()).querySelector<HTMLElement>("#history")!.hidden).toBe(true);
  });
});
