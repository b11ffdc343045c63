// The register view as a component: its actions and its drawing, without IPC (app.test.ts
// drives it through the app).

import { afterEach, describe, expect, it, vi } from "vitest";
import type { DraftRow } from "../bindings/ipc";
import { setLocale } from "../i18n";
import { drawList, listed, searchApplied, searchCleared, trashShown, typed, type ListIntents, type ListViewState } from "./list";

const row = (id: number, over: Partial<DraftRow> = {}): DraftRow => ({
  id, reference: `R-${id}`, requested_state: "CHE", case_number: "", status: "draft",
  updated_at: "2026-03-02T10:00:00Z", version: 1, deleted: false, ...over,
});

const intents = (): ListIntents => ({
  type: vi.fn(), clearSearch: vi.fn(), showTrash: vi.fn(), create: vi.fn(), open: vi.fn(), verify: vi.fn(), act: vi.fn(),
});

const start: ListViewState = { search: "", query: "", trash: false, listed: null };

describe("register view actions", () => {
  it("list what was searched once applied, and drop an answer to an older search", () => {
    const s = searchApplied(typed(start, "CHE"));
    expect(s.query).toBe("CHE");
    expect(listed(s, "", false, [row(1)])).toBe(s);
    expect(listed(s, "CHE", true, [row(1)])).toBe(s);
    expect(listed(s, "CHE", false, [row(1)]).listed).toEqual({ query: "CHE", rows: [row(1)] });
    expect(searchCleared(s)).toEqual({ ...s, search: "", query: "" });
  });
});

describe("register view drawing", () => {
  afterEach(() => setLocale("en"));

  it("shows the rows with their actions, and the trash without the new-draft button", () => {
    const on = intents();
    const node = drawList(listed(start, "", false, [row(1), row(2, { reference: "" })]), on);
    expect([...node.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-id"))).toEqual(["1", "2"]);
    expect(node.querySelector("#list-count")!.textContent).toBe("2 drafts");
    expect(node.querySelector<HTMLElement>("#list-empty")!.hidden).toBe(true);
    node.querySelector<HTMLButtonElement>("tr[data-id='2'] button.trash")!.click();
    expect(on.act).toHaveBeenCalledWith(row(2, { reference: "" }), "trash");
    const trash = drawList(listed(trashShown(start, true), "", true, [row(3, { deleted: true })]), on);
    expect(trash.querySelector<HTMLElement>("#new-draft")!.hidden).toBe(true);
    expect(trash.querySelector("#tab-trash")!.getAttribute("aria-pressed")).toBe("true");
    expect([...trash.querySelectorAll("tbody button")].map((b) => b.className)).toEqual(["restore"]);
  });

  it("says why the list is empty, in the interface language", () => {
    setLocale("fr");
    const searched = searchApplied(typed(start, " zzz "));
    const node = drawList(listed(searched, " zzz ", false, []), intents());
    expect(node.querySelector<HTMLElement>("#drafts")!.hidden).toBe(true);
    expect(node.querySelector("#list-empty")!.textContent).toBe("Aucun brouillon ne correspond à « zzz ».");
  });
});
