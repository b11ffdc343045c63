//! MLA Desk PDF: typesets a letter's block tree with printpdf.
//!
//! We lay the text out ourselves (see `text.rs`: font fallback, bidi, shaping and line
//! breaking from unicode-bidi, rustybuzz and unicode-linebreak) and write the pages'
//! content streams of positioned glyphs ourselves (`content.rs`). printpdf writes the
//! document structure and subsets the embedded fonts, with a ToUnicode map from the text
//! each glyph stands for, so the PDF stays searchable.
//!
//! Output is deterministic: font resource names are fixed, the document dates come from the
//! letter (the request's date) and the /ID from its document id, never from the clock.

mod content;
mod fonts;
mod text;

use std::collections::BTreeSet;

use mla_letter::{Block, Inline, InlineKind, Letter, ParagraphStyle};
use printpdf::{FontId, Mm, ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

use fonts::Font;
use text::{Colour, Line, Shaper, Span, Style};

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
    /// What printpdf reported while writing (empty when all went well).
    pub warnings: Vec<String>,
}

const MARGIN_X: f32 = 62.0;
const MARGIN_TOP: f32 = 74.0;
const MARGIN_BOTTOM: f32 = 74.0;
const BODY: f32 = 10.5;
const TABLE: f32 = 9.0;
const CELL_PAD: f32 = 3.5;
const GUTTER: f32 = 26.0;

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Start,
    End,
    Center,
}

/// A block laid out into lines, before pagination.
enum Laid {
    Lines {
        lines: Vec<Line>,
        number: Option<Line>,
        indent: f32,
        align: Align,
        space_before: f32,
        space_after: f32,
        keep_together: bool,
        keep_with_next: bool,
        frame: Option<Colour>,
    },
    Table {
        cols: Vec<f32>,
        header: Option<Vec<Vec<Line>>>,
        rows: Vec<Vec<Vec<Line>>>,
    },
}

/// Something drawn on a page, in PDF coordinates (origin bottom left).
enum Item {
    Line {
        line: Line,
        x: f32,
        baseline: f32,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<[f32; 3]>,
        stroke: Option<[f32; 3]>,
    },
}

fn rgb(c: Colour) -> [f32; 3] {
    match c {
        Colour::Black => [0.0, 0.0, 0.0],
        Colour::Grey => [0.35, 0.35, 0.35],
        Colour::Red => [0.7, 0.0, 0.0],
        Colour::DarkRed => [0.5, 0.05, 0.05],
    }
}

fn spans(inlines: &[Inline], size: f32, bold: bool, colour: Colour) -> Vec<Span> {
    inlines
        .iter()
        .map(|i| {
            let (b, c) = match i.kind {
                InlineKind::NeedsTranslation => (true, Colour::DarkRed),
                InlineKind::Missing => (i.bold || bold, Colour::Red),
                _ => (i.bold || bold, colour),
            };
            // Officer text and the marker are bidi isolates (FSI ... PDI, per line): their
            // direction comes from their own first strong character, so an English sentence
            // in an Arabic letter keeps its full stop at its end, and the other way round.
            let text = match i.kind {
                InlineKind::UserText | InlineKind::NeedsTranslation => format!(
                    "\u{2068}{}\u{2069}",
                    i.text.replace('\n', "\u{2069}\n\u{2068}")
                ),
                _ => i.text.clone(),
            };
            Span {
                text,
                style: Style {
                    bold: b,
                    size,
                    colour: c,
                },
            }
        })
        .collect()
}

fn block_height(lines: &[Line]) -> f32 {
    lines.iter().map(|l| l.height).sum()
}

struct Pager {
    page_w: f32,
    page_h: f32,
    rtl: bool,
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl Pager {
    fn top(&self) -> f32 {
        self.page_h - MARGIN_TOP
    }
    fn remaining(&self) -> f32 {
        self.y - MARGIN_BOTTOM
    }
    fn capacity(&self) -> f32 {
        self.top() - MARGIN_BOTTOM
    }
    fn at_top(&self) -> bool {
        (self.y - self.top()).abs() < 0.01
    }
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top();
    }
    fn push(&mut self, item: Item) {
        self.pages.last_mut().expect("a page").push(item);
    }
    /// x of a line of `width` in a box [left, left + box_w], honouring direction.
    fn line_x(&self, align: Align, left: f32, box_w: f32, width: f32) -> f32 {
        let start_left = !self.rtl;
        match align {
            Align::Center => left + (box_w - width) / 2.0,
            Align::Start if start_left => left,
            Align::End if !start_left => left,
            _ => left + box_w - width,
        }
    }
    fn place_line(&mut self, line: Line, x: f32, top: f32) {
        let baseline = top - (line.height - line.size) / 2.0 - line.size * 0.8;
        self.push(Item::Line { line, x, baseline });
    }
}

/// Below this much text (bytes) a letter is laid out on one thread.
const PARALLEL_MIN_BYTES: usize = 4000;

