import type { DraftRow } from "./bindings/ipc";
import { locale, t, type MessageKey } from "./i18n";

/** A saved-at time for people: local date and time; the raw text if it is not a date. */
export function formatDateTime(iso: string, loc: string = locale()): string {
  const date = new Date(iso);
  if (iso.trim() === "" || Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(loc, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

const STATUS_KEYS: Record<string, MessageKey> = {
  draft: "status.draft",
  ready: "status.ready",
  sent: "status.sent",
  closed: "status.closed",
};

/** The label of a register status; an unknown status is shown as stored. */
export function statusLabel(status: string): string {
  const key = STATUS_KEYS[status];
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
