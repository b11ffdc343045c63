//! The persons concerned: names, whereabouts, nationality.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, Out};
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "person.location"
severity = "warning"
source = "UNCAC art. 46(15)(e); CAC/COSP/2019/7 §§ 55, 82"
en.title = "Whereabouts of a person not given"
en.why = "Insufficient details to locate persons are a reported cause of delay; the Conventions ask for the location of persons concerned where possible. Checked for suspects and for persons a measure concerns."
en.fix = "Give the last known address or whereabouts, or say that it is unknown and what is known."
en.message = "Person {n} ({name}): no address or whereabouts is given."
fr.title = "Localisation d'une personne non indiquée"
fr.why = "L'insuffisance des détails permettant de localiser les personnes est une cause de retard signalée ; les Conventions demandent, dans la mesure du possible, le lieu où se trouvent les personnes concernées."
fr.fix = "Indiquez la dernière adresse connue ou le lieu où se trouve la personne, ou précisez qu'il est inconnu et ce que l'on sait."
fr.message = "Personne {n} ({name}) : aucune adresse ni localisation n'est indiquée."
es.title = "No se indica el paradero de una persona"
es.why = "La falta de datos para localizar a las personas es una causa de demora señalada; las Convenciones piden, cuando sea posible, la ubicación de las personas interesadas."
es.fix = "Indique el último domicilio o paradero conocido, o precise que se desconoce y lo que se sabe."
es.message = "Persona {n} ({name}): no se indica domicilio ni paradero."

[rule.fixture]
note = "A witness located by the service address is located; a third party no measure concerns need not be located."
fail = '''
{
  "persons": [
    {
      "id": "p-company",
      "role": "account_holder",
      "legal_person": true,
      "name": "Meridian Trading Ltd",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [],
      "identity_documents": [
        "C-10293"
      ],
      "location": "22 Royal Street, Port Louis",
      "notes": ""
    },
    {
      "id": "p-detainee",
      "role": "accused",
      "legal_person": false,
      "name": "Peter Roe",
      "date_of_birth": "1975-02-11",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [],
      "location": "Beau Bassin Prison",
      "notes": ""
    },
    {
      "id": "p-expert",
      "role": "expert",
      "legal_person": false,
      "name": "Dr Mary Major",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "University of Mauritius, Réduit",
      "notes": ""
    },
    {
      "id": "p-suspect",
      "role": "suspect",
      "legal_person": false,
      "name": "John Doe",
      "date_of_birth": "1968-09-01",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [
        "passport RU1234567"
      ],
      "location": "",
      "notes": ""
    },
    {
      "id": "p-victim",
      "role": "victim",
      "legal_person": false,
      "name": "Lena Stone",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "Curepipe",
      "notes": ""
    },
    {
      "id": "p-2",
      "role": "witness",
      "legal_person": false,
      "name": "Sam Smith",
      "date_of_birth": "1980-05-05",
      "place_of_birth": "Port Louis",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "14 Harbour Road, Port Louis",
      "notes": ""
    }
  ]
}
'''
pass = '''
{
  "persons": [
    {
      "id": "p-company",
      "role": "account_holder",
      "legal_person": true,
      "name": "Meridian Trading Ltd",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [],
      "identity_documents": [
        "C-10293"
      ],
      "location": "22 Royal Street, Port Louis",
      "notes": ""
    },
    {
      "id": "p-detainee",
      "role": "accused",
      "legal_person": false,
      "name": "Peter Roe",
      "date_of_birth": "1975-02-11",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [],
      "location": "Beau Bassin Prison",
      "notes": ""
    },
    {
      "id": "p-expert",
      "role": "expert",
      "legal_person": false,
      "name": "Dr Mary Major",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "University of Mauritius, Réduit",
      "notes": ""
    },
    {
      "id": "p-suspect",
      "role": "suspect",
      "legal_person": false,
      "name": "John Doe",
      "date_of_birth": "1968-09-01",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [
        "passport RU1234567"
      ],
      "location": "Villa 4, Coastal Road, Grand Baie",
      "notes": ""
    },
    {
      "id": "p-victim",
      "role": "victim",
      "legal_person": false,
      "name": "Lena Stone",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "Curepipe",
      "notes": ""
    },
    {
      "id": "p-2",
      "role": "witness",
      "legal_person": false,
      "name": "Sam Smith",
      "date_of_birth": "1980-05-05",
      "place_of_birth": "Port Louis",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "14 Harbour Road, Port Louis",
      "notes": ""
    },
    {
      "id": "p-other",
      "role": "third_party",
      "legal_person": false,
      "name": "Tom Third",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "",
      "notes": "Mentioned in the facts only"
    }
  ]
}
'''

