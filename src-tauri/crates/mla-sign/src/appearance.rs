//! The visible signature block: a form XObject with the signer's name and function, the
//! date, the place and an optional seal image.

use chrono::{DateTime, Utc};
use lopdf::{dictionary, Document, Object, ObjectId, Stream};

use crate::Error;

/// Seal or stamp image shown at the left of the block.
#[derive(Debug, Clone)]
pub enum SealImage {
    Png(Vec<u8>),
    Jpeg(Vec<u8>),
}

impl SealImage {
    /// Decode the image as signing will, so that a bad file is refused when it is chosen
    /// rather than at the end of an export. Returns its width and height in pixels.
    pub fn check(&self) -> Result<(u32, u32), Error> {
        let mut doc = Document::with_version("1.7");
        let (_, w, h) = add_image(&mut doc, self)?;
        if w == 0 || h == 0 {
            return Err(Error::BadSealImage("the image is empty (0 pixels)".into()));
        }
        Ok((w, h))
    }
}

/// What the visible signature block shows and where.
#[derive(Debug, Clone)]
pub struct SignatureBlock {
    pub signer_name: String,
    /// The signer's function or title ("Public prosecutor").
    pub function: String,
    pub place: String,
    /// Labels in the letter's language; [`BlockLabels::default`] is English.
    pub labels: BlockLabels,
    pub seal: Option<SealImage>,
    /// 1-based page number; `None` puts the block on the last page.
    pub page: Option<usize>,
    /// `[x1, y1, x2, y2]` in PDF points; `None` puts a 250 × 80 pt box in the bottom right
    /// corner, 36 pt from the edges.
    pub rect: Option<[f32; 4]>,
    /// A TrueType font (.ttf) to embed for the block's text: needed for PDF/A and for
    /// names outside Latin-1 (Cyrillic, Greek, CJK if the font has them). `None` uses the
    /// standard Helvetica, which is not embedded and shows WinAnsi characters only.
    pub font: Option<Vec<u8>>,
}

#[derive(Debug, Clone)]
pub struct BlockLabels {
    pub heading: String,
    pub date: String,
    pub place: String,
}

impl Default for BlockLabels {
    fn default() -> Self {
        BlockLabels {
            heading: "Digitally signed by".into(),
            date: "Date".into(),
            place: "Place".into(),
        }
    }
}

/// Helvetica advance widths (1/1000 em) for ASCII 32..=126, from the Adobe core font
/// metrics; used only to shrink a long line so that it fits the box.
const HELVETICA_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// Encode text in WinAnsiEncoding (the standard fonts' encoding). A character outside it
/// is an error, never a silent substitution.
/// Flate-compress a stream at level 6 (zlib's default), keeping it as is when that would
/// not shrink it. lopdf's `Stream::compress` uses level 9, which took a fifth of the
/// signing time (mostly the block's font program) for a few percent of size.
pub(crate) fn flate(stream: &mut Stream) {
    use std::io::Write;
    if stream.dict.get(b"Filter").is_ok() {
        return;
    }
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(stream.content.len() / 2),
        flate2::Compression::new(6),
    );
    // Writing to a Vec cannot fail; on the impossible error the stream stays as is.
    let Ok(compressed) = encoder
        .write_all(&stream.content)
        .and_then(|_| encoder.finish())
    else {
        return;
    };
    if compressed.len() + 19 < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

/// Six upper-case letters from the font name and the glyph ids a subset keeps.
pub(crate) fn subset_tag(name: &str, glyphs: &std::collections::BTreeSet<u16>) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    for g in glyphs {
        h.update(g.to_be_bytes());
    }
    h.finalize()[..6]
        .iter()
        .map(|b| (b'A' + b % 26) as char)
        .collect()
}

pub(crate) fn win_ansi(text: &str, field: &'static str) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(text.len());
    for ch in text.chars() {
        let b = match ch {
            ' '..='~' => ch as u8,
            '\u{A0}'..='\u{FF}' => ch as u32 as u8,
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            'Œ' => 0x8C,
            'œ' => 0x9C,
            'Š' => 0x8A,
            'š' => 0x9A,
            'Ž' => 0x8E,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => return Err(Error::UnsupportedCharacter { ch, field }),
        };
        out.push(b);
    }
    Ok(out)
}

fn width_1000(encoded: &[u8]) -> f32 {
    encoded
        .iter()
        .map(|&b| {
            if (32..=126).contains(&b) {
                HELVETICA_WIDTHS[(b - 32) as usize] as f32
            } else {
                600.0
            }
        })
        .sum()
}

