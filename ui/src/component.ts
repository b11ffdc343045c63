// A small component pattern, without a framework (the memory budget has no room to
// measure one now): a component is
//   - its state, a plain value of an explicit type;
//   - a pure render(state) → element, built with el() from dom.ts;
//   - actions, pure functions (state, …) → next state.
// `Component.update` applies an action and draws the component again; the new drawing
// is patched into the elements already on the page (same tag and key ⇒ same node), so
// a field being typed in keeps its node, its focus, its caret and its selection, and
// elements other code holds (the end-to-end tests' WebDriver handles) stay valid.
// Only this component's elements are touched.

import { adoptListeners, record, type ElProps } from "./dom";

export class Component<S> {
  readonly element: HTMLElement;
  private current: S;

  constructor(initial: S, private readonly render: (state: S) => HTMLElement) {
    this.current = initial;
    this.element = render(initial);
  }

  get state(): S {
    return this.current;
  }

  /** Apply `action` to the state and draw again (nothing is drawn if the state is the same). */
  update(action: (state: S) => S): void {
    const next = action(this.current);
    if (Object.is(next, this.current)) return;
    this.current = next;
    patch(this.element, this.render(next));
  }
}

/** Make `old` look and behave like `next`, reusing `old`'s nodes where they match. */
export function patch(old: Element, next: Element): void {
  if (old.tagName !== next.tagName) throw new Error(`patch: <${old.tagName}> cannot become <${next.tagName}>`);
  patchElement(old, next);
}

function keyOf(node: Node): string | null {
  if (!(node instanceof Element)) return null;
  return node.id || record(node)?.key || null;
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a instanceof Element && b instanceof Element) {
    return a.tagName === b.tagName && a.getAttribute("type") === b.getAttribute("type");
  }
  return true;
}

function patchNode(old: Node, next: Node): void {
  if (old instanceof Element && next instanceof Element) patchElement(old, next);
  else if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
}

function patchElement(old: Element, next: Element): void {
  patchAttributes(old, next);
  const before = record(old)?.props ?? {};
  const nextRecord = record(next);
  adoptListeners(old, nextRecord);
  if (!nextRecord?.own) patchChildren(old, next);
  patchProps(old, before, nextRecord?.props ?? {});
}

function patchAttributes(old: Element, next: Element): void {
  for (const { name } of [...old.attributes]) {
    if (!next.hasAttribute(name)) old.removeAttribute(name);
  }
  for (const { name, value } of [...next.attributes]) {
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
}

const PROP_DEFAULTS: Required<ElProps> = { value: "", checked: false, disabled: false };

/** Sets the properties the drawing gives; one the last drawing gave and this one does not
 * goes back to its default. Properties no drawing gave are left alone. */
function patchProps(old: Element, before: ElProps, props: ElProps): void {
  const target = old as unknown as Record<string, unknown>;
  for (const name of Object.keys(PROP_DEFAULTS) as (keyof ElProps)[]) {
    if (!(name in props) && !(name in before)) continue;
    const wanted = props[name] ?? PROP_DEFAULTS[name];
    // Writing an unchanged value would move a caret: only a different value is written.
    if (target[name] !== wanted) target[name] = wanted;
  }
}

function patchChildren(old: Element, next: Element): void {
  const oldKids = [...old.childNodes];
  const keyed = new Map<string, Node>();
  const unkeyed: Node[] = [];
  for (const kid of oldKids) {
    const key = keyOf(kid);
    if (key !== null && !keyed.has(key)) keyed.set(key, kid);
    else unkeyed.push(kid);
  }
  let u = 0;
  const wanted: Node[] = [];
  for (const kid of [...next.childNodes]) {
    const key = keyOf(kid);
    let match: Node | undefined;
    if (key !== null) {
      match = keyed.get(key);
      if (match && sameKind(match, kid)) keyed.delete(key);
      else match = undefined;
    } else if (u < unkeyed.length && sameKind(unkeyed[u]!, kid)) {
      match = unkeyed[u++];
    }
    if (match) {
      patchNode(match, kid);
      wanted.push(match);
    } else {
      wanted.push(kid);
    }
  }
  wanted.forEach((node, i) => {
    if (old.childNodes[i] !== node) old.insertBefore(node, old.childNodes[i] ?? null);
  });
  while (old.childNodes.length > wanted.length) old.lastChild!.remove();
}
