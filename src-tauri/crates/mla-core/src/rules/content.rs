//! The contents UNCAC art. 46(15) / UNTOC art. 18(15) require of every request.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, Out};
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "content.assistance-sought"
severity = "blocker"
source = "UNCAC art. 46(15)(d); UNTOC art. 18(15)(d)"
en.title = "No assistance requested"
en.why = "A request must describe the assistance sought; without any measure there is nothing to execute."
en.fix = "Add at least one measure (statement, search, bank records, service, ...)."
en.message = "The request asks for no measure of assistance."
fr.title = "Aucune mesure d'entraide demandée"
fr.why = "La demande doit décrire l'assistance requise ; sans aucune mesure, il n'y a rien à exécuter."
fr.fix = "Ajoutez au moins une mesure (audition, perquisition, documents bancaires, signification…)."
fr.message = "La demande ne sollicite aucune mesure d'entraide."
es.title = "No se solicita asistencia alguna"
es.why = "La solicitud debe describir la asistencia solicitada; sin ninguna medida no hay nada que ejecutar."
es.fix = "Añada al menos una medida (declaración, registro, documentación bancaria, notificación...)."
es.message = "La solicitud no pide ninguna medida de asistencia."

[rule.fixture]
fail = '''
{
  "measures": []
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-other",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To learn whether the suspect has left the country.",
      "procedure": "",
      "details": {
        "type": "other",
        "description": "Border-crossing records of the suspect since January 2024"
      }
    }
  ]
}
'''

[[rule]]
id = "content.conducting-authority"
severity = "blocker"
source = "UNCAC art. 46(15)(b); UNTOC art. 18(15)(b)"
en.title = "Conducting authority not identified"
en.why = "The Conventions require the name and functions of the authority conducting the investigation, prosecution or proceeding; the requested State checks it is a judicial or competent authority."
en.fix = "Give the name of the authority conducting the proceedings and its functions (e.g. investigating judge, public prosecutor)."
en.message = "The name or the functions of the authority conducting the proceedings are missing."
fr.title = "Autorité chargée de la procédure non identifiée"
fr.why = "Les Conventions exigent le nom et les fonctions de l'autorité chargée de l'enquête, des poursuites ou de la procédure ; l'État requis vérifie qu'il s'agit d'une autorité judiciaire ou compétente."
fr.fix = "Indiquez le nom de l'autorité chargée de la procédure et ses fonctions (juge d'instruction, procureur…)."
fr.message = "Le nom ou les fonctions de l'autorité chargée de la procédure font défaut."
es.title = "No se identifica la autoridad encargada del proceso"
es.why = "Las Convenciones exigen el nombre y las funciones de la autoridad encargada de la investigación, el proceso o las actuaciones; el Estado requerido comprueba que se trata de una autoridad judicial o competente."
es.fix = "Indique el nombre de la autoridad encargada del proceso y sus funciones (juez de instrucción, fiscal...)."
es.message = "Falta el nombre o las funciones de la autoridad encargada del proceso."

[rule.fixture]
fail = '''
{
  "case": {
    "conducting_authority": {
      "functions": ""
    }
  }
}
'''
pass = '''
{
  "case": {
    "case_number": ""
  }
}
'''

[[rule]]
id = "content.facts-detail"
severity = "warning"
source = "UNCAC art. 46(15)(c); CAC/COSP/2019/7 §§ 54, 90, 96"
en.title = "Summary of facts too thin"
en.why = "Requested States report incomplete or unclear facts as a main cause of delay: the facts must show what was done, when, by whom, and how it links to the evidence or assets sought."
en.fix = "Expand the summary: who did what, when and where, the amounts involved, and how each measure connects to these facts."
en.message = "The summary of facts has fewer than {min} characters; it is unlikely to show the link between the offence and the assistance sought."
fr.title = "Exposé des faits trop succinct"
fr.why = "Les États requis citent le caractère incomplet ou peu clair des faits comme une cause majeure de retard : les faits doivent montrer ce qui a été commis, quand, par qui, et le lien avec les preuves ou les avoirs recherchés."
fr.fix = "Développez l'exposé : qui a fait quoi, quand et où, les montants en cause, et le lien entre chaque mesure et ces faits."
fr.message = "L'exposé des faits compte moins de {min} caractères ; il montre difficilement le lien entre l'infraction et l'assistance demandée."
es.title = "Resumen de los hechos insuficiente"
es.why = "Los Estados requeridos señalan los hechos incompletos o poco claros como causa principal de demora: deben mostrar qué se hizo, cuándo, quién, y su relación con las pruebas o bienes buscados."
es.fix = "Amplíe el resumen: quién hizo qué, cuándo y dónde, los importes en juego y la relación de cada medida con esos hechos."
es.message = "El resumen de los hechos tiene menos de {min} caracteres; difícilmente muestra la relación entre el delito y la asistencia solicitada."

