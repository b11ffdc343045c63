//! The bundled fonts (assets/fonts, Noto, SIL OFL 1.1) and the choice of font per character.

use std::sync::OnceLock;

/// One bundled face.
pub(crate) struct Font {
    pub name: &'static str,
    pub data: &'static [u8],
    pub face: rustybuzz::Face<'static>,
    pub upem: f32,
}

/// Indices into [`fonts`].
pub(crate) const SERIF: usize = 0;
pub(crate) const SERIF_BOLD: usize = 1;
pub(crate) const NASKH: usize = 2;
pub(crate) const NASKH_BOLD: usize = 3;
pub(crate) const CJK: usize = 4;
pub(crate) const CJK_BOLD: usize = 5;
pub(crate) const SYMBOLS: usize = 6;

/// Number of bundled faces.
pub(crate) const COUNT: usize = 7;

const FILES: [(&str, &[u8]); COUNT] = [
    (
        "NotoSerif-Regular",
        include_bytes!("../../../../assets/fonts/NotoSerif-Regular.ttf"),
    ),
    (
        "NotoSerif-Bold",
        include_bytes!("../../../../assets/fonts/NotoSerif-Bold.ttf"),
    ),
    (
        "NotoNaskhArabic-Regular",
        include_bytes!("../../../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "NotoNaskhArabic-Bold",
        include_bytes!("../../../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    ),
    (
        "NotoSerifCJKsc-Regular-subset",
        include_bytes!("../../../../assets/fonts/NotoSerifCJKsc-Regular-subset.otf"),
    ),
    (
        "NotoSerifCJKsc-Bold-subset",
        include_bytes!("../../../../assets/fonts/NotoSerifCJKsc-Bold-subset.otf"),
    ),
    (
        "NotoSansSymbols2-Regular",
        include_bytes!("../../../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
    ),
];

/// All bundled faces, parsed once. `None` if a bundled file does not parse (a build
/// defect, reported as an error by the caller rather than a panic).
pub(crate) fn fonts() -> Option<&'static [Font]> {
    static FONTS: OnceLock<Option<Vec<Font>>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            FILES
                .iter()
                .map(|(name, data)| {
                    let face = rustybuzz::Face::from_slice(data, 0)?;
                    let upem = face.units_per_em() as f32;
                    Some(Font {
                        name,
                        data,
                        face,
                        upem,
                    })
                })
                .collect()
        })
        .as_deref()
}

/// The order in which faces are tried for a letter's language and weight.
pub(crate) fn stack(lang: &str, bold: bool) -> [usize; 4] {
    let (serif, naskh, cjk) = if bold {
        (SERIF_BOLD, NASKH_BOLD, CJK_BOLD)
    } else {
        (SERIF, NASKH, CJK)
    };
    match lang {
        "ar" => [naskh, serif, cjk, SYMBOLS],
        _ => [serif, naskh, cjk, SYMBOLS],
    }
}

/// Characters that take the font of the text around them when that font has them
/// (spaces, punctuation, digits, marks), so a run is not split for a comma.
pub(crate) fn is_neutral(c: char) -> bool {
    !c.is_alphabetic() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Characters no font needs to draw (format controls, variation selectors, joiners).
pub(crate) fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

pub(crate) fn has_glyph(font: &Font, c: char) -> bool {
    font.face.glyph_index(c).is_some_and(|g| g.0 != 0)
}
