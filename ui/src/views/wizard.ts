// The drafting wizard: eight steps with free navigation, the live checklist beside them,
// autosave of every edit, and the draft's history.
//
// The frame (step list, checklist, history, save status) is a component (../component.ts):
// state and actions in wizard.state.ts, pure drawing in wizard.render.ts. The step's
// fields are drawn by wizard/steps.ts into the frame's #step-body and bound to the
// request object; this file runs the effects (autosave, live check, IPC calls).

import { call, type IpcError } from "../api";
import { Autosave, errorMessage, type SaveState } from "../autosave";
import type { CatalogueView, CheckDraftResponse, DraftView, LetterPreview, ProfileCard, VersionRow } from "../bindings/ipc";
import type { Request } from "../bindings/model";
import { Component } from "../component";
import { el, replaceChildren } from "../dom";
import { draftName } from "../format";
import { locale, t } from "../i18n";
import { LiveCheck } from "../wizard/livecheck";
import { findControl, stepForPath, type StepId } from "../wizard/paths";
import { safeFragment } from "../wizard/preview";
import { renderExportPanel, type ExportPanel } from "./export";
import { DRAFTING_LANGUAGES, profileCard, renderStep, type StepContext } from "../wizard/steps";
import { drawWizard, type WizardIntents } from "./wizard.render";
import * as A from "./wizard.state";

export { countByStep, saveStateText } from "./wizard.render";

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


/**
 * The wizard for `draft`. `initialCatalogue` is the catalogue in the current language,
 * fetched before the first drawing so that its arrival never redraws a step under the
 * user's cursor (it is fetched here when not given).
 */
export function renderWizard(host: EditorHost, draft: DraftView, initialCatalogue: CatalogueView | null = null): Editor {
  const wizard = new Wizard(host, draft, initialCatalogue);
  return {
    element: wizard.frame.element,
    flush: () => wizard.flush(),
    relabel: () => wizard.switchedLanguage(),
  };
}

/** The effects of one open draft: what the frame's state does not hold (the request being
 * edited, the data its steps list) and the calls that change them. */
class Wizard {
  readonly frame: Component<A.WizardState>;
  private readonly id: number;
  private readonly request: Request;
  private readonly autosave: Autosave<Request>;
  private readonly live: LiveCheck<Request, CheckDraftResponse>;
  private readonly panelBody: HTMLElement;
  private readonly panelHeading: HTMLElement;
  private readonly stepCtx: StepContext;
  private catalogue: CatalogueView | null;
  private profile: ProfileCard | null = null;
  private letterLang: string;
  private lastError = "";
  private checks = 0;
  // The newest call of each kind: an older answer arriving late is dropped.
  private previewRequest = 0;
  private historyRequest = 0;
  private profileRequest = 0;
  /** The export panel of step 8: made once per draft and moved into the step's
   * #export-panel each time the step is drawn, so that a redraw never loses a running
   * export, its progress or the chosen files. */
  private exportPanel: ExportPanel | null = null;

  constructor(private readonly host: EditorHost, draft: DraftView, catalogue: CatalogueView | null) {
    this.id = draft.summary.id;
    this.request = draft.request;
    this.catalogue = catalogue;
    this.letterLang = DRAFTING_LANGUAGES.includes(this.request.drafting_language) ? this.request.drafting_language : "en";
    const intents: WizardIntents = {
      back: () => host.back(),
      leftField: () => void this.autosave.flush(),
      toggleHistory: () => {
        this.frame.update(A.historyToggled);
        if (this.frame.state.historyOpen) void this.loadHistory();
      },
      restore: (version) => void this.restore(version),
      goTo: (step) => this.goTo(step),
      jump: (path) => this.jump(path),
    };
    this.frame = new Component(A.initialState(draft.summary, draftName(this.request)), (s) => drawWizard(s, intents));
    this.panelBody = this.frame.element.querySelector<HTMLElement>("#step-body")!;
    this.panelHeading = this.frame.element.querySelector<HTMLElement>("#step-heading")!;
    this.autosave = new Autosave<Request>(async (value) => {
      const res = await call("save_draft", { id: this.id, request: value });
      this.frame.update((s) => A.saved(s, res.summary));
      if (this.frame.state.historyOpen) void this.loadHistory();
    }, (state) => this.showState(state));
    this.live = new LiveCheck<Request, CheckDraftResponse>(
      (req) => call("check_draft", { request: req, lang: locale() }),
      (resp) => this.checked(resp),
      (e) => host.fail({ code: "internal", message: errorMessage(e) }),
    );
    const live = this.live;
    const checks = () => this.checks;
    window.mlaDesk = { latencies: () => live.latencies(), roundTrips: () => live.roundTrips(), paintTimes: () => live.paintTimes(), inputWaits: () => live.inputWaits(), get checks() { return checks(); } } as DeskProbe;
    this.stepCtx = this.stepContext();
    this.renderStepPanel();
    if (!this.catalogue) void this.loadCatalogue();
    void this.loadProfile();
    this.live.update(structuredClone(this.request));
    queueMicrotask(() => document.getElementById("f-reference")?.focus());
  }