fn pdf_literal(encoded: &[u8]) -> Vec<u8> {
    let mut out = vec![b'('];
    for &b in encoded {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// Scripts whose letters change shape or order with their neighbours: drawing them glyph
/// by glyph would be wrong, so they are refused until the block uses a shaper.
fn needs_shaping(ch: char) -> bool {
    matches!(ch as u32,
        0x0590..=0x08FF      // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic
        | 0x0900..=0x0DFF    // Indic scripts
        | 0x0F00..=0x0FFF    // Tibetan
        | 0x1000..=0x109F    // Myanmar
        | 0xFB1D..=0xFDFF    // Hebrew and Arabic presentation forms
        | 0xFE70..=0xFEFF) // Arabic presentation forms B
}

/// An embedded TrueType font, written as a Type 0 font with Identity-H encoding (two-byte
/// glyph ids) and a ToUnicode map so that the text extracts.
struct EmbeddedFont<'a> {
    bytes: &'a [u8],
    face: ttf_parser::Face<'a>,
    used: std::collections::BTreeMap<u16, char>,
}

impl<'a> EmbeddedFont<'a> {
    fn new(bytes: &'a [u8]) -> Result<Self, Error> {
        let face = ttf_parser::Face::parse(bytes, 0)
            .map_err(|e| Error::BadFont(format!("not a TrueType/OpenType font: {e}")))?;
        if face.tables().glyf.is_none() {
            return Err(Error::BadFont(
                "the font has no TrueType outlines (glyf table); give a .ttf, not a CFF .otf"
                    .into(),
            ));
        }
        if !face.is_subsetting_allowed() && face.is_outline_embedding_allowed() {
            // fine: we embed the whole font
        } else if !face.is_outline_embedding_allowed() {
            return Err(Error::BadFont(
                "the font's licence flags forbid embedding".into(),
            ));
        }
        Ok(EmbeddedFont {
            bytes,
            face,
            used: Default::default(),
        })
    }

    fn encode(&mut self, text: &str, field: &'static str) -> Result<Vec<u8>, Error> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for ch in text.chars() {
            if needs_shaping(ch) {
                return Err(Error::NeedsShaping { ch, field });
            }
            let gid = self
                .face
                .glyph_index(ch)
                .ok_or(Error::UnsupportedCharacter { ch, field })?;
            self.used.insert(gid.0, ch);
            out.extend_from_slice(&gid.0.to_be_bytes());
        }
        Ok(out)
    }

    fn advance(&self, gid: u16) -> f32 {
        let upem = self.face.units_per_em().max(1) as f32;
        self.face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .unwrap_or(0) as f32
            * 1000.0
            / upem
    }

    fn width_1000(&self, encoded: &[u8]) -> f32 {
        encoded
            .chunks_exact(2)
            .map(|c| self.advance(u16::from_be_bytes([c[0], c[1]])))
            .sum()
    }

    fn postscript_name(&self) -> String {
        let name = self
            .face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| "EmbeddedFont".into());
        let clean: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if clean.is_empty() {
            "EmbeddedFont".into()
        } else {
            clean
        }
    }

    fn add_objects(&self, doc: &mut Document) -> ObjectId {
        let upem = self.face.units_per_em().max(1) as f32;
        let scale = |v: i16| (v as f32 * 1000.0 / upem).round() as i64;
        let bbox = self.face.global_bounding_box();
        let name = self.postscript_name();
        // Only the glyphs the block shows are kept (ids unchanged), else the whole font.
        let keep: std::collections::BTreeSet<u16> = self.used.keys().copied().collect();
        let (data, name) = match crate::subset::subset_truetype(self.bytes, &keep) {
            // A subset's name carries a tag of six upper-case letters (PDF 9.6.4), here
            // from the glyphs kept, so the same block gives the same name.
            Some(data) => (data, format!("{}+{name}", subset_tag(&name, &keep))),
            None => (self.bytes.to_vec(), name),
        };
        let mut program = Stream::new(dictionary! { "Length1" => data.len() as i64 }, data);
        flate(&mut program);
        let program_id = doc.add_object(program);
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => Object::Name(name.clone().into_bytes()),
            "Flags" => 32,
            "FontBBox" => vec![scale(bbox.x_min).into(), scale(bbox.y_min).into(), scale(bbox.x_max).into(), scale(bbox.y_max).into()],
            "ItalicAngle" => 0,
            "Ascent" => scale(self.face.ascender()),
            "Descent" => scale(self.face.descender()),
            "CapHeight" => scale(self.face.capital_height().unwrap_or(self.face.ascender())),
            "StemV" => 80,
            "FontFile2" => program_id,
        });
        let mut widths = Vec::new();
        for &gid in self.used.keys() {
            widths.push(Object::Integer(gid as i64));
            widths.push(Object::Array(vec![Object::Integer(
                self.advance(gid).round() as i64,
            )]));
        }
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => Object::Name(name.clone().into_bytes()),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "W" => widths,
            "CIDToGIDMap" => "Identity",
        });
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        let entries: Vec<(&u16, &char)> = self.used.iter().collect();
        for chunk in entries.chunks(100) {
            cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
            for (gid, ch) in chunk {
                let mut utf16 = [0u16; 2];
                let hex: String = ch
                    .encode_utf16(&mut utf16)
                    .iter()
                    .map(|u| format!("{u:04X}"))
                    .collect();
                cmap.push_str(&format!("<{:04X}> <{hex}>\n", gid));
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        let mut to_unicode = Stream::new(dictionary! {}, cmap.into_bytes());
        flate(&mut to_unicode);
        let to_unicode = doc.add_object(to_unicode);
        doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => Object::Name(name.into_bytes()),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Reference(cid_font)],
            "ToUnicode" => to_unicode,
        })
    }
}

