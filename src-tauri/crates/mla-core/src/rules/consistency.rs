//! Consistency of the draft: duplicate ids, references to what the draft does not have, dates in the wrong order or past.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, mpath, num, Out};
use super::{CheckContext, RuleId};
use chrono::NaiveDate;
use std::collections::HashSet;
use crate::assistance::{DateRole, RefTarget};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "consistency.date-past"
severity = "blocker"
source = "UNCAC art. 46(15)(d); CAC/COSP/2019/7 § 89"
en.title = "Planned date already past"
en.why = "A hearing, appearance or transfer date that has passed cannot be executed; the request will be returned."
en.fix = "Set a new date far enough ahead for the requested State to act."
en.message = "Measure {n}: the planned date {date} is already past."
fr.title = "Date prévue déjà passée"
fr.why = "Une date d'audition, de comparution ou de transfèrement déjà passée ne peut être respectée ; la demande sera renvoyée."
fr.fix = "Fixez une nouvelle date, suffisamment éloignée pour que l'État requis puisse agir."
fr.message = "Mesure {n} : la date prévue ({date}) est déjà passée."
es.title = "Fecha prevista ya vencida"
es.why = "Una fecha de audiencia, comparecencia o traslado ya pasada no puede cumplirse; la solicitud será devuelta."
es.fix = "Fije una nueva fecha con antelación suficiente para que el Estado requerido pueda actuar."
es.message = "Medida {n}: la fecha prevista ({date}) ya ha pasado."

[rule.fixture]
note = "today is 2026-11-20"
fail = '''
{
  "measures": [
    {
      "id": "m-video",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the victim's representative at trial.",
      "procedure": "",
      "details": {
        "type": "videoconference_hearing",
        "person_id": "p-victim",
        "status": "victim",
        "proposed_date": "2026-10-01",
        "technical_contact": "IT desk, +230 555 0100, it@court.example",
        "interpreter_language": "fr",
        "questioning_authority": "The trial judge of the requesting State"
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-video",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the victim's representative at trial.",
      "procedure": "",
      "details": {
        "type": "videoconference_hearing",
        "person_id": "p-victim",
        "status": "victim",
        "proposed_date": "2026-12-01",
        "technical_contact": "IT desk, +230 555 0100, it@court.example",
        "interpreter_language": "fr",
        "questioning_authority": "The trial judge of the requesting State"
      }
    }
  ]
}
'''

[[rule]]
id = "consistency.duplicate-id"
severity = "blocker"
source = "UNCAC art. 46(15)(d), (e) (the assistance and the persons concerned must be identified without ambiguity)"
en.title = "Identifier used twice"
en.why = "Two entries with the same identifier make every reference to it ambiguous: the requested State cannot tell which person, asset or document is meant."
en.fix = "Give each entry its own identifier and check the references to it."
en.message = "The identifier “{id}” is used by more than one entry."
fr.title = "Identifiant utilisé deux fois"
fr.why = "Deux entrées portant le même identifiant rendent ambiguë toute référence à celui-ci : l'État requis ne peut savoir de quelle personne, de quel bien ou de quel document il s'agit."
fr.fix = "Attribuez à chaque entrée un identifiant propre et vérifiez les références."
fr.message = "L'identifiant « {id} » est utilisé par plusieurs entrées."
es.title = "Identificador duplicado"
es.why = "Dos entradas con el mismo identificador hacen ambigua cualquier referencia a él: el Estado requerido no puede saber de qué persona, bien o documento se trata."
es.fix = "Asigne a cada entrada un identificador propio y revise las referencias."
es.message = "El identificador «{id}» se utiliza en más de una entrada."

[rule.fixture]
fail = '''
{
  "assets": [
    {
      "id": "a-account",
      "kind": "bank_account",
      "description": "Current account",
      "institution": "Commercial Bank of Port Louis",
      "identifier": "MU17 BOMM 0101 1010 3030 0200 000M UR",
      "holder_person_id": "p-company",
      "location": "Port Louis",
      "estimated_value": {
        "amount": "800000.00",
        "currency": "USD"
      },
      "link_to_offence": "Received the bribe payments."
    },
    {
      "id": "a-account",
      "kind": "real_estate",
      "description": "Villa",
      "institution": "",
      "identifier": "Land register GB-4471",
      "holder_person_id": "p-suspect",
      "location": "Villa 4, Coastal Road, Grand Baie",
      "estimated_value": {
        "amount": "400000.00",
        "currency": "USD"
      },
      "link_to_offence": "Bought with bribe money on 10 June 2024."
    }
  ]
}
'''
pass = '''
{
  "assets": [
    {
      "id": "a-account",
      "kind": "bank_account",
      "description": "Current account",
      "institution": "Commercial Bank of Port Louis",
      "identifier": "MU17 BOMM 0101 1010 3030 0200 000M UR",
      "holder_person_id": "p-company",
      "location": "Port Louis",
      "estimated_value": {
        "amount": "800000.00",
        "currency": "USD"
      },
      "link_to_offence": "Received the bribe payments."
    },
    {
      "id": "a-house",
      "kind": "real_estate",
      "description": "Villa",
      "institution": "",
      "identifier": "Land register GB-4471",
      "holder_person_id": "p-suspect",
      "location": "Villa 4, Coastal Road, Grand Baie",
      "estimated_value": {
        "amount": "400000.00",
        "currency": "USD"
      },
      "link_to_offence": "Bought with bribe money on 10 June 2024."
    }
  ]
}
'''

