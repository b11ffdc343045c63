// The only way the UI builds DOM: elements from tag names and properties, text through
// text nodes. Nothing is ever parsed as HTML, so user text cannot become markup.

export type Child = Node | string | null | undefined | false;

/** Properties set on the element itself (the state of a control, not its markup). */
export interface ElProps {
  value?: string;
  checked?: boolean;
  disabled?: boolean;
}

export interface ElOptions {
  /** Attributes set with setAttribute (values are plain strings, never markup). */
  attrs?: Record<string, string | undefined>;
  /** Event listeners. */
  on?: { [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
  className?: string;
  /** Control state (value, checked, disabled), kept in step by component.ts's patch. */
  props?: ElProps;
  /** Which earlier node this one is when a component is drawn again (component.ts);
   * an element's id is its key when it has one. */
  key?: string;
  /** Its children belong to other code: drawing the component again leaves them alone. */
  own?: boolean;
}

/** What el() recorded about an element, for component.ts to patch one tree into another. */
export interface ElRecord {
  on: Map<string, EventListener>;
  props: ElProps;
  key?: string;
  own?: boolean;
}

const records = new WeakMap<Node, ElRecord>();

export function record(node: Node): ElRecord | undefined {
  return records.get(node);
}

/** Moves `next`'s listeners onto `node` (used when a new drawing is patched into the old). */
export function adoptListeners(node: Element, next: ElRecord | undefined): void {
  const mine = records.get(node);
  const on = next?.on ?? new Map<string, EventListener>();
  for (const type of on.keys()) {
    if (!mine?.on.has(type)) node.addEventListener(type, dispatch);
  }
  // Types the old node listened to but the new drawing does not stay registered on the
  // node and find no handler in the map: they do nothing.
  const keep = mine ? new Map([...mine.on.keys()].map((k) => [k, noop])) : new Map<string, EventListener>();
  for (const [k, v] of on) keep.set(k, v);
  records.set(node, { on: keep, props: next?.props ?? {}, key: next?.key, own: next?.own });
}

function noop(): void {}

/** One listener per event type and element: it calls the handler the element holds now. */
function dispatch(this: Element, ev: Event): void {
  records.get(this)?.on.get(ev.type)?.call(this, ev);
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  const on = new Map<string, EventListener>();
  for (const [type, listener] of Object.entries(options.on ?? {})) {
    on.set(type, listener as EventListener);
    node.addEventListener(type, dispatch);
  }
  records.set(node, { on, props: options.props ?? {}, key: options.key, own: options.own });
  append(node, ...children);
  // After the children: a <select>'s value needs its options.
  Object.assign(node, options.props ?? {});
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replace all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}
