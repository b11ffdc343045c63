//! The requested-State rules: what the requested State's profile says, applied to the draft.
//! Every hit carries the profile fact it rests on, and the finding cites that fact's source
//! and checked date instead of the rule's. A fact the profile does not have is unknown: no
//! rule fires on it, and `state.unknown-profile` says what is unknown so the officer
//! verifies it.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{Arg, Out};
use super::requested_state::*;
use super::{is_coercive, kind_key, CheckContext, ProfileLookup, RuleId};
use crate::finding::Lang;
use crate::model::*;
use crate::profile::{
    Authentication, DualCriminality, Instrument, LegalBasisStance, OptionalOffence, Profile,
    Provenance, Sourced,
};

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`). A finding of
/// these rules cites the profile fact it rests on instead of `source`, which gives the
/// legal frame of the rule. Their fixtures check against a State profile of
/// `tests/fixtures/profiles/` (`profile`), or "none" for a State with no profile.
pub(super) const RULES: &str = r##"
[[rule]]
id = "state.annex-language"
severity = "warning"
source = "UNCAC art. 46(14); UNTOC art. 18(14)"
en.title = "Annex in a language the requested State does not accept"
en.why = "Annexes the requested State cannot read must be translated before it can act; untranslated annexes are a frequent cause of delay."
en.fix = "Have the annex translated into one of the accepted languages and record the translation, or replace it with a version in an accepted language."
en.message = "Annex {n} ({title}) is in {language}; {state} accepts annexes in {accepted}."
fr.title = "Annexe dans une langue que l'État requis n'accepte pas"
fr.why = "L'État requis ne peut agir sur des annexes qu'il ne peut pas lire ; les annexes non traduites sont une cause fréquente de retard."
fr.fix = "Faites traduire l'annexe dans l'une des langues acceptées et consignez la traduction, ou remplacez-la par une version dans une langue acceptée."
fr.message = "L'annexe {n} ({title}) est en {language} ; {state} accepte les annexes en {accepted}."
es.title = "Anexo en un idioma que el Estado requerido no acepta"
es.why = "El Estado requerido no puede actuar sobre anexos que no puede leer; los anexos sin traducir son una causa frecuente de demora."
es.fix = "Haga traducir el anexo a uno de los idiomas aceptados y registre la traducción, o sustitúyalo por una versión en un idioma aceptado."
es.message = "El anexo {n} ({title}) está en {language}; {state} acepta anexos en {accepted}."

[rule.fixture]
note = "An annex in German needs a translation into en or fr; a finished translation into en passes."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "attachments": [
    {
      "id": "att-1",
      "title": "Summons of the Regional Court of Port Sample to appear as a witness on 12 April 2027",
      "language": "de",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "certified_copy",
      "file_name": "annex-1-summons.pdf"
    }
  ]
}
'''
pass = '''
{
  "attachments": [
    {
      "id": "att-1",
      "title": "Summons of the Regional Court of Port Sample to appear as a witness on 12 April 2027",
      "language": "de",
      "translation": "done",
      "translation_language": "en",
      "certification": "certified_copy",
      "file_name": "annex-1-summons.pdf"
    }
  ]
}
'''

[[rule]]
id = "state.authentication"
severity = "warning"
source = "UNCAC art. 46(14); UNTOC art. 18(14) (a form that allows the requested State to establish authenticity)"
en.title = "Annex not authenticated as the requested State requires"
en.why = "Documents that are not certified, apostilled or legalized as the requested State requires may not be usable as evidence there, and the request may be returned (CAC/COSP/2019/7 § 47)."
en.fix = "Obtain the certification, apostille or legalization the requested State requires for this annex, and record it."
en.message = "{state} requires {requirement}; annex {n} ({title}) is marked {certification}."
fr.title = "Annexe non authentifiée comme l'exige l'État requis"
fr.why = "Les pièces qui ne sont pas certifiées, apostillées ou légalisées comme l'exige l'État requis peuvent ne pas y être utilisables comme preuves, et la demande peut être renvoyée (CAC/COSP/2019/7, par. 47)."
fr.fix = "Obtenez la certification, l'apostille ou la légalisation exigée par l'État requis pour cette annexe, et consignez-la."
fr.message = "{state} exige : {requirement} ; l'annexe {n} ({title}) est marquée {certification}."
es.title = "Anexo no autenticado como exige el Estado requerido"
es.why = "Los documentos que no están certificados, apostillados o legalizados como exige el Estado requerido pueden no ser utilizables allí como prueba, y la solicitud puede ser devuelta (CAC/COSP/2019/7, párr. 47)."
es.fix = "Obtenga la certificación, apostilla o legalización que el Estado requerido exige para este anexo y regístrela."
es.message = "{state} exige: {requirement}; el anexo {n} ({title}) está marcado como {certification}."

[rule.fixture]
note = "The profile requires certification; an annex with no certification fails."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "attachments": [
    {
      "id": "att-1",
      "title": "Summons of the Regional Court of Port Sample to appear as a witness on 12 April 2027",
      "language": "en",
      "translation": "not_needed",
      "translation_language": "",
      "certification": "none",
      "file_name": "annex-1-summons.pdf"
    }
  ]
}
'''
pass = '''
{}
'''

[[rule]]
id = "state.central-authority"
severity = "warning"
source = "UNCAC art. 46(13); UNTOC art. 18(13); CAC/COSP/2019/7 §§ 47, 57"
en.title = "Not addressed to the designated central authority"
en.why = "A request sent to another body (a ministry, a court, the police) is forwarded late or returned; States report it among the main causes of delay."
en.fix = "Address the request to the central authority the requested State designated, by its exact name."
en.message = "The request is addressed to \"{addressee}\"; the central authority {state} designated is: {authority}."
fr.title = "Non adressée à l'autorité centrale désignée"
fr.why = "Une demande envoyée à un autre organe (ministère, tribunal, police) est transmise tardivement ou renvoyée ; les États la citent parmi les principales causes de retard."
fr.fix = "Adressez la demande à l'autorité centrale désignée par l'État requis, sous sa dénomination exacte."
fr.message = "La demande est adressée à « {addressee} » ; l'autorité centrale désignée par {state} est : {authority}."
es.title = "No dirigida a la autoridad central designada"
es.why = "Una solicitud enviada a otro órgano (un ministerio, un tribunal, la policía) se transmite tarde o se devuelve; los Estados la señalan entre las principales causas de demora."
es.fix = "Dirija la solicitud a la autoridad central designada por el Estado requerido, con su denominación exacta."
es.message = "La solicitud está dirigida a «{addressee}»; la autoridad central designada por {state} es: {authority}."

[rule.fixture]
note = "The baseline is addressed to the fixture central authority; a ministry is not it."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "addressee": {
    "name": "Ministry of Foreign Affairs of Antarctica"
  }
}
'''
pass = '''
{}
'''

[[rule]]
id = "state.channel"
severity = "warning"
source = "UNCAC art. 46(13); UNTOC art. 18(13); CAC/COSP/2019/7 §§ 48, 57"
en.title = "Transmission channel not accepted by the requested State"
en.why = "A State may require a particular channel (for instance the diplomatic channel) in its notification to the UN Secretary-General; a request sent another way may not be received as a request."
en.fix = "Send the request through one of the channels the requested State accepts."
en.message = "The request is to be sent by {channel}; {state} accepts: {accepted}."
fr.title = "Voie de transmission non acceptée par l'État requis"
fr.why = "Un État peut exiger une voie particulière (par exemple la voie diplomatique) dans sa notification au Secrétaire général de l'ONU ; une demande transmise autrement peut ne pas être reçue comme telle."
fr.fix = "Transmettez la demande par l'une des voies acceptées par l'État requis."
fr.message = "La demande doit être transmise par : {channel} ; {state} accepte : {accepted}."
es.title = "Vía de transmisión no aceptada por el Estado requerido"
es.why = "Un Estado puede exigir una vía determinada (por ejemplo, la vía diplomática) en su notificación al Secretario General de la ONU; una solicitud enviada de otro modo puede no recibirse como tal."
es.fix = "Envíe la solicitud por una de las vías que acepta el Estado requerido."
es.message = "La solicitud se enviará por: {channel}; {state} acepta: {accepted}."

[rule.fixture]
note = "The profile accepts central_authority and diplomatic channels, not INTERPOL."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "channel": "interpol"
}
'''
pass = '''
{
  "channel": "diplomatic"
}
'''

[[rule]]
id = "state.civil-proceedings"
severity = "warning"
source = "UNCAC arts. 43(1), 46(1); CAC/COSP/2019/7 § 57"
en.title = "Civil or administrative proceedings sent to a criminal-matters authority"
en.why = "The requested State's central authority acts in criminal matters only; requests made in civil or administrative proceedings are returned without action."
en.fix = "Ask the central authority which body handles civil or administrative matters, or base the request on related criminal proceedings if there are any."
en.message = "The proceedings are civil or administrative; the central authority of {state} does not act in civil or administrative matters."
fr.title = "Procédure civile ou administrative adressée à une autorité pénale"
fr.why = "L'autorité centrale de l'État requis n'agit qu'en matière pénale ; les demandes présentées dans une procédure civile ou administrative sont renvoyées sans suite."
fr.fix = "Demandez à l'autorité centrale quel organe traite des affaires civiles ou administratives, ou fondez la demande sur la procédure pénale connexe, s'il y en a une."
fr.message = "La procédure est civile ou administrative ; l'autorité centrale de {state} n'agit pas en matière civile ou administrative."
es.title = "Procedimiento civil o administrativo enviado a una autoridad penal"
es.why = "La autoridad central del Estado requerido solo actúa en materia penal; las solicitudes formuladas en procedimientos civiles o administrativos se devuelven sin trámite."
es.fix = "Pregunte a la autoridad central qué órgano se ocupa de los asuntos civiles o administrativos, o base la solicitud en el procedimiento penal conexo, si lo hay."
es.message = "El procedimiento es civil o administrativo; la autoridad central de {state} no actúa en materia civil o administrativa."

[rule.fixture]
note = "The profile's central authority does not act in civil or administrative matters."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "case": {
    "nature": "civil_or_administrative"
  }
}
'''
pass = '''
{}
'''

[[rule]]
id = "state.dual-criminality-optional-offence"
severity = "blocker"
source = "UNCAC arts. 43(2), 46(9)(b), (c); arts. 16(2), 18–22, 24 (offences States need only consider adopting)"
en.title = "Measure for conduct the requested State does not criminalize"
en.why = "The requested State's profile records that it has not established this optional UNCAC offence; where it requires dual criminality it may refuse the measure."
en.fix = "Check whether the facts also fit an offence the requested State does criminalize (bribery, embezzlement, laundering) and add it; otherwise limit the request to measures that do not need dual criminality."
en.message = "Measure {n} ({kind}) serves {offence} (category {category}); {state} does not criminalize this conduct."
fr.title = "Mesure pour un comportement que l'État requis n'incrimine pas"
fr.why = "Le profil de l'État requis indique qu'il n'a pas établi cette infraction facultative de la Convention ; s'il exige la double incrimination, il peut refuser la mesure."
fr.fix = "Vérifiez si les faits relèvent aussi d'une infraction que l'État requis incrimine (corruption, soustraction, blanchiment) et ajoutez-la ; à défaut, limitez la demande aux mesures qui n'exigent pas la double incrimination."
fr.message = "La mesure {n} ({kind}) se rapporte à {offence} (catégorie {category}) ; {state} n'incrimine pas ce comportement."
es.title = "Medida para una conducta que el Estado requerido no tipifica"
es.why = "El perfil del Estado requerido indica que no ha establecido este delito facultativo de la Convención; si exige doble incriminación, puede denegar la medida."
es.fix = "Compruebe si los hechos encajan también en un delito que el Estado requerido tipifica (soborno, malversación, blanqueo) y añádalo; si no, limite la solicitud a medidas que no exigen doble incriminación."
es.message = "La medida {n} ({kind}) se refiere a {offence} (categoría {category}); {state} no tipifica esta conducta."

[rule.fixture]
note = "The profile records that illicit enrichment (uncac.20) is not criminalized and dual criminality is required for coercive measures only: a search fails, service of documents passes."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Illicit enrichment",
      "provision": "Penal Code of the Republic of Examplia, art. 320",
      "provision_text": "Article 320. A public official whose assets have increased significantly beyond lawful income, which the official cannot reasonably explain, shall be punished by imprisonment of up to seven years.",
      "penalty": "Imprisonment of up to 7 years",
      "conduct_category": "uncac.20",
      "limitation_date": "2036-12-31"
    }
  ],
  "measures": [
    {
      "id": "m-s",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To seize the records of the former mayor's holding company.",
      "procedure": "",
      "details": {
        "type": "search_seizure",
        "premises": "Offices of Riverbank Holding Ltd, 3 Fixture Lane, Antarctica (fictional)",
        "items_sought": "Accounting records for 2019-2021",
        "grounds": "Payments from the municipality went through this company.",
        "order_attachment_id": "",
        "chain_of_custody": "Sealed bags"
      }
    }
  ]
}
'''
pass = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Illicit enrichment",
      "provision": "Penal Code of the Republic of Examplia, art. 320",
      "provision_text": "Article 320. A public official whose assets have increased significantly beyond lawful income, which the official cannot reasonably explain, shall be punished by imprisonment of up to seven years.",
      "penalty": "Imprisonment of up to 7 years",
      "conduct_category": "uncac.20",
      "limitation_date": "2036-12-31"
    }
  ],
  "measures": [
    {
      "id": "m-1",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To notify the witness of the summons to appear at the trial and of the arrangements for her travel.",
      "procedure": "Service by personal delivery, with a certificate of service signed by the witness or, if she refuses, a statement of the serving officer.",
      "details": {
        "type": "serve_documents",
        "recipient_person_id": "p-2",
        "address": "House 9, Fictional Garden Village, Chiang Mai, Thailand (fictional address)",
        "document_attachment_ids": [
          "att-1",
          "att-2"
        ],
        "appearance_date": "2027-04-12",
        "proof_of_service": true
      }
    }
  ]
}
'''

[[rule]]
id = "state.fact-stale"
severity = "advice"
source = "MLA Desk profile policy: a fact checked more than 24 months ago is verified again before it is relied on"
en.title = "Profile facts not checked for over two years"
en.why = "Central authorities, languages and requirements change; a fact read more than two years ago may no longer be true."
en.fix = "Verify these facts with the requested State's central authority, or import a newer profile pack."
en.message = "{count} fact(s) of the profile of {state} were last checked more than 24 months ago (oldest: {field}, checked {date}); verify them with the central authority."
fr.title = "Données du profil non vérifiées depuis plus de deux ans"
fr.why = "Les autorités centrales, les langues et les exigences changent ; une donnée lue il y a plus de deux ans peut ne plus être exacte."
fr.fix = "Vérifiez ces données auprès de l'autorité centrale de l'État requis, ou importez un jeu de profils plus récent."
fr.message = "{count} donnée(s) du profil de {state} ont été vérifiées pour la dernière fois il y a plus de 24 mois (la plus ancienne : {field}, vérifiée le {date}) ; vérifiez-les auprès de l'autorité centrale."
es.title = "Datos del perfil no verificados desde hace más de dos años"
es.why = "Las autoridades centrales, los idiomas y los requisitos cambian; un dato leído hace más de dos años puede haber dejado de ser exacto."
es.fix = "Verifique estos datos con la autoridad central del Estado requerido, o importe un paquete de perfiles más reciente."
es.message = "{count} dato(s) del perfil de {state} se verificaron por última vez hace más de 24 meses (el más antiguo: {field}, verificado el {date}); verifíquelos con la autoridad central."

[rule.fixture]
note = "Same request; the stale profile's facts were checked in June 2024, more than 24 months before today."
baseline = "state"
fail_profile = "stale.toml"
pass_profile = "known.toml"
fail = '''
{}
'''
pass = '''
{}
'''

[[rule]]
id = "state.language"
severity = "blocker"
source = "UNCAC art. 46(14); UNTOC art. 18(14); CAC/COSP/2019/7 §§ 49, 57"
en.title = "Request not in a language the requested State accepts"
en.why = "A request must be in a language acceptable to the requested State, as notified to the UN Secretary-General; a request in another language is returned or waits for translation."
en.fix = "Have the request translated into one of the accepted languages before it is sent, and send the translation with the original."
en.message = "The request is drafted in {language}; {state} accepts requests in {accepted}. A translation is needed."
fr.title = "Demande dans une langue que l'État requis n'accepte pas"
fr.why = "La demande doit être rédigée dans une langue acceptable pour l'État requis, telle que notifiée au Secrétaire général de l'ONU ; une demande dans une autre langue est renvoyée ou attend sa traduction."
fr.fix = "Faites traduire la demande dans l'une des langues acceptées avant l'envoi, et joignez la traduction à l'original."
fr.message = "La demande est rédigée en {language} ; {state} accepte les demandes en {accepted}. Une traduction est nécessaire."
es.title = "Solicitud en un idioma que el Estado requerido no acepta"
es.why = "La solicitud debe presentarse en un idioma aceptable para el Estado requerido, según lo notificado al Secretario General de la ONU; una solicitud en otro idioma se devuelve o espera su traducción."
es.fix = "Haga traducir la solicitud a uno de los idiomas aceptados antes de enviarla y adjunte la traducción al original."
es.message = "La solicitud está redactada en {language}; {state} acepta solicitudes en {accepted}. Se necesita una traducción."

[rule.fixture]
note = "The profile accepts requests in en and fr."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "drafting_language": "es"
}
'''
pass = '''
{}
'''

[[rule]]
id = "state.legal-basis"
severity = "blocker"
source = "UNCAC art. 46(7); CAC/COSP/2019/7 §§ 46, 74, 75"
en.title = "Legal basis not accepted by the requested State"
en.why = "The requested State does not take the Conventions alone as a basis for assistance: it needs a bilateral or multilateral treaty or, failing one, an assurance of reciprocity."
en.fix = "Cite the treaty in force between the two States, or add a written assurance of reciprocity to the request."
en.message = "{state} requires a treaty or reciprocity; the request cites no treaty and gives no assurance of reciprocity."
fr.title = "Base légale non acceptée par l'État requis"
fr.why = "L'État requis n'accepte pas les Conventions seules comme base de l'entraide : il lui faut un traité bilatéral ou multilatéral ou, à défaut, une assurance de réciprocité."
fr.fix = "Citez le traité en vigueur entre les deux États, ou ajoutez à la demande une assurance écrite de réciprocité."
fr.message = "{state} exige un traité ou la réciprocité ; la demande ne cite aucun traité et ne donne aucune assurance de réciprocité."
es.title = "Base jurídica no aceptada por el Estado requerido"
es.why = "El Estado requerido no acepta las Convenciones por sí solas como base para la asistencia: necesita un tratado bilateral o multilateral o, en su defecto, una garantía de reciprocidad."
es.fix = "Cite el tratado vigente entre ambos Estados, o añada a la solicitud una garantía escrita de reciprocidad."
es.message = "{state} exige un tratado o reciprocidad; la solicitud no cita ningún tratado ni ofrece garantía de reciprocidad."

[rule.fixture]
note = "The profile requires a treaty or reciprocity; the baseline gives a reciprocity assurance."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "legal_basis": [
    {
      "kind": "uncac"
    }
  ],
  "assurances": {
    "reciprocity": false
  }
}
'''
pass = '''
{}
'''

[[rule]]
id = "state.service-lead-time"
severity = "warning"
source = "UNCAC art. 46(3)(b); CAC/COSP/2019/7 § 89"
en.title = "Less time before the hearing than the requested State needs to serve"
en.why = "The requested State's profile gives the time it needs to serve documents; a summons received too close to the hearing is served late or not at all."
en.fix = "Move the hearing date, or send the request at once and mark it urgent with the reason."
en.message = "Measure {n}: the appearance date {date} is {days} days away; {state} needs {lead} days to serve documents."
fr.title = "Délai avant l'audience plus court que le délai de signification de l'État requis"
fr.why = "Le profil de l'État requis indique le délai dont il a besoin pour signifier des actes ; une citation reçue trop près de l'audience est signifiée tardivement ou pas du tout."
fr.fix = "Reportez l'audience, ou transmettez la demande immédiatement en la marquant urgente, avec le motif."
fr.message = "Mesure {n} : la date de comparution {date} est dans {days} jours ; {state} a besoin de {lead} jours pour signifier des actes."
es.title = "Menos tiempo antes de la audiencia del que el Estado requerido necesita para notificar"
es.why = "El perfil del Estado requerido indica el plazo que necesita para notificar documentos; una citación recibida demasiado cerca de la audiencia se notifica tarde o no se notifica."
es.fix = "Aplace la audiencia, o envíe la solicitud de inmediato marcándola como urgente, con el motivo."
es.message = "Medida {n}: la fecha de comparecencia {date} está a {days} días; {state} necesita {lead} días para notificar documentos."

[rule.fixture]
note = "The profile needs 90 days to serve; 2027-01-15 is 56 days after today (2026-11-20), 2027-04-12 is 143 days."
baseline = "state"
profile = "known.toml"
fail = '''
{
  "measures": [
    {
      "id": "m-1",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To notify the witness of the summons to appear at the trial and of the arrangements for her travel.",
      "procedure": "Service by personal delivery, with a certificate of service signed by the witness or, if she refuses, a statement of the serving officer.",
      "details": {
        "type": "serve_documents",
        "recipient_person_id": "p-2",
        "address": "House 9, Fictional Garden Village, Chiang Mai, Thailand (fictional address)",
        "document_attachment_ids": [
          "att-1",
          "att-2"
        ],
        "appearance_date": "2027-01-15",
        "proof_of_service": true
      }
    }
  ]
}
'''
pass = '''
{}
'''

[[rule]]
id = "state.signature-every-page"
severity = "warning"
source = "UNCAC art. 46(14); CAC/COSP/2019/7 § 43"
en.title = "Signature and seal required on every page"
en.why = "The requested State requires the issuing authority's signature and seal on every page of the request and its annexes; pages without them may be rejected."
en.fix = "Before sending, sign and seal every page of the request and of each annex."
en.message = "{state} requires the signature and seal of the issuing authority on every page of the request and its annexes."
fr.title = "Signature et sceau exigés sur chaque page"
fr.why = "L'État requis exige la signature et le sceau de l'autorité émettrice sur chaque page de la demande et de ses annexes ; les pages qui en sont dépourvues peuvent être rejetées."
fr.fix = "Avant l'envoi, signez et revêtez du sceau chaque page de la demande et de chaque annexe."
fr.message = "{state} exige la signature et le sceau de l'autorité émettrice sur chaque page de la demande et de ses annexes."
es.title = "Firma y sello exigidos en cada página"
es.why = "El Estado requerido exige la firma y el sello de la autoridad emisora en cada página de la solicitud y de sus anexos; las páginas que no los lleven pueden ser rechazadas."
es.fix = "Antes del envío, firme y selle cada página de la solicitud y de cada anexo."
es.message = "{state} exige la firma y el sello de la autoridad emisora en cada página de la solicitud y de sus anexos."

[rule.fixture]
note = "Only the profile that requires signature and seal on every page raises it."
baseline = "state"
fail_profile = "seal-every-page.toml"
pass_profile = "known.toml"
fail = '''
{}
'''
pass = '''
{}
'''

[[rule]]
id = "state.unknown-profile"
severity = "advice"
source = "UNCAC art. 46(13), (14); CAC/COSP/2019/7 §§ 57, 101 (consult the central authority before sending)"
en.title = "Requested State's requirements unknown"
en.why = "MLA Desk has no sourced fact for these requirements of the requested State, so it cannot check them; a request that misses one is returned."
en.fix = "Verify with the requested State's central authority (or its published guidelines) before sending, and consider sending a draft in advance."
en.message = "{state}: {missing} — unknown, verify with the central authority."
fr.title = "Exigences de l'État requis inconnues"
fr.why = "MLA Desk ne dispose d'aucune donnée sourcée sur ces exigences de l'État requis et ne peut donc pas les vérifier ; une demande qui n'y satisfait pas est renvoyée."
fr.fix = "Vérifiez auprès de l'autorité centrale de l'État requis (ou de ses lignes directrices publiées) avant l'envoi, et envisagez de lui soumettre un projet au préalable."
fr.message = "{state} : {missing} — inconnu, vérifiez auprès de l'autorité centrale."
es.title = "Requisitos del Estado requerido desconocidos"
es.why = "MLA Desk no tiene ningún dato con fuente sobre estos requisitos del Estado requerido y no puede comprobarlos; una solicitud que no los cumpla se devuelve."
es.fix = "Verifíquelo con la autoridad central del Estado requerido (o sus directrices publicadas) antes del envío, y considere enviarle un borrador con antelación."
es.message = "{state}: {missing} — desconocido, verifíquelo con la autoridad central."

[rule.fixture]
note = "A profile with names only leaves languages, central authority and legal basis unknown."
baseline = "state"
fail_profile = "names-only.toml"
pass_profile = "known.toml"
fail = '''
{}
'''
pass = '''
{}
'''
"##;

/// Generic rules a `state.*` rule replaces at the same field path, because the profile
/// says for certain what the generic rule can only warn about.
pub(super) const SUPERSEDES: &[(RuleId, RuleId)] = &[
    (RuleId::StateServiceLeadTime, RuleId::TimeServiceLeadTime),
    (
        RuleId::StateDualCriminalityOptionalOffence,
        RuleId::DualNotCriminalized,
    ),
    (
        RuleId::StateDualCriminalityOptionalOffence,
        RuleId::DualOptionalOffence,
    ),
];

/// Run the `state.*` rules on the result of the requested State's profile lookup.
pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let requested = ctx.requested_state(r);
    let profile: Option<&Profile> = match requested.lookup() {
        ProfileLookup::NotConsulted => return,
        ProfileLookup::NoProfile => None,
        ProfileLookup::Found(p) => Some(p),
    };
    if requested.iso3.is_empty() {
        // `form.requested-state` says so; nothing to look up.
        return;
    }
    // A profile of another State than the requested one is no profile for it.
    let Some(p) = profile.filter(|p| p.iso3.eq_ignore_ascii_case(requested.iso3)) else {
        out.hit_fact(
            RuleId::StateUnknownProfile,
            "requested_state",
            None,
            vec![
                ("state", t(requested.iso3.to_ascii_uppercase())),
                (
                    "missing",
                    Arg::words(
                        "all facts (no profile)",
                        "tous les faits (aucun profil)",
                        "todos los datos (ningún perfil)",
                    ),
                ),
            ],
        );
        return;
    };
    // The State by its name in each language, and its code.
    let [en, fr, es] = Lang::ALL.map(|lang| format!("{} ({})", state_name(p, lang), p.iso3));
    let state = Arg::words(en, fr, es);
    let instruments = instruments_of(r);
    let mut missing: Vec<&str> = Vec::new();

    if !check_languages(out, r, p, &state, &instruments) {
        missing.push("languages");
    }
    if !check_central_authority(out, r, p, &state, &instruments) {
        missing.push("central_authorities");
    }
    check_channel(out, r, p, &state, &instruments);
    if !check_legal_basis(out, r, p, &state) {
        missing.push("legal_basis");
    }
    check_dual_criminality(out, r, p, &state);
    check_civil_proceedings(out, r, p, &state);
    check_authentication(out, r, p, &state);
    check_service_lead_time(out, r, ctx, p, &state);
    check_stale_facts(out, ctx, p, &state);

    if !missing.is_empty() {
        missing.sort_unstable();
        out.hit_fact(
            RuleId::StateUnknownProfile,
            "requested_state",
            None,
            vec![("state", state), ("missing", fact_names(&missing))],
        );
    }
}

/// Languages of the request and of the annexes (46(14)). False when the profile does not
/// say which languages the State accepts.
fn check_languages(
    out: &mut Out,
    r: &Request,
    p: &Profile,
    state: &Arg,
    instruments: &[Instrument],
) -> bool {
    let Some(langs) = languages_for(p, instruments) else {
        return false;
    };
    let drafting = r.drafting_language.trim();
    if !drafting.is_empty() && !langs.requests.iter().any(|l| l == drafting) {
        out.hit_fact(
            RuleId::StateLanguage,
            "drafting_language",
            Some(langs.provenance()),
            vec![
                ("state", state.clone()),
                ("language", t(drafting.to_owned())),
                ("accepted", t(langs.requests.join(", "))),
            ],
        );
    }
    if let Some(annexes) = &langs.annexes {
        for (i, a) in r.attachments.iter().enumerate() {
            let language = a.language.trim();
            if language.is_empty() || annexes.iter().any(|l| l == language) {
                continue;
            }
            let translated = matches!(
                a.translation,
                TranslationStatus::Done | TranslationStatus::InProgress
            ) && annexes.iter().any(|l| l == a.translation_language.trim());
            if !translated {
                out.hit_fact(
                    RuleId::StateAnnexLanguage,
                    format!("attachments[{i}].translation_language"),
                    Some(langs.provenance()),
                    vec![
                        ("n", t((i + 1).to_string())),
                        ("title", t(a.title.clone())),
                        ("state", state.clone()),
                        ("language", t(language.to_owned())),
                        ("accepted", t(annexes.join(", "))),
                    ],
                );
            }
        }
    }
    true
}

/// The designated central authority (46(13)). False when the profile names none.
fn check_central_authority(
    out: &mut Out,
    r: &Request,
    p: &Profile,
    state: &Arg,
    instruments: &[Instrument],
) -> bool {
    let authorities = authorities_for(p, instruments);
    if authorities.is_empty() {
        return false;
    }
    let addressee = normalize(&r.addressee.name);
    let matches = |name: &str| {
        let full = normalize(name);
        let short = normalize(name.split('(').next().unwrap_or(name));
        !short.is_empty() && (addressee.contains(&short) || addressee.contains(&full))
    };
    if !addressee.is_empty() && !authorities.iter().any(|a| matches(&a.name)) {
        let first = authorities[0];
        out.hit_fact(
            RuleId::StateCentralAuthority,
            "addressee.name",
            Some(first.provenance()),
            vec![
                ("state", state.clone()),
                ("addressee", t(r.addressee.name.trim().to_owned())),
                (
                    "authority",
                    t(authorities
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")),
                ),
            ],
        );
    }
    true
}

/// Transmission channel (46(13)).
fn check_channel(out: &mut Out, r: &Request, p: &Profile, state: &Arg, instruments: &[Instrument]) {
    if r.channel == Channel::Unspecified {
        return;
    }
    let Some(channels) = channels_for(p, instruments) else {
        return;
    };
    if !channels
        .value
        .iter()
        .any(|c| c.as_request_channel() == r.channel)
    {
        out.hit_fact(
            RuleId::StateChannel,
            "channel",
            Some(channels.provenance()),
            vec![
                ("state", state.clone()),
                ("channel", label(channel_key(r.channel))),
                (
                    "accepted",
                    label_list(
                        channels
                            .value
                            .iter()
                            .map(|c| channel_key(c.as_request_channel())),
                    ),
                ),
            ],
        );
    }
}

/// Legal basis: a treaty or reciprocity where the State requires one. False when the
/// profile does not say.
fn check_legal_basis(out: &mut Out, r: &Request, p: &Profile, state: &Arg) -> bool {
    match &p.legal_basis {
        Some(fact) if fact.value == LegalBasisStance::TreatyOrReciprocityRequired => {
            let treaty = r.legal_basis.iter().any(|b| {
                matches!(
                    b,
                    LegalBasis::BilateralTreaty { .. } | LegalBasis::RegionalConvention { .. }
                )
            });
            let reciprocity = r.legal_basis.iter().any(|b| {
                matches!(b, LegalBasis::Reciprocity { assurance_given } if *assurance_given || r.assurances.reciprocity)
            });
            if !treaty && !reciprocity {
                out.hit_fact(
                    RuleId::StateLegalBasis,
                    "legal_basis",
                    Some(fact.provenance()),
                    vec![("state", state.clone())],
                );
            }
            true
        }
        Some(_) => true,
        None => false,
    }
}

/// Dual criminality for the optional UNCAC offences the State does not criminalize.
fn check_dual_criminality(out: &mut Out, r: &Request, p: &Profile, state: &Arg) {
    let stance = p
        .dual_criminality
        .as_ref()
        .map(|f| f.value)
        .unwrap_or(DualCriminality::CoerciveOnly);
    if stance == DualCriminality::None {
        return;
    }
    for (i, m) in r.measures.iter().enumerate() {
        if stance == DualCriminality::CoerciveOnly && !is_coercive(kind_key(r, m)) {
            continue;
        }
        let linked = |o: &Offence| {
            m.offence_ids.iter().all(|x| x.trim().is_empty()) || m.offence_ids.contains(&o.id)
        };
        for o in r.offences.iter().filter(|o| linked(o)) {
            let Some(offence) = OptionalOffence::from_key(o.conduct_category.trim()) else {
                continue;
            };
            if let Some(fact) = p.optional_offences.get(&offence) {
                if !fact.value {
                    out.hit_fact(
                        RuleId::StateDualCriminalityOptionalOffence,
                        format!("measures[{i}]"),
                        Some(fact.provenance()),
                        vec![
                            ("n", t((i + 1).to_string())),
                            ("kind", Arg::Kind(m.details.kind().to_owned())),
                            ("offence", t(o.label.clone())),
                            ("category", t(offence.key().to_owned())),
                            ("state", state.clone()),
                        ],
                    );
                }
            }
        }
    }
}

/// Civil or administrative proceedings sent to a criminal-matters central authority.
fn check_civil_proceedings(out: &mut Out, r: &Request, p: &Profile, state: &Arg) {
    if r.case.nature == ProceedingNature::CivilOrAdministrative {
        if let Some(fact) = p.civil_proceedings.as_ref().filter(|f| !f.value) {
            out.hit_fact(
                RuleId::StateCivilProceedings,
                "case.nature",
                Some(fact.provenance()),
                vec![("state", state.clone())],
            );
        }
    }
}

/// Authentication of the annexes, and signature and seal on every page.
fn check_authentication(out: &mut Out, r: &Request, p: &Profile, state: &Arg) {
    let Some(auth) = &p.authentication else {
        return;
    };
    for (i, a) in r.attachments.iter().enumerate() {
        if !certification_satisfies(a.certification, auth.value) {
            out.hit_fact(
                RuleId::StateAuthentication,
                format!("attachments[{i}].certification"),
                Some(auth.provenance()),
                vec![
                    ("n", t((i + 1).to_string())),
                    ("title", t(a.title.clone())),
                    ("state", state.clone()),
                    ("requirement", label(authentication_key(auth.value))),
                    ("certification", label(certification_key(a.certification))),
                ],
            );
        }
    }
    if auth.signature_seal_every_page == Some(true) {
        out.hit_fact(
            RuleId::StateSignatureEveryPage,
            "signatory",
            Some(auth.provenance()),
            vec![("state", state.clone())],
        );
    }
}

/// Lead time for service of documents.
fn check_service_lead_time(
    out: &mut Out,
    r: &Request,
    ctx: &CheckContext,
    p: &Profile,
    state: &Arg,
) {
    let Some(lead) = &p.service_lead_time_days else {
        return;
    };
    for (i, m) in r.measures.iter().enumerate() {
        let MeasureDetails::ServeDocuments(d) = &m.details else {
            continue;
        };
        let Some(date) = d.appearance_date else {
            continue;
        };
        let days = (date - ctx.today).num_days();
        if date >= ctx.today && days < i64::from(lead.value) {
            out.hit_fact(
                RuleId::StateServiceLeadTime,
                format!("measures[{i}].details.appearance_date"),
                Some(lead.provenance()),
                vec![
                    ("n", t((i + 1).to_string())),
                    ("date", t(date.to_string())),
                    ("days", t(days.to_string())),
                    ("lead", t(lead.value.to_string())),
                    ("state", state.clone()),
                ],
            );
        }
    }
}

/// Facts checked long ago.
fn check_stale_facts(out: &mut Out, ctx: &CheckContext, p: &Profile, state: &Arg) {
    let facts = p.facts();
    let stale: Vec<&(String, Provenance<'_>)> = facts
        .iter()
        .filter(|(_, prov)| is_stale(prov.checked, ctx.today))
        .collect();
    if let Some((field, oldest)) = stale.iter().min_by_key(|(_, prov)| prov.checked) {
        out.hit_fact(
            RuleId::StateFactStale,
            "requested_state",
            Some(*oldest),
            vec![
                ("state", state.clone()),
                ("count", t(stale.len().to_string())),
                ("field", fact_name(field)),
                ("date", t(oldest.checked.to_string())),
            ],
        );
    }
}

/// Lower case, letters and digits only, single spaces: for comparing authority names.
fn normalize(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn certification_satisfies(have: Certification, need: Authentication) -> bool {
    match need {
        Authentication::NoneRequired => true,
        Authentication::Certification => matches!(
            have,
            Certification::CertifiedCopy | Certification::Apostille | Certification::Legalized
        ),
        Authentication::Apostille => have == Certification::Apostille,
        Authentication::Legalization => have == Certification::Legalized,
    }
}

/// Words in en, fr and es; the English ones are the profile's keys, as the English
/// messages have always shown them.
type Label = [&'static str; 3];

fn t(text: impl Into<String>) -> Arg {
    Arg::Text(text.into())
}

fn label([en, fr, es]: Label) -> Arg {
    Arg::words(en, fr, es)
}

fn label_list(labels: impl Iterator<Item = Label>) -> Arg {
    let mut out: [Vec<&str>; 3] = Default::default();
    for l in labels {
        for (words, word) in out.iter_mut().zip(l) {
            words.push(word);
        }
    }
    let [en, fr, es] = out.map(|w| w.join(", "));
    Arg::words(en, fr, es)
}

fn channel_key(c: Channel) -> Label {
    match c {
        Channel::Unspecified => ["unspecified", "non précisée", "no especificada"],
        Channel::CentralAuthority => ["central_authority", "autorité centrale", "autoridad central"],
        Channel::Diplomatic => ["diplomatic", "voie diplomatique", "vía diplomática"],
        Channel::Interpol => ["interpol", "INTERPOL", "INTERPOL"],
        Channel::Email => ["email", "courrier électronique", "correo electrónico"],
        Channel::Portal => ["portal", "portail", "portal"],
    }
}

fn authentication_key(a: Authentication) -> Label {
    match a {
        Authentication::NoneRequired => [
            "none_required",
            "aucune authentification",
            "ninguna autenticación",
        ],
        Authentication::Certification => ["certification", "certification", "certificación"],
        Authentication::Apostille => ["apostille", "apostille", "apostilla"],
        Authentication::Legalization => ["legalization", "légalisation", "legalización"],
    }
}

fn certification_key(c: Certification) -> Label {
    match c {
        Certification::None => ["none", "sans certification", "sin certificación"],
        Certification::CertifiedCopy => [
            "certified_copy",
            "copie certifiée conforme",
            "copia certificada",
        ],
        Certification::Apostille => ["apostille", "apostille", "apostilla"],
        Certification::Legalized => ["legalized", "légalisée", "legalizada"],
        Certification::SwornTranslation => [
            "sworn_translation",
            "traduction assermentée",
            "traducción jurada",
        ],
    }
}

/// A profile fact by its name in each language: the profile's field path in English (as
/// `Profile::facts` gives it), the name of the fact in French and Spanish followed by the
/// entry (`[0]`, `."uncac.20"`) when there is one.
fn fact_name(field: &str) -> Arg {
    let end = field.find(['[', '.']).unwrap_or(field.len());
    let (key, entry) = field.split_at(end);
    let Some([_, fr, es]) = fact_label(key) else {
        return t(field);
    };
    let entry = if entry.is_empty() {
        String::new()
    } else {
        format!(" {entry}")
    };
    Arg::words(field, format!("{fr}{entry}"), format!("{es}{entry}"))
}

/// Facts the profile does not record, in each language.
fn fact_names(keys: &[&'static str]) -> Arg {
    label_list(keys.iter().map(|k| fact_label(k).unwrap_or([k, k, k])))
}

fn fact_label(key: &str) -> Option<Label> {
    const LABELS: &[Label] = &[
        ["authentication", "authentification", "autenticación"],
        ["central_authorities", "autorités centrales", "autoridades centrales"],
        ["channels", "voies de transmission", "vías de transmisión"],
        ["civil_proceedings", "procédures civiles", "procedimientos civiles"],
        ["dual_criminality", "double incrimination", "doble incriminación"],
        ["instruments", "instruments", "instrumentos"],
        ["languages", "langues", "idiomas"],
        ["legal_basis", "base légale", "base jurídica"],
        ["optional_offences", "infractions facultatives", "delitos facultativos"],
        ["service_lead_time_days", "délai de signification", "plazo de notificación"],
        ["special_requirements", "exigences particulières", "requisitos especiales"],
        [
            "uncac",
            "Convention contre la corruption",
            "Convención contra la Corrupción",
        ],
        [
            "untoc",
            "Convention contre la criminalité organisée",
            "Convención contra la Delincuencia Organizada",
        ],
        ["urgent_procedure", "procédure d'urgence", "procedimiento urgente"],
    ];
    LABELS.iter().find(|l| l[0] == key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_names_compare_without_case_punctuation_or_parentheses() {
        assert_eq!(
            normalize("Office of the Attorney-General (Dept. of Int'l Affairs)"),
            "office of the attorney general dept of int l affairs"
        );
    }

    #[test]
    fn certification_levels() {
        use Authentication as A;
        use Certification as C;
        assert!(certification_satisfies(C::None, A::NoneRequired));
        assert!(!certification_satisfies(C::None, A::Certification));
        assert!(certification_satisfies(C::CertifiedCopy, A::Certification));
        assert!(!certification_satisfies(C::CertifiedCopy, A::Apostille));
        assert!(certification_satisfies(C::Apostille, A::Apostille));
        assert!(!certification_satisfies(
            C::SwornTranslation,
            A::Legalization
        ));
        assert!(certification_satisfies(C::Legalized, A::Legalization));
    }
}
