// The verification view against a fake backend: the verdict in words for every case, the
// signer's details, trusting a CA, importing the embedded request, and clear errors.

import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftRow, SignatureView, VerifyView } from "../bindings/ipc";
import type { IpcError } from "../api";
import { setLocale } from "../i18n";
import {
  checked, checking, drawVerify, importFailed, labelsArrived, measureLabels, renderVerify, verdictIsGood, verdictText,
  verdictTitle, type VerifyState,
} from "./verify";

const SIGNATURE: SignatureView = {
  field_name: "Signature1", valid: true, intact: true, covers_whole_file: true, bytes_after_signature: 0,
  signing_time: "2026-03-01T10:00:00+00:00", location: "Lyon", reason: null,
  sub_filter: "ETSI.CAdES.detached",
  signer: {
    name: "Jeanne Procureur", subject: "CN=Jeanne Procureur,O=Parquet de test,C=FR",
    issuer: "CN=MLA Desk Test CA,O=MLA Desk tests", serial_hex: "0A1B", not_before: "2026-01-01T00:00:00+00:00",
    not_after: "2027-01-01T00:00:00+00:00", key_algorithm: "RSA 2048", key_usage: ["digitalSignature", "nonRepudiation"],
    sha256_fingerprint: "AB".repeat(32),
  },
  trust: "not_checked", trust_anchor: null, untrusted_reason: null, problems: [],
};

function view(over: Partial<VerifyView> = {}): VerifyView {
  return {
    file_name: "request.pdf", path: "/home/a/request.pdf", bytes: 12345, verdict: "verified", unreadable: null,
    problem: null, trust_checked: false, trusted_cas: [], signatures: [SIGNATURE],
    embedded_files: [{ name: "request.mla.json", size: 2000, relationship: "Data" }],
    request: {
      reference: "PNF/2026/1", requesting_authority: "Parquet national financier", requesting_state: "FRA",
      requested_state: "CHE", case_number: "2026/77", measure_kinds: ["bank_records", "take_statement"],
    },
    request_problem: null,
    ...over,
  };
}

const ROW: DraftRow = {
  id: 42, reference: "PNF/2026/1", requested_state: "CHE", case_number: "2026/77", status: "draft",
  updated_at: "2026-03-02T10:00:00Z", version: 1, deleted: false,
};

type Handler = (args: unknown) => unknown;

function backend(handlers: Record<string, Handler>) {
  const calls: string[] = [];
  mockIPC((cmd, args) => {
    calls.push(cmd);
    if (cmd === "catalogue" && !handlers[cmd]) {
      return {
        measure_kinds: [
          { key: "bank_records", label: "Bank records", coercive: true },
          { key: "take_statement", label: "Taking a statement", coercive: false },
        ],
        offences: [], letter_languages: [],
      };
    }
    const h = handlers[cmd];
    if (!h) throw { code: "internal", message: `unexpected command ${cmd}` };
    return h(args);
  });
  return calls;
}

function $(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`no #${id}`);
  return e;
}

function host() {
  return {
    back: vi.fn(), open: vi.fn(), notify: vi.fn(), shown: vi.fn(),
    fail: vi.fn<(e: IpcError) => void>(),
  };
}

