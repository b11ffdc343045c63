//! The typeset PDF, checked with poppler's own tools (pdftotext, pdfinfo, pdffonts,
//! pdftoppm from Debian's poppler-utils).

use std::path::{Path, PathBuf};
use std::process::Command;

use mla_core::{parse_request, Request};
use mla_letter::{LetterOptions, Letters, LANGUAGES};
use mla_pdf::{typeset, Paper, PdfOptions, Typeset};

fn rich() -> Request {
    parse_request(include_bytes!(
        "../../mla-letter/tests/fixtures/rich.mla.json"
    ))
    .unwrap()
}

fn render(req: &Request, lang: &str, options: &PdfOptions) -> Typeset {
    let letters = Letters::load().unwrap();
    let letter = letters
        .letter(
            req,
            &LetterOptions {
                lang: Some(lang.to_owned()),
                central_authority: None,
            },
        )
        .unwrap();
    typeset(&letter, options).unwrap()
}

fn a4() -> PdfOptions {
    PdfOptions {
        paper: Paper::A4,
        seal_box: true,
    }
}

fn write_tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mla-pdf-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn tool(cmd: &str, args: &[&str], file: &Path) -> String {
    let mut command = Command::new(cmd);
    command.args(args).arg(file);
    if cmd == "pdftotext" {
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Extracted text per page, bidi embedding marks removed and spaces collapsed. Left-to-right
/// letters use `-raw` (content order; the default mode drops the spaces between Latin
/// digits in a Chinese line); Arabic uses the default mode, whose bidi pass gives the
/// logical order.
fn pages_text(pdf: &Path, rtl: bool) -> Vec<String> {
    let args: &[&str] = if rtl { &[] } else { &["-raw"] };
    let text = tool("pdftotext", args, pdf);
    let mut pages: Vec<String> = text
        .split('\u{c}')
        .map(|p| {
            p.chars()
                .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

fn expected(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "Request for mutual legal assistance in criminal matters",
            "Summary of the facts",
            "Contact for follow-up",
            "DRAFT — template wording not reviewed by a legal translator",
        ],
        "fr" => &[
            "Demande d'entraide judiciaire en matière pénale",
            "Exposé sommaire des faits",
            "[needs translation from EN]",
            "Fondement juridique",
        ],
        "es" => &[
            "Solicitud de asistencia judicial recíproca en materia penal",
            "Resumen de los hechos",
            "Garantías",
        ],
        "ru" => &[
            "Запрос о взаимной правовой помощи по уголовным делам",
            "Краткое изложение фактов",
            "Правовое основание",
        ],
        "ar" => &[
            "طلب المساعدة القانونية المتبادلة في المسائل الجنائية",
            "ملخص الوقائع",
            "الأساس القانوني",
            "جهة الاتصال للمتابعة",
        ],
        "zh" => &["刑事司法协助请求书", "案情摘要", "法律依据", "后续联系人"],
        _ => unreachable!(),
    }
}

#[test]
fn extracted_text_has_the_template_wording_of_each_language_in_logical_order() {
    let req = rich();
    for lang in LANGUAGES {
        let pdf = render(&req, lang, &a4());
        assert!(
            pdf.missing_glyphs.is_empty(),
            "{lang}: {:?}",
            pdf.missing_glyphs
        );
        let path = write_tmp(&format!("{lang}.pdf"), &pdf.bytes);
        let all = pages_text(&path, lang == "ar").join(" ");
        for s in expected(lang) {
            assert!(
                all.contains(s),
                "{lang}: {s:?} not found in extracted text:\n{all}"
            );
        }
        // The officer's own text is there too, untranslated.
        assert!(all.contains("Golden Harbour Trading Co."), "{lang}");
    }
}

#[test]
fn every_page_carries_page_x_of_n() {
    let req = rich();
    for lang in LANGUAGES {
        let pdf = render(&req, lang, &a4());
        let path = write_tmp(&format!("pages-{lang}.pdf"), &pdf.bytes);
        let pages = pages_text(&path, lang == "ar");
        assert_eq!(pages.len(), pdf.pages, "{lang}");
        assert!(
            pdf.pages >= 3,
            "{lang}: the rich fixture spans several pages"
        );
        for (i, page) in pages.iter().enumerate() {
            let mark = format!("{} / {}", i + 1, pdf.pages);
            assert!(
                page.contains(&mark),
                "{lang}: page {} lacks {mark:?}",
                i + 1
            );
            assert!(
                page.contains("PN-2026/0457-MLA"),
                "{lang}: header reference on page {}",
                i + 1
            );
        }
    }
}

#[test]
fn same_request_twice_gives_identical_bytes() {
    let req = rich();
    for lang in ["en", "ar", "zh"] {
        let a = render(&req, lang, &a4());
        let b = render(&req, lang, &a4());
        assert!(
            a.bytes == b.bytes,
            "{lang}: output differs between two runs"
        );
    }
    let mut other = rich();
    other.id = "another-id".to_owned();
    assert!(render(&other, "en", &a4()).bytes != render(&req, "en", &a4()).bytes);
}

#[test]
fn a4_and_us_letter_page_sizes() {
    let req = rich();
    for (paper, size) in [
        (Paper::A4, "595.276 x 841.89"),
        (Paper::Letter, "612 x 792"),
    ] {
        let pdf = render(
            &req,
            "en",
            &PdfOptions {
                paper,
                seal_box: false,
            },
        );
        let path = write_tmp(&format!("{paper:?}.pdf"), &pdf.bytes);
        let info = tool("pdfinfo", &[], &path);
        let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
        assert!(line.contains(size), "{paper:?}: {line}");
        let pages = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
        assert_eq!(
            pages.split_whitespace().nth(1),
            Some(pdf.pages.to_string().as_str())
        );
    }
}

#[test]
fn fonts_are_embedded_as_subsets() {
    let pdf = render(&rich(), "zh", &a4());
    let path = write_tmp("fonts.pdf", &pdf.bytes);
    let fonts = tool("pdffonts", &[], &path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... emb sub uni object gen: "emb" and "uni" must be yes.
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "not embedded: {row}");
        assert_eq!(cols[n - 3], "yes", "no ToUnicode: {row}");
    }
    // The CJK face alone is 4 MB; a letter embeds only the glyphs it uses.
    assert!(pdf.bytes.len() < 400_000, "{} bytes", pdf.bytes.len());
}

#[test]
fn page_one_of_each_language_renders_to_png_for_review() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../artifacts");
    std::fs::create_dir_all(&root).unwrap();
    let req = rich();
    for lang in LANGUAGES {
        let pdf = render(&req, lang, &a4());
        let path = write_tmp(&format!("png-{lang}.pdf"), &pdf.bytes);
        let prefix = root.join(format!("letter-{lang}"));
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&path)
            .arg(&prefix)
            .status()
            .unwrap();
        assert!(status.success());
        let png = prefix.with_extension("png");
        let len = std::fs::metadata(&png).unwrap().len();
        assert!(
            len > 20_000,
            "{lang}: {len} bytes is too small for a page of text"
        );
        std::fs::write(root.join(format!("letter-{lang}.pdf")), &pdf.bytes).unwrap();
    }
}

