// The eight steps of the wizard: what each one shows and which fields it binds.

import type { Finding, Severity } from "../bindings/finding";
import type { CardFact, CatalogueView, LetterPreview, ProfileCard } from "../bindings/ipc";
import type { Measure, MeasureDetails, Request } from "../bindings/model";
import { el, type Child } from "../dom";
import { locale, t, type MessageKey } from "../i18n";
import { ASSISTANCE, type AssistanceField } from "../bindings/assistance";
import {
  MEASURE_TYPES, emptyAsset, emptyAttachment, emptyDetails, emptyLegalBasis,
  emptyMeasure, emptyOffence, emptyPerson, nextId, type LegalBasisKind, type MeasureType,
} from "./defaults";
import * as K from "../bindings/kinds";
import {
  ASSET_KIND_OPTIONS, CERTIFICATION_OPTIONS, CHANNEL_OPTIONS, LANGUAGE_OPTIONS, LEGAL_BASIS_OPTIONS, LETTER_LANGUAGES,
  NATURE_OPTIONS, ROLE_OPTIONS, TRANSLATION_OPTIONS, labelKey, type Labelled,
} from "../kinds";
import { renderField, type Binding, type FieldSpec, type Option } from "./form";
import { DUAL_CRIMINALITY_TEXT, annexNeeds, dualCriminality } from "./indicators";
import type { StepId } from "./paths";

export const STEP_TITLES: Record<StepId, MessageKey> = {
  1: "step.1",
  2: "step.2",
  3: "step.3",
  4: "step.4",
  5: "step.5",
  6: "step.6",
  7: "step.7",
  8: "step.8",
};

export interface StepContext extends Binding {
  catalogue: CatalogueView | null;
  profile: ProfileCard | null;
  findings: Finding[];
  /** Redraw the current step (after a row was added or removed), then focus `focusPath`. */
  redraw(focusPath?: string): void;
  /** Go to the field of a finding. */
  jump(path: string): void;
  /** The requested State code changed: fetch its profile card. */
  stateChanged(): void;
  /** Letter preview for step 8. */
  preview(lang: string): Promise<LetterPreview>;
  letterLang: string;
  setLetterLang(lang: string): void;
}

const opts = (values: readonly string[], prefix: string): Option[] =>
  values.map((v) => ({ value: v, label: `${prefix}.${v}` as MessageKey }));

/** A generated list of values with their labels (../kinds.ts), as select options. */
const options = (list: readonly Labelled<string>[]): Option[] => [...list];

const HEARING = K.HEARING_STATUSES;
const DATA_CATEGORIES = K.DATA_CATEGORIES;
/** Languages letters and drafts can be written in (the six UN languages). */
export const DRAFTING_LANGUAGES: readonly string[] = LETTER_LANGUAGES;

function section(titleKey: MessageKey, id: string, ...children: Child[]): HTMLElement {
  return el("section", { className: "step-section", attrs: { "aria-labelledby": `${id}-h` } },
    el("h3", { attrs: { id: `${id}-h` } }, t(titleKey)), ...children);
}

function fields(ctx: StepContext, specs: FieldSpec[]): HTMLElement {
  return el("div", { className: "fields" }, ...specs.map((s) => renderField(s, ctx)));
}

function idOptions(rows: { id: string; name?: string; label?: string; title?: string; description?: string }[]): Option[] {
  return rows.map((r) => {
    const name = r.name ?? r.label ?? r.title ?? r.description ?? "";
    return { value: r.id, label: { text: name.trim() ? `${r.id} — ${name}` : r.id } };
  });
}

