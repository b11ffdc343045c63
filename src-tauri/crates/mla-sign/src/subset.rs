//! A TrueType font reduced to the glyphs the signature block uses.
//!
//! Glyph ids stay as they are (the block's text is written as glyph ids with an identity
//! CID-to-GID map): every other glyph is made empty in `glyf`, and `loca` is rewritten.
//! Other tables are copied unchanged. Composite glyphs keep their components.

use std::collections::BTreeSet;

const KEPT_TABLES: [&[u8; 4]; 13] = [
    b"OS/2", b"cmap", b"cvt ", b"fpgm", b"gasp", b"glyf", b"head", b"hhea", b"hmtx", b"loca",
    b"maxp", b"name", b"prep",
];

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

fn checksum(data: &[u8]) -> u32 {
    let mut sum = 0u32;
    for chunk in data.chunks(4) {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum = sum.wrapping_add(u32::from_be_bytes(word));
    }
    sum
}

/// The font with only `keep` (plus glyph 0 and composite components) drawn; `None` when the
/// font is not a plain TrueType file this code understands (the caller then embeds it whole).
pub(crate) fn subset_truetype(font: &[u8], keep: &BTreeSet<u16>) -> Option<Vec<u8>> {
    let table_count = be16(font, 4)? as usize;
    let mut tables = Vec::with_capacity(table_count);
    for i in 0..table_count {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
        let offset = be32(font, rec + 8)? as usize;
        let length = be32(font, rec + 12)? as usize;
        let data = font.get(offset..offset.checked_add(length)?)?.to_vec();
        // Only what a PDF renderer reads from an embedded TrueType font; layout tables
        // (GSUB, GPOS, kern, ...) are for shaping, which is done before text reaches the PDF.
        if KEPT_TABLES.contains(&&tag) {
            tables.push((tag, data));
        }
    }
    let num_tables = tables.len();
    let find = |tag: &[u8; 4]| tables.iter().position(|(t, _)| t == tag);
    let (glyf_i, loca_i, head_i, maxp_i) = (
        find(b"glyf")?,
        find(b"loca")?,
        find(b"head")?,
        find(b"maxp")?,
    );
    let long_loca = be16(&tables[head_i].1, 50)? == 1;
    let num_glyphs = be16(&tables[maxp_i].1, 4)? as usize;
    let loca = &tables[loca_i].1;
    let offset_of = |g: usize| -> Option<usize> {
        if long_loca {
            be32(loca, g * 4).map(|v| v as usize)
        } else {
            be16(loca, g * 2).map(|v| v as usize * 2)
        }
    };
    let glyf = &tables[glyf_i].1;
    let glyph = |g: usize| -> Option<&[u8]> { glyf.get(offset_of(g)?..offset_of(g + 1)?) };

    // Close the set over composite components.
    let mut wanted: BTreeSet<u16> = keep
        .iter()
        .copied()
        .filter(|&g| (g as usize) < num_glyphs)
        .collect();
    wanted.insert(0);
    let mut stack: Vec<u16> = wanted.iter().copied().collect();
    while let Some(g) = stack.pop() {
        let data = glyph(g as usize)?;
        if data.len() < 10 || (be16(data, 0)? as i16) >= 0 {
            continue;
        }
        let mut at = 10;
        loop {
            let flags = be16(data, at)?;
            let component = be16(data, at + 2)?;
            if (component as usize) < num_glyphs && wanted.insert(component) {
                stack.push(component);
            }
            at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
            at += if flags & 0x0008 != 0 {
                2
            } else if flags & 0x0040 != 0 {
                4
            } else if flags & 0x0080 != 0 {
                8
            } else {
                0
            };
            if flags & 0x0020 == 0 {
                break;
            }
        }
    }

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((num_glyphs + 1) * 4);
    for g in 0..num_glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if wanted.contains(&(g as u16)) {
            new_glyf.extend_from_slice(glyph(g)?);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    tables[glyf_i].1 = new_glyf;
    tables[loca_i].1 = new_loca;
    let head = &mut tables[head_i].1;
    head.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes()); // long loca
    head.get_mut(8..12)?.copy_from_slice(&[0; 4]); // checkSumAdjustment, set below

    // Reassemble: the header for the new table count, tables in order, 4-byte aligned.
    let mut out = font.get(..4)?.to_vec();
    let entry_selector = (usize::BITS - 1 - num_tables.leading_zeros()) as u16;
    let search_range = 16u16 << entry_selector;
    out.extend_from_slice(&(num_tables as u16).to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&entry_selector.to_be_bytes());
    out.extend_from_slice(&((num_tables as u16) * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * num_tables;
    let mut body = Vec::new();
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        body.extend_from_slice(data);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        offset = 12 + 16 * num_tables + body.len();
    }
    let head_offset = be32(&out, 12 + 16 * head_i + 8)? as usize;
    out.extend_from_slice(&body);
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out.get_mut(head_offset + 8..head_offset + 12)?
        .copy_from_slice(&adjustment.to_be_bytes());
    // A last sanity check: the result must parse.
    ttf_parser::Face::parse(&out, 0).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_keeps_used_glyphs_and_components_and_empties_the_rest() {
        let font = std::fs::read("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
            .expect("Debian fonts-dejavu-core");
        let face = ttf_parser::Face::parse(&font, 0).unwrap();
        let gid = |c| face.glyph_index(c).unwrap().0;
        let keep: BTreeSet<u16> = [gid('A'), gid('Ж'), gid('é')].into();
        let out = subset_truetype(&font, &keep).expect("DejaVu Sans subsets");
        assert!(
            out.len() < font.len() / 5,
            "{} of {}",
            out.len(),
            font.len()
        );
        let sub = ttf_parser::Face::parse(&out, 0).unwrap();
        assert_eq!(
            sub.number_of_glyphs(),
            face.number_of_glyphs(),
            "ids must not move"
        );
        let outline = |f: &ttf_parser::Face, g: u16| {
            struct Count(usize);
            impl ttf_parser::OutlineBuilder for Count {
                fn move_to(&mut self, _: f32, _: f32) {
                    self.0 += 1
                }
                fn line_to(&mut self, _: f32, _: f32) {
                    self.0 += 1
                }
                fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {
                    self.0 += 1
                }
                fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {
                    self.0 += 1
                }
                fn close(&mut self) {}
            }
            let mut c = Count(0);
            f.outline_glyph(ttf_parser::GlyphId(g), &mut c);
            c.0
        };
        for c in ['A', 'Ж', 'é'] {
            let g = gid(c);
            assert_eq!(outline(&sub, g), outline(&face, g), "{c}");
            assert!(outline(&sub, g) > 0, "{c}");
        }
        assert_eq!(outline(&sub, gid('B')), 0, "an unused glyph is emptied");
        assert_eq!(
            sub.glyph_hor_advance(ttf_parser::GlyphId(gid('B'))),
            face.glyph_hor_advance(ttf_parser::GlyphId(gid('B')))
        );
        assert!(subset_truetype(b"not a font at all", &keep).is_none());
    }
}