[rule.fixture]
note = "Service of documents needs no summary of facts (46(15)(c))."
fail = '''
{
  "facts": "Bribes were paid to the Deputy Minister."
}
'''
pass = '''
{
  "facts": "Bribes were paid to the Deputy Minister.",
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
          "att-summons"
        ],
        "appearance_date": "2027-03-01",
        "proof_of_service": true
      }
    }
  ]
}
'''

[[rule]]
id = "content.facts-summary"
severity = "blocker"
source = "UNCAC art. 46(15)(c); UNTOC art. 18(15)(c)"
en.title = "No summary of the facts"
en.why = "A summary of the relevant facts is required for every request except one for service of judicial documents; without it the requested State cannot assess the request."
en.fix = "Write a summary of the relevant facts."
en.message = "The request has no summary of the facts, and it seeks more than service of documents."
fr.title = "Aucun exposé des faits"
fr.why = "Un résumé des faits pertinents est exigé pour toute demande, sauf pour la signification d'actes judiciaires ; sans lui, l'État requis ne peut apprécier la demande."
fr.fix = "Rédigez un résumé des faits pertinents."
fr.message = "La demande ne comporte aucun exposé des faits, alors qu'elle ne se limite pas à la signification d'actes."
es.title = "Falta el resumen de los hechos"
es.why = "Se exige un resumen de los hechos pertinentes en toda solicitud, salvo la de notificación de documentos judiciales; sin él, el Estado requerido no puede valorar la solicitud."
es.fix = "Redacte un resumen de los hechos pertinentes."
es.message = "La solicitud no contiene resumen de los hechos, y no se limita a la notificación de documentos."

[rule.fixture]
note = "Service of documents needs no summary of facts (46(15)(c))."
fail = '''
{
  "facts": ""
}
'''
pass = '''
{
  "facts": "",
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
          "att-summons"
        ],
        "appearance_date": "2027-03-01",
        "proof_of_service": true
      }
    }
  ]
}
'''

[[rule]]
id = "content.nexus"
severity = "warning"
source = "CAC/COSP/2019/7 §§ 54, 58, 85"
en.title = "Link between the assistance and the offence not explained"
en.why = "Requested States return requests that do not show why the evidence or assets sought relate to the offence, especially for bank records, freezing and confiscation."
en.fix = "Explain how each piece of evidence or asset sought is connected to the offence and the facts."
en.message = "Neither the request nor its measures explain how the assistance sought is linked to the offence."
fr.title = "Lien entre l'assistance et l'infraction non expliqué"
fr.why = "Les États requis renvoient les demandes qui ne montrent pas en quoi les preuves ou les avoirs recherchés se rattachent à l'infraction, notamment pour les documents bancaires, le gel et la confiscation."
fr.fix = "Expliquez le lien entre chaque preuve ou bien recherché, l'infraction et les faits."
fr.message = "Ni la demande ni ses mesures n'expliquent le lien entre l'assistance demandée et l'infraction."
es.title = "No se explica la relación entre la asistencia y el delito"
es.why = "Los Estados requeridos devuelven las solicitudes que no muestran por qué las pruebas o los bienes buscados guardan relación con el delito, en especial para documentación bancaria, embargo preventivo y decomiso."
es.fix = "Explique la relación entre cada prueba o bien buscado, el delito y los hechos."
es.message = "Ni la solicitud ni sus medidas explican la relación entre la asistencia solicitada y el delito."

[rule.fixture]
note = "Service needs no link to evidence; a search does."
fail = '''
{
  "nexus": "",
  "measures": [
    {
      "id": "m-search",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "",
      "procedure": "Seized items should be sealed and an inventory signed by the officers present.",
      "details": {
        "type": "search_seizure",
        "premises": "Offices of Meridian Trading Ltd, 3rd floor, 22 Royal Street, Port Louis, including archives in the basement",
        "items_sought": "Invoices, contracts and correspondence with the Ministry of Public Works for 2023-2024; computers and storage media holding them",
        "grounds": "The company received 1.2 million USD from the contractor (see bank statements in annex) and kept the consultancy contract at its offices, according to the witness statement of 5 June 2025.",
        "order_attachment_id": "att-search-order",
        "chain_of_custody": "Sealed bags, inventory signed by the officers"
      }
    }
  ]
}
'''
pass = '''
{
  "nexus": "",
  "measures": [
    {
      "id": "m-service",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "",
      "procedure": "",
      "details": {
        "type": "serve_documents",
        "recipient_person_id": "p-2",
        "address": "14 Harbour Road, Port Louis",
        "document_attachment_ids": [
          "att-summons"
        ],
        "appearance_date": "2027-03-01",
        "proof_of_service": true
      }
    }
  ]
}
'''