/// Lay out one block at the content width.
fn lay_block(shaper: &mut Shaper<'_>, block: &Block, content_w: f32, rtl: bool) -> Laid {
    match block {
        Block::Heading { level, inlines } => {
            let (size, before, after, align) = match level {
                1 => (14.0, 14.0, 8.0, Align::Center),
                2 => (12.0, 12.0, 4.0, Align::Start),
                _ => (11.0, 8.0, 3.0, Align::Start),
            };
            let lines = shaper
                .layout(&spans(inlines, size, true, Colour::Black), content_w, rtl)
                .lines;
            Laid::Lines {
                lines,
                number: None,
                indent: 0.0,
                align,
                space_before: before,
                space_after: after,
                keep_together: true,
                keep_with_next: true,
                frame: None,
            }
        }
        Block::Paragraph {
            style,
            number,
            inlines,
        } => {
            let (size, bold, colour, align, after, frame) = match style {
                ParagraphStyle::Body => (BODY, false, Colour::Black, Align::Start, 5.0, None),
                ParagraphStyle::Letterhead => (BODY, false, Colour::Black, Align::Start, 1.0, None),
                ParagraphStyle::End => (BODY, false, Colour::Black, Align::End, 1.0, None),
                ParagraphStyle::Draft => (
                    9.5,
                    true,
                    Colour::Red,
                    Align::Center,
                    10.0,
                    Some(Colour::Red),
                ),
                ParagraphStyle::Notice => (11.0, true, Colour::DarkRed, Align::Center, 4.0, None),
            };
            let indent = if number.is_some() { GUTTER } else { 0.0 };
            let frame_pad = if frame.is_some() { 8.0 } else { 0.0 };
            let lines = shaper
                .layout(
                    &spans(inlines, size, bold, colour),
                    content_w - indent - 2.0 * frame_pad,
                    rtl,
                )
                .lines;
            let number = number.map(|n| {
                let s = [Span {
                    text: format!("{n}."),
                    style: Style {
                        bold: true,
                        size,
                        colour: Colour::Black,
                    },
                }];
                shaper.layout(&s, GUTTER, false).lines.remove(0)
            });
            Laid::Lines {
                lines,
                number,
                indent,
                align,
                space_before: frame_pad,
                space_after: after + frame_pad,
                keep_together: frame.is_some(),
                keep_with_next: false,
                frame,
            }
        }
        Block::Signature { lines } => {
            let mut out = Vec::new();
            for l in lines {
                out.extend(
                    shaper
                        .layout(&spans(l, BODY, false, Colour::Black), content_w / 2.0, rtl)
                        .lines,
                );
            }
            Laid::Lines {
                lines: out,
                number: None,
                indent: 0.0,
                align: Align::Start,
                space_before: 24.0,
                space_after: 0.0,
                keep_together: true,
                keep_with_next: false,
                frame: None,
            }
        }
        Block::Table { header, rows } => {
            layout_table(shaper, header.as_ref(), rows, content_w, rtl)
        }
    }
}

/// Typeset a letter to PDF bytes.
pub fn typeset(letter: &Letter, options: &PdfOptions) -> Result<Typeset, PdfError> {
    let fonts = fonts::fonts().ok_or_else(|| PdfError::Font {
        name: "one of assets/fonts".to_owned(),
    })?;
    let (page_w, page_h) = options.paper.size();
    let content_w = page_w - 2.0 * MARGIN_X;
    let rtl = letter.rtl;

    // 1. Lay out every block.
    let (laid, layout_missing) = lay_out_blocks(fonts, letter, content_w)?;

    // 2. Paginate.
    let mut pager = paginate(laid, page_w, page_h, rtl);

    // 3. Page furniture and PDF.
    let total = pager.pages.len();
    let (pdf_pages, furniture_missing) = furnish_pages(fonts, letter, options, &mut pager);
    let mut missing: Vec<char> = layout_missing.into_iter().collect();
    missing.extend(furniture_missing);
    missing.sort_unstable();
    missing.dedup();

    let (bytes, warnings) = write_pdf(letter, fonts, &pdf_pages, page_w, page_h)?;
    Ok(Typeset {
        bytes,
        pages: total,
        missing_glyphs: missing,
        warnings,
    })
}

