//! Time: service lead time, limitation dates, urgency and deadlines.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, mpath, num, Out};
use super::{CheckContext, RuleId};
use chrono::Duration;
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "time.deadline-past"
severity = "blocker"
source = "UNCAC art. 46(24); UNTOC art. 18(24)"
en.title = "Deadline already past"
en.why = "A deadline that has passed cannot be taken into account and suggests the request is out of date."
en.fix = "Set a realistic deadline, with its reasons, or remove it."
en.message = "The deadline {date} is already past."
fr.title = "Délai déjà expiré"
fr.why = "Un délai déjà expiré ne peut être pris en compte et laisse penser que la demande n'est plus à jour."
fr.fix = "Fixez un délai réaliste, motivé, ou supprimez-le."
fr.message = "Le délai du {date} est déjà expiré."
es.title = "Plazo ya vencido"
es.why = "Un plazo ya vencido no puede tenerse en cuenta y sugiere que la solicitud está desactualizada."
es.fix = "Fije un plazo realista y motivado, o suprímalo."
es.message = "El plazo del {date} ya ha vencido."

[rule.fixture]
fail = '''
{
  "urgency": {
    "urgent": true,
    "reason": "The suspect's detention ends soon.",
    "deadline": "2026-11-01"
  }
}
'''
pass = '''
{
  "urgency": {
    "urgent": true,
    "reason": "The suspect's detention ends soon.",
    "deadline": "2026-12-15"
  }
}
'''

[[rule]]
id = "time.deadline-tight"
severity = "advice"
source = "UNCAC art. 46(24); CAC/COSP/2019/7 §§ 43, 96"
en.title = "Deadline shorter than usual execution time, request not marked urgent"
en.why = "Requests typically take months to execute; a deadline sooner than that will be missed unless the request is treated as urgent, and some States can start urgent requests on an advance copy."
en.fix = "Mark the request as urgent, give the reasons, and consider sending an advance copy."
en.message = "The deadline {date} is less than {execution} days away, but the request is not marked urgent."
fr.title = "Délai plus court que le délai d'exécution habituel, sans urgence déclarée"
fr.why = "L'exécution d'une demande prend habituellement des mois ; un délai plus court ne sera pas tenu si la demande n'est pas traitée en urgence, et certains États peuvent commencer l'exécution sur une copie anticipée."
fr.fix = "Déclarez la demande urgente, motivez l'urgence et envisagez l'envoi d'une copie anticipée."
fr.message = "Le délai du {date} est à moins de {execution} jours, mais la demande n'est pas déclarée urgente."
es.title = "Plazo inferior al tiempo habitual de ejecución, sin urgencia declarada"
es.why = "La ejecución de una solicitud suele tardar meses; un plazo más corto no se cumplirá si la solicitud no se trata como urgente, y algunos Estados pueden iniciar la ejecución con una copia anticipada."
es.fix = "Declare la solicitud urgente, motive la urgencia y considere enviar una copia anticipada."
es.message = "El plazo del {date} vence en menos de {execution} días, pero la solicitud no se declara urgente."

[rule.fixture]
fail = '''
{
  "urgency": {
    "urgent": false,
    "reason": "The trial opens on 1 February 2027.",
    "deadline": "2027-01-15"
  }
}
'''
pass = '''
{
  "urgency": {
    "urgent": true,
    "reason": "The trial opens on 1 February 2027.",
    "deadline": "2027-01-15"
  }
}
'''

