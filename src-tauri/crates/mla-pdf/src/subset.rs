//! Embedded fonts: each face the document uses becomes a Type0 font (Identity-H) over a CID
//! font whose program is a subset of the face holding only the used glyphs.
//!
//! Subsets are made by the `subsetter` crate (typst's, made for PDF writers; TrueType and
//! CFF outlines, no dependency but a hash map). It numbers the kept glyphs 1, 2, … in the
//! order they are given (glyph 0, .notdef, stays 0) and writes a CFF font as CID-keyed with
//! CID = new glyph id, so one number, the code, addresses a glyph under Identity-H in both
//! kinds: the content stream, /W and the ToUnicode map are all keyed by it.

use std::collections::BTreeMap;

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};
use rustybuzz::ttf_parser;

use crate::fonts::Font;
use crate::PdfError;

/// The glyphs each font shows in the document, with the text each stands for (the last
/// use wins; `None`, an invisible cluster, maps to no text).
pub(crate) type UsedGlyphs = BTreeMap<usize, BTreeMap<u16, Option<String>>>;

/// A used glyph's code in the embedded subset and its width as the PDF gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Slot {
    pub code: u16,
    pub width: i64,
}

/// For each font, its used glyphs' codes in the embedded subset, with their widths
/// (indexed by glyph id).
pub(crate) struct Codes(BTreeMap<usize, Vec<Option<Slot>>>);

impl Codes {
    /// A font's used glyphs by glyph id (empty for a font the document does not use).
    pub(crate) fn font(&self, font: usize) -> &[Option<Slot>] {
        self.0.get(&font).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The resource name of a bundled font (fixed, so the output stays byte-for-byte stable).
pub(crate) fn font_name(font: usize) -> String {
    format!("F{font}")
}

/// A glyph's width as the PDF's /W array gives it (thousandths of an em, truncated), which
/// is how far a viewer moves the pen after the glyph.
pub(crate) fn pdf_width(font: &Font, gid: u16) -> i64 {
    let adv = font
        .face
        .glyph_hor_advance(ttf_parser::GlyphId(gid))
        .unwrap_or(0);
    (adv as f32 * 1000.0 / font.upem) as i64
}

/// Embed every used font in `doc`. Returns the page resources' /Font dictionary (resource
/// name → Type0 font) and the glyph codes for the content streams.
pub(crate) fn embed_fonts(
    doc: &mut Document,
    used: &UsedGlyphs,
    fonts: &[Font],
) -> Result<(Dictionary, Codes), PdfError> {
    let mut resources = Dictionary::new();
    let mut codes = BTreeMap::new();
    for (&f, glyphs) in used {
        let font = &fonts[f];
        let mut remapper = subsetter::GlyphRemapper::new();
        let count = font.face.number_of_glyphs() as usize;
        let mut slots = vec![None; count.max(1)];
        // (code, width, text) in code order: codes ascend with glyph ids.
        let mut coded = Vec::with_capacity(glyphs.len());
        for (&gid, text) in glyphs {
            let code = remapper.remap(gid);
            let width = pdf_width(font, gid);
            if let Some(slot) = slots.get_mut(gid as usize) {
                *slot = Some(Slot { code, width });
            }
            coded.push((code, width, text.as_deref()));
        }
        coded.sort_by_key(|&(code, _, _)| code);
        let program = subsetter::subset(font.data, 0, &remapper).map_err(|e| PdfError::Write {
            message: format!("the font {} could not be subset: {e}", font.name),
        })?;
        let type0 = add_font(doc, font, &program, &coded, &font_name(f))?;
        resources.set(font_name(f), type0);
        codes.insert(f, slots);
    }
    Ok((resources, Codes(codes)))
}

/// Add one Type0 font with its descendant, descriptor, program and ToUnicode map.
fn add_font(
    doc: &mut Document,
    font: &Font,
    program: &[u8],
    coded: &[(u16, i64, Option<&str>)],
    resource: &str,
) -> Result<ObjectId, PdfError> {
    let face = &font.face;
    let name = postscript_name(font);
    let tag = subset_tag(&name, program);
    let base = format!("{tag}+{name}");

    // A CFF font goes in as its bare CFF table (/FontFile3 /CIDFontType0C), a TrueType one
    // as the whole sfnt (/FontFile2).
    let (subtype, file_key, file) = if program.starts_with(b"OTTO") {
        let cff = sfnt_table(program, b"CFF ").ok_or_else(|| PdfError::Write {
            message: format!("the subset of {} has no CFF table", font.name),
        })?;
        let stream = Stream::new(dictionary! { "Subtype" => "CIDFontType0C" }, cff.to_vec());
        ("CIDFontType0", "FontFile3", stream)
    } else {
        let stream = Stream::new(
            dictionary! { "Length1" => program.len() as i64 },
            program.to_vec(),
        );
        ("CIDFontType2", "FontFile2", stream)
    };
    let file_id = doc.add_object(file);

    let scale = 1000.0 / font.upem;
    let s = |v: i16| (v as f32 * scale).round() as i64;
    let ascent = s(face.ascender());
    let bbox = face.global_bounding_box();
    let italic_angle = face.italic_angle().round() as i64;
    // Table 123: nonsymbolic (the standard Latin set), italic when slanted.
    let flags = 32 | if italic_angle != 0 { 64 } else { 0 };
    // No table gives the stem width; the usual estimate from the weight class.
    let weight = face.weight().to_number() as f32;
    let stem_v = 50 + (weight / 65.0).powi(2).round() as i64;
    let mut descriptor = dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(base.clone().into_bytes()),
        "Ascent" => ascent,
        "Descent" => s(face.descender()),
        "CapHeight" => face.capital_height().map(s).unwrap_or(ascent),
        "ItalicAngle" => italic_angle,
        "Flags" => flags,
        "StemV" => stem_v,
        "FontBBox" => vec![
            s(bbox.x_min).into(), s(bbox.y_min).into(), s(bbox.x_max).into(), s(bbox.y_max).into(),
        ],
    };
    descriptor.set(file_key, file_id);
    let descriptor_id = doc.add_object(descriptor);

    let mut descendant = dictionary! {
        "Type" => "Font",
        "Subtype" => subtype,
        "BaseFont" => Object::Name(base.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor_id,
        "DW" => 1000,
        "W" => widths(coded),
    };
    if subtype == "CIDFontType2" {
        descendant.set("CIDToGIDMap", "Identity");
    }
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), to_unicode(coded, resource)));
    Ok(doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(base.into_bytes()),
        "Encoding" => "Identity-H",
        "ToUnicode" => to_unicode,
        "DescendantFonts" => vec![Object::Dictionary(descendant)],
    }))
}