/// Lay out every block. Blocks are laid out independently, so the work is split in two
/// halves (by text length) laid out on two threads; the result is the same as in one
/// thread (shape plans are shared; each half has its own run memo). Returns the laid-out
/// blocks and the characters no font could draw.
fn lay_out_blocks(
    fonts: &[Font],
    letter: &Letter,
    content_w: f32,
) -> Result<(Vec<Laid>, BTreeSet<char>), PdfError> {
    let rtl = letter.rtl;
    let mut shaper = Shaper {
        fonts,
        lang: &letter.lang,
        line_factor: 1.42,
        missing: Default::default(),
        memo: Default::default(),
        has_glyph: Default::default(),
    };
    let blocks = &letter.blocks;
    let total: usize = blocks.iter().map(block_weight).sum();
    let mut split = blocks.len();
    let mut acc = 0;
    for (i, b) in blocks.iter().enumerate() {
        if acc * 2 >= total {
            split = i;
            break;
        }
        acc += block_weight(b);
    }
    let mut laid: Vec<Laid> = Vec::with_capacity(blocks.len());
    if total >= PARALLEL_MIN_BYTES && split > 0 && split < blocks.len() {
        let (first, second) = blocks.split_at(split);
        let lang = letter.lang.as_str();
        let (tail, tail_missing) = std::thread::scope(|scope| {
            let handle = scope.spawn(move || {
                let mut other = Shaper {
                    fonts,
                    lang,
                    line_factor: 1.42,
                    missing: Default::default(),
                    memo: Default::default(),
                    has_glyph: Default::default(),
                };
                let laid: Vec<Laid> = second
                    .iter()
                    .map(|b| lay_block(&mut other, b, content_w, rtl))
                    .collect();
                (laid, other.missing)
            });
            laid.extend(
                first
                    .iter()
                    .map(|b| lay_block(&mut shaper, b, content_w, rtl)),
            );
            handle.join()
        })
        .map_err(|_| PdfError::Write {
            message: "the layout thread failed".to_owned(),
        })?;
        laid.extend(tail);
        shaper.missing.extend(tail_missing);
    } else {
        laid.extend(
            blocks
                .iter()
                .map(|b| lay_block(&mut shaper, b, content_w, rtl)),
        );
    }

    // The shaped runs are not needed past layout: free them before the PDF is written
    // (they are about as large as the laid-out lines).
    drop(std::mem::take(&mut shaper.memo));
    Ok((laid, shaper.missing))
}

/// A block's share of the layout work, by text length (a table's cells are laid out twice).
fn block_weight(b: &Block) -> usize {
    match b {
        Block::Heading { inlines, .. } | Block::Paragraph { inlines, .. } => {
            inlines.iter().map(|i| i.text.len()).sum()
        }
        Block::Signature { lines } => lines.iter().flatten().map(|i| i.text.len()).sum(),
        Block::Table { header, rows } => {
            header
                .iter()
                .chain(rows.iter())
                .flatten()
                .flatten()
                .map(|i| i.text.len())
                .sum::<usize>()
                * 2
        }
    }
}

/// Place the laid-out blocks on pages.
fn paginate(laid: Vec<Laid>, page_w: f32, page_h: f32, rtl: bool) -> Pager {
    let mut pager = Pager {
        page_w,
        page_h,
        rtl,
        pages: Vec::new(),
        y: 0.0,
    };
    pager.new_page();
    let follows: Vec<f32> = (0..laid.len())
        .map(|i| follow_height(&laid[i + 1..]))
        .collect();
    for (block, follow) in laid.into_iter().zip(follows) {
        match block {
            Laid::Lines { .. } => place_lines(&mut pager, block, follow),
            Laid::Table { cols, header, rows } => {
                place_table(&mut pager, &cols, header.as_ref(), &rows)
            }
        }
    }
    pager
}

/// Add the page furniture (header, footer, page numbers) to every page of `pager`, taking
/// its pages. Returns them and the characters no font could draw.
fn furnish_pages(
    fonts: &[Font],
    letter: &Letter,
    options: &PdfOptions,
    pager: &mut Pager,
) -> (Vec<Vec<Item>>, BTreeSet<char>) {
    let rtl = letter.rtl;
    let content_w = pager.page_w - 2.0 * MARGIN_X;
    let total = pager.pages.len();
    let mut furniture = Shaper {
        fonts,
        lang: &letter.lang,
        line_factor: 1.2,
        missing: Default::default(),
        memo: Default::default(),
        has_glyph: Default::default(),
    };
    let pages: Vec<Vec<Item>> = std::mem::take(&mut pager.pages);
    let reference = header_reference(&mut furniture, &letter.reference, content_w * 0.4, rtl);
    let mut pdf_pages = Vec::new();
    for (n, mut items) in pages.into_iter().enumerate() {
        add_furniture(
            &mut furniture,
            &mut items,
            letter,
            &reference,
            options,
            pager,
            n + 1,
            total,
        );
        pdf_pages.push(items);
    }
    (pdf_pages, furniture.missing)
}