[[rule]]
id = "consistency.period-order"
severity = "blocker"
source = "UNCAC art. 46(15)(d)"
en.title = "Period ends before it starts"
en.why = "A period whose end precedes its start cannot be executed; the provider or bank will return the request."
en.fix = "Correct the start and end dates of the period."
en.message = "Measure {n}: the period runs from {from} to {to}, which is backwards."
fr.title = "Période qui se termine avant de commencer"
fr.why = "Une période dont la fin précède le début ne peut être exécutée ; la banque ou le fournisseur renverra la demande."
fr.fix = "Corrigez les dates de début et de fin de la période."
fr.message = "Mesure {n} : la période va du {from} au {to}, ce qui est inversé."
es.title = "Período que termina antes de empezar"
es.why = "Un período cuyo fin precede a su inicio no puede ejecutarse; el banco o el proveedor devolverá la solicitud."
es.fix = "Corrija las fechas de inicio y fin del período."
es.message = "Medida {n}: el período va del {from} al {to}, lo que está invertido."

[rule.fixture]
note = "A one-day period is coherent."
fail = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [
          "a-account"
        ],
        "holder_person_id": "p-company",
        "period_from": "2025-01-01",
        "period_to": "2024-12-31",
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "The account received the payments of 15 March and 2 May 2024 from the contractor.",
        "certified_copies": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [
          "a-account"
        ],
        "holder_person_id": "p-company",
        "period_from": "2024-12-31",
        "period_to": "2024-12-31",
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "The account received the payments of 15 March and 2 May 2024 from the contractor.",
        "certified_copies": true
      }
    }
  ]
}
'''

[[rule]]
id = "consistency.transfer-return"
severity = "blocker"
source = "UNCAC art. 46(11)(b), (c); UNTOC art. 18(11)(b), (c)"
en.title = "Return before transfer"
en.why = "The person must be returned after the transfer; a return date before the transfer date makes the arrangement unworkable."
en.fix = "Correct the transfer and return dates."
en.message = "Measure {n}: the return date is before the transfer date."
fr.title = "Remise avant le transfèrement"
fr.why = "La personne doit être remise après son transfèrement ; une date de remise antérieure à celle du transfèrement rend l'arrangement impossible."
fr.fix = "Corrigez les dates de transfèrement et de remise."
fr.message = "Mesure {n} : la date de remise précède la date de transfèrement."
es.title = "Devolución anterior al traslado"
es.why = "La persona debe ser devuelta después del traslado; una fecha de devolución anterior a la de traslado hace inviable el acuerdo."
es.fix = "Corrija las fechas de traslado y de devolución."
es.message = "Medida {n}: la fecha de devolución es anterior a la de traslado."

[rule.fixture]
note = "Return on the day of transfer is coherent."
fail = '''
{
  "measures": [
    {
      "id": "m-transfer",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the detained co-accused at trial.",
      "procedure": "",
      "details": {
        "type": "transfer_detained_person",
        "person_id": "p-detainee",
        "consent_obtained": true,
        "custody_guarantees": "The person will be kept in custody and returned on the agreed date; safe conduct for prior acts.",
        "transfer_date": "2027-04-01",
        "return_date": "2027-03-01"
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-transfer",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the detained co-accused at trial.",
      "procedure": "",
      "details": {
        "type": "transfer_detained_person",
        "person_id": "p-detainee",
        "consent_obtained": true,
        "custody_guarantees": "The person will be kept in custody and returned on the agreed date; safe conduct for prior acts.",
        "transfer_date": "2027-04-01",
        "return_date": "2027-04-01"
      }
    }
  ]
}
'''

[[rule]]
id = "consistency.unknown-asset"
severity = "blocker"
source = "UNCAC art. 46(15)(d); CAC/COSP/2019/7 § 54"
en.title = "Reference to an asset that is not described"
en.why = "A measure that names an asset missing from the list of assets cannot be executed: the requested State does not know what to look for."
en.fix = "Add the asset (institution, identifier, holder, location) or correct the reference."
en.message = "The asset “{id}” is referred to but not described in the list of assets."
fr.title = "Référence à un bien non décrit"
fr.why = "Une mesure qui vise un bien absent de la liste des biens ne peut être exécutée : l'État requis ne sait pas quoi rechercher."
fr.fix = "Ajoutez le bien (établissement, identifiant, titulaire, localisation) ou corrigez la référence."
fr.message = "Le bien « {id} » est visé mais ne figure pas dans la liste des biens."
es.title = "Referencia a un bien no descrito"
es.why = "Una medida que menciona un bien que no figura en la lista de bienes no puede ejecutarse: el Estado requerido no sabe qué buscar."
es.fix = "Añada el bien (entidad, identificador, titular, ubicación) o corrija la referencia."
es.message = "Se hace referencia al bien «{id}», que no figura en la lista de bienes."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-freeze",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To secure the proceeds pending confiscation.",
      "procedure": "",
      "details": {
        "type": "freeze_assets",
        "asset_ids": [
          "a-missing"
        ],
        "order_attachment_id": "att-freeze-order",
        "link_to_offence": "The balance derives from the bribe payments.",
        "owner_notification": "The owner may be notified once the freeze is in place; the requesting State asks to be told beforehand."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-freeze",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To secure the proceeds pending confiscation.",
      "procedure": "",
      "details": {
        "type": "freeze_assets",
        "asset_ids": [
          "a-account",
          "a-house"
        ],
        "order_attachment_id": "att-freeze-order",
        "link_to_offence": "The balance derives from the bribe payments.",
        "owner_notification": "The owner may be notified once the freeze is in place; the requesting State asks to be told beforehand."
      }
    }
  ]
}
'''

[[rule]]
id = "consistency.unknown-attachment"
severity = "blocker"
source = "UNCAC art. 46(15)(d); CAC/COSP/2019/7 § 55"
en.title = "Reference to a missing annex"
en.why = "A document to serve, or an order relied on, that is not annexed leaves the requested State unable to act; missing documents are a frequent reason for delay."
en.fix = "Annex the document or correct the reference."
en.message = "The annex “{id}” is referred to but not in the list of annexes."
fr.title = "Référence à une pièce jointe absente"
fr.why = "Un acte à signifier ou une décision invoquée qui n'est pas joint empêche l'État requis d'agir ; les pièces manquantes sont une cause fréquente de retard."
fr.fix = "Joignez la pièce ou corrigez la référence."
fr.message = "La pièce « {id} » est visée mais ne figure pas dans la liste des pièces jointes."
es.title = "Referencia a un anexo que falta"
es.why = "Un documento que debe notificarse, o una resolución invocada, que no se adjunta impide actuar al Estado requerido; la falta de documentos es causa frecuente de demora."
es.fix = "Adjunte el documento o corrija la referencia."
es.message = "Se hace referencia al anexo «{id}», que no figura en la lista de anexos."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-service",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To summon the witness to the trial hearing.",
      "procedure": "",
      "details": {
        "type": "serve_documents",
        "recipient_person_id": "p-2",
        "address": "14 Harbour Road, Port Louis",
        "document_attachment_ids": [
          "att-missing"
        ],
        "appearance_date": "2027-03-01",
        "proof_of_service": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-service",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To summon the witness to the trial hearing.",
      "procedure": "",
      "details": {
        "type": "serve_documents",
        "recipient_person_id": "p-2",
        "address": "14 Harbour Road, Port Louis",
        "document_attachment_ids": [
          "att-summons",
          "att-search-order"
        ],
        "appearance_date": "2027-03-01",
        "proof_of_service": true
      }
    }
  ]
}
'''

[[rule]]
id = "consistency.unknown-offence"
severity = "blocker"
source = "UNCAC art. 46(15)(b), (f)"
en.title = "Reference to an offence that is not described"
en.why = "Each measure must be tied to an offence the request describes; otherwise its purpose cannot be assessed."
en.fix = "Add the offence or correct the reference."
en.message = "The offence “{id}” is referred to but not in the list of offences."
fr.title = "Référence à une infraction non décrite"
fr.why = "Chaque mesure doit se rattacher à une infraction décrite dans la demande ; à défaut, sa finalité ne peut être appréciée."
fr.fix = "Ajoutez l'infraction ou corrigez la référence."
fr.message = "L'infraction « {id} » est visée mais ne figure pas dans la liste des infractions."
es.title = "Referencia a un delito no descrito"
es.why = "Cada medida debe vincularse a un delito descrito en la solicitud; de lo contrario no puede valorarse su finalidad."
es.fix = "Añada el delito o corrija la referencia."
es.message = "Se hace referencia al delito «{id}», que no figura en la lista de delitos."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-statement",
      "offence_ids": [
        "off-9"
      ],
      "purpose": "To establish who negotiated the consultancy contract and the payments made under it.",
      "procedure": "The witness should be heard in the presence of an official of the requesting State, who may put supplementary questions.",
      "details": {
        "type": "take_statement",
        "person_id": "p-2",
        "status": "witness",
        "questions": [
          "When and by whom were you asked to sign the consultancy contract with Meridian Trading Ltd?",
          "Who instructed the payments of 15 March and 2 May 2024?"
        ],
        "rights": "",
        "officials_attend": true,
        "oath_form": "Affirmation to tell the truth"
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-statement",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To establish who negotiated the consultancy contract and the payments made under it.",
      "procedure": "The witness should be heard in the presence of an official of the requesting State, who may put supplementary questions.",
      "details": {
        "type": "take_statement",
        "person_id": "p-2",
        "status": "witness",
        "questions": [
          "When and by whom were you asked to sign the consultancy contract with Meridian Trading Ltd?",
          "Who instructed the payments of 15 March and 2 May 2024?"
        ],
        "rights": "",
        "officials_attend": true,
        "oath_form": "Affirmation to tell the truth"
      }
    }
  ]
}
'''

