//! Page content streams, written straight into bytes.
//!
//! printpdf turns its `Op` list into lopdf objects and lopdf encodes those again, one
//! object per glyph: for a ten-page letter that cost more than shaping the text. We write
//! the few operators a letter needs (rg/RG, w, re, f/S/B, BT/ET, Tf, Tm, TJ) ourselves and
//! leave printpdf the document structure: fonts, subsetting, ToUnicode, widths, resources.
//!
//! The one thing we need from printpdf is the code it gives each glyph in the subset font
//! (subsetting renumbers glyphs; a CID-keyed CFF keeps its CIDs). To learn it, the first
//! page printpdf writes shows every used glyph of every font once, in glyph-id order, with
//! the text it stands for (so printpdf subsets exactly these glyphs and writes the same
//! ToUnicode map as before); the codes are read back from that stream, and then every
//! page's stream is replaced by ours.

use std::collections::BTreeMap;
use std::io::Write as _;

use printpdf::{Codepoint, FontId, Op, PdfFontHandle, Pt, TextItem};

use crate::fonts::{self, Font};
use crate::text::{self, Colour};
use crate::{rgb, Item, PdfError};

/// The glyphs each font shows in the document, with the text each stands for (the last
/// one seen wins, as printpdf records it; `None` lets printpdf take the font's own char).
pub(crate) type UsedGlyphs = BTreeMap<usize, BTreeMap<u16, Option<String>>>;

pub(crate) fn used_glyphs(pages: &[Vec<Item>]) -> UsedGlyphs {
    let mut used: BTreeMap<usize, BTreeMap<u16, &Option<String>>> = BTreeMap::new();
    for item in pages.iter().flatten() {
        if let Item::Line { line, .. } = item {
            for g in &line.glyphs {
                used.entry(g.font).or_default().insert(g.gid, &g.text);
            }
        }
    }
    used.into_iter()
        .map(|(f, glyphs)| (f, glyphs.into_iter().map(|(g, t)| (g, t.clone())).collect()))
        .collect()
}

/// The resource name of a bundled font (fixed, so the output stays byte-for-byte stable).
pub(crate) fn font_name(font: usize) -> String {
    format!("F{font}")
}

/// printpdf operations showing every used glyph once per font, in glyph-id order.
pub(crate) fn probe_ops(used: &UsedGlyphs) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (&font, glyphs) in used {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(font_name(font))),
            size: Pt(1.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(
                glyphs
                    .iter()
                    .map(|(&gid, text)| Codepoint {
                        gid,
                        offset: 0.0,
                        cid: text.clone(),
                    })
                    .collect(),
            )],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// For each font, its glyph ids' codes in the embedded subset (indexed by glyph id,
/// `u32::MAX` for glyphs not used), read back from printpdf's rendering of
/// [`probe_ops`].
pub(crate) struct Codes(BTreeMap<usize, Vec<u32>>);

impl Codes {
    pub(crate) fn read(probe: &[u8], used: &UsedGlyphs, fonts: &[Font]) -> Result<Self, PdfError> {
        let bad = |what: &str| PdfError::Write {
            message: format!("printpdf wrote an unexpected glyph table: {what}"),
        };
        let content = lopdf::content::Content::decode(probe).map_err(|e| bad(&e.to_string()))?;
        let mut codes = BTreeMap::new();
        let mut font: Option<usize> = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .ok_or_else(|| bad("Tf without a font name"))?;
                    font = used
                        .keys()
                        .copied()
                        .find(|&f| font_name(f).as_bytes() == name);
                }
                "TJ" => {
                    let f = font.ok_or_else(|| bad("TJ in an unknown font"))?;
                    let glyphs = &used[&f];
                    let strings: Vec<&[u8]> = op
                        .operands
                        .first()
                        .and_then(|o| o.as_array().ok())
                        .ok_or_else(|| bad("TJ without an array"))?
                        .iter()
                        .filter_map(|o| o.as_str().ok())
                        .collect();
                    if strings.len() != glyphs.len() {
                        return Err(bad("glyph count"));
                    }
                    let count = fonts[f].face.number_of_glyphs() as usize;
                    let mut map = vec![u32::MAX; count.max(1)];
                    for (&gid, code) in glyphs.keys().zip(strings) {
                        let [hi, lo] = code else {
                            return Err(bad("a glyph code is not two bytes"));
                        };
                        if let Some(slot) = map.get_mut(gid as usize) {
                            *slot = u16::from_be_bytes([*hi, *lo]) as u32;
                        }
                    }
                    codes.insert(f, map);
                }
                _ => {}
            }
        }
        if codes.len() != used.len() {
            return Err(bad("a font is missing"));
        }
        Ok(Codes(codes))
    }

    fn code(&self, font: usize, gid: u16) -> u16 {
        self.0
            .get(&font)
            .and_then(|m| m.get(gid as usize))
            .filter(|&&c| c != u32::MAX)
            .map(|&c| c as u16)
            // Every drawn glyph was in the probe; .notdef is the safe answer otherwise.
            .unwrap_or(0)
    }
}

