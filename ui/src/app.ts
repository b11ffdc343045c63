// The app frame: header, notices, and which view is shown.

import { call, isRegisterProblem, onCloseRequested, type IpcError } from "./api";
import type { RegisterStatus } from "./bindings/ipc";
import { el, replaceChildren } from "./dom";
import { setTimeZone } from "./format";
import { LOCALES, LOCALE_NAMES, isLocale, locale, setLocale, storedLocale, t } from "./i18n";
import { renderWizard, type Editor } from "./views/wizard";
import { renderList, type ListState } from "./views/list";
import { renderVerify } from "./views/verify";
import type { VerifyView } from "./bindings/ipc";

export class App {
  private readonly main = el("main", { attrs: { id: "main" } });
  private readonly notice = el("p", { className: "notice", attrs: { id: "notice", role: "status", "aria-live": "polite" } });
  private readonly errorText = el("span", { attrs: { id: "error-text" } });
  private readonly dismiss = el("button", { attrs: { type: "button", id: "error-dismiss" }, on: { click: () => this.clearError() } });
  private readonly errorBox = el("div", { className: "error", attrs: { id: "error", role: "alert", hidden: "" } },
    this.errorText,
    this.dismiss,
  );
  private readonly heading = el("h1", {});
  private readonly subtitle = el("p", { className: "subtitle" });
  private readonly langLabel = el("label", { attrs: { for: "ui-lang" } });
  private readonly langSelect = el("select", { attrs: { id: "ui-lang" } },
    ...LOCALES.map((l) => el("option", { attrs: { value: l, lang: l } }, LOCALE_NAMES[l])));
  private status: RegisterStatus | null = null;
  private view: "list" | "editor" | "error" | "verify" = "list";
  /** The signed PDF shown in the verification view (redrawn on a language switch). */
  private verified: VerifyView | null = null;
  private registerError: { path: string; error: IpcError } | null = null;
  private readonly registerLine = el("p", { className: "register-path", attrs: { id: "register-path" } });
  private editor: Editor | null = null;
  private readonly listState: ListState = { query: "", trash: false };
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    const chosen = storedLocale() ?? navigatorLocale();
    setLocale(chosen);
    this.langSelect.value = chosen;
    this.langSelect.addEventListener("change", () => {
      if (isLocale(this.langSelect.value)) this.switchLocale(this.langSelect.value);
    });
    this.relabelFrame();
    replaceChildren(this.root,
      el("header", { className: "app-header" },
        el("div", {}, this.heading, this.subtitle),
        el("div", { className: "header-right" },
          el("div", { className: "lang-switch" }, this.langLabel, this.langSelect),
          this.registerLine,
        ),
      ),
      this.errorBox,
      this.notice,
      this.main,
    );
    // Listen first: the window must close (after saving) whatever screen is shown.
    void onCloseRequested(() => void this.closeRequested());
    let status: RegisterStatus;
    try {
      status = await call("register_status", null);
    } catch (e) {
      this.showRegisterError("", e as IpcError);
      return;
    }
    this.status = status;
    setTimeZone(status.time_zone);
    this.relabelFrame();
    if (status.error) {
      this.showRegisterError(status.path, status.error);
      return;
    }
    this.showList();
  }

  /** Switch the interface language at once, keeping the open draft and what is typed. */
  switchLocale(next: (typeof LOCALES)[number]): void {
    if (next === locale()) return;
    setLocale(next, true);
    this.relabelFrame();
    if (this.view === "editor" && this.editor) this.editor.relabel();
    else if (this.view === "list") this.showList();
    else if (this.view === "verify" && this.verified) this.showVerify(this.verified);
    else if (this.registerError) this.showRegisterError(this.registerError.path, this.registerError.error);
  }

  private relabelFrame(): void {
    this.heading.textContent = t("app.title");
    this.subtitle.textContent = t("app.subtitle");
    this.langLabel.textContent = t("ui.language");
    this.dismiss.textContent = t("error.dismiss");
    this.registerLine.textContent = this.status ? `${t("register.label")}: ${this.status.path}` : "";
  }

  private showRegisterError(path: string, error: IpcError): void {
    this.editor = null;
    this.view = "error";
    this.registerError = { path, error };
    replaceChildren(this.main,
      el("section", { className: "register-error", attrs: { id: "register-error", role: "alert" } },
        el("h2", {}, t("register.errorTitle")),
        path ? el("p", { className: "mono" }, path) : null,
        el("p", { attrs: { id: "register-error-message" } }, error.message),
        el("p", { className: "muted" }, t("register.errorCode", { code: error.code })),
        el("p", {}, t("register.errorHint")),
      ),
    );
  }

  private showList(): void {
    this.editor = null;
    this.view = "list";
    replaceChildren(this.main, renderList({
      state: this.listState,
      open: (id) => void this.openDraft(id),
      verify: () => void this.openSignedPdf(),
      notify: (m) => this.notify(m),
      fail: (e) => this.fail(e),
    }));
  }

  /** Ask Rust for a signed PDF (a native dialog) and show what the verifier says. */
  async openSignedPdf(): Promise<void> {
    this.clearError();
    let view: VerifyView | null;
    try {
      view = await call("verify_open_pdf", null);
    } catch (e) {
      this.fail(e as IpcError);
      return;
    }
    if (view) this.showVerify(view);
  }

  private showVerify(view: VerifyView): void {
    this.editor = null;
    this.view = "verify";
    this.verified = view;
    replaceChildren(this.main, renderVerify({
      back: () => this.showList(),
      open: (id) => void this.openDraft(id),
      notify: (m) => this.notify(m),
      fail: (e) => this.fail(e),
      shown: (v) => {
        this.verified = v;
      },
    }, view));
  }

  private async openDraft(id: number): Promise<void> {
    this.clearError();
    let draft;
    let catalogue;
    try {
      // The catalogue comes with the draft, so the wizard is drawn once, complete.
      [draft, catalogue] = await Promise.all([
        call("get_draft", { id }),
        call("catalogue", { lang: locale() }),
      ]);
    } catch (e) {
      this.fail(e as IpcError);
      return;
    }
    const editor = renderWizard({
      back: () => void this.leaveEditor(),
      notify: (m) => this.notify(m),
      fail: (e) => this.fail(e),
    }, draft, catalogue);
    this.editor = editor;
    this.view = "editor";
    replaceChildren(this.main, editor.element);
  }

  private async leaveEditor(): Promise<void> {
    if (this.editor) {
      const result = await this.editor.flush();
      if (!result.ok) return; // stay: the status line shows why the save failed
    }
    this.showList();
  }

  private async closeRequested(): Promise<void> {
    if (this.editor) {
      const result = await this.editor.flush();
      if (!result.ok) {
        this.fail({ code: "internal", message: t("save.closeFailed", { message: result.message }) });
        return;
      }
    }
    await call("close_window", null).catch((e: IpcError) => this.fail(e));
  }

  notify(message: string): void {
    this.notice.textContent = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.notice.textContent = "";
    }, 6000);
  }

  fail(error: IpcError): void {
    if (isRegisterProblem(error) && error.code === "register_unavailable") {
      this.showRegisterError("", error);
      return;
    }
    this.errorText.textContent = t("error.generic", { message: error.message });
    this.errorBox.hidden = false;
  }

  private clearError(): void {
    this.errorBox.hidden = true;
    this.errorText.textContent = "";
  }
}

/** The system's language when the interface has it, else English. */
function navigatorLocale(): (typeof LOCALES)[number] {
  const lang = (typeof navigator !== "undefined" ? navigator.language : "").slice(0, 2).toLowerCase();
  return isLocale(lang) ? lang : "en";
}
