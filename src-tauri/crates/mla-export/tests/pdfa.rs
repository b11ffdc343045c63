//! PDF/A-3b: the structural points a validator checks that can be checked without one
//! (no veraPDF or other PDF/A validator is installable from the registries this project
//! uses), on real signed exports, and a check of the checker: each point broken on purpose
//! in a copy of a good file must be reported.
//!
//! Checked: header version and binary comment; no encryption; trailer /ID; XMP metadata
//! with pdfaid part 3 / conformance B, consistent with the document information
//! dictionary (title, author, subject, keywords, creator, producer, dates); an sRGB output
//! intent with an ICC profile; every font embedded, with /ToUnicode, and every subset
//! named with a six-letter tag; no reference to glyph 0 (.notdef) in Type 0 fonts; embedded
//! files as associated files (/AF, /AFRelationship, MIME /Subtype, /Params /ModDate, /F and
//! /UF); annotations printable with an appearance; no JavaScript, no NeedAppearances.
//! Not checked here: the font programs' own tables against /W, colour spaces inside
//! images, and the many rules about content a letter never holds (transparency, blend
//! modes, optional content, PostScript XObjects).

use mla_test_support as common;

use std::sync::atomic::AtomicBool;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use common::{Pki, P12_PASSWORD};
use lopdf::{Document, Object, ObjectId};
use mla_export::{export, BlockText, ExportJob, Password, Signer};

