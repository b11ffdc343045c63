// The export panel: letter language, certificate and password, annexes, where to save,
// then export (and sign) with a progress bar and a cancel button, and the verification of
// the written file. Files are chosen only through native dialogs opened by the Rust side;
// this code never handles a path except to show it.

import { call, onExportProgress, type IpcError } from "../api";
import type {
  ChosenFile, ExportProgress, ExportResult, ExportSelection, KnownModule, SignatureCheck, TokenKeyView,
} from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { el, replaceChildren } from "../dom";
import { catalogues, t, type MessageKey } from "../i18n";
import { problemText } from "../signature-problems";
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
  const signKey = `exportError.${error.code}`;
  const lines = [
    hasExportKey(key) ? tx(key)
      : Object.hasOwn(catalogues.en, signKey) ? t(signKey as MessageKey)
      : tx("error.other"),
  ];
  if (error.code !== "export_cancelled") {
    lines.push(tx("error.details", { message: error.message }));
  }
  lines.push(tx("error.draftKept"));
  return lines;
}

/** Why the written file did not verify, as sentences in the interface language: the
 * verdict when it is not about one signature's problems, then each problem. */
export function verificationProblems(v: SignatureCheck): string[] {
  const lines: string[] = [];
  switch (v.verdict) {
    case "no_signature":
      lines.push(tx("result.noSignature"));
      break;
    case "changed_after_signing":
      lines.push(tx("result.changedAfterSigning"));
      break;
    case "invalid":
      if (v.problems.length === 0) lines.push(tx("result.anotherSignatureInvalid"));
      break;
    case "not_trusted":
    case "unreadable":
    case "verified":
      break;
  }
  return [...lines, ...v.problems.map(problemText)];
}

/** How a key found on a token is shown: what it is, how long its certificate is valid,
 * and whether it can sign. Dates are shown as YYYY-MM-DD. */