/// The /W array: runs of consecutive codes with their widths.
fn widths(coded: &[(u16, i64, Option<&str>)]) -> Vec<Object> {
    let mut out = Vec::new();
    let mut start = 0u16;
    let mut run: Vec<Object> = Vec::new();
    let mut last: Option<u16> = None;
    for &(code, width, _) in coded {
        if last.is_some_and(|l| l.checked_add(1) != Some(code)) {
            out.push(Object::Integer(start as i64));
            out.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            start = code;
        }
        run.push(Object::Integer(width));
        last = Some(code);
    }
    if !run.is_empty() {
        out.push(Object::Integer(start as i64));
        out.push(Object::Array(run));
    }
    out
}

/// The ToUnicode CMap: each code to the text its glyph stands for, in UTF-16BE (codes
/// whose glyph stands for no text are left out), in `bfchar` blocks of at most 100.
fn to_unicode(coded: &[(u16, i64, Option<&str>)], resource: &str) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut out = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /MLA-{resource}-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    );
    let mapped: Vec<(u16, &str)> = coded
        .iter()
        .filter_map(|&(code, _, text)| Some((code, text.filter(|t| !t.is_empty())?)))
        .collect();
    for chunk in mapped.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for (code, text) in chunk {
            let _ = write!(out, "<{code:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(out, "{unit:04X}");
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

/// The face's PostScript name (name id 6), or the bundled file's name.
fn postscript_name(font: &Font) -> String {
    font.face
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_graphic()))
        .unwrap_or_else(|| font.name.to_owned())
}

