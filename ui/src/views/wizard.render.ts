// The wizard frame drawn from its state (views/wizard.state.ts): toolbar, heading, the
// step list, the checklist, the history, and the step panel whose fields wizard/steps.ts
// draws into #step-body (a slot this drawing leaves alone).

import type { SaveState } from "../autosave";
import type { Finding } from "../bindings/finding";
import { el } from "../dom";
import { formatDateTime, isUntrustedImport } from "../format";
import { t, type MessageKey } from "../i18n";
import { STEP_IDS, stepForPath, type StepId } from "../wizard/paths";
import { SEVERITIES, STEP_TITLES } from "../wizard/steps";
import type { WizardState } from "./wizard.state";

export interface WizardIntents {
  back(): void;
  /** Focus left a field of the step: save at once (as the debounce would, only sooner). */
  leftField(): void;
  toggleHistory(): void;
  restore(version: number): void;
  goTo(step: StepId): void;
  jump(path: string): void;
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

function nav(s: WizardState, on: WizardIntents): HTMLElement {
  const counts = countByStep(s.findings);
  return el("nav", { className: "steps", attrs: { id: "steps", "aria-label": t("wizard.steps") } },
    el("ol", {}, ...STEP_IDS.map((step) => {
      const n = counts.get(step) ?? 0;
      const label = t(STEP_TITLES[step]);
      return el("li", {}, el("button", {
        className: "step-link",
        attrs: {
          type: "button", id: `step-${step}`, "aria-current": step === s.step ? "step" : undefined,
          "aria-label": n > 0 ? t("wizard.stepWithCount", { n: step, title: label, count: n }) : `${step}. ${label}`,
        },
        on: { click: () => on.goTo(step) },
      },
      el("span", { className: "step-num" }, String(step)),
      el("span", { className: "step-title" }, label),
      // The badge keeps its room when empty, so that the list never moves under the pointer.
      el("span", { className: `badge count-badge${n === 0 ? " empty" : ""}`, attrs: { "aria-hidden": "true" } }, String(n)),
      ));
    })));
}

function checklist(s: WizardState, on: WizardIntents): HTMLElement {
  const r = s.readiness;
  const top = s.findings.filter((f) => f.severity !== "advice").slice(0, 5);
  // The heading and the verdict stay in place (a live region that is replaced is often not
  // announced); only their text and the list below them change.
  return el("aside", { className: "checklist", attrs: { id: "checklist", "aria-labelledby": "checklist-heading" } },
    el("h2", { attrs: { id: "checklist-heading" } }, t("checklist.heading")),
    el("p", {
      className: `verdict verdict-${r?.verdict ?? "unknown"}`,
      attrs: { id: "checklist-verdict", role: "status", "aria-live": "polite", "aria-atomic": "true" },
    }, r ? t(`verdict.${r.verdict}`) : t("checklist.checking")),
    el("div", {},
      el("ul", { className: "counts", attrs: { id: "checklist-counts" } },
        ...SEVERITIES.map((sev) => {
          const n = r ? (sev === "blocker" ? r.blockers : sev === "warning" ? r.warnings : r.advice) : 0;
          return el("li", { className: `sev-${sev}`, attrs: { "data-severity": sev, "data-count": String(n) } }, t(`severity.${sev}` as MessageKey, { n }));
        })),
      top.length ? el("ul", { className: "findings compact", attrs: { id: "checklist-top" } }, ...top.map((f, i) =>
        el("li", { className: `sev-${f.severity}`, attrs: { "data-rule": f.rule_id } },
          f.path
            ? el("button", { className: "link", attrs: { type: "button", id: `checklist-jump-${i}`, "data-jump": f.path }, on: { click: () => on.jump(f.path) } }, f.title)
            : el("span", {}, f.title)),
      )) : null,
      el("button", { attrs: { type: "button", id: "checklist-review" }, on: { click: () => on.goTo(7) } }, t("checklist.review")),
    ),
  );
}

function history(s: WizardState, on: WizardIntents): HTMLElement {
  const versions = s.versions;
  return el("aside", { className: "history", attrs: { id: "history", "aria-labelledby": "history-heading", hidden: s.historyOpen ? undefined : "" } },
    el("h3", { attrs: { id: "history-heading" } }, t("history.heading")),
    el("ol", { attrs: { id: "history-list" } }, ...(versions === null ? [] : versions.length === 0
      ? [el("li", { className: "muted" }, t("history.empty"))]
      : versions.map((v) => {
        const current = v.version === s.summary.version;
        return el("li", { key: `v${v.version}`, attrs: { "data-version": String(v.version) } },
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
            on: { click: () => on.restore(v.version) },
          }, t("history.restore")),
        );
      }))),
  );
}

/** The frame for state `s`; `#step-body` is left to wizard/steps.ts. */
export function drawWizard(s: WizardState, on: WizardIntents): HTMLElement {
  return el("section", { className: "editor-view wizard" },
    el("div", { className: "toolbar" },
      el("button", { attrs: { id: "back", type: "button" }, on: { click: () => on.back() } }, `← ${t("action.back")}`),
      el("p", { className: "save-status", attrs: { id: "save-status", role: "status", "aria-live": "polite", "data-state": s.saveState.kind } },
        saveStateText(s.saveState)),
      el("button", {
        attrs: { id: "history-toggle", type: "button", "aria-expanded": String(s.historyOpen), "aria-controls": "history" },
        on: { click: () => on.toggleHistory() },
      }, s.historyOpen ? t("action.hideHistory") : t("action.history")),
    ),
    el("div", { className: "editor-head" },
      el("h2", { attrs: { id: "editor-heading", tabindex: "-1" } }, t("editor.heading", { name: s.name })),
      el("p", { className: "muted", attrs: { id: "editor-version" } },
        `${t("history.version", { version: s.summary.version })} · ${formatDateTime(s.summary.updated_at)}`),
    ),
    el("div", { className: "wizard-body" },
      nav(s, on),
      el("form", {
        className: "step-panel",
        attrs: { id: "step-panel", "aria-labelledby": "step-heading", novalidate: "" },
        on: { submit: (e) => e.preventDefault(), focusout: () => on.leftField() },
      },
      el("h2", { attrs: { id: "step-heading", tabindex: "-1" } }, t("wizard.stepHeading", { n: s.step, title: t(STEP_TITLES[s.step]) })),
      el("div", { own: true, className: "step-body", attrs: { id: "step-body" } }),
      ),
      el("div", { className: "side" }, checklist(s, on), history(s, on)),
    ),
  );
}
