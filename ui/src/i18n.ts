// Every string the interface shows, in English, French and Spanish: the one catalogue
// (the export panel's and the signature problems' words included). The English catalogue
// (i18n/en.ts) defines the keys; the others are typed `Messages`, so a missing or extra key
// fails the build, and i18n.test.ts checks that every translation keeps the placeholders.

import { INTERFACE_LANGUAGES } from "./bindings/kinds";
import { en } from "./i18n/en";
import { es } from "./i18n/es";
import { fr } from "./i18n/fr";
import type { MessageKey, Messages } from "./i18n/messages";

export type { MessageKey, Messages };
/** The interface languages: the checker's (`mla_core::finding::Lang`, generated into
 * bindings/kinds.ts). A language added there fails the build until it has a catalogue. */
export type Locale = (typeof INTERFACE_LANGUAGES)[number];

export const LOCALES: readonly Locale[] = INTERFACE_LANGUAGES;
/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", es: "Español" };

export const catalogues: Record<Locale, Messages> = { en, fr, es };

const STORAGE_KEY = "mla-desk.locale";

let current: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function setLocale(locale: Locale, persist = false): void {
  current = locale;
  if (typeof document !== "undefined") document.documentElement.lang = locale;
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage refused (private mode): the choice lasts for this session only.
    }
  }
}

/** The language chosen earlier on this machine, if any. */
export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

export function locale(): Locale {
  return current;
}

/** The message for `key` in the current locale, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[current][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The `{name}` placeholders of a message, sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}
