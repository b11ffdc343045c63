//! Translation: annexes still to translate, and the letter's text and template wording.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::Out;
use super::requested_state::languages_for_request;
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "translation.letter-text"
severity = "warning"
source = "UNCAC art. 46(14); UNTOC art. 18(14); CAC/COSP/2019/7 §§ 49, 57, 98, 100"
en.title = "Officer's text in the letter still to be translated"
en.why = "The requested State reads the letter in a language it accepts. MLA Desk supplies the template wording in that language but never translates what the officer typed; a letter sent with untranslated passages is among the most reported causes of delay and refusal."
en.fix = "Have the marked passages translated by a qualified translator into the letter's language (or write them in that language), or produce the letter in the language they were written in if the requested State accepts it."
en.message = "The letter in language “{lang}” has {count} passage(s) of officer's text written in “{from}” that still need a human translation: {fields}. Languages the requested State accepts for requests: {accepted}."
fr.title = "Texte de l'agent encore à traduire dans la lettre"
fr.why = "L'État requis lit la lettre dans une langue qu'il accepte. MLA Desk fournit la formulation du modèle dans cette langue mais ne traduit jamais ce que l'agent a saisi ; une lettre envoyée avec des passages non traduits figure parmi les causes de retard et de refus les plus citées."
fr.fix = "Faites traduire les passages marqués par un traducteur qualifié dans la langue de la lettre (ou rédigez-les dans cette langue), ou établissez la lettre dans la langue où ils ont été rédigés si l'État requis l'accepte."
fr.message = "La lettre en langue « {lang} » contient {count} passage(s) saisi(s) par l'agent en langue « {from} » qui doivent encore être traduits par un traducteur : {fields}. Langues acceptées par l'État requis pour les demandes : {accepted}."
es.title = "Texto del funcionario aún por traducir en la carta"
es.why = "El Estado requerido lee la carta en un idioma que acepta. MLA Desk proporciona la redacción de la plantilla en ese idioma, pero nunca traduce lo que escribió el funcionario; una carta enviada con pasajes sin traducir está entre las causas de demora y denegación más citadas."
es.fix = "Haga traducir los pasajes marcados por un traductor cualificado al idioma de la carta (o redáctelos en ese idioma), o genere la carta en el idioma en que se redactaron si el Estado requerido lo acepta."
es.message = "La carta en el idioma «{lang}» tiene {count} pasaje(s) escrito(s) por el funcionario en el idioma «{from}» que aún requieren una traducción humana: {fields}. Idiomas que acepta el Estado requerido para las solicitudes: {accepted}."

[rule.fixture]
letter_fail = '''
{
  "lang": "fr",
  "reviewed": true,
  "needs_translation": [
    {
      "path": "facts",
      "from": "en"
    },
    {
      "path": "measures[0].details.questions",
      "from": "en"
    }
  ]
}
'''
letter_pass = '''
{
  "lang": "en",
  "reviewed": true,
  "needs_translation": []
}
'''
fail = '''
{}
'''
pass = '''
{}
'''

[[rule]]
id = "translation.pending"
severity = "warning"
source = "UNCAC art. 46(14); CAC/COSP/2019/7 §§ 49, 57, 98, 100"
en.title = "Annex awaiting translation"
en.why = "Missing or poor translations are among the most reported causes of refusal and delay; the request and its supporting documents should be translated before they are sent."
en.fix = "Have the annex translated by a qualified translator into a language the requested State accepts, then mark it done."
en.message = "Annex {n} ({title}) still needs translation."
fr.title = "Pièce jointe en attente de traduction"
fr.why = "L'absence de traduction ou une traduction erronée figure parmi les causes de refus et de retard les plus citées ; la demande et les pièces justificatives doivent être traduites avant l'envoi."
fr.fix = "Faites traduire la pièce par un traducteur qualifié dans une langue acceptée par l'État requis, puis marquez-la comme traduite."
fr.message = "La pièce {n} ({title}) doit encore être traduite."
es.title = "Anexo pendiente de traducción"
es.why = "La falta de traducción o una traducción errónea están entre las causas de denegación y demora más citadas; la solicitud y los documentos justificativos deben traducirse antes del envío."
es.fix = "Haga traducir el anexo por un traductor cualificado a un idioma que acepte el Estado requerido y márquelo como traducido."
es.message = "El anexo {n} ({title}) aún debe traducirse."

