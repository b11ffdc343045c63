//! PDF/A-3b identification: XMP metadata consistent with the document information
//! dictionary, and an sRGB output intent when the caller supplies the ICC profile.
//!
//! What this cannot do for a PDF it did not make: embed fonts the input left out, or fix
//! content that PDF/A forbids. The typesetting crate has to produce a conforming base.

use chrono::{DateTime, Utc};
use lopdf::{dictionary, IncrementalDocument, Object, ObjectId, Stream};

use crate::pdf_strings::{decode_text_string, pdf_date};
use crate::Error;

/// PDF/A-3b options.
#[derive(Debug, Clone, Default)]
pub struct PdfA {
    /// An sRGB ICC profile (for example `sRGB.icc` from Debian's icc-profiles-free or
    /// colord); without it no output intent is added and the file is not PDF/A.
    pub srgb_icc_profile: Option<Vec<u8>>,
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `D:YYYYMMDDHHmmSSOHH'mm'` to XMP's ISO 8601; `None` if the date is malformed.
pub(crate) fn pdf_date_to_iso(d: &str) -> Option<String> {
    let d = d.strip_prefix("D:").unwrap_or(d);
    let digits: String = d.chars().take(14).collect();
    if digits.len() < 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let part = |a: usize, b: usize, default: &str| {
        digits
            .get(a..b)
            .map(str::to_string)
            .unwrap_or_else(|| default.to_string())
    };
    let (y, mo, da, h, mi, s) = (
        part(0, 4, "0000"),
        part(4, 6, "01"),
        part(6, 8, "01"),
        part(8, 10, "00"),
        part(10, 12, "00"),
        part(12, 14, "00"),
    );
    let rest = &d[digits.len().min(d.len())..];
    let tz = if rest.starts_with('Z') || rest.is_empty() {
        "Z".to_string()
    } else {
        let sign = &rest[..1];
        let nums: String = rest[1..].chars().filter(|c| c.is_ascii_digit()).collect();
        let hh = nums.get(0..2).unwrap_or("00");
        let mm = nums.get(2..4).unwrap_or("00");
        format!("{sign}{hh}:{mm}")
    };
    Some(format!("{y}-{mo}-{da}T{h}:{mi}:{s}{tz}"))
}

pub(crate) fn apply_pdfa(
    inc: &mut IncrementalDocument,
    root_id: ObjectId,
    opts: &PdfA,
    modified: DateTime<Utc>,
) -> Result<(), Error> {
    let prev = inc.get_prev_documents();
    let info_id = prev
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok();
    let mut info = info_id
        .and_then(|id| prev.get_dictionary(id).ok().cloned())
        .unwrap_or_default();
    // Entries with an XMP counterpart must match it: empty ones are dropped rather than
    // mirrored as empty properties; PDF/X's version key and /Trapped (no counterpart
    // written here) go too.
    let empty: Vec<Vec<u8>> = info
        .iter()
        .filter(|(_, v)| {
            matches!(v, Object::String(s, _) if s.is_empty() || s.as_slice() == [0xFE, 0xFF])
        })
        .map(|(k, _)| k.clone())
        .chain([b"GTS_PDFXVersion".to_vec(), b"Trapped".to_vec()])
        .collect();
    for k in empty {
        info.remove(&k);
    }
    let mod_date = pdf_date(modified);
    info.set("ModDate", Object::string_literal(mod_date.clone()));
    if !info.has(b"CreationDate") {
        info.set("CreationDate", Object::string_literal(mod_date.clone()));
    }
    let get = |k: &[u8]| {
        info.get(k)
            .ok()
            .and_then(|o| o.as_str().ok())
            .map(decode_text_string)
    };
    let mut rdf = String::new();
    if let Some(t) = get(b"Title") {
        rdf.push_str(&format!(
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n",
            xml_escape(&t)
        ));
    }
    if let Some(a) = get(b"Author") {
        rdf.push_str(&format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            xml_escape(&a)
        ));
    }
    if let Some(s) = get(b"Subject") {
        rdf.push_str(&format!("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n", xml_escape(&s)));
    }
    if let Some(c) = get(b"Creator") {
        rdf.push_str(&format!(
            "<xmp:CreatorTool>{}</xmp:CreatorTool>\n",
            xml_escape(&c)
        ));
    }
    if let Some(p) = get(b"Producer") {
        rdf.push_str(&format!(
            "<pdf:Producer>{}</pdf:Producer>\n",
            xml_escape(&p)
        ));
    }
    if let Some(k) = get(b"Keywords") {
        rdf.push_str(&format!(
            "<pdf:Keywords>{}</pdf:Keywords>\n",
            xml_escape(&k)
        ));
    }
    if let Some(iso) = get(b"CreationDate").and_then(|d| pdf_date_to_iso(&d)) {
        rdf.push_str(&format!("<xmp:CreateDate>{iso}</xmp:CreateDate>\n"));
    }
    let mod_iso = modified.format("%Y-%m-%dT%H:%M:%SZ");
    rdf.push_str(&format!("<xmp:ModifyDate>{mod_iso}</xmp:ModifyDate>\n<xmp:MetadataDate>{mod_iso}</xmp:MetadataDate>\n"));
    let xmp = format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n{rdf}\
</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
    );
    let metadata = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp.into_bytes(),
    )
    .with_compression(false);
    let doc = &mut inc.new_document;
    let meta_id = doc.add_object(metadata);
    let info_ref = match info_id {
        Some(id) => {
            doc.set_object(id, info);
            id
        }
        None => doc.add_object(info),
    };
    doc.trailer.set("Info", info_ref);
    let has_intents = inc
        .get_prev_documents()
        .get_dictionary(root_id)
        .map(|c| c.has(b"OutputIntents"))
        .unwrap_or(false);
    let intent = match (&opts.srgb_icc_profile, has_intents) {
        (Some(icc), false) => {
            let mut profile = Stream::new(dictionary! { "N" => 3 }, icc.clone());
            crate::appearance::flate(&mut profile);
            let icc_id = inc.new_document.add_object(profile);
            Some(inc.new_document.add_object(dictionary! {
                "Type" => "OutputIntent",
                "S" => "GTS_PDFA1",
                "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
                "Info" => Object::string_literal("sRGB IEC61966-2.1"),
                "DestOutputProfile" => icc_id,
            }))
        }
        _ => None,
    };
    let older_than_1_7 = matches!(
        inc.get_prev_documents().version.as_str(),
        "1.0" | "1.1" | "1.2" | "1.3" | "1.4" | "1.5" | "1.6"
    );
    let catalog = inc
        .new_document
        .get_dictionary_mut(root_id)
        .map_err(|e| Error::CorruptPdf(format!("catalog: {e}")))?;
    catalog.set("Metadata", meta_id);
    // PDF/A-3 rests on PDF 1.7 (associated files): raise an older header's version.
    if older_than_1_7 {
        catalog.set("Version", Object::Name(b"1.7".to_vec()));
    }
    if let Some(i) = intent {
        catalog.set("OutputIntents", vec![Object::Reference(i)]);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::pdf_date_to_iso;

    #[test]
    fn pdf_dates_become_iso_8601() {
        let cases = [
            ("D:20261122090000+00'00'", Some("2026-11-22T09:00:00+00:00")),
            ("D:20261122090000Z", Some("2026-11-22T09:00:00Z")),
            ("D:20261122093015-05'30'", Some("2026-11-22T09:30:15-05:30")),
            ("D:2026", Some("2026-01-01T00:00:00Z")),
            ("20261122", Some("2026-11-22T00:00:00Z")),
            ("D:yesterday", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(pdf_date_to_iso(input).as_deref(), expected, "{input}");
        }
    }
}
