//! Letters from the embedded templates: loading, escaping, translation marking, snapshots.

use mla_core::{parse_request, Request};
use mla_letter::{
    Block, CentralAuthority, InlineKind, LetterOptions, Letters, ParagraphStyle, LANGUAGES,
};

fn rich() -> Request {
    parse_request(include_bytes!("fixtures/rich.mla.json")).expect("fixture parses")
}

fn opts(lang: &str) -> LetterOptions {
    LetterOptions {
        lang: Some(lang.to_owned()),
        central_authority: None,
    }
}

fn all_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut inl = |v: &Vec<mla_letter::Inline>| {
        for i in v {
            out.push_str(&i.text);
        }
        out.push('\n');
    };
    for b in blocks {
        match b {
            Block::Heading { inlines, .. } | Block::Paragraph { inlines, .. } => inl(inlines),
            Block::Table { header, rows } => {
                if let Some(h) = header {
                    h.iter().for_each(&mut inl);
                }
                rows.iter().flatten().for_each(&mut inl);
            }
            Block::Signature { lines } => lines.iter().for_each(&mut inl),
        }
    }
    out
}

#[test]
fn all_six_templates_load_with_complete_language_packs() {
    let letters = Letters::load().expect("templates load");
    let codes: Vec<&str> = letters.packs().keys().map(String::as_str).collect();
    let mut expected = LANGUAGES.to_vec();
    expected.sort();
    assert_eq!(codes, expected);
    // Every pack has exactly the keys of the English pack.
    let en = &letters.packs()["en"];
    for (code, pack) in letters.packs() {
        for ((name, table), (_, en_table)) in pack.tables().iter().zip(en.tables().iter()) {
            let keys: Vec<_> = table.keys().collect();
            let en_keys: Vec<_> = en_table.keys().collect();
            assert_eq!(keys, en_keys, "{code}: table {name}");
        }
    }
}

#[test]
fn unreviewed_languages_are_labelled_draft_in_html_and_letter() {
    let letters = Letters::load().unwrap();
    for lang in LANGUAGES {
        let letter = letters.letter(&rich(), &opts(lang)).unwrap();
        assert!(!letter.reviewed, "{lang}: no language is reviewed yet");
        assert!(letter
            .html
            .contains("DRAFT — template wording not reviewed by a legal translator"));
        let first = letter.blocks.first().unwrap();
        assert!(
            matches!(
                first,
                Block::Paragraph {
                    style: ParagraphStyle::Draft,
                    ..
                }
            ),
            "{lang}: the draft line comes first"
        );
        assert_eq!(
            letter.draft_notice.as_deref(),
            Some(letters.packs()[lang].language.draft_notice.as_str())
        );
    }
}

#[test]
fn officer_text_is_marked_for_translation_when_languages_differ() {
    let letters = Letters::load().unwrap();
    let req = rich();
    let en = letters.letter(&req, &opts("en")).unwrap();
    assert!(en.needs_translation.is_empty());
    assert!(!en.html.contains("needs translation"));
    let fr = letters.letter(&req, &opts("fr")).unwrap();
    assert!(fr.html.contains("[needs translation from EN]"));
    let paths: Vec<&str> = fr
        .needs_translation
        .iter()
        .map(|p| p.path.as_str())
        .collect();
    for expected in [
        "facts",
        "offences[0].provision_text",
        "measures[0].details.records_wanted",
        "persons[1].name",
        "signatory.function",
    ] {
        assert!(paths.contains(&expected), "missing {expected} in {paths:?}");
    }
    assert!(fr
        .needs_translation
        .iter()
        .all(|p| p.from == "en" && p.to == "fr"));
    // The officer's text itself is there, untouched.
    assert!(all_text(&fr.blocks).contains("Golden Harbour Trading Co. (金港贸易有限公司)"));
    let marked = fr.blocks.iter().any(|b| match b {
        Block::Paragraph { inlines, .. } => inlines
            .iter()
            .any(|i| i.kind == InlineKind::NeedsTranslation),
        _ => false,
    });
    assert!(marked);
}

