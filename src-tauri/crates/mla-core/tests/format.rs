//! The `.mla.json` format: examples round-trip byte for byte, the committed JSON Schema is
//! the generated one, and bad input is reported with where it is.
//!
//! `UPDATE_SCHEMA=1 cargo test -p mla-core` rewrites `assets/schema/request.schema.json`;
//! `UPDATE_EXAMPLES=1` rewrites the examples in canonical form. Without them the tests
//! only compare.

use std::path::{Path, PathBuf};

use mla_core::format::MAX_FILE_BYTES;
use mla_core::{json_schema, parse_request, write_request, FormatError, Request, FORMAT_VERSION};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn examples() -> Vec<PathBuf> {
    let dir = repo_root().join("assets/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(".mla.json"))
        .collect();
    files.sort();
    files
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == "1")
}

#[test]
fn there_are_at_least_three_examples() {
    assert!(examples().len() >= 3, "{:?}", examples());
}

#[test]
fn every_example_parses_and_rewrites_identically() {
    for path in examples() {
        let bytes = std::fs::read(&path).unwrap();
        let request = parse_request(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let written = write_request(&request);
        if flag("UPDATE_EXAMPLES") {
            std::fs::write(&path, &written).unwrap();
            continue;
        }
        assert!(
            written.as_bytes() == bytes.as_slice(),
            "{} is not in canonical form (run with UPDATE_EXAMPLES=1 to rewrite it)",
            path.display()
        );
        assert_eq!(parse_request(written.as_bytes()).unwrap(), request);
    }
}

#[test]
fn examples_are_filled_in() {
    // The examples are meant to show a complete request: guard against one losing its
    // substance in an edit.
    for path in examples() {
        let r = parse_request(&std::fs::read(&path).unwrap()).unwrap();
        let name = path.display();
        assert_eq!(r.requested_state.len(), 3, "{name}");
        assert!(
            r.requested_state.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(!r.reference.is_empty(), "{name}");
        assert!(!r.requesting_authority.officer.email.is_empty(), "{name}");
        assert!(!r.legal_basis.is_empty(), "{name}");
        assert!(!r.case.case_number.is_empty(), "{name}");
        assert!(
            r.facts.split("\n\n").count() >= 3,
            "{name}: facts in several paragraphs"
        );
        assert!(!r.offences.is_empty(), "{name}");
        for offence in &r.offences {
            assert!(offence.provision_text.len() > 100, "{name}: {}", offence.id);
            assert!(!offence.penalty.is_empty(), "{name}: {}", offence.id);
        }
        assert!(r.persons.len() >= 2, "{name}");
        assert!(r.measures.len() >= 2, "{name}");
        assert!(!r.attachments.is_empty(), "{name}");
        assert!(!r.signatory.name.is_empty(), "{name}");
    }
}

#[test]
fn examples_cover_the_measures_they_were_written_for() {
    let kinds = |file: &str| -> Vec<&'static str> {
        let path = repo_root().join("assets/examples").join(file);
        let r = parse_request(&std::fs::read(&path).unwrap()).unwrap();
        r.measures.iter().map(|m| m.details.kind()).collect()
    };
    assert_eq!(
        kinds("bribery-bank-records-che.mla.json"),
        ["freeze_assets", "bank_records", "take_statement"]
    );
    assert_eq!(
        kinds("laundering-e-evidence-fra.mla.json"),
        [
            "electronic_evidence",
            "search_seizure",
            "videoconference_hearing"
        ]
    );
    assert_eq!(
        kinds("service-appearance-tha.mla.json"),
        ["serve_documents", "voluntary_appearance"]
    );
}

#[test]
fn cross_references_in_examples_resolve() {
    use mla_core::MeasureDetails as M;
    for path in examples() {
        let r = parse_request(&std::fs::read(&path).unwrap()).unwrap();
        let name = path.display();
        let persons: Vec<&str> = r.persons.iter().map(|p| p.id.as_str()).collect();
        let assets: Vec<&str> = r.assets.iter().map(|a| a.id.as_str()).collect();
        let annexes: Vec<&str> = r.attachments.iter().map(|a| a.id.as_str()).collect();
        let offences: Vec<&str> = r.offences.iter().map(|o| o.id.as_str()).collect();
        let person = |id: &str| assert!(persons.contains(&id), "{name}: person {id}");
        let asset = |id: &str| assert!(assets.contains(&id), "{name}: asset {id}");
        let annex = |id: &str| assert!(annexes.contains(&id), "{name}: attachment {id}");
        for m in &r.measures {
            for o in &m.offence_ids {
                assert!(offences.contains(&o.as_str()), "{name}: offence {o}");
            }
            match &m.details {
                M::TakeStatement(d) => person(&d.person_id),
                M::ServeDocuments(d) => {
                    person(&d.recipient_person_id);
                    d.document_attachment_ids.iter().for_each(|a| annex(a));
                }
                M::SearchSeizure(d) => annex(&d.order_attachment_id),
                M::BankRecords(d) => {
                    person(&d.holder_person_id);
                    d.account_asset_ids.iter().for_each(|a| asset(a));
                }
                M::FreezeAssets(d) => {
                    annex(&d.order_attachment_id);
                    d.asset_ids.iter().for_each(|a| asset(a));
                }
                M::VoluntaryAppearance(d) => person(&d.person_id),
                M::VideoconferenceHearing(d) => person(&d.person_id),
                _ => {}
            }
        }
        for a in &r.assets {
            person(&a.holder_person_id);
        }
    }
}

#[test]
fn default_request_round_trips() {
    let request = Request::default();
    let written = write_request(&request);
    assert_eq!(parse_request(written.as_bytes()).unwrap(), request);
    assert_eq!(
        write_request(&parse_request(written.as_bytes()).unwrap()),
        written
    );
    assert!(written.ends_with("}\n"));
}

#[test]
fn minimal_file_gets_defaults() {
    let request = parse_request(b"{\"format_version\": 1}").unwrap();
    assert_eq!(request, Request::default());
}

#[test]
fn committed_schema_is_the_generated_one() {
    let path = repo_root().join("assets/schema/request.schema.json");
    let generated = json_schema();
    if flag("UPDATE_SCHEMA") {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_SCHEMA=1 to create it)",
            path.display()
        )
    });
    assert!(
        committed == generated,
        "{} differs from the schema generated from the types; run \
         `UPDATE_SCHEMA=1 cargo test -p mla-core` and commit it",
        path.display()
    );
}