[[rule]]
id = "time.limitation-close"
severity = "warning"
source = "CAC/COSP/2019/7 §§ 47, 54, 96"
en.title = "Limitation period may expire during execution"
en.why = "Requesting States report requests refused because the limitation period expired while they were being executed; execution typically takes three to six months."
en.fix = "Mark the request urgent, give the limitation date as the reason, consult the central authority in advance and send a draft."
en.message = "Offence {n}: prosecution becomes time-barred on {date}, in {days} days, which is less than a typical execution time of {execution} days."
fr.title = "La prescription risque d'être acquise pendant l'exécution"
fr.why = "Des États requérants signalent des refus dus à l'expiration du délai de prescription pendant l'exécution ; celle-ci prend habituellement de trois à six mois."
fr.fix = "Déclarez la demande urgente en invoquant la date de prescription, consultez l'autorité centrale au préalable et communiquez-lui un projet."
fr.message = "Infraction {n} : la prescription sera acquise le {date}, dans {days} jours, soit moins qu'un délai d'exécution habituel de {execution} jours."
es.title = "El plazo de prescripción puede vencer durante la ejecución"
es.why = "Los Estados requirentes señalan denegaciones porque el plazo de prescripción venció durante la ejecución; esta suele tardar de tres a seis meses."
es.fix = "Declare la solicitud urgente invocando la fecha de prescripción, consulte previamente a la autoridad central y envíe un proyecto."
es.message = "Delito {n}: la acción penal prescribe el {date}, dentro de {days} días, menos que un tiempo de ejecución habitual de {execution} días."

[rule.fixture]
note = "today 2026-11-20, typical execution 180 days"
fail = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Passive bribery of a public official",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.15",
      "limitation_date": "2027-03-01"
    },
    {
      "id": "off-2",
      "label": "Money laundering",
      "provision": "Anti-Money Laundering Act of Ruritania, s. 3",
      "provision_text": "Whoever converts or transfers property knowing it to be the proceeds of crime, to conceal its illicit origin, is liable to twelve years' imprisonment.",
      "penalty": "12 years' imprisonment",
      "conduct_category": "uncac.23",
      "limitation_date": "2036-06-10"
    }
  ]
}
'''
pass = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Passive bribery of a public official",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.15",
      "limitation_date": "2027-07-01"
    },
    {
      "id": "off-2",
      "label": "Money laundering",
      "provision": "Anti-Money Laundering Act of Ruritania, s. 3",
      "provision_text": "Whoever converts or transfers property knowing it to be the proceeds of crime, to conceal its illicit origin, is liable to twelve years' imprisonment.",
      "penalty": "12 years' imprisonment",
      "conduct_category": "uncac.23",
      "limitation_date": "2036-06-10"
    }
  ]
}
'''

[[rule]]
id = "time.limitation-expired"
severity = "blocker"
source = "CAC/COSP/2019/7 § 54 (requests refused once the limitation period expired)"
en.title = "Limitation period already expired"
en.why = "Once prosecution is time-barred, the proceedings the request serves can no longer lead to a conviction; the requested State will refuse."
en.fix = "Check the limitation date and any interruption or suspension; withdraw the offence if it is time-barred."
en.message = "Offence {n}: prosecution became time-barred on {date}."
fr.title = "Prescription déjà acquise"
fr.why = "Une fois la prescription acquise, la procédure que sert la demande ne peut plus aboutir à une condamnation ; l'État requis refusera."
fr.fix = "Vérifiez la date de prescription et ses éventuelles interruptions ou suspensions ; retirez l'infraction si elle est prescrite."
fr.message = "Infraction {n} : la prescription est acquise depuis le {date}."
es.title = "Plazo de prescripción ya vencido"
es.why = "Una vez prescrita la acción penal, el proceso al que sirve la solicitud ya no puede conducir a una condena; el Estado requerido la denegará."
es.fix = "Verifique la fecha de prescripción y sus posibles interrupciones o suspensiones; retire el delito si ha prescrito."
es.message = "Delito {n}: la acción penal prescribió el {date}."

[rule.fixture]
note = "Expiring today is close, not expired."
fail = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Passive bribery of a public official",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.15",
      "limitation_date": "2026-11-01"
    },
    {
      "id": "off-2",
      "label": "Money laundering",
      "provision": "Anti-Money Laundering Act of Ruritania, s. 3",
      "provision_text": "Whoever converts or transfers property knowing it to be the proceeds of crime, to conceal its illicit origin, is liable to twelve years' imprisonment.",
      "penalty": "12 years' imprisonment",
      "conduct_category": "uncac.23",
      "limitation_date": "2036-06-10"
    }
  ]
}
'''
pass = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Passive bribery of a public official",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.15",
      "limitation_date": "2026-11-20"
    },
    {
      "id": "off-2",
      "label": "Money laundering",
      "provision": "Anti-Money Laundering Act of Ruritania, s. 3",
      "provision_text": "Whoever converts or transfers property knowing it to be the proceeds of crime, to conceal its illicit origin, is liable to twelve years' imprisonment.",
      "penalty": "12 years' imprisonment",
      "conduct_category": "uncac.23",
      "limitation_date": "2036-06-10"
    }
  ]
}
'''

