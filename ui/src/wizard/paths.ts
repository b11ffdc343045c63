// Field paths, as the checker writes them (`measures[2].details.premises`): reading and
// writing them in a request, which wizard step holds them, and which control shows them.
// Every bound control carries its full path in `data-path`, so a finding's path leads to
// its control, or to the nearest enclosing thing that has one.

export type Segment = string | number;

/** `a.b[2].c` → ["a", "b", 2, "c"]. Malformed text gives what could be read. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split(".")) {
    if (part === "") continue;
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part)) !== null) {
      if (m[1] !== undefined) out.push(m[1]);
      else out.push(Number(m[2]));
    }
  }
  return out;
}

export function joinPath(segments: Segment[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out === "" ? s : `.${s}`;
  }
  return out;
}

/** The value at `path`, or `undefined` when any step of the way is missing. */
export function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const s of parsePath(path)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** Set the value at `path`; the containers on the way must exist (they always do in a
 * request: the model's objects are complete). Returns whether it was set. */
export function setAt(root: unknown, path: string, value: unknown): boolean {
  const segs = parsePath(path);
  if (segs.length === 0) return false;
  let cur: unknown = root;
  for (const s of segs.slice(0, -1)) {
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  if (cur === null || typeof cur !== "object") return false;
  const last = segs[segs.length - 1] as Segment;
  (cur as Record<string | number, unknown>)[last] = value;
  return true;
}

export type StepId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const STEP_IDS: StepId[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** Which step holds each top-level part of the request. */
const STEP_OF_ROOT: Record<string, StepId> = {
  reference: 1,
  date: 1,
  drafting_language: 1,
  requesting_authority: 1,
  case: 1,
  urgency: 1,
  confidentiality: 1,
  signatory: 1,
  requested_state: 2,
  addressee: 2,
  channel: 2,
  legal_basis: 2,
  assurances: 2,
  offences: 3,
  facts: 3,
  persons: 4,
  assets: 4,
  measures: 5,
  purpose: 5,
  nexus: 5,
  procedures: 5,
  attachments: 6,
};

/** The step where the field at `path` is edited; the review step for the request as a
 * whole (empty path) or anything unknown. */
export function stepForPath(path: string): StepId {
  const first = parsePath(path)[0];
  return typeof first === "string" ? (STEP_OF_ROOT[first] ?? 7) : 7;
}

/** `path`, then each shorter path that encloses it, longest first:
 * `measures[2].details.asset_ids[0]` → …`.asset_ids[0]`, …`.asset_ids`, `measures[2].details`,
 * `measures[2]`, `measures`. */
export function enclosingPaths(path: string): string[] {
  const segs = parsePath(path);
  const out: string[] = [];
  for (let n = segs.length; n > 0; n--) out.push(joinPath(segs.slice(0, n)));
  return out;
}

const FOCUSABLE = "input, select, textarea, button, [tabindex]";

/** The control that shows `path` inside `root`: the element with that `data-path`, or the
 * nearest enclosing one; a container leads to its first focusable control. */
export function findControl(root: ParentNode, path: string): HTMLElement | null {
  for (const p of enclosingPaths(path)) {
    const hit = root.querySelector<HTMLElement>(`[data-path="${cssEscape(p)}"]`);
    if (!hit) continue;
    if (hit.matches(FOCUSABLE)) return hit;
    return hit.querySelector<HTMLElement>(FOCUSABLE) ?? hit;
  }
  return null;
}

function cssEscape(s: string): string {
  return s.replace(/["\\]/g, "\\$&");
}