/** A list of rows (offences, persons, …) with add and remove buttons. */
function rowList<T extends { id: string }>(
  ctx: StepContext,
  opts2: {
    path: "offences" | "persons" | "assets" | "measures" | "attachments";
    rows: T[];
    title: MessageKey;
    rowTitle: MessageKey;
    add: MessageKey;
    remove: MessageKey;
    empty: MessageKey;
    create: (id: string) => T;
    prefix: string;
    render: (row: T, index: number, base: string) => Child[];
    firstField: string;
  },
): HTMLElement {
  const { path, rows } = opts2;
  const list = el("ol", { className: "rows", attrs: { id: `${path}-list` } });
  rows.forEach((row, i) => {
    const base = `${path}[${i}]`;
    const headId = `${path}-${i}-h`;
    list.append(el("li", { className: "row", attrs: { "data-path": base, "aria-labelledby": headId } },
      el("div", { className: "row-head" },
        el("h4", { attrs: { id: headId } }, t(opts2.rowTitle, { n: i + 1, id: row.id })),
        el("button", {
          className: "danger remove-row",
          attrs: { type: "button", id: `remove-${path}-${i}`, "aria-label": t(opts2.remove, { n: i + 1, id: row.id }) },
          on: {
            click: (ev) => {
              rows.splice(i, 1);
              ctx.changed(path, ev.timeStamp);
              ctx.redraw(rows.length > 0 ? `${path}[${Math.min(i, rows.length - 1)}]` : path);
            },
          },
        }, t("action.remove")),
      ),
      ...opts2.render(row, i, base),
    ));
  });
  return el("section", { className: "step-section", attrs: { "data-path": path, "aria-labelledby": `${path}-h` } },
    el("h3", { attrs: { id: `${path}-h` } }, t(opts2.title)),
    rows.length === 0 ? el("p", { className: "muted" }, t(opts2.empty)) : null,
    list,
    el("button", {
      className: "add-row",
      attrs: { type: "button", id: `add-${path}` },
      on: {
        click: (ev) => {
          rows.push(opts2.create(nextId(opts2.prefix, rows)));
          ctx.changed(path, ev.timeStamp);
          ctx.redraw(`${path}[${rows.length - 1}].${opts2.firstField}`);
        },
      },
    }, t(opts2.add)),
  );
}

// --- step 1 ---------------------------------------------------------------------------

function step1(ctx: StepContext): Child[] {
  return [
    section("sec.request", "s1-request", fields(ctx, [
      { kind: "text", path: "reference", label: "field.reference", hint: "field.reference.hint", id: "f-reference" },
      { kind: "date", path: "date", label: "field.date", hint: "hint.date" },
      { kind: "select", path: "drafting_language", label: "field.draftingLanguage", options: options(LANGUAGE_OPTIONS) },
    ])),
    section("sec.authority", "s1-authority", fields(ctx, [
      { kind: "text", path: "requesting_authority.name", label: "field.authorityName", id: "f-authority-name" },
      { kind: "text", path: "requesting_authority.country", label: "field.authorityCountry", hint: "hint.iso3", upper: true },
      { kind: "textarea", path: "requesting_authority.address", label: "field.authorityAddress", rows: 2 },
      { kind: "text", path: "requesting_authority.officer.name", label: "field.officerName", id: "f-officer-name" },
      { kind: "text", path: "requesting_authority.officer.function", label: "field.officerFunction" },
      { kind: "email", path: "requesting_authority.officer.email", label: "field.officerEmail", id: "f-officer-email" },
      { kind: "tel", path: "requesting_authority.officer.phone", label: "field.officerPhone", id: "f-officer-phone" },
      { kind: "lines", path: "requesting_authority.officer.languages", label: "field.officerLanguages", hint: "hint.languages" },
    ])),
    section("sec.case", "s1-case", fields(ctx, [
      { kind: "select", path: "case.nature", label: "field.caseNature", options: options(NATURE_OPTIONS), id: "f-case-nature" },
      { kind: "textarea", path: "case.subject", label: "field.caseSubject", rows: 2, id: "f-case-subject" },
      { kind: "text", path: "case.conducting_authority.name", label: "field.conductingAuthority", id: "f-conducting-authority" },
      { kind: "textarea", path: "case.conducting_authority.functions", label: "field.conductingFunctions", rows: 2 },
      { kind: "text", path: "case.case_number", label: "field.caseNumber", id: "f-case-number" },
      { kind: "checkbox", path: "case.covert", label: "field.covert" },
    ])),
    section("sec.urgency", "s1-urgency", fields(ctx, [
      { kind: "checkbox", path: "urgency.urgent", label: "field.urgent" },
      { kind: "textarea", path: "urgency.reason", label: "field.urgencyReason", rows: 2 },
      { kind: "date", path: "urgency.deadline", label: "field.deadline", hint: "hint.date" },
      { kind: "checkbox", path: "confidentiality.required", label: "field.confidential" },
      { kind: "textarea", path: "confidentiality.reason", label: "field.confidentialityReason", rows: 2 },
    ])),
    section("sec.signatory", "s1-signatory", fields(ctx, [
      { kind: "text", path: "signatory.name", label: "field.signatoryName" },
      { kind: "text", path: "signatory.function", label: "field.signatoryFunction" },
      { kind: "text", path: "signatory.place", label: "field.signatoryPlace" },
    ])),
  ];
}

