//! The addressee from the requested State's profile: the built-in profiles, the request's
//! legal basis, and the "unknown — verify" line when nothing is known.

use mla_core::{parse_request, LegalBasis, ProfileSet, Request};
use mla_letter::{addressee_from_profile, Block, Letter, LetterOptions, Letters, LANGUAGES};

/// The text of the letter's paragraphs, one line each, as the PDF prints them.
fn paragraphs(letter: &Letter) -> Vec<String> {
    letter
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { inlines, .. } => {
                Some(inlines.iter().map(|i| i.text.as_str()).collect())
            }
            _ => None,
        })
        .collect()
}

fn rich() -> Request {
    parse_request(include_bytes!("fixtures/rich.mla.json")).expect("fixture parses")
}

fn to(state: &str, basis: Vec<LegalBasis>) -> Request {
    let mut r = rich();
    r.requested_state = state.to_owned();
    r.legal_basis = basis;
    r
}

fn profiles() -> ProfileSet {
    ProfileSet::builtin().expect("built-in profiles parse")
}

#[test]
fn untoc_request_to_canada_goes_to_the_untoc_authority_with_its_address() {
    let set = profiles();
    let ca = addressee_from_profile(&to("CAN", vec![LegalBasis::Untoc]), set.get("CAN"))
        .expect("CAN designates a UNTOC central authority");
    assert_eq!(
        ca.name,
        "International Assistance Group, Litigation Branch, Criminal Law Division, Department of Justice Canada"
    );
    assert_eq!(
        ca.address,
        "284 Wellington Street, 2nd floor, Ottawa, ON K1A 0H8"
    );
}

#[test]
fn bilateral_request_to_canada_goes_to_the_bilateral_authority_without_inventing_an_address() {
    let set = profiles();
    let basis = vec![LegalBasis::BilateralTreaty {
        name: "Treaty".into(),
        date: None,
    }];
    let ca = addressee_from_profile(&to("CAN", basis), set.get("CAN")).expect("designated");
    assert_eq!(
        ca.name,
        "International Assistance Group (IAG), Department of Justice Canada"
    );
    assert_eq!(ca.address, "", "the profile records no address for it");
}

#[test]
fn the_first_listed_basis_chooses_between_authorities() {
    let set = profiles();
    let untoc_first = to(
        "ESP",
        vec![
            LegalBasis::Untoc,
            LegalBasis::DomesticLaw {
                citation: "x".into(),
            },
        ],
    );
    let domestic_first = to(
        "ESP",
        vec![
            LegalBasis::DomesticLaw {
                citation: "x".into(),
            },
            LegalBasis::Untoc,
        ],
    );
    let a = addressee_from_profile(&untoc_first, set.get("ESP")).unwrap();
    let b = addressee_from_profile(&domestic_first, set.get("ESP")).unwrap();
    assert_eq!(a.address, "Calle San Bernardo 62, 28015 Madrid");
    assert_eq!(b.address, "C/ San Bernardo, 62, Madrid");
    // UNCAC: Spain designates no UNCAC authority in the profile → its general authority.
    let uncac = addressee_from_profile(&to("ESP", vec![LegalBasis::Uncac]), set.get("ESP"));
    assert_eq!(uncac.unwrap().address, "C/ San Bernardo, 62, Madrid");
}

#[test]
fn no_profile_another_states_profile_or_no_authority_gives_none() {
    let set = profiles();
    let r = to("CAN", vec![LegalBasis::Untoc]);
    assert_eq!(addressee_from_profile(&r, None), None);
    assert_eq!(addressee_from_profile(&r, set.get("ESP")), None);
    let mut empty = set.get("CAN").unwrap().clone();
    empty.central_authorities.clear();
    assert_eq!(addressee_from_profile(&r, Some(&empty)), None);
}

#[test]
fn several_different_authorities_for_the_same_basis_are_not_chosen_for_the_officer() {
    let set = profiles();
    let mut p = set.get("CAN").unwrap().clone();
    let mut other = p.central_authorities[1].clone();
    other.name = "Another designated authority".into();
    p.central_authorities.push(other);
    assert_eq!(
        addressee_from_profile(&to("CAN", vec![LegalBasis::Untoc]), Some(&p)),
        None
    );
    // A basis with a single authority is still chosen.
    let bilateral = vec![LegalBasis::BilateralTreaty {
        name: "T".into(),
        date: None,
    }];
    assert!(addressee_from_profile(&to("CAN", bilateral), Some(&p)).is_some());
}

#[test]
fn profile_authority_is_printed_and_a_missing_address_says_verify() {
    let letters = Letters::load().unwrap();
    let set = profiles();
    let basis = vec![LegalBasis::BilateralTreaty {
        name: "Treaty".into(),
        date: None,
    }];
    let r = to("CAN", basis);
    let letter = letters
        .letter(
            &r,
            &LetterOptions {
                lang: Some("en".into()),
                central_authority: addressee_from_profile(&r, set.get("CAN")),
            },
        )
        .unwrap();
    let lines = paragraphs(&letter);
    let to = lines
        .iter()
        .position(|l| l == "To: International Assistance Group (IAG), Department of Justice Canada")
        .unwrap_or_else(|| panic!("no addressee line in {lines:#?}"));
    assert_eq!(lines[to + 1], "[address unknown — verify]");
    // The profile's name is not officer text: nothing to translate in the addressee.
    assert!(!letter
        .needs_translation
        .iter()
        .any(|p| p.path.starts_with("addressee")));
}

#[test]
fn unknown_addressee_is_an_explicit_verify_line_in_every_language() {
    let letters = Letters::load().unwrap();
    let mut r = rich();
    r.addressee.name.clear();
    r.addressee.address.clear();
    for lang in LANGUAGES {
        let letter = letters
            .letter(
                &r,
                &LetterOptions {
                    lang: Some(lang.to_owned()),
                    central_authority: None,
                },
            )
            .unwrap();
        let info = &letters.packs()[lang].language;
        let lines = paragraphs(&letter);
        let name = lines
            .iter()
            .position(|l| l.contains(&info.addressee_unknown))
            .unwrap_or_else(|| panic!("{lang}: no verify line in {lines:#?}"));
        assert_eq!(lines[name + 1], info.address_unknown, "{lang}");
        assert!(!info.addressee_unknown.is_empty() && info.addressee_unknown != info.not_provided);
    }
}
