//! Dual criminality: coercive measures for conduct the requested State may not criminalize.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, mpath, num, Out};
use super::{is_coercive, kind_key, CheckContext, RuleId};
use crate::offences::OffenceStatus;
use std::collections::HashSet;
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "dual.conduct-description"
severity = "advice"
source = "UNCAC art. 43(2); CAC/COSP/2019/7 §§ 45, 54, 90"
en.title = "Offence provision not quoted for a coercive measure"
en.why = "For coercive measures the requested State assesses dual criminality by the conduct, whatever the offence is called; quoting the provision and the penalty lets it match the conduct to its own law."
en.fix = "Quote the text of the provision and give the penalty."
en.message = "Offence {n} ({offence}) is relied on for a coercive measure, but the text of its provision is not quoted."
fr.title = "Texte d'incrimination non cité pour une mesure coercitive"
fr.why = "Pour les mesures coercitives, l'État requis apprécie la double incrimination au regard du comportement, quelle que soit la qualification ; citer le texte et la peine lui permet de rapprocher le comportement de son droit."
fr.fix = "Citez le texte d'incrimination et indiquez la peine encourue."
fr.message = "L'infraction {n} ({offence}) est invoquée à l'appui d'une mesure coercitive, mais le texte d'incrimination n'est pas cité."
es.title = "No se cita la disposición penal para una medida coercitiva"
es.why = "Para las medidas coercitivas, el Estado requerido valora la doble incriminación según la conducta, cualquiera que sea su denominación; citar la disposición y la pena le permite relacionar la conducta con su propio derecho."
es.fix = "Cite el texto de la disposición y la pena prevista."
es.message = "El delito {n} ({offence}) se invoca para una medida coercitiva, pero no se cita el texto de la disposición."

[rule.fixture]
note = "Only coercive measures need the conduct described for dual criminality."
fail = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Passive bribery of a public official",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.15",
      "limitation_date": "2034-03-15"
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
      "provision_text": "",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.15",
      "limitation_date": "2034-03-15"
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
  ],
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
id = "dual.not-criminalized"
severity = "blocker"
source = "UNCAC arts. 43(2), 46(9)(b), (c); UNTOC art. 18(9)"
en.title = "Coercive measure for conduct the requested State does not criminalize"
en.why = "The requested State may refuse coercive assistance for lack of dual criminality, and its profile records that it does not criminalize this conduct."
en.fix = "Check whether the facts also fit an offence the requested State does criminalize (e.g. laundering, bribery) and add it; otherwise limit the request to non-coercive measures."
en.message = "Measure {n} ({kind}) is coercive and concerns the offence “{offence}” (category {category}), conduct that the requested State does not criminalize."
fr.title = "Mesure coercitive pour un comportement non incriminé par l'État requis"
fr.why = "L'État requis peut refuser les mesures coercitives en l'absence de double incrimination, et son profil indique qu'il n'incrimine pas ce comportement."
fr.fix = "Vérifiez si les faits relèvent aussi d'une infraction que l'État requis incrimine (blanchiment, corruption…) et ajoutez-la ; à défaut, limitez la demande aux mesures non coercitives."
fr.message = "La mesure {n} ({kind}) est coercitive et se rapporte à l'infraction « {offence} » (catégorie {category}), comportement que l'État requis n'incrimine pas."
es.title = "Medida coercitiva para una conducta que el Estado requerido no tipifica"
es.why = "El Estado requerido puede denegar las medidas coercitivas por falta de doble incriminación, y su perfil indica que no tipifica esta conducta."
es.fix = "Compruebe si los hechos encajan también en un delito que el Estado requerido tipifica (blanqueo, soborno...) y añádalo; si no, limite la solicitud a medidas no coercitivas."
es.message = "La medida {n} ({kind}) es coercitiva y se refiere al delito «{offence}» (categoría {category}), conducta que el Estado requerido no tipifica."

[rule.fixture]
note = "Non-coercive assistance is not refused for lack of dual criminality (UNCAC 46(9)(b))."
facts = '''
{
  "criminalizes": {
    "uncac.20": false
  }
}
'''
fail = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Illicit enrichment",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.20",
      "limitation_date": "2034-03-15"
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
  ],
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
pass = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Illicit enrichment",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.20",
      "limitation_date": "2034-03-15"
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
  ],
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
id = "dual.optional-offence"
severity = "warning"
source = "UNCAC arts. 43(2) and 46(9)(b), (c); optional offences: arts. 16(2), 18–22 and 24"
en.title = "Dual-criminality risk for a coercive measure"
en.why = "UNCAC only asks States to consider criminalizing this conduct, so many have not; the requested State may refuse coercive measures for lack of dual criminality. Non-coercive measures are not affected (art. 46(9)(b))."
en.fix = "Describe the conduct fully and, where the facts allow, add an offence that States must criminalize (bribery, embezzlement by a public official, laundering); check the requested State's law."
en.message = "Measure {n} ({kind}) is coercive and concerns the offence “{offence}” (category {category}), which the requested State may not have established."
fr.title = "Risque de double incrimination pour une mesure coercitive"
fr.why = "La Convention invite seulement les États à envisager d'incriminer ce comportement, et beaucoup ne l'ont pas fait ; l'État requis peut refuser les mesures coercitives en l'absence de double incrimination. Les mesures non coercitives ne sont pas concernées (art. 46, par. 9 b))."
fr.fix = "Décrivez complètement le comportement et, si les faits le permettent, ajoutez une infraction que les États doivent incriminer (corruption, soustraction par un agent public, blanchiment) ; vérifiez le droit de l'État requis."
fr.message = "La mesure {n} ({kind}) est coercitive et se rapporte à l'infraction « {offence} » (catégorie {category}), que l'État requis n'a peut-être pas établie."
es.title = "Riesgo de doble incriminación para una medida coercitiva"
es.why = "La Convención solo invita a los Estados a considerar la tipificación de esta conducta, y muchos no lo han hecho; el Estado requerido puede denegar medidas coercitivas por falta de doble incriminación. Las medidas no coercitivas no se ven afectadas (art. 46, párr. 9 b))."
es.fix = "Describa la conducta por completo y, si los hechos lo permiten, añada un delito que los Estados deben tipificar (soborno, malversación por un funcionario público, blanqueo); verifique el derecho del Estado requerido."
es.message = "La medida {n} ({kind}) es coercitiva y se refiere al delito «{offence}» (categoría {category}), que quizá el Estado requerido no haya tipificado."

