// Every string the interface shows. English now; French and Spanish are added as more
// `Messages` objects (the type makes a missing key a compile error).

const en = {
  "app.title": "MLA Desk",
  "app.subtitle": "Requests for mutual legal assistance in criminal matters",
  "register.label": "Register",
  "register.errorTitle": "The register could not be opened",
  "register.errorHint":
    "Nothing was changed in the file. Fix the cause (close other programs using it, check the file and folder permissions, or restore a backup), then start MLA Desk again. To use another register, start MLA Desk with --register PATH or set MLA_REGISTER.",
  "register.errorCode": "Error code: {code}",
  "list.heading": "Drafts",
  "list.trashHeading": "Trash",
  "list.search": "Search by reference, requested State, status or case number",
  "list.searchPlaceholder": "Search…",
  "list.new": "New draft",
  "list.tabDrafts": "Drafts",
  "list.tabTrash": "Trash",
  "list.tabsLabel": "Show",
  "list.empty": "No drafts yet. Choose “New draft” to start one.",
  "list.emptySearch": "No draft matches “{query}”.",
  "list.emptyTrash": "The trash is empty.",
  "list.count": "{n} drafts",
  "list.countOne": "1 draft",
  "col.reference": "Reference",
  "col.state": "Requested State",
  "col.caseNumber": "Case number",
  "col.status": "Status",
  "col.updated": "Last saved",
  "col.version": "Version",
  "col.actions": "Actions",
  "action.open": "Open",
  "action.duplicate": "Duplicate",
  "action.trash": "Delete",
  "action.untrash": "Restore",
  "action.openLabel": "Open draft {name}",
  "action.duplicateLabel": "Duplicate draft {name}",
  "action.trashLabel": "Move draft {name} to the trash",
  "action.untrashLabel": "Restore draft {name} from the trash",
  "action.back": "Back to the register",
  "action.history": "History",
  "action.hideHistory": "Hide history",
  "action.export": "Export and sign",
  "notice.trashed": "“{name}” was moved to the trash.",
  "notice.untrashed": "“{name}” was restored.",
  "notice.duplicated": "“{name}” was duplicated.",
  "notice.restoredVersion": "Version {version} was restored as version {newVersion}.",
  "draft.untitled": "(no reference)",
  "status.draft": "Draft",
  "status.ready": "Ready",
  "status.sent": "Sent",
  "status.closed": "Closed",
  "save.idle": "Saved",
  "save.pending": "Unsaved changes…",
  "save.saving": "Saving…",
  "save.saved": "Saved",
  "save.failed": "Save failed: {message}",
  "save.closeFailed":
    "Your last changes could not be saved: {message}. Close the window again to quit anyway.",
  "editor.heading": "Draft {name}",
  "editor.sectionRequest": "Request",
  "editor.sectionAuthority": "Requesting authority",
  "editor.sectionCase": "Case",
  "editor.sectionFacts": "Summary of facts",
  "field.reference": "Reference",
  "field.reference.hint": "Your own reference for this request.",
  "field.requestedState": "Requested State",
  "field.requestedState.hint": "ISO 3166-1 alpha-3 code, e.g. FRA, BRA, KEN.",
  "field.authorityName": "Authority name",
  "field.officerName": "Officer in charge",
  "field.officerEmail": "Officer e-mail",
  "field.officerPhone": "Officer phone",
  "field.caseNature": "Nature of the proceedings",
  "field.caseSubject": "Subject of the proceedings",
  "field.conductingAuthority": "Conducting authority",
  "field.caseNumber": "Case number",
  "field.facts": "Summary of the relevant facts",
  "field.facts.hint": "Who did what, when and where, and how it links to the requested State.",
  "nature.unspecified": "Not specified",
  "nature.investigation": "Investigation",
  "nature.prosecution": "Prosecution",
  "nature.judicial_proceeding": "Judicial proceeding",
  "nature.civil_or_administrative": "Civil or administrative proceeding",
  "history.heading": "History",
  "history.empty": "No versions.",
  "history.version": "Version {version}",
  "history.current": "current",
  "history.restore": "Restore",
  "history.restoreLabel": "Restore version {version}",
  "error.generic": "Something went wrong: {message}",
  "error.dismiss": "Dismiss",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type Locale = "en";

const catalogues: Record<Locale, Messages> = { en };

let current: Locale = "en";

export function setLocale(locale: Locale): void {
  current = locale;
}

export function locale(): Locale {
  return current;
}

/** The message for `key` in the current locale, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
