//! Form of the request: requested State, addressee, channel, signatory, language, date.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, Out};
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "form.addressee"
severity = "warning"
source = "UNCAC art. 46(13); CAC/COSP/2019/7 §§ 47, 57, 98"
en.title = "Addressee not named"
en.why = "Requests sent to the wrong authority are forwarded late or returned; they should go to the central authority the requested State designated."
en.fix = "Address the request to the requested State's central authority, by its exact name."
en.message = "The request is not addressed to a named authority."
fr.title = "Destinataire non désigné"
fr.why = "Les demandes adressées à une autorité incompétente sont transmises tardivement ou renvoyées ; elles doivent être adressées à l'autorité centrale désignée par l'État requis."
fr.fix = "Adressez la demande à l'autorité centrale de l'État requis, sous sa dénomination exacte."
fr.message = "La demande n'est adressée à aucune autorité désignée."
es.title = "No se indica el destinatario"
es.why = "Las solicitudes enviadas a una autoridad equivocada se transmiten tarde o se devuelven; deben dirigirse a la autoridad central designada por el Estado requerido."
es.fix = "Dirija la solicitud a la autoridad central del Estado requerido, con su denominación exacta."
es.message = "La solicitud no está dirigida a ninguna autoridad identificada."

[rule.fixture]
fail = '''
{
  "addressee": {
    "name": ""
  }
}
'''
pass = '''
{
  "addressee": {
    "address": ""
  }
}
'''

[[rule]]
id = "form.channel"
severity = "warning"
source = "UNCAC art. 46(13); CAC/COSP/2019/7 §§ 48, 52, 57, 101"
en.title = "Transmission channel not chosen"
en.why = "Requests sent through an inappropriate channel are delayed or refused; direct transmission between central authorities is the fastest where the requested State accepts it."
en.fix = "Choose the channel: central authority to central authority, diplomatic channel, or INTERPOL for urgent cases where accepted."
en.message = "The transmission channel is not specified."
fr.title = "Voie de transmission non choisie"
fr.why = "Les demandes transmises par une voie inappropriée sont retardées ou refusées ; la transmission directe entre autorités centrales est la plus rapide lorsque l'État requis l'accepte."
fr.fix = "Choisissez la voie : d'autorité centrale à autorité centrale, voie diplomatique, ou INTERPOL en cas d'urgence si l'État requis l'accepte."
fr.message = "La voie de transmission n'est pas précisée."
es.title = "No se elige la vía de transmisión"
es.why = "Las solicitudes enviadas por una vía inadecuada se retrasan o se deniegan; la transmisión directa entre autoridades centrales es la más rápida cuando el Estado requerido la acepta."
es.fix = "Elija la vía: entre autoridades centrales, vía diplomática o INTERPOL en casos urgentes si se acepta."
es.message = "No se indica la vía de transmisión."

[rule.fixture]
fail = '''
{
  "channel": "unspecified"
}
'''
pass = '''
{
  "channel": "diplomatic"
}
'''

[[rule]]
id = "form.date"
severity = "advice"
source = "UNCAC art. 46(14)"
en.title = "Request not dated"
en.why = "The date identifies the request in correspondence and shows when deadlines began to run."
en.fix = "Date the request."
en.message = "The request has no date."
fr.title = "Demande non datée"
fr.why = "La date identifie la demande dans la correspondance et marque le point de départ des délais."
fr.fix = "Datez la demande."
fr.message = "La demande n'est pas datée."
es.title = "Solicitud sin fecha"
es.why = "La fecha identifica la solicitud en la correspondencia e indica desde cuándo corren los plazos."
es.fix = "Feche la solicitud."
es.message = "La solicitud no tiene fecha."

[rule.fixture]
fail = '''
{
  "date": null
}
'''
pass = '''
{
  "date": "2026-11-19"
}
'''