enum BlockFont<'a> {
    Standard,
    Embedded(Box<EmbeddedFont<'a>>),
}

impl BlockFont<'_> {
    fn encode(&mut self, text: &str, field: &'static str) -> Result<Vec<u8>, Error> {
        match self {
            BlockFont::Standard => win_ansi(text, field),
            BlockFont::Embedded(f) => f.encode(text, field),
        }
    }

    fn width_1000(&self, encoded: &[u8], bold: bool) -> f32 {
        match self {
            BlockFont::Standard => width_1000(encoded) * if bold { 1.08 } else { 1.0 },
            BlockFont::Embedded(f) => f.width_1000(encoded),
        }
    }

    fn string_token(&self, encoded: &[u8]) -> Vec<u8> {
        match self {
            BlockFont::Standard => pdf_literal(encoded),
            BlockFont::Embedded(_) => {
                let mut out = vec![b'<'];
                for b in encoded {
                    out.extend_from_slice(format!("{b:02X}").as_bytes());
                }
                out.push(b'>');
                out
            }
        }
    }
}

/// Add the appearance stream (and its font and image objects) to `doc`; returns its id.
pub(crate) fn build_appearance(
    doc: &mut Document,
    block: &SignatureBlock,
    width: f32,
    height: f32,
    signing_time: DateTime<Utc>,
) -> Result<ObjectId, Error> {
    let mut font = match &block.font {
        Some(bytes) => BlockFont::Embedded(Box::new(EmbeddedFont::new(bytes)?)),
        None => BlockFont::Standard,
    };
    let heading = font.encode(&block.labels.heading, "heading label")?;
    let name = font.encode(&block.signer_name, "signer name")?;
    let function = font.encode(&block.function, "function")?;
    let date = font.encode(
        &format!(
            "{}: {}",
            block.labels.date,
            signing_time.format("%Y-%m-%d %H:%M UTC")
        ),
        "date label",
    )?;
    let place = font.encode(&format!("{}: {}", block.labels.place, block.place), "place")?;

    let mut xobjects = lopdf::Dictionary::new();
    let mut content = Vec::new();
    content.extend_from_slice(b"q 0.97 0.97 0.97 rg 0 0 ");
    content.extend_from_slice(format!("{width:.2} {height:.2} re f Q\n").as_bytes());
    content.extend_from_slice(
        format!(
            "q 0.2 0.2 0.2 RG 0.8 w 0.4 0.4 {:.2} {:.2} re S Q\n",
            width - 0.8,
            height - 0.8
        )
        .as_bytes(),
    );
    let mut text_x = 6.0f32;
    if let Some(seal) = &block.seal {
        let (image_id, iw, ih) = add_image(doc, seal)?;
        xobjects.set("Seal", Object::Reference(image_id));
        let box_side = height - 8.0;
        let scale = (box_side / iw as f32).min(box_side / ih as f32);
        let (dw, dh) = (iw as f32 * scale, ih as f32 * scale);
        let y = (height - dh) / 2.0;
        content.extend_from_slice(
            format!("q {dw:.2} 0 0 {dh:.2} 4 {y:.2} cm /Seal Do Q\n").as_bytes(),
        );
        text_x = 4.0 + box_side + 6.0;
    }
    let available = (width - text_x - 4.0).max(10.0);
    let lines: [(&[u8], &str, f32); 5] = [
        (&heading, "F1", 7.5),
        (&name, "F2", 10.0),
        (&function, "F1", 8.5),
        (&date, "F1", 8.5),
        (&place, "F1", 8.5),
    ];
    let line_gap = (height - 8.0) / 5.0;
    content.extend_from_slice(b"BT 0 0 0 rg\n");
    let mut y = height - 4.0 - line_gap * 0.8;
    for (text, font_name, size) in lines {
        let natural = font.width_1000(text, font_name == "F2") / 1000.0;
        // An embedded font has one face: the name line is told apart by its size only.
        let font_name = match &font {
            BlockFont::Standard => font_name,
            BlockFont::Embedded(_) => "F1",
        };
        let size = if natural * size > available {
            (available / natural).max(4.0)
        } else {
            size
        };
        content.extend_from_slice(
            format!("/{font_name} {size:.2} Tf 1 0 0 1 {text_x:.2} {y:.2} Tm ").as_bytes(),
        );
        content.extend_from_slice(&font.string_token(text));
        content.extend_from_slice(b" Tj\n");
        y -= line_gap;
    }
    content.extend_from_slice(b"ET\n");

    let standard_font = |base: &str| {
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => Object::Name(base.as_bytes().to_vec()),
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let fonts = match &font {
        BlockFont::Standard => {
            let f1 = doc.add_object(standard_font("Helvetica"));
            let f2 = doc.add_object(standard_font("Helvetica-Bold"));
            dictionary! { "F1" => f1, "F2" => f2 }
        }
        BlockFont::Embedded(f) => dictionary! { "F1" => f.add_objects(doc) },
    };
    let mut resources = dictionary! {
        "Font" => fonts,
        "ProcSet" => vec![Object::Name(b"PDF".to_vec()), Object::Name(b"Text".to_vec()), Object::Name(b"ImageC".to_vec())],
    };
    if !xobjects.is_empty() {
        resources.set("XObject", xobjects);
    }
    let stream = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), Object::Real(width), Object::Real(height)],
            "Resources" => resources,
        },
        content,
    );
    Ok(doc.add_object(stream))
}

