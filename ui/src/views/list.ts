// The register: live drafts or the trash, with search, new, duplicate, delete, restore.

import { call, type IpcError } from "../api";
import type { DraftRow } from "../bindings/ipc";
import { el, replaceChildren } from "../dom";
import { countLabel, draftName, formatDateTime, statusLabel } from "../format";
import { t } from "../i18n";

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

const SEARCH_DELAY_MS = 150;

export function renderList(host: ListHost): HTMLElement {
  const tbody = el("tbody");
  const count = el("p", { className: "count", attrs: { id: "list-count", "aria-live": "polite" } });
  const empty = el("p", { className: "empty", attrs: { id: "list-empty", hidden: "" } });
  const heading = el("h2", { attrs: { id: "list-heading" } });

  // A text field with the search box's role rather than `type="search"`: WebKitGTK draws
  // that type's clear button from an SVG image, which loads an XML parser and a second
  // document into the page (~3 MB, measured with the start-up bench). Escape clears it, as
  // in a search field.
  const search = el("input", {
    attrs: {
      id: "search",
      type: "text",
      role: "searchbox",
      placeholder: t("list.searchPlaceholder"),
      autocomplete: "off",
      spellcheck: "false",
    },
  });
  search.value = host.state.query;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      host.state.query = search.value;
      void refresh();
    }, SEARCH_DELAY_MS);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || search.value === "") return;
    event.preventDefault();
    clearTimeout(searchTimer);
    search.value = "";
    host.state.query = "";
    void refresh();
  });

  const tabDrafts = el("button", {
    attrs: { id: "tab-drafts", type: "button" },
    on: { click: () => setTrash(false) },
  }, t("list.tabDrafts"));
  const tabTrash = el("button", {
    attrs: { id: "tab-trash", type: "button" },
    on: { click: () => setTrash(true) },
  }, t("list.tabTrash"));

  const newButton = el("button", {
    className: "primary",
    attrs: { id: "new-draft", type: "button" },
    on: {
      click: () => {
        call("create_draft", null).then(
          (row) => host.open(row.id),
          (e: IpcError) => host.fail(e),
        );
      },
    },
  }, t("list.new"));

  const verifyButton = el("button", {
    attrs: { id: "verify-open", type: "button" },
    on: { click: () => host.verify() },
  }, t("list.verify"));

  const table = el("table", { attrs: { id: "drafts", "aria-labelledby": "list-heading" } },
    el("thead", {},
      el("tr", {},
        el("th", { attrs: { scope: "col" } }, t("col.reference")),
        el("th", { attrs: { scope: "col" } }, t("col.state")),
        el("th", { attrs: { scope: "col" } }, t("col.caseNumber")),
        el("th", { attrs: { scope: "col" } }, t("col.status")),
        el("th", { attrs: { scope: "col" } }, t("col.updated")),
        el("th", { attrs: { scope: "col" }, className: "num" }, t("col.version")),
        el("th", { attrs: { scope: "col" } }, el("span", { className: "visually-hidden" }, t("col.actions"))),
      ),
    ),
    tbody,
  );

  const view = el("section", { className: "list-view", attrs: { "aria-labelledby": "list-heading" } },
    el("div", { className: "toolbar" },
      el("div", { className: "tabs", attrs: { role: "group", "aria-label": t("list.tabsLabel") } }, tabDrafts, tabTrash),
      el("div", { className: "search" },
        el("label", { attrs: { for: "search" } }, t("list.search")),
        search,
      ),
      newButton,
      verifyButton,
    ),
    heading,
    count,
    table,
    empty,
  );

  function setTrash(trash: boolean): void {
    host.state.trash = trash;
    void refresh();
  }

  function rowActions(row: DraftRow): HTMLElement {
    const name = draftName(row);
    const cell = el("td", { className: "actions" });
    if (row.deleted) {
      cell.append(el("button", {
        className: "restore",
        attrs: { type: "button", "aria-label": t("action.untrashLabel", { name }) },
        on: {
          click: () =>
            call("untrash_draft", { id: row.id }).then(
              () => {
                host.notify(t("notice.untrashed", { name }));
                void refresh();
              },
              (e: IpcError) => host.fail(e),
            ),
        },
      }, t("action.untrash")));
      return cell;
    }
    cell.append(
      el("button", {
        className: "duplicate",
        attrs: { type: "button", "aria-label": t("action.duplicateLabel", { name }) },
        on: {
          click: () =>
            call("duplicate_draft", { id: row.id }).then(
              () => {
                host.notify(t("notice.duplicated", { name }));
                void refresh();
              },
              (e: IpcError) => host.fail(e),
            ),
        },
      }, t("action.duplicate")),
      el("button", {
        className: "trash danger",
        attrs: { type: "button", "aria-label": t("action.trashLabel", { name }) },
        on: {
          click: () =>
            call("trash_draft", { id: row.id }).then(
              () => {
                host.notify(t("notice.trashed", { name }));
                void refresh();
              },
              (e: IpcError) => host.fail(e),
            ),
        },
      }, t("action.trash")),
    );
    return cell;
  }

  function renderRow(row: DraftRow): HTMLElement {
    const name = draftName(row);
    const reference = row.deleted
      ? el("span", { className: row.reference.trim() ? "" : "muted" }, name)
      : el("button", {
          className: "link open",
          attrs: { type: "button", "aria-label": t("action.openLabel", { name }) },
          on: { click: () => host.open(row.id) },
        }, name);
    return el("tr", { attrs: { "data-id": String(row.id) } },
      el("td", { className: "reference" }, reference),
      el("td", { className: "state" }, row.requested_state),
      el("td", {}, row.case_number),
      el("td", {}, el("span", { className: `badge status-${row.status}` }, statusLabel(row.status))),
      el("td", {}, el("time", { attrs: { datetime: row.updated_at } }, formatDateTime(row.updated_at))),
      el("td", { className: "num" }, String(row.version)),
      rowActions(row),
    );
  }

  async function refresh(): Promise<void> {
    const { trash, query } = host.state;
    tabDrafts.setAttribute("aria-pressed", String(!trash));
    tabTrash.setAttribute("aria-pressed", String(trash));
    newButton.hidden = trash;
    heading.textContent = trash ? t("list.trashHeading") : t("list.heading");
    let rows: DraftRow[];
    try {
      rows = await call("list_drafts", { query, trash });
    } catch (e) {
      host.fail(e as IpcError);
      return;
    }
    // A newer search may have started meanwhile; show only the latest.
    if (host.state.query !== query || host.state.trash !== trash) return;
    replaceChildren(tbody, ...rows.map(renderRow));
    table.hidden = rows.length === 0;
    count.textContent = countLabel(rows.length);
    empty.hidden = rows.length !== 0;
    empty.textContent =
      query.trim() !== ""
        ? t("list.emptySearch", { query: query.trim() })
        : trash
          ? t("list.emptyTrash")
          : t("list.empty");
  }

  void refresh();
  queueMicrotask(() => search.focus());
  return view;
}
