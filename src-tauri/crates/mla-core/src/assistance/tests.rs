use super::*;
use crate::rules::rule;

#[test]
fn every_variant_is_declared_with_its_serde_tag_and_fields() {
    let samples = MeasureDetails::samples();
    assert_eq!(samples.len(), ASSISTANCE.len());
    for (d, t) in samples.iter().zip(ASSISTANCE) {
        assert_eq!(d.kind(), t.key);
        let json = serde_json::to_value(d).unwrap();
        assert_eq!(json["type"], t.key, "serde tag of {}", t.key);
        let mut names: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "type")
            .collect();
        let mut declared: Vec<&str> = t.fields.iter().map(|f| f.name).collect();
        names.sort_unstable();
        declared.sort_unstable();
        assert_eq!(names, declared, "{}", t.key);
        assert_eq!(d.fields().len(), t.fields.len());
    }
    let mut keys: Vec<&str> = ASSISTANCE.iter().map(|t| t.key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), ASSISTANCE.len(), "duplicate type keys");
}

#[test]
fn every_type_has_a_source_and_a_reason_for_its_classification() {
    for t in ASSISTANCE {
        assert!(!t.source.trim().is_empty(), "{} has no legal source", t.key);
        assert!(
            t.reason.trim().len() > 20,
            "{} says too little about why it is {}coercive",
            t.key,
            if t.coercive { "" } else { "not " }
        );
    }
}

#[test]
fn every_declared_type_and_field_has_every_label() {
    assert_eq!(label_problems(), Vec::<String>::new());
}

#[test]
fn a_missing_label_is_reported_by_type_field_and_language() {
    let broken = LABELS_TOML.replacen(", zh = \"银行\" }", " }", 1);
    assert_ne!(broken, LABELS_TOML);
    assert_eq!(
        label_problems_in(&broken),
        ["bank_records.fields.bank.letter: no `zh` label"]
    );
    let broken = LABELS_TOML.replacen("fields.bank.ui = ", "fields.bank_name.ui = ", 1);
    let problems = label_problems_in(&broken);
    assert!(
        problems.contains(&"bank_records.fields.bank.ui: no `en` label".to_owned())
            && problems
                .contains(&"bank_records.fields.bank_name: no such field declared".to_owned()),
        "{problems:?}"
    );
}

#[test]
fn required_flags_name_declared_measure_rules() {
    for t in ASSISTANCE {
        for f in t.fields {
            if let Some(id) = f.required {
                assert!(
                    rule(id).is_some(),
                    "{}.{} names undeclared rule `{id}`",
                    t.key,
                    f.name
                );
                assert!(id.starts_with("measure."), "{id}");
            }
        }
    }
}

#[test]
fn a_period_start_is_followed_by_its_end_and_dates_have_the_date_kind() {
    for t in ASSISTANCE {
        for (k, f) in t.fields.iter().enumerate() {
            if f.date != DateRole::Plain {
                assert_eq!(f.kind, FieldKind::Date, "{}.{}", t.key, f.name);
            }
            if f.date == DateRole::PeriodFrom {
                assert_eq!(
                    t.fields.get(k + 1).map(|n| n.date),
                    Some(DateRole::PeriodTo),
                    "{}.{} is not followed by the end of its period",
                    t.key,
                    f.name
                );
            }
            if f.date == DateRole::PeriodTo {
                assert_eq!(t.fields[k - 1].date, DateRole::PeriodFrom);
            }
        }
    }
}

#[test]
fn references_carry_their_paths() {
    let d = MeasureDetails::BankRecords(BankRecords {
        account_asset_ids: vec!["a-1".into(), "a-2".into()],
        holder_person_id: "p-1".into(),
        ..Default::default()
    });
    let refs: Vec<(RefTarget, &str, String)> = d
        .references()
        .into_iter()
        .map(|r| (r.target, r.id, r.path))
        .collect();
    assert_eq!(
        refs,
        [
            (RefTarget::Asset, "a-1", "account_asset_ids[0]".to_owned()),
            (RefTarget::Asset, "a-2", "account_asset_ids[1]".to_owned()),
            (RefTarget::Person, "p-1", "holder_person_id".to_owned()),
        ]
    );
    assert_eq!(d.person_ids(), ["p-1"]);
}