#[test]
fn long_table_repeats_its_header_row_on_every_page() {
    let mut req = rich();
    let template = req.persons[1].clone();
    for i in 0..90 {
        let mut p = template.clone();
        p.id = format!("px-{i}");
        p.name = format!("Person number {i}");
        req.persons.push(p);
    }
    let pdf = render(&req, "en", &a4());
    let path = write_tmp("long-table.pdf", &pdf.bytes);
    let pages = pages_text(&path, false);
    let with_rows: Vec<&String> = pages
        .iter()
        .filter(|p| p.contains("Person number"))
        .collect();
    assert!(with_rows.len() >= 2, "the table spans pages");
    for page in with_rows {
        assert!(
            page.contains("Date and place of birth"),
            "header row missing on a page"
        );
    }
    // Every row made it.
    let all = pages.join(" ");
    for i in 0..90 {
        assert!(all.contains(&format!("Person number {i} ")), "row {i} lost");
    }
}

#[test]
fn five_thousand_character_name_wraps_and_splits_across_pages() {
    let mut req = rich();
    let name: String = "Ŧabcdefghi".repeat(500);
    req.persons[0].name = name.clone();
    req.signatory.name = name.clone();
    let pdf = render(&req, "en", &a4());
    let path = write_tmp("long-name.pdf", &pdf.bytes);
    let pages = pages_text(&path, false);
    assert_eq!(pages.len(), pdf.pages);
    // Broken into many lines over several pages, but no character lost: the name is in
    // the persons table and the signature block, 500 times "Ŧ" each.
    let all = pages.join(" ");
    assert_eq!(all.matches('Ŧ').count(), 1000);
    assert!(pdf.pages >= 8, "{} pages", pdf.pages);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("{} / {}", i + 1, pdf.pages)));
    }
}

