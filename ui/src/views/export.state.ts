// The export panel's state and its actions: pure functions from a state (and what
// happened) to the next state. views/export.render.ts draws a state; views/export.ts runs
// the effects (IPC calls, progress events) and applies these actions.

import type { ExportProgress, ExportResult, ExportSelection, KnownModule, TokenKeyView } from "../bindings/ipc";

/** Lines of an error message, shown in one of the panel's three error boxes. */
export type ErrorLines = string[] | null;

export interface ExportState {
  selection: ExportSelection;
  /** The panel's own letter language ("" = the drafting language); unused when the
   * wizard chooses it (then `showLang` is false). */
  lang: string;
  showLang: boolean;
  sign: boolean;
  /** Sign with a certificate file or with a token. */
  using: "p12" | "token";
  /** Secrets typed, cleared when the export starts (sent with that one call only). */
  password: string;
  pin: string;
  /** The signatory's function and place of signing. */
  fn: string;
  place: string;
  knownModules: KnownModule[];
  tokenKeys: TokenKeyView[];
  chosenKey: TokenKeyView | null;
  /** The module whose keys are listed (another module: the list is emptied). */
  keysModule: string | null;
  listing: boolean;
  running: boolean;
  /** Whether the export being run signs (for the progress words). */
  signing: boolean;
  error: ErrorLines;
  tokenError: ErrorLines;
  sealError: ErrorLines;
  /** The progress bar: hidden (null) or its fraction. */
  bar: number | null;
  stage: ExportProgress | "done" | null;
  result: ExportResult | null;
}

export type ErrorBox = "error" | "tokenError" | "sealError";

export function initialState(fn: string, place: string, showLang: boolean): ExportState {
  return {
    selection: { certificate: null, annexes: [], output: null, module: null, seal: null },
    lang: "", showLang, sign: true, using: "p12", password: "", pin: "", fn, place,
    knownModules: [], tokenKeys: [], chosenKey: null, keysModule: null, listing: false,
    running: false, signing: false, error: null, tokenError: null, sealError: null,
    bar: null, stage: null, result: null,
  };
}

/** A field typed or ticked. */
export function edit<K extends "lang" | "sign" | "using" | "password" | "pin" | "fn" | "place">(
  s: ExportState, field: K, value: ExportState[K],
): ExportState {
  return { ...s, [field]: value };
}

/** The backend's answer to a choice: the whole selection. Another module: its keys are
 * not listed yet. */
export function selectionArrived(s: ExportState, selection: ExportSelection): ExportState {
  const module = selection.module?.path ?? null;
  if (module === s.keysModule) return { ...s, selection };
  return { ...s, selection, keysModule: module, tokenKeys: [], chosenKey: null };
}

export function knownModulesArrived(s: ExportState, knownModules: KnownModule[]): ExportState {
  return { ...s, knownModules };
}

export function showError(s: ExportState, box: ErrorBox, lines: string[]): ExportState {
  return { ...s, [box]: lines };
}

export function hideError(s: ExportState, box: ErrorBox): ExportState {
  return s[box] === null ? s : { ...s, [box]: null };
}

export function listingStarted(s: ExportState): ExportState {
  return { ...s, tokenError: null, listing: true, tokenKeys: [], chosenKey: null };
}

/** The keys on the token; a single key that can sign is chosen for the user. */
export function keysListed(s: ExportState, tokenKeys: TokenKeyView[]): ExportState {
  const usable = tokenKeys.filter((k) => k.status === "ok");
  return { ...s, listing: false, tokenKeys, chosenKey: usable.length === 1 ? usable[0] ?? null : null };
}

export function listingFailed(s: ExportState, lines: string[]): ExportState {
  return { ...s, listing: false, tokenError: lines };
}

export function chooseKey(s: ExportState, key: TokenKeyView): ExportState {
  return { ...s, chosenKey: key };
}

export function sameKey(a: TokenKeyView | null, b: TokenKeyView): boolean {
  return a !== null && a.key_id === b.key_id && a.token_label === b.token_label;
}

/** The export button was pressed: every message goes; the secrets leave their fields. */
export function exportStarted(s: ExportState): ExportState {
  return {
    ...s, error: null, tokenError: null, sealError: null, result: null,
    password: "", pin: "", running: true, signing: s.sign, bar: 0, stage: null,
  };
}

export function progressed(s: ExportState, p: ExportProgress): ExportState {
  return { ...s, bar: p.fraction, stage: p };
}

export function exportDone(s: ExportState, result: ExportResult): ExportState {
  return { ...s, running: false, bar: 1, stage: "done", result };
}

export function exportFailed(s: ExportState, lines: string[]): ExportState {
  return { ...s, running: false, bar: null, stage: null, error: lines };
}
