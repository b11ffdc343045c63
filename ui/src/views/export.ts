// The export panel: letter language, certificate and password, annexes, where to save,
// then export (and sign) with a progress bar and a cancel button, and the verification of
// the written file. Files are chosen only through native dialogs opened by the Rust side;
// this code never handles a path except to show it.
//
// A component (../component.ts): its state and actions are in export.state.ts, its pure
// drawing in export.render.ts; this file runs the effects (IPC calls, progress events).

import { call, onExportProgress, type IpcError } from "../api";
import type { ExportSelection } from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { Component } from "../component";
import { catalogues, t, type MessageKey } from "../i18n";
import { renderExport, type ExportIntents } from "./export.render";
import * as A from "./export.state";
import type { ErrorBox, ExportState } from "./export.state";

export { formatSize, stageText, tokenKeyText, verificationProblems } from "./export.render";

export interface ExportHost {
  draftId: number;
  /** The draft as the editor has it (for the signatory's function and place). */
  request(): Request;
  /** Save pending edits, so that the export takes the latest text; false if it could not. */
  flush(): Promise<boolean>;
  /** The letter language chosen elsewhere (the wizard's step 8); without it the panel
   * shows its own language choice. */
  letterLang?: () => string;
}

export interface ExportPanel {
  element: HTMLElement;
  /** Stop listening to progress events (when the panel is removed). */
  dispose(): void;
  isRunning(): boolean;
}

/** The words for an export error: a plain sentence for its code, the technical detail,
 * and a reminder that the draft is unchanged. */
export function exportErrorText(error: IpcError): string[] {
  const key = `exportError.${error.code}`;
  const lines = [Object.hasOwn(catalogues.en, key) ? t(key as MessageKey) : t("exportError.other")];
  if (error.code !== "export_cancelled") {
    lines.push(t("exportError.details", { message: error.message }));
  }
  lines.push(t("exportError.draftKept"));
  return lines;
}

/** Bring a message the user must read into view (the panel is taller than the window). */
function revealIn(root: HTMLElement, id: string): void {
  const node = root.querySelector(`#${id}`);
  if (node && typeof node.scrollIntoView === "function") node.scrollIntoView({ block: "nearest" });
}

const BOX_IDS: Record<ErrorBox, string> = {
  error: "export-error", tokenError: "export-token-error", sealError: "export-seal-error",
};

