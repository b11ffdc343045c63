// The type of a message catalogue: the English catalogue (en.ts) defines the keys, and
// every other language is a `Messages` (a missing or extra key fails the build). Kept
// apart from i18n.ts, which imports the catalogues, so that they need not import it back.

import type { en } from "./en";

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