/// The PDF of the furnished pages: document information, fonts, our page streams, the
/// document id, PDF/A information, compressed. Returns its bytes and printpdf's warnings.
fn write_pdf(
    letter: &Letter,
    fonts: &[Font],
    pdf_pages: &[Vec<Item>],
    page_w: f32,
    page_h: f32,
) -> Result<(Vec<u8>, Vec<String>), PdfError> {
    let mut doc = PdfDocument::new(&format!("{} — {}", letter.reference, letter.title));
    let info = &mut doc.metadata.info;
    info.author = String::new();
    info.creator = "MLA Desk".to_owned();
    info.producer = "MLA Desk (printpdf)".to_owned();
    info.subject = letter.title.clone();
    info.identifier = letter.document_id.clone();
    // A PDF date holds years 0000–9999 (ISO 32000-1 § 7.9.4); a request dated outside them
    // leaves the document dates at their default, as an undated one does.
    let date = letter
        .date
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
        // 0000-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z
        .filter(|t| (-62_167_219_200..=253_402_300_799).contains(t))
        .unwrap_or(0);
    let when =
        printpdf::OffsetDateTime::from_unix_timestamp(date).map_err(|e| PdfError::Write {
            message: e.to_owned(),
        })?;
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;

    // printpdf writes the document structure and embeds the fonts; its first page shows
    // every used glyph once so that we learn their codes in the subsets (content.rs), and
    // every page's stream is then replaced by the one we write.
    let used = content::used_glyphs(pdf_pages, fonts);
    for &f in used.keys() {
        let font = &fonts[f];
        let parsed = parsed_font(f, font).ok_or_else(|| PdfError::Font {
            name: font.name.to_owned(),
        })?;
        doc.resources.fonts.map.insert(
            FontId(content::font_name(f)),
            printpdf::PdfFont::new(parsed),
        );
    }
    let (w_mm, h_mm) = (Mm(page_w * 25.4 / 72.0), Mm(page_h * 25.4 / 72.0));
    let printpdf_pages: Vec<PdfPage> = (0..pdf_pages.len())
        .map(|n| {
            let ops = if n == 0 {
                content::probe_ops(&used)
            } else {
                Vec::new()
            };
            PdfPage::new(w_mm, h_mm, ops)
        })
        .collect();
    doc.with_pages(printpdf_pages);

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    set_page_streams(&mut lo, pdf_pages, &used, fonts)?;
    let id = document_id(&letter.document_id, &letter.reference);
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal),
        ]),
    );
    tag_font_subsets(&mut lo);
    pdfa_info(&mut lo);
    // PDF/A-3 rests on PDF 1.7 (associated files, which the signing step adds).
    lo.version = "1.7".to_owned();
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| PdfError::Write {
        message: e.to_string(),
    })?;
    let warnings = warnings
        .iter()
        .filter(|w| !matches!(w.severity, printpdf::PdfParseErrorSeverity::Info))
        .map(|w| w.msg.clone())
        .collect();
    Ok((bytes, warnings))
}

/// Put our content stream into each page printpdf wrote, in page order, after reading the
/// glyph codes from its first page (see content.rs).
fn set_page_streams(
    lo: &mut lopdf::Document,
    pages: &[Vec<Item>],
    used: &content::UsedGlyphs,
    fonts: &[fonts::Font],
) -> Result<(), PdfError> {
    let missing = |what: &str| PdfError::Write {
        message: format!("printpdf wrote no {what}"),
    };
    let streams: Vec<lopdf::ObjectId> = lo
        .page_iter()
        .map(|page| {
            lo.get_dictionary(page)
                .and_then(|d| d.get(b"Contents"))
                .and_then(lopdf::Object::as_reference)
                .map_err(|_| missing("page content stream"))
        })
        .collect::<Result<_, _>>()?;
    if streams.len() != pages.len() {
        return Err(missing("page for every page"));
    }
    let probe = match streams.first().map(|&id| lo.get_object(id)) {
        Some(Ok(lopdf::Object::Stream(s))) => &s.content,
        _ => return Err(missing("first page content stream")),
    };
    let codes = content::Codes::read(probe, used, fonts)?;
    for (id, items) in streams.into_iter().zip(pages) {
        match lo.get_object_mut(id) {
            Ok(lopdf::Object::Stream(s)) => {
                s.set_content(content::page_stream(items, &codes, fonts))
            }
            _ => return Err(missing("page content stream")),
        }
    }
    Ok(())
}

