//! Legal basis: a treaty, convention or reciprocity the request rests on (UNCAC art. 46(7)).
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, Out};
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "basis.missing"
severity = "blocker"
source = "UNCAC art. 46(7); UNTOC art. 18(7); CAC/COSP/2019/7 §§ 46, 49, 51, 75"
en.title = "No legal basis"
en.why = "The requested State must know under which treaty, convention or reciprocity arrangement it is asked to act; some States do not act without a treaty or an assurance of reciprocity."
en.fix = "Add the legal basis: the UN Convention against Corruption, the UN Convention against Transnational Organized Crime, a bilateral or regional treaty, or reciprocity."
en.message = "The request states no legal basis."
fr.title = "Aucune base légale"
fr.why = "L'État requis doit savoir en vertu de quel traité, de quelle convention ou de quelle réciprocité il est saisi ; certains États n'accordent pas l'entraide judiciaire sans traité ou sans assurance de réciprocité."
fr.fix = "Indiquez la base légale : Convention des Nations Unies contre la corruption, Convention des Nations Unies contre la criminalité transnationale organisée, traité bilatéral ou régional, ou réciprocité."
fr.message = "La demande n'indique aucune base légale."
es.title = "Falta la base jurídica"
es.why = "El Estado requerido debe saber en virtud de qué tratado, convención o reciprocidad se le solicita actuar; algunos Estados no prestan asistencia judicial recíproca sin tratado o sin garantía de reciprocidad."
es.fix = "Indique la base jurídica: la Convención de las Naciones Unidas contra la Corrupción, la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional, un tratado bilateral o regional, o la reciprocidad."
es.message = "La solicitud no indica ninguna base jurídica."

[rule.fixture]
note = "Reciprocity with an assurance is a legal basis."
fail = '''
{
  "legal_basis": []
}
'''
pass = '''
{
  "legal_basis": [
    {
      "kind": "reciprocity",
      "assurance_given": true
    }
  ]
}
'''

[[rule]]
id = "basis.reciprocity-assurance"
severity = "warning"
source = "CAC/COSP/2019/7 §§ 46, 75"
en.title = "Reciprocity without an assurance"
en.why = "States that act on reciprocity usually expect the requesting State to undertake, in writing, to grant similar requests."
en.fix = "Give the assurance of reciprocity in the request (tick the reciprocity assurance)."
en.message = "Reciprocity is invoked, but no assurance of reciprocity is given."
fr.title = "Réciprocité sans assurance"
fr.why = "Les États qui agissent sur la base de la réciprocité attendent en général que l'État requérant s'engage par écrit à donner suite à des demandes analogues."
fr.fix = "Donnez dans la demande l'assurance de réciprocité (cochez l'assurance de réciprocité)."
fr.message = "La réciprocité est invoquée, mais aucune assurance de réciprocité n'est donnée."
es.title = "Reciprocidad sin garantía"
es.why = "Los Estados que actúan sobre la base de la reciprocidad suelen esperar que el Estado requirente se comprometa por escrito a atender solicitudes análogas."
es.fix = "Incluya en la solicitud la garantía de reciprocidad (marque la garantía de reciprocidad)."
es.message = "Se invoca la reciprocidad, pero no se da ninguna garantía de reciprocidad."

[rule.fixture]
note = "The assurance may be given in the assurances section."
fail = '''
{
  "legal_basis": [
    {
      "kind": "reciprocity",
      "assurance_given": false
    }
  ],
  "assurances": {
    "reciprocity": false
  }
}
'''
pass = '''
{
  "legal_basis": [
    {
      "kind": "reciprocity",
      "assurance_given": false
    }
  ],
  "assurances": {
    "reciprocity": true
  }
}
'''

[[rule]]
id = "basis.treaty-name"
severity = "warning"
source = "UNCAC art. 46(6), (7); UNTOC art. 18(6), (7)"
en.title = "Treaty not named"
en.why = "Where a treaty binds both States it governs the request instead of the Convention's paragraphs 9 to 29; the requested State must know which one you rely on."
en.fix = "Name the treaty or convention (title and date)."
en.message = "A treaty or regional convention is invoked without its name."
fr.title = "Traité non désigné"
fr.why = "Lorsqu'un traité lie les deux États, il régit la demande à la place des paragraphes 9 à 29 de la Convention ; l'État requis doit savoir sur quel instrument vous vous fondez."
fr.fix = "Indiquez le traité ou la convention (intitulé et date)."
fr.message = "Un traité ou une convention régionale est invoqué sans être désigné."
es.title = "Tratado no identificado"
es.why = "Cuando un tratado vincula a ambos Estados, rige la solicitud en lugar de los párrafos 9 a 29 de la Convención; el Estado requerido debe saber en qué instrumento se basa la solicitud."
es.fix = "Indique el tratado o la convención (título y fecha)."
es.message = "Se invoca un tratado o una convención regional sin identificarlo."