fn example(name: &str) -> String {
    format!(
        "{}/../../../assets/examples/{name}.mla.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A signed export with PDF/A-3b asked for (and one annex), as `mla export --pdfa-icc`.
fn signed_export(pki: &Pki, example_name: &str, lang: Option<&str>) -> Vec<u8> {
    let json = std::fs::read(example(example_name)).unwrap();
    let request = mla_core::parse_request(&json).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let annex = dir.path().join("annex.txt");
    std::fs::write(&annex, "Bank statement, account 123\n").unwrap();
    let out = dir.path().join("out.pdf");
    // The profile `mla export` and the app embed by default (assets/icc/).
    let icc = mla_export::SRGB_ICC_PROFILE.to_vec();
    export(
        ExportJob {
            request_json: &json,
            request: &request,
            letter: mla_letter::LetterOptions {
                lang: lang.map(str::to_owned),
                central_authority: None,
            },
            profile: None,
            pdf: Default::default(),
            annexes: std::slice::from_ref(&annex),
            signer: Some(Signer::Pkcs12 {
                p12: pki.read("rsa.p12"),
                password: Password::new(P12_PASSWORD.to_owned()),
                label: "rsa.p12".into(),
            }),
            block: BlockText {
                function: "Procureure".into(),
                place: "Lyon".into(),
                ..Default::default()
            },
            pdfa_icc: Some(icc),
            now: chrono::Utc::now(),
            output: &out,
            protected: &[],
        },
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    std::fs::read(&out).unwrap()
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a lopdf::Dictionary> {
    match resolve(doc, o) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn name_of(d: &lopdf::Dictionary, key: &[u8]) -> Option<String> {
    d.get(key)
        .ok()
        .and_then(|o| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// A PDF text string (UTF-16BE with BOM, or PDFDocEncoding read as Latin-1).
fn text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn pdf_date(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.strip_prefix("D:").unwrap_or(s);
    let naive = NaiveDateTime::parse_from_str(s.get(..14)?, "%Y%m%d%H%M%S").ok()?;
    let rest = &s[14..];
    let offset = if rest.is_empty() || rest.starts_with('Z') {
        0
    } else {
        let sign = if rest.starts_with('-') { -1 } else { 1 };
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        let h: i32 = digits.get(..2)?.parse().ok()?;
        let m: i32 = digits.get(2..4).unwrap_or("00").parse().ok()?;
        sign * (h * 3600 + m * 60)
    };
    FixedOffset::east_opt(offset)?
        .from_local_datetime(&naive)
        .single()
}

/// The text inside the first `<tag>...</tag>` of the XMP packet, markup removed.
fn xmp_value(xmp: &str, tag: &str) -> Option<String> {
    let start = xmp.find(&format!("<{tag}>"))? + tag.len() + 2;
    let end = start + xmp[start..].find(&format!("</{tag}>"))?;
    let mut out = String::new();
    let mut in_tag = false;
    for c in xmp[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    Some(
        out.trim()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&"),
    )
}

/// Every PDF/A-3b point listed in the module documentation that `pdf` breaks.
fn pdfa_problems(pdf: &[u8]) -> Vec<String> {
    let mut p = Vec::new();
    // Header: %PDF-1.0 to 1.7, then a comment line with at least four bytes above 127.
    let first = pdf.split(|&b| b == b'\n').next().unwrap_or_default();
    if !(first.len() >= 8 && first.starts_with(b"%PDF-1.") && (b'0'..=b'7').contains(&first[7])) {
        p.push(format!("header {:?}", String::from_utf8_lossy(first)));
    }
    let second = pdf.split(|&b| b == b'\n').nth(1).unwrap_or_default();
    if !(second.starts_with(b"%") && second.iter().filter(|&&b| b > 127).count() >= 4) {
        p.push("no binary comment after the header".into());
    }
    match Document::load_mem(pdf) {
        Ok(doc) => p.extend(document_problems(&doc)),
        Err(e) => p.push(format!("unreadable: {e}")),
    }
    p
}

/// The points of [`pdfa_problems`] past the header, on a parsed file.
fn document_problems(doc: &Document) -> Vec<String> {
    let mut p = Vec::new();
    if doc.trailer.has(b"Encrypt") {
        p.push("encrypted".into());
    }
    match doc.trailer.get(b"ID").and_then(Object::as_array) {
        Ok(a) if a.len() == 2 && a.iter().all(|o| o.as_str().is_ok_and(|s| !s.is_empty())) => {}
        _ => p.push("trailer /ID missing or malformed".into()),
    }
    let catalog = doc.catalog().unwrap();

    // XMP identification and its agreement with the information dictionary.
    let xmp = catalog
        .get(b"Metadata")
        .ok()
        .and_then(|o| resolve(doc, o).as_stream().ok())
        .filter(|s| {
            name_of(&s.dict, b"Type").as_deref() == Some("Metadata")
                && name_of(&s.dict, b"Subtype").as_deref() == Some("XML")
        })
        .map(|s| String::from_utf8_lossy(&s.content).into_owned());
    match &xmp {
        None => p.push("no XMP /Metadata stream in the catalog".into()),
        Some(x) => {
            if xmp_value(x, "pdfaid:part").as_deref() != Some("3") {
                p.push("XMP pdfaid:part is not 3".into());
            }
            if xmp_value(x, "pdfaid:conformance").as_deref() != Some("B") {
                p.push("XMP pdfaid:conformance is not B".into());
            }
            let info = doc
                .trailer
                .get(b"Info")
                .ok()
                .and_then(|o| dict(doc, o))
                .cloned()
                .unwrap_or_default();
            for (key, tag) in [
                (b"Title".as_slice(), "dc:title"),
                (b"Author", "dc:creator"),
                (b"Subject", "dc:description"),
                (b"Keywords", "pdf:Keywords"),
                (b"Creator", "xmp:CreatorTool"),
                (b"Producer", "pdf:Producer"),
            ] {
                let info_value = info.get(key).ok().and_then(|o| o.as_str().ok()).map(text);
                let xmp_v = xmp_value(x, tag);
                if info_value.is_some() && info_value != xmp_v {
                    p.push(format!(
                        "Info /{} {info_value:?} differs from XMP {tag} {xmp_v:?}",
                        String::from_utf8_lossy(key)
                    ));
                }
            }
            for (key, tag) in [
                (b"CreationDate".as_slice(), "xmp:CreateDate"),
                (b"ModDate", "xmp:ModifyDate"),
            ] {
                let Some(d) = info.get(key).ok().and_then(|o| o.as_str().ok()) else {
                    continue;
                };
                let info_date = pdf_date(&text(d));
                let xmp_date =
                    xmp_value(x, tag).and_then(|v| DateTime::parse_from_rfc3339(&v).ok());
                if info_date.is_none() || info_date != xmp_date {
                    p.push(format!(
                        "Info /{} {info_date:?} differs from XMP {tag} {xmp_date:?}",
                        String::from_utf8_lossy(key)
                    ));
                }
            }
        }
    }

    // Output intent with an RGB ICC profile.
    let intent_ok = catalog
        .get(b"OutputIntents")
        .ok()
        .and_then(|o| resolve(doc, o).as_array().ok())
        .is_some_and(|a| {
            a.iter().filter_map(|i| dict(doc, i)).any(|i| {
                name_of(i, b"S").as_deref() == Some("GTS_PDFA1")
                    && i.get(b"DestOutputProfile")
                        .ok()
                        .and_then(|o| resolve(doc, o).as_stream().ok())
                        .is_some_and(|s| {
                            let icc = s.decompressed_content().unwrap_or(s.content.clone());
                            s.dict.get(b"N").and_then(Object::as_i64).ok() == Some(3)
                                && icc.get(36..40) == Some(b"acsp".as_slice())
                        })
            })
        });
    if !intent_ok {
        p.push("no GTS_PDFA1 output intent with an RGB ICC profile".into());
    }

    // Fonts, wherever they are.
    for (id, obj) in &doc.objects {
        let Some(d) = dict(doc, obj) else { continue };
        if name_of(d, b"Type").as_deref() != Some("Font") {
            continue;
        }
        let subtype = name_of(d, b"Subtype").unwrap_or_default();
        let base = name_of(d, b"BaseFont").unwrap_or_default();
        let descriptor = if subtype == "Type0" {
            if !d.has(b"ToUnicode") {
                p.push(format!("font {base} ({id:?}) has no /ToUnicode"));
            }
            let descendant = d
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| resolve(doc, o).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|f| dict(doc, f));
            if let Some(f) = descendant {
                if name_of(f, b"Subtype").as_deref() == Some("CIDFontType2")
                    && !f.has(b"CIDToGIDMap")
                {
                    p.push(format!("font {base} has no /CIDToGIDMap"));
                }
            }
            descendant.and_then(|f| f.get(b"FontDescriptor").ok())
        } else if subtype.starts_with("CIDFontType") {
            continue; // checked with its Type 0 parent
        } else {
            d.get(b"FontDescriptor").ok()
        };
        let embedded = descriptor.and_then(|o| dict(doc, o)).is_some_and(|fd| {
            [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| fd.has(k))
        });
        if !embedded {
            p.push(format!("font {base} ({id:?}) is not embedded"));
        }
        // Every font MLA Desk embeds is a subset: its name must carry the tag.
        let tag_ok = base.len() > 7
            && base.as_bytes()[6] == b'+'
            && base.as_bytes()[..6].iter().all(u8::is_ascii_uppercase);
        if !tag_ok {
            p.push(format!("font {base} has no six-letter subset tag"));
        }
    }

    // No .notdef: glyph code 0 shown in an Identity-H Type 0 font, on the pages and in
    // the annotations' appearances.
    let mut contents: Vec<(Vec<u8>, Option<&lopdf::Dictionary>)> = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        let resources = page.get(b"Resources").ok().and_then(|o| dict(doc, o));
        contents.push((doc.get_page_content(page_id), resources));
        let annots = page
            .get(b"Annots")
            .ok()
            .and_then(|o| resolve(doc, o).as_array().ok());
        for a in annots.into_iter().flatten() {
            let Some(a) = dict(doc, a) else { continue };
            let flags = a.get(b"F").and_then(Object::as_i64).unwrap_or(0);
            // Print (4) set; Invisible (1), Hidden (2), NoView (32) clear.
            if flags & 4 == 0 || flags & (1 | 2 | 32) != 0 {
                p.push(format!("annotation flags {flags} (must print, not hide)"));
            }
            let normal = a
                .get(b"AP")
                .ok()
                .and_then(|o| dict(doc, o))
                .and_then(|ap| ap.get(b"N").ok())
                .and_then(|n| resolve(doc, n).as_stream().ok());
            match normal {
                Some(s) => contents.push((
                    s.decompressed_content().unwrap_or(s.content.clone()),
                    s.dict.get(b"Resources").ok().and_then(|o| dict(doc, o)),
                )),
                None => p.push("annotation without a normal appearance".into()),
            }
        }
    }
    for (content, resources) in contents {
        let fonts = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|o| dict(doc, o));
        let Ok(ops) = lopdf::content::Content::decode(&content) else {
            p.push("a content stream does not parse".into());
            continue;
        };
        let mut two_byte = false;
        for op in ops.operations {
            match op.operator.as_str() {
                "Tf" => {
                    two_byte = op
                        .operands
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| fonts.and_then(|f| f.get(n).ok()))
                        .and_then(|f| dict(doc, f))
                        .is_some_and(|f| name_of(f, b"Encoding").as_deref() == Some("Identity-H"));
                }
                "Tj" | "TJ" | "'" | "\"" if two_byte => {
                    let mut strings = Vec::new();
                    for o in &op.operands {
                        match o {
                            Object::String(s, _) => strings.push(s.clone()),
                            Object::Array(a) => strings.extend(
                                a.iter().filter_map(|e| e.as_str().ok()).map(<[u8]>::to_vec),
                            ),
                            _ => {}
                        }
                    }
                    if strings.iter().any(|s| s.chunks(2).any(|c| c == [0, 0])) {
                        p.push("a text shows glyph 0 (.notdef)".into());
                    }
                }
                _ => {}
            }
        }
    }

    // Associated files.
    let af: Vec<ObjectId> = catalog
        .get(b"AF")
        .ok()
        .and_then(|o| resolve(doc, o).as_array().ok())
        .map(|a| a.iter().filter_map(|o| o.as_reference().ok()).collect())
        .unwrap_or_default();
    let names = catalog
        .get(b"Names")
        .ok()
        .and_then(|o| dict(doc, o))
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
        .and_then(|o| dict(doc, o))
        .and_then(|t| t.get(b"Names").ok())
        .and_then(|o| resolve(doc, o).as_array().ok())
        .cloned()
        .unwrap_or_default();
    if names.is_empty() {
        p.push("no embedded files".into());
    }
    for pair in names.chunks(2) {
        let [name, spec_ref] = pair else { continue };
        let name = name.as_str().map(text).unwrap_or_default();
        let Some(spec) = dict(doc, spec_ref) else {
            p.push(format!("file {name}: no file specification"));
            continue;
        };
        if !spec_ref.as_reference().is_ok_and(|r| af.contains(&r)) {
            p.push(format!("file {name} is not listed in the catalog /AF"));
        }
        if name_of(spec, b"AFRelationship").is_none() {
            p.push(format!("file {name} has no /AFRelationship"));
        }
        if !(spec.has(b"F") && spec.has(b"UF")) {
            p.push(format!("file {name} lacks /F or /UF"));
        }
        let stream = spec
            .get(b"EF")
            .ok()
            .and_then(|o| dict(doc, o))
            .and_then(|ef| ef.get(b"F").ok())
            .and_then(|o| dict(doc, o));
        match stream {
            None => p.push(format!("file {name}: no embedded file stream")),
            Some(s) => {
                if !name_of(s, b"Subtype").is_some_and(|m| m.contains('/')) {
                    p.push(format!("file {name}: no MIME /Subtype"));
                }
                let mod_date = s
                    .get(b"Params")
                    .ok()
                    .and_then(|o| dict(doc, o))
                    .and_then(|params| params.get(b"ModDate").ok())
                    .and_then(|d| d.as_str().ok())
                    .and_then(|d| pdf_date(&text(d)));
                if mod_date.is_none() {
                    p.push(format!("file {name}: no /Params /ModDate"));
                }
            }
        }
    }

    // No JavaScript anywhere, no NeedAppearances.
    for obj in doc.objects.values() {
        if let Some(d) = dict(doc, obj) {
            if d.has(b"JS") || name_of(d, b"S").as_deref() == Some("JavaScript") {
                p.push("JavaScript action".into());
            }
        }
    }
    let need_appearances = catalog
        .get(b"AcroForm")
        .ok()
        .and_then(|o| dict(doc, o))
        .and_then(|f| f.get(b"NeedAppearances").ok())
        .and_then(|b| b.as_bool().ok())
        .unwrap_or(false);
    if need_appearances {
        p.push("AcroForm /NeedAppearances true".into());
    }
    p
}

#[test]
fn signed_pdfa_exports_meet_the_checkable_pdfa3b_points() {
    let pki = Pki::new();
    for (name, lang) in [
        ("laundering-e-evidence-fra", None),
        ("bribery-bank-records-che", None),
        ("service-appearance-tha", None),
        ("laundering-e-evidence-fra", Some("ar")),
        ("laundering-e-evidence-fra", Some("zh")),
        ("laundering-e-evidence-fra", Some("ru")),
    ] {
        let pdf = signed_export(&pki, name, lang);
        let problems = pdfa_problems(&pdf);
        assert!(problems.is_empty(), "{name} {lang:?}: {problems:#?}");
        // The signature is still intact after all that (the PDF/A additions are in the
        // same incremental update as the signature, before it).
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signed.pdf");
        std::fs::write(&path, &pdf).unwrap();
        let (ok, out) = common::pdfsig_ok(&pki, &path);
        assert!(ok, "{name} {lang:?}: {out}");
    }
}

/// The good file's problems once `change` is made to it (in the parsed file: the checker
/// runs on the changed document itself).
fn broken(good: &[u8], change: impl FnOnce(&mut Document)) -> Vec<String> {
    let mut doc = Document::load_mem(good).unwrap();
    change(&mut doc);
    document_problems(&doc)
}

fn find_id(doc: &Document, pred: impl Fn(&lopdf::Dictionary) -> bool) -> ObjectId {
    *doc.objects
        .iter()
        .find(|(_, o)| dict(doc, o).is_some_and(&pred))
        .expect("an object to break")
        .0
}

fn set_on(doc: &mut Document, id: ObjectId, change: impl FnOnce(&mut lopdf::Dictionary)) {
    match doc.get_object_mut(id).unwrap() {
        Object::Dictionary(d) => change(d),
        Object::Stream(s) => change(&mut s.dict),
        _ => panic!("not a dictionary"),
    }
}

#[test]
fn the_pdfa_checker_reports_each_broken_point() {
    let pki = Pki::new();
    let good = signed_export(&pki, "laundering-e-evidence-fra", None);
    // A plain rewrite of the good file is still good: the breakages below are the only
    // difference.
    assert_eq!(broken(&good, |_| {}), Vec::<String>::new());
    // The header, on the bytes.
    for (from, to, expected) in [
        (b"%PDF-1.7".as_slice(), b"%PDF-2.0".as_slice(), "header"),
        (b"%\xbb\xad\xc0\xde", b"%....", "binary comment"),
    ] {
        let at = good.windows(from.len()).position(|w| w == from).unwrap();
        let mut bad = good.clone();
        bad[at..at + to.len()].copy_from_slice(to);
        let problems = pdfa_problems(&bad);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "breaking {expected:?} was not reported: {problems:#?}"
        );
    }

    let is_type0 = |d: &lopdf::Dictionary| name_of(d, b"Subtype").as_deref() == Some("Type0");
    let is_filespec = |d: &lopdf::Dictionary| name_of(d, b"Type").as_deref() == Some("Filespec");
    let is_file = |d: &lopdf::Dictionary| name_of(d, b"Type").as_deref() == Some("EmbeddedFile");
    type Breakage = Box<dyn FnOnce(&mut Document)>;
    let cases: Vec<(&str, Breakage)> = vec![
        (
            "encrypted",
            Box::new(|d: &mut Document| {
                d.trailer
                    .set("Encrypt", lopdf::dictionary! { "Filter" => "Standard" })
            }),
        ),
        (
            "trailer /ID",
            Box::new(|d: &mut Document| {
                d.trailer.remove(b"ID");
            }),
        ),
        (
            "pdfaid:part is not 3",
            Box::new(|d: &mut Document| {
                let id = d
                    .catalog()
                    .unwrap()
                    .get(b"Metadata")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                let s = d.get_object_mut(id).unwrap().as_stream_mut().unwrap();
                let xmp = String::from_utf8_lossy(&s.content)
                    .replace("<pdfaid:part>3<", "<pdfaid:part>2<");
                s.set_plain_content(xmp.into_bytes());
            }),
        ),
        (
            "Info /Title",
            Box::new(|d: &mut Document| {
                let id = d.trailer.get(b"Info").unwrap().as_reference().unwrap();
                set_on(d, id, |i| {
                    i.set("Title", Object::string_literal("Another title"))
                });
            }),
        ),
        (
            "Info /ModDate",
            Box::new(|d: &mut Document| {
                let id = d.trailer.get(b"Info").unwrap().as_reference().unwrap();
                set_on(d, id, |i| {
                    i.set("ModDate", Object::string_literal("D:20200101000000Z"))
                });
            }),
        ),
        (
            "output intent",
            Box::new(|d: &mut Document| {
                d.catalog_mut().unwrap().remove(b"OutputIntents");
            }),
        ),
        (
            "no /ToUnicode",
            Box::new(move |d: &mut Document| {
                let id = find_id(d, is_type0);
                set_on(d, id, |f| {
                    f.remove(b"ToUnicode");
                });
            }),
        ),
        (
            "subset tag",
            Box::new(move |d: &mut Document| {
                let id = find_id(d, is_type0);
                set_on(d, id, |f| {
                    f.set("BaseFont", Object::Name(b"F0+NotoSerif-Regular".to_vec()))
                });
            }),
        ),
        (
            "not embedded",
            Box::new(|d: &mut Document| {
                let id = find_id(d, |x| {
                    name_of(x, b"Type").as_deref() == Some("FontDescriptor")
                });
                set_on(d, id, |fd| {
                    fd.remove(b"FontFile2");
                    fd.remove(b"FontFile3");
                });
            }),
        ),
        (
            ".notdef",
            Box::new(|d: &mut Document| {
                let (_, page) = d.get_pages().into_iter().next().unwrap();
                let mut content = d.get_page_content(page);
                let font = d
                    .get_dictionary(page)
                    .unwrap()
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| dict(d, r))
                    .and_then(|r| r.get(b"Font").ok())
                    .and_then(|f| dict(d, f))
                    .and_then(|f| f.iter().next().map(|(k, _)| k.clone()))
                    .unwrap();
                content.extend_from_slice(b"\nBT /");
                content.extend_from_slice(&font);
                content.extend_from_slice(b" 10 Tf 100 100 Td [<00000003>] TJ ET\n");
                d.change_page_content(page, content).unwrap();
            }),
        ),
        (
            "/AFRelationship",
            Box::new(move |d: &mut Document| {
                let id = find_id(d, is_filespec);
                set_on(d, id, |s| {
                    s.remove(b"AFRelationship");
                });
            }),
        ),
        (
            "not listed in the catalog /AF",
            Box::new(|d: &mut Document| {
                d.catalog_mut().unwrap().remove(b"AF");
            }),
        ),
        (
            "lacks /F or /UF",
            Box::new(move |d: &mut Document| {
                let id = find_id(d, is_filespec);
                set_on(d, id, |s| {
                    s.remove(b"UF");
                });
            }),
        ),
        (
            "MIME /Subtype",
            Box::new(move |d: &mut Document| {
                let id = find_id(d, is_file);
                set_on(d, id, |s| {
                    s.remove(b"Subtype");
                });
            }),
        ),
        (
            "/Params /ModDate",
            Box::new(move |d: &mut Document| {
                let id = find_id(d, is_file);
                set_on(d, id, |s| {
                    s.remove(b"Params");
                });
            }),
        ),
        (
            "annotation flags",
            Box::new(|d: &mut Document| {
                let id = find_id(d, |a| name_of(a, b"Subtype").as_deref() == Some("Widget"));
                set_on(d, id, |a| a.set("F", 4 | 2));
            }),
        ),
        (
            "JavaScript",
            Box::new(|d: &mut Document| {
                let mut action = lopdf::Dictionary::new();
                action.set("S", "JavaScript");
                action.set("JS", Object::string_literal("app.alert(1)"));
                let js = d.add_object(action);
                d.catalog_mut().unwrap().set("OpenAction", js);
            }),
        ),
    ];
    for (expected, change) in cases {
        let problems = broken(&good, change);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "breaking {expected:?} was not reported: {problems:#?}"
        );
    }
}