fn add_image(doc: &mut Document, seal: &SealImage) -> Result<(ObjectId, u32, u32), Error> {
    match seal {
        SealImage::Jpeg(bytes) => {
            let (w, h, components) = jpeg_size(bytes)?;
            let cs = match components {
                1 => "DeviceGray",
                3 => "DeviceRGB",
                _ => {
                    return Err(Error::BadSealImage(format!(
                        "JPEG with {components} colour components (only grey or RGB)"
                    )))
                }
            };
            let stream = Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Image",
                    "Width" => w as i64,
                    "Height" => h as i64,
                    "ColorSpace" => cs,
                    "BitsPerComponent" => 8,
                    "Filter" => "DCTDecode",
                },
                bytes.clone(),
            )
            .with_compression(false);
            Ok((doc.add_object(stream), w, h))
        }
        SealImage::Png(bytes) => {
            let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
            decoder.set_transformations(png::Transformations::normalize_to_color8());
            let mut reader = decoder
                .read_info()
                .map_err(|e| Error::BadSealImage(format!("PNG: {e}")))?;
            let mut buf = vec![0; reader.output_buffer_size()];
            let info = reader
                .next_frame(&mut buf)
                .map_err(|e| Error::BadSealImage(format!("PNG: {e}")))?;
            buf.truncate(info.buffer_size());
            let (w, h) = (info.width, info.height);
            let (color, alpha): (Vec<u8>, Option<Vec<u8>>) = match info.color_type {
                png::ColorType::Rgb => (buf, None),
                png::ColorType::Rgba => {
                    let mut c = Vec::with_capacity(buf.len() / 4 * 3);
                    let mut a = Vec::with_capacity(buf.len() / 4);
                    for px in buf.chunks_exact(4) {
                        c.extend_from_slice(&px[..3]);
                        a.push(px[3]);
                    }
                    (c, Some(a))
                }
                png::ColorType::Grayscale => (buf.iter().flat_map(|&g| [g, g, g]).collect(), None),
                png::ColorType::GrayscaleAlpha => {
                    let mut c = Vec::new();
                    let mut a = Vec::new();
                    for px in buf.chunks_exact(2) {
                        c.extend_from_slice(&[px[0], px[0], px[0]]);
                        a.push(px[1]);
                    }
                    (c, Some(a))
                }
                other => {
                    return Err(Error::BadSealImage(format!(
                        "PNG colour type {other:?} not supported"
                    )))
                }
            };
            let mut dict = dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => w as i64,
                "Height" => h as i64,
                "ColorSpace" => "DeviceRGB",
                "BitsPerComponent" => 8,
            };
            if let Some(a) = alpha {
                let mut smask = Stream::new(
                    dictionary! {
                        "Type" => "XObject",
                        "Subtype" => "Image",
                        "Width" => w as i64,
                        "Height" => h as i64,
                        "ColorSpace" => "DeviceGray",
                        "BitsPerComponent" => 8,
                    },
                    a,
                );
                flate(&mut smask);
                dict.set("SMask", doc.add_object(smask));
            }
            let mut stream = Stream::new(dict, color);
            flate(&mut stream);
            Ok((doc.add_object(stream), w, h))
        }
    }
}