describe("verdict in words", () => {
  beforeEach(() => setLocale("en"));

  it("says each verdict differently, and only a verified file is good news", () => {
    const verdicts: VerifyView["verdict"][] = [
      "verified", "invalid", "changed_after_signing", "not_trusted", "no_signature", "unreadable",
    ];
    const texts = verdicts.map((v) => verdictText(view({ verdict: v, unreadable: v === "unreadable" ? "not_pdf" : null })));
    expect(new Set(texts).size).toBe(verdicts.length);
    expect(new Set(verdicts.map((v) => verdictTitle(view({ verdict: v })))).size).toBe(verdicts.length);
    expect(verdicts.filter((v) => verdictIsGood(view({ verdict: v })))).toEqual(["verified"]);
    expect(verdictTitle(view({ verdict: "changed_after_signing" }))).toBe("Valid, but modified after signing");
    expect(verdictText(view({ verdict: "no_signature" }))).toBe("request.pdf is a PDF, but it is not signed.");
  });

  it("says whether trust was checked", () => {
    expect(verdictText(view())).toContain("was not checked");
    expect(verdictText(view({ trust_checked: true }))).toContain("chains to a CA you trust");
  });

  it("names the file and what is wrong when it cannot be checked", () => {
    const at = (unreadable: VerifyView["unreadable"]) =>
      verdictText(view({ verdict: "unreadable", unreadable, file_name: "x.bin" }));
    expect(at("not_pdf")).toBe("x.bin is not a PDF file.");
    expect(at("encrypted")).toContain("x.bin is an encrypted PDF");
    expect(at("damaged")).toBe("x.bin is damaged or is not a readable PDF.");
    expect(at("cannot_read")).toBe("x.bin could not be read from the disk.");
  });

  it("is translated", () => {
    setLocale("fr");
    expect(verdictTitle(view({ verdict: "invalid" }))).toBe("Non valide");
    setLocale("es");
    expect(verdictText(view({ verdict: "unreadable", unreadable: "not_pdf" }))).toBe("request.pdf no es un archivo PDF.");
  });

  it("names types of assistance, keeping unknown codes as written", () => {
    const labels = new Map([["bank_records", "Bank records"]]);
    expect(measureLabels(["bank_records", "mystery"], labels)).toBe("Bank records; mystery");
  });
});

