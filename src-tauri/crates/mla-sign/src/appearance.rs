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

/// Add the appearance stream (and its font and image objects) to `doc`; returns its id.
pub(crate) fn build_appearance(
    doc: &mut Document,
    block: &SignatureBlock,
    width: f32,
    height: f32,
    signing_time: DateTime<Utc>,
) -> Result<ObjectId, Error> {
    let heading = win_ansi(&block.labels.heading, "heading label")?;
    let name = win_ansi(&block.signer_name, "signer name")?;
    let function = win_ansi(&block.function, "function")?;
    let date = win_ansi(
        &format!(
            "{}: {}",
            block.labels.date,
            signing_time.format("%Y-%m-%d %H:%M UTC")
        ),
        "date label",
    )?;
    let place = win_ansi(&format!("{}: {}", block.labels.place, block.place), "place")?;

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
    for (text, font, size) in lines {
        let bold_factor = if font == "F2" { 1.08 } else { 1.0 };
        let natural = width_1000(text) * bold_factor / 1000.0;
        let size = if natural * size > available {
            (available / natural).max(4.0)
        } else {
            size
        };
        content.extend_from_slice(
            format!("/{font} {size:.2} Tf 1 0 0 1 {text_x:.2} {y:.2} Tm ").as_bytes(),
        );
        content.extend_from_slice(&pdf_literal(text));
        content.extend_from_slice(b" Tj\n");
        y -= line_gap;
    }
    content.extend_from_slice(b"ET\n");

    let font = |base: &str| {
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => Object::Name(base.as_bytes().to_vec()),
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let f1 = doc.add_object(font("Helvetica"));
    let f2 = doc.add_object(font("Helvetica-Bold"));
    let mut resources = dictionary! {
        "Font" => dictionary! { "F1" => f1, "F2" => f2 },
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
                let _ = smask.compress();
                dict.set("SMask", doc.add_object(smask));
            }
            let mut stream = Stream::new(dict, color);
            let _ = stream.compress();
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