[[rule]]
id = "person.name"
severity = "warning"
source = "UNCAC art. 46(15)(e); CAC/COSP/2019/7 § 55"
en.title = "Person without a name"
en.why = "The Conventions ask for the identity of persons concerned where possible; an unnamed entry cannot be identified."
en.fix = "Give the full name (or company name), or remove the entry."
en.message = "Person {n} has no name."
fr.title = "Personne sans nom"
fr.why = "Les Conventions demandent, dans la mesure du possible, l'identité des personnes concernées ; une entrée sans nom ne permet pas d'identifier la personne."
fr.fix = "Indiquez le nom complet (ou la dénomination sociale), ou supprimez l'entrée."
fr.message = "La personne {n} n'a pas de nom."
es.title = "Persona sin nombre"
es.why = "Las Convenciones piden, cuando sea posible, la identidad de las personas interesadas; una entrada sin nombre no permite identificarla."
es.fix = "Indique el nombre completo (o la razón social), o elimine la entrada."
es.message = "La persona {n} no tiene nombre."

[rule.fixture]
fail = '''
{
  "persons": [
    {
      "id": "p-company",
      "role": "account_holder",
      "legal_person": true,
      "name": "Meridian Trading Ltd",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [],
      "identity_documents": [
        "C-10293"
      ],
      "location": "22 Royal Street, Port Louis",
      "notes": ""
    },
    {
      "id": "p-detainee",
      "role": "accused",
      "legal_person": false,
      "name": "Peter Roe",
      "date_of_birth": "1975-02-11",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [],
      "location": "Beau Bassin Prison",
      "notes": ""
    },
    {
      "id": "p-expert",
      "role": "expert",
      "legal_person": false,
      "name": "Dr Mary Major",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "University of Mauritius, Réduit",
      "notes": ""
    },
    {
      "id": "p-suspect",
      "role": "suspect",
      "legal_person": false,
      "name": "John Doe",
      "date_of_birth": "1968-09-01",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [
        "passport RU1234567"
      ],
      "location": "Villa 4, Coastal Road, Grand Baie",
      "notes": ""
    },
    {
      "id": "p-victim",
      "role": "victim",
      "legal_person": false,
      "name": "Lena Stone",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "Curepipe",
      "notes": ""
    },
    {
      "id": "p-2",
      "role": "witness",
      "legal_person": false,
      "name": "",
      "date_of_birth": "1980-05-05",
      "place_of_birth": "Port Louis",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "14 Harbour Road, Port Louis",
      "notes": ""
    }
  ]
}
'''
pass = '''
{
  "persons": [
    {
      "id": "p-company",
      "role": "account_holder",
      "legal_person": true,
      "name": "Meridian Trading Ltd",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [],
      "identity_documents": [
        "C-10293"
      ],
      "location": "22 Royal Street, Port Louis",
      "notes": ""
    },
    {
      "id": "p-detainee",
      "role": "accused",
      "legal_person": false,
      "name": "Peter Roe",
      "date_of_birth": "1975-02-11",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [],
      "location": "Beau Bassin Prison",
      "notes": ""
    },
    {
      "id": "p-expert",
      "role": "expert",
      "legal_person": false,
      "name": "Dr Mary Major",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "University of Mauritius, Réduit",
      "notes": ""
    },
    {
      "id": "p-suspect",
      "role": "suspect",
      "legal_person": false,
      "name": "John Doe",
      "date_of_birth": "1968-09-01",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [
        "passport RU1234567"
      ],
      "location": "Villa 4, Coastal Road, Grand Baie",
      "notes": ""
    },
    {
      "id": "p-victim",
      "role": "victim",
      "legal_person": false,
      "name": "Lena Stone",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "Curepipe",
      "notes": ""
    },
    {
      "id": "p-2",
      "role": "witness",
      "legal_person": false,
      "name": "Sam Smith",
      "date_of_birth": "1980-05-05",
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "14 Harbour Road, Port Louis",
      "notes": ""
    }
  ]
}
'''

[[rule]]
id = "person.nationality"
severity = "advice"
source = "UNCAC art. 46(15)(e); UNTOC art. 18(15)(e)"
en.title = "Nationality of a person not given"
en.why = "The Conventions ask for the nationality of persons concerned where possible; it helps identification, and some States treat requests about their own nationals differently (CAC/COSP/2019/7 §§ 54, 56)."
en.fix = "Give the nationality or nationalities, or say that it is unknown."
en.message = "Person {n} ({name}): no nationality is given."
fr.title = "Nationalité d'une personne non indiquée"
fr.why = "Les Conventions demandent, dans la mesure du possible, la nationalité des personnes concernées ; elle facilite l'identification, et certains États traitent différemment les demandes visant leurs ressortissants (CAC/COSP/2019/7, par. 54 et 56)."
fr.fix = "Indiquez la ou les nationalités, ou précisez qu'elles sont inconnues."
fr.message = "Personne {n} ({name}) : aucune nationalité n'est indiquée."
es.title = "No se indica la nacionalidad de una persona"
es.why = "Las Convenciones piden, cuando sea posible, la nacionalidad de las personas interesadas; facilita la identificación, y algunos Estados tratan de forma distinta las solicitudes relativas a sus nacionales (CAC/COSP/2019/7, párrs. 54 y 56)."
es.fix = "Indique la nacionalidad o nacionalidades, o precise que se desconocen."
es.message = "Persona {n} ({name}): no se indica la nacionalidad."