[[rule]]
id = "time.limitation-watch"
severity = "advice"
source = "CAC/COSP/2019/7 §§ 47, 54"
en.title = "Limitation date within a year"
en.why = "Execution can take longer than expected (several authorities, supplementary requests); a limitation date within a year deserves attention."
en.fix = "Mention the limitation date in the request so the requested State can plan."
en.message = "Offence {n}: prosecution becomes time-barred on {date}, in {days} days."
fr.title = "Prescription dans moins d'un an"
fr.why = "L'exécution peut prendre plus de temps que prévu (plusieurs autorités, demandes complémentaires) ; une prescription à moins d'un an mérite attention."
fr.fix = "Mentionnez la date de prescription dans la demande pour que l'État requis puisse s'organiser."
fr.message = "Infraction {n} : la prescription sera acquise le {date}, dans {days} jours."
es.title = "Prescripción en menos de un año"
es.why = "La ejecución puede tardar más de lo previsto (varias autoridades, solicitudes complementarias); una prescripción en menos de un año merece atención."
es.fix = "Mencione la fecha de prescripción en la solicitud para que el Estado requerido pueda organizarse."
es.message = "Delito {n}: la acción penal prescribe el {date}, dentro de {days} días."

[rule.fixture]
fail = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Passive bribery of a public official",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.15",
      "limitation_date": "2027-07-01"
    },
    {
      "id": "off-2",
      "label": "Money laundering",
      "provision": "Anti-Money Laundering Act of Ruritania, s. 3",
      "provision_text": "Whoever converts or transfers property knowing it to be the proceeds of crime, to conceal its illicit origin, is liable to twelve years' imprisonment.",
      "penalty": "12 years' imprisonment",
      "conduct_category": "uncac.23",
      "limitation_date": "2036-06-10"
    }
  ]
}
'''
pass = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Passive bribery of a public official",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.15",
      "limitation_date": "2027-12-01"
    },
    {
      "id": "off-2",
      "label": "Money laundering",
      "provision": "Anti-Money Laundering Act of Ruritania, s. 3",
      "provision_text": "Whoever converts or transfers property knowing it to be the proceeds of crime, to conceal its illicit origin, is liable to twelve years' imprisonment.",
      "penalty": "12 years' imprisonment",
      "conduct_category": "uncac.23",
      "limitation_date": "2036-06-10"
    }
  ]
}
'''

[[rule]]
id = "time.service-lead-time"
severity = "warning"
source = "CAC/COSP/2019/7 § 89"
en.title = "Too little time to serve before the hearing"
en.why = "Summonses received too close to the hearing date cannot be served in time; Italy reports this as a cause of failed execution."
en.fix = "Move the hearing date or send the request earlier, allowing at least the requested State's lead time."
en.message = "Measure {n}: the appearance on {date} is only {days} days away; allow at least {lead} days for service."
fr.title = "Délai trop court pour signifier avant l'audience"
fr.why = "Les citations reçues trop près de la date d'audience ne peuvent être signifiées à temps ; l'Italie signale cette cause d'échec de l'exécution."
fr.fix = "Reportez l'audience ou transmettez la demande plus tôt, en respectant au moins le délai de l'État requis."
fr.message = "Mesure {n} : la comparution du {date} n'est que dans {days} jours ; prévoyez au moins {lead} jours pour la signification."
es.title = "Tiempo insuficiente para notificar antes de la audiencia"
es.why = "Las citaciones recibidas demasiado cerca de la fecha de la audiencia no pueden notificarse a tiempo; Italia lo señala como causa de ejecución fallida."
es.fix = "Aplace la audiencia o envíe antes la solicitud, respetando al menos la antelación que requiere el Estado requerido."
es.message = "Medida {n}: la comparecencia del {date} es dentro de solo {days} días; prevea al menos {lead} días para la notificación."