[rule.fixture]
fail = '''
{
  "legal_basis": [
    {
      "kind": "bilateral_treaty",
      "name": ""
    }
  ]
}
'''
pass = '''
{
  "legal_basis": [
    {
      "kind": "bilateral_treaty",
      "name": "Treaty on Mutual Legal Assistance in Criminal Matters between Ruritania and Mauritius",
      "date": "2015-04-01"
    }
  ]
}
'''

[[rule]]
id = "basis.uncac-scope"
severity = "warning"
source = "UNCAC art. 46(1)"
en.title = "UNCAC invoked for offences outside it"
en.why = "UNCAC art. 46 covers assistance in relation to the offences covered by the Convention; when no offence in the request is one of them, the requested State may decline to act on that basis."
en.fix = "Check the conduct categories of the offences; if none is a UNCAC offence, rely on another basis (UNTOC, a treaty, reciprocity)."
en.message = "UNCAC is invoked, but no offence in the request falls under a UNCAC conduct category."
fr.title = "CNUCC invoquée pour des infractions qu'elle ne vise pas"
fr.why = "L'article 46 de la Convention des Nations Unies contre la corruption vise l'entraide judiciaire relative aux infractions visées par la Convention ; si aucune infraction de la demande n'en relève, l'État requis peut refuser d'agir sur cette base."
fr.fix = "Vérifiez les catégories de comportement des infractions ; si aucune ne relève de la Convention, fondez-vous sur une autre base (CTO, traité, réciprocité)."
fr.message = "La Convention contre la corruption est invoquée, mais aucune infraction de la demande ne relève d'une catégorie de comportement qu'elle vise."
es.title = "Se invoca la CNUCC para delitos que no abarca"
es.why = "El artículo 46 de la Convención de las Naciones Unidas contra la Corrupción abarca la asistencia respecto de los delitos comprendidos en la Convención; si ningún delito de la solicitud lo está, el Estado requerido puede negarse a actuar sobre esa base."
es.fix = "Verifique las categorías de conducta de los delitos; si ninguna corresponde a la Convención, invoque otra base (la Convención contra la Delincuencia Organizada, un tratado, la reciprocidad)."
es.message = "Se invoca la Convención contra la Corrupción, pero ningún delito de la solicitud corresponde a una categoría de conducta que abarque."

[rule.fixture]
note = "One UNCAC offence (laundering) is enough."
fail = '''
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
      "conduct_category": "other.tax-evasion",
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
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    basis(r, ctx, out);
}

fn basis(r: &Request, ctx: &CheckContext, out: &mut Out) {
    if r.legal_basis.is_empty() {
        out.hit(RuleId::BasisMissing, "legal_basis");
    }
    for (i, b) in r.legal_basis.iter().enumerate() {
        match b {
            LegalBasis::BilateralTreaty { name, .. } if blank(name) => {
                out.hit(RuleId::BasisTreatyName, format!("legal_basis[{i}].name"));
            }
            LegalBasis::RegionalConvention { name } if blank(name) => {
                out.hit(RuleId::BasisTreatyName, format!("legal_basis[{i}].name"));
            }
            LegalBasis::Reciprocity { assurance_given }
                if !assurance_given && !r.assurances.reciprocity =>
            {
                out.hit(
                    RuleId::BasisReciprocityAssurance,
                    format!("legal_basis[{i}].assurance_given"),
                );
            }
            _ => {}
        }
    }
    // UNCAC art. 46(1): assistance "in relation to the offences covered by this
    // Convention". Flag only when every offence is categorized and none is an UNCAC one.
    if let Some(i) = r.legal_basis.iter().position(|b| *b == LegalBasis::Uncac) {
        let all_known = !r.offences.is_empty()
            && r.offences
                .iter()
                .all(|o| ctx.offences.get(o.conduct_category.trim()).is_some());
        let any_uncac = r
            .offences
            .iter()
            .any(|o| o.conduct_category.trim().starts_with("uncac."));
        if all_known && !any_uncac {
            out.hit(RuleId::BasisUncacScope, format!("legal_basis[{i}]"));
        }
    }
}
