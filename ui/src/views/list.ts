// The register: live drafts or the trash, with search, new, duplicate, delete, restore.
//
// A component (../component.ts): `ListViewState` is drawn by the pure `drawList`; the
// effects (IPC calls, the search delay) are run by `renderList` and end in actions.

import { call, type IpcError } from "../api";
import type { DraftRow } from "../bindings/ipc";
import { Component } from "../component";
import { el } from "../dom";
import { countLabel, draftName, formatDateTime, statusLabel } from "../format";
import { t } from "../i18n";

/** What the app keeps of the register view when another view is shown. */
export interface ListState {
  query: string;
  trash: boolean;
}

export interface ListHost {
  state: ListState;
  open(id: number): void;
  /** Open a signed PDF received from elsewhere and check it (views/verify.ts). */
  verify(): void;
  notify(message: string): void;
  fail(error: IpcError): void;
}

export interface ListViewState {
  /** What the search field holds. */
  search: string;
  /** The search listed (the field's text once the user pauses). */
  query: string;
  trash: boolean;
  /** The drafts the register gave for `query` (null until it answers). */
  listed: { query: string; rows: DraftRow[] } | null;
}

export interface ListIntents {
  type(search: string): void;
  clearSearch(): void;
  showTrash(trash: boolean): void;
  create(): void;
  open(id: number): void;
  verify(): void;
  act(row: DraftRow, action: "untrash" | "duplicate" | "trash"): void;
}

const SEARCH_DELAY_MS = 150;

// --- actions --------------------------------------------------------------------------

export const typed = (s: ListViewState, search: string): ListViewState => ({ ...s, search });
export const searchApplied = (s: ListViewState): ListViewState => ({ ...s, query: s.search });
export const searchCleared = (s: ListViewState): ListViewState => ({ ...s, search: "", query: "" });
export const trashShown = (s: ListViewState, trash: boolean): ListViewState => ({ ...s, trash });
/** The register's answer for (`query`, `trash`); dropped when a newer search started. */
export function listed(s: ListViewState, query: string, trash: boolean, rows: DraftRow[]): ListViewState {
  if (s.query !== query || s.trash !== trash) return s;
  return { ...s, listed: { query, rows } };
}

// --- drawing --------------------------------------------------------------------------

const ACTIONS = {
  untrash: { className: "restore", label: "action.untrash", aria: "action.untrashLabel" },
  duplicate: { className: "duplicate", label: "action.duplicate", aria: "action.duplicateLabel" },
  trash: { className: "trash danger", label: "action.trash", aria: "action.trashLabel" },
} as const;

function rowActions(row: DraftRow, on: ListIntents): HTMLElement {
  const name = draftName(row);
  const actions = row.deleted ? (["untrash"] as const) : (["duplicate", "trash"] as const);
  return el("td", { className: "actions" }, ...actions.map((a) => el("button", {
    className: ACTIONS[a].className,
    attrs: { type: "button", "aria-label": t(ACTIONS[a].aria, { name }) },
    on: { click: () => on.act(row, a) },
  }, t(ACTIONS[a].label))));
}

function drawRow(row: DraftRow, on: ListIntents): HTMLElement {
  const name = draftName(row);
  const reference = row.deleted
    ? el("span", { className: row.reference.trim() ? "" : "muted" }, name)
    : el("button", {
        className: "link open",
        attrs: { type: "button", "aria-label": t("action.openLabel", { name }) },
        on: { click: () => on.open(row.id) },
      }, name);
  return el("tr", { key: String(row.id), attrs: { "data-id": String(row.id) } },
    el("td", { className: "reference" }, reference),
    el("td", { className: "state" }, row.requested_state),
    el("td", {}, row.case_number),
    el("td", {}, el("span", { className: `badge status-${row.status}` }, statusLabel(row.status))),
    el("td", {}, el("time", { attrs: { datetime: row.updated_at } }, formatDateTime(row.updated_at))),
    el("td", { className: "num" }, String(row.version)),
    rowActions(row, on),
  );
}

function emptyText(s: ListViewState, query: string): string {
  if (query.trim() !== "") return t("list.emptySearch", { query: query.trim() });
  return s.trash ? t("list.emptyTrash") : t("list.empty");
}

