// The drafting wizard: eight steps with free navigation, the live checklist beside them,
// autosave of every edit, and the draft's history.

import { call, type IpcError } from "../api";
import { Autosave, errorMessage, type SaveState } from "../autosave";
import type { Finding, Readiness } from "../bindings/finding";
import type { CatalogueView, CheckDraftResponse, DraftRow, DraftView, LetterPreview, ProfileCard, VersionRow } from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { el, replaceChildren } from "../dom";
import { draftName, formatDateTime, isUntrustedImport } from "../format";
import { locale, t, type MessageKey } from "../i18n";
import { LiveCheck } from "../wizard/livecheck";
import { STEP_IDS, findControl, stepForPath, type StepId } from "../wizard/paths";
import { safeFragment } from "../wizard/preview";
import { renderExportPanel, type ExportPanel } from "./export";
import { DRAFTING_LANGUAGES, SEVERITIES, STEP_TITLES, profileCard, renderStep, type StepContext } from "../wizard/steps";

export interface EditorHost {
  back(): void;
  notify(message: string): void;
  fail(error: IpcError): void;
}

export interface Editor {
  element: HTMLElement;
  /** Save what is pending; resolves with the error message when it could not. */
  flush(): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Redraw every text in the current language (the draft and its state are kept). */
  relabel(): void;
}

/** What the page exposes for the end-to-end tests (read with WebDriver's execute). */
export interface DeskProbe {
  latencies(): number[];
  roundTrips(): number[];
  paintTimes(): number[];
  inputWaits(): number[];
  checks: number;
}

declare global {
  interface Window { mlaDesk?: DeskProbe }
}

/** The text shown for a save state. */
export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case "idle": return t("save.idle");
    case "pending": return t("save.pending");
    case "saving": return t("save.saving");
    case "saved": return t("save.saved");
    case "failed": return t("save.failed", { message: state.message });
  }
}