[[rule]]
id = "content.proceeding-nature"
severity = "warning"
source = "UNCAC art. 46(15)(b); CAC/COSP/2019/7 §§ 57, 99"
en.title = "Nature of the proceedings not stated"
en.why = "The requested State must know whether it assists an investigation, a prosecution or judicial proceedings; some central authorities cannot act in civil or administrative matters."
en.fix = "State the nature of the proceedings."
en.message = "The nature of the proceedings (investigation, prosecution, judicial proceedings) is not stated."
fr.title = "Nature de la procédure non précisée"
fr.why = "L'État requis doit savoir s'il s'agit d'une enquête, de poursuites ou d'une procédure judiciaire ; certaines autorités centrales ne peuvent agir en matière civile ou administrative."
fr.fix = "Précisez la nature de la procédure."
fr.message = "La nature de la procédure (enquête, poursuites, procédure judiciaire) n'est pas précisée."
es.title = "No se indica la naturaleza del proceso"
es.why = "El Estado requerido debe saber si se trata de una investigación, un proceso penal o actuaciones judiciales; algunas autoridades centrales no pueden actuar en asuntos civiles o administrativos."
es.fix = "Indique la naturaleza del proceso."
es.message = "No se indica la naturaleza del proceso (investigación, enjuiciamiento, actuaciones judiciales)."

[rule.fixture]
fail = '''
{
  "case": {
    "nature": "unspecified"
  }
}
'''
pass = '''
{
  "case": {
    "nature": "investigation"
  }
}
'''

[[rule]]
id = "content.purpose"
severity = "blocker"
source = "UNCAC art. 46(15)(f); UNTOC art. 18(15)(f)"
en.title = "Purpose not stated"
en.why = "The Conventions require the purpose for which the evidence, information or action is sought; it also defines the use the requesting State may make of it."
en.fix = "State what the evidence or action is for in the proceedings."
en.message = "The request does not state the purpose for which the assistance is sought."
fr.title = "Finalité non indiquée"
fr.why = "Les Conventions exigent l'indication des fins pour lesquelles les éléments de preuve, informations ou mesures sont demandés ; elles délimitent aussi l'usage qui pourra en être fait."
fr.fix = "Indiquez à quoi serviront les preuves ou la mesure dans la procédure."
fr.message = "La demande n'indique pas les fins pour lesquelles l'assistance est sollicitée."
es.title = "No se indica la finalidad"
es.why = "Las Convenciones exigen indicar la finalidad para la que se solicitan las pruebas, la información o las actuaciones; también delimita el uso que podrá hacerse de ellas."
es.fix = "Indique para qué servirán las pruebas o la actuación en el proceso."
es.message = "La solicitud no indica la finalidad de la asistencia solicitada."

[rule.fixture]
note = "A purpose stated per measure is enough."
fail = '''
{
  "purpose": "",
  "measures": [
    {
      "id": "m-search",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "",
      "procedure": "Seized items should be sealed and an inventory signed by the officers present.",
      "details": {
        "type": "search_seizure",
        "premises": "Offices of Meridian Trading Ltd, 3rd floor, 22 Royal Street, Port Louis, including archives in the basement",
        "items_sought": "Invoices, contracts and correspondence with the Ministry of Public Works for 2023-2024; computers and storage media holding them",
        "grounds": "The company received 1.2 million USD from the contractor (see bank statements in annex) and kept the consultancy contract at its offices, according to the witness statement of 5 June 2025.",
        "order_attachment_id": "att-search-order",
        "chain_of_custody": "Sealed bags, inventory signed by the officers"
      }
    }
  ]
}
'''
pass = '''
{
  "purpose": "",
  "measures": [
    {
      "id": "m-search",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To seize the accounting records of Meridian Trading Ltd.",
      "procedure": "Seized items should be sealed and an inventory signed by the officers present.",
      "details": {
        "type": "search_seizure",
        "premises": "Offices of Meridian Trading Ltd, 3rd floor, 22 Royal Street, Port Louis, including archives in the basement",
        "items_sought": "Invoices, contracts and correspondence with the Ministry of Public Works for 2023-2024; computers and storage media holding them",
        "grounds": "The company received 1.2 million USD from the contractor (see bank statements in annex) and kept the consultancy contract at its offices, according to the witness statement of 5 June 2025.",
        "order_attachment_id": "att-search-order",
        "chain_of_custody": "Sealed bags, inventory signed by the officers"
      }
    }
  ]
}
'''

