// The wizard frame's state and actions (pure): which step is shown, the save status, the
// checker's answer, the history. The step's fields are drawn by wizard/steps.ts into a
// slot of the frame and bound to the request object (wizard/form.ts), not to this state.

import type { SaveState } from "../autosave";
import type { Finding, Readiness } from "../bindings/finding";
import type { DraftRow, VersionRow } from "../bindings/ipc";
import { locale } from "../i18n";
import type { StepId } from "../wizard/paths";

export interface WizardState {
  step: StepId;
  /** The draft's name (from its reference) and its register row (version, time). */
  name: string;
  summary: DraftRow;
  saveState: SaveState;
  findings: Finding[];
  readiness: Readiness | null;
  /** What the checklist last showed: a check that changes nothing draws nothing. */
  checkKey: string;
  historyOpen: boolean;
  versions: VersionRow[] | null;
}

export function initialState(summary: DraftRow, name: string): WizardState {
  return {
    step: 1, name, summary, saveState: { kind: "idle" }, findings: [], readiness: null, checkKey: "",
    historyOpen: false, versions: null,
  };
}

export const stepChosen = (s: WizardState, step: StepId): WizardState => (s.step === step ? s : { ...s, step });
export const renamed = (s: WizardState, name: string): WizardState => (s.name === name ? s : { ...s, name });
export const saveStateChanged = (s: WizardState, saveState: SaveState): WizardState => ({ ...s, saveState });
export const saved = (s: WizardState, summary: DraftRow): WizardState => ({ ...s, summary });

/** The checker's answer; the same state when it changes nothing the frame shows. */
export function checked(s: WizardState, findings: Finding[], readiness: Readiness): WizardState {
  const checkKey = JSON.stringify([locale(), readiness, findings.map((f) => [f.rule_id, f.severity, f.path, f.title])]);
  if (checkKey === s.checkKey) return s;
  return { ...s, findings, readiness, checkKey };
}

/** Another language: the checker's answer is asked again. */
export const checksReset = (s: WizardState): WizardState => ({ ...s, findings: [], readiness: null, checkKey: "" });
export const historyToggled = (s: WizardState): WizardState => ({ ...s, historyOpen: !s.historyOpen });
export const historyLoaded = (s: WizardState, versions: VersionRow[]): WizardState =>
  ({ ...s, versions: [...versions].sort((a, b) => b.version - a.version) });