// --- step 2 ---------------------------------------------------------------------------

function factLine(label: MessageKey, facts: CardFact[], value: (f: CardFact) => string, id: string): HTMLElement {
  return el("div", { className: "card-fact", attrs: { id } },
    el("dt", {}, t(label)),
    ...(facts.length === 0
      ? [el("dd", { className: "unknown" }, t("profile.unknown"))]
      : facts.map((f) => el("dd", {},
          el("span", { className: "fact-value" }, value(f)),
          f.instruments.length ? el("span", { className: "muted" }, ` [${f.instruments.map((i) => t(labelKey("instrument", i))).join(", ")}]`) : null,
          el("span", { className: "fact-source" }, t("profile.source", { source: f.source, checked: f.checked })),
          f.url ? el("span", { className: "fact-url mono" }, f.url) : null,
        ))),
  );
}

function codeLabel(prefix: string, code: string): string {
  return t(labelKey(prefix, code));
}

export function profileCard(card: ProfileCard | null, typed: string): HTMLElement {
  const box = el("aside", { className: "profile-card", attrs: { id: "profile-card", "aria-labelledby": "profile-card-h", "aria-live": "polite" } });
  const code = typed.trim().toUpperCase();
  if (code === "") {
    box.append(el("h3", { attrs: { id: "profile-card-h" } }, t("profile.heading")), el("p", { className: "muted" }, t("profile.none")));
    return box;
  }
  if (!card || card.iso3 !== code) {
    box.append(el("h3", { attrs: { id: "profile-card-h" } }, t("profile.heading")), el("p", { className: "muted" }, t("profile.loading")));
    return box;
  }
  if (!card.found) {
    box.append(
      el("h3", { attrs: { id: "profile-card-h" } }, t("profile.headingState", { name: code, iso3: code })),
      el("p", { className: "unknown", attrs: { id: "profile-missing" } }, t("profile.missing", { iso3: code })),
    );
    return box;
  }
  const annex = (i: number) => card.annex_languages[i];
  box.append(
    el("h3", { attrs: { id: "profile-card-h" } }, t("profile.headingState", { name: card.name, iso3: card.iso3 })),
    el("p", { className: "muted" }, t("profile.origin", { origin: card.origin })),
    el("dl", {},
      factLine("profile.centralAuthority", card.central_authorities, (f) => f.values.join(" · "), "pf-ca"),
      factLine("profile.channels", card.channels, (f) => f.values.map((v) => codeLabel("accepted", v)).join(", "), "pf-channels"),
      factLine("profile.languages", card.languages, (f) => {
        const i = card.languages.indexOf(f);
        const a = annex(i);
        return t("profile.languagesValue", { requests: f.values.join(", "), annexes: a ? a.join(", ") : t("profile.unknownShort") });
      }, "pf-languages"),
      factLine("profile.legalBasis", card.legal_basis ? [card.legal_basis] : [], (f) => codeLabel("stance", f.values[0] ?? ""), "pf-legal-basis"),
      factLine("profile.dualCriminality", card.dual_criminality ? [card.dual_criminality] : [], (f) => codeLabel("dcstance", f.values[0] ?? ""), "pf-dual-criminality"),
    ),
  );
  return box;
}