/// Give each embedded font subset the name the PDF specification (9.6.4) asks for: six
/// upper-case letters and a plus sign before the PostScript name. printpdf writes the
/// resource name instead ("F0+NotoSerif-Regular"), which is not a subset tag, so a
/// validator takes the font for a complete one. The tag is derived from the subset's own
/// bytes (FNV-1a), so the same text gives the same name and the output stays deterministic.
fn tag_font_subsets(doc: &mut lopdf::Document) {
    use lopdf::Object;
    let mut renames: Vec<(lopdf::ObjectId, Option<lopdf::ObjectId>, Vec<u8>)> = Vec::new();
    for (&id, obj) in &doc.objects {
        let Object::Dictionary(d) = obj else { continue };
        if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        let Ok(base) = d.get(b"BaseFont").and_then(Object::as_name) else {
            continue;
        };
        // Only printpdf's "F<digits>+Name".
        let Some(plus) = base.iter().position(|&b| b == b'+') else {
            continue;
        };
        if !(base.first() == Some(&b'F') && base[1..plus].iter().all(u8::is_ascii_digit)) {
            continue;
        }
        let name = base[plus + 1..].to_vec();
        let descriptor = d
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|f| match f {
                Object::Dictionary(f) => f.get(b"FontDescriptor").ok().cloned(),
                Object::Reference(r) => doc
                    .get_dictionary(*r)
                    .ok()
                    .and_then(|f| f.get(b"FontDescriptor").ok().cloned()),
                _ => None,
            })
            .and_then(|o| o.as_reference().ok());
        let program = descriptor
            .and_then(|r| doc.get_dictionary(r).ok())
            .and_then(|fd| {
                [b"FontFile2".as_slice(), b"FontFile3", b"FontFile"]
                    .iter()
                    .find_map(|k| fd.get(k).and_then(Object::as_reference).ok())
            })
            .and_then(|r| doc.get_object(r).ok())
            .and_then(|o| o.as_stream().ok())
            .map(|s| s.content.as_slice())
            .unwrap_or(base);
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in name.iter().chain(program) {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut tagged = Vec::with_capacity(name.len() + 7);
        for _ in 0..6 {
            tagged.push(b'A' + (hash % 26) as u8);
            hash /= 26;
        }
        tagged.push(b'+');
        tagged.extend_from_slice(&name);
        renames.push((id, descriptor, tagged));
    }
    for (id, descriptor, tagged) in renames {
        let mut descendant_ref = None;
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(id) {
            d.set("BaseFont", Object::Name(tagged.clone()));
            if let Ok(Object::Array(a)) = d.get_mut(b"DescendantFonts") {
                match a.first_mut() {
                    Some(Object::Dictionary(f)) => f.set("BaseFont", Object::Name(tagged.clone())),
                    Some(Object::Reference(r)) => descendant_ref = Some(*r),
                    _ => {}
                }
            }
        }
        if let Some(Ok(Object::Dictionary(f))) = descendant_ref.map(|r| doc.get_object_mut(r)) {
            f.set("BaseFont", Object::Name(tagged.clone()));
        }
        if let Some(Ok(Object::Dictionary(fd))) = descriptor.map(|r| doc.get_object_mut(r)) {
            fd.set("FontName", Object::Name(tagged));
        }
    }
}

/// The document information dictionary as PDF/A wants it: every entry that has an XMP
/// counterpart must match it, so entries printpdf writes empty (Author, Keywords) are left
/// out rather than mirrored as empty XMP properties, and PDF/X's version key (empty; this
/// is not a PDF/X file) and /Trapped are dropped.
fn pdfa_info(doc: &mut lopdf::Document) {
    use lopdf::Object;
    let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(info) {
        // Trapping is a prepress matter with no XMP counterpart written here.
        d.remove(b"GTS_PDFXVersion");
        d.remove(b"Trapped");
        let empty: Vec<Vec<u8>> = d
            .iter()
            .filter(|(_, v)| {
                matches!(v, Object::String(s, _) if s.is_empty() || s.as_slice() == [0xFE, 0xFF])
            })
            .map(|(k, _)| k.clone())
            .collect();
        for k in empty {
            d.remove(&k);
        }
    }
}

/// printpdf's parse of a bundled font, made once per process and cloned for each
/// document (parsing the Noto faces again for every letter cost more than the clone).
fn parsed_font(index: usize, font: &fonts::Font) -> Option<ParsedFont> {
    use std::sync::OnceLock;
    static PARSED: [OnceLock<Option<ParsedFont>>; fonts::COUNT] =
        [const { OnceLock::new() }; fonts::COUNT];
    PARSED
        .get(index)?
        .get_or_init(|| ParsedFont::from_bytes(font.data, 0, &mut Vec::new()))
        .clone()
}

/// Flate level for the PDF's streams. lopdf's own `Document::compress` uses level 9, which
/// took a third of the typesetting time for a few percent of size; level 6 (zlib's
/// default) gives nearly the same size much faster. Fixed, so the output stays the same
/// bytes for the same request.
const FLATE_LEVEL: u32 = 6;

