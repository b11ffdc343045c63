// Controls bound to a field path of the request. Each control carries `data-path` (so a
// finding can lead to it) and reports every edit at once (autosave and the live check).

import type { Request } from "../bindings/model";
import { el } from "../dom";
import { t, type MessageKey } from "../i18n";
import { getAt, setAt } from "./paths";

export interface Option {
  value: string;
  /** A catalogue key, or text that is already localized (e.g. from the checker). */
  label: MessageKey | { text: string };
}

export type FieldSpec =
  | { kind: "text" | "textarea" | "email" | "tel"; path: string; label: FieldLabel; hint?: MessageKey; id?: string; rows?: number; upper?: boolean }
  | { kind: "date"; path: string; label: FieldLabel; hint?: MessageKey; id?: string }
  | { kind: "select"; path: string; label: FieldLabel; hint?: MessageKey; id?: string; options: Option[] }
  | { kind: "checkbox"; path: string; label: FieldLabel; hint?: MessageKey; id?: string }
  | { kind: "lines"; path: string; label: FieldLabel; hint?: MessageKey; id?: string; upper?: boolean }
  | { kind: "ref"; path: string; label: FieldLabel; hint?: MessageKey; id?: string; options: Option[] }
  | { kind: "set"; path: string; label: FieldLabel; hint?: MessageKey; id?: string; options: Option[] }
  | { kind: "money"; path: string; label: FieldLabel; hint?: MessageKey; id?: string };

export interface Binding {
  request(): Request;
  /** Called after every change to the request, with the time of the input event. */
  changed(path: string, at: number): void;
}

/** The DOM id of the control for `path` (`f-persons-0-name`), unless the spec names one. */
export function controlId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A typed date as the model wants it: `null` when empty, the text when it is a real
 * YYYY-MM-DD date, `undefined` when it is not (yet) one. */
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  if (!DATE_RE.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : undefined;
}

/** Lines of a textarea as a list: blank lines dropped, each line trimmed. */
export function parseLines(text: string, upper = false): string[] {
  return text.split("\n").map((l) => (upper ? l.trim().toUpperCase() : l.trim())).filter((l) => l !== "");
}

function optionLabel(o: Option): string {
  return typeof o.label === "string" ? t(o.label) : o.label.text;
}

