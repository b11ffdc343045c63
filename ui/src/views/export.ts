// The export panel: letter language, certificate and password, annexes, where to save,
// then export (and sign) with a progress bar and a cancel button, and the verification of
// the written file. Files are chosen only through native dialogs opened by the Rust side;
// this code never handles a path except to show it.

import { call, onExportProgress, type IpcError } from "../api";
import type { ChosenFile, ExportProgress, ExportResult, ExportSelection } from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { el, replaceChildren } from "../dom";
import { hasExportKey, tx } from "./export.messages";

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

const LETTER_LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh"] as const;

/** The words for an export error: a plain sentence for its code, the technical detail,
 * and a reminder that the draft is unchanged. */
export function exportErrorText(error: IpcError): string[] {
  const key = `error.${error.code}`;
  const lines = [hasExportKey(key) ? tx(key) : tx("error.other")];
  if (error.code !== "export_cancelled") {
    lines.push(tx("error.details", { message: error.message }));
  }
  lines.push(tx("error.draftKept"));
  return lines;
}

/** The status line for a progress report. */
export function stageText(p: ExportProgress, signing: boolean): string {
  switch (p.stage) {
    case "key":
      return tx("stage.key");
    case "letter":
      return tx("stage.letter");
    case "typesetting":
      return tx("stage.typesetting");
    case "annex":
      return tx("stage.annex", {
        index: p.annex_index + 1,
        count: p.annex_count,
        name: p.annex ?? "",
        percent: p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100,
      });
    case "signing":
      return signing ? tx("stage.signing") : tx("stage.embedding");
    case "writing":
      return tx("stage.writing");
    case "done":
      return tx("stage.done");
  }
}

