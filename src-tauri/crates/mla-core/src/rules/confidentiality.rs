//! Confidentiality and speciality: covert cases, reasons for confidentiality, the use of the evidence.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, Out};
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "confidentiality.covert"
severity = "warning"
source = "UNCAC art. 46(20); UNTOC art. 18(20); CAC/COSP/2019/7 § 101"
en.title = "Covert investigation without a confidentiality request"
en.why = "Unless asked to keep the request confidential, the requested State may notify the persons concerned (an account holder, a company), which can alert the suspect and destroy the investigation."
en.fix = "Ask for confidentiality, say why, and ask to be told at once if it cannot be kept."
en.message = "The investigation is covert, but the request does not ask for confidentiality."
fr.title = "Enquête discrète sans demande de confidentialité"
fr.why = "Faute de demande de confidentialité, l'État requis peut informer les personnes concernées (titulaire d'un compte, société), ce qui peut alerter le suspect et compromettre l'enquête."
fr.fix = "Demandez la confidentialité, indiquez pourquoi, et demandez à être avisé sans délai si elle ne peut être respectée."
fr.message = "L'enquête est menée à l'insu du suspect, mais la demande ne sollicite pas la confidentialité."
es.title = "Investigación reservada sin solicitud de confidencialidad"
es.why = "Si no se pide que la solicitud se mantenga reservada, el Estado requerido puede notificar a las personas afectadas (titular de una cuenta, una empresa), lo que puede alertar al sospechoso y frustrar la investigación."
es.fix = "Solicite la confidencialidad, explique por qué y pida que se le informe sin demora si no puede mantenerse."
es.message = "La investigación es reservada, pero la solicitud no pide confidencialidad."

[rule.fixture]
note = "An overt investigation needs no confidentiality request."
fail = '''
{
  "confidentiality": {
    "required": false,
    "reason": ""
  }
}
'''
pass = '''
{
  "confidentiality": {
    "required": false,
    "reason": ""
  },
  "case": {
    "covert": false
  }
}
'''

[[rule]]
id = "confidentiality.reasons"
severity = "advice"
source = "UNCAC art. 46(20); UNTOC art. 18(20)"
en.title = "Confidentiality asked without reasons"
en.why = "A reasoned request for confidentiality is easier to honour and helps the requested State decide what it may disclose under its own law."
en.fix = "Explain why confidentiality is needed (e.g. risk of flight, of destruction of evidence, of asset dissipation)."
en.message = "Confidentiality is requested without any reason."
fr.title = "Confidentialité demandée sans motif"
fr.why = "Une demande de confidentialité motivée est plus facile à respecter et aide l'État requis à déterminer ce qu'il peut divulguer en vertu de son droit."
fr.fix = "Expliquez pourquoi la confidentialité est nécessaire (risque de fuite, de destruction de preuves, de dissipation des avoirs)."
fr.message = "La confidentialité est demandée sans motif."
es.title = "Confidencialidad solicitada sin motivos"
es.why = "Una solicitud de confidencialidad motivada es más fácil de respetar y ayuda al Estado requerido a decidir qué puede revelar conforme a su derecho."
es.fix = "Explique por qué es necesaria la confidencialidad (riesgo de fuga, de destrucción de pruebas, de dispersión de bienes)."
es.message = "Se solicita confidencialidad sin indicar motivos."

[rule.fixture]
fail = '''
{
  "confidentiality": {
    "reason": ""
  }
}
'''
pass = '''
{
  "confidentiality": {
    "required": false,
    "reason": ""
  },
  "case": {
    "covert": false
  }
}
'''

[[rule]]
id = "confidentiality.speciality"
severity = "advice"
source = "UNCAC art. 46(19); UNTOC art. 18(19)"
en.title = "No undertaking on the use of the evidence"
en.why = "The requesting State may not use the information or evidence for other proceedings without the requested State's prior consent; saying so in the request reassures the requested State."
en.fix = "State that the evidence will be used only for the proceedings described, unless the requested State consents otherwise (tick the speciality assurance)."
en.message = "The request gives no undertaking to use the evidence only for the proceedings described."
fr.title = "Aucun engagement sur l'utilisation des preuves"
fr.why = "L'État requérant ne peut utiliser les informations ou éléments de preuve pour d'autres procédures sans le consentement préalable de l'État requis ; le rappeler dans la demande rassure l'État requis."
fr.fix = "Indiquez que les preuves ne serviront qu'à la procédure décrite, sauf consentement de l'État requis (cochez l'assurance de spécialité)."
fr.message = "La demande ne comporte aucun engagement de n'utiliser les preuves que pour la procédure décrite."
es.title = "Sin compromiso sobre el uso de las pruebas"
es.why = "El Estado requirente no puede utilizar la información o las pruebas en otros procesos sin el consentimiento previo del Estado requerido; indicarlo en la solicitud da garantías al Estado requerido."
es.fix = "Indique que las pruebas se utilizarán solo en el proceso descrito, salvo consentimiento del Estado requerido (marque la garantía de especialidad)."
es.message = "La solicitud no incluye el compromiso de utilizar las pruebas solo en el proceso descrito."

[rule.fixture]
fail = '''
{
  "assurances": {
    "speciality": false
  }
}
'''
pass = '''
{
  "assurances": {
    "reciprocity": false
  }
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let _ = ctx;
    confidentiality(r, out);
}

fn confidentiality(r: &Request, out: &mut Out) {
    if r.case.covert && !r.confidentiality.required {
        out.hit(RuleId::ConfidentialityCovert, "confidentiality.required");
    }
    if r.confidentiality.required && blank(&r.confidentiality.reason) {
        out.hit(RuleId::ConfidentialityReasons, "confidentiality.reason");
    }
    if !r.measures.is_empty() && !r.assurances.speciality {
        out.hit(RuleId::ConfidentialitySpeciality, "assurances.speciality");
    }
}
