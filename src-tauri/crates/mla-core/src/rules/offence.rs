//! The offences: label, provision and conduct category of each.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, Out};
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "offence.category-missing"
severity = "warning"
source = "UNCAC art. 43(2)"
en.title = "Offence not mapped to a conduct category"
en.why = "Dual criminality is judged by conduct, not by the name of the offence; mapping each offence to a conduct category lets the checker assess the risk for coercive measures."
en.fix = "Choose the conduct category that describes the offence (e.g. bribery of a national public official, laundering)."
en.message = "Offence {n} has no conduct category."
fr.title = "Infraction non rattachée à une catégorie de comportement"
fr.why = "La double incrimination s'apprécie au regard du comportement, non de la qualification ; rattacher chaque infraction à une catégorie permet d'évaluer le risque pour les mesures coercitives."
fr.fix = "Choisissez la catégorie de comportement qui correspond à l'infraction (corruption d'agent public national, blanchiment…)."
fr.message = "L'infraction {n} n'est rattachée à aucune catégorie de comportement."
es.title = "Delito sin categoría de conducta"
es.why = "La doble incriminación se valora según la conducta, no según la denominación del delito; asignar una categoría a cada delito permite evaluar el riesgo para las medidas coercitivas."
es.fix = "Elija la categoría de conducta que describe el delito (soborno de funcionario público nacional, blanqueo...)."
es.message = "El delito {n} no tiene categoría de conducta."

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
      "conduct_category": "",
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
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "other.fraud",
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

[[rule]]
id = "offence.category-unknown"
severity = "warning"
source = "UNCAC art. 43(2)"
en.title = "Unknown conduct category"
en.why = "The category is not in the offence catalogue, so the dual-criminality risk cannot be assessed; it may be a typo or come from a newer catalogue."
en.fix = "Choose a category from the catalogue (run `mla rules` or see assets/offences.toml)."
en.message = "Offence {n}: the conduct category “{category}” is not in the catalogue."
fr.title = "Catégorie de comportement inconnue"
fr.why = "La catégorie ne figure pas dans le catalogue des infractions ; le risque de double incrimination ne peut être évalué. Il peut s'agir d'une faute de frappe ou d'un catalogue plus récent."
fr.fix = "Choisissez une catégorie du catalogue (commande `mla rules` ou fichier assets/offences.toml)."
fr.message = "Infraction {n} : la catégorie de comportement « {category} » ne figure pas dans le catalogue."
es.title = "Categoría de conducta desconocida"
es.why = "La categoría no figura en el catálogo de delitos, por lo que no puede evaluarse el riesgo de doble incriminación; puede tratarse de una errata o de un catálogo más reciente."
es.fix = "Elija una categoría del catálogo (orden `mla rules` o archivo assets/offences.toml)."
es.message = "Delito {n}: la categoría de conducta «{category}» no figura en el catálogo."

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
      "conduct_category": "uncac.99",
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
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "10 years' imprisonment",
      "conduct_category": "untoc.8.1",
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

[[rule]]
id = "offence.missing"
severity = "blocker"
source = "UNCAC art. 46(15)(b), (c); CAC/COSP/2019/7 §§ 45, 90"
en.title = "No offence described"
en.why = "The requested State must know which offence the proceedings concern to assess the request, its legal basis and dual criminality."
en.fix = "Add the offence: its name, the provision, its text and the penalty."
en.message = "The request describes no offence."
fr.title = "Aucune infraction décrite"
fr.why = "L'État requis doit savoir sur quelle infraction porte la procédure pour apprécier la demande, sa base légale et la double incrimination."
fr.fix = "Ajoutez l'infraction : qualification, texte d'incrimination cité et peine encourue."
fr.message = "La demande ne décrit aucune infraction."
es.title = "No se describe ningún delito"
es.why = "El Estado requerido debe saber a qué delito se refiere el proceso para valorar la solicitud, su base jurídica y la doble incriminación."
es.fix = "Añada el delito: su denominación, la disposición, su texto y la pena."
es.message = "La solicitud no describe ningún delito."

[rule.fixture]
fail = '''
{
  "offences": []
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
      "penalty": "",
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

[[rule]]
id = "offence.provision"
severity = "warning"
source = "CAC/COSP/2019/7 § 90 (incomplete legal information)"
en.title = "Offence without name or legal provision"
en.why = "Requested States report incomplete legal information as a cause of delay; they need the name of the offence and the provision that defines it."
en.fix = "Give the name of the offence and cite the provision (code, article)."
en.message = "Offence {n}: the name of the offence or the legal provision is missing."
fr.title = "Infraction sans qualification ou sans texte"
fr.why = "Les États requis citent le caractère incomplet des informations juridiques comme une cause de retard ; il leur faut la qualification de l'infraction et le texte qui la définit."
fr.fix = "Indiquez la qualification de l'infraction et citez le texte (code, article)."
fr.message = "Infraction {n} : la qualification ou le texte d'incrimination fait défaut."
es.title = "Delito sin denominación o sin disposición legal"
es.why = "Los Estados requeridos señalan la información jurídica incompleta como causa de demora; necesitan la denominación del delito y la disposición que lo define."
es.fix = "Indique la denominación del delito y cite la disposición (código, artículo)."
es.message = "Delito {n}: falta la denominación del delito o la disposición legal."

[rule.fixture]
fail = '''
{
  "offences": [
    {
      "id": "off-1",
      "label": "Passive bribery of a public official",
      "provision": "",
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
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
      "provision_text": "A public official who solicits or accepts an undue advantage in order to act or refrain from acting in the exercise of official duties is liable to ten years' imprisonment.",
      "penalty": "",
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
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    offences(r, ctx, out);
}

fn offences(r: &Request, ctx: &CheckContext, out: &mut Out) {
    if r.offences.is_empty() {
        out.hit(RuleId::OffenceMissing, "offences");
    }
    for (j, o) in r.offences.iter().enumerate() {
        let n = ("n", (j + 1).to_string());
        if blank(&o.label) {
            out.hit_with(
                RuleId::OffenceProvision,
                format!("offences[{j}].label"),
                vec![n.clone()],
            );
        } else if blank(&o.provision) {
            out.hit_with(
                RuleId::OffenceProvision,
                format!("offences[{j}].provision"),
                vec![n.clone()],
            );
        }
        let category = o.conduct_category.trim();
        if category.is_empty() {
            out.hit_with(
                RuleId::OffenceCategoryMissing,
                format!("offences[{j}].conduct_category"),
                vec![n],
            );
        } else if ctx.offences.get(category).is_none() {
            out.hit_with(
                RuleId::OffenceCategoryUnknown,
                format!("offences[{j}].conduct_category"),
                vec![n, ("category", category.to_owned())],
            );
        }
    }
}