function legalBases(ctx: StepContext): HTMLElement {
  const r = ctx.request();
  const list = el("ol", { className: "rows", attrs: { id: "legal-basis-list" } });
  r.legal_basis.forEach((lb, i) => {
    const base = `legal_basis[${i}]`;
    const extra: FieldSpec[] = [];
    if (lb.kind === "bilateral_treaty") extra.push({ kind: "text", path: `${base}.name`, label: "field.treatyName" }, { kind: "date", path: `${base}.date`, label: "field.treatyDate", hint: "hint.date" });
    if (lb.kind === "regional_convention") extra.push({ kind: "text", path: `${base}.name`, label: "field.conventionName" });
    if (lb.kind === "reciprocity") extra.push({ kind: "checkbox", path: `${base}.assurance_given`, label: "field.reciprocityAssurance" });
    if (lb.kind === "domestic_law") extra.push({ kind: "text", path: `${base}.citation`, label: "field.domesticCitation" });
    const headId = `lb-${i}-h`;
    list.append(el("li", { className: "row", attrs: { "data-path": base, "aria-labelledby": headId } },
      el("div", { className: "row-head" },
        el("h4", { attrs: { id: headId, tabindex: "-1" } }, t(`lb.${lb.kind}` as MessageKey)),
        el("button", {
          className: "danger remove-row",
          attrs: { type: "button", id: `remove-legal-basis-${i}`, "aria-label": t("lb.removeLabel", { kind: t(`lb.${lb.kind}` as MessageKey) }) },
          on: { click: (ev) => { r.legal_basis.splice(i, 1); ctx.changed("legal_basis", ev.timeStamp); ctx.redraw("legal_basis"); } },
        }, t("action.remove")),
      ),
      extra.length ? fields(ctx, extra) : null,
    ));
  });
  const kindSelect = el("select", { attrs: { id: "add-legal-basis-kind" } },
    ...LEGAL_BASIS_OPTIONS.map((k) => el("option", { attrs: { value: k.value } }, t(k.label))));
  return el("section", { className: "step-section", attrs: { "data-path": "legal_basis", "aria-labelledby": "legal-basis-h" } },
    el("h3", { attrs: { id: "legal-basis-h" } }, t("sec.legalBasis")),
    r.legal_basis.length === 0 ? el("p", { className: "muted" }, t("lb.empty")) : null,
    list,
    el("div", { className: "add-line" },
      el("label", { attrs: { for: "add-legal-basis-kind" } }, t("lb.kindLabel")), kindSelect,
      el("button", {
        attrs: { type: "button", id: "add-legal-basis" },
        on: {
          click: (ev) => {
            r.legal_basis.push(emptyLegalBasis(kindSelect.value as LegalBasisKind));
            ctx.changed("legal_basis", ev.timeStamp);
            ctx.redraw(`legal_basis[${r.legal_basis.length - 1}]`);
          },
        },
      }, t("lb.add")),
    ),
  );
}

function step2(ctx: StepContext): Child[] {
  const stateField = renderField({ kind: "text", path: "requested_state", label: "field.requestedState", hint: "field.requestedState.hint", id: "f-requested-state", upper: true }, {
    request: ctx.request,
    changed: (p, at) => { ctx.changed(p, at); ctx.stateChanged(); },
  });
  return [
    el("div", { className: "state-and-card" },
      section("sec.requestedState", "s2-state",
        el("div", { className: "fields" }, stateField),
        fields(ctx, [
          { kind: "text", path: "addressee.name", label: "field.addresseeName", hint: "hint.addressee" },
          { kind: "textarea", path: "addressee.address", label: "field.addresseeAddress", rows: 2 },
          { kind: "select", path: "channel", label: "field.channel", options: options(CHANNEL_OPTIONS) },
        ]),
      ),
      profileCard(ctx.profile, ctx.request().requested_state),
    ),
    legalBases(ctx),
    section("sec.assurances", "s2-assurances", fields(ctx, [
      { kind: "checkbox", path: "assurances.speciality", label: "field.speciality" },
      { kind: "checkbox", path: "assurances.reciprocity", label: "field.reciprocity" },
      { kind: "textarea", path: "assurances.costs", label: "field.costs", rows: 2 },
    ])),
  ];
}

