//! Layout: blocks laid out into lines, paginated, tables split across pages, and the page
//! furniture (header, footer, page numbers, seal box) added, as items drawn on each page.

use std::collections::BTreeSet;

use mla_letter::{Block, Inline, InlineKind, Letter, ParagraphStyle};

use crate::fonts::Font;
use crate::text::{Colour, Line, Shaper, Span, Style};
use crate::{PdfError, PdfOptions};

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
pub(crate) enum Item {
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

pub(crate) fn rgb(c: Colour) -> [f32; 3] {
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

/// The letter laid out on pages of `page_w` × `page_h` points, as the items drawn on each
/// page, and the characters no bundled font can draw (sorted, once each).
pub(crate) fn lay_out(
    fonts: &[Font],
    letter: &Letter,
    options: &PdfOptions,
    (page_w, page_h): (f32, f32),
) -> Result<(Vec<Vec<Item>>, Vec<char>), PdfError> {
    let content_w = page_w - 2.0 * MARGIN_X;
    // 1. Lay out every block.
    let (laid, layout_missing) = lay_out_blocks(fonts, letter, content_w)?;
    // 2. Paginate.
    let mut pager = paginate(laid, page_w, page_h, letter.rtl);
    // 3. Page furniture.
    let (pages, furniture_missing) = furnish_pages(fonts, letter, options, &mut pager);
    let mut missing: Vec<char> = layout_missing.into_iter().collect();
    missing.extend(furniture_missing);
    missing.sort_unstable();
    missing.dedup();
    Ok((pages, missing))
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