#[test]
fn committed_schema_describes_the_format() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    for field in [
        "format_version",
        "reference",
        "requested_state",
        "measures",
        "facts",
    ] {
        assert!(properties.contains_key(field), "{field}");
    }
}

// ---- Bad input ----

#[test]
fn malformed_json_names_line_and_column() {
    let text = "{\n  \"format_version\": 1,\n  \"reference\": \"A\",,\n}\n";
    match parse_request(text.as_bytes()).unwrap_err() {
        FormatError::Syntax { line, column, .. } => {
            assert_eq!(line, 3);
            assert_eq!(column, 20);
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn truncated_file_names_where_it_ends() {
    let path = repo_root().join("assets/examples/service-appearance-tha.mla.json");
    let bytes = std::fs::read(path).unwrap();
    // Cut in the middle of a line; the error points at the end of what is there.
    let cut = &bytes[..bytes.len() / 2];
    let text = std::str::from_utf8(cut)
        .unwrap_or_else(|e| std::str::from_utf8(&cut[..e.valid_up_to()]).unwrap());
    // serde_json reports the position just past the last byte.
    let lines = text.matches('\n').count() + 1;
    let err = parse_request(text.as_bytes()).unwrap_err();
    match &err {
        FormatError::Syntax { line, message, .. } => {
            assert_eq!(*line, lines, "{err}");
            assert!(message.contains("EOF"), "{err}");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err
        .to_string()
        .starts_with(&format!("line {lines}, column ")));
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let mut bytes = vec![b' '; MAX_FILE_BYTES + 1];
    bytes[0] = b'{';
    let err = parse_request(&bytes).unwrap_err();
    assert_eq!(
        err,
        FormatError::TooLarge {
            size: MAX_FILE_BYTES + 1,
            max: MAX_FILE_BYTES
        }
    );
    assert!(err.to_string().contains("20971520"), "{err}");
}

#[test]
fn exactly_the_limit_is_accepted() {
    let mut text = String::from("{\"format_version\": 1}");
    text.push_str(&" ".repeat(MAX_FILE_BYTES - text.len()));
    assert_eq!(text.len(), MAX_FILE_BYTES);
    assert!(parse_request(text.as_bytes()).is_ok());
}

#[test]
fn future_format_version_is_reported_as_such() {
    // Even with fields this version does not know: the version is checked first.
    let text = format!(
        "{{\"format_version\": {}, \"hologram\": true}}",
        FORMAT_VERSION + 1
    );
    let err = parse_request(text.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        FormatError::FutureVersion {
            found: u64::from(FORMAT_VERSION) + 1,
            supported: FORMAT_VERSION
        }
    );
    assert!(err.to_string().contains("format_version 2"), "{err}");
}

#[test]
fn a_utf8_byte_order_mark_is_skipped() {
    let path = repo_root().join("assets/examples/service-appearance-tha.mla.json");
    let bytes = std::fs::read(path).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&bytes);
    assert_eq!(
        parse_request(&with_bom).unwrap(),
        parse_request(&bytes).unwrap()
    );
}

#[test]
fn missing_or_odd_version_is_reported() {
    assert_eq!(
        parse_request(b"{\"reference\": \"x\"}").unwrap_err(),
        FormatError::MissingVersion
    );
    assert!(matches!(
        parse_request(b"{\"format_version\": \"1\"}").unwrap_err(),
        FormatError::BadVersion { .. }
    ));
    assert!(matches!(
        parse_request(b"{\"format_version\": 0}").unwrap_err(),
        FormatError::UnsupportedVersion { found: 0, .. }
    ));
    assert_eq!(
        parse_request(b"[1, 2]").unwrap_err(),
        FormatError::NotAnObject
    );
    assert_eq!(parse_request(b"  \n").unwrap_err(), FormatError::Empty);
    assert!(matches!(
        parse_request(b"{\"format_version\": 1, \"facts\": \"\xff\"}").unwrap_err(),
        FormatError::NotUtf8 { offset: 32 }
    ));
}

#[test]
fn wrong_field_type_names_the_field_path_line_and_column() {
    let text = "{\n  \"format_version\": 1,\n  \"persons\": [\n    {\"id\": \"p-1\"},\n    {\"id\": \"p-2\", \"nationality\": \"FRA\"}\n  ]\n}\n";
    let err = parse_request(text.as_bytes()).unwrap_err();
    match &err {
        FormatError::Field {
            path, line, column, ..
        } => {
            assert_eq!(path, "persons[1].nationality");
            assert_eq!(*line, 5);
            assert_eq!(*column, 38, "the end of the offending value");
        }
        other => panic!("unexpected {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("persons[1].nationality"), "{message}");
    assert!(message.contains("line 5"), "{message}");
}

#[test]
fn wrong_type_deep_in_a_measure_names_the_path() {
    let text = r#"{"format_version": 1, "measures": [{"id": "m-1", "details": {"type": "bank_records", "certified_copies": "yes"}}]}"#;
    match parse_request(text.as_bytes()).unwrap_err() {
        FormatError::Field {
            path,
            line,
            message,
            ..
        } => {
            assert_eq!(path, "measures[0].details.certified_copies");
            assert_eq!(line, 1);
            assert!(message.contains("expected a boolean"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn unknown_field_in_a_measure_names_the_path() {
    let text = r#"{"format_version": 1, "measures": [{}, {"details": {"type": "search_seizure", "premisses": "x"}}]}"#;
    match parse_request(text.as_bytes()).unwrap_err() {
        FormatError::Field { path, message, .. } => {
            assert_eq!(path, "measures[1].details.premisses");
            assert!(message.contains("unknown field `premisses`"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn unknown_measure_type_names_the_details() {
    let text = r#"{"format_version": 1, "measures": [{"details": {"type": "teleport"}}]}"#;
    match parse_request(text.as_bytes()).unwrap_err() {
        FormatError::Field { path, message, .. } => {
            assert_eq!(path, "measures[0].details.type");
            assert!(message.contains("unknown variant `teleport`"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn unknown_field_is_reported_not_dropped() {
    let text = "{\"format_version\": 1, \"case\": {\"case_numbr\": \"X\"}}";
    match parse_request(text.as_bytes()).unwrap_err() {
        FormatError::Field { path, message, .. } => {
            assert_eq!(path, "case.case_numbr");
            assert!(message.contains("unknown field `case_numbr`"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn bad_date_names_the_field() {
    let text = "{\"format_version\": 1, \"urgency\": {\"deadline\": \"31/12/2026\"}}";
    match parse_request(text.as_bytes()).unwrap_err() {
        FormatError::Field { path, .. } => assert_eq!(path, "urgency.deadline"),
        other => panic!("unexpected {other:?}"),
    }
}

// ---- The committed schema, checked by an independent validator ----

fn committed_schema_validator() -> jsonschema::Validator {
    let path = repo_root().join("assets/schema/request.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the committed schema is a valid JSON Schema")
}

#[test]
fn examples_and_the_default_request_satisfy_the_committed_schema() {
    let validator = committed_schema_validator();
    for path in examples() {
        let instance: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    let default: serde_json::Value =
        serde_json::from_str(&write_request(&Request::default())).unwrap();
    assert!(validator.is_valid(&default));
}

#[test]
fn the_committed_schema_rejects_what_the_parser_rejects() {
    let validator = committed_schema_validator();
    let cases = [
        r#"{"format_version": 1, "reference": 5}"#,
        r#"{"format_version": 1, "persons": [{"nationality": "FRA"}]}"#,
        r#"{"format_version": 1, "case": {"case_numbr": "X"}}"#,
        r#"{"format_version": 1, "measures": [{"details": {"type": "teleport"}}]}"#,
        r#"{"format_version": 1, "channel": "carrier_pigeon"}"#,
    ];
    for case in cases {
        let instance: serde_json::Value = serde_json::from_str(case).unwrap();
        assert!(
            parse_request(case.as_bytes()).is_err(),
            "parser accepts {case}"
        );
        assert!(!validator.is_valid(&instance), "schema accepts {case}");
    }
}