/// Compress every stream that has no filter yet and allows it (as `lopdf::Document::compress`
/// does, at [`FLATE_LEVEL`]), keeping a stream as is when compression would not shrink it.
/// The streams are shared between two threads; each stream's bytes do not depend on that.
fn compress_streams(doc: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => {
                Some(s)
            }
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

fn layout_table(
    shaper: &mut Shaper<'_>,
    header: Option<&Vec<Vec<Inline>>>,
    rows: &[Vec<Vec<Inline>>],
    content_w: f32,
    rtl: bool,
) -> Laid {
    let n = header
        .map(|h| h.len())
        .into_iter()
        .chain(rows.iter().map(|r| r.len()))
        .max()
        .unwrap_or(1)
        .max(1);
    // Natural and minimal widths per column.
    let mut natural = vec![0f32; n];
    let mut minimal = vec![0f32; n];
    let all_rows = header.into_iter().chain(rows.iter());
    for row in all_rows {
        for (c, cell) in row.iter().enumerate() {
            let laid = shaper.layout(
                &spans(cell, TABLE, false, Colour::Black),
                f32::INFINITY,
                rtl,
            );
            let w = laid.lines.iter().map(|l| l.width).fold(0.0, f32::max);
            natural[c] = natural[c].max(w + 2.0 * CELL_PAD);
            minimal[c] =
                minimal[c].max(laid.max_segment.min(content_w / n as f32) + 2.0 * CELL_PAD);
        }
    }
    let total_natural: f32 = natural.iter().sum();
    let cols: Vec<f32> = if total_natural <= content_w {
        let extra = (content_w - total_natural) / n as f32;
        natural.iter().map(|w| w + extra).collect()
    } else {
        let total_min: f32 = minimal.iter().sum();
        if total_min >= content_w {
            minimal.iter().map(|w| w * content_w / total_min).collect()
        } else {
            let flex: f32 = natural.iter().zip(&minimal).map(|(a, b)| a - b).sum();
            natural
                .iter()
                .zip(&minimal)
                .map(|(nat, min)| {
                    min + if flex > 0.0 {
                        (nat - min) / flex * (content_w - total_min)
                    } else {
                        0.0
                    }
                })
                .collect()
        }
    };
    let mut lay_row = |row: &Vec<Vec<Inline>>| -> Vec<Vec<Line>> {
        (0..n)
            .map(|c| match row.get(c) {
                Some(cell) => {
                    shaper
                        .layout(
                            &spans(cell, TABLE, false, Colour::Black),
                            cols[c] - 2.0 * CELL_PAD,
                            rtl,
                        )
                        .lines
                }
                None => Vec::new(),
            })
            .collect()
    };
    let header = header.map(&mut lay_row);
    let rows = rows.iter().map(&mut lay_row).collect();
    Laid::Table { cols, header, rows }
}

fn row_height(row: &[Vec<Line>]) -> f32 {
    row.iter().map(|c| block_height(c)).fold(0.0, f32::max) + 2.0 * CELL_PAD
}

/// Height the next blocks need on the same page as a heading (keep-with-next).
fn follow_height(rest: &[Laid]) -> f32 {
    match rest.first() {
        None => 0.0,
        Some(Laid::Lines {
            lines,
            keep_with_next,
            space_before,
            ..
        }) => {
            if *keep_with_next {
                block_height(lines) + space_before + follow_height(&rest[1..])
            } else {
                lines.iter().take(2).map(|l| l.height).sum::<f32>() + space_before
            }
        }
        Some(Laid::Table { header, rows, .. }) => {
            header.as_ref().map(|h| row_height(h)).unwrap_or(0.0)
                + rows
                    .first()
                    .map(|r| {
                        r.iter()
                            .map(|c| c.iter().take(2).map(|l| l.height).sum::<f32>())
                            .fold(0.0, f32::max)
                            + 2.0 * CELL_PAD
                    })
                    .unwrap_or(0.0)
        }
    }
}

fn place_lines(pager: &mut Pager, block: Laid, follow: f32) {
    let Laid::Lines {
        lines,
        number,
        indent,
        align,
        space_before,
        space_after,
        keep_together,
        keep_with_next,
        frame,
    } = block
    else {
        return;
    };
    let height = block_height(&lines);
    let before = if pager.at_top() { 0.0 } else { space_before };
    let mut need = before + height;
    if keep_with_next {
        need += follow.min(pager.capacity() / 2.0);
    }
    if (keep_together || keep_with_next)
        && need > pager.remaining()
        && !pager.at_top()
        && height <= pager.capacity()
    {
        pager.new_page();
    } else if lines.len() >= 2
        && pager.remaining() < before + lines[0].height + lines[1].height
        && !pager.at_top()
    {
        // No orphan: never leave a paragraph's first line alone at a page bottom.
        pager.new_page();
    }
    if !pager.at_top() {
        pager.y -= space_before;
    }
    let content_w = pager.page_w - 2.0 * MARGIN_X;
    let frame_top = pager.y + if frame.is_some() { 6.0 } else { 0.0 };
    let mut number = number;
    for (i, line) in lines.into_iter().enumerate() {
        if line.height > pager.remaining() + 0.01 && !pager.at_top() {
            pager.new_page();
        }
        let top = pager.y;
        let (box_left, box_w) = if pager.rtl {
            (MARGIN_X, content_w - indent)
        } else {
            (MARGIN_X + indent, content_w - indent)
        };
        let x = pager.line_x(align, box_left, box_w, line.width);
        if i == 0 {
            if let Some(num) = number.take() {
                let nx = if pager.rtl {
                    MARGIN_X + content_w - num.width
                } else {
                    MARGIN_X
                };
                pager.place_line(num, nx, top);
            }
        }
        let height = line.height;
        pager.place_line(line, x, top);
        pager.y -= height;
    }
    if let Some(c) = frame {
        let bottom = pager.y - 4.0;
        pager.push(Item::Rect {
            x: MARGIN_X,
            y: bottom,
            w: content_w,
            h: frame_top - bottom,
            fill: None,
            stroke: Some(rgb(c)),
        });
    }
    pager.y -= space_after;
}

fn place_table(
    pager: &mut Pager,
    cols: &[f32],
    header: Option<&Vec<Vec<Line>>>,
    rows: &[Vec<Vec<Line>>],
) {
    let header_h = header.map(|h| row_height(h)).unwrap_or(0.0);
    if !pager.at_top() {
        pager.y -= 4.0;
    }
    let first_need = header_h
        + rows
            .first()
            .map(|r| row_height(r).min(3.0 * TABLE * 1.42 + 2.0 * CELL_PAD))
            .unwrap_or(0.0);
    if first_need > pager.remaining() && !pager.at_top() {
        pager.new_page();
    }
    let draw_header = |pager: &mut Pager| {
        if let Some(h) = header {
            let starts = vec![0usize; h.len()];
            draw_row(pager, cols, h, &starts, usize::MAX, true);
        }
    };
    draw_header(pager);
    for row in rows {
        let mut starts = vec![0usize; row.len()];
        loop {
            // The height of what is left of the row (measured in place: copying the rest
            // of the row's lines for every page it runs onto made a long cell quadratic).
            let h = row
                .iter()
                .zip(&starts)
                .map(|(c, &s)| block_height(&c[s.min(c.len())..]))
                .fold(0.0, f32::max)
                + 2.0 * CELL_PAD;
            if h <= pager.remaining() + 0.01 {
                draw_row(pager, cols, row, &starts, usize::MAX, false);
                break;
            }
            if h + header_h <= pager.capacity() && !pager.at_top() {
                pager.new_page();
                draw_header(pager);
                continue;
            }
            // The row is taller than a page: split it between its lines.
            let avail = pager.remaining() - 2.0 * CELL_PAD;
            let mut ends = starts.clone();
            for (c, cell) in row.iter().enumerate() {
                let mut used = 0.0;
                while ends[c] < cell.len() && used + cell[ends[c]].height <= avail {
                    used += cell[ends[c]].height;
                    ends[c] += 1;
                }
            }
            if ends == starts {
                pager.new_page();
                draw_header(pager);
                if pager.remaining() - 2.0 * CELL_PAD < TABLE * 1.42 {
                    // Not even one line fits under the header: give up splitting finely.
                    draw_row(pager, cols, row, &starts, usize::MAX, false);
                    break;
                }
                continue;
            }
            draw_row_range(pager, cols, row, &starts, &ends, false);
            starts = ends;
            pager.new_page();
            draw_header(pager);
        }
    }
    pager.y -= 6.0;
}

fn draw_row(
    pager: &mut Pager,
    cols: &[f32],
    row: &[Vec<Line>],
    starts: &[usize],
    _end: usize,
    header: bool,
) {
    let ends: Vec<usize> = row.iter().map(|c| c.len()).collect();
    draw_row_range(pager, cols, row, starts, &ends, header);
}

fn draw_row_range(
    pager: &mut Pager,
    cols: &[f32],
    row: &[Vec<Line>],
    starts: &[usize],
    ends: &[usize],
    header: bool,
) {
    let h = row
        .iter()
        .enumerate()
        .map(|(c, cell)| {
            let s = starts.get(c).copied().unwrap_or(0).min(cell.len());
            let e = ends
                .get(c)
                .copied()
                .unwrap_or(cell.len())
                .min(cell.len())
                .max(s);
            block_height(&cell[s..e])
        })
        .fold(0.0, f32::max)
        + 2.0 * CELL_PAD;
    let top = pager.y;
    let total_w: f32 = cols.iter().sum();
    let mut x_edge = MARGIN_X;
    for (c, w) in cols.iter().enumerate() {
        // Columns run from the right in right-to-left letters.
        let left = if pager.rtl {
            MARGIN_X + total_w - (x_edge - MARGIN_X) - w
        } else {
            x_edge
        };
        pager.push(Item::Rect {
            x: left,
            y: top - h,
            w: *w,
            h,
            fill: header.then_some([0.92, 0.92, 0.92]),
            stroke: Some([0.45, 0.45, 0.45]),
        });
        if let Some(cell) = row.get(c) {
            let s = starts.get(c).copied().unwrap_or(0).min(cell.len());
            let e = ends
                .get(c)
                .copied()
                .unwrap_or(cell.len())
                .min(cell.len())
                .max(s);
            let mut y = top - CELL_PAD;
            for line in &cell[s..e] {
                let x = pager.line_x(
                    Align::Start,
                    left + CELL_PAD,
                    w - 2.0 * CELL_PAD,
                    line.width,
                );
                pager.place_line(line.clone(), x, y);
                y -= line.height;
            }
        }
        x_edge += w;
    }
    pager.y -= h;
}

/// Lines of the reference a page header shows at most: three fill the space between the
/// header's top and the body's (36 and 74 pt from the page's top, 9.6 pt a line).
const HEADER_REFERENCE_LINES: usize = 3;

/// Characters of the reference the header lays out at most: more than three lines hold
/// at 8 pt in the header's width (0.4 of the text width) unless the characters are
/// invisible, so the header's work does not grow with the reference.
const HEADER_REFERENCE_CHARS: usize = 1000;

/// The page header's reference lines, laid out once for all pages. A reference that takes
/// more than [`HEADER_REFERENCE_LINES`] is cut where the last of them ends, with an
/// ellipsis: the letter's first lines show it in full ("Our reference: ..."). Laid out on
/// every page, a long reference cost its whole length again for each page it made.
fn header_reference(shaper: &mut Shaper<'_>, reference: &str, width: f32, rtl: bool) -> Vec<Line> {
    let lay = |shaper: &mut Shaper<'_>, text: String| {
        shaper
            .layout(
                &[Span {
                    text,
                    style: Style {
                        bold: false,
                        size: 8.0,
                        colour: Colour::Grey,
                    },
                }],
                width,
                rtl,
            )
            .lines
    };
    let ends: Vec<usize> = reference
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([reference.len()])
        .take(HEADER_REFERENCE_CHARS)
        .collect();
    if ends.last() == Some(&reference.len()) {
        let lines = lay(shaper, reference.to_owned());
        if lines.len() <= HEADER_REFERENCE_LINES {
            return lines;
        }
    }
    // The longest prefix (in characters) that fits in the lines with the ellipsis.
    let clipped = |k: usize| format!("{}…", reference[..ends[k - 1]].trim_end());
    let (mut fits, mut over) = (0, ends.len() + 1);
    while over - fits > 1 {
        let k = (fits + over) / 2;
        if lay(shaper, clipped(k)).len() <= HEADER_REFERENCE_LINES {
            fits = k;
        } else {
            over = k;
        }
    }
    let text = if fits == 0 {
        "…".to_owned()
    } else {
        clipped(fits)
    };
    let mut lines = lay(shaper, text);
    lines.truncate(HEADER_REFERENCE_LINES);
    lines
}

