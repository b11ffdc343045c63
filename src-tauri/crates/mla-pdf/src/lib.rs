//! MLA Desk PDF: typesets a letter's block tree and writes the PDF with lopdf.
//!
//! We lay the text out ourselves (see `text.rs`: font fallback, bidi, shaping and line
//! breaking from unicode-bidi, rustybuzz and unicode-linebreak), write the pages' content
//! streams of positioned glyphs (`content.rs`), embed font subsets with a ToUnicode map
//! from the text each glyph stands for, so the PDF stays searchable (`subset.rs`), and
//! write the document structure (`document.rs`).
//!
//! Output is deterministic: font resource names are fixed, the document dates come from the
//! letter (the request's date) and the /ID from its document id, never from the clock.

mod content;
mod document;
mod fonts;
mod layout;
mod subset;
mod text;

use mla_letter::Letter;

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("bundled font {name} could not be parsed")]
    Font { name: String },
    #[error("the PDF could not be written: {message}")]
    Write { message: String },
}

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    /// US Letter.
    Letter,
}

impl Paper {
    /// Width and height in points.
    fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// How to typeset.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfOptions {
    pub paper: Paper,
    /// Draw a box for initials or a seal on every page (for States that require a
    /// signature or seal on each page).
    pub seal_box: bool,
}

/// The typeset letter.
#[derive(Debug, Clone)]
pub struct Typeset {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters that no bundled font can draw; they are printed as the missing-glyph box.
    pub missing_glyphs: Vec<char>,
}

/// Typeset a letter to PDF bytes.
pub fn typeset(letter: &Letter, options: &PdfOptions) -> Result<Typeset, PdfError> {
    let fonts = fonts::fonts().ok_or_else(|| PdfError::Font {
        name: "one of assets/fonts".to_owned(),
    })?;
    let (page_w, page_h) = options.paper.size();
    let (pages, missing) = layout::lay_out(fonts, letter, options, (page_w, page_h))?;
    let bytes = document::write_pdf(letter, fonts, &pages, page_w, page_h)?;
    Ok(Typeset {
        bytes,
        pages: pages.len(),
        missing_glyphs: missing,
    })
}
