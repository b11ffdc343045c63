import { describe, expect, it } from "vitest";
import { countLabel, draftName, formatDateTime, normalizeStateCode, statusLabel } from "./format";

describe("format", () => {
  it("formats RFC 3339 times for people and leaves bad input as it is", () => {
    const shown = formatDateTime("2026-11-22T10:15:00Z", "en");
    expect(shown).toMatch(/2026/);
    expect(shown).toMatch(/Nov/);
    expect(formatDateTime("not a date", "en")).toBe("not a date");
    expect(formatDateTime("", "en")).toBe("");
  });

  it("labels known statuses and shows unknown ones as stored", () => {
    expect(statusLabel("draft")).toBe("Draft");
    expect(statusLabel("sent")).toBe("Sent");
    expect(statusLabel("archived-by-v9")).toBe("archived-by-v9");
  });

  it("names a draft by its reference, or says it has none", () => {
    expect(draftName({ reference: "  MLA/2026/1 " })).toBe("MLA/2026/1");
    expect(draftName({ reference: "   " })).toBe("(no reference)");
  });

  it("counts drafts", () => {
    expect(countLabel(0)).toBe("0 drafts");
    expect(countLabel(1)).toBe("1 draft");
    expect(countLabel(12)).toBe("12 drafts");
  });

  it("upper-cases a State code without dropping what was typed", () => {
    expect(normalizeStateCode("fra")).toBe("FRA");
    expect(normalizeStateCode("f1")).toBe("F1");
  });
});