describe("verification view", () => {
  beforeEach(() => {
    document.body.replaceChildren();
    setLocale("en");
  });
  afterEach(() => clearMocks());

  it("shows the verdict, the signer and the embedded request, and focuses the verdict", async () => {
    backend({});
    const h = host();
    document.body.append(renderVerify(h, view()));
    expect($("verify-verdict").dataset.verdict).toBe("verified");
    expect($("verify-verdict").getAttribute("aria-live")).toBe("polite");
    await vi.waitFor(() => expect(document.activeElement).toBe($("verify-verdict")));
    expect($("verify-signer-1").textContent).toBe("Jeanne Procureur");
    expect($("verify-signature-1").textContent).toContain("CN=MLA Desk Test CA");
    expect($("verify-signature-1").textContent).toContain("0A1B");
    expect($("verify-signature-1").textContent).toContain("digitalSignature, nonRepudiation");
    expect($("verify-trust-1").textContent).toBe("Not checked (no trusted CA given).");
    expect($("verify-req-reference").textContent).toBe("PNF/2026/1");
    expect($("verify-req-requesting").textContent).toBe("FRA");
    expect($("verify-req-requested").textContent).toBe("CHE");
    // Codes first, then the localized names once the catalogue arrives.
    await vi.waitFor(() => expect($("verify-req-measures").textContent).toBe("Bank records; Taking a statement"));
    expect(h.shown).toHaveBeenCalledWith(view());
  });

  it("checks again with a trusted CA, and says so when the CA file is unusable", async () => {
    const trusted = view({
      trust_checked: true, trusted_cas: ["MLA Desk Test CA"],
      signatures: [{ ...SIGNATURE, trust: "trusted", trust_anchor: "MLA Desk Test CA" }],
    });
    let fail = false;
    const calls = backend({
      verify_trust_ca: () => {
        if (fail) throw { code: "verify_ca_unreadable", message: "junk.pem is not a certificate (PEM or DER): bad" };
        return trusted;
      },
    });
    const h = host();
    document.body.append(renderVerify(h, view()));
    $("verify-trust").click();
    await vi.waitFor(() => expect($("verify-trust-1").textContent).toBe("Chains to the trusted CA MLA Desk Test CA."));
    expect($("verify-trusted-cas").textContent).toContain("MLA Desk Test CA");
    expect(verdictText(trusted)).toBe($("verify-verdict").querySelectorAll("p")[1]?.textContent);
    fail = true;
    $("verify-trust").click();
    await vi.waitFor(() => expect(h.fail).toHaveBeenCalled());
    expect(h.fail.mock.calls[0]?.[0].message).toBe(
      "The CA certificate could not be used: junk.pem is not a certificate (PEM or DER): bad");
    expect(calls.filter((c) => c === "verify_trust_ca")).toHaveLength(2);
  });

  it("imports the embedded request as a new draft and opens it", async () => {
    const sent: unknown[] = [];
    const calls = backend({ verify_import_request: (args) => { sent.push(args); return ROW; } });
    const h = host();
    document.body.append(renderVerify(h, view()));
    expect(document.getElementById("verify-import-untrusted")).toBeNull();
    $("verify-import").click();
    await vi.waitFor(() => expect(h.open).toHaveBeenCalledWith(42));
    expect(h.notify).toHaveBeenCalledWith("Imported as a new draft: PNF/2026/1");
    expect(calls).toContain("verify_import_request");
    expect(sent).toEqual([{ args: { untrusted: false } }]);
  });

  it("offers no plain import unless the file verifies, only an explicit untrusted one", async () => {
    for (const verdict of ["invalid", "changed_after_signing", "not_trusted", "no_signature"] as const) {
      document.body.replaceChildren();
      backend({});
      document.body.append(renderVerify(host(), view({ verdict })));
      expect(document.getElementById("verify-import"), verdict).toBeNull();
      expect($("verify-import-untrusted").textContent).toBe("Import anyway, untrusted");
      expect($("verify-import-untrusted-warning").textContent).toContain("no valid signature vouches for the embedded request");
    }
    document.body.replaceChildren();
    const sent: unknown[] = [];
    backend({ verify_import_request: (args) => { sent.push(args); return ROW; } });
    const h = host();
    document.body.append(renderVerify(h, view({ verdict: "changed_after_signing" })));
    $("verify-import-untrusted").click();
    await vi.waitFor(() => expect(h.open).toHaveBeenCalledWith(42));
    expect(sent).toEqual([{ args: { untrusted: true } }]);
    expect(h.notify).toHaveBeenCalledWith("Imported as a new draft, marked untrusted: PNF/2026/1");
    document.body.replaceChildren();
    setLocale("fr");
    backend({});
    document.body.append(renderVerify(host(), view({ verdict: "invalid" })));
    expect($("verify-import-untrusted").textContent).toBe("Importer quand même, sans garantie");
    setLocale("es");
    document.body.replaceChildren();
    document.body.append(renderVerify(host(), view({ verdict: "invalid" })));
    expect($("verify-import-untrusted").textContent).toBe("Importar de todos modos, sin garantía");
  });

  it("says a file over the size limit was not read", () => {
    expect(verdictText(view({ verdict: "unreadable", unreadable: "too_large", file_name: "big.pdf" }))).toBe(
      "big.pdf is larger than 256 MiB. MLA Desk checks PDFs up to 256 MiB and did not read this one.");
  });

  it("shows why an import failed, next to the button", async () => {
    backend({
      verify_import_request: () => {
        throw { code: "verify_import_failed", message: "x.pdf: the embedded request is not a valid request file" };
      },
    });
    const h = host();
    document.body.append(renderVerify(h, view()));
    $("verify-import").click();
    await vi.waitFor(() => expect($("verify-import-error").hidden).toBe(false));
    expect($("verify-import-error").textContent).toBe(
      "The request could not be imported: x.pdf: the embedded request is not a valid request file");
    expect(h.open).not.toHaveBeenCalled();
  });

  it("offers no import when the embedded request is missing or invalid", () => {
    backend({});
    document.body.append(renderVerify(host(), view({ request: null, request_problem: { kind: "not_a_request", detail: "line 3: unknown field" } })));
    expect(document.getElementById("verify-import")).toBeNull();
    expect($("verify-request-missing").textContent).toBe(
      "The embedded request cannot be used: it is not a valid request file (line 3: unknown field).");
    document.body.replaceChildren();
    setLocale("fr");
    document.body.append(renderVerify(host(), view({ request: null, request_problem: { kind: "unreadable", detail: "broken stream" } })));
    expect($("verify-request-missing").textContent).toBe(
      "La demande intégrée est inutilisable : elle n'a pas pu être lue dans le PDF (broken stream).");
  });

  it("says each signature problem and why the chain is not trusted in the interface language", () => {
    backend({});
    setLocale("fr");
    const broken: SignatureView = {
      ...SIGNATURE, valid: false, intact: false, trust: "untrusted", trust_anchor: null,
      untrusted_reason: {
        reason: { code: "no_trusted_issuer", subject: "CN=Jeanne Procureur", issuer: "CN=Autre CA" },
        english: "no trusted CA issued CN=Jeanne Procureur (issuer CN=Autre CA)",
      },
      problems: [
        { problem: { code: "digest_mismatch" }, english: "the document was changed after it was signed: …" },
        { problem: { code: "several_signers", count: 2 }, english: "the CMS has 2 signers; only the first is checked" },
      ],
    };
    document.body.append(renderVerify(host(), view({ verdict: "invalid", trust_checked: true, signatures: [broken] })));
    const items = [...$("verify-problems-1").querySelectorAll("li")];
    expect(items.map((li) => li.dataset.code)).toEqual(["digest_mismatch", "several_signers"]);
    expect(items.map((li) => li.textContent)).toEqual([
      "Le document a été modifié après sa signature : les octets signés ne correspondent plus à la signature.",
      "La signature comporte 2 signataires ; seul le premier a été vérifié.",
    ]);
    expect($("verify-trust-1").textContent).toBe(
      "Non approuvé : aucune autorité de certification de confiance n'a émis le certificat CN=Jeanne Procureur (émetteur : CN=Autre CA).");
  });

  it("shows an unreadable file's problem and nothing else", () => {
    backend({});
    document.body.append(renderVerify(host(), view({
      verdict: "unreadable", unreadable: "damaged", problem: "reading the file: no xref",
      signatures: [], embedded_files: [], request: null,
    })));
    expect($("verify-verdict").textContent).toContain("request.pdf is damaged");
    expect($("verify-problem").textContent).toBe("Details: reading the file: no xref");
    expect(document.getElementById("verify-request")).toBeNull();
    expect(document.getElementById("verify-trust")).toBeNull();
  });
});

