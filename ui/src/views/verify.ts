// The verification view: a signed PDF received from elsewhere, checked as `mla verify`
// checks it (the same Rust verifier). Shows the verdict in words, each signature's details,
// the embedded request, and imports that request as a new draft: plainly only when the file
// verifies, otherwise only through an explicit "import anyway, untrusted", marked in the
// draft's history.
//
// A component (../component.ts): `VerifyState` is drawn by the pure `drawVerify`; the
// buttons' effects (IPC calls) are run by `renderVerify` and end in actions.

import { call, type IpcError } from "../api";
import type { SignatureView, VerifyView } from "../bindings/ipc";
import { Component } from "../component";
import { el, type Child } from "../dom";
import { draftName, formatDateTime } from "../format";
import { locale, t, type MessageKey } from "../i18n";
import { problemText, untrustedText } from "../signature-problems";

export interface VerifyHost {
  back(): void;
  open(id: number): void;
  notify(message: string): void;
  fail(error: IpcError): void;
  /** The view now shows `view` (kept by the app to redraw it in another language). */
  shown(view: VerifyView): void;
}

/** The verdict as a sentence: what the officer needs to know first. */
export function verdictText(view: VerifyView): string {
  switch (view.verdict) {
    case "verified":
      return view.trust_checked ? t("verify.verdict.verifiedTrusted") : t("verify.verdict.verified");
    case "invalid":
      return t("verify.verdict.invalid");
    case "changed_after_signing":
      return t("verify.verdict.changedAfterSigning");
    case "not_trusted":
      return t("verify.verdict.notTrusted");
    case "no_signature":
      return t("verify.verdict.noSignature", { name: view.file_name });
    case "unreadable":
      return unreadableText(view);
  }
}

/** The short headline of the verdict (the first words of the verdict box). */
export function verdictTitle(view: VerifyView): string {
  const keys: Record<VerifyView["verdict"], MessageKey> = {
    verified: "verify.title.verified",
    invalid: "verify.title.invalid",
    changed_after_signing: "verify.title.changedAfterSigning",
    not_trusted: "verify.title.notTrusted",
    no_signature: "verify.title.noSignature",
    unreadable: "verify.title.unreadable",
  };
  return t(keys[view.verdict]);
}

/** Whether the verdict is good news (drives the colour; the words say it too). */
export function verdictIsGood(view: VerifyView): boolean {
  return view.verdict === "verified";
}

function unreadableText(view: VerifyView): string {
  const name = view.file_name;
  switch (view.unreadable) {
    case "not_pdf":
      return t("verify.unreadable.notPdf", { name });
    case "encrypted":
      return t("verify.unreadable.encrypted", { name });
    case "cannot_read":
      return t("verify.unreadable.cannotRead", { name });
    case "too_large":
      return t("verify.unreadable.tooLarge", { name });
    default:
      return t("verify.unreadable.damaged", { name });
  }
}

/** Types of assistance by their localized names (the code when the catalogue lacks one). */
export function measureLabels(kinds: readonly string[], labels: ReadonlyMap<string, string>): string {
  return kinds.map((k) => labels.get(k) ?? k).join("; ");
}

function row(label: string, value: Child, id?: string): Child[] {
  return [el("dt", {}, label), el("dd", id ? { attrs: { id } } : {}, value)];
}

function orUnknown(text: string | null | undefined): string {
  return text && text.trim() !== "" ? text : t("verify.notGiven");
}

