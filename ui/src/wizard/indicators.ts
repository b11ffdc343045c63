// Small judgements the wizard shows next to what the user typed, from the catalogue and
// the requested State's profile — never from guesses.

import type { Attachment } from "../bindings/model";
import type { Finding } from "../bindings/finding";
import type { CatalogueView, ProfileCard } from "../bindings/ipc";
import type { MessageKey } from "../i18n";

export type DualCriminality =
  | "no_category"      // no conduct category chosen yet
  | "unknown_category" // a category the catalogue does not know
  | "mandatory"        // every State party must criminalize it
  | "criminalized"     // optional, and the profile says the State criminalizes it
  | "not_criminalized" // optional, and the profile says it does not
  | "unknown";         // optional or outside the conventions, and nothing sourced

/** The dual-criminality indicator of an offence's conduct category. */
export function dualCriminality(category: string, catalogue: CatalogueView | null, profile: ProfileCard | null): DualCriminality {
  const c = category.trim();
  if (c === "") return "no_category";
  const entry = catalogue?.offences.find((o) => o.id === c);
  if (!entry) return catalogue ? "unknown_category" : "unknown";
  if (entry.status === "mandatory") return "mandatory";
  const fact = profile?.optional_offences.find((o) => o.category === c);
  if (!fact) return "unknown";
  return fact.criminalized ? "criminalized" : "not_criminalized";
}

export const DUAL_CRIMINALITY_TEXT: Record<DualCriminality, MessageKey> = {
  no_category: "dc.no_category",
  unknown_category: "dc.unknown_category",
  mandatory: "dc.mandatory",
  criminalized: "dc.criminalized",
  not_criminalized: "dc.not_criminalized",
  unknown: "dc.unknown",
};

/** What an annex still needs, from its own fields and the findings about it. */
export interface AnnexNeeds {
  /** Translation state in plain words. */
  translation: MessageKey;
  /** Whether someone still has to translate it. */
  needsTranslator: boolean;
  /** The checker's findings about this annex (certification, language, …). */
  findings: Finding[];
}

export function annexNeeds(att: Attachment, index: number, findings: Finding[]): AnnexNeeds {
  const prefix = `attachments[${index}]`;
  const mine = findings.filter((f) => f.path === prefix || f.path.startsWith(`${prefix}.`));
  const translation: MessageKey = (
    {
      unspecified: "annex.translation.unspecified",
      not_needed: "annex.translation.not_needed",
      needed: "annex.translation.needed",
      in_progress: "annex.translation.in_progress",
      done: "annex.translation.done",
    } as const
  )[att.translation];
  return {
    translation,
    needsTranslator: att.translation === "needed" || att.translation === "unspecified",
    findings: mine,
  };
}