describe("verification view as a component", () => {
  const on = () => ({ back: vi.fn(), openAnother: vi.fn(), trustCa: vi.fn(), forgetCas: vi.fn(), importRequest: vi.fn() });
  const state = (over: Partial<VerifyState> = {}): VerifyState =>
    ({ view: view(), labels: new Map(), checking: false, importError: null, ...over });

  it("actions: a check shows the new file and forgets an import error; a cancelled check keeps the file", () => {
    const failed = importFailed(checking(state()), "disk full");
    expect(failed.checking).toBe(true);
    expect(failed.importError).toBe("The request could not be imported: disk full");
    const other = view({ file_name: "other.pdf" });
    const next = checked(failed, other);
    expect([next.view, next.checking, next.importError]).toEqual([other, false, null]);
    const cancelled = checked(failed, null);
    expect([cancelled.view, cancelled.importError]).toEqual([failed.view, failed.importError]);
  });

  it("drawing: names the types of assistance once their labels are there, and says it is checking", () => {
    const s = state({ view: view({ request: { ...view().request!, measure_kinds: ["bank_records", "x_new"] } }) });
    expect(drawVerify(s, on()).querySelector("#verify-req-measures")!.textContent).toBe("bank_records; x_new");
    const labelled = labelsArrived(checking(s), new Map([["bank_records", "Bank records"]]));
    const node = drawVerify(labelled, on());
    expect(node.querySelector("#verify-req-measures")!.textContent).toBe("Bank records; x_new");
    expect(node.querySelector("#verify-status")!.textContent).toBe("Checking…");
  });

  it("drawing: shows an import error beside the button and sends the button's intent", () => {
    const intents = on();
    const node = drawVerify(state({ importError: "no" }), intents);
    expect(node.querySelector<HTMLElement>("#verify-import-error")!.hidden).toBe(false);
    node.querySelector<HTMLButtonElement>("#verify-import")!.click();
    expect(intents.importRequest).toHaveBeenCalledWith(false);
    expect(drawVerify(state(), intents).querySelector<HTMLElement>("#verify-import-error")!.hidden).toBe(true);
  });
});
