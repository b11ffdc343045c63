// The draft editor: the first fields of a request, autosaved, with its history.

import { call, type IpcError } from "../api";
import { Autosave, type SaveState } from "../autosave";
import type { DraftRow, DraftView, VersionRow } from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { el, replaceChildren } from "../dom";
import { SECTIONS, allFields, type Field } from "../fields";
import { draftName, formatDateTime } from "../format";
import { t } from "../i18n";
import { renderExportPanel, type ExportPanel } from "./export";

export interface EditorHost {
  back(): void;
  notify(message: string): void;
  fail(error: IpcError): void;
}

export interface Editor {
  element: HTMLElement;
  /** Save what is pending; resolves with the error message when it could not. */
  flush(): Promise<{ ok: true } | { ok: false; message: string }>;
}

/** The text shown for a save state. */
export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case "idle":
      return t("save.idle");
    case "pending":
      return t("save.pending");
    case "saving":
      return t("save.saving");
    case "saved":
      return t("save.saved");
    case "failed":
      return t("save.failed", { message: state.message });
  }
}

export function renderEditor(host: EditorHost, draft: DraftView): Editor {
  const id = draft.summary.id;
  let summary: DraftRow = draft.summary;
  let request: Request = draft.request;
  let lastError = "";

  const status = el("p", {
    className: "save-status",
    attrs: { id: "save-status", role: "status", "aria-live": "polite", "data-state": "idle" },
  }, t("save.idle"));
  const title = el("h2", { attrs: { id: "editor-heading", tabindex: "-1" } });
  const versionLine = el("p", { className: "muted", attrs: { id: "editor-version" } });

  function showState(state: SaveState): void {
    status.textContent = saveStateText(state);
    status.dataset.state = state.kind;
    lastError = state.kind === "failed" ? state.message : "";
  }

  const autosave = new Autosave<Request>(
    async (value) => {
      const res = await call("save_draft", { id, request: value });
      summary = res.summary;
      renderTitle();
    },
    showState,
  );

  function renderTitle(): void {
    title.textContent = t("editor.heading", { name: draftName(request) });
    versionLine.textContent = `${t("history.version", { version: summary.version })} · ${formatDateTime(summary.updated_at)}`;
    if (historyOpen) void loadHistory();
  }

  // --- fields -------------------------------------------------------------------------
  const controls = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();

  function snapshot(): Request {
    return structuredClone(request);
  }

  function onEdit(field: Field, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): void {
    field.set(request, control.value);
    if (field.id === "f-reference") renderTitle();
    autosave.update(snapshot());
  }

  function renderField(field: Field): HTMLElement {
    const hintId = field.hint ? `${field.id}-hint` : undefined;
    let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (field.kind === "select") {
      control = el("select", { attrs: { id: field.id, name: field.id } },
        ...field.options.map((o) => el("option", { attrs: { value: o.value } }, t(o.label))),
      );
    } else if (field.kind === "textarea") {
      control = el("textarea", { attrs: { id: field.id, name: field.id, rows: "14", spellcheck: "true" } });
    } else {
      control = el("input", {
        attrs: {
          id: field.id,
          name: field.id,
          type: field.kind,
          autocomplete: field.autocomplete ?? "off",
          maxlength: field.maxLength !== undefined ? String(field.maxLength) : undefined,
        },
      });
    }
    if (hintId) control.setAttribute("aria-describedby", hintId);
    control.value = field.get(request);
    const handler = () => onEdit(field, control);
    control.addEventListener(field.kind === "select" ? "change" : "input", handler);
    control.addEventListener("blur", () => void autosave.flush());
    controls.set(field.id, control);
    return el("div", { className: `field field-${field.kind}` },
      el("label", { attrs: { for: field.id } }, t(field.label)),
      hintId ? el("p", { className: "hint", attrs: { id: hintId } }, t(field.hint!)) : null,
      control,
    );
  }

  function fillControls(): void {
    for (const field of allFields()) {
      const control = controls.get(field.id);
      if (control) control.value = field.get(request);
    }
  }

  const form = el("form", {
    className: "editor-form",
    attrs: { "aria-labelledby": "editor-heading", novalidate: "" },
    on: { submit: (e) => e.preventDefault() },
  },
    ...SECTIONS.map((section) =>
      el("fieldset", {},
        el("legend", {}, t(section.heading)),
        ...section.fields.map(renderField),
      ),
    ),
  );

  // --- history ------------------------------------------------------------------------
  let historyOpen = false;
  const historyList = el("ol", { attrs: { id: "history-list" } });
  const historyPanel = el("aside", {
    className: "history",
    attrs: { id: "history", "aria-labelledby": "history-heading", hidden: "" },
  },
    el("h3", { attrs: { id: "history-heading" } }, t("history.heading")),
    historyList,
  );
  const historyToggle = el("button", {
    attrs: { id: "history-toggle", type: "button", "aria-expanded": "false", "aria-controls": "history" },
    on: {
      click: () => {
        historyOpen = !historyOpen;
        historyPanel.hidden = !historyOpen;
        historyToggle.setAttribute("aria-expanded", String(historyOpen));
        historyToggle.textContent = historyOpen ? t("action.hideHistory") : t("action.history");
        if (historyOpen) void loadHistory();
      },
    },
  }, t("action.history"));

  let historyRequest = 0;
  async function loadHistory(): Promise<void> {
    const mine = ++historyRequest;
    let versions: VersionRow[];
    try {
      versions = await call("draft_history", { id });
    } catch (e) {
      host.fail(e as IpcError);
      return;
    }
    if (mine !== historyRequest) return;
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    if (sorted.length === 0) {
      replaceChildren(historyList, el("li", { className: "muted" }, t("history.empty")));
      return;
    }
    replaceChildren(historyList, ...sorted.map((v) => {
      const current = v.version === summary.version;
      return el("li", { attrs: { "data-version": String(v.version) } },
        el("div", { className: "version-line" },
          el("strong", {}, t("history.version", { version: v.version })),
          current ? el("span", { className: "badge" }, t("history.current")) : null,
        ),
        el("div", { className: "muted" },
          el("time", { attrs: { datetime: v.saved_at } }, formatDateTime(v.saved_at)),
          ` · ${v.actor}`,
        ),
        v.note ? el("div", { className: "note" }, v.note) : null,
        current
          ? null
          : el("button", {
              className: "restore-version",
              attrs: { type: "button", "aria-label": t("history.restoreLabel", { version: v.version }) },
              on: { click: () => void restore(v.version) },
            }, t("history.restore")),
      );
    }));
  }

  async function restore(version: number): Promise<void> {
    const flushed = await autosave.flush();
    if (!flushed) return; // the status line says why; do not overwrite unsaved text
    let restored: DraftView;
    try {
      restored = await call("restore_version", { id, version });
    } catch (e) {
      host.fail(e as IpcError);
      return;
    }
    autosave.reset();
    request = restored.request;
    summary = restored.summary;
    fillControls();
    showState({ kind: "saved" });
    renderTitle();
    host.notify(t("notice.restoredVersion", { version, newVersion: summary.version }));
  }

  // --- export -------------------------------------------------------------------------
  // Until the wizard's export step exists, the export panel opens below the form.
  let exportPanel: ExportPanel | null = null;
  const exportSection = el("section", {
    className: "export-panel",
    attrs: { id: "export-panel", "aria-labelledby": "export-heading", hidden: "" },
  });
  const exportToggle = el("button", {
    attrs: { id: "export-toggle", type: "button", "aria-expanded": "false", "aria-controls": "export-panel" },
    on: {
      click: () => {
        const open = exportSection.hidden;
        exportSection.hidden = !open;
        exportToggle.setAttribute("aria-expanded", String(open));
        if (open && !exportPanel) {
          exportPanel = renderExportPanel({
            draftId: id,
            request: () => request,
            flush: () => autosave.flush(),
          });
          replaceChildren(exportSection, exportPanel.element);
        }
        if (open) exportSection.querySelector<HTMLElement>("#export-heading")?.focus();
      },
    },
  }, t("action.export"));

  // --- frame --------------------------------------------------------------------------
  const back = el("button", {
    attrs: { id: "back", type: "button" },
    on: { click: () => host.back() },
  }, `← ${t("action.back")}`);

  const element = el("section", { className: "editor-view" },
    el("div", { className: "toolbar" }, back, status, historyToggle, exportToggle),
    el("div", { className: "editor-head" }, title, versionLine),
    el("div", { className: "editor-body" }, form, historyPanel),
    exportSection,
  );
  renderTitle();
  queueMicrotask(() => controls.get("f-reference")?.focus());

  return {
    element,
    async flush() {
      exportPanel?.dispose();
      const ok = await autosave.flush();
      return ok ? { ok: true } : { ok: false, message: lastError };
    },
  };
}