  private stepContext(): StepContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const w = this;
    return {
      request: () => w.request,
      changed: (path, at) => w.changed(path, at),
      get catalogue() { return w.catalogue; },
      get profile() { return w.profile; },
      get findings() { return w.frame.state.findings; },
      redraw: (focusPath) => w.renderStepPanel(focusPath),
      jump: (path) => w.jump(path),
      stateChanged: () => void w.loadProfile(),
      preview: (lang) => call("letter_preview", { request: structuredClone(w.request), lang }),
      get letterLang() { return w.letterLang; },
      setLetterLang: (l) => { w.letterLang = l; },
    };
  }

  async flush(): Promise<{ ok: true } | { ok: false; message: string }> {
    const ok = await this.autosave.flush();
    return ok ? { ok: true } : { ok: false, message: this.lastError };
  }

  /** Draw every text in the current language again, keeping the draft and what is typed. */
  switchedLanguage(): void {
    // The export panel is drawn again in the new language, unless an export runs.
    if (this.exportPanel && !this.exportPanel.isRunning()) {
      this.exportPanel.dispose();
      this.exportPanel = null;
    }
    this.live.reset();
    this.frame.update(A.checksReset);
    this.renderStepPanel();
    void this.loadCatalogue();
    void this.loadProfile();
    this.live.update(structuredClone(this.request));
  }

  private showState(state: SaveState): void {
    this.frame.update((s) => A.saveStateChanged(s, state));
    this.lastError = state.kind === "failed" ? state.message : "";
  }

  private checked(resp: CheckDraftResponse): void {
    this.checks++;
    const before = this.frame.state;
    // Most keystrokes change no finding: then the frame is not drawn again (no style,
    // layout or paint work for them).
    this.frame.update((s) => A.checked(s, resp.findings, resp.readiness));
    const step = this.frame.state.step;
    if (this.frame.state !== before && (step === 7 || step === 6)) this.refreshStepOnCheck();
  }

  private changed(path: string, at: number): void {
    const snapshot = structuredClone(this.request);
    this.autosave.update(snapshot);
    this.live.update(snapshot, at);
    if (path === "reference") this.frame.update((s) => A.renamed(s, draftName(this.request)));
  }

  private async loadHistory(): Promise<void> {
    const mine = ++this.historyRequest;
    let versions: VersionRow[];
    try {
      versions = await call("draft_history", { id: this.id });
    } catch (e) {
      this.host.fail(e as IpcError);
      return;
    }
    if (mine !== this.historyRequest) return;
    this.frame.update((s) => A.historyLoaded(s, versions));
  }

  private async restore(version: number): Promise<void> {
    const flushed = await this.autosave.flush();
    if (!flushed) return; // the status line says why; do not overwrite unsaved text
    let restored: DraftView;
    try {
      restored = await call("restore_version", { id: this.id, version });
    } catch (e) {
      this.host.fail(e as IpcError);
      return;
    }
    this.autosave.reset();
    // Replace the request's content in place: every step reads the same object.
    const request = this.request;
    for (const key of Object.keys(request) as (keyof Request)[]) delete request[key];
    Object.assign(request, restored.request);
    this.frame.update((s) => A.renamed(A.saved(s, restored.summary), draftName(request)));
    this.showState({ kind: "saved" });
    if (this.frame.state.historyOpen) void this.loadHistory();
    this.renderStepPanel();
    this.live.reset();
    this.live.update(structuredClone(request));
    void this.loadProfile();
    this.host.notify(t("notice.restoredVersion", { version, newVersion: restored.summary.version }));
  }

  private previewInto(box: HTMLElement, lang: string): void {
    const mine = ++this.previewRequest;
    replaceChildren(box, el("p", { className: "muted" }, t("letter.loading")));
    void call("letter_preview", { request: structuredClone(this.request), lang })
      .then((p: LetterPreview) => {
        if (mine !== this.previewRequest) return;
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
        if (mine !== this.previewRequest) return;
        replaceChildren(box, el("p", { className: "field-error", attrs: { role: "alert" } }, t("letter.failed", { message: e.message })));
      });
  }

  private mountExport(): void {
    const slot = this.panelBody.querySelector<HTMLElement>("#export-panel");
    if (!slot) return;
    this.exportPanel ??= renderExportPanel({
      draftId: this.id,
      request: () => this.request,
      flush: () => this.autosave.flush(),
      letterLang: () => this.letterLang,
    });
    slot.replaceChildren(this.exportPanel.element);
  }

  private renderStepPanel(focusPath?: string): void {
    const panelBody = this.panelBody;
    const active = document.activeElement;
    const keepId = active && active !== panelBody && panelBody.contains(active) ? active.id : "";
    replaceChildren(panelBody, ...renderStep(this.frame.state.step, this.stepCtx, (box, lang) => this.previewInto(box, lang)));
    this.mountExport();
    if (focusPath) this.focusField(focusPath);
    else if (keepId) document.getElementById(keepId)?.focus();
  }

  /** On step 6 and 7, the findings are part of the page: redraw them, keeping focus. */
  private refreshStepOnCheck(): void {
    const active = document.activeElement as HTMLElement | null;
    if (active && this.panelBody.contains(active) && active.matches("input, textarea, select")) return; // never under the user's cursor
    const activeId = active?.id;
    this.renderStepPanel();
    if (activeId) document.getElementById(activeId)?.focus();
  }

  private goTo(step: StepId, focusHeading = true): void {
    this.frame.update((s) => A.stepChosen(s, step));
    this.renderStepPanel();
    if (focusHeading) this.panelHeading.focus();
  }

  private focusField(path: string): boolean {
    const control = findControl(this.panelBody, path);
    if (!control) return false;
    if (!control.matches("input, select, textarea, button, [tabindex]")) control.setAttribute("tabindex", "-1");
    control.focus();
    control.scrollIntoView?.({ block: "center" });
    control.classList.add("jump-target");
    setTimeout(() => control.classList.remove("jump-target"), 2000);
    return true;
  }

  private jump(path: string): void {
    this.goTo(stepForPath(path), false);
    if (!this.focusField(path)) this.panelHeading.focus();
  }

  // --- data the steps need ------------------------------------------------------------

  private async loadCatalogue(): Promise<void> {
    try {
      this.catalogue = await call("catalogue", { lang: locale() });
    } catch (e) {
      this.host.fail(e as IpcError);
      return;
    }
    // Only the steps that list catalogue entries need drawing again; never under the
    // user's cursor (the answer can arrive while they type): wait until they leave the field.
    const step = this.frame.state.step;
    if (step === 3 || step === 5 || step === 8) this.redrawWhenNotTyping();
  }

  private redrawWhenNotTyping(): void {
    const active = document.activeElement;
    if (active && this.panelBody.contains(active) && active.matches("input, textarea, select")) {
      const drawnStep = this.frame.state.step;
      active.addEventListener("blur", () => {
        // After the blur, focus has moved on; renderStepPanel keeps it by id.
        setTimeout(() => { if (this.frame.state.step === drawnStep) this.renderStepPanel(); }, 0);
      }, { once: true });
      return;
    }
    this.renderStepPanel();
  }

  private async loadProfile(): Promise<void> {
    const code = this.request.requested_state.trim();
    const mine = ++this.profileRequest;
    if (!/^[A-Za-z]{3}$/.test(code)) {
      this.profile = null;
      if (this.frame.state.step === 2) this.replaceProfileCard();
      return;
    }
    try {
      const card = await call("state_profile", { iso3: code, lang: locale() });
      if (mine !== this.profileRequest) return;
      this.profile = card;
    } catch (e) {
      this.host.fail(e as IpcError);
      return;
    }
    if (this.frame.state.step === 2) this.replaceProfileCard();
  }

  private replaceProfileCard(): void {
    const old = this.panelBody.querySelector("#profile-card");
    if (!old) return;
    old.replaceWith(profileCard(this.profile, this.request.requested_state));
  }
}