[rule.fixture]
note = "A witness statement is not coercive (UNCAC 46(9)(b))."
fail = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Illicit enrichment",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.20",
      "limitation_date": "2034-03-15"
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
  ],
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
pass = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Illicit enrichment",
      "provision": "Criminal Code of Ruritania, art. 310",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "uncac.20",
      "limitation_date": "2034-03-15"
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
  ],
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
id = "dual.untoc-discretionary"
severity = "advice"
source = "UNTOC art. 18(9)"
en.title = "Organized Crime Convention as sole basis: dual criminality at discretion"
en.why = "Under UNTOC the requested State may decline any assistance, coercive or not, for lack of dual criminality, though it may grant it at its discretion."
en.fix = "Describe the conduct so its criminal character is clear in any legal system; if UNCAC or a treaty also applies, invoke it too."
en.message = "The Organized Crime Convention is the only convention invoked; the requested State may require dual criminality for every measure."
fr.title = "Convention contre la criminalité organisée seule invoquée : double incrimination discrétionnaire"
fr.why = "En vertu de la Convention contre la criminalité transnationale organisée, l'État requis peut refuser toute assistance, coercitive ou non, en l'absence de double incrimination, même s'il peut l'accorder à sa discrétion."
fr.fix = "Décrivez le comportement de façon que son caractère pénal soit clair dans tout système juridique ; si la Convention contre la corruption ou un traité s'applique aussi, invoquez-les."
fr.message = "La Convention contre la criminalité organisée est la seule convention invoquée ; l'État requis peut exiger la double incrimination pour toute mesure."
es.title = "Convención contra la Delincuencia Organizada como única base: doble incriminación discrecional"
es.why = "Conforme a la Convención contra la Delincuencia Organizada Transnacional, el Estado requerido puede denegar cualquier asistencia, coercitiva o no, por falta de doble incriminación, aunque puede prestarla discrecionalmente."
es.fix = "Describa la conducta de modo que su carácter delictivo sea claro en cualquier sistema jurídico; si también se aplican la Convención contra la Corrupción o un tratado, invóquelos."
es.message = "La Convención contra la Delincuencia Organizada es la única convención invocada; el Estado requerido puede exigir doble incriminación para cualquier medida."

[rule.fixture]
fail = '''
{
  "legal_basis": [
    {
      "kind": "untoc"
    }
  ]
}
'''
pass = '''
{
  "legal_basis": [
    {
      "kind": "untoc"
    },
    {
      "kind": "uncac"
    }
  ]
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    dual_criminality(r, ctx, out);
}

fn dual_criminality(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let mut described: HashSet<usize> = HashSet::new();
    let state = ctx.requested_state(r);
    for (i, m) in r.measures.iter().enumerate() {
        if !is_coercive(kind_key(r, m)) {
            // UNCAC art. 46(9)(b): non-coercive assistance is not refused for lack of dual
            // criminality; nothing to say.
            continue;
        }
        if state.facts().and_then(|p| p.requires_dual_criminality(true)) == Some(false) {
            // The State's profile records that it does not require dual criminality.
            continue;
        }
        for (j, o) in r.offences.iter().enumerate() {
            let linked = if m.offence_ids.iter().all(|x| blank(x)) {
                true
            } else {
                m.offence_ids.contains(&o.id)
            };
            if !linked {
                continue;
            }
            let category = o.conduct_category.trim();
            let args = || {
                vec![
                    num(i),
                    ("kind", kind_key(r, m).to_owned()),
                    ("offence", o.label.clone()),
                    ("category", category.to_owned()),
                ]
            };
            if let Some(entry) = ctx.offences.get(category) {
                match state.facts().and_then(|p| p.criminalizes(category)) {
                    Some(true) => {}
                    Some(false) => out.hit_with(RuleId::DualNotCriminalized, mpath(i, ""), args()),
                    None if entry.status == OffenceStatus::Optional => {
                        out.hit_with(RuleId::DualOptionalOffence, mpath(i, ""), args())
                    }
                    None => {}
                }
            }
            if blank(&o.provision_text) && described.insert(j) {
                out.hit_with(
                    RuleId::DualConductDescription,
                    format!("offences[{j}].provision_text"),
                    vec![("n", (j + 1).to_string()), ("offence", o.label.clone())],
                );
            }
        }
    }
    // UNTOC art. 18(9): assistance without dual criminality is at the requested State's
    // discretion, for every type of assistance.
    let untoc = r.legal_basis.iter().position(|b| *b == LegalBasis::Untoc);
    let other_instrument = r.legal_basis.iter().any(|b| {
        matches!(
            b,
            LegalBasis::Uncac
                | LegalBasis::BilateralTreaty { .. }
                | LegalBasis::RegionalConvention { .. }
        )
    });
    if let Some(k) = untoc {
        if !other_instrument && !r.measures.is_empty() {
            out.hit(RuleId::DualUntocDiscretionary, format!("legal_basis[{k}]"));
        }
    }
}