function toolbar(s: ListViewState, on: ListIntents): HTMLElement {
  // A text field with the search box's role rather than `type="search"`: WebKitGTK draws
  // that type's clear button from an SVG image, which loads an XML parser and a second
  // document into the page (~3 MB, measured with the start-up bench). Escape clears it, as
  // in a search field.
  const search = el("input", {
    attrs: { id: "search", type: "text", role: "searchbox", placeholder: t("list.searchPlaceholder"), autocomplete: "off", spellcheck: "false" },
    props: { value: s.search },
    on: {
      input: (ev) => on.type((ev.target as HTMLInputElement).value),
      keydown: (ev) => {
        if (ev.key !== "Escape" || (ev.target as HTMLInputElement).value === "") return;
        ev.preventDefault();
        on.clearSearch();
      },
    },
  });
  return el("div", { className: "toolbar" },
    el("div", { className: "tabs", attrs: { role: "group", "aria-label": t("list.tabsLabel") } },
      el("button", { attrs: { id: "tab-drafts", type: "button", "aria-pressed": String(!s.trash) }, on: { click: () => on.showTrash(false) } }, t("list.tabDrafts")),
      el("button", { attrs: { id: "tab-trash", type: "button", "aria-pressed": String(s.trash) }, on: { click: () => on.showTrash(true) } }, t("list.tabTrash")),
    ),
    el("div", { className: "search" }, el("label", { attrs: { for: "search" } }, t("list.search")), search),
    el("button", { className: "primary", attrs: { id: "new-draft", type: "button", hidden: s.trash ? "" : undefined }, on: { click: () => on.create() } }, t("list.new")),
    el("button", { attrs: { id: "verify-open", type: "button" }, on: { click: () => on.verify() } }, t("list.verify")),
  );
}

/** The register view for state `s`: a pure function of the state and the language. */
export function drawList(s: ListViewState, on: ListIntents): HTMLElement {
  const rows = s.listed?.rows ?? null;
  const none = rows !== null && rows.length === 0;
  const th = (key: Parameters<typeof t>[0], className?: string) => el("th", { className, attrs: { scope: "col" } }, t(key));
  return el("section", { className: "list-view", attrs: { "aria-labelledby": "list-heading" } },
    toolbar(s, on),
    el("h2", { attrs: { id: "list-heading" } }, s.trash ? t("list.trashHeading") : t("list.heading")),
    el("p", { className: "count", attrs: { id: "list-count", "aria-live": "polite" } }, rows ? countLabel(rows.length) : ""),
    el("table", { attrs: { id: "drafts", "aria-labelledby": "list-heading", hidden: none ? "" : undefined } },
      el("thead", {},
        el("tr", {},
          th("col.reference"), th("col.state"), th("col.caseNumber"), th("col.status"), th("col.updated"),
          th("col.version", "num"),
          el("th", { attrs: { scope: "col" } }, el("span", { className: "visually-hidden" }, t("col.actions"))),
        ),
      ),
      el("tbody", {}, ...(rows ?? []).map((row) => drawRow(row, on))),
    ),
    el("p", { className: "empty", attrs: { id: "list-empty", hidden: none ? undefined : "" } },
      s.listed && none ? emptyText(s, s.listed.query) : ""),
  );
}

// --- effects --------------------------------------------------------------------------

const NOTICES = { untrash: "notice.untrashed", duplicate: "notice.duplicated", trash: "notice.trashed" } as const;

export function renderList(host: ListHost): HTMLElement {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const intents: ListIntents = {
    type: (search) => {
      view.update((s) => typed(s, search));
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        view.update(searchApplied);
        void refresh();
      }, SEARCH_DELAY_MS);
    },
    clearSearch: () => {
      clearTimeout(searchTimer);
      view.update(searchCleared);
      void refresh();
    },
    showTrash: (trash) => {
      view.update((s) => trashShown(s, trash));
      void refresh();
    },
    create: () => {
      call("create_draft", null).then((row) => host.open(row.id), (e: IpcError) => host.fail(e));
    },
    open: (id) => host.open(id),
    verify: () => host.verify(),
    act: (row, action) => {
      const command = action === "untrash" ? "untrash_draft" : action === "duplicate" ? "duplicate_draft" : "trash_draft";
      call(command, { id: row.id }).then(
        () => {
          host.notify(t(NOTICES[action], { name: draftName(row) }));
          void refresh();
        },
        (e: IpcError) => host.fail(e),
      );
    },
  };
  const { query, trash } = host.state;
  const view = new Component<ListViewState>({ search: query, query, trash, listed: null }, (s) => drawList(s, intents));

  async function refresh(): Promise<void> {
    const { query, trash } = view.state;
    host.state.query = query;
    host.state.trash = trash;
    let rows: DraftRow[];
    try {
      rows = await call("list_drafts", { query, trash });
    } catch (e) {
      host.fail(e as IpcError);
      return;
    }
    view.update((s) => listed(s, query, trash, rows));
  }

  void refresh();
  queueMicrotask(() => view.element.querySelector<HTMLElement>("#search")?.focus());
  return view.element;
}