export function renderField(spec: FieldSpec, b: Binding): HTMLElement {
  const id = spec.id ?? controlId(spec.path);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const hint = spec.hint ? el("p", { className: "hint", attrs: { id: hintId } }, t(spec.hint)) : null;
  const value = () => getAt(b.request(), spec.path);
  const commit = (v: unknown, ev: Event) => {
    setAt(b.request(), spec.path, v);
    b.changed(spec.path, ev.timeStamp || performance.now());
  };
  const common = (extra: Record<string, string | undefined> = {}) => ({
    id, name: id, "data-path": spec.path, "aria-describedby": hintId, ...extra,
  });

  switch (spec.kind) {
    case "text": case "email": case "tel": case "textarea": {
      const control = spec.kind === "textarea"
        ? el("textarea", { attrs: common({ rows: String(spec.rows ?? 5), spellcheck: "true" }) })
        : el("input", { attrs: common({ type: spec.kind, autocomplete: "off" }) });
      control.value = String(value() ?? "");
      control.addEventListener("input", (ev) => commit(spec.upper ? control.value.toUpperCase() : control.value, ev));
      return field(spec.kind, id, spec.label, hint, control);
    }
    case "date": {
      const errId = `${id}-error`;
      const control = el("input", { attrs: common({ type: "text", inputmode: "numeric", placeholder: t("form.datePlaceholder"), autocomplete: "off", "aria-describedby": [hintId, errId].filter(Boolean).join(" ") }) });
      const err = el("p", { className: "field-error", attrs: { id: errId, hidden: "" } }, t("form.dateInvalid"));
      control.value = String(value() ?? "");
      control.addEventListener("input", (ev) => {
        const parsed = parseDate(control.value);
        const bad = parsed === undefined;
        err.hidden = !bad;
        control.setAttribute("aria-invalid", String(bad));
        if (!bad) commit(parsed, ev);
      });
      const box = field("date", id, spec.label, hint, control);
      box.append(err);
      return box;
    }
    case "select": case "ref": {
      const control = el("select", { attrs: common() });
      const opts = spec.kind === "ref" ? [{ value: "", label: "form.none" as MessageKey }, ...spec.options] : spec.options;
      const current = String(value() ?? "");
      for (const o of opts) control.append(el("option", { attrs: { value: o.value } }, optionLabel(o)));
      // A stored value the list does not offer stays visible and selected, never dropped.
      if (!opts.some((o) => o.value === current)) control.append(el("option", { attrs: { value: current } }, current));
      control.value = current;
      control.addEventListener("change", (ev) => commit(control.value, ev));
      return field("select", id, spec.label, hint, control);
    }
    case "checkbox": {
      const control = el("input", { attrs: common({ type: "checkbox" }) });
      control.checked = value() === true;
      control.addEventListener("change", (ev) => commit(control.checked, ev));
      return el("div", { className: "field field-checkbox" }, control, el("label", { attrs: { for: id } }, labelText(spec.label)), hint);
    }
    case "lines": {
      const control = el("textarea", { attrs: common({ rows: "3" }) });
      const list = value();
      control.value = Array.isArray(list) ? list.join("\n") : "";
      control.addEventListener("input", (ev) => commit(parseLines(control.value, spec.upper), ev));
      return field("lines", id, spec.label, hint, control);
    }
    case "set": {
      const chosen = new Set(Array.isArray(value()) ? (value() as string[]) : []);
      const legendId = `${id}-legend`;
      const group = el("fieldset", { className: "field field-set", attrs: { id, "data-path": spec.path, "aria-describedby": hintId } },
        el("legend", { attrs: { id: legendId } }, labelText(spec.label)), hint);
      const all = [...spec.options];
      for (const v of chosen) if (!all.some((o) => o.value === v)) all.push({ value: v, label: { text: v } });
      if (all.length === 0) group.append(el("p", { className: "muted" }, t("form.nothingToChoose")));
      all.forEach((o, i) => {
        const boxId = `${id}-${i}`;
        const box = el("input", { attrs: { type: "checkbox", id: boxId, value: o.value } });
        box.checked = chosen.has(o.value);
        box.addEventListener("change", (ev) => {
          if (box.checked) chosen.add(o.value); else chosen.delete(o.value);
          commit(all.map((x) => x.value).filter((v) => chosen.has(v)), ev);
        });
        group.append(el("div", { className: "check" }, box, el("label", { attrs: { for: boxId } }, optionLabel(o))));
      });
      return group;
    }
    case "money": {
      const amountId = id;
      const currencyId = `${id}-currency`;
      const money = () => (value() as { amount: string; currency: string } | null) ?? { amount: "", currency: "" };
      const amount = el("input", { attrs: { id: amountId, "data-path": spec.path, type: "text", inputmode: "decimal", autocomplete: "off" } });
      const currency = el("input", { attrs: { id: currencyId, "data-path": `${spec.path}.currency`, type: "text", maxlength: "3", autocomplete: "off" } });
      amount.value = money().amount;
      currency.value = money().currency;
      const update = (ev: Event) => {
        const a = amount.value.trim() === "" ? "" : amount.value;
        const c = currency.value.toUpperCase();
        commit(a === "" && c.trim() === "" ? null : { amount: a, currency: c }, ev);
      };
      amount.addEventListener("input", update);
      currency.addEventListener("input", update);
      return el("fieldset", { className: "field field-money" },
        el("legend", {}, labelText(spec.label)), hint,
        el("div", { className: "money" },
          el("div", {}, el("label", { attrs: { for: amountId } }, t("form.amount")), amount),
          el("div", {}, el("label", { attrs: { for: currencyId } }, t("form.currency")), currency),
        ),
      );
    }
  }
}

/** A field's label: an interface message, or words given in the current language. */
export type FieldLabel = MessageKey | { text: string };

function labelText(label: FieldLabel): string {
  return typeof label === "string" ? t(label) : label.text;
}

function field(kind: string, id: string, label: FieldLabel, hint: HTMLElement | null, control: HTMLElement): HTMLElement {
  return el("div", { className: `field field-${kind}` }, el("label", { attrs: { for: id } }, labelText(label)), hint, control);
}