[[rule]]
id = "consistency.unknown-person"
severity = "blocker"
source = "UNCAC art. 46(15)(e); CAC/COSP/2019/7 § 55"
en.title = "Reference to a person who is not described"
en.why = "A measure that names a person missing from the list of persons cannot be executed: the requested State cannot identify or locate them."
en.fix = "Add the person (name, date of birth, nationality, address) or correct the reference."
en.message = "The person “{id}” is referred to but not in the list of persons."
fr.title = "Référence à une personne non décrite"
fr.why = "Une mesure qui vise une personne absente de la liste des personnes ne peut être exécutée : l'État requis ne peut l'identifier ni la localiser."
fr.fix = "Ajoutez la personne (nom, date de naissance, nationalité, adresse) ou corrigez la référence."
fr.message = "La personne « {id} » est visée mais ne figure pas dans la liste des personnes."
es.title = "Referencia a una persona no descrita"
es.why = "Una medida que menciona a una persona que no figura en la lista de personas no puede ejecutarse: el Estado requerido no puede identificarla ni localizarla."
es.fix = "Añada a la persona (nombre, fecha de nacimiento, nacionalidad, domicilio) o corrija la referencia."
es.message = "Se hace referencia a la persona «{id}», que no figura en la lista de personas."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-statement",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To establish who negotiated the consultancy contract and the payments made under it.",
      "procedure": "The witness should be heard in the presence of an official of the requesting State, who may put supplementary questions.",
      "details": {
        "type": "take_statement",
        "person_id": "p-9",
        "status": "witness",
        "questions": [
          "When and by whom were you asked to sign the consultancy contract with Meridian Trading Ltd?",
          "Who instructed the payments of 15 March and 2 May 2024?"
        ],
        "rights": "",
        "officials_attend": true,
        "oath_form": "Affirmation to tell the truth"
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-statement",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To establish who negotiated the consultancy contract and the payments made under it.",
      "procedure": "The witness should be heard in the presence of an official of the requesting State, who may put supplementary questions.",
      "details": {
        "type": "take_statement",
        "person_id": "p-suspect",
        "status": "suspect",
        "questions": [
          "When and by whom were you asked to sign the consultancy contract with Meridian Trading Ltd?",
          "Who instructed the payments of 15 March and 2 May 2024?"
        ],
        "rights": "The right to remain silent and to a lawyer",
        "officials_attend": true,
        "oath_form": "Affirmation to tell the truth"
      }
    }
  ]
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    consistency(r, ctx, out);
}