export function renderExportPanel(host: ExportHost): ExportPanel {
  const signatory = host.request().signatory;
  // Effects' bookkeeping (not drawn): see choose() and runExport().
  let cancelRequested = false;
  let stopListening: (() => void) | undefined;
  let choosing = 0;
  let overlapped = false;
  let started = 0;
  let shown = 0;

  const intents: ExportIntents = {
    edit: (field, value) => {
      panel.update((s) => A.edit(s, field, value));
      if (field === "using" && value === "token" && panel.state.knownModules.length === 0) void loadKnownModules();
    },
    chooseCertificate: () => void choose(() => call("export_choose_certificate", null)),
    chooseModule: (known) => void choose(() => call("export_choose_module", { known }), "tokenError"),
    listKeys: () => void listKeys(),
    chooseKey: (key) => panel.update((s) => A.chooseKey(s, key)),
    chooseSeal: () => void choose(() => call("export_choose_seal", null), "sealError"),
    removeSeal: () => void choose(() => call("export_remove_seal", null), "sealError"),
    addAnnexes: () => void choose(() => call("export_choose_annexes", null)),
    removeAnnex: (index) => void choose(() => call("export_remove_annex", { index })),
    chooseOutput: () => void choose(() => call("export_choose_output", { id: host.draftId })),
    start: () => void runExport(),
    cancel: () => {
      cancelRequested = true;
      void call("cancel_export", null).catch(() => undefined);
    },
  };
  const panel = new Component<ExportState>(
    A.initialState(signatory.function, signatory.place, !host.letterLang),
    (s) => renderExport(s, intents),
  );

  function fail(e: IpcError, box: ErrorBox = "error"): void {
    panel.update((s) => A.showError(s, box, exportErrorText(e)));
    reveal(BOX_IDS[box]);
  }
  const reveal = (id: string) => revealIn(panel.element, id);

  async function loadKnownModules(): Promise<void> {
    let modules: A.ExportState["knownModules"];
    try {
      modules = await call("export_known_modules", null);
    } catch {
      modules = [];
    }
    panel.update((s) => A.knownModulesArrived(s, modules));
  }

  async function listKeys(): Promise<void> {
    if (panel.state.running || panel.state.listing) return;
    const pin = panel.state.pin;
    panel.update(A.listingStarted);
    try {
      const keys = await call("export_token_keys", { pin });
      panel.update((s) => A.keysListed(s, keys));
    } catch (e) {
      panel.update((s) => A.listingFailed(s, exportErrorText(e as IpcError)));
      reveal(BOX_IDS.tokenError);
    }
  }

  // Each answer is the whole selection as the backend saw it when that command ended. When
  // choices overlap (a second button pressed before the first answered), answers can
  // arrive out of order: an answer to an older call than the one shown is not shown, and
  // once the last running choice ends the panel asks for the selection again, so that it
  // shows what the backend holds.
  async function choose(action: () => Promise<ExportSelection>, box?: ErrorBox): Promise<void> {
    if (box) panel.update((s) => A.hideError(s, box));
    const seq = ++started;
    if (++choosing > 1) overlapped = true;
    try {
      const answer = await action();
      if (seq > shown) {
        shown = seq;
        panel.update((s) => A.selectionArrived(s, answer));
      }
    } catch (e) {
      fail(e as IpcError, box);
    } finally {
      choosing--;
    }
    if (choosing === 0 && overlapped) {
      overlapped = false;
      await choose(() => call("export_selection", null));
    }
  }

  async function runExport(): Promise<void> {
    const before = panel.state;
    if (before.running) return;
    const token = before.sign && before.using === "token";
    const key = before.chosenKey;
    if (token && !key) {
      panel.update((s) => A.showError(
        { ...s, tokenError: null, sealError: null, result: null }, "error",
        [t("sign.chooseKeyFirst"), t("exportError.draftKept")]));
      reveal(BOX_IDS.error);
      return;
    }
    // The password or PIN leaves its field at once: it is sent with this one call only.
    const secret = before.sign ? (token ? before.pin : before.password) : null;
    cancelRequested = false;
    panel.update(A.exportStarted);
    let unlisten: (() => void) | undefined;
    try {
      if (!(await host.flush())) {
        throw { code: "internal", message: "the draft could not be saved before the export" } satisfies IpcError;
      }
      unlisten = await onExportProgress((p) => panel.update((s) => A.progressed(s, p)));
      stopListening = unlisten;
      if (cancelRequested) {
        throw { code: "export_cancelled", message: "" } satisfies IpcError;
      }
      const r = await call("export_pdf", {
        id: host.draftId,
        lang: (host.letterLang ? host.letterLang() : before.lang) || null,
        sign: before.sign,
        token_key: token && key ? { token_label: key.token_label, key_id: key.key_id } : null,
        password: secret,
        function: panel.state.fn,
        place: panel.state.place,
      });
      panel.update((s) => A.exportDone(s, r));
      reveal("export-result");
    } catch (e) {
      panel.update((s) => A.exportFailed(s, exportErrorText(e as IpcError)));
      reveal(BOX_IDS.error);
    } finally {
      unlisten?.();
      stopListening = undefined;
      if (panel.state.running) panel.update((s) => ({ ...s, running: false }));
    }
  }

  void choose(() => call("export_selection", null));

  return {
    element: panel.element,
    dispose() {
      stopListening?.();
    },
    isRunning: () => panel.state.running,
  };
}
