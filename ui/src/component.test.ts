import { describe, expect, it, vi } from "vitest";
import { Component, patch } from "./component";
import { el } from "./dom";

interface Form {
  text: string;
  items: string[];
  busy: boolean;
}

function view(s: Form, onInput: (v: string) => void, onClick: (item: string) => void): HTMLElement {
  return el("div", { attrs: { id: "root" } },
    el("input", { attrs: { id: "name", type: "text" }, props: { value: s.text, disabled: s.busy }, on: { input: (e) => onInput((e.target as HTMLInputElement).value) } }),
    el("ul", {}, ...s.items.map((item) => el("li", { key: item }, el("button", { attrs: { type: "button" }, on: { click: () => onClick(item) } }, item)))),
    s.busy ? el("p", { attrs: { id: "busy" } }, "Busy") : null,
  );
}

describe("a component", () => {
  it("keeps the node, the focus and the caret of the field being typed in when drawn again", () => {
    const c: Component<Form> = new Component<Form>({ text: "", items: ["a"], busy: false }, (s) =>
      view(s, (v) => c.update((st) => ({ ...st, text: v })), () => undefined));
    document.body.replaceChildren(c.element);
    const input = document.getElementById("name") as HTMLInputElement;
    input.focus();
    input.value = "Lyon";
    input.setSelectionRange(2, 2);
    input.dispatchEvent(new Event("input"));
    expect(c.state.text).toBe("Lyon");
    c.update((s) => ({ ...s, items: ["a", "b"], busy: true }));
    expect(document.getElementById("name")).toBe(input);
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([2, 2]);
    expect(input.disabled).toBe(true);
    expect(document.getElementById("busy")?.textContent).toBe("Busy");
    c.update((s) => ({ ...s, busy: false }));
    expect(input.disabled).toBe(false);
    expect(document.getElementById("busy")).toBeNull();
  });

  it("calls the handlers of the latest drawing, and keeps keyed rows' nodes when they move", () => {
    const clicked: string[] = [];
    const c = new Component<Form>({ text: "", items: ["a", "b", "c"], busy: false }, (s) =>
      view(s, () => undefined, (item) => clicked.push(`${item}@${s.items.join("")}`)));
    const [a, b, cc] = [...c.element.querySelectorAll("li")];
    c.update((s) => ({ ...s, items: ["c", "a"] }));
    const rows = [...c.element.querySelectorAll("li")];
    expect(rows).toEqual([cc, a]);
    expect(b!.isConnected).toBe(false);
    rows[0]!.querySelector("button")!.click();
    // One call, with the handler of the last drawing (it sees the new state).
    expect(clicked).toEqual(["c@ca"]);
  });

  it("draws nothing when an action returns the same state", () => {
    const render = vi.fn((s: Form) => view(s, () => undefined, () => undefined));
    const c = new Component<Form>({ text: "", items: [], busy: false }, render);
    c.update((s) => s);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("patches attributes, text and the value of a select, and refuses another root tag", () => {
    const old = el("div", { attrs: { id: "x", hidden: "" } }, "one", el("select", { props: { value: "b" } },
      el("option", { attrs: { value: "a" } }, "A"), el("option", { attrs: { value: "b" } }, "B")));
    const select = old.querySelector("select")!;
    expect(select.value).toBe("b");
    patch(old, el("div", { attrs: { id: "x", "aria-live": "polite" } }, "two", el("select", { props: { value: "a" } },
      el("option", { attrs: { value: "a" } }, "A"), el("option", { attrs: { value: "b" } }, "B"))));
    expect(old.hasAttribute("hidden")).toBe(false);
    expect(old.getAttribute("aria-live")).toBe("polite");
    expect(old.firstChild!.nodeValue).toBe("two");
    expect(old.querySelector("select")).toBe(select);
    expect(select.value).toBe("a");
    expect(() => patch(old, el("span"))).toThrow("patch: <DIV> cannot become <SPAN>");
  });

  it("puts a property the new drawing no longer sets back to its default", () => {
    const old = el("button", { props: { disabled: true } });
    patch(old, el("button"));
    expect(old.disabled).toBe(false);
    // A property no drawing ever set is left as other code set it.
    const box = el("input", { attrs: { type: "checkbox" } });
    box.checked = true;
    patch(box, el("input", { attrs: { type: "checkbox" } }));
    expect(box.checked).toBe(true);
  });
});

describe("an element whose children other code owns", () => {
  it("keeps its children when the component is drawn again, and still gets its attributes", () => {
    const draw = (label: string) => el("div", {}, el("div", { own: true, attrs: { id: "slot", "aria-label": label } }));
    const c = new Component<string>("a", draw);
    const slot = c.element.querySelector("#slot")!;
    const field = el("input", { attrs: { id: "typed" } });
    slot.append(field);
    c.update(() => "b");
    expect(c.element.querySelector("#slot")).toBe(slot);
    expect(slot.getAttribute("aria-label")).toBe("b");
    expect(slot.firstChild).toBe(field);
  });
});