#[test]
fn user_text_is_never_html_or_template() {
    let letters = Letters::load().unwrap();
    let mut req = rich();
    req.facts =
        "<script>alert(1)</script> {{ reference }} {% if true %}x{% endif %} & \"q\"".to_owned();
    req.signatory.name = "</p><h1>forged</h1>".to_owned();
    for lang in LANGUAGES {
        let letter = letters.letter(&req, &opts(lang)).unwrap();
        assert!(!letter.html.contains("<script>"), "{lang}");
        assert!(letter.html.contains("&lt;script&gt;"), "{lang}");
        assert!(!letter.html.contains("<h1>forged"), "{lang}");
        let text = all_text(&letter.blocks);
        assert!(
            text.contains(
                "<script>alert(1)</script> {{ reference }} {% if true %}x{% endif %} & \"q\""
            ),
            "{lang}: the text reaches the letter verbatim"
        );
        assert!(text.contains("</p><h1>forged</h1>"));
    }
}

#[test]
fn control_characters_are_replaced_visibly_not_dropped() {
    let letters = Letters::load().unwrap();
    let mut req = rich();
    req.facts = "a\u{0}b\u{7}c\td\r\ne\u{FFFF}".to_owned();
    let letter = letters.letter(&req, &opts("en")).unwrap();
    let text = all_text(&letter.blocks);
    assert!(text.contains("a\u{FFFD}b\u{FFFD}c d\ne\u{FFFD}"), "{text}");
}

#[test]
fn empty_request_renders_with_not_provided_markers() {
    let letters = Letters::load().unwrap();
    for lang in LANGUAGES {
        let letter = letters.letter(&Request::default(), &opts(lang)).unwrap();
        let np = &letters.packs()[lang].language.not_provided;
        assert!(letter.html.contains(np.as_str()), "{lang}");
    }
}

#[test]
fn central_authority_from_profile_replaces_request_addressee() {
    let letters = Letters::load().unwrap();
    let o = LetterOptions {
        lang: Some("en".to_owned()),
        central_authority: Some(CentralAuthority {
            name: "Profile Central Authority".to_owned(),
            address: "Profile Street 1".to_owned(),
        }),
    };
    let letter = letters.letter(&rich(), &o).unwrap();
    assert!(letter.html.contains("Profile Central Authority"));
    assert!(!letter
        .html
        .contains("Central Authority for Mutual Legal Assistance (fictitious)"));
}

#[test]
fn unknown_language_is_a_clear_error() {
    let letters = Letters::load().unwrap();
    let e = letters.letter(&rich(), &opts("de")).unwrap_err();
    // The six UN languages first, then any other letter language added.
    assert_eq!(LANGUAGES[..6], ["ar", "zh", "en", "fr", "ru", "es"]);
    assert_eq!(
        e.to_string(),
        format!(
            "no letter template for language \"de\" (available: {})",
            LANGUAGES.join(", ")
        )
    );
}

#[test]
fn paragraphs_are_numbered_in_order() {
    let letters = Letters::load().unwrap();
    let letter = letters.letter(&rich(), &opts("en")).unwrap();
    let numbers: Vec<u32> = letter
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { number, .. } => *number,
            _ => None,
        })
        .collect();
    assert!(numbers.len() > 15);
    assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
}

#[test]
fn html_snapshots_per_language() {
    let letters = Letters::load().unwrap();
    let req = rich();
    for lang in LANGUAGES {
        let html = letters.render_html(&req, &opts(lang)).unwrap();
        insta::assert_snapshot!(format!("rich_{lang}"), html);
    }
}