function signatureSection(sig: SignatureView, index: number): HTMLElement {
  const n = index + 1;
  const headingId = `verify-signature-${n}-heading`;
  const c = sig.signer;
  const trust =
    sig.trust === "trusted"
      ? t("verify.sig.trusted", { name: sig.trust_anchor ?? "" })
      : sig.trust === "untrusted"
        ? t("verify.sig.untrusted", { reason: sig.untrusted_reason ? untrustedText(sig.untrusted_reason) : "" })
        : t("verify.sig.notChecked");
  return el("section", {
    className: `signature ${sig.valid ? "valid" : "invalid"}`,
    attrs: { id: `verify-signature-${n}`, "aria-labelledby": headingId, "data-valid": String(sig.valid) },
  },
    el("h4", { attrs: { id: headingId } },
      t("verify.signature", { n }), " — ",
      el("span", { className: sig.valid ? "ok" : "bad" }, sig.valid ? t("verify.sig.valid") : t("verify.sig.invalid")),
    ),
    el("dl", {},
      ...(c
        ? [
            ...row(t("verify.sig.signer"), c.name, `verify-signer-${n}`),
            ...row(t("verify.sig.subject"), el("span", { className: "mono" }, c.subject)),
            ...row(t("verify.sig.issuer"), el("span", { className: "mono" }, c.issuer)),
            ...row(t("verify.sig.serial"), el("span", { className: "mono" }, c.serial_hex)),
            ...row(t("verify.sig.validity"), t("verify.sig.validityRange", {
              from: formatDateTime(c.not_before),
              to: formatDateTime(c.not_after),
            })),
            ...row(t("verify.sig.key"), c.key_algorithm),
            ...row(t("verify.sig.keyUsage"), c.key_usage.join(", ")),
            ...row(t("verify.sig.fingerprint"), el("span", { className: "mono" }, c.sha256_fingerprint)),
          ]
        : row(t("verify.sig.signer"), t("verify.sig.noCertificate"), `verify-signer-${n}`)),
      ...(sig.signing_time
        ? row(t("verify.sig.time"), t("verify.sig.timeNote", { time: formatDateTime(sig.signing_time) }))
        : []),
      ...(sig.location ? row(t("verify.sig.place"), sig.location) : []),
      ...(sig.reason ? row(t("verify.sig.reason"), sig.reason) : []),
      ...row(t("verify.sig.format"), orUnknown(sig.sub_filter)),
      ...row(t("verify.sig.integrity"), sig.intact ? t("verify.sig.intact") : t("verify.sig.broken"), `verify-integrity-${n}`),
      ...row(t("verify.sig.coverage"),
        sig.covers_whole_file ? t("verify.sig.wholeFile") : t("verify.sig.partial", { n: sig.bytes_after_signature })),
      ...row(t("verify.sig.trust"), trust, `verify-trust-${n}`),
      ...(sig.problems.length > 0
        ? row(t("verify.sig.problems"), el("ul", { attrs: { id: `verify-problems-${n}` } },
            ...sig.problems.map((p) => el("li", { attrs: { "data-code": p.problem.code } }, problemText(p)))))
        : []),
    ),
  );
}

export interface VerifyState {
  view: VerifyView;
  /** Localized names of the types of assistance (the codes are shown until they arrive). */
  labels: ReadonlyMap<string, string>;
  checking: boolean;
  importError: string | null;
}

export interface VerifyIntents {
  back(): void;
  openAnother(): void;
  trustCa(): void;
  forgetCas(): void;
  importRequest(untrusted: boolean): void;
}

// --- actions --------------------------------------------------------------------------

export const checking = (s: VerifyState): VerifyState => ({ ...s, checking: true });
export const checked = (s: VerifyState, view: VerifyView | null): VerifyState =>
  ({ ...s, checking: false, ...(view ? { view, importError: null } : {}) });
export const checkFailed = (s: VerifyState): VerifyState => ({ ...s, checking: false });
export const labelsArrived = (s: VerifyState, labels: ReadonlyMap<string, string>): VerifyState => ({ ...s, labels });
export const importStarted = (s: VerifyState): VerifyState => ({ ...s, importError: null });
export const importFailed = (s: VerifyState, message: string): VerifyState =>
  ({ ...s, importError: t("verify.importFailed", { message }) });

// --- drawing --------------------------------------------------------------------------