/// Width, height and component count from a JPEG's start-of-frame marker.
fn jpeg_size(bytes: &[u8]) -> Result<(u32, u32, u8), Error> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(Error::BadSealImage(
            "not a JPEG file (no SOI marker)".into(),
        ));
    }
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return Err(Error::BadSealImage(format!(
                "JPEG marker expected at byte {i}"
            )));
        }
        let marker = bytes[i + 1];
        let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            if i + 9 >= bytes.len() {
                break;
            }
            let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]) as u32;
            let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]) as u32;
            return Ok((w, h, bytes[i + 9]));
        }
        i += 2 + len;
    }
    Err(Error::BadSealImage("JPEG has no frame header".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_ansi_maps_latin1_and_cp1252_extras_and_refuses_the_rest() {
        assert_eq!(win_ansi("Aé€–", "x").unwrap(), vec![b'A', 0xE9, 0x80, 0x96]);
        assert!(matches!(
            win_ansi("Ω", "function"),
            Err(Error::UnsupportedCharacter {
                ch: 'Ω',
                field: "function"
            })
        ));
    }

    #[test]
    fn literal_strings_escape_delimiters() {
        assert_eq!(pdf_literal(b"a(b)c\\"), b"(a\\(b\\)c\\\\)".to_vec());
    }

    #[test]
    fn seal_images_are_checked_when_chosen() {
        let mut png_bytes = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut png_bytes, 4, 3);
            enc.set_color(png::ColorType::Rgba);
            enc.set_depth(png::BitDepth::Eight);
            let mut w = enc.write_header().unwrap();
            w.write_image_data(&[200u8; 4 * 3 * 4]).unwrap();
        }
        assert_eq!(SealImage::Png(png_bytes.clone()).check().unwrap(), (4, 3));
        let truncated = png_bytes[..png_bytes.len() / 2].to_vec();
        assert!(matches!(
            SealImage::Png(truncated).check(),
            Err(Error::BadSealImage(_))
        ));
        assert!(matches!(
            SealImage::Png(b"not an image at all".to_vec()).check(),
            Err(Error::BadSealImage(_))
        ));
        assert!(matches!(
            SealImage::Jpeg(vec![0xFF, 0xD8, 0x00]).check(),
            Err(Error::BadSealImage(_))
        ));
    }

    #[test]
    fn jpeg_header_is_read_and_garbage_refused() {
        // SOI, APP0 (length 4), SOF0: length 11, precision 8, height 2, width 3, 3 components.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00,
            0x02, 0x00, 0x03, 0x03,
        ];
        assert_eq!(jpeg_size(&jpeg).unwrap(), (3, 2, 3));
        assert!(matches!(jpeg_size(b"GIF89a"), Err(Error::BadSealImage(_))));
        assert!(matches!(
            jpeg_size(&[0xFF, 0xD8]),
            Err(Error::BadSealImage(_))
        ));
    }

    #[test]
    fn scripts_that_need_shaping_are_recognised() {
        assert!(needs_shaping('م'));
        assert!(needs_shaping('ש'));
        assert!(needs_shaping('क'));
        assert!(!needs_shaping('Ж'));
        assert!(!needs_shaping('中'));
        assert!(!needs_shaping('é'));
    }
}