// --- step 3 ---------------------------------------------------------------------------

function step3(ctx: StepContext): Child[] {
  const r = ctx.request();
  const categories: Option[] = [
    { value: "", label: "form.none" },
    ...(ctx.catalogue?.offences ?? []).map((o) => ({ value: o.id, label: { text: `${o.title} (${o.id})` } })),
  ];
  return [
    section("sec.facts", "s3-facts", fields(ctx, [
      { kind: "textarea", path: "facts", label: "field.facts", hint: "field.facts.hint", id: "f-facts", rows: 12 },
    ])),
    rowList(ctx, {
      path: "offences", rows: r.offences, title: "sec.offences", rowTitle: "offence.row", add: "offence.add",
      remove: "offence.removeLabel", empty: "offence.empty", create: emptyOffence, prefix: "off", firstField: "label",
      render: (o, _i, base) => {
        const dc = dualCriminality(o.conduct_category, ctx.catalogue, ctx.profile);
        return [
          fields(ctx, [
            { kind: "text", path: `${base}.label`, label: "field.offenceLabel" },
            { kind: "text", path: `${base}.provision`, label: "field.offenceProvision" },
            { kind: "textarea", path: `${base}.provision_text`, label: "field.offenceProvisionText", rows: 3 },
            { kind: "text", path: `${base}.penalty`, label: "field.offencePenalty" },
          ]),
          el("div", { className: "fields" },
            renderField({ kind: "select", path: `${base}.conduct_category`, label: "field.conductCategory", hint: "hint.conductCategory", options: categories }, {
              request: ctx.request,
              changed: (p, at) => { ctx.changed(p, at); ctx.redraw(p); },
            }),
          ),
          el("p", { className: `dc dc-${dc}`, attrs: { "data-dc": dc, id: `dc-${_i}` } },
            el("strong", {}, `${t("dc.label")}: `), t(DUAL_CRIMINALITY_TEXT[dc], { state: ctx.profile?.found ? ctx.profile.name : r.requested_state || "—" })),
          fields(ctx, [{ kind: "date", path: `${base}.limitation_date`, label: "field.limitationDate", hint: "hint.date" }]),
        ];
      },
    }),
  ];
}

// --- step 4 ---------------------------------------------------------------------------

function step4(ctx: StepContext): Child[] {
  const r = ctx.request();
  return [
    rowList(ctx, {
      path: "persons", rows: r.persons, title: "sec.persons", rowTitle: "person.row", add: "person.add",
      remove: "person.removeLabel", empty: "person.empty", create: emptyPerson, prefix: "p", firstField: "name",
      render: (_p, _i, base) => [fields(ctx, [
        { kind: "text", path: `${base}.name`, label: "field.personName" },
        { kind: "select", path: `${base}.role`, label: "field.personRole", options: options(ROLE_OPTIONS) },
        { kind: "checkbox", path: `${base}.legal_person`, label: "field.legalPerson" },
        { kind: "date", path: `${base}.date_of_birth`, label: "field.dateOfBirth", hint: "hint.date" },
        { kind: "text", path: `${base}.place_of_birth`, label: "field.placeOfBirth" },
        { kind: "lines", path: `${base}.nationality`, label: "field.nationality", hint: "hint.iso3Lines", upper: true },
        { kind: "lines", path: `${base}.identity_documents`, label: "field.identityDocuments", hint: "hint.lines" },
        { kind: "textarea", path: `${base}.location`, label: "field.personLocation", rows: 2 },
        { kind: "textarea", path: `${base}.notes`, label: "field.notes", rows: 2 },
      ])],
    }),
    rowList(ctx, {
      path: "assets", rows: r.assets, title: "sec.assets", rowTitle: "asset.row", add: "asset.add",
      remove: "asset.removeLabel", empty: "asset.empty", create: emptyAsset, prefix: "a", firstField: "kind",
      render: (_a, _i, base) => [fields(ctx, [
        { kind: "select", path: `${base}.kind`, label: "field.assetKind", options: options(ASSET_KIND_OPTIONS) },
        { kind: "textarea", path: `${base}.description`, label: "field.assetDescription", rows: 2 },
        { kind: "text", path: `${base}.institution`, label: "field.institution" },
        { kind: "text", path: `${base}.identifier`, label: "field.identifier", hint: "hint.identifier" },
        { kind: "ref", path: `${base}.holder_person_id`, label: "field.holder", options: idOptions(r.persons) },
        { kind: "text", path: `${base}.location`, label: "field.assetLocation" },
        { kind: "money", path: `${base}.estimated_value`, label: "field.estimatedValue" },
        { kind: "textarea", path: `${base}.link_to_offence`, label: "field.linkToOffence", rows: 2 },
      ])],
    }),
  ];
}