[rule.fixture]
fail = '''
{
  "attachments": [
    {
      "id": "att-confiscation-order",
      "title": "Confiscation order of the High Court, 3 September 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "confiscation.pdf"
    },
    {
      "id": "att-freeze-order",
      "title": "Freezing order of the investigating court, 12 October 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "freeze.pdf"
    },
    {
      "id": "att-search-order",
      "title": "Search warrant, 12 October 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "search.pdf"
    },
    {
      "id": "att-summons",
      "title": "Summons to the trial hearing",
      "language": "rur",
      "translation": "needed",
      "translation_language": "en",
      "certification": "certified_copy",
      "file_name": "summons.pdf"
    }
  ]
}
'''
pass = '''
{
  "attachments": [
    {
      "id": "att-confiscation-order",
      "title": "Confiscation order of the High Court, 3 September 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "confiscation.pdf"
    },
    {
      "id": "att-freeze-order",
      "title": "Freezing order of the investigating court, 12 October 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "freeze.pdf"
    },
    {
      "id": "att-search-order",
      "title": "Search warrant, 12 October 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "search.pdf"
    },
    {
      "id": "att-summons",
      "title": "Summons to the trial hearing",
      "language": "rur",
      "translation": "not_needed",
      "translation_language": "en",
      "certification": "certified_copy",
      "file_name": "summons.pdf"
    }
  ]
}
'''

[[rule]]
id = "translation.template-unreviewed"
severity = "advice"
source = "UNCAC art. 46(14); CAC/COSP/2019/7 §§ 49, 98 (wrong translations)"
en.title = "Letter template wording not reviewed by a legal translator"
en.why = "The fixed wording of the letter (headings, assurances, legal formulas) is supplied by MLA Desk; in this language no qualified legal translator has reviewed it yet, and a mistranslated legal formula can be misread by the requested State. The letter is labelled DRAFT."
en.fix = "Have the letter's template wording in this language reviewed by a qualified legal translator before sending, or use a reviewed language the requested State accepts."
en.message = "The template wording of the letter in language “{lang}” has not been reviewed by a qualified legal translator; the letter is marked as a draft."
fr.title = "Formulation du modèle de lettre non relue par un traducteur juridique"
fr.why = "La formulation fixe de la lettre (intitulés, assurances, formules juridiques) est fournie par MLA Desk ; dans cette langue, aucun traducteur juridique qualifié ne l'a encore relue, et une formule juridique mal traduite peut être mal comprise par l'État requis. La lettre porte la mention PROJET."
fr.fix = "Faites relire la formulation du modèle dans cette langue par un traducteur juridique qualifié avant l'envoi, ou utilisez une langue relue acceptée par l'État requis."
fr.message = "La formulation du modèle de la lettre en langue « {lang} » n'a pas été relue par un traducteur juridique qualifié ; la lettre est marquée comme projet."
es.title = "Redacción de la plantilla de la carta no revisada por un traductor jurídico"
es.why = "La redacción fija de la carta (títulos, garantías, fórmulas jurídicas) la proporciona MLA Desk; en este idioma ningún traductor jurídico cualificado la ha revisado aún, y una fórmula jurídica mal traducida puede ser malinterpretada por el Estado requerido. La carta lleva la mención BORRADOR."
es.fix = "Haga revisar la redacción de la plantilla en este idioma por un traductor jurídico cualificado antes del envío, o utilice un idioma revisado que acepte el Estado requerido."
es.message = "La redacción de la plantilla de la carta en el idioma «{lang}» no ha sido revisada por un traductor jurídico cualificado; la carta está marcada como borrador."

[rule.fixture]
letter_fail = '''
{
  "lang": "ar",
  "reviewed": false,
  "needs_translation": []
}
'''
letter_pass = '''
{
  "lang": "ar",
  "reviewed": true,
  "needs_translation": []
}
'''
fail = '''
{}
'''
pass = '''
{}
'''