[[rule]]
id = "content.requesting-authority"
severity = "blocker"
source = "UNCAC art. 46(15)(a); UNTOC art. 18(15)(a)"
en.title = "Requesting authority not identified"
en.why = "The identity of the authority making the request is required; the requested State checks it is competent to ask."
en.fix = "Give the name of the requesting authority."
en.message = "The authority making the request is not named."
fr.title = "Autorité requérante non identifiée"
fr.why = "La désignation de l'autorité dont émane la demande est exigée ; l'État requis vérifie qu'elle est compétente pour la présenter."
fr.fix = "Indiquez le nom de l'autorité requérante."
fr.message = "L'autorité dont émane la demande n'est pas désignée."
es.title = "No se identifica la autoridad requirente"
es.why = "Se exige la identidad de la autoridad que hace la solicitud; el Estado requerido comprueba que es competente para presentarla."
es.fix = "Indique el nombre de la autoridad requirente."
es.message = "No se indica la autoridad que presenta la solicitud."

[rule.fixture]
fail = '''
{
  "requesting_authority": {
    "name": ""
  }
}
'''
pass = '''
{
  "requesting_authority": {
    "address": ""
  }
}
'''

[[rule]]
id = "content.subject-matter"
severity = "blocker"
source = "UNCAC art. 46(15)(b); UNTOC art. 18(15)(b)"
en.title = "Subject matter of the proceedings not stated"
en.why = "The Conventions require the subject matter and nature of the investigation, prosecution or proceeding to which the request relates."
en.fix = "Describe in one or two sentences what the proceedings are about."
en.message = "The subject matter of the proceedings is not stated."
fr.title = "Objet de la procédure non indiqué"
fr.why = "Les Conventions exigent l'objet et la nature de l'enquête, des poursuites ou de la procédure auxquelles se rapporte la demande."
fr.fix = "Décrivez en une ou deux phrases l'objet de la procédure."
fr.message = "L'objet de la procédure n'est pas indiqué."
es.title = "No se indica el objeto del proceso"
es.why = "Las Convenciones exigen el objeto y la naturaleza de la investigación, el proceso o las actuaciones a que se refiere la solicitud."
es.fix = "Describa en una o dos frases el objeto del proceso."
es.message = "No se indica el objeto del proceso."

[rule.fixture]
fail = '''
{
  "case": {
    "subject": "  "
  }
}
'''
pass = '''
{
  "case": {
    "case_number": ""
  }
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    content(r, ctx, out);
}

fn content(r: &Request, ctx: &CheckContext, out: &mut Out) {
    if blank(&r.requesting_authority.name) {
        out.hit(RuleId::ContentRequestingAuthority, "requesting_authority.name");
    }
    if blank(&r.case.subject) {
        out.hit(RuleId::ContentSubjectMatter, "case.subject");
    }
    if r.case.nature == ProceedingNature::Unspecified {
        out.hit(RuleId::ContentProceedingNature, "case.nature");
    }
    let ca = &r.case.conducting_authority;
    if blank(&ca.name) {
        out.hit(
            RuleId::ContentConductingAuthority,
            "case.conducting_authority.name",
        );
    } else if blank(&ca.functions) {
        out.hit(
            RuleId::ContentConductingAuthority,
            "case.conducting_authority.functions",
        );
    }
    // 46(15)(c): no summary of facts is needed when the request only seeks service.
    let only_service = !r.measures.is_empty()
        && r.measures
            .iter()
            .all(|m| matches!(m.details, MeasureDetails::ServeDocuments(_)));
    if blank(&r.facts) {
        if !only_service {
            out.hit(RuleId::ContentFactsSummary, "facts");
        }
    } else if !only_service && r.facts.trim().chars().count() < ctx.settings.facts_min_chars {
        out.hit_with(
            RuleId::ContentFactsDetail,
            "facts",
            vec![("min", ctx.settings.facts_min_chars.to_string())],
        );
    }
    if r.measures.is_empty() {
        out.hit(RuleId::ContentAssistanceSought, "measures");
    }
    if blank(&r.purpose) && !r.measures.iter().any(|m| !blank(&m.purpose)) {
        out.hit(RuleId::ContentPurpose, "purpose");
    }
    let needs_link = r.measures.iter().any(|m| {
        !matches!(
            m.details,
            MeasureDetails::ServeDocuments(_) | MeasureDetails::Other(_)
        )
    });
    if needs_link && blank(&r.nexus) && !r.measures.iter().any(|m| !blank(&m.purpose)) {
        out.hit(RuleId::ContentNexus, "nexus");
    }
}