// --- step 5 ---------------------------------------------------------------------------

/** The control for each kind of field a type of assistance declares. */
function detailField(f: AssistanceField, path: string, r: Request): FieldSpec {
  const label = { text: f.label[locale()] };
  const hint = (f.hint ?? undefined) as MessageKey | undefined;
  switch (f.kind) {
    case "text": return { kind: "text", path, label, hint };
    case "language_code": return { kind: "text", path, label, hint };
    case "long_text": return { kind: "textarea", path, label, hint, rows: f.rows };
    case "text_list": return { kind: "lines", path, label, hint };
    case "identifiers": return { kind: "lines", path, label, hint };
    case "date": return { kind: "date", path, label, hint };
    case "yes_no": return { kind: "checkbox", path, label, hint };
    case "person_ref": return { kind: "ref", path, label, hint, options: idOptions(r.persons) };
    case "person_refs": return { kind: "set", path, label, hint, options: idOptions(r.persons) };
    case "asset_refs": return { kind: "set", path, label, hint, options: idOptions(r.assets) };
    case "attachment_ref": return { kind: "ref", path, label, hint, options: idOptions(r.attachments) };
    case "attachment_refs": return { kind: "set", path, label, hint, options: idOptions(r.attachments) };
    case "hearing_status": return { kind: "select", path, label, hint, options: opts(HEARING, "hearing") };
    case "data_categories": return { kind: "set", path, label, hint, options: opts(DATA_CATEGORIES, "dataCategory") };
  }
}

/** The fields each type of assistance needs, relative to `measures[i].details`, as its
 * declaration lists them (generated into `bindings/assistance.ts`). */
export function detailFields(type: MeasureType, d: string, r: Request): FieldSpec[] {
  const declared = ASSISTANCE.find((a) => a.key === type);
  return (declared?.fields ?? []).map((f) => detailField(f, `${d}.${f.name}`, r));
}

function measureTypeOptions(ctx: StepContext): Option[] {
  return MEASURE_TYPES.map((type) => {
    const kind = ctx.catalogue?.measure_kinds.find((k) => k.key === type);
    return { value: type, label: kind ? { text: kind.label } : { text: type } };
  });
}

