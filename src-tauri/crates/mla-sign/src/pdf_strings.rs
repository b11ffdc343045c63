//! PDF text strings and dates, as the incremental update writes them and the verifier and
//! the PDF/A parts read them back (PDF 2.0, 7.9.2 and 7.9.4).

use chrono::{DateTime, Utc};
use lopdf::{Object, StringFormat};

/// A PDF date in UTC: `D:YYYYMMDDHHmmSS+00'00'`.
pub(crate) fn pdf_date(t: DateTime<Utc>) -> String {
    t.format("D:%Y%m%d%H%M%S+00'00'").to_string()
}

/// A PDF text string: PDFDocEncoding-compatible ASCII as is, anything else UTF-16BE.
pub(crate) fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A PDF text string as Rust text: UTF-16BE or UTF-8 with their byte-order mark, else
/// PDFDocEncoding read as Latin-1.
pub(crate) fn decode_text_string(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(&bytes[3..]).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_round_trip() {
        for s in [
            "Annex 1.pdf",
            "Relevé – août.pdf",
            "Иван",
            "中文",
            "(parens) \\ back",
        ] {
            let Object::String(bytes, _) = text_string(s) else {
                panic!()
            };
            assert_eq!(decode_text_string(&bytes), s);
        }
        let Object::String(bytes, _) = text_string("ascii") else {
            panic!()
        };
        assert_eq!(bytes, b"ascii");
    }

    #[test]
    fn pdf_date_is_utc_with_offset() {
        use chrono::TimeZone;
        let t = Utc.with_ymd_and_hms(2026, 11, 22, 9, 5, 7).unwrap();
        assert_eq!(pdf_date(t), "D:20261122090507+00'00'");
    }
}