export function renderExportPanel(host: ExportHost): ExportPanel {
  let selection: ExportSelection = { certificate: null, annexes: [], output: null };
  let running = false;
  // A cancel clicked before the export reached the backend stops it here.
  let cancelRequested = false;

  const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
    el("div", { className: "field" },
      el("label", { attrs: { for: id } }, label),
      hint ? el("p", { className: "hint", attrs: { id: `${id}-hint` } }, hint) : null,
      control,
    );

  const lang = el("select", { attrs: { id: "export-lang" } },
    el("option", { attrs: { value: "" } }, tx("export.langDrafting")),
    ...LETTER_LANGUAGES.map((code) => el("option", { attrs: { value: code } }, `${tx(`lang.${code}`)} (${code})`)),
  );

  const sign = el("input", { attrs: { id: "export-sign", type: "checkbox" } });
  sign.checked = true;

  const certName = el("span", { className: "chosen", attrs: { id: "export-cert-name" } });
  const chooseCert = el("button", {
    attrs: { id: "export-choose-cert", type: "button" },
    on: { click: () => void choose(() => call("export_choose_certificate", null)) },
  }, tx("export.chooseCertificate"));
  const password = el("input", {
    attrs: {
      id: "export-password", type: "password", autocomplete: "off",
      "aria-describedby": "export-password-hint",
    },
  });
  const signatory = host.request().signatory;
  const fn = el("input", { attrs: { id: "export-function", type: "text", autocomplete: "organization-title" } });
  fn.value = signatory.function;
  const place = el("input", { attrs: { id: "export-place", type: "text", autocomplete: "off" } });
  place.value = signatory.place;

  const signFields = el("div", { className: "export-sign-fields", attrs: { id: "export-sign-fields" } },
    el("div", { className: "field" },
      el("span", { className: "label", attrs: { id: "export-cert-label" } }, tx("export.certificate")),
      el("div", { className: "chosen-line" }, chooseCert, certName),
    ),
    field("export-password", tx("export.password"), password, tx("export.passwordHint")),
    field("export-function", tx("export.function"), fn),
    field("export-place", tx("export.place"), place),
  );

  const annexList = el("ul", { className: "annexes", attrs: { id: "export-annexes" } });
  const addAnnexes = el("button", {
    attrs: { id: "export-add-annexes", type: "button" },
    on: { click: () => void choose(() => call("export_choose_annexes", null)) },
  }, tx("export.addAnnexes"));

  const outputName = el("span", { className: "chosen", attrs: { id: "export-output-name" } });
  const chooseOutput = el("button", {
    attrs: { id: "export-choose-output", type: "button" },
    on: { click: () => void choose(() => call("export_choose_output", { id: host.draftId })) },
  }, tx("export.chooseOutput"));

  const start = el("button", {
    className: "primary",
    attrs: { id: "export-start", type: "button" },
    on: { click: () => void runExport() },
  });
  const cancel = el("button", {
    attrs: { id: "export-cancel", type: "button", hidden: "" },
    on: {
      click: () => {
        cancelRequested = true;
        void call("cancel_export", null).catch(() => undefined);
      },
    },
  }, tx("export.cancel"));
  const bar = el("progress", {
    attrs: { id: "export-progress", max: "1", value: "0", "aria-label": tx("export.progressLabel"), hidden: "" },
  });
  const stage = el("p", { attrs: { id: "export-stage", role: "status", "aria-live": "polite" } });
  const result = el("div", { className: "export-result", attrs: { id: "export-result", role: "status" } });
  const error = el("div", { className: "error export-error", attrs: { id: "export-error", role: "alert", hidden: "" } });

  function showSelection(): void {
    certName.textContent = selection.certificate?.name ?? tx("export.noCertificate");
    outputName.textContent = selection.output?.path ?? tx("export.noOutput");
    if (selection.annexes.length === 0) {
      replaceChildren(annexList, el("li", { className: "muted" }, tx("export.noAnnexes")));
    } else {
      replaceChildren(annexList, ...selection.annexes.map((a: ChosenFile, index) =>
        el("li", { attrs: { "data-index": String(index) } },
          el("span", {}, `${a.name} (${formatSize(a.size)})`),
          el("button", {
            className: "link remove-annex",
            attrs: { type: "button", "aria-label": tx("export.removeAnnexLabel", { name: a.name }) },
            on: { click: () => void choose(() => call("export_remove_annex", { index })) },
          }, tx("export.removeAnnex")),
        ),
      ));
    }
    updateControls();
  }

  function updateControls(): void {
    signFields.hidden = !sign.checked;
    start.textContent = sign.checked ? tx("export.startSigned") : tx("export.start");
    for (const c of [lang, sign, chooseCert, password, fn, place, addAnnexes, chooseOutput, start]) {
      c.disabled = running;
    }
    for (const b of annexList.querySelectorAll("button")) b.disabled = running;
    cancel.hidden = !running;
  }
  sign.addEventListener("change", updateControls);

  async function choose(action: () => Promise<ExportSelection>): Promise<void> {
    try {
      selection = await action();
      showSelection();
    } catch (e) {
      showError(e as IpcError);
    }
  }

  function showError(e: IpcError): void {
    replaceChildren(error, ...exportErrorText(e).map((line) => el("p", {}, line)));
    error.hidden = false;
  }

  function showResult(r: ExportResult): void {
    const lines: HTMLElement[] = [
      el("p", { attrs: { id: "export-saved" } },
        tx(r.signed ? "result.signed" : "result.unsigned", { path: r.path, pages: r.pages })),
    ];
    if (r.verification) {
      const v = r.verification;
      lines.push(el("p", {
        className: v.valid ? "ok" : "error",
        attrs: { id: "export-verification", "data-valid": String(v.valid) },
      }, v.valid
        ? tx("result.valid", { signer: v.signer ?? "?", issuer: v.issuer ?? "?" })
        : tx("result.invalid", { problems: v.problems.join("; ") })));
    }
    if (r.needs_translation > 0) lines.push(el("p", {}, tx("result.translation", { n: r.needs_translation })));
    if (r.missing_glyphs) lines.push(el("p", {}, tx("result.glyphs", { chars: r.missing_glyphs })));
    replaceChildren(result, ...lines);
  }

  async function runExport(): Promise<void> {
    if (running) return;
    error.hidden = true;
    replaceChildren(result);
    const signing = sign.checked;
    // The password leaves the field at once: it is sent with this one call only.
    const secret = signing ? password.value : null;
    password.value = "";
    running = true;
    cancelRequested = false;
    updateControls();
    bar.hidden = false;
    bar.value = 0;
    stage.textContent = "";
    let unlisten: (() => void) | undefined;
    try {
      if (!(await host.flush())) {
        throw { code: "internal", message: "the draft could not be saved before the export" } satisfies IpcError;
      }
      unlisten = await onExportProgress((p) => {
        bar.value = p.fraction;
        stage.textContent = stageText(p, signing);
      });
      stopListening = unlisten;
      if (cancelRequested) {
        throw { code: "export_cancelled", message: "" } satisfies IpcError;
      }
      const r = await call("export_pdf", {
        id: host.draftId,
        lang: (host.letterLang ? host.letterLang() : lang.value) || null,
        sign: signing,
        password: secret,
        function: fn.value,
        place: place.value,
      });
      bar.value = 1;
      stage.textContent = tx("stage.done");
      showResult(r);
    } catch (e) {
      bar.hidden = true;
      stage.textContent = "";
      showError(e as IpcError);
    } finally {
      unlisten?.();
      stopListening = undefined;
      running = false;
      updateControls();
    }
  }

  let stopListening: (() => void) | undefined;

  const element = el("div", { className: "export-panel-body", attrs: { id: "export-panel-body" } },
    el("h2", { attrs: { id: "export-heading", tabindex: "-1" } }, tx("export.heading")),
    el("p", { className: "muted" }, tx("export.intro")),
    host.letterLang ? null : field("export-lang", tx("export.lang"), lang),
    el("div", { className: "field field-checkbox" },
      sign, el("label", { attrs: { for: "export-sign" } }, tx("export.sign")),
    ),
    signFields,
    el("fieldset", {},
      el("legend", {}, tx("export.annexes")),
      annexList,
      addAnnexes,
    ),
    el("div", { className: "field" },
      el("span", { className: "label" }, tx("export.output")),
      el("div", { className: "chosen-line" }, chooseOutput, outputName),
    ),
    el("div", { className: "toolbar" }, start, cancel),
    bar,
    stage,
    error,
    result,
  );
  showSelection();
  void choose(() => call("export_selection", null));

  return {
    element,
    dispose() {
      stopListening?.();
    },
    isRunning: () => running,
  };
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