function step5(ctx: StepContext): Child[] {
  const r = ctx.request();
  const offences = idOptions(r.offences);
  return [
    rowList<Measure>(ctx, {
      path: "measures", rows: r.measures, title: "sec.measures", rowTitle: "measure.row", add: "measure.add",
      remove: "measure.removeLabel", empty: "measure.empty", create: emptyMeasure, prefix: "m", firstField: "details.type",
      render: (m, i, base) => {
        const typeSelect = renderField({ kind: "select", path: `${base}.details.type`, label: "field.measureType", options: measureTypeOptions(ctx) }, {
          request: ctx.request,
          changed: (_p, at) => {
            // A new type of assistance has other fields: start them empty.
            const chosen = (m.details as { type: string }).type as MeasureType;
            m.details = emptyDetails(chosen) as MeasureDetails;
            ctx.changed(`${base}.details`, at);
            ctx.redraw(`${base}.details.type`);
          },
        });
        const coercive = ctx.catalogue?.measure_kinds.find((k) => k.key === m.details.type)?.coercive;
        return [
          el("div", { className: "fields" }, typeSelect),
          coercive === undefined ? null : el("p", { className: "muted", attrs: { id: `coercive-${i}` } }, t(coercive ? "measure.coercive" : "measure.notCoercive")),
          fields(ctx, [
            { kind: "set", path: `${base}.offence_ids`, label: "field.measureOffences", options: offences },
            { kind: "textarea", path: `${base}.purpose`, label: "field.measurePurpose", rows: 2 },
            { kind: "textarea", path: `${base}.procedure`, label: "field.measureProcedure", hint: "hint.procedure", rows: 2 },
          ]),
          el("fieldset", { className: "details" },
            el("legend", {}, t("measure.details")),
            fields(ctx, detailFields(m.details.type, `${base}.details`, r)),
          ),
        ];
      },
    }),
    section("sec.purpose", "s5-purpose", fields(ctx, [
      { kind: "textarea", path: "purpose", label: "field.purpose", rows: 3 },
      { kind: "textarea", path: "nexus", label: "field.nexus", rows: 3 },
      { kind: "textarea", path: "procedures", label: "field.procedures", rows: 3 },
    ])),
  ];
}

// --- step 6 ---------------------------------------------------------------------------

function step6(ctx: StepContext): Child[] {
  const r = ctx.request();
  const accepted = ctx.profile?.found ? ctx.profile.annex_languages.find((a) => a !== null) ?? null : null;
  const summary = el("table", { className: "annex-table", attrs: { id: "annex-summary" } },
    el("caption", {}, t("annex.summaryCaption")),
    el("thead", {}, el("tr", {},
      el("th", { attrs: { scope: "col" } }, t("annex.col.annex")),
      el("th", { attrs: { scope: "col" } }, t("annex.col.original")),
      el("th", { attrs: { scope: "col" } }, t("annex.col.translation")),
      el("th", { attrs: { scope: "col" } }, t("annex.col.certification")),
      el("th", { attrs: { scope: "col" } }, t("annex.col.needs")),
    )),
    el("tbody", {}, ...r.attachments.map((a, i) => {
      const needs = annexNeeds(a, i, ctx.findings);
      return el("tr", { attrs: { "data-annex": a.id } },
        el("th", { attrs: { scope: "row" } }, a.title.trim() || a.id),
        el("td", {}, a.language || t("annex.languageMissing")),
        el("td", {}, a.translation_language ? `${a.translation_language} — ${t(needs.translation)}` : t(needs.translation)),
        el("td", {}, t(`certification.${a.certification}` as MessageKey)),
        el("td", {},
          needs.needsTranslator ? el("p", { className: "needs" }, t("annex.needsTranslator")) : null,
          ...needs.findings.map((f) => el("p", { className: `needs sev-${f.severity}` }, f.title)),
          !needs.needsTranslator && needs.findings.length === 0 ? el("p", { className: "muted" }, t("annex.nothing")) : null,
        ),
      );
    })),
  );
  return [
    el("p", { className: "muted", attrs: { id: "annex-accepted" } }, accepted
      ? t("annex.accepted", { languages: accepted.join(", ") })
      : t("annex.acceptedUnknown")),
    r.attachments.length ? summary : null,
    rowList(ctx, {
      path: "attachments", rows: r.attachments, title: "sec.attachments", rowTitle: "annex.row", add: "annex.add",
      remove: "annex.removeLabel", empty: "annex.empty", create: emptyAttachment, prefix: "att", firstField: "title",
      render: (_a, _i, base) => [fields(ctx, [
        { kind: "text", path: `${base}.title`, label: "field.annexTitle" },
        { kind: "text", path: `${base}.language`, label: "field.annexLanguage", hint: "hint.language" },
        { kind: "select", path: `${base}.translation`, label: "field.annexTranslation", options: options(TRANSLATION_OPTIONS) },
        { kind: "text", path: `${base}.translation_language`, label: "field.annexTranslationLanguage", hint: "hint.language" },
        { kind: "select", path: `${base}.certification`, label: "field.annexCertification", options: options(CERTIFICATION_OPTIONS) },
        { kind: "text", path: `${base}.file_name`, label: "field.annexFile" },
      ])],
    }),
  ];
}

