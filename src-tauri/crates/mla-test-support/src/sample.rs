//! A realistic unsigned multi-page PDF built with lopdf (until the typesetting crate lands).

use lopdf::{dictionary, Document, Object, Stream, StringFormat};

/// `pages` A4 pages of text; `filler` extra bytes of (incompressible) image data on page 1,
/// to make big files for the benchmark.
pub fn sample_pdf(pages: usize, filler: usize) -> Vec<u8> {
    sample_pdf_lines(pages, filler, 45)
}

/// As [`sample_pdf`], with only `last_page_lines` paragraphs on the last page.
pub fn sample_pdf_lines(pages: usize, filler: usize, last_page_lines: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let mut image = None;
    if filler > 0 {
        let side = ((filler / 3) as f64).sqrt().ceil() as usize;
        let mut data = vec![0u8; side * side * 3];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for b in data.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
        image = Some(doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => side as i64, "Height" => side as i64,
                "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8,
            },
            data,
        ).with_compression(false)));
    }
    let mut kids = Vec::new();
    for p in 0..pages {
        let mut content = String::from("BT /F1 11 Tf 72 770 Td 14 TL\n");
        content.push_str(&format!(
            "(Request for mutual legal assistance - page {} of {}) Tj T*\n",
            p + 1,
            pages
        ));
        let lines = if p + 1 == pages { last_page_lines } else { 45 };
        for line in 0..lines {
            content.push_str(&format!(
                "(Paragraph {line}: the requesting authority asks for the production of bank records, account {p}-{line}.) Tj T*\n"
            ));
        }
        content.push_str("ET\n");
        let mut resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        if let (0, Some(img)) = (p, image) {
            content.push_str("q 200 0 0 200 300 300 cm /Im1 Do Q\n");
            resources.set("XObject", dictionary! { "Im1" => img });
        }
        let mut stream = Stream::new(dictionary! {}, content.into_bytes());
        let _ = stream.compress();
        let content_id = doc.add_object(stream);
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources,
        })));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => pages as i64,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let info = doc.add_object(dictionary! {
        "Title" => Object::string_literal("Request for mutual legal assistance"),
        "Producer" => Object::string_literal("MLA Desk tests"),
        "CreationDate" => Object::string_literal("D:20261122090000+00'00'"),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    doc.trailer.set(
        "ID",
        vec![
            Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal),
            Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal),
        ],
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saving the sample PDF");
    out
}
