// The export panel drawn from its state (views/export.state.ts): a pure function of the
// state and the interface language. What the user does goes to `ExportIntents`
// (views/export.ts runs them).

import type { ChosenFile, ExportProgress, ExportResult, SignatureCheck, TokenKeyView } from "../bindings/ipc";
import { LETTER_LANGUAGES } from "../kinds";
import { el, type Child } from "../dom";
import { t, type MessageKey } from "../i18n";
import { problemText } from "../signature-problems";
import { sameKey, type ErrorLines, type ExportState } from "./export.state";

export interface ExportIntents {
  edit<K extends "lang" | "sign" | "using" | "password" | "pin" | "fn" | "place">(field: K, value: ExportState[K]): void;
  chooseCertificate(): void;
  /** A module found on this machine (its index), or any file (null). */
  chooseModule(known: number | null): void;
  listKeys(): void;
  chooseKey(key: TokenKeyView): void;
  chooseSeal(): void;
  removeSeal(): void;
  addAnnexes(): void;
  removeAnnex(index: number): void;
  chooseOutput(): void;
  start(): void;
  cancel(): void;
}

/** Why the written file did not verify, as sentences in the interface language: the
 * verdict when it is not about one signature's problems, then each problem. */
export function verificationProblems(v: SignatureCheck): string[] {
  const lines: string[] = [];
  switch (v.verdict) {
    case "no_signature":
      lines.push(t("export.result.noSignature"));
      break;
    case "changed_after_signing":
      lines.push(t("export.result.changedAfterSigning"));
      break;
    case "invalid":
      if (v.problems.length === 0) lines.push(t("export.result.anotherSignatureInvalid"));
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
      return t("export.stage.key");
    case "letter":
      return t("export.stage.letter");
    case "typesetting":
      return t("export.stage.typesetting");
    case "annex":
      return t("export.stage.annex", {
        index: p.annex_index + 1,
        count: p.annex_count,
        name: p.annex ?? "",
        percent: p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100,
      });
    case "signing":
      return signing ? t("export.stage.signing") : t("export.stage.embedding");
    case "writing":
      return t("export.stage.writing");
    case "done":
      return t("export.stage.done");
  }
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
  el("div", { className: "field" },
    el("label", { attrs: { for: id } }, label),
    hint ? el("p", { className: "hint", attrs: { id: `${id}-hint` } }, hint) : null,
    control,
  );

const input = (
  s: ExportState, on: ExportIntents, name: "password" | "pin" | "fn" | "place", attrs: Record<string, string>,
) => el("input", {
  attrs,
  props: { value: s[name], disabled: s.running },
  on: { input: (ev) => on.edit(name, (ev.target as HTMLInputElement).value) },
});

const button = (id: string, label: string, click: () => void, disabled: boolean, className?: string) =>
  el("button", { className, attrs: { id, type: "button" }, props: { disabled }, on: { click } }, label);

/** An error box: hidden without lines. */
function errorBox(id: string, className: string, lines: ErrorLines): HTMLElement {
  return el("div", { className, attrs: { id, role: "alert", hidden: lines ? undefined : "" } },
    ...(lines ?? []).map((line) => el("p", {}, line)));
}

function keyList(s: ExportState, on: ExportIntents): HTMLElement {
  const attrs = { id: "export-token-keys", role: "radiogroup", "aria-labelledby": "export-keys-legend" };
  if (s.tokenKeys.length === 0) {
    // After a failed listing its message, beside the PIN, says what to do.
    return el("div", { className: "token-keys", attrs },
      s.tokenError ? null : el("p", { className: "muted", attrs: { id: "export-keys-empty" } },
        s.listing ? t("sign.listing") : t("sign.keysEmpty")));
  }
  return el("div", { className: "token-keys", attrs }, ...s.tokenKeys.map((k, index) => {
    const text = tokenKeyText(k);
    const id = `export-key-${index}`;
    return el("div", { className: `field field-checkbox token-key status-${k.status}` },
      el("input", {
        attrs: {
          id, type: "radio", name: "export-key", value: k.key_id,
          "data-status": k.status, "aria-describedby": `${id}-details`,
        },
        props: { checked: sameKey(s.chosenKey, k), disabled: s.running || k.status !== "ok" },
        on: { change: () => on.chooseKey(k) },
      }),
      el("label", { attrs: { for: id } }, text.line),
      el("span", { className: "hint", attrs: { id: `${id}-details` } },
        [text.validity, text.status].filter(Boolean).join(" — ")),
    );
  }));
}

function p12Fields(s: ExportState, on: ExportIntents): HTMLElement {
  return el("div", { attrs: { id: "export-p12-fields", hidden: s.using === "token" ? "" : undefined } },
    el("div", { className: "field" },
      el("span", { className: "label", attrs: { id: "export-cert-label" } }, t("export.certificate")),
      el("div", { className: "chosen-line" },
        button("export-choose-cert", t("export.chooseCertificate"), () => on.chooseCertificate(), s.running),
        el("span", { className: "chosen", attrs: { id: "export-cert-name" } },
          s.selection.certificate?.name ?? t("export.noCertificate")),
      ),
    ),
    field("export-password", t("export.password"), input(s, on, "password", {
      id: "export-password", type: "password", autocomplete: "off", "aria-describedby": "export-password-hint",
    }), t("export.passwordHint")),
  );
}

function tokenFields(s: ExportState, on: ExportIntents): HTMLElement {
  return el("div", { attrs: { id: "export-token-fields", hidden: s.using === "token" ? undefined : "" } },
    el("div", { className: "field" },
      el("span", { className: "label", attrs: { id: "export-module-label" } }, t("sign.module")),
      el("p", { className: "hint", attrs: { id: "export-module-hint" } }, t("sign.moduleHint")),
      el("span", { className: "chosen-line", attrs: { id: "export-known-modules" } },
        ...s.knownModules.map((m, index) => el("button", {
          className: "known-module",
          attrs: {
            type: "button", "data-index": String(index), "data-path": m.file.path,
            "aria-label": t("sign.useKnownModuleLabel", { name: m.name, path: m.file.path }),
          },
          props: { disabled: s.running },
          on: { click: () => on.chooseModule(index) },
        }, t("sign.useKnownModule", { name: m.name })))),
      el("div", { className: "chosen-line" },
        button("export-choose-module", t("sign.chooseModule"), () => on.chooseModule(null), s.running),
        el("span", { className: "chosen", attrs: { id: "export-module-name" } },
          s.selection.module?.path ?? t("sign.noModule")),
      ),
    ),
    field("export-pin", t("sign.pin"), input(s, on, "pin", {
      id: "export-pin", type: "password", autocomplete: "off", "aria-describedby": "export-pin-hint",
    }), t("sign.pinHint")),
    el("div", { className: "chosen-line" },
      button("export-list-keys", t("sign.listKeys"), () => on.listKeys(), s.running || s.listing || !s.selection.module)),
    errorBox("export-token-error", "inline-error", s.tokenError),
    el("fieldset", {},
      el("legend", { attrs: { id: "export-keys-legend" } }, t("sign.keys")),
      keyList(s, on),
    ),
  );
}

function radio(s: ExportState, on: ExportIntents, value: "p12" | "token", label: string): HTMLElement {
  const id = `export-with-${value}`;
  return el("div", { className: "field field-checkbox" },
    el("input", {
      attrs: { id, type: "radio", name: "export-with", value },
      props: { checked: s.using === value, disabled: s.running },
      on: { change: (ev) => { if ((ev.target as HTMLInputElement).checked) on.edit("using", value); } },
    }),
    el("label", { attrs: { for: id } }, label));
}

function signFields(s: ExportState, on: ExportIntents): HTMLElement {
  return el("div", { className: "export-sign-fields", attrs: { id: "export-sign-fields", hidden: s.sign ? undefined : "" } },
    el("fieldset", { attrs: { id: "export-with" } },
      el("legend", {}, t("sign.with")),
      radio(s, on, "p12", t("sign.withP12")),
      radio(s, on, "token", t("sign.withToken")),
    ),
    p12Fields(s, on),
    tokenFields(s, on),
    field("export-function", t("export.function"), input(s, on, "fn", { id: "export-function", type: "text", autocomplete: "organization-title" })),
    field("export-place", t("export.place"), input(s, on, "place", { id: "export-place", type: "text", autocomplete: "off" })),
    el("div", { className: "field" },
      el("span", { className: "label", attrs: { id: "export-seal-label" } }, t("sign.seal")),
      el("div", { className: "chosen-line" },
        button("export-choose-seal", t("sign.chooseSeal"), () => on.chooseSeal(), s.running),
        el("span", { className: "chosen", attrs: { id: "export-seal-name" } }, s.selection.seal?.name ?? t("sign.noSeal")),
        el("button", {
          className: "link",
          attrs: { id: "export-remove-seal", type: "button", hidden: s.selection.seal ? undefined : "" },
          props: { disabled: s.running },
          on: { click: () => on.removeSeal() },
        }, t("sign.removeSeal")),
      ),
      errorBox("export-seal-error", "inline-error", s.sealError),
    ),
  );
}

function annexList(s: ExportState, on: ExportIntents): HTMLElement {
  const annexes = s.selection.annexes;
  return el("ul", { className: "annexes", attrs: { id: "export-annexes" } },
    ...(annexes.length === 0
      ? [el("li", { className: "muted" }, t("export.noAnnexes"))]
      : annexes.map((a: ChosenFile, index) =>
        el("li", { attrs: { "data-index": String(index) } },
          el("span", {}, `${a.name} (${formatSize(a.size)})`),
          el("button", {
            className: "link remove-annex",
            attrs: { type: "button", "aria-label": t("export.removeAnnexLabel", { name: a.name }) },
            props: { disabled: s.running },
            on: { click: () => on.removeAnnex(index) },
          }, t("export.removeAnnex")),
        ))));
}

function resultLines(r: ExportResult | null): Child[] {
  if (!r) return [];
  const lines: Child[] = [
    el("p", { attrs: { id: "export-saved" } },
      t(r.signed ? "export.result.signed" : "export.result.unsigned", { path: r.path, pages: r.pages })),
  ];
  if (r.verification) {
    const v = r.verification;
    lines.push(el("p", {
      className: v.valid ? "ok" : "error",
      attrs: { id: "export-verification", "data-valid": String(v.valid) },
    }, v.valid
      ? t("export.result.valid", { signer: v.signer ?? "?", issuer: v.issuer ?? "?" })
      : t("export.result.invalid", { problems: verificationProblems(v).join(" ") })));
  }
  if (r.needs_translation > 0) lines.push(el("p", {}, t("export.result.translation", { n: r.needs_translation })));
  if (r.missing_glyphs) lines.push(el("p", {}, t("export.result.glyphs", { chars: r.missing_glyphs })));
  return lines;
}

function langField(s: ExportState, on: ExportIntents): HTMLElement {
  return field("export-lang", t("export.lang"), el("select", {
    attrs: { id: "export-lang" },
    props: { value: s.lang, disabled: s.running },
    on: { change: (ev) => on.edit("lang", (ev.target as HTMLSelectElement).value) },
  },
  el("option", { attrs: { value: "" } }, t("export.langDrafting")),
  ...LETTER_LANGUAGES.map((code) => el("option", { attrs: { value: code } }, `${t(`lang.${code}`)} (${code})`)),
  ));
}

/** The whole panel for state `s`. */
export function renderExport(s: ExportState, on: ExportIntents): HTMLElement {
  const stage = s.stage === null ? "" : s.stage === "done" ? t("export.stage.done") : stageText(s.stage, s.signing);
  return el("div", { className: "export-panel-body", attrs: { id: "export-panel-body" } },
    el("h2", { attrs: { id: "export-heading", tabindex: "-1" } }, t("export.heading")),
    el("p", { className: "muted" }, t("export.intro")),
    s.showLang ? langField(s, on) : null,
    el("div", { className: "field field-checkbox" },
      el("input", {
        attrs: { id: "export-sign", type: "checkbox" },
        props: { checked: s.sign, disabled: s.running },
        on: { change: (ev) => on.edit("sign", (ev.target as HTMLInputElement).checked) },
      }),
      el("label", { attrs: { for: "export-sign" } }, t("export.sign")),
    ),
    signFields(s, on),
    el("fieldset", {},
      el("legend", {}, t("export.annexes")),
      annexList(s, on),
      button("export-add-annexes", t("export.addAnnexes"), () => on.addAnnexes(), s.running),
    ),
    el("div", { className: "field" },
      el("span", { className: "label" }, t("export.output")),
      el("div", { className: "chosen-line" },
        button("export-choose-output", t("export.chooseOutput"), () => on.chooseOutput(), s.running),
        el("span", { className: "chosen", attrs: { id: "export-output-name" } }, s.selection.output?.path ?? t("export.noOutput")),
      ),
    ),
    el("div", { className: "toolbar" },
      button("export-start", s.sign ? t("export.startSigned") : t("export.start"), () => on.start(), s.running, "primary"),
      el("button", { attrs: { id: "export-cancel", type: "button", hidden: s.running ? undefined : "" }, on: { click: () => on.cancel() } },
        t("export.cancel")),
    ),
    el("progress", {
      attrs: {
        id: "export-progress", max: "1", value: String(s.bar ?? 0), "aria-label": t("export.progressLabel"),
        hidden: s.bar === null ? "" : undefined,
      },
    }),
    el("p", { attrs: { id: "export-stage", role: "status", "aria-live": "polite" } }, stage),
    errorBox("export-error", "error export-error", s.error),
    el("div", { className: "export-result", attrs: { id: "export-result", role: "status" } }, ...resultLines(s.result)),
  );
}