/// The six upper-case letters and plus sign the PDF specification (9.6.4) puts before a
/// subset's name, derived from the name and the subset's own bytes (FNV-1a), so the same
/// text gives the same name.
pub(crate) fn subset_tag(name: &str, program: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in name.as_bytes().iter().chain(program) {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut tag = String::with_capacity(6);
    for _ in 0..6 {
        tag.push((b'A' + (hash % 26) as u8) as char);
        hash /= 26;
    }
    tag
}

/// One table of an sfnt font file, by tag.
fn sfnt_table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let be32 = |at: usize| -> Option<usize> {
        Some(u32::from_be_bytes(font.get(at..at + 4)?.try_into().ok()?) as usize)
    };
    let count = u16::from_be_bytes(font.get(4..6)?.try_into().ok()?) as usize;
    (0..count).find_map(|i| {
        let rec = 12 + 16 * i;
        if font.get(rec..rec + 4)? != tag {
            return None;
        }
        let (offset, length) = (be32(rec + 8)?, be32(rec + 12)?);
        font.get(offset..offset.checked_add(length)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts;

    fn codes_of(used: &UsedGlyphs) -> (Document, Codes) {
        let fonts = fonts::fonts().unwrap();
        let mut doc = Document::with_version("1.7");
        let (_, codes) = embed_fonts(&mut doc, used, fonts).unwrap();
        (doc, codes)
    }

    #[test]
    fn codes_follow_glyph_order_from_one_and_unused_glyphs_have_none() {
        let used: UsedGlyphs = [(
            fonts::SERIF,
            [
                (3u16, Some("a".to_owned())),
                (40, None),
                (7, Some(String::new())),
            ]
            .into_iter()
            .collect(),
        )]
        .into_iter()
        .collect();
        let (_, codes) = codes_of(&used);
        let f = codes.font(fonts::SERIF);
        let code = |gid: usize| f[gid].map(|s| s.code);
        assert_eq!([code(3), code(7), code(40)], [Some(1), Some(2), Some(3)]);
        assert_eq!(code(4), None);
        let face = &fonts::fonts().unwrap()[fonts::SERIF];
        assert_eq!(f[40].unwrap().width, pdf_width(face, 40));
        assert!(codes.font(fonts::CJK).is_empty());
    }

    #[test]
    fn the_to_unicode_map_skips_glyphs_without_text_and_writes_utf16() {
        let cmap = to_unicode(
            &[
                (1, 500, Some("a")),
                (2, 0, Some("")),
                (3, 0, None),
                (4, 9, Some("𝄞fi")),
            ],
            "F0",
        );
        let cmap = String::from_utf8(cmap).unwrap();
        assert!(cmap.contains("2 beginbfchar\n<0001> <0061>\n<0004> <D834DD1E00660069>\n"));
        assert_eq!(
            widths(&[(0, 1, None), (1, 2, None), (5, 3, None)]),
            vec![
                Object::Integer(0),
                Object::Array(vec![1.into(), 2.into()]),
                Object::Integer(5),
                Object::Array(vec![3.into()]),
            ]
        );
    }

    #[test]
    fn a_cff_face_is_embedded_as_a_bare_cid_keyed_cff_table() {
        let fonts = fonts::fonts().unwrap();
        let gid = fonts[fonts::CJK].face.glyph_index('中').unwrap().0;
        let used: UsedGlyphs = [(
            fonts::CJK,
            [(gid, Some("中".to_owned()))].into_iter().collect(),
        )]
        .into_iter()
        .collect();
        let (doc, _) = codes_of(&used);
        let cff = doc
            .objects
            .values()
            .find_map(|o| {
                let s = o.as_stream().ok()?;
                (s.dict.get(b"Subtype").ok()?.as_name().ok()? == b"CIDFontType0C").then_some(s)
            })
            .expect("a CIDFontType0C program");
        // CFF header: major version 1; far smaller than the 4 MB face.
        assert_eq!(cff.content[0], 1);
        assert!(cff.content.len() < 20_000, "{}", cff.content.len());
    }
}
