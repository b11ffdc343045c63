// What the verifier found wrong with a signature, and why a signer is not trusted, in the
// interface language. The Rust verifier sends a stable code with its values (and its own
// English sentence); the sentences here come from the i18n catalogues. A code this
// version does not know (a newer backend) shows the English sentence, marked as such.

import type { SignatureProblemView, UntrustedReasonView } from "./bindings/ipc";
import type { SignatureProblem, UntrustedReason } from "./bindings/signature";
import { formatDateTime } from "./format";
import { t, type MessageKey } from "./i18n";

/** The message of every problem code (a code added in Rust without one fails `tsc`). */
export const PROBLEM_MESSAGES: Record<SignatureProblem["code"], MessageKey> = {
  no_byte_range: "sigProblem.no_byte_range",
  byte_range_not_integers: "sigProblem.byte_range_not_integers",
  byte_range_wrong_length: "sigProblem.byte_range_wrong_length",
  byte_range_outside_file: "sigProblem.byte_range_outside_file",
  unsigned_gap_not_contents: "sigProblem.unsigned_gap_not_contents",
  no_contents: "sigProblem.no_contents",
  contents_not_cms: "sigProblem.contents_not_cms",
  not_signed_data: "sigProblem.not_signed_data",
  signed_data_unreadable: "sigProblem.signed_data_unreadable",
  no_signer: "sigProblem.no_signer",
  several_signers: "sigProblem.several_signers",
  signer_certificate_missing: "sigProblem.signer_certificate_missing",
  digest_algorithm_not_sha256: "sigProblem.digest_algorithm_not_sha256",
  no_signed_attributes: "sigProblem.no_signed_attributes",
  signing_certificate_mismatch: "sigProblem.signing_certificate_mismatch",
  content_type_attribute_invalid: "sigProblem.content_type_attribute_invalid",
  no_message_digest: "sigProblem.no_message_digest",
  digest_mismatch: "sigProblem.digest_mismatch",
  signed_attributes_unencodable: "sigProblem.signed_attributes_unencodable",
  signature_value_invalid: "sigProblem.signature_value_invalid",
  unexpected_sub_filter: "sigProblem.unexpected_sub_filter",
};

/** The message of every untrusted-chain code (the same guard). */
export const UNTRUSTED_MESSAGES: Record<UntrustedReason["code"], MessageKey> = {
  certificate_not_valid_at: "untrusted.certificate_not_valid_at",
  trusted_certificate_not_ca: "untrusted.trusted_certificate_not_ca",
  issuer_not_ca: "untrusted.issuer_not_ca",
  no_trusted_issuer: "untrusted.no_trusted_issuer",
  chain_too_long: "untrusted.chain_too_long",
};

/** Values that are times (RFC 3339), shown as local date and time. */
const TIME_PARAMS = new Set(["at", "not_before", "not_after"]);

/** A code's values as message parameters: times formatted, lists joined, the rest as text. */
function params(values: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === "code" || value === null || value === undefined) continue;
    if (typeof value === "number") out[name] = value;
    else if (Array.isArray(value)) out[name] = value.join(" ");
    else if (typeof value === "string" && TIME_PARAMS.has(name)) out[name] = formatDateTime(value);
    else out[name] = String(value);
  }
  return out;
}

function lookup(table: Record<string, MessageKey>, code: unknown): MessageKey | undefined {
  return typeof code === "string" && Object.hasOwn(table, code) ? table[code] : undefined;
}

/** One signature problem as a sentence in the interface language. */
export function problemText(view: SignatureProblemView): string {
  const problem = view.problem as { code?: unknown } & Record<string, unknown>;
  if (problem.code === "unexpected_sub_filter" && (problem.sub_filter ?? null) === null) {
    return t("sigProblem.no_sub_filter");
  }
  const key = lookup(PROBLEM_MESSAGES, problem.code);
  return key ? t(key, params(problem)) : t("sigProblem.unknown", { text: view.english });
}

/** Why a signer is not trusted, in the interface language (it follows "Not trusted: "). */
export function untrustedText(view: UntrustedReasonView): string {
  const reason = view.reason as { code?: unknown } & Record<string, unknown>;
  const key = lookup(UNTRUSTED_MESSAGES, reason.code);
  return key ? t(key, params(reason)) : t("untrusted.unknown", { text: view.english });
}
