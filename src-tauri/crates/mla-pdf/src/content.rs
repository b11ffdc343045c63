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

pub(crate) fn used_glyphs(pages: &[Vec<Item>], fonts: &[Font]) -> UsedGlyphs {
    // Per font, indexed by glyph id: the text of the glyph's last use, if used.
    let mut used: Vec<Vec<Option<Option<&str>>>> = vec![Vec::new(); fonts.len()];
    for item in pages.iter().flatten() {
        if let Item::Line { line, .. } = item {
            for g in &line.glyphs {
                let Some(slots) = used.get_mut(g.font as usize) else {
                    continue;
                };
                if slots.is_empty() {
                    let count = fonts[g.font as usize].face.number_of_glyphs() as usize;
                    slots.resize(count.max(g.gid as usize + 1), None);
                }
                if let Some(slot) = slots.get_mut(g.gid as usize) {
                    *slot = Some(line.glyph_text(g));
                }
            }
        }
    }
    used.into_iter()
        .enumerate()
        .filter(|(_, slots)| !slots.is_empty())
        .map(|(f, slots)| {
            let glyphs = slots
                .into_iter()
                .enumerate()
                .filter_map(|(gid, t)| Some((gid as u16, t?.map(str::to_owned))))
                .collect();
            (f, glyphs)
        })
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

/// A used glyph's code in the embedded subset and its width as the PDF gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Slot {
    code: u16,
    width: i64,
}