[rule.fixture]
note = "Legal persons have no nationality here."
fail = '''
{
  "persons": [
    {
      "id": "p-company",
      "role": "account_holder",
      "legal_person": true,
      "name": "Meridian Trading Ltd",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [],
      "identity_documents": [
        "C-10293"
      ],
      "location": "22 Royal Street, Port Louis",
      "notes": ""
    },
    {
      "id": "p-detainee",
      "role": "accused",
      "legal_person": false,
      "name": "Peter Roe",
      "date_of_birth": "1975-02-11",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [],
      "location": "Beau Bassin Prison",
      "notes": ""
    },
    {
      "id": "p-expert",
      "role": "expert",
      "legal_person": false,
      "name": "Dr Mary Major",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "University of Mauritius, Réduit",
      "notes": ""
    },
    {
      "id": "p-suspect",
      "role": "suspect",
      "legal_person": false,
      "name": "John Doe",
      "date_of_birth": "1968-09-01",
      "place_of_birth": "Strelsau",
      "nationality": [],
      "identity_documents": [
        "passport RU1234567"
      ],
      "location": "Villa 4, Coastal Road, Grand Baie",
      "notes": ""
    },
    {
      "id": "p-victim",
      "role": "victim",
      "legal_person": false,
      "name": "Lena Stone",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "Curepipe",
      "notes": ""
    },
    {
      "id": "p-2",
      "role": "witness",
      "legal_person": false,
      "name": "Sam Smith",
      "date_of_birth": "1980-05-05",
      "place_of_birth": "Port Louis",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "14 Harbour Road, Port Louis",
      "notes": ""
    }
  ]
}
'''
pass = '''
{
  "persons": [
    {
      "id": "p-company",
      "role": "account_holder",
      "legal_person": true,
      "name": "Meridian Trading Ltd",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [],
      "identity_documents": [
        "C-10293"
      ],
      "location": "22 Royal Street, Port Louis",
      "notes": ""
    },
    {
      "id": "p-detainee",
      "role": "accused",
      "legal_person": false,
      "name": "Peter Roe",
      "date_of_birth": "1975-02-11",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [],
      "location": "Beau Bassin Prison",
      "notes": ""
    },
    {
      "id": "p-expert",
      "role": "expert",
      "legal_person": false,
      "name": "Dr Mary Major",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "University of Mauritius, Réduit",
      "notes": ""
    },
    {
      "id": "p-suspect",
      "role": "suspect",
      "legal_person": false,
      "name": "John Doe",
      "date_of_birth": "1968-09-01",
      "place_of_birth": "Strelsau",
      "nationality": [
        "RUR"
      ],
      "identity_documents": [
        "passport RU1234567"
      ],
      "location": "Villa 4, Coastal Road, Grand Baie",
      "notes": ""
    },
    {
      "id": "p-victim",
      "role": "victim",
      "legal_person": false,
      "name": "Lena Stone",
      "date_of_birth": null,
      "place_of_birth": "",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "Curepipe",
      "notes": ""
    },
    {
      "id": "p-2",
      "role": "witness",
      "legal_person": false,
      "name": "Sam Smith",
      "date_of_birth": "1980-05-05",
      "place_of_birth": "Port Louis",
      "nationality": [
        "MUS"
      ],
      "identity_documents": [],
      "location": "14 Harbour Road, Port Louis",
      "notes": ""
    }
  ]
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let _ = ctx;
    persons(r, out);
}

fn persons(r: &Request, out: &mut Out) {
    for (k, p) in r.persons.iter().enumerate() {
        let n = ("n", (k + 1).to_string());
        if blank(&p.name) {
            out.hit_with(RuleId::PersonName, format!("persons[{k}].name"), vec![n.clone()]);
        }
        let located_by_measure = r.measures.iter().any(|m| match &m.details {
            MeasureDetails::ServeDocuments(s) => {
                s.recipient_person_id == p.id && !blank(&s.address)
            }
            _ => false,
        });
        // "Where possible" (46(15)(e)): ask for the whereabouts of the persons the
        // requested State must find — those a measure concerns, and suspects.
        let must_be_found = matches!(p.role, PersonRole::Suspect | PersonRole::Accused)
            || r.measures
                .iter()
                .any(|m| measure_person_ids(m).contains(&p.id.as_str()));
        if blank(&p.location) && !located_by_measure && must_be_found {
            out.hit_with(
                RuleId::PersonLocation,
                format!("persons[{k}].location"),
                vec![n.clone(), ("name", p.name.clone())],
            );
        }
        if !p.legal_person && p.nationality.is_empty() {
            out.hit_with(
                RuleId::PersonNationality,
                format!("persons[{k}].nationality"),
                vec![n, ("name", p.name.clone())],
            );
        }
    }
}

/// The persons (by id) a measure concerns directly.
fn measure_person_ids(m: &Measure) -> Vec<&str> {
    m.details.person_ids()
}
