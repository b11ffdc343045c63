//! The types of assistance: what each one's details must say.
//!
//! Each rule of the family in one place: its declaration (id, severity, source, texts in
//! en, fr and es, and its fixtures) in [`RULES`], and its logic below.

use super::hits::{blank, mpath, num, Out};
use super::{CheckContext, RuleId};
use crate::model::*;

/// The declarations of this family's rules, sorted by id (see `rules/mod.rs`).
pub(super) const RULES: &str = r##"
[[rule]]
id = "measure.appearance.date"
severity = "warning"
source = "UNCAC art. 46(3)(h), (15)(d)"
en.title = "Appearance date not given"
en.why = "The person and the requested State need the date to arrange travel and any safe conduct."
en.fix = "Give the date of the appearance in the requesting State."
en.message = "Measure {n}: the date of the voluntary appearance is not given."
fr.title = "Date de comparution non indiquée"
fr.why = "La personne et l'État requis ont besoin de la date pour organiser le déplacement et, le cas échéant, le sauf-conduit."
fr.fix = "Indiquez la date de comparution dans l'État requérant."
fr.message = "Mesure {n} : la date de la comparution volontaire n'est pas indiquée."
es.title = "No se indica la fecha de comparecencia"
es.why = "La persona y el Estado requerido necesitan la fecha para organizar el viaje y, en su caso, el salvoconducto."
es.fix = "Indique la fecha de comparecencia en el Estado requirente."
es.message = "Medida {n}: no se indica la fecha de la comparecencia voluntaria."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-appearance",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the expert at trial.",
      "procedure": "",
      "details": {
        "type": "voluntary_appearance",
        "person_id": "p-expert",
        "appearance_date": null,
        "expenses_covered": true,
        "safe_conduct": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-appearance",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the expert at trial.",
      "procedure": "",
      "details": {
        "type": "voluntary_appearance",
        "person_id": "p-expert",
        "appearance_date": "2027-03-15",
        "expenses_covered": true,
        "safe_conduct": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.appearance.person"
severity = "blocker"
source = "UNCAC art. 46(3)(h), (15)(e)"
en.title = "Person to appear not identified"
en.why = "The requested State cannot facilitate the appearance of a person it cannot identify."
en.fix = "Choose the person from the list of persons."
en.message = "Measure {n}: the person whose appearance is sought is not identified."
fr.title = "Personne appelée à comparaître non identifiée"
fr.why = "L'État requis ne peut faciliter la comparution d'une personne qu'il ne peut identifier."
fr.fix = "Choisissez la personne dans la liste des personnes."
fr.message = "Mesure {n} : la personne dont la comparution est demandée n'est pas identifiée."
es.title = "No se identifica a la persona que debe comparecer"
es.why = "El Estado requerido no puede facilitar la comparecencia de una persona que no puede identificar."
es.fix = "Elija a la persona en la lista de personas."
es.message = "Medida {n}: no se identifica a la persona cuya comparecencia se solicita."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-appearance",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the expert at trial.",
      "procedure": "",
      "details": {
        "type": "voluntary_appearance",
        "person_id": "",
        "appearance_date": "2027-03-15",
        "expenses_covered": true,
        "safe_conduct": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-appearance",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the expert at trial.",
      "procedure": "",
      "details": {
        "type": "voluntary_appearance",
        "person_id": "p-expert",
        "appearance_date": "2027-03-15",
        "expenses_covered": true,
        "safe_conduct": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.assets.link"
severity = "blocker"
source = "UNCAC arts. 54(2), 55(3); CAC/COSP/2019/7 §§ 54, 85"
en.title = "Link between the assets and the offence not shown"
en.why = "Freezing and confiscation requests are refused when they do not show that the assets are proceeds or instrumentalities of the offence."
en.fix = "Explain, for the measure or for each asset, why the assets are proceeds, instrumentalities or of equivalent value."
en.message = "Measure {n}: nothing explains why the assets are linked to the offence."
fr.title = "Lien entre les biens et l'infraction non établi"
fr.why = "Les demandes de gel et de confiscation sont refusées lorsqu'elles ne montrent pas que les biens sont le produit ou l'instrument de l'infraction."
fr.fix = "Expliquez, pour la mesure ou pour chaque bien, en quoi les biens sont le produit ou l'instrument de l'infraction, ou d'une valeur équivalente."
fr.message = "Mesure {n} : rien n'explique le lien entre les biens et l'infraction."
es.title = "No se acredita la relación entre los bienes y el delito"
es.why = "Las solicitudes de embargo preventivo y de decomiso se deniegan cuando no muestran que los bienes son producto o instrumento del delito."
es.fix = "Explique, para la medida o para cada bien, por qué los bienes son producto o instrumento del delito, o de valor equivalente."
es.message = "Medida {n}: nada explica la relación entre los bienes y el delito."

[rule.fixture]
note = "A link given on every asset is enough."
fail = '''
{
  "measures": [
    {
      "id": "m-freeze",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To secure the proceeds pending confiscation.",
      "procedure": "",
      "details": {
        "type": "freeze_assets",
        "asset_ids": [
          "a-account"
        ],
        "order_attachment_id": "att-freeze-order",
        "link_to_offence": "",
        "owner_notification": "The owner may be notified once the freeze is in place; the requesting State asks to be told beforehand."
      }
    }
  ],
  "assets": [
    {
      "id": "a-account",
      "kind": "bank_account",
      "description": "Current account",
      "institution": "Commercial Bank of Port Louis",
      "identifier": "MU17 BOMM 0101 1010 3030 0200 000M UR",
      "holder_person_id": "p-company",
      "location": "Port Louis",
      "estimated_value": {
        "amount": "800000.00",
        "currency": "USD"
      },
      "link_to_offence": ""
    },
    {
      "id": "a-house",
      "kind": "real_estate",
      "description": "Villa",
      "institution": "",
      "identifier": "Land register GB-4471",
      "holder_person_id": "p-suspect",
      "location": "Villa 4, Coastal Road, Grand Baie",
      "estimated_value": {
        "amount": "400000.00",
        "currency": "USD"
      },
      "link_to_offence": "Bought with bribe money on 10 June 2024."
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-freeze",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To secure the proceeds pending confiscation.",
      "procedure": "",
      "details": {
        "type": "freeze_assets",
        "asset_ids": [
          "a-account"
        ],
        "order_attachment_id": "att-freeze-order",
        "link_to_offence": "",
        "owner_notification": "The owner may be notified once the freeze is in place; the requesting State asks to be told beforehand."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.assets.list"
severity = "blocker"
source = "UNCAC arts. 46(3)(c), (j), (k), 55(3)(a)"
en.title = "No assets to freeze or confiscate"
en.why = "The requested State cannot freeze or confiscate property the request does not identify."
en.fix = "Add the assets (institution, identifier, holder, location, value) and select them in the measure."
en.message = "Measure {n}: no asset is selected."
fr.title = "Aucun bien à geler ou à confisquer"
fr.why = "L'État requis ne peut geler ni confisquer des biens que la demande n'identifie pas."
fr.fix = "Ajoutez les biens (établissement, identifiant, titulaire, localisation, valeur) et sélectionnez-les dans la mesure."
fr.message = "Mesure {n} : aucun bien n'est sélectionné."
es.title = "No hay bienes que embargar o decomisar"
es.why = "El Estado requerido no puede embargar ni decomisar bienes que la solicitud no identifica."
es.fix = "Añada los bienes (entidad, identificador, titular, ubicación, valor) y selecciónelos en la medida."
es.message = "Medida {n}: no se ha seleccionado ningún bien."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-confiscation",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To enforce the final confiscation order.",
      "procedure": "",
      "details": {
        "type": "confiscate_assets",
        "asset_ids": [],
        "order_attachment_id": "att-confiscation-order",
        "order_final": true,
        "link_to_offence": "The house was bought with the bribe money on 10 June 2024.",
        "return_proposal": "Return to the requesting State under UNCAC art. 57(3)(a)."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-confiscation",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To enforce the final confiscation order.",
      "procedure": "",
      "details": {
        "type": "confiscate_assets",
        "asset_ids": [
          "a-house"
        ],
        "order_attachment_id": "att-confiscation-order",
        "order_final": true,
        "link_to_offence": "The house was bought with the bribe money on 10 June 2024.",
        "return_proposal": "Return to the requesting State under UNCAC art. 57(3)(a)."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.bank.identification"
severity = "blocker"
source = "UNCAC art. 46(3)(f), (15)(d); CAC/COSP/2019/7 § 58"
en.title = "Bank or account not identified"
en.why = "Without the bank and the account numbers, or at least the account holder, the requested State cannot know where to look; requests amounting to a search for accounts are refused."
en.fix = "Give the bank and the account numbers, or the holder's full identity where the numbers are unknown."
en.message = "Measure {n}: neither the bank and accounts nor the account holder are identified."
fr.title = "Banque ou compte non identifié"
fr.why = "Sans la banque et les numéros de compte, ou au moins le titulaire, l'État requis ne sait où chercher ; les demandes qui reviennent à une recherche générale de comptes sont refusées."
fr.fix = "Indiquez la banque et les numéros de compte, ou l'identité complète du titulaire si les numéros sont inconnus."
fr.message = "Mesure {n} : ni la banque et les comptes ni le titulaire ne sont identifiés."
es.title = "No se identifica el banco o la cuenta"
es.why = "Sin el banco y los números de cuenta, o al menos el titular, el Estado requerido no sabe dónde buscar; las solicitudes que equivalen a una búsqueda general de cuentas se deniegan."
es.fix = "Indique el banco y los números de cuenta, o la identidad completa del titular si se desconocen."
es.message = "Medida {n}: no se identifican el banco y las cuentas ni el titular."

[rule.fixture]
note = "Bank and holder identify the accounts."
fail = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "",
        "account_asset_ids": [],
        "holder_person_id": "",
        "period_from": "2023-01-01",
        "period_to": "2024-12-31",
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "The account received the payments of 15 March and 2 May 2024 from the contractor.",
        "certified_copies": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [],
        "holder_person_id": "p-company",
        "period_from": "2023-01-01",
        "period_to": "2024-12-31",
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "Received the bribes.",
        "certified_copies": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.bank.link"
severity = "blocker"
source = "CAC/COSP/2019/7 §§ 54, 58, 85"
en.title = "Link between the accounts and the offence not shown"
en.why = "A request for financial records supported by facts is usually executed within months; one that does not show why the accounts matter is queried or refused."
en.fix = "Explain why these accounts relate to the offence (payments received, transfers, holder's role)."
en.message = "Measure {n}: nothing explains why the accounts are linked to the offence."
fr.title = "Lien entre les comptes et l'infraction non établi"
fr.why = "Une demande de documents financiers étayée par des faits est habituellement traitée en quelques mois ; celle qui ne montre pas l'intérêt des comptes donne lieu à des questions ou à un refus."
fr.fix = "Expliquez en quoi ces comptes se rattachent à l'infraction (paiements reçus, virements, rôle du titulaire)."
fr.message = "Mesure {n} : rien n'explique le lien entre les comptes et l'infraction."
es.title = "No se acredita la relación entre las cuentas y el delito"
es.why = "Una solicitud de documentación financiera respaldada por hechos suele ejecutarse en pocos meses; la que no muestra la relevancia de las cuentas da lugar a consultas o a la denegación."
es.fix = "Explique por qué esas cuentas guardan relación con el delito (pagos recibidos, transferencias, papel del titular)."
es.message = "Medida {n}: nada explica la relación entre las cuentas y el delito."

[rule.fixture]
note = "A link given on every account is enough."
fail = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [],
        "holder_person_id": "p-company",
        "period_from": "2023-01-01",
        "period_to": "2024-12-31",
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "",
        "certified_copies": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [
          "a-account"
        ],
        "holder_person_id": "p-company",
        "period_from": "2023-01-01",
        "period_to": "2024-12-31",
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "",
        "certified_copies": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.bank.period"
severity = "warning"
source = "UNCAC art. 46(15)(d); CAC/COSP/2019/7 § 58"
en.title = "Period of the bank records not given"
en.why = "Banks produce records for a period; an open-ended request is often queried as disproportionate."
en.fix = "Give the start and end dates of the period the records should cover."
en.message = "Measure {n}: the period of the records is incomplete."
fr.title = "Période des documents bancaires non indiquée"
fr.why = "Les banques produisent des documents pour une période donnée ; une demande sans limite de temps est souvent jugée disproportionnée."
fr.fix = "Indiquez les dates de début et de fin de la période visée."
fr.message = "Mesure {n} : la période visée est incomplète."
es.title = "No se indica el período de la documentación bancaria"
es.why = "Los bancos entregan documentación de un período determinado; una solicitud sin límite temporal suele considerarse desproporcionada."
es.fix = "Indique las fechas de inicio y fin del período."
es.message = "Medida {n}: el período de la documentación está incompleto."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [
          "a-account"
        ],
        "holder_person_id": "p-company",
        "period_from": "2023-01-01",
        "period_to": null,
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "The account received the payments of 15 March and 2 May 2024 from the contractor.",
        "certified_copies": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [
          "a-account"
        ],
        "holder_person_id": "p-company",
        "period_from": "2023-01-01",
        "period_to": "2024-12-31",
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "The account received the payments of 15 March and 2 May 2024 from the contractor.",
        "certified_copies": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.bank.records"
severity = "warning"
source = "UNCAC art. 46(3)(f), (15)(d)"
en.title = "Bank records wanted not listed"
en.why = "Account-opening documents, statements, customer due-diligence files and transfer details are different records; the bank produces only what is listed."
en.fix = "List the records wanted (opening documents, statements, due-diligence files, transfer details, safe deposit...)."
en.message = "Measure {n}: the records wanted are not listed."
fr.title = "Documents bancaires demandés non énumérés"
fr.why = "Documents d'ouverture, relevés, dossiers de vigilance et détails des virements sont des pièces distinctes ; la banque ne produit que ce qui est énuméré."
fr.fix = "Énumérez les documents demandés (ouverture de compte, relevés, vigilance, virements, coffre…)."
fr.message = "Mesure {n} : les documents demandés ne sont pas énumérés."
es.title = "No se enumera la documentación bancaria solicitada"
es.why = "Documentos de apertura, extractos, expedientes de diligencia debida y datos de transferencias son documentos distintos; el banco solo entrega lo que se enumera."
es.fix = "Enumere la documentación solicitada (apertura, extractos, diligencia debida, transferencias, caja de seguridad...)."
es.message = "Medida {n}: no se enumera la documentación solicitada."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [
          "a-account"
        ],
        "holder_person_id": "p-company",
        "period_from": "2023-01-01",
        "period_to": "2024-12-31",
        "records_wanted": "",
        "link_to_offence": "The account received the payments of 15 March and 2 May 2024 from the contractor.",
        "certified_copies": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-bank",
      "offence_ids": [
        "off-1",
        "off-2"
      ],
      "purpose": "To trace the bribe payments.",
      "procedure": "Certified copies, with a certificate of authenticity by the bank.",
      "details": {
        "type": "bank_records",
        "bank": "Commercial Bank of Port Louis",
        "account_asset_ids": [
          "a-account"
        ],
        "holder_person_id": "p-company",
        "period_from": "2023-01-01",
        "period_to": "2024-12-31",
        "records_wanted": "Account opening documents, statements, customer due-diligence file, details of incoming and outgoing transfers",
        "link_to_offence": "The account received the payments of 15 March and 2 May 2024 from the contractor.",
        "certified_copies": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.confiscation.final"
severity = "blocker"
source = "UNCAC art. 55(3)(b)"
en.title = "Confiscation order not stated to be final"
en.why = "A request to enforce a confiscation order must include a statement that the order is final."
en.fix = "Confirm that the order is final (no further appeal) or, if it is not, ask for freezing instead."
en.message = "Measure {n}: the confiscation order is not stated to be final."
fr.title = "Décision de confiscation non déclarée définitive"
fr.why = "Une demande d'exécution d'une décision de confiscation doit comporter une déclaration indiquant que la décision est définitive."
fr.fix = "Confirmez que la décision est définitive (plus de recours) ou, à défaut, demandez un gel."
fr.message = "Mesure {n} : la décision de confiscation n'est pas déclarée définitive."
es.title = "No se declara firme la orden de decomiso"
es.why = "Una solicitud de ejecución de una orden de decomiso debe incluir una declaración de que la orden es firme."
es.fix = "Confirme que la orden es firme (sin recurso pendiente) o, si no lo es, solicite un embargo preventivo."
es.message = "Medida {n}: no se declara que la orden de decomiso sea firme."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-confiscation",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To enforce the final confiscation order.",
      "procedure": "",
      "details": {
        "type": "confiscate_assets",
        "asset_ids": [
          "a-house"
        ],
        "order_attachment_id": "att-confiscation-order",
        "order_final": false,
        "link_to_offence": "The house was bought with the bribe money on 10 June 2024.",
        "return_proposal": "Return to the requesting State under UNCAC art. 57(3)(a)."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-confiscation",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To enforce the final confiscation order.",
      "procedure": "",
      "details": {
        "type": "confiscate_assets",
        "asset_ids": [
          "a-house"
        ],
        "order_attachment_id": "att-confiscation-order",
        "order_final": true,
        "link_to_offence": "The house was bought with the bribe money on 10 June 2024.",
        "return_proposal": "Return to the requesting State under UNCAC art. 57(3)(a)."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.confiscation.order"
severity = "blocker"
source = "UNCAC art. 55(1)(b), (3)(b); CAC/COSP/2019/7 § 93"
en.title = "Confiscation order not annexed"
en.why = "A legally admissible copy of the confiscation order must accompany the request; without it there is nothing to enforce."
en.fix = "Annex a certified copy of the confiscation order and select it in the measure."
en.message = "Measure {n}: no confiscation order is annexed."
fr.title = "Décision de confiscation non jointe"
fr.why = "Une copie légalement admissible de la décision de confiscation doit accompagner la demande ; sans elle, il n'y a rien à exécuter."
fr.fix = "Joignez une copie certifiée conforme de la décision de confiscation et sélectionnez-la dans la mesure."
fr.message = "Mesure {n} : aucune décision de confiscation n'est jointe."
es.title = "No se adjunta la orden de decomiso"
es.why = "La solicitud debe ir acompañada de una copia legalmente admisible de la orden de decomiso; sin ella no hay nada que ejecutar."
es.fix = "Adjunte una copia certificada de la orden de decomiso y selecciónela en la medida."
es.message = "Medida {n}: no se adjunta ninguna orden de decomiso."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-confiscation",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To enforce the final confiscation order.",
      "procedure": "",
      "details": {
        "type": "confiscate_assets",
        "asset_ids": [
          "a-house"
        ],
        "order_attachment_id": "",
        "order_final": true,
        "link_to_offence": "The house was bought with the bribe money on 10 June 2024.",
        "return_proposal": "Return to the requesting State under UNCAC art. 57(3)(a)."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-confiscation",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To enforce the final confiscation order.",
      "procedure": "",
      "details": {
        "type": "confiscate_assets",
        "asset_ids": [
          "a-house"
        ],
        "order_attachment_id": "att-confiscation-order",
        "order_final": true,
        "link_to_offence": "The house was bought with the bribe money on 10 June 2024.",
        "return_proposal": "Return to the requesting State under UNCAC art. 57(3)(a)."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.delivery.consignment"
severity = "blocker"
source = "UNCAC arts. 2(i), 50(1) and 46(15)(d); UNTOC arts. 2(i) and 20(1)"
en.title = "Consignment not described"
en.why = "A controlled delivery lets a particular consignment pass under supervision: the requested State's officers must be able to recognise it (what it is, how much, markings, seals, container or tracking numbers)."
en.fix = "Describe what is being delivered, its quantity, and how it can be identified."
en.message = "Measure {n}: the consignment to be delivered under supervision is not described."
fr.title = "Envoi non décrit"
fr.why = "Une livraison surveillée laisse passer un envoi déterminé sous surveillance : les agents de l'État requis doivent pouvoir le reconnaître (nature, quantité, marques, scellés, numéros de conteneur ou de suivi)."
fr.fix = "Décrivez ce qui est livré, sa quantité et la manière de l'identifier."
fr.message = "Mesure {n} : l'envoi à livrer sous surveillance n'est pas décrit."
es.title = "No se describe el envío"
es.why = "Una entrega vigilada deja pasar un envío determinado bajo vigilancia: los agentes del Estado requerido deben poder reconocerlo (qué es, cantidad, marcas, precintos, números de contenedor o de seguimiento)."
es.fix = "Describa qué se entrega, su cantidad y cómo puede identificarse."
es.message = "Medida {n}: no se describe el envío que se entregará bajo vigilancia."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": " ",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.delivery.contact"
severity = "warning"
source = "UNCAC art. 50(3); UNTOC art. 20(3); UNCAC art. 46(15)(d)"
en.title = "No contact point reachable at any time"
en.why = "A consignment on the move cannot wait for office hours: the officers following it must reach the requesting State at once when the route, timing or contents change."
en.fix = "Give a contact point reachable at any time during the operation (name, service, phone)."
en.message = "Measure {n}: no contact point reachable at any time is given for the controlled delivery."
fr.title = "Aucun point de contact joignable à tout moment"
fr.why = "Un envoi en mouvement n'attend pas les heures de bureau : les agents qui le suivent doivent joindre aussitôt l'État requérant si l'itinéraire, le calendrier ou le contenu change."
fr.fix = "Indiquez un point de contact joignable à tout moment pendant l'opération (nom, service, téléphone)."
fr.message = "Mesure {n} : aucun point de contact joignable à tout moment n'est indiqué pour la livraison surveillée."
es.title = "No hay un punto de contacto disponible en todo momento"
es.why = "Un envío en movimiento no espera al horario de oficina: los agentes que lo siguen deben poder contactar de inmediato con el Estado requirente si cambian la ruta, el calendario o el contenido."
es.fix = "Indique un punto de contacto disponible en todo momento durante la operación (nombre, servicio, teléfono)."
es.message = "Medida {n}: no se indica un punto de contacto disponible en todo momento para la entrega vigilada."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.delivery.period"
severity = "warning"
source = "UNCAC art. 50(3); UNTOC art. 20(3)"
en.title = "Expected dates of the delivery not given"
en.why = "Controlled deliveries are decided case by case: the requested State must plan surveillance for a period, and cannot agree to an open-ended operation."
en.fix = "Give the period in which the consignment is expected in or through the requested State."
en.message = "Measure {n}: the expected dates of the controlled delivery are not given."
fr.title = "Dates prévues de la livraison non indiquées"
fr.why = "Les livraisons surveillées sont décidées au cas par cas : l'État requis doit organiser la surveillance sur une période et ne peut consentir à une opération sans limite de temps."
fr.fix = "Indiquez la période pendant laquelle l'envoi est attendu sur le territoire de l'État requis ou en transit."
fr.message = "Mesure {n} : les dates prévues de la livraison surveillée ne sont pas indiquées."
es.title = "No se indican las fechas previstas de la entrega"
es.why = "Las entregas vigiladas se deciden caso por caso: el Estado requerido debe organizar la vigilancia durante un período y no puede aceptar una operación sin límite de tiempo."
es.fix = "Indique el período en que se espera el envío en el territorio del Estado requerido o en tránsito."
es.message = "Medida {n}: no se indican las fechas previstas de la entrega vigilada."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": null,
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.delivery.route"
severity = "blocker"
source = "UNCAC art. 2(i); UNTOC art. 2(i)"
en.title = "Route of the consignment incomplete"
en.why = "A controlled delivery lets a consignment pass out of, through or into the territory of one or more States: each State on the route must know where it comes from and where it goes."
en.fix = "Give the origin and the destination of the consignment, and the places of transit."
en.message = "Measure {n}: the origin or the destination of the consignment is not given."
fr.title = "Itinéraire de l'envoi incomplet"
fr.why = "Une livraison surveillée laisse un envoi sortir du territoire d'un ou plusieurs États, le traverser ou y entrer : chaque État sur l'itinéraire doit savoir d'où il vient et où il va."
fr.fix = "Indiquez la provenance et la destination de l'envoi, ainsi que les lieux de transit."
fr.message = "Mesure {n} : la provenance ou la destination de l'envoi n'est pas indiquée."
es.title = "Ruta del envío incompleta"
es.why = "Una entrega vigilada deja que un envío salga del territorio de uno o más Estados, lo atraviese o entre en él: cada Estado de la ruta debe saber de dónde viene y adónde va."
es.fix = "Indique el origen y el destino del envío, así como los lugares de tránsito."
es.message = "Medida {n}: no se indica el origen o el destino del envío."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.delivery.surveillance"
severity = "blocker"
source = "UNCAC arts. 2(i) and 50(4); UNTOC arts. 2(i) and 20(4)"
en.title = "Surveillance and hand-over not arranged"
en.why = "The consignment passes with the knowledge and under the supervision of the competent authorities: the request must say who follows it, where it passes from one State's officers to the other's, and what is done on arrival."
en.fix = "Describe the surveillance proposed and the hand-over between services, and what should happen when the consignment arrives."
en.message = "Measure {n}: the surveillance and hand-over arrangements of the controlled delivery are not described."
fr.title = "Surveillance et remise non organisées"
fr.why = "L'envoi passe au su et sous le contrôle des autorités compétentes : la demande doit dire qui le suit, où il passe des agents d'un État à ceux de l'autre, et ce qui est fait à l'arrivée."
fr.fix = "Décrivez la surveillance proposée et la remise entre services, ainsi que ce qui doit se passer à l'arrivée de l'envoi."
fr.message = "Mesure {n} : les modalités de surveillance et de remise de la livraison surveillée ne sont pas décrites."
es.title = "No se han organizado la vigilancia y la entrega"
es.why = "El envío pasa con conocimiento y bajo la supervisión de las autoridades competentes: la solicitud debe indicar quién lo sigue, dónde pasa de los agentes de un Estado a los del otro y qué se hace a su llegada."
es.fix = "Describa la vigilancia propuesta y la entrega entre servicios, así como lo que debe ocurrir a la llegada del envío."
es.message = "Medida {n}: no se describen las modalidades de vigilancia y entrega de la entrega vigilada."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-delivery",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the persons who receive the proceeds in the requested State.",
      "procedure": "",
      "details": {
        "type": "controlled_delivery",
        "consignment": "One 20-foot container, no. MSKU 123456-7, declared as 'machine parts'; about 40 kg of cash in vacuum-sealed packs behind the false panel described in annex 2.",
        "origin": "Port of Santos, Brazil (shipper: Exportadora Alfa Ltda)",
        "transit": "Port of Algeciras, Spain (transhipment)",
        "destination": "Port of Rotterdam, then a warehouse at Keileweg 12, Rotterdam (consignee: p-suspect's company)",
        "transport": "Container vessel MV Example, voyage 245E",
        "expected_from": "2027-03-01",
        "expected_to": "2027-03-20",
        "person_ids": [
          "p-suspect"
        ],
        "interception_allowed": true,
        "replacement_allowed": true,
        "replacement_details": "Replace the cash with marked paper of the same weight; keep the original as evidence.",
        "surveillance": "Customs officers of the requested State follow the container from unloading to the warehouse; hand-over to the requesting State's liaison officer at the warehouse; arrests only after the consignee opens the container.",
        "contact_point": "Duty officer, Financial Crimes Unit, +230 555 0199 (24 hours)",
        "agreement": "No bilateral arrangement: a case-by-case decision is sought (UNCAC art. 50(3))."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.e-evidence.categories"
severity = "warning"
source = "Budapest Convention arts. 1(d), 18(3), 31; UNCAC art. 46(15)(d)"
en.title = "Categories of data not specified"
en.why = "Subscriber information, traffic data and content are governed by different thresholds in most States; content usually needs the most justification."
en.fix = "Tick the categories needed: subscriber information, traffic data, content."
en.message = "Measure {n}: the categories of data sought are not specified."
fr.title = "Catégories de données non précisées"
fr.why = "Les données relatives aux abonnés, les données relatives au trafic et le contenu relèvent de seuils différents dans la plupart des États ; le contenu exige en général la justification la plus forte."
fr.fix = "Cochez les catégories nécessaires : abonnés, trafic, contenu."
fr.message = "Mesure {n} : les catégories de données recherchées ne sont pas précisées."
es.title = "No se especifican las categorías de datos"
es.why = "Los datos de abonado, los datos de tráfico y el contenido están sujetos a requisitos distintos en la mayoría de los Estados; el contenido suele exigir la justificación más sólida."
es.fix = "Marque las categorías necesarias: abonado, tráfico, contenido."
es.message = "Medida {n}: no se especifican las categorías de datos solicitadas."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [],
        "preservation_requested": true,
        "risk_of_loss": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber"
        ],
        "preservation_requested": true,
        "risk_of_loss": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.e-evidence.identifiers"
severity = "blocker"
source = "Budapest Convention arts. 29(2)(c), 31; CAC/COSP/2019/7 § 58"
en.title = "Account identifiers not given"
en.why = "A provider can search only for exact identifiers: an e-mail address, user name, telephone number or IP address with its time stamp."
en.fix = "List the exact account identifiers."
en.message = "Measure {n}: no account identifier is given."
fr.title = "Identifiants de compte non indiqués"
fr.why = "Un fournisseur ne peut rechercher que des identifiants exacts : adresse électronique, nom d'utilisateur, numéro de téléphone ou adresse IP avec son horodatage."
fr.fix = "Énumérez les identifiants de compte exacts."
fr.message = "Mesure {n} : aucun identifiant de compte n'est indiqué."
es.title = "No se indican los identificadores de cuenta"
es.why = "Un proveedor solo puede buscar identificadores exactos: correo electrónico, nombre de usuario, número de teléfono o dirección IP con su marca de tiempo."
es.fix = "Enumere los identificadores de cuenta exactos."
es.message = "Medida {n}: no se indica ningún identificador de cuenta."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          " "
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber",
          "traffic",
          "content"
        ],
        "preservation_requested": true,
        "risk_of_loss": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber",
          "traffic",
          "content"
        ],
        "preservation_requested": true,
        "risk_of_loss": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.e-evidence.period"
severity = "warning"
source = "Budapest Convention art. 29(2)(c); UNCAC art. 46(15)(d)"
en.title = "Date range of the data not given"
en.why = "Providers disclose data for a date range; an unlimited request is queried as disproportionate and slows execution."
en.fix = "Give the start and end dates of the data sought."
en.message = "Measure {n}: the date range of the data is incomplete."
fr.title = "Période des données non indiquée"
fr.why = "Les fournisseurs communiquent les données d'une période donnée ; une demande illimitée est jugée disproportionnée et ralentit l'exécution."
fr.fix = "Indiquez les dates de début et de fin des données recherchées."
fr.message = "Mesure {n} : la période des données est incomplète."
es.title = "No se indica el período de los datos"
es.why = "Los proveedores entregan datos de un período determinado; una solicitud ilimitada se considera desproporcionada y retrasa la ejecución."
es.fix = "Indique las fechas de inicio y fin de los datos solicitados."
es.message = "Medida {n}: el período de los datos está incompleto."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": null,
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber",
          "traffic",
          "content"
        ],
        "preservation_requested": true,
        "risk_of_loss": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber",
          "traffic",
          "content"
        ],
        "preservation_requested": true,
        "risk_of_loss": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.e-evidence.preservation"
severity = "warning"
source = "Budapest Convention art. 29; CAC/COSP/2019/7 §§ 58, 90"
en.title = "Data at risk of loss and no preservation"
en.why = "Providers delete data after short retention periods, and an MLA request takes months; evidence is lost unless it is preserved first."
en.fix = "Ask for expedited preservation first (through the 24/7 network or the central authority), then follow with this request."
en.message = "Measure {n}: the data may be lost, but no preservation has been requested."
fr.title = "Données exposées à la perte, sans conservation"
fr.why = "Les fournisseurs effacent les données après de courtes durées de conservation et une demande d'entraide prend des mois ; les preuves sont perdues si elles ne sont pas d'abord conservées."
fr.fix = "Demandez d'abord la conservation rapide des données (réseau 24/7 ou autorité centrale), puis transmettez la présente demande."
fr.message = "Mesure {n} : les données risquent d'être perdues, mais aucune conservation n'a été demandée."
es.title = "Datos en riesgo de pérdida sin conservación"
es.why = "Los proveedores borran los datos tras plazos breves de conservación y una solicitud de asistencia tarda meses; las pruebas se pierden si no se conservan antes."
es.fix = "Solicite primero la conservación rápida de los datos (red 24/7 o autoridad central) y después envíe esta solicitud."
es.message = "Medida {n}: los datos pueden perderse, pero no se ha solicitado su conservación."

[rule.fixture]
note = "Preservation matters only where data may be lost."
fail = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber",
          "traffic",
          "content"
        ],
        "preservation_requested": false,
        "risk_of_loss": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber",
          "traffic",
          "content"
        ],
        "preservation_requested": false,
        "risk_of_loss": false
      }
    }
  ]
}
'''

[[rule]]
id = "measure.e-evidence.provider"
severity = "blocker"
source = "Budapest Convention art. 29(2)(d); UNCAC art. 46(15)(d)"
en.title = "Service provider not named"
en.why = "The requested State must know which provider holds the data, and that it is within its jurisdiction."
en.fix = "Name the service provider and, if known, where it stores the data."
en.message = "Measure {n}: the service provider is not named."
fr.title = "Fournisseur de services non désigné"
fr.why = "L'État requis doit savoir quel fournisseur détient les données, et qu'il relève de sa juridiction."
fr.fix = "Désignez le fournisseur de services et, si possible, le lieu de stockage des données."
fr.message = "Mesure {n} : le fournisseur de services n'est pas désigné."
es.title = "No se indica el proveedor de servicios"
es.why = "El Estado requerido debe saber qué proveedor conserva los datos y que está bajo su jurisdicción."
es.fix = "Indique el proveedor de servicios y, si se conoce, dónde almacena los datos."
es.message = "Medida {n}: no se indica el proveedor de servicios."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber",
          "traffic",
          "content"
        ],
        "preservation_requested": true,
        "risk_of_loss": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-e-evidence",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To obtain the e-mails arranging the payments.",
      "procedure": "",
      "details": {
        "type": "electronic_evidence",
        "provider": "Example Mail Ltd",
        "account_identifiers": [
          "j.doe@example.com"
        ],
        "date_from": "2024-01-01",
        "date_to": "2024-06-30",
        "data_categories": [
          "subscriber",
          "traffic",
          "content"
        ],
        "preservation_requested": true,
        "risk_of_loss": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.examine.object"
severity = "warning"
source = "UNCAC art. 46(3)(d), (15)(d)"
en.title = "Object, site or examination not described"
en.why = "The requested State must know what to examine, where, and what the examination should establish."
en.fix = "Describe the object or site, its location, and the examination wanted."
en.message = "Measure {n}: the object or site, or the examination wanted, is not described."
fr.title = "Objet, lieu ou examen non décrit"
fr.why = "L'État requis doit savoir quoi examiner, où, et ce que l'examen doit établir."
fr.fix = "Décrivez l'objet ou le lieu, sa localisation et l'examen souhaité."
fr.message = "Mesure {n} : l'objet ou le lieu, ou l'examen souhaité, n'est pas décrit."
es.title = "No se describe el objeto, el lugar o el examen"
es.why = "El Estado requerido debe saber qué examinar, dónde y qué debe establecer el examen."
es.fix = "Describa el objeto o lugar, su ubicación y el examen solicitado."
es.message = "Medida {n}: no se describe el objeto o lugar, o el examen solicitado."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-examine",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To verify whether the works invoiced were carried out.",
      "procedure": "",
      "details": {
        "type": "examine_objects_sites",
        "object_or_site": "Construction site of the Northern bridge",
        "location": "Grand Baie",
        "examination": ""
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-examine",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To verify whether the works invoiced were carried out.",
      "procedure": "",
      "details": {
        "type": "examine_objects_sites",
        "object_or_site": "Construction site of the Northern bridge",
        "location": "",
        "examination": "Photographs and an engineer's report on the stage of completion"
      }
    }
  ]
}
'''

[[rule]]
id = "measure.freeze.order"
severity = "warning"
source = "UNCAC art. 54(2)(a); CAC/COSP/2019/7 §§ 47, 93"
en.title = "No freezing order annexed"
en.why = "Many States freeze only on the basis of a freezing or seizure order issued by a court or competent authority of the requesting State."
en.fix = "Annex the domestic freezing or seizure order and select it in the measure."
en.message = "Measure {n}: no domestic freezing or seizure order is annexed."
fr.title = "Aucune décision de gel jointe"
fr.why = "De nombreux États ne procèdent au gel que sur la base d'une décision de gel ou de saisie rendue par un tribunal ou une autorité compétente de l'État requérant."
fr.fix = "Joignez la décision nationale de gel ou de saisie et sélectionnez-la dans la mesure."
fr.message = "Mesure {n} : aucune décision nationale de gel ou de saisie n'est jointe."
es.title = "No se adjunta orden de embargo preventivo"
es.why = "Muchos Estados solo embargan con arreglo a una orden de embargo preventivo o incautación dictada por un tribunal o autoridad competente del Estado requirente."
es.fix = "Adjunte la orden nacional de embargo preventivo o incautación y selecciónela en la medida."
es.message = "Medida {n}: no se adjunta ninguna orden nacional de embargo preventivo o incautación."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-freeze",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To secure the proceeds pending confiscation.",
      "procedure": "",
      "details": {
        "type": "freeze_assets",
        "asset_ids": [
          "a-account"
        ],
        "order_attachment_id": "",
        "link_to_offence": "The balance derives from the bribe payments.",
        "owner_notification": "The owner may be notified once the freeze is in place; the requesting State asks to be told beforehand."
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-freeze",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To secure the proceeds pending confiscation.",
      "procedure": "",
      "details": {
        "type": "freeze_assets",
        "asset_ids": [
          "a-account"
        ],
        "order_attachment_id": "att-freeze-order",
        "link_to_offence": "The balance derives from the bribe payments.",
        "owner_notification": "The owner may be notified once the freeze is in place; the requesting State asks to be told beforehand."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.freeze.owner-notification"
severity = "advice"
source = "UNCAC art. 55(3)(b), (9); CAC/COSP/2019/7 § 54"
en.title = "Owner notification not addressed"
en.why = "Some States must inform the owners of frozen assets and let them challenge the freeze; saying what notification is acceptable avoids refusals and protects the investigation."
en.fix = "Say whether the owner may be notified, when, and what the requesting State has done to protect bona fide third parties."
en.message = "Measure {n}: the request says nothing about notifying the owner of the assets."
fr.title = "Information du propriétaire non traitée"
fr.why = "Certains États doivent informer les propriétaires des avoirs gelés et leur permettre de contester le gel ; préciser l'information acceptable évite des refus et protège l'enquête."
fr.fix = "Indiquez si le propriétaire peut être informé, à quel moment, et ce que l'État requérant a fait pour protéger les tiers de bonne foi."
fr.message = "Mesure {n} : la demande ne dit rien de l'information du propriétaire des biens."
es.title = "No se aborda la notificación al propietario"
es.why = "Algunos Estados deben informar a los propietarios de los bienes embargados y permitirles impugnar la medida; precisar qué notificación es aceptable evita denegaciones y protege la investigación."
es.fix = "Indique si puede notificarse al propietario, cuándo, y qué ha hecho el Estado requirente para proteger a los terceros de buena fe."
es.message = "Medida {n}: la solicitud no dice nada sobre la notificación al propietario de los bienes."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-freeze",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To secure the proceeds pending confiscation.",
      "procedure": "",
      "details": {
        "type": "freeze_assets",
        "asset_ids": [
          "a-account"
        ],
        "order_attachment_id": "att-freeze-order",
        "link_to_offence": "The balance derives from the bribe payments.",
        "owner_notification": ""
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-freeze",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To secure the proceeds pending confiscation.",
      "procedure": "",
      "details": {
        "type": "freeze_assets",
        "asset_ids": [
          "a-account"
        ],
        "order_attachment_id": "att-freeze-order",
        "link_to_offence": "The balance derives from the bribe payments.",
        "owner_notification": "The owner may be notified once the freeze is in place; the requesting State asks to be told beforehand."
      }
    }
  ]
}
'''

[[rule]]
id = "measure.information.description"
severity = "blocker"
source = "UNCAC art. 46(3)(e), (15)(d)"
en.title = "Information sought not described"
en.why = "The requested State cannot provide information or an expert evaluation that the request does not define."
en.fix = "Describe the information, evidentiary items or expert evaluation sought."
en.message = "Measure {n}: the information sought is not described."
fr.title = "Informations demandées non décrites"
fr.why = "L'État requis ne peut fournir des informations ou une expertise que la demande ne définit pas."
fr.fix = "Décrivez les informations, pièces à conviction ou expertises demandées."
fr.message = "Mesure {n} : les informations demandées ne sont pas décrites."
es.title = "No se describe la información solicitada"
es.why = "El Estado requerido no puede facilitar información o un peritaje que la solicitud no define."
es.fix = "Describa la información, los elementos de prueba o el peritaje solicitados."
es.message = "Medida {n}: no se describe la información solicitada."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-information",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the shareholders of the company.",
      "procedure": "",
      "details": {
        "type": "provide_information",
        "information_sought": "",
        "expert_evaluation": false
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-information",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To identify the shareholders of the company.",
      "procedure": "",
      "details": {
        "type": "provide_information",
        "information_sought": "Extract of the companies register for Meridian Trading Ltd with shareholders and directors since 2022",
        "expert_evaluation": false
      }
    }
  ]
}
'''

[[rule]]
id = "measure.other.description"
severity = "blocker"
source = "UNCAC art. 46(3)(i), (15)(d)"
en.title = "Other assistance not described"
en.why = "Assistance not listed in the Convention is possible if it is not contrary to the requested State's law, but the requested State must be told exactly what is asked."
en.fix = "Describe the assistance sought and how it should be carried out."
en.message = "Measure {n}: the assistance sought is not described."
fr.title = "Autre assistance non décrite"
fr.why = "Une assistance non énumérée par la Convention est possible si elle n'est pas contraire au droit de l'État requis, mais celui-ci doit savoir exactement ce qui est demandé."
fr.fix = "Décrivez l'assistance demandée et ses modalités d'exécution."
fr.message = "Mesure {n} : l'assistance demandée n'est pas décrite."
es.title = "No se describe la otra asistencia"
es.why = "Es posible una asistencia no enumerada en la Convención si no contraviene el derecho del Estado requerido, pero este debe saber exactamente qué se pide."
es.fix = "Describa la asistencia solicitada y cómo debe llevarse a cabo."
es.message = "Medida {n}: no se describe la asistencia solicitada."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-other",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To learn whether the suspect has left the country.",
      "procedure": "",
      "details": {
        "type": "other",
        "description": ""
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-other",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To learn whether the suspect has left the country.",
      "procedure": "",
      "details": {
        "type": "other",
        "description": "Border-crossing records of the suspect since January 2024"
      }
    }
  ]
}
'''