[[rule]]
id = "form.drafting-language"
severity = "warning"
source = "UNCAC art. 46(14); CAC/COSP/2019/7 §§ 49, 57, 98, 100"
en.title = "Drafting language unknown"
en.why = "The request must be in a language acceptable to the requested State; the checker cannot tell what translation is needed without the drafting language."
en.fix = "Set the drafting language as a two-letter ISO 639-1 code (en, fr, es, ar, ru, zh, th...)."
en.message = "The drafting language “{code}” is not a recognized language code."
fr.title = "Langue de rédaction inconnue"
fr.why = "La demande doit être rédigée dans une langue acceptable pour l'État requis ; sans la langue de rédaction, l'outil ne peut dire quelle traduction est nécessaire."
fr.fix = "Indiquez la langue de rédaction par son code ISO 639-1 à deux lettres (en, fr, es, ar, ru, zh, th…)."
fr.message = "La langue de rédaction « {code} » n'est pas un code de langue reconnu."
es.title = "Idioma de redacción desconocido"
es.why = "La solicitud debe presentarse en un idioma aceptable para el Estado requerido; sin el idioma de redacción no puede determinarse qué traducción se necesita."
es.fix = "Indique el idioma de redacción con su código ISO 639-1 de dos letras (en, fr, es, ar, ru, zh, th...)."
es.message = "El idioma de redacción «{code}» no es un código de idioma reconocido."

[rule.fixture]
note = "Any ISO 639-1 code is a language; whether the requested State accepts it is a profile rule."
fail = '''
{
  "drafting_language": "english"
}
'''
pass = '''
{
  "drafting_language": "th"
}
'''

[[rule]]
id = "form.requested-state"
severity = "blocker"
source = "UNCAC art. 46(13), (14)"
en.title = "Requested State not chosen"
en.why = "The central authority, language, channel and legal basis all depend on the requested State."
en.fix = "Choose the requested State."
en.message = "The requested State is not specified."
fr.title = "État requis non choisi"
fr.why = "L'autorité centrale, la langue, la voie de transmission et la base légale dépendent toutes de l'État requis."
fr.fix = "Choisissez l'État requis."
fr.message = "L'État requis n'est pas précisé."
es.title = "No se elige el Estado requerido"
es.why = "La autoridad central, el idioma, la vía y la base jurídica dependen todos del Estado requerido."
es.fix = "Elija el Estado requerido."
es.message = "No se indica el Estado requerido."

[rule.fixture]
fail = '''
{
  "requested_state": ""
}
'''
pass = '''
{
  "requested_state": "FRA"
}
'''

[[rule]]
id = "form.signatory"
severity = "warning"
source = "UNCAC art. 46(14); CAC/COSP/2019/7 §§ 43, 47"
en.title = "Signatory not identified"
en.why = "The request must be in a form that allows its authenticity to be established; an unsigned request, or one signed by an unidentified person, is a classic reason for return."
en.fix = "Give the name and function of the person who signs."
en.message = "The name or the function of the signatory is missing."
fr.title = "Signataire non identifié"
fr.why = "La demande doit revêtir une forme permettant d'en établir l'authenticité ; une demande non signée, ou signée par une personne non identifiée, est un motif classique de renvoi."
fr.fix = "Indiquez le nom et la fonction du signataire."
fr.message = "Le nom ou la fonction du signataire fait défaut."
es.title = "No se identifica al firmante"
es.why = "La solicitud debe presentarse en una forma que permita establecer su autenticidad; una solicitud sin firma, o firmada por una persona no identificada, es un motivo clásico de devolución."
es.fix = "Indique el nombre y el cargo del firmante."
es.message = "Falta el nombre o el cargo del firmante."

[rule.fixture]
fail = '''
{
  "signatory": {
    "function": ""
  }
}
'''
pass = '''
{
  "signatory": {
    "place": ""
  }
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let _ = ctx;
    form(r, out);
}

fn form(r: &Request, out: &mut Out) {
    if blank(&r.requested_state) {
        out.hit(RuleId::FormRequestedState, "requested_state");
    }
    if blank(&r.addressee.name) {
        out.hit(RuleId::FormAddressee, "addressee.name");
    }
    if r.channel == Channel::Unspecified {
        out.hit(RuleId::FormChannel, "channel");
    }
    if blank(&r.signatory.name) {
        out.hit(RuleId::FormSignatory, "signatory.name");
    } else if blank(&r.signatory.function) {
        out.hit(RuleId::FormSignatory, "signatory.function");
    }
    if !crate::profile::is_iso639_1(r.drafting_language.trim()) {
        out.hit_with(
            RuleId::FormDraftingLanguage,
            "drafting_language",
            vec![("code", r.drafting_language.clone())],
        );
    }
    if r.date.is_none() {
        out.hit(RuleId::FormDate, "date");
    }
}