// --- step 7 ---------------------------------------------------------------------------

export const SEVERITIES: readonly Severity[] = K.SEVERITIES;

export function findingItem(f: Finding, jump: (path: string) => void, index: number): HTMLElement {
  return el("li", { className: `finding sev-${f.severity}`, attrs: { "data-rule": f.rule_id, "data-path": undefined, "data-finding-path": f.path } },
    el("p", { className: "finding-title" }, el("strong", {}, f.title), el("span", { className: "muted" }, ` (${f.rule_id})`)),
    el("p", { className: "finding-message" }, f.message),
    el("p", { className: "finding-fix" }, el("strong", {}, `${t("finding.fix")}: `), f.fix),
    el("p", { className: "finding-source muted" }, `${t("finding.source")}: ${f.source}`),
    f.path
      ? el("button", {
          className: "jump",
          attrs: { type: "button", id: `jump-${index}`, "data-jump": f.path, "aria-label": t("finding.jumpLabel", { title: f.title }) },
          on: { click: () => jump(f.path) },
        }, t("finding.jump"))
      : null,
  );
}

function step7(ctx: StepContext): Child[] {
  if (ctx.findings.length === 0) return [el("p", { attrs: { id: "review-empty" } }, t("review.none"))];
  let n = 0;
  return SEVERITIES.map((sev) => {
    const list = ctx.findings.filter((f) => f.severity === sev);
    return el("section", { className: `review-group sev-${sev}`, attrs: { id: `review-${sev}`, "aria-labelledby": `review-${sev}-h` } },
      el("h3", { attrs: { id: `review-${sev}-h` } }, t(`severity.${sev}` as MessageKey, { n: list.length })),
      list.length === 0 ? el("p", { className: "muted" }, t("review.noneOfThese")) : el("ul", { className: "findings" }, ...list.map((f) => findingItem(f, ctx.jump, n++))),
    );
  });
}

// --- step 8 ---------------------------------------------------------------------------

function step8(ctx: StepContext, previewInto: (box: HTMLElement, lang: string) => void): Child[] {
  const langs = ctx.catalogue?.letter_languages ?? [];
  const select = el("select", { attrs: { id: "letter-lang" } },
    ...langs.map((l) => el("option", { attrs: { value: l.code } }, `${t(`lang.${l.code}` as MessageKey)}${l.reviewed ? "" : ` — ${t("letter.unreviewed")}`}`)));
  select.value = ctx.letterLang;
  const box = el("div", { attrs: { id: "letter-preview-box" } });
  select.addEventListener("change", () => {
    ctx.setLetterLang(select.value);
    previewInto(box, select.value);
  });
  queueMicrotask(() => previewInto(box, select.value || ctx.letterLang));
  return [
    el("div", { className: "add-line" }, el("label", { attrs: { for: "letter-lang" } }, t("letter.language")), select),
    box,
    el("section", { className: "export-panel", attrs: { id: "export-panel", "aria-label": t("export.panel") } }),
  ];
}

export function renderStep(id: StepId, ctx: StepContext, previewInto: (box: HTMLElement, lang: string) => void): Child[] {
  switch (id) {
    case 1: return step1(ctx);
    case 2: return step2(ctx);
    case 3: return step3(ctx);
    case 4: return step4(ctx);
    case 5: return step5(ctx);
    case 6: return step6(ctx);
    case 7: return step7(ctx);
    case 8: return step8(ctx, previewInto);
  }
}