fn consistency(r: &Request, ctx: &CheckContext, out: &mut Out) {
    duplicate_ids(r, out);
    unknown_references(r, out);
    inconsistent_dates(r, ctx, out);
}

/// Duplicate ids: a reference to a duplicated id is ambiguous.
fn duplicate_ids(r: &Request, out: &mut Out) {
    let groups: [(&str, Vec<&str>); 5] = [
        ("persons", r.persons.iter().map(|p| p.id.as_str()).collect()),
        ("assets", r.assets.iter().map(|a| a.id.as_str()).collect()),
        (
            "attachments",
            r.attachments.iter().map(|a| a.id.as_str()).collect(),
        ),
        (
            "offences",
            r.offences.iter().map(|o| o.id.as_str()).collect(),
        ),
        (
            "measures",
            r.measures.iter().map(|m| m.id.as_str()).collect(),
        ),
    ];
    for (list, ids) in groups.iter() {
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            if !blank(id) && !seen.insert(*id) {
                out.hit_with(
                    RuleId::ConsistencyDuplicateId,
                    format!("{list}[{i}].id"),
                    vec![("id", id.to_string())],
                );
            }
        }
    }
}

/// References to a person, asset, attachment or offence the draft does not have: the
/// measures' in order, then the assets' holders.
fn unknown_references(r: &Request, out: &mut Out) {
    let persons: HashSet<&str> = r.persons.iter().map(|p| p.id.as_str()).collect();
    let assets: HashSet<&str> = r.assets.iter().map(|a| a.id.as_str()).collect();
    let attachments: HashSet<&str> = r.attachments.iter().map(|a| a.id.as_str()).collect();
    let offences: HashSet<&str> = r.offences.iter().map(|o| o.id.as_str()).collect();

    let mut unknown = |rule: RuleId, set: &HashSet<&str>, id: &str, path: String| {
        if !blank(id) && !set.contains(id) {
            out.hit_with(rule, path, vec![("id", id.to_owned())]);
        }
    };
    for (i, m) in r.measures.iter().enumerate() {
        for (k, id) in m.offence_ids.iter().enumerate() {
            unknown(
                RuleId::ConsistencyUnknownOffence,
                &offences,
                id,
                format!("measures[{i}].offence_ids[{k}]"),
            );
        }
        measure_references(i, m, &persons, &assets, &attachments, &mut unknown);
    }
    for (k, a) in r.assets.iter().enumerate() {
        unknown(
            RuleId::ConsistencyUnknownPerson,
            &persons,
            &a.holder_person_id,
            format!("assets[{k}].holder_person_id"),
        );
    }
}