#[test]
fn html_snapshots_per_example_and_language() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../assets/examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".mla.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "examples in {}", dir.display());
    let letters = Letters::load().unwrap();
    let profiles = mla_core::ProfileSet::builtin().unwrap();
    for file in files {
        let req = parse_request(&std::fs::read(&file).unwrap()).unwrap();
        // As `mla render` does: the addressee is the central authority the built-in
        // profile designates, when it does.
        let central_authority =
            mla_letter::addressee_from_profile(&req, profiles.get(&req.requested_state));
        let stem = file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".mla.json", "");
        for lang in LANGUAGES {
            let options = LetterOptions {
                central_authority: central_authority.clone(),
                ..opts(lang)
            };
            let letter = letters.letter(&req, &options).unwrap();
            assert_eq!(
                letter.needs_translation.is_empty(),
                req.drafting_language == lang
            );
            insta::assert_snapshot!(format!("{stem}_{lang}"), letter.html);
        }
    }
}

/// Any text field of the request may carry a character XML cannot hold (U+0017 here, a
/// vertical tab pasted from a word processor...): whichever field it is, the letter is still
/// produced. Found by the `letter_typeset` fuzz target (U+0017 in a field the view did not
/// sanitize failed the whole letter with "not well-formed XHTML").
#[test]
fn a_control_character_in_any_text_field_does_not_break_the_letter() {
    fn leaves(v: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            serde_json::Value::String(_) => out.push(path.clone()),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(i.to_string());
                    leaves(item, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map {
                    path.push(k.clone());
                    leaves(item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let letters = Letters::load().unwrap();
    let base = serde_json::to_value(rich()).unwrap();
    let mut paths = Vec::new();
    leaves(&base, &mut Vec::new(), &mut paths);
    let mut tried = 0;
    for path in paths {
        let mut value = base.clone();
        let pointer = format!("/{}", path.join("/"));
        let leaf = value.pointer_mut(&pointer).unwrap();
        *leaf = format!("{}\u{17}\u{B}x", leaf.as_str().unwrap()).into();
        // Enumerations and dates refuse the character: only free text gets through.
        let Ok(req) = parse_request(value.to_string().as_bytes()) else {
            continue;
        };
        tried += 1;
        for lang in ["en", "fr"] {
            letters
                .letter(&req, &opts(lang))
                .unwrap_or_else(|e| panic!("{pointer} ({lang}): {e}"));
        }
    }
    assert!(tried > 20, "only {tried} text fields tried");
}

/// Every declared type of assistance is printed with its own heading and one labelled row
/// per declared field (a period's end sharing its start's row), in every letter language:
/// a type added without its letter labels fails here instead of printing raw keys.
#[test]
fn every_type_of_assistance_prints_its_title_and_a_row_per_field() {
    use mla_core::assistance::{field_letter_label, type_title, ASSISTANCE};
    use mla_core::{Measure, MeasureDetails};
    let letters = Letters::load().expect("templates load");
    let mut req = rich();
    req.measures = MeasureDetails::samples()
        .into_iter()
        .enumerate()
        .map(|(i, details)| Measure {
            id: format!("m-{i}"),
            details,
            ..Default::default()
        })
        .collect();
    for lang in LANGUAGES {
        let letter = letters.letter(&req, &opts(lang)).expect("renders");
        let text = all_text(&letter.blocks);
        for t in ASSISTANCE {
            let title =
                type_title(t.key, lang).unwrap_or_else(|| panic!("{lang}: no title for {}", t.key));
            assert!(text.contains(title), "{lang}: heading of {} missing", t.key);
            // (`other` is also an ordinary word of the fixture's text.)
            assert!(
                !t.key.contains('_') || !text.contains(t.key),
                "{lang}: raw key {} printed",
                t.key
            );
            for f in t
                .fields
                .iter()
                .filter(|f| f.has_letter_row() && !f.if_present)
            {
                let label = field_letter_label(t.key, f.name, lang)
                    .unwrap_or_else(|| panic!("{lang}: no row label for {}.{}", t.key, f.name));
                assert!(
                    text.contains(label),
                    "{lang}: row {}.{} missing",
                    t.key,
                    f.name
                );
            }
        }
    }
}