/** Findings per step, for the badges of the step list. */
export function countByStep(findings: Finding[]): Map<StepId, number> {
  const out = new Map<StepId, number>();
  for (const f of findings) {
    if (f.severity === "advice") continue;
    const s = stepForPath(f.path);
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

export function verdictText(r: Readiness): string {
  return t(`verdict.${r.verdict}` as MessageKey);
}

/**
 * The wizard for `draft`. `initialCatalogue` is the catalogue in the current language,
 * fetched before the first drawing so that its arrival never redraws a step under the
 * user's cursor (it is fetched here when not given).
 */
export function renderWizard(host: EditorHost, draft: DraftView, initialCatalogue: CatalogueView | null = null): Editor {
  const id = draft.summary.id;
  let summary: DraftRow = draft.summary;
  const request: Request = draft.request;
  let lastError = "";
  let saveState: SaveState = { kind: "idle" };
  let step: StepId = 1;
  let catalogue: CatalogueView | null = initialCatalogue;
  let profile: ProfileCard | null = null;
  let findings: Finding[] = [];
  let readiness: Readiness | null = null;
  let letterLang = DRAFTING_LANGUAGES.includes(request.drafting_language) ? request.drafting_language : "en";
  let checks = 0;

  const root = el("section", { className: "editor-view wizard" });

  // --- autosave -----------------------------------------------------------------------
  const status = el("p", { className: "save-status", attrs: { id: "save-status", role: "status", "aria-live": "polite", "data-state": "idle" } });
  function showState(state: SaveState): void {
    saveState = state;
    status.textContent = saveStateText(state);
    status.dataset.state = state.kind;
    lastError = state.kind === "failed" ? state.message : "";
  }
  showState(saveState);
  const autosave = new Autosave<Request>(async (value) => {
    const res = await call("save_draft", { id, request: value });
    summary = res.summary;
    renderTitle();
  }, showState);

  // --- live check ---------------------------------------------------------------------
  const live = new LiveCheck<Request, CheckDraftResponse>(
    (req) => call("check_draft", { request: req, lang: locale() }),
    (resp) => {
      checks++;
      findings = resp.findings;
      readiness = resp.readiness;
      // Most keystrokes change no finding: then neither the checklist nor the step list is
      // touched (no style, layout or paint work for them).
      const changed = renderChecklist();
      if (changed) renderNav();
      if (changed && (step === 7 || step === 6)) refreshStepOnCheck();
    },
    (e) => host.fail({ code: "internal", message: errorMessage(e) }),
  );
  window.mlaDesk = { latencies: () => live.latencies(), roundTrips: () => live.roundTrips(), paintTimes: () => live.paintTimes(), inputWaits: () => live.inputWaits(), get checks() { return checks; } } as DeskProbe;

  function changed(_path: string, at: number): void {
    const snapshot = structuredClone(request);
    autosave.update(snapshot);
    live.update(snapshot, at);
    if (_path === "reference") renderTitle();
  }

  // --- heading, history ---------------------------------------------------------------
  const title = el("h2", { attrs: { id: "editor-heading", tabindex: "-1" } });
  const versionLine = el("p", { className: "muted", attrs: { id: "editor-version" } });
  let historyOpen = false;
  const historyList = el("ol", { attrs: { id: "history-list" } });
  const historyHeading = el("h3", { attrs: { id: "history-heading" } });
  const historyPanel = el("aside", { className: "history", attrs: { id: "history", "aria-labelledby": "history-heading", hidden: "" } }, historyHeading, historyList);
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
  });

  function renderTitle(): void {
    title.textContent = t("editor.heading", { name: draftName(request) });
    versionLine.textContent = `${t("history.version", { version: summary.version })} · ${formatDateTime(summary.updated_at)}`;
    if (historyOpen) void loadHistory();
  }

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
          isUntrustedImport(v.note)
            ? el("span", { className: "badge untrusted", attrs: { "data-untrusted": "true" } }, t("history.untrustedImport"))
            : null,
        ),
        el("div", { className: "muted" }, el("time", { attrs: { datetime: v.saved_at } }, formatDateTime(v.saved_at)), ` · ${v.actor}`),
        v.note ? el("div", { className: "note" }, v.note) : null,
        current ? null : el("button", {
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
    // Replace the request's content in place: every step reads the same object.
    for (const key of Object.keys(request) as (keyof Request)[]) delete request[key];
    Object.assign(request, restored.request);
    summary = restored.summary;
    showState({ kind: "saved" });
    renderTitle();
    renderStepPanel();
    live.reset();
    live.update(structuredClone(request));
    void loadProfile();
    host.notify(t("notice.restoredVersion", { version, newVersion: summary.version }));
  }

  // --- step list ----------------------------------------------------------------------
  const nav = el("nav", { className: "steps", attrs: { id: "steps", "aria-label": "" } });
  // The buttons are made once and updated in place, so that a check arriving while the
  // user is on the list never takes the focus away (or leaves a stale element).
  const stepButtons = new Map<StepId, { button: HTMLButtonElement; title: HTMLElement; badge: HTMLElement }>();
  nav.append(el("ol", {}, ...STEP_IDS.map((s) => {
    const title = el("span", { className: "step-title" });
    // The badge keeps its room when empty, so that the list never moves under the pointer.
    const badge = el("span", { className: "badge count-badge empty", attrs: { "aria-hidden": "true" } });
    const button = el("button", {
      className: "step-link",
      attrs: { type: "button", id: `step-${s}` },
      on: { click: () => goTo(s) },
    }, el("span", { className: "step-num" }, String(s)), title, badge);
    stepButtons.set(s, { button, title, badge });
    return el("li", {}, button);
  })));
  function renderNav(): void {
    nav.setAttribute("aria-label", t("wizard.steps"));
    const counts = countByStep(findings);
    for (const [s, { button, title, badge }] of stepButtons) {
      const n = counts.get(s) ?? 0;
      const label = t(STEP_TITLES[s]);
      title.textContent = label;
      badge.textContent = String(n);
      badge.classList.toggle("empty", n === 0);
      if (s === step) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
      button.setAttribute("aria-label", n > 0 ? t("wizard.stepWithCount", { n: s, title: label, count: n }) : `${s}. ${label}`);
    }
  }

  // --- the current step ---------------------------------------------------------------
  const panelHeading = el("h2", { attrs: { id: "step-heading", tabindex: "-1" } });
  const panelBody = el("div", { className: "step-body", attrs: { id: "step-body" } });
  const panel = el("form", {
    className: "step-panel",
    attrs: { id: "step-panel", "aria-labelledby": "step-heading", novalidate: "" },
    on: { submit: (e) => e.preventDefault() },
  }, panelHeading, panelBody);
  // Leaving a field saves at once (as the debounce would, only sooner).
  panel.addEventListener("focusout", () => void autosave.flush());

  let previewRequest = 0;
  function previewInto(box: HTMLElement, lang: string): void {
    const mine = ++previewRequest;
    replaceChildren(box, el("p", { className: "muted" }, t("letter.loading")));
    void call("letter_preview", { request: structuredClone(request), lang })
      .then((p: LetterPreview) => {
        if (mine !== previewRequest) return;
        const article = el("article", { className: "letter-preview", attrs: { id: "letter-preview", lang: p.lang, dir: p.rtl ? "rtl" : "ltr", "aria-label": t("letter.previewLabel") } });
        article.append(safeFragment(p.html));
        replaceChildren(box,
          p.reviewed ? null : el("p", { className: "warning-note", attrs: { id: "letter-unreviewed" } }, t("letter.unreviewedNote")),
          p.needs_translation.length
            ? el("p", { className: "warning-note", attrs: { id: "letter-needs-translation" } }, t("letter.needsTranslation", { n: p.needs_translation.length }))
            : null,
          article,
        );
      })
      .catch((e: IpcError) => {
        if (mine !== previewRequest) return;
        replaceChildren(box, el("p", { className: "field-error", attrs: { role: "alert" } }, t("letter.failed", { message: e.message })));
      });
  }

  const stepCtx: StepContext = {
    request: () => request,
    changed,
    get catalogue() { return catalogue; },
    get profile() { return profile; },
    get findings() { return findings; },
    redraw: (focusPath) => renderStepPanel(focusPath),
    jump: (path) => jump(path),
    stateChanged: () => void loadProfile(),
    preview: (lang) => call("letter_preview", { request: structuredClone(request), lang }),
    get letterLang() { return letterLang; },
    setLetterLang: (l) => { letterLang = l; },
  };

  // The export panel of step 8: made once per draft and moved into the step's
  // #export-panel each time the step is drawn, so that a redraw never loses a running
  // export, its progress or the chosen files.
  let exportPanel: ExportPanel | null = null;
  function mountExport(): void {
    const slot = panelBody.querySelector<HTMLElement>("#export-panel");
    if (!slot) return;
    exportPanel ??= renderExportPanel({
      draftId: id,
      request: () => request,
      flush: () => autosave.flush(),
      letterLang: () => letterLang,
    });
    slot.replaceChildren(exportPanel.element);
  }

  function renderStepPanel(focusPath?: string): void {
    const active = document.activeElement;
    const keepId = active && active !== panelBody && panelBody.contains(active) ? active.id : "";
    panelHeading.textContent = t("wizard.stepHeading", { n: step, title: t(STEP_TITLES[step]) });
    replaceChildren(panelBody, ...renderStep(step, stepCtx, previewInto));
    mountExport();
    if (focusPath) focusField(focusPath);
    else if (keepId) document.getElementById(keepId)?.focus();
  }

  /** On step 6 and 7, the findings are part of the page: redraw them, keeping focus. */
  function refreshStepOnCheck(): void {
    const active = document.activeElement as HTMLElement | null;
    if (active && panelBody.contains(active) && active.matches("input, textarea, select")) return; // never under the user's cursor
    const activeId = active?.id;
    renderStepPanel();
    if (activeId) document.getElementById(activeId)?.focus();
  }

  function goTo(s: StepId, focusHeading = true): void {
    step = s;
    renderNav();
    renderStepPanel();
    if (focusHeading) panelHeading.focus();
  }

  function focusField(path: string): boolean {
    const control = findControl(panelBody, path);
    if (!control) return false;
    if (!control.matches("input, select, textarea, button, [tabindex]")) control.setAttribute("tabindex", "-1");
    control.focus();
    control.scrollIntoView?.({ block: "center" });
    control.classList.add("jump-target");
    setTimeout(() => control.classList.remove("jump-target"), 2000);
    return true;
  }

  function jump(path: string): void {
    goTo(stepForPath(path), false);
    if (!focusField(path)) panelHeading.focus();
  }

  // --- the checklist (always visible) -------------------------------------------------
  const checklist = el("aside", { className: "checklist", attrs: { id: "checklist", "aria-labelledby": "checklist-heading" } });
  // The heading and the verdict stay in place (a live region that is replaced is often not
  // announced); only their text and the list below them change.
  const checklistHeading = el("h2", { attrs: { id: "checklist-heading" } });
  const verdict = el("p", { className: "verdict", attrs: { id: "checklist-verdict", role: "status", "aria-live": "polite", "aria-atomic": "true" } });
  const checklistRest = el("div", {});
  checklist.append(checklistHeading, verdict, checklistRest);
  let drawnChecklist = "";
  /** Draw the checklist; `false` when nothing changed since the last time. */
  function renderChecklist(): boolean {
    // Most keystrokes change no finding: then nothing is redrawn (less layout and paint).
    const key = JSON.stringify([locale(), readiness, findings.map((f) => [f.rule_id, f.severity, f.path, f.title])]);
    if (key === drawnChecklist) return false;
    drawnChecklist = key;
    checklistHeading.textContent = t("checklist.heading");
    verdict.className = `verdict verdict-${readiness?.verdict ?? "unknown"}`;
    const verdictLine = readiness ? verdictText(readiness) : t("checklist.checking");
    if (verdict.textContent !== verdictLine) verdict.textContent = verdictLine;
    const counts = el("ul", { className: "counts", attrs: { id: "checklist-counts" } },
      ...SEVERITIES.map((sev) => {
        const n = readiness ? (sev === "blocker" ? readiness.blockers : sev === "warning" ? readiness.warnings : readiness.advice) : 0;
        return el("li", { className: `sev-${sev}`, attrs: { "data-severity": sev, "data-count": String(n) } }, t(`severity.${sev}` as MessageKey, { n }));
      }));
    const top = findings.filter((f) => f.severity !== "advice").slice(0, 5);
    replaceChildren(checklistRest,
      counts,
      top.length ? el("ul", { className: "findings compact", attrs: { id: "checklist-top" } }, ...top.map((f, i) =>
        el("li", { className: `sev-${f.severity}`, attrs: { "data-rule": f.rule_id } },
          f.path
            ? el("button", { className: "link", attrs: { type: "button", id: `checklist-jump-${i}`, "data-jump": f.path }, on: { click: () => jump(f.path) } }, f.title)
            : el("span", {}, f.title)),
      )) : null,
      el("button", { attrs: { type: "button", id: "checklist-review" }, on: { click: () => goTo(7) } }, t("checklist.review")),
    );
    return true;
  }

  // --- data the steps need ------------------------------------------------------------
  async function loadCatalogue(): Promise<void> {
    try {
      catalogue = await call("catalogue", { lang: locale() });
    } catch (e) {
      host.fail(e as IpcError);
      return;
    }
    // Only the steps that list catalogue entries need drawing again; never under the
    // user's cursor (the answer can arrive while they type): wait until they leave the field.
    if (step === 3 || step === 5 || step === 8) redrawWhenNotTyping();
  }

  function redrawWhenNotTyping(): void {
    const active = document.activeElement;
    if (active && panelBody.contains(active) && active.matches("input, textarea, select")) {
      const drawnStep = step;
      active.addEventListener("blur", () => {
        // After the blur, focus has moved on; renderStepPanel keeps it by id.
        setTimeout(() => { if (step === drawnStep) renderStepPanel(); }, 0);
      }, { once: true });
      return;
    }
    renderStepPanel();
  }

  let profileRequest = 0;
  async function loadProfile(): Promise<void> {
    const code = request.requested_state.trim();
    const mine = ++profileRequest;
    if (!/^[A-Za-z]{3}$/.test(code)) {
      profile = null;
      if (step === 2) replaceProfileCard();
      return;
    }
    try {
      const card = await call("state_profile", { iso3: code, lang: locale() });
      if (mine !== profileRequest) return;
      profile = card;
    } catch (e) {
      host.fail(e as IpcError);
      return;
    }
    if (step === 2) replaceProfileCard();
  }

  function replaceProfileCard(): void {
    const old = panelBody.querySelector("#profile-card");
    if (!old) return;
    old.replaceWith(profileCard(profile, request.requested_state));
  }

  // --- frame --------------------------------------------------------------------------
  const back = el("button", { attrs: { id: "back", type: "button" }, on: { click: () => host.back() } });
  function relabel(): void {
    back.textContent = `← ${t("action.back")}`;
    historyToggle.textContent = historyOpen ? t("action.hideHistory") : t("action.history");
    historyHeading.textContent = t("history.heading");
    showState(saveState);
    renderTitle();
    renderNav();
    renderChecklist();
    renderStepPanel();
  }

  replaceChildren(root,
    el("div", { className: "toolbar" }, back, status, historyToggle),
    el("div", { className: "editor-head" }, title, versionLine),
    el("div", { className: "wizard-body" }, nav, panel, el("div", { className: "side" }, checklist, historyPanel)),
  );
  relabel();
  if (!catalogue) void loadCatalogue();
  void loadProfile();
  live.update(structuredClone(request));
  queueMicrotask(() => document.getElementById("f-reference")?.focus());

  return {
    element: root,
    async flush() {
      const ok = await autosave.flush();
      return ok ? { ok: true } : { ok: false, message: lastError };
    },
    relabel() {
      // The export panel is drawn again in the new language, unless an export runs.
      if (exportPanel && !exportPanel.isRunning()) {
        exportPanel.dispose();
        exportPanel = null;
      }
      live.reset();
      drawnChecklist = "";
      findings = [];
      readiness = null;
      relabel();
      void loadCatalogue();
      void loadProfile();
      live.update(structuredClone(request));
    },
  };
}