#[test]
fn very_long_text_makes_many_numbered_pages() {
    let mut req = rich();
    req.facts = (0..400)
        .map(|i| format!("Sentence {i} of the facts, with words that wrap across lines."))
        .collect::<Vec<_>>()
        .join(" ");
    let pdf = render(&req, "fr", &a4());
    assert!(pdf.pages >= 8, "{} pages", pdf.pages);
    let path = write_tmp("long-text.pdf", &pdf.bytes);
    let pages = pages_text(&path, false);
    let all = pages.join(" ");
    assert!(all.contains("Sentence 0 of the facts") && all.contains("Sentence 399 of the facts"));
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("{} / {}", i + 1, pdf.pages)));
    }
}

#[test]
fn emoji_and_characters_outside_the_fonts_are_reported_not_dropped() {
    let mut req = rich();
    // U+1F600 (emoji) is in no bundled font; U+9F98 is a hanzi outside GB 2312.
    req.facts = "Smile 😀 and 龘 here.".to_owned();
    let pdf = render(&req, "en", &a4());
    assert_eq!(pdf.missing_glyphs, vec!['\u{9F98}', '\u{1F600}']);
    let path = write_tmp("missing.pdf", &pdf.bytes);
    let all = pages_text(&path, false).join(" ");
    assert!(all.contains("Smile") && all.contains("here."));
}

#[test]
fn mixed_direction_and_control_characters_never_break_the_layout() {
    let mut req = rich();
    req.facts = "English then عربي 123 then English again, \u{202E}reversed\u{202C} and \u{200F}marks\u{200E}; tab\there; nul\u{0}; bell\u{7}.\nالسطر الثاني مع English و 42."
        .to_owned();
    for lang in ["en", "ar"] {
        let pdf = render(&req, lang, &a4());
        assert!(
            pdf.missing_glyphs.is_empty(),
            "{lang}: {:?}",
            pdf.missing_glyphs
        );
        let path = write_tmp(&format!("mixed-{lang}.pdf"), &pdf.bytes);
        let all = pages_text(&path, lang == "ar").join(" ");
        assert!(all.contains("English then"), "{lang}: {all}");
        assert!(all.contains("عربي"), "{lang}");
    }
}

#[test]
fn seal_box_is_on_every_page_only_when_asked() {
    let req = rich();
    let with = render(&req, "en", &a4());
    let path = write_tmp("seal.pdf", &with.bytes);
    let pages = pages_text(&path, false);
    assert!(pages.iter().all(|p| p.contains("Initials / seal")));
    let without = render(
        &req,
        "en",
        &PdfOptions {
            paper: Paper::A4,
            seal_box: false,
        },
    );
    let path = write_tmp("noseal.pdf", &without.bytes);
    assert!(pages_text(&path, false)
        .iter()
        .all(|p| !p.contains("Initials / seal")));
}

