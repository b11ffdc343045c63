//! The officer the requested State can contact (name, email, phone).
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, Out};
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "contact.officer-email"
severity = "warning"
source = "CAC/COSP/2019/7 §§ 55, 81, 101"
en.title = "No e-mail address for follow-up"
en.why = "Requested States report that they cannot follow up requests without a direct contact; Saudi Arabia asks for e-mail and telephone in particular."
en.fix = "Give the e-mail address of the officer in charge."
en.message = "The officer in charge has no e-mail address."
fr.title = "Aucune adresse électronique pour le suivi"
fr.why = "Les États requis indiquent ne pas pouvoir assurer le suivi des demandes faute de contact direct ; l'Arabie saoudite demande notamment une adresse électronique et des numéros de téléphone."
fr.fix = "Indiquez l'adresse électronique du responsable du dossier."
fr.message = "Le responsable du dossier n'a pas d'adresse électronique."
es.title = "Falta un correo electrónico para el seguimiento"
es.why = "Los Estados requeridos señalan que no pueden dar seguimiento a las solicitudes sin un contacto directo; Arabia Saudita pide en particular correo electrónico y teléfono."
es.fix = "Indique el correo electrónico del funcionario a cargo."
es.message = "El funcionario a cargo no tiene correo electrónico."

[rule.fixture]
fail = '''
{
  "requesting_authority": {
    "officer": {
      "email": ""
    }
  }
}
'''
pass = '''
{
  "requesting_authority": {
    "officer": {
      "phone": ""
    }
  }
}
'''

[[rule]]
id = "contact.officer-name"
severity = "warning"
source = "CAC/COSP/2019/7 §§ 55, 81"
en.title = "No officer in charge named"
en.why = "The requested State needs a person to ask when it has a question; without one, queries go unanswered and the request stalls."
en.fix = "Name the officer in charge and their function."
en.message = "No officer in charge of the request is named."
fr.title = "Aucun responsable du dossier désigné"
fr.why = "L'État requis a besoin d'un interlocuteur pour ses questions ; à défaut, elles restent sans réponse et la demande n'avance plus."
fr.fix = "Indiquez le nom et la fonction du responsable du dossier."
fr.message = "Aucun responsable de la demande n'est désigné."
es.title = "No se designa al funcionario a cargo"
es.why = "El Estado requerido necesita un interlocutor para sus preguntas; sin él, las consultas quedan sin respuesta y la solicitud se paraliza."
es.fix = "Indique el nombre y el cargo del funcionario a cargo."
es.message = "No se designa a ningún funcionario a cargo de la solicitud."

[rule.fixture]
fail = '''
{
  "requesting_authority": {
    "officer": {
      "name": ""
    }
  }
}
'''
pass = '''
{
  "requesting_authority": {
    "officer": {
      "function": ""
    }
  }
}
'''

[[rule]]
id = "contact.officer-phone"
severity = "warning"
source = "CAC/COSP/2019/7 §§ 55, 101"
en.title = "No telephone number for follow-up"
en.why = "Urgent questions are settled by telephone between authorities; Saudi Arabia asks for e-mail and telephone in particular."
en.fix = "Give a telephone number of the officer in charge, with the country code."
en.message = "The officer in charge has no telephone number."
fr.title = "Aucun numéro de téléphone pour le suivi"
fr.why = "Les questions urgentes se règlent par téléphone entre autorités ; l'Arabie saoudite demande notamment une adresse électronique et des numéros de téléphone."
fr.fix = "Indiquez un numéro de téléphone du responsable du dossier, avec l'indicatif du pays."
fr.message = "Le responsable du dossier n'a pas de numéro de téléphone."
es.title = "Falta un teléfono para el seguimiento"
es.why = "Las cuestiones urgentes se resuelven por teléfono entre autoridades; Arabia Saudita pide en particular correo electrónico y teléfono."
es.fix = "Indique un teléfono del funcionario a cargo, con el prefijo del país."
es.message = "El funcionario a cargo no tiene número de teléfono."

[rule.fixture]
fail = '''
{
  "requesting_authority": {
    "officer": {
      "phone": " "
    }
  }
}
'''
pass = '''
{
  "requesting_authority": {
    "officer": {
      "email": ""
    }
  }
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let _ = ctx;
    contact(r, out);
}

fn contact(r: &Request, out: &mut Out) {
    let officer = &r.requesting_authority.officer;
    if blank(&officer.email) {
        out.hit(
            RuleId::ContactOfficerEmail,
            "requesting_authority.officer.email",
        );
    }
    if blank(&officer.phone) {
        out.hit(
            RuleId::ContactOfficerPhone,
            "requesting_authority.officer.phone",
        );
    }
    if blank(&officer.name) {
        out.hit(RuleId::ContactOfficerName, "requesting_authority.officer.name");
    }
}
