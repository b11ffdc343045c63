// Generated from src-tauri/crates/mla-core/src/assistance/ (types.rs, labels.toml).
// Do not edit: run `UPDATE_BINDINGS=1 cargo test -p mla-desk --test bindings`.

import type { MeasureDetails } from "./model";

/** How a field is edited. */
export type AssistanceFieldKind = "text" | "long_text" | "text_list" | "identifiers" | "language_code" | "date" | "yes_no" | "person_ref" | "person_refs" | "asset_refs" | "attachment_ref" | "attachment_refs" | "hearing_status" | "data_categories";

export type AssistanceLabels = { en: string; fr: string; es: string };

/** One field of a type of assistance, relative to `measures[i].details`. */
export interface AssistanceField {
  name: string;
  kind: AssistanceFieldKind;
  label: AssistanceLabels;
  /** An interface message key. */
  hint: string | null;
  rows: number;
}

/** One type of assistance: its key, name, whether it is coercive, and its fields. */
export interface AssistanceType {
  key: MeasureDetails["type"];
  name: AssistanceLabels;
  coercive: boolean;
  fields: readonly AssistanceField[];
}

/** Every type of assistance, in declaration order. */
export const ASSISTANCE: readonly AssistanceType[] = [
  {
    key: "take_statement",
    name: { en: "taking of a statement", fr: "audition", es: "toma de declaración" },
    coercive: false,
    fields: [
      { name: "person_id", kind: "person_ref", label: { en: "Person", fr: "Personne", es: "Persona" }, hint: null, rows: 2 },
      { name: "status", kind: "hearing_status", label: { en: "Status of the person", fr: "Qualité de la personne", es: "Calidad de la persona" }, hint: null, rows: 2 },
      { name: "questions", kind: "text_list", label: { en: "Questions", fr: "Questions", es: "Preguntas" }, hint: "hint.questions", rows: 2 },
      { name: "rights", kind: "long_text", label: { en: "Rights to be read to the person", fr: "Droits à notifier à la personne", es: "Derechos que deben comunicarse a la persona" }, hint: null, rows: 2 },
      { name: "officials_attend", kind: "yes_no", label: { en: "Officials of the requesting State wish to attend", fr: "Des agents de l'État requérant souhaitent assister", es: "Funcionarios del Estado requirente desean asistir" }, hint: null, rows: 2 },
      { name: "oath_form", kind: "text", label: { en: "Oath or affirmation", fr: "Serment ou affirmation", es: "Juramento o promesa" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "serve_documents",
    name: { en: "service of documents", fr: "signification d'actes", es: "notificación de documentos" },
    coercive: false,
    fields: [
      { name: "recipient_person_id", kind: "person_ref", label: { en: "Person to be served", fr: "Destinataire de la notification", es: "Persona a notificar" }, hint: null, rows: 2 },
      { name: "address", kind: "long_text", label: { en: "Address for service", fr: "Adresse de notification", es: "Domicilio para la notificación" }, hint: null, rows: 2 },
      { name: "document_attachment_ids", kind: "attachment_refs", label: { en: "Documents to serve", fr: "Actes à notifier", es: "Documentos a notificar" }, hint: null, rows: 2 },
      { name: "appearance_date", kind: "date", label: { en: "Appearance date", fr: "Date de comparution", es: "Fecha de comparecencia" }, hint: "hint.date", rows: 2 },
      { name: "proof_of_service", kind: "yes_no", label: { en: "Proof of service requested", fr: "Preuve de la notification demandée", es: "Se solicita constancia de la notificación" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "search_seizure",
    name: { en: "search and seizure", fr: "perquisition et saisie", es: "registro e incautación" },
    coercive: true,
    fields: [
      { name: "premises", kind: "long_text", label: { en: "Premises or person to search", fr: "Lieux ou personne à perquisitionner", es: "Lugar o persona a registrar" }, hint: null, rows: 2 },
      { name: "items_sought", kind: "long_text", label: { en: "Items sought", fr: "Objets recherchés", es: "Objetos buscados" }, hint: null, rows: 2 },
      { name: "grounds", kind: "long_text", label: { en: "Grounds linking the premises and items to the offence", fr: "Motifs reliant les lieux et les objets à l'infraction", es: "Motivos que vinculan el lugar y los objetos con el delito" }, hint: null, rows: 3 },
      { name: "order_attachment_id", kind: "attachment_ref", label: { en: "Domestic order (annex)", fr: "Décision nationale (annexe)", es: "Resolución nacional (anexo)" }, hint: null, rows: 2 },
      { name: "chain_of_custody", kind: "long_text", label: { en: "Chain of custody", fr: "Chaîne de conservation", es: "Cadena de custodia" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "examine_objects_sites",
    name: { en: "examination of objects and sites", fr: "examen d'objets et de lieux", es: "examen de objetos y lugares" },
    coercive: false,
    fields: [
      { name: "object_or_site", kind: "text", label: { en: "Object or site", fr: "Objet ou lieu", es: "Objeto o lugar" }, hint: null, rows: 2 },
      { name: "location", kind: "text", label: { en: "Location", fr: "Localisation", es: "Ubicación" }, hint: null, rows: 2 },
      { name: "examination", kind: "long_text", label: { en: "Examination wanted", fr: "Examen souhaité", es: "Examen solicitado" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "provide_information",
    name: { en: "information and expert evaluations", fr: "informations et expertises", es: "información y peritajes" },
    coercive: false,
    fields: [
      { name: "information_sought", kind: "long_text", label: { en: "Information sought", fr: "Informations demandées", es: "Información solicitada" }, hint: null, rows: 3 },
      { name: "expert_evaluation", kind: "yes_no", label: { en: "Expert evaluation wanted", fr: "Expertise souhaitée", es: "Se solicita peritaje" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "bank_records",
    name: { en: "bank records", fr: "documents bancaires", es: "documentación bancaria" },
    coercive: true,
    fields: [
      { name: "bank", kind: "text", label: { en: "Bank", fr: "Banque", es: "Banco" }, hint: null, rows: 2 },
      { name: "account_asset_ids", kind: "asset_refs", label: { en: "Accounts", fr: "Comptes", es: "Cuentas" }, hint: null, rows: 2 },
      { name: "holder_person_id", kind: "person_ref", label: { en: "Account holder", fr: "Titulaire du compte", es: "Titular de la cuenta" }, hint: null, rows: 2 },
      { name: "period_from", kind: "date", label: { en: "Period from", fr: "Période du", es: "Período desde" }, hint: "hint.date", rows: 2 },
      { name: "period_to", kind: "date", label: { en: "Period to", fr: "Période au", es: "Período hasta" }, hint: "hint.date", rows: 2 },
      { name: "records_wanted", kind: "long_text", label: { en: "Records wanted", fr: "Documents demandés", es: "Documentos solicitados" }, hint: null, rows: 2 },
      { name: "link_to_offence", kind: "long_text", label: { en: "Link to the offence", fr: "Lien avec l'infraction", es: "Vínculo con el delito" }, hint: null, rows: 2 },
      { name: "certified_copies", kind: "yes_no", label: { en: "Certified copies wanted", fr: "Copies certifiées demandées", es: "Se solicitan copias certificadas" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "produce_records",
    name: { en: "production of records", fr: "production de documents", es: "presentación de documentos" },
    coercive: true,
    fields: [
      { name: "holder", kind: "text", label: { en: "Holder of the records", fr: "Détenteur des documents", es: "Poseedor de los documentos" }, hint: null, rows: 2 },
      { name: "records_wanted", kind: "long_text", label: { en: "Records wanted", fr: "Documents demandés", es: "Documentos solicitados" }, hint: null, rows: 2 },
      { name: "certified_copies", kind: "yes_no", label: { en: "Certified copies wanted", fr: "Copies certifiées demandées", es: "Se solicitan copias certificadas" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "trace_proceeds",
    name: { en: "tracing of proceeds", fr: "localisation du produit du crime", es: "localización del producto del delito" },
    coercive: true,
    fields: [
      { name: "person_ids", kind: "person_refs", label: { en: "Persons", fr: "Personnes", es: "Personas" }, hint: null, rows: 2 },
      { name: "asset_ids", kind: "asset_refs", label: { en: "Assets", fr: "Avoirs", es: "Bienes" }, hint: null, rows: 2 },
      { name: "description", kind: "long_text", label: { en: "Description", fr: "Description", es: "Descripción" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "voluntary_appearance",
    name: { en: "voluntary appearance", fr: "comparution volontaire", es: "comparecencia voluntaria" },
    coercive: false,
    fields: [
      { name: "person_id", kind: "person_ref", label: { en: "Person", fr: "Personne", es: "Persona" }, hint: null, rows: 2 },
      { name: "appearance_date", kind: "date", label: { en: "Appearance date", fr: "Date de comparution", es: "Fecha de comparecencia" }, hint: "hint.date", rows: 2 },
      { name: "expenses_covered", kind: "yes_no", label: { en: "Expenses covered", fr: "Frais pris en charge", es: "Gastos cubiertos" }, hint: null, rows: 2 },
      { name: "safe_conduct", kind: "yes_no", label: { en: "Safe conduct offered", fr: "Sauf-conduit offert", es: "Se ofrece salvoconducto" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "freeze_assets",
    name: { en: "freezing of assets", fr: "gel d'avoirs", es: "embargo preventivo de bienes" },
    coercive: true,
    fields: [
      { name: "asset_ids", kind: "asset_refs", label: { en: "Assets", fr: "Avoirs", es: "Bienes" }, hint: null, rows: 2 },
      { name: "order_attachment_id", kind: "attachment_ref", label: { en: "Domestic order (annex)", fr: "Décision nationale (annexe)", es: "Resolución nacional (anexo)" }, hint: null, rows: 2 },
      { name: "link_to_offence", kind: "long_text", label: { en: "Link to the offence", fr: "Lien avec l'infraction", es: "Vínculo con el delito" }, hint: null, rows: 2 },
      { name: "owner_notification", kind: "long_text", label: { en: "Notification of the owner", fr: "Information du propriétaire", es: "Notificación al propietario" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "confiscate_assets",
    name: { en: "confiscation", fr: "confiscation", es: "decomiso" },
    coercive: true,
    fields: [
      { name: "asset_ids", kind: "asset_refs", label: { en: "Assets", fr: "Avoirs", es: "Bienes" }, hint: null, rows: 2 },
      { name: "order_attachment_id", kind: "attachment_ref", label: { en: "Domestic order (annex)", fr: "Décision nationale (annexe)", es: "Resolución nacional (anexo)" }, hint: null, rows: 2 },
      { name: "order_final", kind: "yes_no", label: { en: "The order is final", fr: "La décision est définitive", es: "La resolución es firme" }, hint: null, rows: 2 },
      { name: "link_to_offence", kind: "long_text", label: { en: "Link to the offence", fr: "Lien avec l'infraction", es: "Vínculo con el delito" }, hint: null, rows: 2 },
      { name: "return_proposal", kind: "long_text", label: { en: "Proposed disposal or return", fr: "Disposition ou restitution proposée", es: "Disposición o restitución propuesta" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "videoconference_hearing",
    name: { en: "hearing by videoconference", fr: "audition par vidéoconférence", es: "audiencia por videoconferencia" },
    coercive: false,
    fields: [
      { name: "person_id", kind: "person_ref", label: { en: "Person", fr: "Personne", es: "Persona" }, hint: null, rows: 2 },
      { name: "status", kind: "hearing_status", label: { en: "Status of the person", fr: "Qualité de la personne", es: "Calidad de la persona" }, hint: null, rows: 2 },
      { name: "proposed_date", kind: "date", label: { en: "Proposed date", fr: "Date proposée", es: "Fecha propuesta" }, hint: "hint.date", rows: 2 },
      { name: "technical_contact", kind: "text", label: { en: "Technical contact", fr: "Contact technique", es: "Contacto técnico" }, hint: null, rows: 2 },
      { name: "interpreter_language", kind: "language_code", label: { en: "Interpreter language", fr: "Langue de l'interprète", es: "Idioma del intérprete" }, hint: "hint.language", rows: 2 },
      { name: "questioning_authority", kind: "text", label: { en: "Who conducts the questioning", fr: "Autorité qui mène l'audition", es: "Autoridad que dirige el interrogatorio" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "transfer_detained_person",
    name: { en: "transfer of a detained person", fr: "transfèrement d'une personne détenue", es: "traslado de una persona detenida" },
    coercive: false,
    fields: [
      { name: "person_id", kind: "person_ref", label: { en: "Person", fr: "Personne", es: "Persona" }, hint: null, rows: 2 },
      { name: "consent_obtained", kind: "yes_no", label: { en: "The person has given free and informed consent", fr: "La personne a donné son consentement libre et éclairé", es: "La persona ha dado su consentimiento libre e informado" }, hint: null, rows: 2 },
      { name: "custody_guarantees", kind: "long_text", label: { en: "Custody and return guarantees", fr: "Garanties de détention et de retour", es: "Garantías de custodia y de devolución" }, hint: null, rows: 2 },
      { name: "transfer_date", kind: "date", label: { en: "Transfer date", fr: "Date du transfèrement", es: "Fecha del traslado" }, hint: "hint.date", rows: 2 },
      { name: "return_date", kind: "date", label: { en: "Return date", fr: "Date du retour", es: "Fecha de devolución" }, hint: "hint.date", rows: 2 },
    ],
  },
  {
    key: "electronic_evidence",
    name: { en: "electronic evidence", fr: "preuves électroniques", es: "pruebas electrónicas" },
    coercive: true,
    fields: [
      { name: "provider", kind: "text", label: { en: "Service provider", fr: "Fournisseur de services", es: "Proveedor de servicios" }, hint: null, rows: 2 },
      { name: "account_identifiers", kind: "identifiers", label: { en: "Account identifiers", fr: "Identifiants de compte", es: "Identificadores de cuenta" }, hint: "hint.lines", rows: 2 },
      { name: "date_from", kind: "date", label: { en: "Data from", fr: "Données du", es: "Datos desde" }, hint: "hint.date", rows: 2 },
      { name: "date_to", kind: "date", label: { en: "Data to", fr: "Données au", es: "Datos hasta" }, hint: "hint.date", rows: 2 },
      { name: "data_categories", kind: "data_categories", label: { en: "Data wanted", fr: "Données demandées", es: "Datos solicitados" }, hint: null, rows: 2 },
      { name: "preservation_requested", kind: "yes_no", label: { en: "Preservation has been requested", fr: "La conservation a été demandée", es: "Se ha solicitado la conservación" }, hint: null, rows: 2 },
      { name: "risk_of_loss", kind: "yes_no", label: { en: "The data may be lost before the request is executed", fr: "Les données risquent d'être perdues avant l'exécution", es: "Los datos pueden perderse antes de la ejecución" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "controlled_delivery",
    name: { en: "controlled delivery", fr: "livraison surveillée", es: "entrega vigilada" },
    coercive: true,
    fields: [
      { name: "consignment", kind: "long_text", label: { en: "Consignment: what, how much, how identified", fr: "Envoi : nature, quantité, identification", es: "Envío: qué, cuánto, cómo se identifica" }, hint: null, rows: 3 },
      { name: "origin", kind: "text", label: { en: "Origin", fr: "Provenance", es: "Origen" }, hint: null, rows: 2 },
      { name: "transit", kind: "long_text", label: { en: "Transit (States and places)", fr: "Transit (États et lieux)", es: "Tránsito (Estados y lugares)" }, hint: null, rows: 2 },
      { name: "destination", kind: "text", label: { en: "Destination", fr: "Destination", es: "Destino" }, hint: null, rows: 2 },
      { name: "transport", kind: "text", label: { en: "Means of transport", fr: "Moyen de transport", es: "Medio de transporte" }, hint: null, rows: 2 },
      { name: "expected_from", kind: "date", label: { en: "Expected from", fr: "Attendu à partir du", es: "Previsto desde" }, hint: "hint.date", rows: 2 },
      { name: "expected_to", kind: "date", label: { en: "Expected until", fr: "Attendu jusqu'au", es: "Previsto hasta" }, hint: "hint.date", rows: 2 },
      { name: "person_ids", kind: "person_refs", label: { en: "Persons sending, carrying or receiving it", fr: "Personnes qui l'expédient, le transportent ou le reçoivent", es: "Personas que lo envían, transportan o reciben" }, hint: null, rows: 2 },
      { name: "interception_allowed", kind: "yes_no", label: { en: "The consignment may be intercepted and allowed to continue intact", fr: "L'envoi peut être intercepté puis laissé poursuivre intact", es: "El envío puede ser interceptado y autorizado a proseguir intacto" }, hint: null, rows: 2 },
      { name: "replacement_allowed", kind: "yes_no", label: { en: "The goods may be removed or replaced in whole or in part", fr: "Les marchandises peuvent être soustraites ou remplacées en tout ou en partie", es: "Los bienes pueden ser retirados o sustituidos total o parcialmente" }, hint: null, rows: 2 },
      { name: "replacement_details", kind: "long_text", label: { en: "What would be removed or replaced, and by what", fr: "Ce qui serait soustrait ou remplacé, et par quoi", es: "Qué se retiraría o sustituiría, y por qué" }, hint: null, rows: 2 },
      { name: "surveillance", kind: "long_text", label: { en: "Surveillance and hand-over arrangements", fr: "Modalités de surveillance et de remise", es: "Modalidades de vigilancia y entrega" }, hint: null, rows: 3 },
      { name: "contact_point", kind: "text", label: { en: "Contact point reachable at any time", fr: "Point de contact joignable à tout moment", es: "Punto de contacto disponible en todo momento" }, hint: null, rows: 2 },
      { name: "agreement", kind: "long_text", label: { en: "Agreement or arrangement relied on, or case-by-case decision sought", fr: "Accord ou arrangement invoqué, ou décision au cas par cas sollicitée", es: "Acuerdo o arreglo invocado, o decisión caso por caso solicitada" }, hint: null, rows: 2 },
    ],
  },
  {
    key: "other",
    name: { en: "other assistance", fr: "autre assistance", es: "otra asistencia" },
    coercive: false,
    fields: [
      { name: "description", kind: "long_text", label: { en: "Description", fr: "Description", es: "Descripción" }, hint: null, rows: 3 },
    ],
  },
];

/** An empty measure of each type (typed against the model: a drift does not compile). */
export const EMPTY_DETAILS: { [K in MeasureDetails["type"]]: () => Extract<MeasureDetails, { type: K }> } = {
  take_statement: () => ({ type: "take_statement", person_id: "", status: "unspecified", questions: [], rights: "", officials_attend: false, oath_form: "" }),
  serve_documents: () => ({ type: "serve_documents", recipient_person_id: "", address: "", document_attachment_ids: [], appearance_date: null, proof_of_service: false }),
  search_seizure: () => ({ type: "search_seizure", premises: "", items_sought: "", grounds: "", order_attachment_id: "", chain_of_custody: "" }),
  examine_objects_sites: () => ({ type: "examine_objects_sites", object_or_site: "", location: "", examination: "" }),
  provide_information: () => ({ type: "provide_information", information_sought: "", expert_evaluation: false }),
  bank_records: () => ({ type: "bank_records", bank: "", account_asset_ids: [], holder_person_id: "", period_from: null, period_to: null, records_wanted: "", link_to_offence: "", certified_copies: false }),
  produce_records: () => ({ type: "produce_records", holder: "", records_wanted: "", certified_copies: false }),
  trace_proceeds: () => ({ type: "trace_proceeds", person_ids: [], asset_ids: [], description: "" }),
  voluntary_appearance: () => ({ type: "voluntary_appearance", person_id: "", appearance_date: null, expenses_covered: false, safe_conduct: false }),
  freeze_assets: () => ({ type: "freeze_assets", asset_ids: [], order_attachment_id: "", link_to_offence: "", owner_notification: "" }),
  confiscate_assets: () => ({ type: "confiscate_assets", asset_ids: [], order_attachment_id: "", order_final: false, link_to_offence: "", return_proposal: "" }),
  videoconference_hearing: () => ({ type: "videoconference_hearing", person_id: "", status: "unspecified", proposed_date: null, technical_contact: "", interpreter_language: "", questioning_authority: "" }),
  transfer_detained_person: () => ({ type: "transfer_detained_person", person_id: "", consent_obtained: false, custody_guarantees: "", transfer_date: null, return_date: null }),
  electronic_evidence: () => ({ type: "electronic_evidence", provider: "", account_identifiers: [], date_from: null, date_to: null, data_categories: [], preservation_requested: false, risk_of_loss: false }),
  controlled_delivery: () => ({ type: "controlled_delivery", consignment: "", origin: "", transit: "", destination: "", transport: "", expected_from: null, expected_to: null, person_ids: [], interception_allowed: false, replacement_allowed: false, replacement_details: "", surveillance: "", contact_point: "", agreement: "" }),
  other: () => ({ type: "other", description: "" }),
};