/// For each font, its used glyphs' codes in the embedded subset, read back from
/// printpdf's rendering of [`probe_ops`], with their widths (indexed by glyph id).
pub(crate) struct Codes(BTreeMap<usize, Vec<Option<Slot>>>);

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
                    let mut map = vec![None; count.max(1)];
                    for (&gid, code) in glyphs.keys().zip(strings) {
                        let [hi, lo] = code else {
                            return Err(bad("a glyph code is not two bytes"));
                        };
                        if let Some(slot) = map.get_mut(gid as usize) {
                            *slot = Some(Slot {
                                code: u16::from_be_bytes([*hi, *lo]),
                                width: pdf_width(&fonts[f], gid),
                            });
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

    /// A font's used glyphs by glyph id (empty for a font not in the probe).
    fn font(&self, font: usize) -> &[Option<Slot>] {
        self.0.get(&font).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// A glyph's code and width (`slots` from [`Codes::font`]).
fn glyph(slots: &[Option<Slot>], face: &Font, gid: u16) -> Slot {
    match slots.get(gid as usize) {
        Some(Some(slot)) => *slot,
        // Every drawn glyph was in the probe; .notdef is the safe answer otherwise.
        _ => Slot {
            code: 0,
            width: pdf_width(face, gid),
        },
    }
}

/// Append a number as PDF writes reals (Rust's shortest round-trip form, never an
/// exponent), the same digits lopdf wrote for printpdf.
fn num(out: &mut Vec<u8>, v: f32) {
    // Writing to a Vec cannot fail.
    let _ = write!(out, "{v}");
}

/// Append a kern (a multiple of 0.1, as [`page_stream`] rounds it): the same digits as
/// [`num`] gives, without formatting a float.
fn tenths(out: &mut Vec<u8>, tenths: i64) {
    if tenths < 0 {
        out.push(b'-');
    }
    let t = tenths.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = t / 10;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
    let frac = (t % 10) as u8;
    if frac != 0 {
        out.extend_from_slice(&[b'.', b'0' + frac]);
    }
}

fn nums(out: &mut Vec<u8>, vs: &[f32], op: &[u8]) {
    for &v in vs {
        num(out, v);
        out.push(b' ');
    }
    out.extend_from_slice(op);
    out.push(b'\n');
}

/// Append a glyph code's two bytes (inside a literal `(...)` string), escaping the bytes
/// a literal string cannot hold as they are: the parentheses and the backslash, and the
/// line ends (a reader turns an unescaped CR or CR LF into LF).
fn code_bytes(out: &mut Vec<u8>, code: u16) {
    for b in code.to_be_bytes() {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(b),
        }
    }
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
            let (font_index, size, run_colour, x0, y) =
                (g.font as usize, g.size, g.colour, x + g.x, g.y);
            let same = |h: &text::Glyph| {
                h.font as usize == font_index
                    && h.size == size
                    && h.colour == run_colour
                    && h.y == y
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
            out.extend_from_slice(b"1 0 0 1 ");
            nums(&mut out, &[x0, *baseline + y], b"Tm");
            let face = &fonts[font_index];
            let font_codes = codes.font(font_index);
            let em = 1000.0 / size as f64;
            // Where the viewer's pen is, in thousandths of an em from x0.
            let mut pen = 0f64;
            // Glyphs between two kerns share one string of their two-byte codes (under
            // Identity-H). A literal string holds them in two bytes where hex takes four
            // (plus the brackets of one string per glyph): the streams are half the size
            // and compress in half the time, to fewer bytes.
            out.extend_from_slice(b"[(");
            for k in 0..run.len() {
                let slot = glyph(font_codes, face, run[k].gid);
                code_bytes(&mut out, slot.code);
                pen += slot.width as f64;
                if let Some(next) = run.get(k + 1) {
                    let target = (x + next.x - x0) as f64 * em;
                    let kern = ((pen - target) * 10.0).round();
                    pen -= kern / 10.0;
                    if kern != 0.0 {
                        out.extend_from_slice(b") ");
                        tenths(&mut out, kern as i64);
                        out.push(b'(');
                    }
                }
            }
            out.extend_from_slice(b")] TJ\n");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kerns_are_written_with_the_digits_lopdf_gave_their_float() {
        for k in -250_000i64..=250_000 {
            let mut ours = Vec::new();
            tenths(&mut ours, k);
            let theirs = format!("{}", (k as f64 / 10.0) as f32);
            assert_eq!(String::from_utf8(ours).unwrap(), theirs, "{k} tenths");
        }
    }

    #[test]
    fn glyph_codes_read_back_as_their_two_bytes_whatever_the_bytes() {
        let codes: Vec<u16> = (0..=u16::MAX)
            .step_by(7)
            .chain([0x2829, 0x5c0d, 0x0a0d, 0x0d0a, 0x5c5c])
            .collect();
        let mut stream = b"BT\n[(".to_vec();
        for &c in &codes {
            code_bytes(&mut stream, c);
        }
        stream.extend_from_slice(b")] TJ\nET");
        // A reader turns a bare CR (or CR LF) in a literal string into LF (lopdf does not,
        // so this is checked on the bytes).
        assert!(!stream.contains(&b'\r'), "an unescaped CR");
        let content = lopdf::content::Content::decode(&stream).unwrap();
        let tj = &content.operations[1];
        assert_eq!(tj.operator, "TJ");
        let bytes = tj.operands[0].as_array().unwrap()[0].as_str().unwrap();
        let read: Vec<u16> = bytes
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        assert_eq!(read, codes);
    }

    #[test]
    fn codes_are_read_back_in_glyph_order_and_a_short_probe_is_refused() {
        let fonts = fonts::fonts().unwrap();
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
        // Glyph ids 3, 7, 40 became codes 1, 2, 5 in the subset.
        let probe = b"BT\n/F0 1 Tf\n[<0001><0002><0005>] TJ\nET";
        let codes = Codes::read(probe, &used, fonts).unwrap();
        let (f, face) = (codes.font(fonts::SERIF), &fonts[fonts::SERIF]);
        let code = |gid| glyph(f, face, gid).code;
        assert_eq!([code(3), code(7), code(40)], [1, 2, 5]);
        assert_eq!(code(4), 0, "an unused glyph is .notdef");
        assert_eq!(glyph(f, face, 40).width, pdf_width(face, 40));
        let short = b"BT\n/F0 1 Tf\n[<0001><0002>] TJ\nET";
        assert!(matches!(
            Codes::read(short, &used, fonts),
            Err(PdfError::Write { .. })
        ));
        assert!(
            Codes::read(b"BT\nET", &used, fonts).is_err(),
            "font missing"
        );
    }
}