function trustSection(v: VerifyView, on: VerifyIntents): HTMLElement | null {
  if (v.verdict === "unreadable") return null;
  return el("section", { className: "verify-section", attrs: { "aria-labelledby": "verify-trust-heading" } },
    el("h3", { attrs: { id: "verify-trust-heading" } }, t("verify.trustHeading")),
    el("p", { attrs: { id: "verify-trusted-cas" } },
      v.trusted_cas.length > 0 ? t("verify.trustList", { names: v.trusted_cas.join(", ") }) : t("verify.trustNone")),
    el("div", { className: "chosen-line" },
      el("button", { attrs: { id: "verify-trust", type: "button" }, on: { click: () => on.trustCa() } }, t("verify.trustAdd")),
      v.trusted_cas.length > 0
        ? el("button", { attrs: { id: "verify-forget", type: "button" }, on: { click: () => on.forgetCas() } }, t("verify.trustForget"))
        : null,
    ),
  );
}

function importActions(v: VerifyView, on: VerifyIntents): HTMLElement {
  // Only a verified file's request is imported plainly. Otherwise no signature vouches
  // for it: the only way in is an explicit, clearly worded untrusted import, which the
  // draft's history then marks.
  if (v.verdict === "verified") {
    return el("div", {},
      el("button", {
        className: "primary",
        attrs: { id: "verify-import", type: "button", "aria-describedby": "verify-import-hint" },
        on: { click: () => on.importRequest(false) },
      }, t("verify.import")),
      el("p", { className: "muted", attrs: { id: "verify-import-hint" } }, t("verify.importHint")),
    );
  }
  return el("div", { className: "untrusted-import" },
    el("p", { className: "warning-note", attrs: { id: "verify-import-untrusted-warning" } }, t("verify.importUntrustedWarning")),
    el("button", {
      className: "danger",
      attrs: { id: "verify-import-untrusted", type: "button", "aria-describedby": "verify-import-untrusted-warning" },
      on: { click: () => on.importRequest(true) },
    }, t("verify.importUntrusted")),
  );
}

function requestSection(s: VerifyState, on: VerifyIntents): HTMLElement | null {
  const v = s.view;
  if (v.verdict === "unreadable") return null;
  const r = v.request;
  return el("section", { className: "verify-section", attrs: { id: "verify-request", "aria-labelledby": "verify-request-heading" } },
    el("h3", { attrs: { id: "verify-request-heading" } }, t("verify.requestHeading")),
    r
      ? el("dl", {},
          ...row(t("verify.req.reference"), orUnknown(r.reference), "verify-req-reference"),
          ...row(t("verify.req.authority"), orUnknown(r.requesting_authority)),
          ...row(t("verify.req.requesting"), orUnknown(r.requesting_state), "verify-req-requesting"),
          ...row(t("verify.req.requested"), orUnknown(r.requested_state), "verify-req-requested"),
          ...row(t("verify.req.case"), orUnknown(r.case_number)),
          ...row(t("verify.req.measures"),
            r.measure_kinds.length > 0 ? measureLabels(r.measure_kinds, s.labels) : t("verify.notGiven"), "verify-req-measures"),
        )
      : el("p", { attrs: { id: "verify-request-missing" } },
          v.request_problem
            ? t(v.request_problem.kind === "unreadable" ? "verify.req.unreadable" : "verify.req.invalid",
              { message: v.request_problem.detail })
            : t("verify.req.missing")),
    r ? importActions(v, on) : null,
    el("p", { className: "error", attrs: { id: "verify-import-error", role: "alert", hidden: s.importError ? undefined : "" } },
      s.importError ?? ""),
  );
}

function verdictBox(v: VerifyView): HTMLElement {
  return el("div", {
    className: `verdict-box ${verdictIsGood(v) ? "good" : "bad"}`,
    attrs: { id: "verify-verdict", "data-verdict": v.verdict, role: "status", "aria-live": "polite", tabindex: "-1" },
  },
    el("p", { className: "verdict-title" }, verdictTitle(v)),
    el("p", {}, verdictText(v)),
    v.problem ? el("p", { className: "mono", attrs: { id: "verify-problem" } }, t("verify.details", { message: v.problem })) : null,
  );
}