/// The references a measure's details make to persons, assets and attachments.
fn measure_references(
    i: usize,
    m: &Measure,
    persons: &HashSet<&str>,
    assets: &HashSet<&str>,
    attachments: &HashSet<&str>,
    unknown: &mut impl FnMut(RuleId, &HashSet<&str>, &str, String),
) {
    for reference in m.details.references() {
        let (id, path) = (reference.id, mpath(i, &reference.path));
        match reference.target {
            RefTarget::Person => unknown(RuleId::ConsistencyUnknownPerson, persons, id, path),
            RefTarget::Asset => unknown(RuleId::ConsistencyUnknownAsset, assets, id, path),
            RefTarget::Attachment => {
                unknown(RuleId::ConsistencyUnknownAttachment, attachments, id, path)
            }
        }
    }
}

/// Periods that end before they start, returns before transfers, and planned dates
/// already past.
fn inconsistent_dates(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let period =
        |out: &mut Out, i: usize, from: Option<NaiveDate>, to: Option<NaiveDate>, f: &str| {
            if let (Some(from), Some(to)) = (from, to) {
                if from > to {
                    out.hit_with(
                        RuleId::ConsistencyPeriodOrder,
                        mpath(i, f),
                        vec![num(i), ("from", from.to_string()), ("to", to.to_string())],
                    );
                }
            }
        };
    for (i, m) in r.measures.iter().enumerate() {
        let dates = m.details.dates();
        let with_role = |role: DateRole| dates.iter().find(|(_, r, _)| *r == role);
        if let (Some((_, _, from)), Some((to_field, _, to))) = (
            with_role(DateRole::PeriodFrom),
            with_role(DateRole::PeriodTo),
        ) {
            period(out, i, *from, *to, to_field);
        }
        if let (Some((_, _, Some(t))), Some((back_field, _, Some(back)))) =
            (with_role(DateRole::Transfer), with_role(DateRole::Return))
        {
            if back < t {
                out.hit_with(
                    RuleId::ConsistencyTransferReturn,
                    mpath(i, back_field),
                    vec![num(i)],
                );
            }
        }
        for (field, role, date) in &dates {
            if let (true, Some(date)) = (role.planned(), date) {
                if *date < ctx.today {
                    out.hit_with(
                        RuleId::ConsistencyDatePast,
                        mpath(i, field),
                        vec![num(i), ("date", date.to_string())],
                    );
                }
            }
        }
    }
}