[[rule]]
id = "measure.records.description"
severity = "warning"
source = "UNCAC art. 46(3)(f), (15)(d)"
en.title = "Records or their holder not described"
en.why = "The requested State must know who holds the records (registry, company, administration) and which records are wanted."
en.fix = "Name the holder of the records and list the records wanted."
en.message = "Measure {n}: the holder of the records or the records wanted are not described."
fr.title = "Documents ou détenteur non décrits"
fr.why = "L'État requis doit savoir qui détient les documents (registre, société, administration) et lesquels sont demandés."
fr.fix = "Désignez le détenteur des documents et énumérez les documents demandés."
fr.message = "Mesure {n} : le détenteur des documents ou les documents demandés ne sont pas décrits."
es.title = "No se describen los documentos o su tenedor"
es.why = "El Estado requerido debe saber quién tiene los documentos (registro, empresa, administración) y cuáles se solicitan."
es.fix = "Indique quién tiene los documentos y enumere los solicitados."
es.message = "Medida {n}: no se describe el tenedor de los documentos o los documentos solicitados."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-records",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To show who controls the company.",
      "procedure": "",
      "details": {
        "type": "produce_records",
        "holder": "",
        "records_wanted": "Register of beneficial owners and board minutes for 2023-2024",
        "certified_copies": true
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-records",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To show who controls the company.",
      "procedure": "",
      "details": {
        "type": "produce_records",
        "holder": "Meridian Trading Ltd",
        "records_wanted": "Register of beneficial owners and board minutes for 2023-2024",
        "certified_copies": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.search.grounds"
severity = "blocker"
source = "UNCAC art. 46(3)(c), (15)(c), (21)(c); CAC/COSP/2019/7 § 54"
en.title = "Grounds for the search not given"
en.why = "A search is coercive: the requested State's courts must find reasons to believe that the items are at the premises and relate to the offence; many common-law States need facts amounting to reasonable grounds."
en.fix = "State the facts that show why the items sought are likely to be found at the premises and how they relate to the offence."
en.message = "Measure {n}: the grounds linking the premises and items to the offence are not given."
fr.title = "Motifs de la perquisition non indiqués"
fr.why = "Une perquisition est une mesure coercitive : les juridictions de l'État requis doivent disposer de raisons de croire que les objets se trouvent dans les lieux et se rapportent à l'infraction ; de nombreux États de common law exigent des faits constituant des motifs raisonnables."
fr.fix = "Exposez les faits qui montrent pourquoi les objets recherchés se trouvent vraisemblablement dans les lieux et en quoi ils se rapportent à l'infraction."
fr.message = "Mesure {n} : les motifs qui rattachent les lieux et les objets à l'infraction ne sont pas indiqués."
es.title = "No se indican los motivos del registro"
es.why = "El registro es una medida coercitiva: los tribunales del Estado requerido deben tener razones para creer que los objetos están en el lugar y guardan relación con el delito; muchos Estados de common law exigen hechos que constituyan motivos razonables."
es.fix = "Exponga los hechos que muestran por qué es probable encontrar los objetos en el lugar y qué relación tienen con el delito."
es.message = "Medida {n}: no se indican los motivos que vinculan el lugar y los objetos con el delito."

[rule.fixture]
fail = '''
{
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
        "grounds": "",
        "order_attachment_id": "att-search-order",
        "chain_of_custody": "Sealed bags, inventory signed by the officers"
      }
    }
  ]
}
'''
pass = '''
{
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

[[rule]]
id = "measure.search.items"
severity = "blocker"
source = "UNCAC art. 46(3)(c), (15)(d)"
en.title = "Items sought not described"
en.why = "The requested State can seize only what the request describes; a search for anything relevant is refused as a fishing expedition."
en.fix = "Describe the documents, devices or objects to be seized."
en.message = "Measure {n}: the items to be seized are not described."
fr.title = "Objets recherchés non décrits"
fr.why = "L'État requis ne peut saisir que ce que la demande décrit ; une perquisition visant « tout élément utile » est refusée comme recherche exploratoire."
fr.fix = "Décrivez les documents, appareils ou objets à saisir."
fr.message = "Mesure {n} : les objets à saisir ne sont pas décrits."
es.title = "No se describen los objetos buscados"
es.why = "El Estado requerido solo puede incautar lo que describe la solicitud; un registro para buscar «todo lo pertinente» se deniega como búsqueda indiscriminada."
es.fix = "Describa los documentos, dispositivos u objetos que deben incautarse."
es.message = "Medida {n}: no se describen los objetos que deben incautarse."

[rule.fixture]
fail = '''
{
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
        "items_sought": "",
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

[[rule]]
id = "measure.search.order"
severity = "advice"
source = "UNCAC art. 46(17); CAC/COSP/2019/7 § 45"
en.title = "No domestic search order annexed"
en.why = "Some requested States require a search order from the requesting State's own court before they seek their own warrant."
en.fix = "Where you have one, annex the domestic search order and select it in the measure; check the requested State's requirements."
en.message = "Measure {n}: no domestic search order is annexed."
fr.title = "Aucune ordonnance de perquisition jointe"
fr.why = "Certains États requis exigent une décision de perquisition rendue dans l'État requérant avant de solliciter leur propre mandat."
fr.fix = "Si vous en disposez, joignez la décision nationale de perquisition et sélectionnez-la dans la mesure ; vérifiez les exigences de l'État requis."
fr.message = "Mesure {n} : aucune décision nationale de perquisition n'est jointe."
es.title = "No se adjunta orden nacional de registro"
es.why = "Algunos Estados requeridos exigen una orden de registro dictada en el Estado requirente antes de solicitar su propia orden."
es.fix = "Si dispone de ella, adjunte la orden nacional de registro y selecciónela en la medida; verifique los requisitos del Estado requerido."
es.message = "Medida {n}: no se adjunta ninguna orden nacional de registro."

[rule.fixture]
fail = '''
{
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
        "order_attachment_id": "",
        "chain_of_custody": "Sealed bags, inventory signed by the officers"
      }
    }
  ]
}
'''
pass = '''
{
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

[[rule]]
id = "measure.search.premises"
severity = "blocker"
source = "UNCAC art. 46(3)(c), (15)(d); CAC/COSP/2019/7 § 82"
en.title = "Premises to search not described"
en.why = "A search can only be ordered for premises or a person precisely described; requested States report missing details of where to execute as a frequent difficulty."
en.fix = "Give the full address and a description of the premises (floor, rooms, vehicles, outbuildings) or of the person to be searched."
en.message = "Measure {n}: the premises or person to be searched are not described."
fr.title = "Lieux à perquisitionner non décrits"
fr.why = "Une perquisition ne peut être ordonnée que pour des lieux ou une personne décrits avec précision ; les États requis citent le manque de détails sur le lieu d'exécution comme une difficulté fréquente."
fr.fix = "Indiquez l'adresse complète et décrivez les lieux (étage, pièces, véhicules, dépendances) ou la personne à fouiller."
fr.message = "Mesure {n} : les lieux ou la personne à perquisitionner ne sont pas décrits."
es.title = "No se describe el lugar que debe registrarse"
es.why = "Solo puede ordenarse el registro de un lugar o una persona descritos con precisión; los Estados requeridos señalan la falta de detalles sobre el lugar de ejecución como dificultad frecuente."
es.fix = "Indique la dirección completa y describa el lugar (planta, dependencias, vehículos, anexos) o la persona que debe registrarse."
es.message = "Medida {n}: no se describe el lugar o la persona que debe registrarse."

[rule.fixture]
fail = '''
{
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
        "premises": "",
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

[[rule]]
id = "measure.service.documents"
severity = "blocker"
source = "UNCAC art. 46(3)(b), (15)(d)"
en.title = "Documents to serve not annexed"
en.why = "The requested State serves the documents it receives; without them there is nothing to serve."
en.fix = "Annex the documents to be served and select them in the measure."
en.message = "Measure {n}: no document to serve is selected."
fr.title = "Actes à signifier non joints"
fr.why = "L'État requis signifie les actes qu'il reçoit ; sans eux, il n'y a rien à signifier."
fr.fix = "Joignez les actes à signifier et sélectionnez-les dans la mesure."
fr.message = "Mesure {n} : aucun acte à signifier n'est sélectionné."
es.title = "No se adjuntan los documentos que deben notificarse"
es.why = "El Estado requerido notifica los documentos que recibe; sin ellos no hay nada que notificar."
es.fix = "Adjunte los documentos que deben notificarse y selecciónelos en la medida."
es.message = "Medida {n}: no se ha seleccionado ningún documento para notificar."

[rule.fixture]
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
        "document_attachment_ids": [],
        "appearance_date": "2027-03-01",
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
        "appearance_date": "2027-03-01",
        "proof_of_service": true
      }
    }
  ]
}
'''

[[rule]]
id = "measure.service.recipient"
severity = "blocker"
source = "UNCAC art. 46(3)(b), (15)(e); CAC/COSP/2019/7 § 55"
en.title = "Recipient or address for service missing"
en.why = "Documents can be served only on an identified person at a known address; missing details to locate the person are a reported cause of delay."
en.fix = "Select the recipient and give the address for service."
en.message = "Measure {n}: the recipient or the address for service is missing."
fr.title = "Destinataire ou adresse de signification manquant"
fr.why = "Un acte ne peut être signifié qu'à une personne identifiée, à une adresse connue ; le manque de détails pour localiser la personne est une cause de retard signalée."
fr.fix = "Sélectionnez le destinataire et indiquez l'adresse de signification."
fr.message = "Mesure {n} : le destinataire ou l'adresse de signification fait défaut."
es.title = "Falta el destinatario o la dirección de notificación"
es.why = "Solo puede notificarse a una persona identificada en una dirección conocida; la falta de datos para localizar a la persona es una causa de demora señalada."
es.fix = "Seleccione al destinatario e indique la dirección de notificación."
es.message = "Medida {n}: falta el destinatario o la dirección de notificación."

[rule.fixture]
note = "The recipient's known location is enough."
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
        "recipient_person_id": "",
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
        "address": "",
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
id = "measure.statement.person"
severity = "blocker"
source = "UNCAC art. 46(3)(a), (15)(e); CAC/COSP/2019/7 § 55"
en.title = "Person to be heard not identified"
en.why = "The requested State cannot take a statement from a person it cannot identify and locate."
en.fix = "Select the person from the list of persons."
en.message = "Measure {n}: the person to be heard is not identified."
fr.title = "Personne à entendre non identifiée"
fr.why = "L'État requis ne peut recueillir la déposition d'une personne qu'il ne peut identifier ni localiser."
fr.fix = "Sélectionnez la personne dans la liste des personnes."
fr.message = "Mesure {n} : la personne à entendre n'est pas identifiée."
es.title = "No se identifica a la persona que debe declarar"
es.why = "El Estado requerido no puede tomar declaración a una persona que no puede identificar ni localizar."
es.fix = "Seleccione a la persona en la lista de personas."
es.message = "Medida {n}: no se identifica a la persona que debe declarar."

[rule.fixture]
fail = '''
{
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
        "person_id": "",
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
pass = '''
{
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
id = "measure.statement.questions"
severity = "warning"
source = "UNCAC art. 46(15)(d), (17)"
en.title = "No questions for the hearing"
en.why = "The officials who hear the person in the requested State do not know the case; without a list of questions the statement rarely covers what is needed."
en.fix = "List the questions to be put, in the order wanted."
en.message = "Measure {n}: no questions are listed."
fr.title = "Aucune question pour l'audition"
fr.why = "Les agents qui entendent la personne dans l'État requis ne connaissent pas l'affaire ; sans liste de questions, la déposition couvre rarement ce qui est nécessaire."
fr.fix = "Énumérez les questions à poser, dans l'ordre souhaité."
fr.message = "Mesure {n} : aucune question n'est énumérée."
es.title = "No hay preguntas para la declaración"
es.why = "Los funcionarios que toman la declaración en el Estado requerido no conocen el caso; sin una lista de preguntas, la declaración rara vez abarca lo necesario."
es.fix = "Enumere las preguntas que deben formularse, en el orden deseado."
es.message = "Medida {n}: no se enumera ninguna pregunta."

[rule.fixture]
fail = '''
{
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
        "questions": [],
        "rights": "",
        "officials_attend": true,
        "oath_form": "Affirmation to tell the truth"
      }
    }
  ]
}
'''
pass = '''
{
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
id = "measure.statement.rights"
severity = "warning"
source = "UNCAC art. 46(17); ICCPR art. 14(3)(g)"
en.title = "Rights of a suspect not stated"
en.why = "A suspect's statement taken without the safeguards the requesting State's law requires (right to silence, to counsel) may be inadmissible at trial."
en.fix = "State the rights to be read to the suspect and how the caution should be worded."
en.message = "Measure {n}: the person is heard as a suspect, but the rights to be read are not stated."
fr.title = "Droits du suspect non indiqués"
fr.why = "Une déposition de suspect recueillie sans les garanties qu'exige le droit de l'État requérant (droit de se taire, droit à un avocat) risque d'être irrecevable au procès."
fr.fix = "Indiquez les droits à notifier au suspect et la formule à employer."
fr.message = "Mesure {n} : la personne est entendue comme suspect, mais les droits à lui notifier ne sont pas indiqués."
es.title = "No se indican los derechos del sospechoso"
es.why = "La declaración de un sospechoso tomada sin las garantías que exige el derecho del Estado requirente (derecho a guardar silencio, a un abogado) puede ser inadmisible en juicio."
es.fix = "Indique los derechos que deben comunicarse al sospechoso y la fórmula que debe emplearse."
es.message = "Medida {n}: la persona declara como sospechosa, pero no se indican los derechos que deben comunicársele."

[rule.fixture]
note = "A witness needs no caution in this rule."
fail = '''
{
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
        "person_id": "p-suspect",
        "status": "suspect",
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
pass = '''
{
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
id = "measure.statement.status"
severity = "warning"
source = "UNCAC art. 46(15)(d), (17)"
en.title = "Status of the person to be heard not stated"
en.why = "Witnesses, suspects and experts are heard under different rules; the requested State needs the status to apply the right procedure."
en.fix = "State whether the person is heard as a witness, suspect, victim or expert."
en.message = "Measure {n}: the status of the person to be heard is not stated."
fr.title = "Qualité de la personne à entendre non précisée"
fr.why = "Témoins, suspects et experts sont entendus selon des règles différentes ; l'État requis doit connaître la qualité de la personne pour appliquer la bonne procédure."
fr.fix = "Précisez si la personne est entendue comme témoin, suspect, victime ou expert."
fr.message = "Mesure {n} : la qualité de la personne à entendre n'est pas précisée."
es.title = "No se indica la calidad de la persona que debe declarar"
es.why = "Testigos, sospechosos y peritos declaran con arreglo a normas distintas; el Estado requerido necesita saberlo para aplicar el procedimiento correcto."
es.fix = "Indique si la persona declara como testigo, sospechoso, víctima o perito."
es.message = "Medida {n}: no se indica en qué calidad declara la persona."

[rule.fixture]
fail = '''
{
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
        "status": "unspecified",
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
pass = '''
{
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
id = "measure.trace.target"
severity = "blocker"
source = "UNCAC arts. 46(3)(g), 55(3)(a); CAC/COSP/2019/7 §§ 54, 85, 88"
en.title = "Nothing to trace identified"
en.why = "The requested State can only trace proceeds of identified persons or assets; requests that do not say whose assets are sought are not executed."
en.fix = "Select the persons or assets to trace, or describe the proceeds sought."
en.message = "Measure {n}: no person, asset or description of the proceeds to trace is given."
fr.title = "Aucun objet de la recherche identifié"
fr.why = "L'État requis ne peut localiser que le produit de personnes ou de biens identifiés ; les demandes qui ne disent pas quels avoirs sont recherchés ne sont pas exécutées."
fr.fix = "Sélectionnez les personnes ou les biens à rechercher, ou décrivez le produit recherché."
fr.message = "Mesure {n} : aucune personne, aucun bien ni aucune description du produit à localiser n'est indiqué."
es.title = "No se identifica qué rastrear"
es.why = "El Estado requerido solo puede rastrear el producto de personas o bienes identificados; las solicitudes que no indican qué bienes se buscan no se ejecutan."
es.fix = "Seleccione las personas o bienes que deben rastrearse, o describa el producto buscado."
es.message = "Medida {n}: no se indica ninguna persona, bien ni descripción del producto que debe rastrearse."

[rule.fixture]
note = "A description alone is enough."
fail = '''
{
  "measures": [
    {
      "id": "m-trace",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To locate the proceeds of the bribes.",
      "procedure": "",
      "details": {
        "type": "trace_proceeds",
        "person_ids": [],
        "asset_ids": [],
        "description": ""
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-trace",
      "offence_ids": [
        "off-2"
      ],
      "purpose": "To locate the proceeds of the bribes.",
      "procedure": "",
      "details": {
        "type": "trace_proceeds",
        "person_ids": [],
        "asset_ids": [],
        "description": "Property acquired by the suspect since March 2024"
      }
    }
  ]
}
'''

[[rule]]
id = "measure.transfer.consent"
severity = "blocker"
source = "UNCAC art. 46(10)(a); UNTOC art. 18(10)(a)"
en.title = "Consent of the detained person not obtained"
en.why = "A detained person may be transferred to give evidence only if the person freely gives informed consent."
en.fix = "Obtain the person's free and informed consent and record it in the request."
en.message = "Measure {n}: the detained person's consent to the transfer is not recorded."
fr.title = "Consentement de la personne détenue non obtenu"
fr.why = "Une personne détenue ne peut être transférée aux fins de témoignage que si elle y consent librement et en toute connaissance de cause."
fr.fix = "Recueillez le consentement libre et éclairé de la personne et mentionnez-le dans la demande."
fr.message = "Mesure {n} : le consentement de la personne détenue au transfèrement n'est pas mentionné."
es.title = "No consta el consentimiento de la persona detenida"
es.why = "Una persona detenida solo puede ser trasladada para prestar testimonio si da libremente su consentimiento informado."
es.fix = "Obtenga el consentimiento libre e informado de la persona y hágalo constar en la solicitud."
es.message = "Medida {n}: no consta el consentimiento de la persona detenida al traslado."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-transfer",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the detained co-accused at trial.",
      "procedure": "",
      "details": {
        "type": "transfer_detained_person",
        "person_id": "p-detainee",
        "consent_obtained": false,
        "custody_guarantees": "The person will be kept in custody and returned on the agreed date; safe conduct for prior acts.",
        "transfer_date": "2027-04-01",
        "return_date": "2027-04-10"
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-transfer",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the detained co-accused at trial.",
      "procedure": "",
      "details": {
        "type": "transfer_detained_person",
        "person_id": "p-detainee",
        "consent_obtained": true,
        "custody_guarantees": "The person will be kept in custody and returned on the agreed date; safe conduct for prior acts.",
        "transfer_date": "2027-04-01",
        "return_date": "2027-04-10"
      }
    }
  ]
}
'''

[[rule]]
id = "measure.transfer.dates"
severity = "warning"
source = "UNCAC art. 46(10)(b), (11); UNTOC art. 18(10)(b), (11)"
en.title = "Transfer or return date missing"
en.why = "Both States must agree on the conditions of the transfer, including when the person is returned."
en.fix = "Give the planned transfer and return dates."
en.message = "Measure {n}: the transfer or return date is missing."
fr.title = "Date de transfèrement ou de remise manquante"
fr.why = "Les deux États doivent convenir des conditions du transfèrement, y compris de la date de remise de la personne."
fr.fix = "Indiquez les dates prévues de transfèrement et de remise."
fr.message = "Mesure {n} : la date de transfèrement ou de remise fait défaut."
es.title = "Falta la fecha de traslado o de devolución"
es.why = "Ambos Estados deben acordar las condiciones del traslado, incluida la fecha de devolución de la persona."
es.fix = "Indique las fechas previstas de traslado y de devolución."
es.message = "Medida {n}: falta la fecha de traslado o de devolución."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-transfer",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the detained co-accused at trial.",
      "procedure": "",
      "details": {
        "type": "transfer_detained_person",
        "person_id": "p-detainee",
        "consent_obtained": true,
        "custody_guarantees": "The person will be kept in custody and returned on the agreed date; safe conduct for prior acts.",
        "transfer_date": "2027-04-01",
        "return_date": null
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-transfer",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the detained co-accused at trial.",
      "procedure": "",
      "details": {
        "type": "transfer_detained_person",
        "person_id": "p-detainee",
        "consent_obtained": true,
        "custody_guarantees": "The person will be kept in custody and returned on the agreed date; safe conduct for prior acts.",
        "transfer_date": "2027-04-01",
        "return_date": "2027-04-10"
      }
    }
  ]
}
'''

[[rule]]
id = "measure.transfer.guarantees"
severity = "warning"
source = "UNCAC art. 46(11), (12); UNTOC art. 18(11), (12)"
en.title = "Custody and return guarantees missing"
en.why = "The receiving State must keep the person in custody, return them as agreed, and not prosecute or restrict them for acts before the transfer; the requested State expects these undertakings."
en.fix = "Give the custody, return and safe-conduct undertakings."
en.message = "Measure {n}: the custody and return guarantees are not given."
fr.title = "Garanties de détention et de remise manquantes"
fr.why = "L'État qui reçoit la personne doit la maintenir en détention, la remettre comme convenu et ne pas la poursuivre ni restreindre sa liberté pour des actes antérieurs au transfèrement ; l'État requis attend ces engagements."
fr.fix = "Donnez les engagements relatifs à la détention, à la remise et au sauf-conduit."
fr.message = "Mesure {n} : les garanties de détention et de remise ne sont pas données."
es.title = "Faltan las garantías de custodia y devolución"
es.why = "El Estado que recibe a la persona debe mantenerla detenida, devolverla según lo acordado y no procesarla ni restringir su libertad por actos anteriores al traslado; el Estado requerido espera estos compromisos."
es.fix = "Incluya los compromisos de custodia, devolución y salvoconducto."
es.message = "Medida {n}: no se dan las garantías de custodia y devolución."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-transfer",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the detained co-accused at trial.",
      "procedure": "",
      "details": {
        "type": "transfer_detained_person",
        "person_id": "p-detainee",
        "consent_obtained": true,
        "custody_guarantees": "",
        "transfer_date": "2027-04-01",
        "return_date": "2027-04-10"
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-transfer",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the detained co-accused at trial.",
      "procedure": "",
      "details": {
        "type": "transfer_detained_person",
        "person_id": "p-detainee",
        "consent_obtained": true,
        "custody_guarantees": "The person will be kept in custody and returned on the agreed date; safe conduct for prior acts.",
        "transfer_date": "2027-04-01",
        "return_date": "2027-04-10"
      }
    }
  ]
}
'''

[[rule]]
id = "measure.video.arrangements"
severity = "warning"
source = "UNCAC art. 46(18); UNTOC art. 18(18)"
en.title = "Videoconference date or technical contact missing"
en.why = "A hearing by videoconference needs a date agreed in advance and a technical contact to test the link."
en.fix = "Propose a date and give the technical contact (name, e-mail, telephone)."
en.message = "Measure {n}: the proposed date or the technical contact is missing."
fr.title = "Date ou contact technique de la vidéoconférence manquant"
fr.why = "Une audition par vidéoconférence exige une date convenue à l'avance et un contact technique pour tester la liaison."
fr.fix = "Proposez une date et indiquez le contact technique (nom, adresse électronique, téléphone)."
fr.message = "Mesure {n} : la date proposée ou le contact technique fait défaut."
es.title = "Falta la fecha o el contacto técnico de la videoconferencia"
es.why = "Una audiencia por videoconferencia requiere una fecha acordada de antemano y un contacto técnico para probar la conexión."
es.fix = "Proponga una fecha e indique el contacto técnico (nombre, correo electrónico, teléfono)."
es.message = "Medida {n}: falta la fecha propuesta o el contacto técnico."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-video",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the victim's representative at trial.",
      "procedure": "",
      "details": {
        "type": "videoconference_hearing",
        "person_id": "p-victim",
        "status": "victim",
        "proposed_date": "2027-02-01",
        "technical_contact": "",
        "interpreter_language": "fr",
        "questioning_authority": "The trial judge of the requesting State"
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-video",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the victim's representative at trial.",
      "procedure": "",
      "details": {
        "type": "videoconference_hearing",
        "person_id": "p-victim",
        "status": "victim",
        "proposed_date": "2027-02-01",
        "technical_contact": "IT desk, +230 555 0100, it@court.example",
        "interpreter_language": "",
        "questioning_authority": "The trial judge of the requesting State"
      }
    }
  ]
}
'''