export function tokenKeyText(k: TokenKeyView): { line: string; validity: string | null; status: string } {
  const day = (iso: string | null) => (iso ?? "").slice(0, 10);
  return {
    line: t("sign.keyLine", {
      subject: k.subject ?? t("sign.keyNoSubject"),
      label: k.key_label || k.key_id,
      token: k.token_label,
      type: k.key_type,
    }),
    validity: k.not_before && k.not_after
      ? t("sign.keyValidity", { from: day(k.not_before), to: day(k.not_after) })
      : null,
    status: t(`sign.keyStatus.${k.status}` as MessageKey),
  };
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
  let selection: ExportSelection = { certificate: null, annexes: [], output: null, module: null, seal: null };
  let knownModules: KnownModule[] = [];
  let tokenKeys: TokenKeyView[] = [];
  let chosenKey: TokenKeyView | null = null;
  let listing = false;
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

  // A certificate file or a token.
  const withP12 = el("input", { attrs: { id: "export-with-p12", type: "radio", name: "export-with", value: "p12" } });
  const withToken = el("input", { attrs: { id: "export-with-token", type: "radio", name: "export-with", value: "token" } });
  withP12.checked = true;
  const usingToken = () => withToken.checked;

  const p12Fields = el("div", { attrs: { id: "export-p12-fields" } },
    el("div", { className: "field" },
      el("span", { className: "label", attrs: { id: "export-cert-label" } }, tx("export.certificate")),
      el("div", { className: "chosen-line" }, chooseCert, certName),
    ),
    field("export-password", tx("export.password"), password, tx("export.passwordHint")),
  );

  const moduleName = el("span", { className: "chosen", attrs: { id: "export-module-name" } });
  const knownModuleButtons = el("span", { className: "chosen-line", attrs: { id: "export-known-modules" } });
  const chooseModule = el("button", {
    attrs: { id: "export-choose-module", type: "button" },
    on: { click: () => void choose(() => call("export_choose_module", { known: null }), tokenError) },
  }, t("sign.chooseModule"));
  const pin = el("input", {
    attrs: { id: "export-pin", type: "password", autocomplete: "off", "aria-describedby": "export-pin-hint" },
  });
  const listKeys = el("button", {
    attrs: { id: "export-list-keys", type: "button" },
    on: { click: () => void showTokenKeys() },
  }, t("sign.listKeys"));
  // Errors of the token and seal choices are shown where the user is looking.
  const tokenError = el("div", { className: "inline-error", attrs: { id: "export-token-error", role: "alert", hidden: "" } });
  const sealError = el("div", { className: "inline-error", attrs: { id: "export-seal-error", role: "alert", hidden: "" } });
  const keyList = el("div", { className: "token-keys", attrs: { id: "export-token-keys", role: "radiogroup", "aria-labelledby": "export-keys-legend" } });
  const tokenFields = el("div", { attrs: { id: "export-token-fields" } },
    el("div", { className: "field" },
      el("span", { className: "label", attrs: { id: "export-module-label" } }, t("sign.module")),
      el("p", { className: "hint", attrs: { id: "export-module-hint" } }, t("sign.moduleHint")),
      knownModuleButtons,
      el("div", { className: "chosen-line" }, chooseModule, moduleName),
    ),
    field("export-pin", t("sign.pin"), pin, t("sign.pinHint")),
    el("div", { className: "chosen-line" }, listKeys),
    tokenError,
    el("fieldset", {},
      el("legend", { attrs: { id: "export-keys-legend" } }, t("sign.keys")),
      keyList,
    ),
  );

  const sealName = el("span", { className: "chosen", attrs: { id: "export-seal-name" } });
  const chooseSeal = el("button", {
    attrs: { id: "export-choose-seal", type: "button" },
    on: { click: () => void choose(() => call("export_choose_seal", null), sealError) },
  }, t("sign.chooseSeal"));
  const removeSeal = el("button", {
    className: "link",
    attrs: { id: "export-remove-seal", type: "button" },
    on: { click: () => void choose(() => call("export_remove_seal", null), sealError) },
  }, t("sign.removeSeal"));

  const signFields = el("div", { className: "export-sign-fields", attrs: { id: "export-sign-fields" } },
    el("fieldset", { attrs: { id: "export-with" } },
      el("legend", {}, t("sign.with")),
      el("div", { className: "field field-checkbox" },
        withP12, el("label", { attrs: { for: "export-with-p12" } }, t("sign.withP12"))),
      el("div", { className: "field field-checkbox" },
        withToken, el("label", { attrs: { for: "export-with-token" } }, t("sign.withToken"))),
    ),
    p12Fields,
    tokenFields,
    field("export-function", tx("export.function"), fn),
    field("export-place", tx("export.place"), place),
    el("div", { className: "field" },
      el("span", { className: "label", attrs: { id: "export-seal-label" } }, t("sign.seal")),
      el("div", { className: "chosen-line" }, chooseSeal, sealName, removeSeal),
      sealError,
    ),
  );
  withP12.addEventListener("change", () => updateControls());
  withToken.addEventListener("change", () => {
    updateControls();
    if (withToken.checked && knownModules.length === 0) void loadKnownModules();
  });

  async function loadKnownModules(): Promise<void> {
    try {
      knownModules = await call("export_known_modules", null);
    } catch {
      knownModules = [];
    }
    replaceChildren(knownModuleButtons, ...knownModules.map((m, index) =>
      el("button", {
        className: "known-module",
        attrs: {
          type: "button", "data-index": String(index), "data-path": m.file.path,
          "aria-label": t("sign.useKnownModuleLabel", { name: m.name, path: m.file.path }),
        },
        on: { click: () => void choose(() => call("export_choose_module", { known: index }), tokenError) },
      }, t("sign.useKnownModule", { name: m.name })),
    ));
    updateControls();
  }

  function showKeys(): void {
    if (tokenKeys.length === 0) {
      // After a failed listing its message, beside the PIN, says what to do.
      replaceChildren(keyList, tokenError.hidden
        ? el("p", { className: "muted", attrs: { id: "export-keys-empty" } },
          listing ? t("sign.listing") : t("sign.keysEmpty"))
        : null);
      return;
    }
    replaceChildren(keyList, ...tokenKeys.map((k, index) => {
      const text = tokenKeyText(k);
      const id = `export-key-${index}`;
      const radio = el("input", {
        attrs: {
          id, type: "radio", name: "export-key", value: k.key_id,
          "data-status": k.status, "aria-describedby": `${id}-details`,
        },
        on: { change: () => { chosenKey = k; } },
      });
      radio.checked = chosenKey?.key_id === k.key_id && chosenKey.token_label === k.token_label;
      radio.disabled = running || k.status !== "ok";
      return el("div", { className: `field field-checkbox token-key status-${k.status}` },
        radio,
        el("label", { attrs: { for: id } }, text.line),
        el("span", { className: "hint", attrs: { id: `${id}-details` } },
          [text.validity, text.status].filter(Boolean).join(" — ")),
      );
    }));
  }

  async function showTokenKeys(): Promise<void> {
    if (running || listing) return;
    tokenError.hidden = true;
    listing = true;
    tokenKeys = [];
    chosenKey = null;
    showKeys();
    updateControls();
    try {
      tokenKeys = await call("export_token_keys", { pin: pin.value });
      // One key that can sign is chosen for the user; with several, the user picks.
      const usable = tokenKeys.filter((k) => k.status === "ok");
      if (usable.length === 1) chosenKey = usable[0] ?? null;
    } catch (e) {
      showError(e as IpcError, tokenError);
    } finally {
      listing = false;
      showKeys();
      updateControls();
    }
  }

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

  let shownModule: string | null = null;
  function showSelection(): void {
    certName.textContent = selection.certificate?.name ?? tx("export.noCertificate");
    moduleName.textContent = selection.module?.path ?? t("sign.noModule");
    sealName.textContent = selection.seal?.name ?? t("sign.noSeal");
    // Another module: the keys listed belong to the previous one.
    const module = selection.module?.path ?? null;
    if (module !== shownModule) {
      shownModule = module;
      tokenKeys = [];
      chosenKey = null;
      showKeys();
    }
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
    p12Fields.hidden = usingToken();
    tokenFields.hidden = !usingToken();
    removeSeal.hidden = !selection.seal;
    start.textContent = sign.checked ? tx("export.startSigned") : tx("export.start");
    for (const c of [
      lang, sign, chooseCert, password, fn, place, addAnnexes, chooseOutput, start,
      withP12, withToken, chooseModule, pin, chooseSeal, removeSeal,
    ]) {
      c.disabled = running;
    }
    listKeys.disabled = running || listing || !selection.module;
    for (const b of knownModuleButtons.querySelectorAll("button")) b.disabled = running;
    for (const r of keyList.querySelectorAll<HTMLInputElement>("input[type=radio]")) {
      r.disabled = running || r.dataset.status !== "ok";
    }
    for (const b of annexList.querySelectorAll("button")) b.disabled = running;
    cancel.hidden = !running;
  }
  sign.addEventListener("change", updateControls);

  // Each answer is the whole selection as the backend saw it when that command ended. When
  // choices overlap (a second button pressed before the first answered), answers can
  // arrive out of order: an answer to an older call than the one shown is not shown, and
  // once the last running choice ends the panel asks for the selection again, so that it
  // shows what the backend holds.
  let choosing = 0;
  let overlapped = false;
  let started = 0;
  let shown = 0;
  async function choose(action: () => Promise<ExportSelection>, where?: HTMLElement): Promise<void> {
    if (where) where.hidden = true;
    const seq = ++started;
    if (++choosing > 1) overlapped = true;
    try {
      const answer = await action();
      if (seq > shown) {
        shown = seq;
        selection = answer;
        showSelection();
      }
    } catch (e) {
      showError(e as IpcError, where);
    } finally {
      choosing--;
    }
    if (choosing === 0 && overlapped) {
      overlapped = false;
      await choose(() => call("export_selection", null));
    }
  }

  function showError(e: IpcError, where: HTMLElement = error): void {
    replaceChildren(where, ...exportErrorText(e).map((line) => el("p", {}, line)));
    where.hidden = false;
    reveal(where);
  }

  /** Bring a message the user must read into view (the panel is taller than the window). */
  function reveal(node: HTMLElement): void {
    if (typeof node.scrollIntoView === "function") node.scrollIntoView({ block: "nearest" });
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
        : tx("result.invalid", { problems: verificationProblems(v).join(" ") })));
    }
    if (r.needs_translation > 0) lines.push(el("p", {}, tx("result.translation", { n: r.needs_translation })));
    if (r.missing_glyphs) lines.push(el("p", {}, tx("result.glyphs", { chars: r.missing_glyphs })));
    replaceChildren(result, ...lines);
    reveal(result);
  }

  async function runExport(): Promise<void> {
    if (running) return;
    error.hidden = true;
    tokenError.hidden = true;
    sealError.hidden = true;
    replaceChildren(result);
    const signing = sign.checked;
    const token = signing && usingToken();
    if (token && !chosenKey) {
      replaceChildren(error, el("p", {}, t("sign.chooseKeyFirst")), el("p", {}, tx("error.draftKept")));
      error.hidden = false;
      reveal(error);
      return;
    }
    // The password or PIN leaves its field at once: it is sent with this one call only.
    const secret = signing ? (token ? pin.value : password.value) : null;
    password.value = "";
    pin.value = "";
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
        token_key: token && chosenKey ? { token_label: chosenKey.token_label, key_id: chosenKey.key_id } : null,
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
  showKeys();
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