/** The view for state `s`: a pure function of the state and the interface language. */
export function drawVerify(s: VerifyState, on: VerifyIntents): HTMLElement {
  const v = s.view;
  return el("section", { className: "verify-view", attrs: { id: "verify-view", "aria-labelledby": "verify-heading" } },
    el("div", { className: "toolbar" },
      el("button", { attrs: { id: "verify-back", type: "button" }, on: { click: () => on.back() } }, t("verify.back")),
      el("button", { attrs: { id: "verify-open-another", type: "button" }, on: { click: () => on.openAnother() } }, t("verify.openAnother")),
    ),
    el("h2", { attrs: { id: "verify-heading" } }, t("verify.heading")),
    el("p", { className: "muted", attrs: { id: "verify-status", role: "status", "aria-live": "polite" } },
      s.checking ? t("verify.checking") : ""),
    el("div", { attrs: { id: "verify-body" } },
      verdictBox(v),
      el("p", { attrs: { id: "verify-file" } },
        t("verify.file", { name: v.file_name, bytes: v.bytes }), " ",
        el("span", { className: "mono muted" }, v.path)),
      trustSection(v, on),
      v.signatures.length === 0 ? null : el("section", { className: "verify-section", attrs: { "aria-labelledby": "verify-signatures-heading" } },
        el("h3", { attrs: { id: "verify-signatures-heading" } }, t("verify.signaturesHeading")),
        ...v.signatures.map(signatureSection),
      ),
      requestSection(s, on),
      v.embedded_files.length === 0 ? null : el("section", { className: "verify-section", attrs: { "aria-labelledby": "verify-embedded-heading" } },
        el("h3", { attrs: { id: "verify-embedded-heading" } }, t("verify.embeddedFiles")),
        el("ul", { attrs: { id: "verify-embedded" } },
          ...v.embedded_files.map((f) => el("li", {}, t("verify.embeddedFile", { name: f.name, bytes: f.size })))),
      ),
    ),
  );
}

// --- effects --------------------------------------------------------------------------

/** The verification view for `initial`; the buttons re-check or replace what is shown. */
export function renderVerify(host: VerifyHost, initial: VerifyView): HTMLElement {
  const intents: VerifyIntents = {
    back: () => host.back(),
    openAnother: () => void run(() => call("verify_open_pdf", null)),
    trustCa: () => void run(() => call("verify_trust_ca", null)),
    forgetCas: () => void run(() => call("verify_forget_cas", null)),
    importRequest: (untrusted) => void importRequest(untrusted),
  };
  const view = new Component<VerifyState>(
    { view: initial, labels: new Map(), checking: false, importError: null },
    (s) => drawVerify(s, intents),
  );

  /** A new file or verdict is shown: the app keeps it (to redraw it in another language)
   * and the verdict takes the focus, once the view is in the document. */
  function shown(): void {
    host.shown(view.state.view);
    queueMicrotask(() => view.element.querySelector<HTMLElement>("#verify-verdict")?.focus());
  }

  async function run(action: () => Promise<VerifyView | null>): Promise<void> {
    view.update(checking);
    try {
      const next = await action();
      view.update((s) => checked(s, next));
      if (next) shown();
    } catch (e) {
      view.update(checkFailed);
      const err = e as IpcError;
      if (err.code === "verify_ca_unreadable") {
        host.fail({ code: err.code, message: t("verify.caFailed", { message: err.message }) });
      } else {
        host.fail(err);
      }
    }
  }

  async function importRequest(untrusted: boolean): Promise<void> {
    view.update(importStarted);
    try {
      const row = await call("verify_import_request", { untrusted });
      host.notify(t(untrusted ? "verify.importedUntrusted" : "verify.imported", { name: draftName(row) }));
      host.open(row.id);
    } catch (e) {
      view.update((s) => importFailed(s, (e as IpcError).message));
      view.element.querySelector<HTMLElement>("#verify-import-error")?.focus();
    }
  }

  shown();
  call("catalogue", { lang: locale() }).then(
    (cat) => view.update((s) => labelsArrived(s, new Map(cat.measure_kinds.map((k) => [k.key, k.label])))),
    () => undefined,
  );
  return view.element;
}