[[rule]]
id = "measure.video.person"
severity = "blocker"
source = "UNCAC art. 46(18), (15)(e)"
en.title = "Person to be heard by videoconference not identified"
en.why = "The requested State must identify and summon the person to the hearing."
en.fix = "Select the person from the list of persons."
en.message = "Measure {n}: the person to be heard is not identified."
fr.title = "Personne à entendre par vidéoconférence non identifiée"
fr.why = "L'État requis doit identifier la personne et la convoquer à l'audition."
fr.fix = "Sélectionnez la personne dans la liste des personnes."
fr.message = "Mesure {n} : la personne à entendre n'est pas identifiée."
es.title = "No se identifica a la persona que debe declarar por videoconferencia"
es.why = "El Estado requerido debe identificar y citar a la persona a la audiencia."
es.fix = "Seleccione a la persona en la lista de personas."
es.message = "Medida {n}: no se identifica a la persona que debe declarar."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-video",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the victim's representative at trial.",
      "procedure": "",
      "details": {
        "type": "videoconference_hearing",
        "person_id": "",
        "status": "victim",
        "proposed_date": "2027-02-01",
        "technical_contact": "IT desk, +230 555 0100, it@court.example",
        "interpreter_language": "fr",
        "questioning_authority": "The trial judge of the requesting State"
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-video",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the victim's representative at trial.",
      "procedure": "",
      "details": {
        "type": "videoconference_hearing",
        "person_id": "p-victim",
        "status": "victim",
        "proposed_date": "2027-02-01",
        "technical_contact": "IT desk, +230 555 0100, it@court.example",
        "interpreter_language": "fr",
        "questioning_authority": "The trial judge of the requesting State"
      }
    }
  ]
}
'''

[[rule]]
id = "measure.video.questioning"
severity = "advice"
source = "UNCAC art. 46(18); UNTOC art. 18(18)"
en.title = "Who conducts the hearing not stated"
en.why = "The Conventions provide for a hearing conducted by a judicial authority of the requesting State and assisted by one of the requested State; the requested State needs to know who will question."
en.fix = "State which authority will conduct the questioning."
en.message = "Measure {n}: the authority that will question the person is not stated."
fr.title = "Autorité qui conduit l'audition non indiquée"
fr.why = "Les Conventions prévoient une audition conduite par une autorité judiciaire de l'État requérant, assistée d'une autorité de l'État requis ; celui-ci doit savoir qui posera les questions."
fr.fix = "Indiquez l'autorité qui conduira l'audition."
fr.message = "Mesure {n} : l'autorité qui interrogera la personne n'est pas indiquée."
es.title = "No se indica quién dirige la audiencia"
es.why = "Las Convenciones prevén una audiencia dirigida por una autoridad judicial del Estado requirente, asistida por una del Estado requerido; este necesita saber quién formulará las preguntas."
es.fix = "Indique qué autoridad dirigirá el interrogatorio."
es.message = "Medida {n}: no se indica la autoridad que interrogará a la persona."

[rule.fixture]
fail = '''
{
  "measures": [
    {
      "id": "m-video",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the victim's representative at trial.",
      "procedure": "",
      "details": {
        "type": "videoconference_hearing",
        "person_id": "p-victim",
        "status": "victim",
        "proposed_date": "2027-02-01",
        "technical_contact": "IT desk, +230 555 0100, it@court.example",
        "interpreter_language": "fr",
        "questioning_authority": ""
      }
    }
  ]
}
'''
pass = '''
{
  "measures": [
    {
      "id": "m-video",
      "offence_ids": [
        "off-1"
      ],
      "purpose": "To hear the victim's representative at trial.",
      "procedure": "",
      "details": {
        "type": "videoconference_hearing",
        "person_id": "p-victim",
        "status": "victim",
        "proposed_date": "2027-02-01",
        "technical_contact": "IT desk, +230 555 0100, it@court.example",
        "interpreter_language": "fr",
        "questioning_authority": "The trial judge of the requesting State"
      }
    }
  ]
}
'''
"##;

pub(super) fn run(r: &Request, ctx: &CheckContext, out: &mut Out) {
    let _ = ctx;
    for (i, m) in r.measures.iter().enumerate() {
        measure(r, i, m, out);
    }
}

/// The rules of each kind of measure: what its details must say. A field declared
/// `required` (in `crate::assistance`) reports its rule when empty; what depends on more
/// than one field is below, per type.
fn measure(r: &Request, i: usize, m: &Measure, out: &mut Out) {
    for (field, rule_id) in m.details.missing_required() {
        let rule_id = RuleId::parse(rule_id)
            .expect("a type of assistance declares only declared rules (tests::required_fields_report_declared_rules)");
        out.hit_with(rule_id, mpath(i, field), vec![num(i)]);
    }
    match &m.details {
        MeasureDetails::TakeStatement(d) => check_take_statement(r, i, d, out),
        MeasureDetails::ServeDocuments(d) => check_serve_documents(r, i, d, out),
        MeasureDetails::ExamineObjectsSites(d) => check_examine_objects_sites(i, d, out),
        MeasureDetails::BankRecords(d) => check_bank_records(r, i, d, out),
        MeasureDetails::ProduceRecords(d) => check_produce_records(i, d, out),
        MeasureDetails::TraceProceeds(d) => check_trace_proceeds(i, d, out),
        MeasureDetails::FreezeAssets(d) => {
            assets_measure(r, i, &d.asset_ids, &d.link_to_offence, out)
        }
        MeasureDetails::ConfiscateAssets(d) => check_confiscate_assets(r, i, d, out),
        MeasureDetails::VideoconferenceHearing(d) => check_videoconference_hearing(i, d, out),
        MeasureDetails::TransferDetainedPerson(d) => check_transfer_detained_person(i, d, out),
        MeasureDetails::ElectronicEvidence(d) => check_electronic_evidence(i, d, out),
        _ => {}
    }
}

fn check_bank_records(r: &Request, i: usize, d: &BankRecords, out: &mut Out) {
    let accounts = d.account_asset_ids.iter().any(|x| !blank(x));
    if blank(&d.bank) && !accounts {
        out.hit_with(
            RuleId::MeasureBankIdentification,
            mpath(i, "bank"),
            vec![num(i)],
        );
    } else if !accounts && blank(&d.holder_person_id) {
        out.hit_with(
            RuleId::MeasureBankIdentification,
            mpath(i, "account_asset_ids"),
            vec![num(i)],
        );
    }
    if d.period_from.is_none() || d.period_to.is_none() {
        let f = if d.period_from.is_none() {
            "period_from"
        } else {
            "period_to"
        };
        out.hit_with(RuleId::MeasureBankPeriod, mpath(i, f), vec![num(i)]);
    }
    let asset_links = accounts
        && d.account_asset_ids
            .iter()
            .all(|id| asset(r, id).is_some_and(|a| !blank(&a.link_to_offence)));
    if blank(&d.link_to_offence) && !asset_links {
        out.hit_with(
            RuleId::MeasureBankLink,
            mpath(i, "link_to_offence"),
            vec![num(i)],
        );
    }
}

fn check_confiscate_assets(r: &Request, i: usize, d: &ConfiscateAssets, out: &mut Out) {
    assets_measure(r, i, &d.asset_ids, &d.link_to_offence, out);
    if !blank(&d.order_attachment_id) && !d.order_final {
        out.hit_with(
            RuleId::MeasureConfiscationFinal,
            mpath(i, "order_final"),
            vec![num(i)],
        );
    }
}

fn check_electronic_evidence(i: usize, d: &ElectronicEvidence, out: &mut Out) {
    if d.date_from.is_none() || d.date_to.is_none() {
        let f = if d.date_from.is_none() {
            "date_from"
        } else {
            "date_to"
        };
        out.hit_with(RuleId::MeasureEEvidencePeriod, mpath(i, f), vec![num(i)]);
    }
    if d.risk_of_loss && !d.preservation_requested {
        out.hit_with(
            RuleId::MeasureEEvidencePreservation,
            mpath(i, "preservation_requested"),
            vec![num(i)],
        );
    }
}

fn check_examine_objects_sites(i: usize, d: &ExamineObjectsSites, out: &mut Out) {
    if !blank(&d.object_or_site) && blank(&d.examination) {
        out.hit_with(
            RuleId::MeasureExamineObject,
            mpath(i, "examination"),
            vec![num(i)],
        );
    }
}

fn check_produce_records(i: usize, d: &ProduceRecords, out: &mut Out) {
    if !blank(&d.holder) && blank(&d.records_wanted) {
        out.hit_with(
            RuleId::MeasureRecordsDescription,
            mpath(i, "records_wanted"),
            vec![num(i)],
        );
    }
}

fn check_serve_documents(r: &Request, i: usize, d: &ServeDocuments, out: &mut Out) {
    if !blank(&d.recipient_person_id)
        && blank(&d.address)
        && person(r, &d.recipient_person_id).is_none_or(|x| blank(&x.location))
    {
        out.hit_with(
            RuleId::MeasureServiceRecipient,
            mpath(i, "address"),
            vec![num(i)],
        );
    }
}

fn check_take_statement(r: &Request, i: usize, d: &TakeStatement, out: &mut Out) {
    let status = match (d.status, person(r, &d.person_id).map(|x| x.role)) {
        (HearingStatus::Unspecified, Some(PersonRole::Suspect | PersonRole::Accused)) => {
            HearingStatus::Suspect
        }
        (s, _) => s,
    };
    if status == HearingStatus::Suspect && blank(&d.rights) {
        out.hit_with(RuleId::MeasureStatementRights, mpath(i, "rights"), vec![num(i)]);
    }
}

fn check_trace_proceeds(i: usize, d: &TraceProceeds, out: &mut Out) {
    if d.person_ids.iter().all(|x| blank(x))
        && d.asset_ids.iter().all(|x| blank(x))
        && blank(&d.description)
    {
        out.hit_with(
            RuleId::MeasureTraceTarget,
            mpath(i, "description"),
            vec![num(i)],
        );
    }
}

fn check_transfer_detained_person(i: usize, d: &TransferDetainedPerson, out: &mut Out) {
    if d.transfer_date.is_none() || d.return_date.is_none() {
        let f = if d.transfer_date.is_none() {
            "transfer_date"
        } else {
            "return_date"
        };
        out.hit_with(RuleId::MeasureTransferDates, mpath(i, f), vec![num(i)]);
    }
}

fn check_videoconference_hearing(i: usize, d: &VideoconferenceHearing, out: &mut Out) {
    if d.proposed_date.is_none() {
        out.hit_with(
            RuleId::MeasureVideoArrangements,
            mpath(i, "proposed_date"),
            vec![num(i)],
        );
    } else if blank(&d.technical_contact) {
        out.hit_with(
            RuleId::MeasureVideoArrangements,
            mpath(i, "technical_contact"),
            vec![num(i)],
        );
    }
}

/// Freezing and confiscation: which assets, and why they are linked to the offence.
fn assets_measure(r: &Request, i: usize, ids: &[String], link: &str, out: &mut Out) {
    if ids.iter().all(|x| blank(x)) {
        out.hit_with(RuleId::MeasureAssetsList, mpath(i, "asset_ids"), vec![num(i)]);
        return;
    }
    let every_asset_linked = ids
        .iter()
        .all(|id| asset(r, id).is_some_and(|a| !blank(&a.link_to_offence)));
    if blank(link) && !every_asset_linked {
        out.hit_with(
            RuleId::MeasureAssetsLink,
            mpath(i, "link_to_offence"),
            vec![num(i)],
        );
    }
}

fn person<'r>(r: &'r Request, id: &str) -> Option<&'r Person> {
    if blank(id) {
        return None;
    }
    r.persons.iter().find(|p| p.id == id)
}

fn asset<'r>(r: &'r Request, id: &str) -> Option<&'r Asset> {
    r.assets.iter().find(|a| a.id == id)
}