/// Headings (h2, h3) of a letter, as their text.
fn headings(req: &Request, lang: &str) -> Vec<String> {
    let letters = Letters::load().unwrap();
    let letter = letters
        .letter(
            req,
            &LetterOptions {
                lang: Some(lang.to_owned()),
                central_authority: None,
            },
        )
        .unwrap();
    letter
        .blocks
        .iter()
        .filter_map(|b| match b {
            mla_letter::Block::Heading { inlines, .. } => {
                Some(inlines.iter().map(|i| i.text.as_str()).collect::<String>())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn no_heading_is_left_alone_at_the_bottom_of_a_page() {
    // Facts of growing length move every heading through every position on the page.
    let mut checked_pages = 0;
    for n in 0..12 {
        let mut req = rich();
        req.facts = (0..n * 3)
            .map(|i| format!("Fact sentence {i} that takes some room on the line."))
            .collect::<Vec<_>>()
            .join(" ");
        let heads = headings(&req, "en");
        let pdf = render(&req, "en", &a4());
        let path = write_tmp(&format!("keep-{n}.pdf"), &pdf.bytes);
        let raw = tool("pdftotext", &["-raw"], &path);
        for (i, page) in raw
            .split('\u{c}')
            .enumerate()
            .take(pdf.pages.saturating_sub(1))
        {
            // -raw follows drawing order: the body first, then the page furniture.
            let body: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .take_while(|l| !l.starts_with("PN-2026/0457-MLA"))
                .collect();
            let last = body.last().unwrap();
            assert!(
                !heads.iter().any(|h| h == last),
                "facts x{n}: page {} ends with the heading {last:?}",
                i + 1
            );
            checked_pages += 1;
        }
    }
    assert!(checked_pages > 40);
}

/// Codes listed in a CID font's /W array (`c [w1 w2 ...]` and `c_first c_last w`).
fn width_codes(w: &[lopdf::Object]) -> std::collections::BTreeSet<i64> {
    let mut codes = std::collections::BTreeSet::new();
    let mut i = 0;
    while i < w.len() {
        let first = w[i].as_i64().unwrap();
        match &w[i + 1] {
            lopdf::Object::Array(ws) => {
                codes.extend(first..first + ws.len() as i64);
                i += 2;
            }
            last => {
                codes.extend(first..=last.as_i64().unwrap());
                i += 3;
            }
        }
    }
    codes
}

/// Our own content streams (content.rs): only the operators a letter needs, one text
/// object per page, and every glyph code one the embedded subset has a width for (a code
/// mapped wrongly to the subset would point outside it or at another glyph;
/// the text extraction tests catch the latter).
#[test]
fn page_streams_show_only_glyphs_of_the_embedded_subsets() {
    use std::io::Read;
    for lang in ["en", "ar", "zh", "ru"] {
        let pdf = render(&rich(), lang, &a4());
        let doc = lopdf::Document::load_mem(&pdf.bytes).unwrap();
        let pages = doc.get_pages();
        assert_eq!(pages.len(), pdf.pages);
        for (n, &page) in &pages {
            let dict = doc.get_dictionary(page).unwrap();
            let stream = doc
                .get_object(dict.get(b"Contents").unwrap().as_reference().unwrap())
                .unwrap()
                .as_stream()
                .unwrap();
            let mut bytes = Vec::new();
            flate2::read::ZlibDecoder::new(stream.content.as_slice())
                .read_to_end(&mut bytes)
                .unwrap();
            let content = lopdf::content::Content::decode(&bytes).unwrap();
            let resources = doc
                .get_dictionary(dict.get(b"Resources").unwrap().as_reference().unwrap())
                .unwrap();
            let font_dict = doc
                .get_dictionary(resources.get(b"Font").unwrap().as_reference().unwrap())
                .unwrap();
            let mut font_codes = std::collections::BTreeSet::new();
            let (mut glyphs, mut text_objects) = (0, 0);
            let mut in_text = false;
            for op in &content.operations {
                match op.operator.as_str() {
                    "BT" => {
                        assert!(!in_text, "{lang} page {n}: nested BT");
                        in_text = true;
                        text_objects += 1;
                    }
                    "ET" => in_text = false,
                    "Tf" => {
                        let name = op.operands[0].as_name().unwrap();
                        let font = doc
                            .get_dictionary(font_dict.get(name).unwrap().as_reference().unwrap())
                            .unwrap();
                        let descendant =
                            &font.get(b"DescendantFonts").unwrap().as_array().unwrap()[0];
                        let descendant = match descendant {
                            lopdf::Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
                            other => other.as_dict().unwrap(),
                        };
                        font_codes = width_codes(descendant.get(b"W").unwrap().as_array().unwrap());
                    }
                    "TJ" => {
                        assert!(in_text, "{lang} page {n}: TJ outside BT/ET");
                        for item in op.operands[0].as_array().unwrap() {
                            let Ok(s) = item.as_str() else {
                                assert!(item.as_float().is_ok(), "{lang} page {n}: {item:?}");
                                continue;
                            };
                            assert_eq!(s.len() % 2, 0);
                            for code in s.chunks(2) {
                                let code = u16::from_be_bytes([code[0], code[1]]) as i64;
                                assert!(
                                    font_codes.contains(&code),
                                    "{lang} page {n}: code {code} is not in the font's subset"
                                );
                                glyphs += 1;
                            }
                        }
                    }
                    "rg" | "RG" | "w" | "re" | "f" | "S" | "B" | "Tm" => {}
                    other => panic!("{lang} page {n}: unexpected operator {other}"),
                }
            }
            assert!(!in_text, "{lang} page {n}: BT without ET");
            assert_eq!(text_objects, 1, "{lang} page {n}");
            // Page x of n, the reference and the body: a page of text, not a few glyphs.
            assert!(glyphs > 100, "{lang} page {n}: {glyphs} glyphs");
        }
    }
}

/// `pdftotext -raw` lines without the bidi isolates and form feeds.
fn raw_lines(pdf: &Path) -> Vec<Vec<String>> {
    tool("pdftotext", &["-raw"], pdf)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.lines()
                .map(|l| {
                    l.chars()
                        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// A reference of many lines: each page's header shows its first three lines, ending in an
/// ellipsis, and the letter's first lines show all of it (issue #22, class 6: the header
/// laid the whole reference out on every page, which made rendering quadratic).
#[test]
fn a_long_reference_is_cut_in_the_page_header_and_whole_in_the_letter() {
    let mut req = rich();
    // 3 000 characters, no break opportunity: it wraps at any glyph.
    req.reference = (0..300).map(|i| format!("PN{i:04}/MLA")).collect();
    let pdf = render(&req, "en", &a4());
    let pages = raw_lines(&write_tmp("long-reference.pdf", &pdf.bytes));
    assert_eq!(pages.len(), pdf.pages);
    // The letter's lines: without each page's header, draft notice, number and seal box.
    let mut body = String::new();
    for (i, lines) in pages.iter().enumerate() {
        let starts: Vec<usize> = (0..lines.len())
            .filter(|&k| lines[k].starts_with("PN0000/MLAPN0001/MLA"))
            .collect();
        let [h] = starts[..] else {
            panic!("page {}: one header, found at lines {starts:?}", i + 1);
        };
        let three = lines[h..h + 3].concat();
        let shown = three.strip_suffix('…').unwrap_or_else(|| {
            panic!(
                "page {}: three lines ending in an ellipsis: {three:?}",
                i + 1
            )
        });
        assert!(
            req.reference.starts_with(shown),
            "page {}: {shown:?}",
            i + 1
        );
        assert!(shown.len() > 40, "page {}: {shown:?}", i + 1);
        let four = lines[h..h + 4].concat();
        assert!(
            !req.reference.starts_with(&four),
            "page {}: a fourth header line {:?}",
            i + 1,
            lines[h + 3]
        );
        for (k, line) in lines.iter().enumerate() {
            let furniture = ["DRAFT —", "Page ", "Initials / seal"];
            if !(h..h + 3).contains(&k) && !furniture.iter().any(|f| line.starts_with(f)) {
                body.push_str(line);
            }
        }
    }
    assert!(
        body.contains(&format!("Our reference: {}", req.reference)),
        "the whole reference in the letter"
    );
}

/// A 256 KB statement of facts with no break opportunity at all renders, wrapped at any
/// glyph, and extracts whole.
#[test]
fn a_long_token_without_break_opportunities_wraps_and_extracts() {
    let mut req = rich();
    let token: String = "RURNIB2026112".repeat(256 * 1024 / 13);
    req.facts = token.clone();
    let pdf = render(&req, "en", &a4());
    assert!(pdf.pages > 50, "{} pages", pdf.pages);
    let pages = raw_lines(&write_tmp("long-token.pdf", &pdf.bytes));
    assert_eq!(pages.len(), pdf.pages);
    // The body's lines, without the pages' headers and footers, join into the token.
    let joined: String = pages
        .iter()
        .flatten()
        .filter(|l| !l.contains(" / ") && !l.starts_with("PN-2026/0457-MLA"))
        .map(String::as_str)
        .collect();
    assert!(joined.contains(&token), "the token extracts whole");
}

/// A request dated outside the years a PDF date can hold (0000–9999) still typesets: the
/// document's metadata dates are left at their default, as for an undated request, and the
/// letter prints the date as given. Found by the `letter_typeset` fuzz target
/// (`+262142-12-31`: "Invalid timestamp" at export).
#[test]
fn a_date_past_year_9999_still_typesets() {
    for date in ["+10000-01-01", "+262142-12-31", "-0001-06-30"] {
        let mut req = rich();
        req.date = Some(date.parse().unwrap());
        let out = render(&req, "en", &a4());
        assert!(out.bytes.starts_with(b"%PDF-"), "{date}");
        let undated = {
            let mut r = rich();
            r.date = None;
            render(&r, "en", &a4())
        };
        let created = |pdf: &[u8]| {
            let text = String::from_utf8_lossy(pdf).into_owned();
            text.find("/CreationDate")
                .map(|at| text[at..at + 40].to_owned())
        };
        assert_eq!(created(&out.bytes), created(&undated.bytes), "{date}");
    }
}
