import { describe, expect, it } from "vitest";
import { el } from "../dom";
import { enclosingPaths, findControl, getAt, parsePath, setAt, stepForPath } from "./paths";

describe("field paths", () => {
  it("parse the checker's paths", () => {
    expect(parsePath("measures[2].details.asset_ids[0]")).toEqual(["measures", 2, "details", "asset_ids", 0]);
    expect(parsePath("")).toEqual([]);
    expect(enclosingPaths("measures[2].details.premises")).toEqual([
      "measures[2].details.premises", "measures[2].details", "measures[2]", "measures",
    ]);
  });

  it("read and write inside a request-like object", () => {
    const r = { case: { nature: "unspecified" }, measures: [{ details: { premises: "" } }] };
    expect(getAt(r, "measures[0].details.premises")).toBe("");
    expect(setAt(r, "measures[0].details.premises", "12 Rue X")).toBe(true);
    expect(r.measures[0]!.details.premises).toBe("12 Rue X");
    expect(getAt(r, "measures[5].details")).toBeUndefined();
    expect(setAt(r, "measures[5].details.premises", "x")).toBe(false);
  });

  it("assign every part of the request to a step", () => {
    expect(stepForPath("reference")).toBe(1);
    expect(stepForPath("requesting_authority.officer.email")).toBe(1);
    expect(stepForPath("case.conducting_authority.functions")).toBe(1);
    expect(stepForPath("signatory.function")).toBe(1);
    expect(stepForPath("requested_state")).toBe(2);
    expect(stepForPath("legal_basis[0].assurance_given")).toBe(2);
    expect(stepForPath("assurances.speciality")).toBe(2);
    expect(stepForPath("offences[0].conduct_category")).toBe(3);
    expect(stepForPath("facts")).toBe(3);
    expect(stepForPath("persons[1].nationality")).toBe(4);
    expect(stepForPath("assets[0].link_to_offence")).toBe(4);
    expect(stepForPath("measures[3].details.return_date")).toBe(5);
    expect(stepForPath("nexus")).toBe(5);
    expect(stepForPath("attachments[0].translation")).toBe(6);
    expect(stepForPath("")).toBe(7);
    expect(stepForPath("something_new")).toBe(7);
  });

  it("lead from a finding's path to its control, or the nearest enclosing one", () => {
    const root = el("div", {},
      el("input", { attrs: { "data-path": "facts", id: "facts" } }),
      el("section", { attrs: { "data-path": "measures" } },
        el("li", { attrs: { "data-path": "measures[0]" } },
          el("select", { attrs: { "data-path": "measures[0].details.type", id: "type" } }),
          el("fieldset", { attrs: { "data-path": "measures[0].details.asset_ids", id: "assets" } },
            el("input", { attrs: { type: "checkbox", id: "asset-0" } })),
        ),
        el("button", { attrs: { id: "add" } }),
      ),
    );
    expect(findControl(root, "facts")?.id).toBe("facts");
    // A list item of a set leads to the set's first checkbox.
    expect(findControl(root, "measures[0].details.asset_ids[1]")?.id).toBe("asset-0");
    // A detail without its own control leads to the measure's first control.
    expect(findControl(root, "measures[0].details.premises")?.id).toBe("type");
    // A measure that does not exist leads to the list's first control.
    expect(findControl(root, "measures[4].purpose")?.id).toBe("type");
    expect(findControl(root, "persons[0].name")).toBeNull();
  });
});
