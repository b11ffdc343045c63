import { describe, expect, it } from "vitest";
import { controlId, parseDate, parseLines, renderField, type Binding } from "./form";

function binding(obj: Record<string, unknown>) {
  const changes: string[] = [];
  const b: Binding = { request: () => obj as never, changed: (p) => changes.push(p) };
  return { b, changes };
}

describe("bound controls", () => {
  it("name controls after their path", () => {
    expect(controlId("measures[2].details.premises")).toBe("f-measures-2-details-premises");
  });

  it("accept only real dates, and an empty field as no date", () => {
    expect(parseDate("2026-02-28")).toBe("2026-02-28");
    expect(parseDate(" ")).toBeNull();
    expect(parseDate("2026-02-30")).toBeUndefined();
    expect(parseDate("2026-2")).toBeUndefined();
    expect(parseLines("a\n\n b \n", false)).toEqual(["a", "b"]);
    expect(parseLines("fra\nche", true)).toEqual(["FRA", "CHE"]);
  });

  it("write every edit into the request at its path and report it", () => {
    const obj = { urgency: { deadline: null as string | null }, persons: [{ nationality: [] as string[] }], case: { covert: false } };
    const { b, changes } = binding(obj);
    const date = renderField({ kind: "date", path: "urgency.deadline", label: "field.deadline" }, b).querySelector("input")!;
    expect(date.dataset.path).toBe("urgency.deadline");
    date.value = "2026-13-01";
    date.dispatchEvent(new Event("input"));
    expect(obj.urgency.deadline).toBeNull();
    expect(date.getAttribute("aria-invalid")).toBe("true");
    date.value = "2026-12-01";
    date.dispatchEvent(new Event("input"));
    expect(obj.urgency.deadline).toBe("2026-12-01");

    const lines = renderField({ kind: "lines", path: "persons[0].nationality", label: "field.nationality", upper: true }, b).querySelector("textarea")!;
    lines.value = "fra\nche";
    lines.dispatchEvent(new Event("input"));
    expect(obj.persons[0]!.nationality).toEqual(["FRA", "CHE"]);

    const box = renderField({ kind: "checkbox", path: "case.covert", label: "field.covert" }, b).querySelector("input")!;
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    expect(obj.case.covert).toBe(true);
    expect(changes).toEqual(["urgency.deadline", "persons[0].nationality", "case.covert"]);
  });

  it("keep a stored value a list does not offer, instead of dropping it", () => {
    const obj = { offences: [{ conduct_category: "old.category" }] };
    const { b } = binding(obj);
    const select = renderField({ kind: "select", path: "offences[0].conduct_category", label: "field.conductCategory", options: [{ value: "uncac.15", label: { text: "Bribery" } }] }, b).querySelector("select")!;
    expect(select.value).toBe("old.category");
  });
});