[rule.fixture]
note = "Default lead time 30 days; 2026-12-20 is exactly 30 days after today."
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
          "att-summons"
        ],
        "appearance_date": "2026-12-10",
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
          "att-summons"
        ],
        "appearance_date": "2026-12-20",
        "proof_of_service": true
      }
    }
  ]
}
'''

[[rule]]
id = "time.urgency-reasons"
severity = "warning"
source = "UNCAC art. 46(24); UNTOC art. 18(24)"
en.title = "Urgency or deadline without reasons"
en.why = "The requested State takes as full account as possible of deadlines for which reasons are given, preferably in the request."
en.fix = "Give the reasons for the urgency or the deadline (detention time limits, limitation date, hearing date, risk of loss)."
en.message = "The request is urgent or has a deadline, but gives no reason."
fr.title = "Urgence ou délai non motivé"
fr.why = "L'État requis tient compte autant que possible des délais suggérés qui sont motivés, de préférence dans la demande."
fr.fix = "Motivez l'urgence ou le délai (délais de détention, prescription, date d'audience, risque de perte)."
fr.message = "La demande est urgente ou assortie d'un délai, mais n'en donne pas le motif."
es.title = "Urgencia o plazo sin motivos"
es.why = "El Estado requerido tiene en cuenta en la mayor medida posible los plazos que se motiven, preferiblemente en la solicitud."
es.fix = "Motive la urgencia o el plazo (plazos de detención, prescripción, fecha de audiencia, riesgo de pérdida)."
es.message = "La solicitud es urgente o tiene un plazo, pero no indica el motivo."

[rule.fixture]
fail = '''
{
  "urgency": {
    "urgent": true,
    "reason": ""
  }
}
'''
pass = '''
{
  "urgency": {
    "urgent": true,
    "reason": "The suspect's detention ends on 15 January 2027."
  }
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    time(r, ctx, out);
}

fn time(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let lead = ctx
        .requested_state(r)
        .facts()
        .and_then(|p| p.service_lead_time_days())
        .unwrap_or(ctx.settings.service_lead_time_days);
    for (i, m) in r.measures.iter().enumerate() {
        if let MeasureDetails::ServeDocuments(d) = &m.details {
            if let Some(date) = d.appearance_date {
                let days = (date - ctx.today).num_days();
                if date >= ctx.today && days < i64::from(lead) {
                    out.hit_with(
                        RuleId::TimeServiceLeadTime,
                        mpath(i, "appearance_date"),
                        vec![
                            num(i),
                            ("date", date.to_string()),
                            ("days", days.to_string()),
                            ("lead", lead.to_string()),
                        ],
                    );
                }
            }
        }
    }
    let execution = i64::from(ctx.settings.typical_execution_days);
    for (j, o) in r.offences.iter().enumerate() {
        let Some(date) = o.limitation_date else {
            continue;
        };
        let days = (date - ctx.today).num_days();
        let path = format!("offences[{j}].limitation_date");
        let args = vec![
            ("n", (j + 1).to_string()),
            ("date", date.to_string()),
            ("days", days.to_string()),
            ("execution", execution.to_string()),
        ];
        if days < 0 {
            out.hit_with(RuleId::TimeLimitationExpired, path, args);
        } else if days < execution {
            out.hit_with(RuleId::TimeLimitationClose, path, args);
        } else if days < i64::from(ctx.settings.limitation_advice_days) {
            out.hit_with(RuleId::TimeLimitationWatch, path, args);
        }
    }
    let u = &r.urgency;
    if (u.urgent || u.deadline.is_some()) && blank(&u.reason) {
        out.hit(RuleId::TimeUrgencyReasons, "urgency.reason");
    }
    if let Some(deadline) = u.deadline {
        if deadline < ctx.today {
            out.hit_with(
                RuleId::TimeDeadlinePast,
                "urgency.deadline",
                vec![("date", deadline.to_string())],
            );
        } else if !u.urgent && deadline < ctx.today + Duration::days(execution) {
            out.hit_with(
                RuleId::TimeDeadlineTight,
                "urgency.urgent",
                vec![
                    ("date", deadline.to_string()),
                    ("execution", execution.to_string()),
                ],
            );
        }
    }
}