[[rule]]
id = "translation.unspecified"
severity = "advice"
source = "UNCAC art. 46(14); CAC/COSP/2019/7 § 100"
en.title = "Translation status of an annex not recorded"
en.why = "Without a recorded status, it is easy to send an annex that the requested State cannot read."
en.fix = "Record whether the annex needs translation, is being translated, is translated, or needs none."
en.message = "Annex {n} ({title}): translation status not recorded."
fr.title = "État de traduction d'une pièce non renseigné"
fr.why = "Sans état renseigné, on risque d'envoyer une pièce que l'État requis ne peut pas lire."
fr.fix = "Indiquez si la pièce doit être traduite, est en cours de traduction, est traduite ou n'a pas besoin de l'être."
fr.message = "Pièce {n} ({title}) : état de traduction non renseigné."
es.title = "No consta el estado de traducción de un anexo"
es.why = "Si no consta el estado, es fácil enviar un anexo que el Estado requerido no puede leer."
es.fix = "Indique si el anexo debe traducirse, está en traducción, está traducido o no lo necesita."
es.message = "Anexo {n} ({title}): no consta el estado de traducción."

[rule.fixture]
fail = '''
{
  "attachments": [
    {
      "id": "att-confiscation-order",
      "title": "Confiscation order of the High Court, 3 September 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "confiscation.pdf"
    },
    {
      "id": "att-freeze-order",
      "title": "Freezing order of the investigating court, 12 October 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "freeze.pdf"
    },
    {
      "id": "att-search-order",
      "title": "Search warrant, 12 October 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "search.pdf"
    },
    {
      "id": "att-summons",
      "title": "Summons to the trial hearing",
      "language": "rur",
      "translation": "unspecified",
      "translation_language": "en",
      "certification": "certified_copy",
      "file_name": "summons.pdf"
    }
  ]
}
'''
pass = '''
{
  "attachments": [
    {
      "id": "att-confiscation-order",
      "title": "Confiscation order of the High Court, 3 September 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "confiscation.pdf"
    },
    {
      "id": "att-freeze-order",
      "title": "Freezing order of the investigating court, 12 October 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "freeze.pdf"
    },
    {
      "id": "att-search-order",
      "title": "Search warrant, 12 October 2026",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "search.pdf"
    },
    {
      "id": "att-summons",
      "title": "Summons to the trial hearing",
      "language": "rur",
      "translation": "in_progress",
      "translation_language": "en",
      "certification": "certified_copy",
      "file_name": "summons.pdf"
    }
  ]
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    attachments(r, out);
    letter(r, ctx, out);
}

fn attachments(r: &Request, out: &mut Out) {
    for (a, att) in r.attachments.iter().enumerate() {
        let args = vec![("n", (a + 1).to_string()), ("title", att.title.clone())];
        match att.translation {
            TranslationStatus::Needed | TranslationStatus::InProgress => out.hit_with(
                RuleId::TranslationPending,
                format!("attachments[{a}].translation"),
                args,
            ),
            TranslationStatus::Unspecified => out.hit_with(
                RuleId::TranslationUnspecified,
                format!("attachments[{a}].translation"),
                args,
            ),
            TranslationStatus::NotNeeded | TranslationStatus::Done => {}
        }
    }
}

/// The letter produced from the draft: officer's text still to be translated into the
/// letter's language, grouped by part of the request (one finding per part), and template
/// wording that no legal translator has reviewed.
fn letter(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let Some(letter) = ctx.letter else {
        return;
    };
    let lang = letter.lang.trim().to_lowercase();
    if !letter.needs_translation.is_empty() {
        // What the requested State accepts, when its profile says so.
        let accepted = ctx
            .requested_state(r)
            .profile()
            .and_then(|p| languages_for_request(p, r))
            .map(|l| l.requests.join(", "))
        .unwrap_or_else(|| crate::profile::UNKNOWN_FACT.to_owned());
        // Parts in order of first appearance: `measures[1].details.bank` → `measures[1]`.
        let mut parts: Vec<(String, String, Vec<&str>)> = Vec::new();
        for need in &letter.needs_translation {
            let part = need.path.split('.').next().unwrap_or(&need.path).to_owned();
            let from = need.from.trim().to_lowercase();
            match parts.iter_mut().find(|(p, f, _)| *p == part && *f == from) {
                Some((_, _, fields)) => fields.push(&need.path),
                None => parts.push((part, from, vec![&need.path])),
            }
        }
        for (part, from, fields) in parts {
            out.hit_with(
                RuleId::TranslationLetterText,
                part,
                vec![
                    ("lang", lang.clone()),
                    ("from", from),
                    ("count", fields.len().to_string()),
                    ("fields", fields.join(", ")),
                    ("accepted", accepted.clone()),
                ],
            );
        }
    }
    if !letter.reviewed {
        out.hit_with(RuleId::TranslationTemplateUnreviewed, "", vec![("lang", lang)]);
    }
}
