import { describe, expect, it } from "vitest";
import { countLabel, draftName, formatDateTime, isUntrustedImport, normalizeStateCode, offsetAt, parseRfc3339, statusLabel } from "./format";
import { catalogues, LOCALES } from "./i18n";

describe("format", () => {
  // +01:00, and +02:00 from 2026-03-29T01:00:00Z to 2026-10-25T01:00:00Z (as Europe/Paris).
  const paris = { name: "Europe/Paris", spans: [{ from: 0, offset: 3600 }, { from: 1774746000, offset: 7200 }, { from: 1792890000, offset: 3600 }] };

  it("shows an RFC 3339 time in the given zone, in each language", () => {
    expect(formatDateTime("2026-11-22T10:15:00Z", "en", paris)).toBe("22 Nov 2026, 11:15");
    expect(formatDateTime("2026-11-22T10:15:00Z", "fr", paris)).toBe("22 nov. 2026, 11:15");
    expect(formatDateTime("2026-11-22T10:15:00Z", "es", paris)).toBe("22 nov 2026, 11:15");
    expect(formatDateTime("2026-08-01T23:30:59.999Z", "fr", paris)).toBe("2 août 2026, 01:30");
    // Written with another offset: the same instant.
    expect(formatDateTime("2026-11-22T12:15:00+02:00", "en", paris)).toBe("22 Nov 2026, 11:15");
    expect(formatDateTime("2026-11-22T05:15:00-0500", "en", paris)).toBe("22 Nov 2026, 11:15");
    // Without a zone from the app: UTC.
    expect(formatDateTime("2026-11-22T10:15:00Z", "en")).toBe("22 Nov 2026, 10:15");
  });

  it("changes offset at the instant the clocks change", () => {
    expect(formatDateTime("2026-03-29T00:59:00Z", "en", paris)).toBe("29 Mar 2026, 01:59");
    expect(formatDateTime("2026-03-29T01:00:00Z", "en", paris)).toBe("29 Mar 2026, 03:00");
    expect(formatDateTime("2026-10-25T00:59:00Z", "en", paris)).toBe("25 Oct 2026, 02:59");
    expect(formatDateTime("2026-10-25T01:00:00Z", "en", paris)).toBe("25 Oct 2026, 02:00");
    expect(offsetAt(paris, -1)).toBe(3600); // before the first span: its offset
    expect(offsetAt(paris, 4102444800)).toBe(3600); // after the last: the last one
  });

  it("counts days right across leap years, centuries and the epoch", () => {
    expect(parseRfc3339("1970-01-01T00:00:00Z")).toBe(0);
    expect(parseRfc3339("2000-02-29T00:00:00Z")).toBe(951782400);
    expect(parseRfc3339("2100-03-01T00:00:00Z")).toBe(4107542400);
    expect(parseRfc3339("1969-12-31T23:59:59Z")).toBe(-1);
    expect(formatDateTime("9999-12-31T23:59:59Z", "en", { name: "UTC", spans: [{ from: 0, offset: 0 }] })).toBe("31 Dec 9999, 23:59");
    expect(formatDateTime("2024-02-29T12:00:00Z", "en", { name: "UTC", spans: [{ from: 0, offset: 0 }] })).toBe("29 Feb 2024, 12:00");
  });

  it("leaves what is not a time as it is", () => {
    for (const bad of ["not a date", "", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22", "2026-11-22T10:15:00"]) {
      expect(formatDateTime(bad, "en", paris)).toBe(bad);
    }
  });

  it("has twelve month names in every language", () => {
    for (const loc of LOCALES) expect(catalogues[loc]["date.months"].split(" ")).toHaveLength(12);
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

  it("tells an untrusted import's version note from the others, as the backend writes them", () => {
    expect(isUntrustedImport("UNTRUSTED import from the PDF x.pdf, on the user's request: not verified: the PDF has no signature")).toBe(true);
    expect(isUntrustedImport("imported from the signed PDF x.pdf")).toBe(false);
    expect(isUntrustedImport("created")).toBe(false);
    for (const l of LOCALES) expect(catalogues[l]["history.untrustedImport"]).toMatch(/\S/);
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
