//! Page content streams, written straight into bytes.
//!
//! A letter needs few operators (rg/RG, w, re, f/S/B, BT/ET, Tf, Tm, TJ); writing them
//! ourselves, rather than building one lopdf object per glyph for lopdf to encode again,
//! keeps typesetting a ten-page letter cheaper than shaping its text. Glyphs are shown by
//! their codes in the embedded subsets (`subset.rs`).

use std::io::Write as _;

use crate::fonts::Font;
use crate::layout::{rgb, Item};
use crate::subset::{font_name, pdf_width, Codes, Slot, UsedGlyphs};
use crate::text::{self, Colour};

/// The glyphs each font shows on `pages`, with the text each stands for.
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
/// exponent), as lopdf writes its reals.
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
}