#[allow(clippy::too_many_arguments)]
fn add_furniture(
    shaper: &mut Shaper<'_>,
    items: &mut Vec<Item>,
    letter: &Letter,
    reference: &[Line],
    options: &PdfOptions,
    pager: &Pager,
    page: usize,
    total: usize,
) {
    let content_w = pager.page_w - 2.0 * MARGIN_X;
    let style = |colour| Style {
        bold: false,
        size: 8.0,
        colour,
    };
    let one_line = |shaper: &mut Shaper<'_>, text: &str, colour, width: f32| -> Vec<Line> {
        shaper
            .layout(
                &[Span {
                    text: text.to_owned(),
                    style: style(colour),
                }],
                width,
                letter.rtl,
            )
            .lines
    };
    let start_x = |w: f32| {
        if letter.rtl {
            MARGIN_X + content_w - w
        } else {
            MARGIN_X
        }
    };
    let end_x = |w: f32| {
        if letter.rtl {
            MARGIN_X
        } else {
            MARGIN_X + content_w - w
        }
    };
    let header_top = pager.page_h - 36.0;
    let mut y = header_top;
    for line in reference.iter().cloned() {
        let x = start_x(line.width);
        push_line(items, line, x, &mut y);
    }
    let mut y2 = header_top;
    if let Some(notice) = &letter.draft_notice {
        for line in one_line(shaper, notice, Colour::Red, content_w * 0.58) {
            let x = end_x(line.width);
            push_line(items, line, x, &mut y2);
        }
    }
    let rule_y = y.min(y2) - 3.0;
    items.push(Item::Rect {
        x: MARGIN_X,
        y: rule_y,
        w: content_w,
        h: 0.4,
        fill: Some([0.6, 0.6, 0.6]),
        stroke: None,
    });

    let label = letter
        .page_label
        .replace("{page}", &page.to_string())
        .replace("{pages}", &total.to_string());
    let mut fy = 44.0;
    for line in one_line(shaper, &label, Colour::Black, content_w) {
        let x = MARGIN_X + (content_w - line.width) / 2.0;
        push_line(items, line, x, &mut fy);
    }
    if options.seal_box {
        let (w, h) = (110.0, 46.0);
        let x = end_x(w);
        items.push(Item::Rect {
            x,
            y: 16.0,
            w,
            h,
            fill: None,
            stroke: Some([0.3, 0.3, 0.3]),
        });
        let mut ly = 16.0 + h - 2.0;
        for line in one_line(shaper, &letter.seal_box_label, Colour::Grey, w - 6.0) {
            let lx = if letter.rtl {
                x + w - 3.0 - line.width
            } else {
                x + 3.0
            };
            push_line(items, line, lx, &mut ly);
        }
    }
}

fn push_line(items: &mut Vec<Item>, line: Line, x: f32, top: &mut f32) {
    let baseline = *top - (line.height - line.size) / 2.0 - line.size * 0.8;
    *top -= line.height;
    items.push(Item::Line { line, x, baseline });
}
