import type { DraftRow, LocalTimeZone } from "./bindings/ipc";
import { catalogues, locale, t, type Locale } from "./i18n";
import { DRAFT_STATUS_LABELS } from "./kinds";

// Times are formatted here, from the RFC 3339 text and the machine's time zone as the app
// gives it (register_status), never with `Date`'s local-time functions or `Intl`: in
// WebKitGTK those load ICU's time-zone and calendar data into the web process, ~3 MB for a
// few dates on screen (see src-tauri/src/timezone.rs).

const UTC: LocalTimeZone = { name: "UTC", spans: [{ from: 0, offset: 0 }] };
let zone: LocalTimeZone = UTC;

/** The zone times are shown in (the machine's, from the app); UTC until it is set. */
export function setTimeZone(z: LocalTimeZone): void {
  zone = z.spans.length > 0 ? z : UTC;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day count from 1970-01-01 (civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Seconds since 1970-01-01T00:00:00Z of an RFC 3339 time, or null if it is not one. */
export function parseRfc3339(text: string): number | null {
  const m = RFC3339.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const days = daysFromCivil(year, month, day);
  // Reject what does not exist (30 February, 25:00), rather than roll it over.
  const [cy, cm, cd] = civilFromDays(days);
  if (cy !== year || cm !== month || cd !== day || hour > 23 || minute > 59 || second > 60) return null;
  const offset = m[7] ? 0 : (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 3600 + Number(m[10]) * 60);
  return days * 86400 + hour * 3600 + minute * 60 + Math.min(second, 59) - offset;
}

/** The zone's offset (seconds) at an instant. */
export function offsetAt(z: LocalTimeZone, seconds: number): number {
  // The last span starting at or before `seconds` (binary search); the first before it.
  let lo = 0;
  let hi = z.spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((z.spans[mid]?.from ?? Infinity) <= seconds) lo = mid;
    else hi = mid - 1;
  }
  return z.spans[lo]?.offset ?? 0;
}

/** A saved-at time for people: local date and time; the raw text if it is not a time. */
export function formatDateTime(iso: string, loc: Locale = locale(), z: LocalTimeZone = zone): string {
  const utc = parseRfc3339(iso);
  if (utc === null) return iso;
  const local = utc + offsetAt(z, utc);
  const days = Math.floor(local / 86400);
  const secondOfDay = local - days * 86400;
  const [year, month, day] = civilFromDays(days);
  const messages = catalogues[loc];
  const months = messages["date.months"].split(" ");
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor((secondOfDay % 3600) / 60))}`;
  const fields: Record<string, string> = { day: String(day), month: months[month - 1] ?? String(month), year: String(year), time };
  return messages["date.dateTime"].replace(/\{(\w+)\}/g, (whole, name: string) => fields[name] ?? whole);
}

/** The label of a register status; an unknown status is shown as stored. */
export function statusLabel(status: string): string {
  const key = DRAFT_STATUS_LABELS.get(status);
  return key ? t(key) : status;
}

/** How a draft is named in lists and messages. */
export function draftName(row: Pick<DraftRow, "reference">): string {
  const reference = row.reference.trim();
  return reference === "" ? t("draft.untitled") : reference;
}

export function countLabel(n: number): string {
  return n === 1 ? t("list.countOne") : t("list.count", { n });
}

/** An ISO 3166-1 alpha-3 code as typed, in upper case. Nothing typed is dropped: the
 * checker, not the editor, says when a code is not a State. */
export function normalizeStateCode(typed: string): string {
  return typed.toUpperCase();
}

/**
 * How the version note of a request imported from a PDF that did not verify starts (the
 * user chose "import anyway, untrusted"): `mla_sign::UNTRUSTED_IMPORT_NOTE`, written by the
 * app and by `mla import --untrusted`. Never changed: notes already written start with it.
 */
export const UNTRUSTED_IMPORT_NOTE = "UNTRUSTED import";

/** Whether a version note records an untrusted import (the history marks it). */
export function isUntrustedImport(note: string): boolean {
  return note.startsWith(UNTRUSTED_IMPORT_NOTE);
}
