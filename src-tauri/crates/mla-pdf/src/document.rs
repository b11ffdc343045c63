//! The document structure around the page streams: catalog, page tree, fonts, document
//! information, identifier; then the streams compressed and the file written, with lopdf.

use lopdf::{dictionary, Document, Object, StringFormat};

use crate::fonts::Font;
use crate::layout::Item;
use crate::{content, subset, PdfError};
use mla_letter::Letter;

/// The PDF of the furnished pages: document information, fonts, our page streams, the
/// document id, compressed.
pub(crate) fn write_pdf(
    letter: &Letter,
    fonts: &[Font],
    pages: &[Vec<Item>],
    page_w: f32,
    page_h: f32,
) -> Result<Vec<u8>, PdfError> {
    // PDF/A-3 rests on PDF 1.7 (associated files, which the signing step adds).
    let mut doc = Document::with_version("1.7");
    // A classic cross-reference table, which the signing step's incremental update keeps.
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;

    let used = content::used_glyphs(pages, fonts);
    let (font_dict, codes) = subset::embed_fonts(&mut doc, &used, fonts)?;
    let font_dict = doc.add_object(font_dict);
    let resources = doc.add_object(dictionary! { "Font" => font_dict });
    let pages_id = doc.new_object_id();
    let media_box: Vec<Object> = vec![0.into(), 0.into(), page_w.into(), page_h.into()];
    let kids: Vec<Object> = pages
        .iter()
        .map(|items| {
            let stream = lopdf::Stream::new(
                lopdf::Dictionary::new(),
                content::page_stream(items, &codes, fonts),
            );
            let contents = doc.add_object(stream);
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => media_box.clone(),
                "Resources" => resources,
                "Contents" => contents,
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Count" => kids.len() as i64,
            "Kids" => kids,
        }),
    );
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    let info = doc.add_object(info(letter));
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let id = document_id(&letter.document_id, &letter.reference);
    doc.trailer.set(
        "ID",
        vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ],
    );
    compress_streams(&mut doc);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|e| PdfError::Write {
        message: e.to_string(),
    })?;
    Ok(bytes)
}

/// The document information dictionary. PDF/A wants every entry with an XMP counterpart to
/// match it, so only entries with a value are written (the signing step writes the XMP).
fn info(letter: &Letter) -> lopdf::Dictionary {
    let mut info = lopdf::Dictionary::new();
    let date = pdf_date(letter);
    info.set("CreationDate", Object::string_literal(date.clone()));
    info.set("ModDate", Object::string_literal(date));
    let texts = [
        (
            "Title",
            format!("{} \u{2014} {}", letter.reference, letter.title),
        ),
        ("Creator", "MLA Desk".to_owned()),
        ("Producer", "MLA Desk".to_owned()),
        ("Subject", letter.title.clone()),
    ];
    for (key, text) in texts {
        if !text.is_empty() {
            info.set(key, text_string(&text));
        }
    }
    if !letter.document_id.is_empty() {
        info.set(
            "Identifier",
            Object::string_literal(letter.document_id.as_bytes().to_vec()),
        );
    }
    info
}

/// A PDF text string (ISO 32000-1 § 7.9.2.2): UTF-16BE with its byte order mark.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The letter's date as a PDF date at midnight UTC. A PDF date holds years 0000–9999
/// (ISO 32000-1 § 7.9.4); a request dated outside them, or undated, gets 1970-01-01.
fn pdf_date(letter: &Letter) -> String {
    let date = letter
        .date
        .map(|d| d.format("%Y%m%d").to_string())
        .filter(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_else(|| "19700101".to_owned());
    format!("D:{date}000000+00'00'")
}

/// Flate level for the PDF's streams. lopdf's own `Document::compress` uses level 9, which
/// took a third of the typesetting time for a few percent of size; level 6 (zlib's
/// default) gives nearly the same size much faster. Fixed, so the output stays the same
/// bytes for the same request.
const FLATE_LEVEL: u32 = 6;

/// Compress every stream that has no filter yet and allows it (as `lopdf::Document::compress`
/// does, at [`FLATE_LEVEL`]), keeping a stream as is when compression would not shrink it.
/// The streams are shared between two threads; each stream's bytes do not depend on that.
fn compress_streams(doc: &mut Document) {
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => Some(s),
            _ => None,
        })
        .collect();
    // Alternate by size so both threads get a similar share.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let (mut odd, mut even): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
    for (i, s) in streams.into_iter().enumerate() {
        if i % 2 == 0 {
            even.push(s);
        } else {
            odd.push(s);
        }
    }
    // One compressor per thread, reset between streams: setting one up allocates and
    // clears its window and hash tables, which cost as much as compressing a page.
    let compress_all = |streams: Vec<&mut lopdf::Stream>| {
        let mut z = flate2::Compress::new(flate2::Compression::new(FLATE_LEVEL), true);
        for s in streams {
            compress_stream(&mut z, s);
            z.reset();
        }
    };
    std::thread::scope(|scope| {
        scope.spawn(|| compress_all(odd));
        compress_all(even);
    });
}

fn compress_stream(z: &mut flate2::Compress, stream: &mut lopdf::Stream) {
    let input = &stream.content;
    let mut compressed = Vec::with_capacity(input.len() / 2 + 64);
    loop {
        let read = z.total_in() as usize;
        match z.compress_vec(
            &input[read..],
            &mut compressed,
            flate2::FlushCompress::Finish,
        ) {
            Ok(flate2::Status::StreamEnd) => break,
            Ok(_) => compressed.reserve(compressed.capacity().max(64)),
            // Cannot happen with a Vec as output; the stream then stays as is.
            Err(_) => return,
        }
    }
    if compressed.len() + 19 < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

/// A 16-byte identifier derived from the request's id and reference (FNV-1a, twice).
fn document_id(id: &str, reference: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(16);
    for seed in [0xcbf2_9ce4_8422_2325u64, 0x8422_2325_cbf2_9ce4u64] {
        let mut h = seed;
        for b in id.bytes().chain([0u8]).chain(reference.bytes()) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        out.extend_from_slice(&h.to_be_bytes());
    }
    out
}
