// The app frame: header, notices, and which view is shown.

import { call, isRegisterProblem, onCloseRequested, type IpcError } from "./api";
import type { RegisterStatus } from "./bindings/ipc";
import { el, replaceChildren } from "./dom";
import { t } from "./i18n";
import { renderEditor, type Editor } from "./views/editor";
import { renderList, type ListState } from "./views/list";

export class App {
  private readonly main = el("main", { attrs: { id: "main" } });
  private readonly notice = el("p", { className: "notice", attrs: { id: "notice", role: "status", "aria-live": "polite" } });
  private readonly errorText = el("span", { attrs: { id: "error-text" } });
  private readonly errorBox = el("div", { className: "error", attrs: { id: "error", role: "alert", hidden: "" } },
    this.errorText,
    el("button", { attrs: { type: "button" }, on: { click: () => this.clearError() } }, t("error.dismiss")),
  );
  private readonly registerLine = el("p", { className: "register-path", attrs: { id: "register-path" } });
  private editor: Editor | null = null;
  private readonly listState: ListState = { query: "", trash: false };
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    replaceChildren(this.root,
      el("header", { className: "app-header" },
        el("div", {},
          el("h1", {}, t("app.title")),
          el("p", { className: "subtitle" }, t("app.subtitle")),
        ),
        this.registerLine,
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
    this.registerLine.textContent = `${t("register.label")}: ${status.path}`;
    if (status.error) {
      this.showRegisterError(status.path, status.error);
      return;
    }
    this.showList();
  }

  private showRegisterError(path: string, error: IpcError): void {
    this.editor = null;
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
    replaceChildren(this.main, renderList({
      state: this.listState,
      open: (id) => void this.openDraft(id),
      notify: (m) => this.notify(m),
      fail: (e) => this.fail(e),
    }));
  }

  private async openDraft(id: number): Promise<void> {
    this.clearError();
    let draft;
    try {
      draft = await call("get_draft", { id });
    } catch (e) {
      this.fail(e as IpcError);
      return;
    }
    const editor = renderEditor({
      back: () => void this.leaveEditor(),
      notify: (m) => this.notify(m),
      fail: (e) => this.fail(e),
    }, draft);
    this.editor = editor;
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