/// Append a number as PDF writes reals (Rust's shortest round-trip form, never an
/// exponent), the same digits lopdf wrote for printpdf.
fn num(out: &mut Vec<u8>, v: f32) {
    // Writing to a Vec cannot fail.
    let _ = write!(out, "{v}");
}

fn nums(out: &mut Vec<u8>, vs: &[f32], op: &[u8]) {
    for &v in vs {
        num(out, v);
        out.push(b' ');
    }
    out.extend_from_slice(op);
    out.push(b'\n');
}

/// Append a glyph code's four hex digits (inside a `<...>` string).
fn hex_code(out: &mut Vec<u8>, code: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let [hi, lo] = code.to_be_bytes();
    out.extend_from_slice(&[
        HEX[(hi >> 4) as usize],
        HEX[(hi & 15) as usize],
        HEX[(lo >> 4) as usize],
        HEX[(lo & 15) as usize],
    ]);
}

/// The content stream of one page: its rectangles, then its text in one text object.
pub(crate) fn page_stream(items: &[Item], codes: &Codes, fonts: &[Font]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 * 1024);
    for item in items {
        let Item::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } = item
        else {
            continue;
        };
        let paint: &[u8] = match (fill, stroke) {
            (Some(f), Some(s)) => {
                nums(&mut out, f, b"rg");
                nums(&mut out, s, b"RG");
                b"B"
            }
            (Some(f), None) => {
                nums(&mut out, f, b"rg");
                b"f"
            }
            (None, Some(s)) => {
                nums(&mut out, s, b"RG");
                b"S"
            }
            (None, None) => continue,
        };
        nums(&mut out, &[0.5], b"w");
        nums(&mut out, &[*x, *y, *w, *h], b"re");
        out.extend_from_slice(paint);
        out.push(b'\n');
    }
    out.extend_from_slice(b"BT\n");
    let mut font: Option<(usize, u32)> = None;
    let mut colour: Option<Colour> = None;
    for item in items {
        let Item::Line { line, x, baseline } = item else {
            continue;
        };
        let x = *x;
        // One text matrix and one glyph run per stretch of a line in one font, size,
        // colour and baseline offset. The kern after each glyph takes the pen from where
        // the viewer leaves it (after the glyph's /W width) to the next glyph's position,
        // rounded to 0.1 thousandth of an em; the rounding never accumulates because each
        // kern aims at the exact next position.
        let glyphs = &line.glyphs;
        let mut i = 0;
        while i < glyphs.len() {
            let g = &glyphs[i];
            let (font_index, size, run_colour, x0, y) = (g.font, g.size, g.colour, x + g.x, g.y);
            let same = |h: &text::Glyph| {
                h.font == font_index && h.size == size && h.colour == run_colour && h.y == y
            };
            let end = i + glyphs[i..].iter().take_while(|h| same(h)).count();
            let run = &glyphs[i..end];
            i = end;
            let key = (font_index, size.to_bits());
            if font != Some(key) {
                out.push(b'/');
                out.extend_from_slice(font_name(font_index).as_bytes());
                out.push(b' ');
                nums(&mut out, &[size], b"Tf");
                font = Some(key);
            }
            if colour != Some(run_colour) {
                nums(&mut out, &rgb(run_colour), b"rg");
                colour = Some(run_colour);
            }
            nums(&mut out, &[1.0, 0.0, 0.0, 1.0, x0, *baseline + y], b"Tm");
            let face = &fonts[font_index];
            let em = 1000.0 / size as f64;
            // Where the viewer's pen is, in thousandths of an em from x0.
            let mut pen = 0f64;
            // Glyphs between two kerns share one hex string (two bytes a glyph under
            // Identity-H), a third of the size of one string per glyph.
            out.extend_from_slice(b"[<");
            for k in 0..run.len() {
                hex_code(&mut out, codes.code(font_index, run[k].gid));
                pen += pdf_width(face, run[k].gid) as f64;
                if let Some(next) = run.get(k + 1) {
                    let target = (x + next.x - x0) as f64 * em;
                    let kern = ((pen - target) * 10.0).round() / 10.0;
                    pen -= kern;
                    let kern = kern as f32;
                    if kern != 0.0 {
                        out.extend_from_slice(b"> ");
                        num(&mut out, kern);
                        out.push(b'<');
                    }
                }
            }
            out.extend_from_slice(b">] TJ\n");
        }
    }
    out.extend_from_slice(b"ET");
    out
}

/// A glyph's width as the PDF's /W array gives it (thousandths of an em, truncated, as
/// printpdf computes it), which is how far a viewer moves the pen after the glyph.
fn pdf_width(font: &fonts::Font, gid: u16) -> i64 {
    let adv = font
        .face
        .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
        .unwrap_or(0);
    (adv as f32 * 1000.0 / font.upem) as i64
}
