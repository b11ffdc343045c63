//! Paragraph layout: font choice per character, bidi (unicode-bidi), shaping (rustybuzz)
//! and line breaking (unicode-linebreak), producing lines of positioned glyphs.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use unicode_bidi::{BidiInfo, Level};
use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::fonts::{self, Font};

/// Text colours used in the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Colour {
    Black,
    Grey,
    Red,
    DarkRed,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub bold: bool,
    pub size: f32,
    pub colour: Colour,
}

/// A run of text in one style; `\n` forces a line break.
#[derive(Debug, Clone)]
pub(crate) struct Span {
    pub text: String,
    pub style: Style,
}

/// A glyph placed on a line: `x` from the line's left edge, `y` from its baseline.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    /// The font's index (there are fewer than 256; a byte keeps a glyph at 28 bytes, and
    /// a long letter has a glyph for about every byte of its text).
    pub font: u8,
    pub gid: u16,
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub colour: Colour,
    /// The text this glyph stands for (for the ToUnicode map), in its line's `text`.
    pub text: GlyphText,
}

#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The paragraph the line comes from (shared by its lines), which the glyphs' text
    /// ranges point into.
    pub text: Arc<str>,
    pub width: f32,
    /// Distance from this line's top to the next line's top.
    pub height: f32,
    /// Largest font size on the line (for the baseline).
    pub size: f32,
    pub glyphs: Vec<Glyph>,
}

pub(crate) struct Shaper<'a> {
    pub fonts: &'a [Font],
    pub lang: &'a str,
    pub line_factor: f32,
    /// Characters no bundled font can draw.
    pub missing: BTreeSet<char>,
    /// Runs already shaped in this document, by font and direction, then text, unscaled:
    /// a table cell is shaped once to measure the columns and laid out again at the
    /// column width, and labels repeat. Shaping depends on nothing else. (Two levels so
    /// that a lookup borrows the run's text instead of allocating a key.)
    pub memo: std::collections::HashMap<
        (usize, bool),
        std::collections::HashMap<String, Vec<ShapedGlyph>>,
    >,
    /// Whether a face has a glyph for a character below [`GLYPH_MEMO_CHARS`], as found
    /// in this document so far (0 not looked up, 1 no, 2 yes): font choice asks this for
    /// every character and a cmap lookup is a binary search.
    pub has_glyph: GlyphMemo,
}

/// Runs longer than this (bytes) are not memoized (see [`Shaper::memo`]): the runs that
/// repeat are labels and table cells, and a memoized run is kept twice (unscaled in the
/// memo, scaled in the paragraph) until the document is laid out.
const MEMO_MAX_BYTES: usize = 4096;

/// Characters whose glyph lookups [`GlyphMemo`] remembers (Latin, Greek, Cyrillic,
/// Hebrew, Arabic and the other scripts of the first 2048 code points).
const GLYPH_MEMO_CHARS: usize = 0x800;

/// See [`Shaper::has_glyph`].
pub(crate) struct GlyphMemo(Vec<u8>);

impl Default for GlyphMemo {
    fn default() -> Self {
        GlyphMemo(vec![0; GLYPH_MEMO_CHARS * fonts::COUNT])
    }
}

impl GlyphMemo {
    fn has(&mut self, fonts: &[Font], font: usize, c: char) -> bool {
        let i = c as usize;
        if i >= GLYPH_MEMO_CHARS {
            return fonts::has_glyph(&fonts[font], c);
        }
        let slot = &mut self.0[font * GLYPH_MEMO_CHARS + i];
        if *slot == 0 {
            *slot = if fonts::has_glyph(&fonts[font], c) {
                2
            } else {
                1
            };
        }
        *slot == 2
    }
}

/// Byte ranges of a paragraph's text and their styles.
type StyleRanges = Vec<(Range<usize>, Style)>;

/// The text a glyph stands for, as byte offsets (in its run while shaping, in its line's
/// paragraph once placed): no string is allocated per glyph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum GlyphText {
    /// An invisible cluster (default-ignorable characters only).
    None,
    /// A mark or another part of a cluster whose text another glyph carries.
    Empty,
    /// The cluster's text: `text[start..end]`.
    Cluster(u32, u32),
}

impl Line {
    /// The text a glyph of this line stands for: `None` for an invisible cluster, `""`
    /// for the second and later glyphs of one cluster.
    pub fn glyph_text(&self, glyph: &Glyph) -> Option<&str> {
        match glyph.text {
            GlyphText::None => None,
            GlyphText::Empty => Some(""),
            GlyphText::Cluster(a, b) => self.text.get(a as usize..b as usize),
        }
    }
}

#[derive(Clone)]
pub(crate) struct ShapedGlyph {
    gid: u16,
    /// Byte offset of the glyph's cluster (in its run while shaping, in its paragraph
    /// once scaled): four bytes, as in [`GlyphText`], since a long paragraph has a
    /// shaped glyph for about every byte.
    cluster: u32,
    adv: f32,
    x_off: f32,
    y_off: f32,
    text: GlyphText,
}

struct Run {
    range: Range<usize>,
    level: Level,
    font: usize,
    style: Style,
    glyphs: Vec<ShapedGlyph>,
}

/// A laid-out paragraph, and the widest unbreakable piece of it (for table columns).
pub(crate) struct Laid {
    pub lines: Vec<Line>,
    pub max_segment: f32,
}

impl Shaper<'_> {
    /// Lay out styled text into lines no wider than `width` (use `f32::INFINITY` to measure).
    pub fn layout(&mut self, spans: &[Span], width: f32, rtl: bool) -> Laid {
        // Split into sub-paragraphs at forced breaks, keeping the styles.
        let mut paras: Vec<(String, StyleRanges)> = vec![(String::new(), vec![])];
        let default_style = spans.first().map(|s| s.style).unwrap_or(Style {
            bold: false,
            size: 10.0,
            colour: Colour::Black,
        });
        for span in spans {
            let text = span.text.replace(
                ['\u{2028}', '\u{2029}', '\u{85}', '\u{b}', '\u{c}', '\r'],
                "\n",
            );
            for (i, piece) in text.split('\n').enumerate() {
                if i > 0 {
                    paras.push((String::new(), vec![]));
                }
                let (s, styles) = paras.last_mut().expect("never empty");
                if !piece.is_empty() {
                    let start = s.len();
                    s.push_str(piece);
                    styles.push((start..s.len(), span.style));
                }
            }
        }
        let mut out = Laid {
            lines: Vec::new(),
            max_segment: 0.0,
        };
        for (text, styles) in paras {
            let style = styles.first().map(|s| s.1).unwrap_or(default_style);
            if text.is_empty() {
                out.lines.push(Line {
                    text: Arc::from(""),
                    width: 0.0,
                    height: style.size * self.line_factor,
                    size: style.size,
                    glyphs: Vec::new(),
                });
                continue;
            }
            self.layout_para(&text, &styles, width, rtl, &mut out);
        }
        out
    }

    fn style_at(styles: &[(Range<usize>, Style)], i: usize) -> Style {
        // The ranges are in text order and do not overlap (a binary search, not a scan
        // for every character).
        let k = styles.partition_point(|(r, _)| r.end <= i);
        styles
            .get(k)
            .filter(|(r, _)| r.contains(&i))
            .or(styles.last())
            .map(|s| s.1)
            .expect("styles of a non-empty paragraph")
    }

    /// The font of each byte of `s` (an index into the fonts, of which there are fewer
    /// than 256: one byte each, not eight, as the paragraph may be a megabyte long).
    fn choose_fonts(&mut self, s: &str, styles: &[(Range<usize>, Style)]) -> Vec<u8> {
        let mut chosen = vec![0u8; s.len()];
        let mut prev: Option<usize> = None;
        for (i, c) in s.char_indices() {
            let style = Self::style_at(styles, i);
            let stack = fonts::stack(self.lang, style.bold);
            let all = self.fonts;
            let memo = &mut self.has_glyph;
            // ASCII (digits, spaces, Latin punctuation) always comes from the first face
            // of the stack that has it, so "1 / 6" next to Chinese keeps Latin spacing.
            let ascii = if c.is_ascii() {
                stack.iter().copied().find(|&f| memo.has(all, f, c))
            } else {
                None
            };
            let font = if fonts::is_default_ignorable(c) {
                prev.unwrap_or(stack[0])
            } else if let Some(f) = ascii {
                f
            } else if let Some(p) =
                prev.filter(|&p| fonts::is_neutral(c) && memo.has(all, p, c) && stack.contains(&p))
            {
                p
            } else if let Some(&f) = stack.iter().find(|&&f| memo.has(all, f, c)) {
                f
            } else {
                if !c.is_whitespace() {
                    self.missing.insert(c);
                }
                stack[0]
            };
            chosen[i..i + c.len_utf8()].fill(font as u8);
            prev = Some(font);
        }
        chosen
    }

    /// Shape one run: glyphs in font units, clusters relative to the run's start.
    fn shape_run(&self, s: &str, run: &Run) -> Vec<ShapedGlyph> {
        let font = &self.fonts[run.font];
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&s[run.range.clone()]);
        buffer.set_direction(if run.level.is_rtl() {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        buffer.guess_segment_properties();
        // `guess_segment_properties` leaves the script unset for text of common characters
        // only (digits, punctuation), which `script()` reports as UNKNOWN: plan it as unset,
        // exactly as `rustybuzz::shape` does.
        let script = Some(buffer.script()).filter(|s| *s != rustybuzz::script::UNKNOWN);
        let plan = shape_plan(run.font, font, buffer.direction(), script);
        let shaped = rustybuzz::shape_with_plan(&font.face, &plan, buffer);
        let mut out = Vec::with_capacity(shaped.len());
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        let mut clusters: Vec<u32> = infos.iter().map(|g| g.cluster).collect();
        clusters.sort_unstable();
        clusters.dedup();
        // The glyph with the largest advance in a cluster (the base) carries the cluster's
        // text for the ToUnicode map; marks and other parts carry "", so a vowel mark is not
        // extracted twice nor before its letter.
        // By cluster (its index in `clusters`): the carrier glyph and its advance.
        let mut carrier: Vec<Option<(u32, i32)>> = vec![None; clusters.len()];
        for (gi, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let k = clusters.partition_point(|&x| x < info.cluster);
            let e = &mut carrier[k];
            if e.is_none_or(|(_, adv)| pos.x_advance > adv) {
                *e = Some((gi as u32, pos.x_advance));
            }
        }
        for (gi, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let c = info.cluster as usize;
            let k = clusters.partition_point(|&x| x < info.cluster);
            let end = clusters
                .get(k + 1)
                .map(|&e| e as usize)
                .unwrap_or(run.range.len());
            let text = &s[run.range.start + c..run.range.start + end];
            let visible = text.chars().any(|ch| !fonts::is_default_ignorable(ch));
            let text = if !visible {
                GlyphText::None
            } else if carrier[k].map(|e| e.0) == Some(gi as u32) {
                GlyphText::Cluster(c as u32, end as u32)
            } else {
                GlyphText::Empty
            };
            out.push(ShapedGlyph {
                gid: info.glyph_id as u16,
                cluster: info.cluster,
                adv: pos.x_advance as f32,
                x_off: pos.x_offset as f32,
                y_off: pos.y_offset as f32,
                text,
            });
        }
        out
    }

    fn layout_para(
        &mut self,
        s: &str,
        styles: &[(Range<usize>, Style)],
        width: f32,
        rtl: bool,
        out: &mut Laid,
    ) {
        let bidi = Bidi::new(s, rtl);
        let chosen = self.choose_fonts(s, styles);
        let mut runs = Self::itemize(s, styles, &bidi, &chosen);
        self.shape_runs(s, &mut runs);
        let (cum, cluster_start) = advances(s, &runs);
        let ranges = break_lines(s, &cum, &cluster_start, width, &mut out.max_segment);
        let shared: Arc<str> = Arc::from(s);
        for range in ranges {
            let line = self.line(s, &shared, styles, &bidi, &runs, range);
            out.lines.push(line);
        }
    }

    /// Runs of one level, font and style.
    fn itemize(
        s: &str,
        styles: &[(Range<usize>, Style)],
        bidi: &Bidi<'_>,
        chosen: &[u8],
    ) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for (i, _) in s.char_indices() {
            let level = bidi.levels()[i];
            let font = chosen[i] as usize;
            let style = Self::style_at(styles, i);
            match runs.last_mut() {
                Some(r) if r.level == level && r.font == font && r.style == style => {}
                _ => {
                    if let Some(r) = runs.last_mut() {
                        r.range.end = i;
                    }
                    runs.push(Run {
                        range: i..s.len(),
                        level,
                        font,
                        style,
                        glyphs: Vec::new(),
                    });
                }
            }
        }
        runs
    }

    /// Shape every run (through the memo unless it is very long), with its glyphs' clusters
    /// made paragraph offsets and their advances scaled to the run's size.
    fn shape_runs(&mut self, s: &str, runs: &mut [Run]) {
        for run in runs.iter_mut() {
            let text = &s[run.range.clone()];
            let scale = run.style.size / self.fonts[run.font].upem;
            if text.len() > MEMO_MAX_BYTES {
                // Shaped once and scaled in place: no copy kept for a repeat that a run
                // this long will not have.
                run.glyphs = self.shape_run(s, run);
                for g in &mut run.glyphs {
                    g.cluster += run.range.start as u32;
                    g.adv *= scale;
                    g.x_off *= scale;
                    g.y_off *= scale;
                }
                continue;
            }
            let memo = self.memo.entry((run.font, run.level.is_rtl())).or_default();
            if !memo.contains_key(text) {
                let glyphs = self.shape_run(s, run);
                self.memo
                    .entry((run.font, run.level.is_rtl()))
                    .or_default()
                    .insert(text.to_owned(), glyphs);
            }
            let unscaled = &self.memo[&(run.font, run.level.is_rtl())][text];
            run.glyphs = unscaled
                .iter()
                .map(|g| ShapedGlyph {
                    cluster: run.range.start as u32 + g.cluster,
                    adv: g.adv * scale,
                    x_off: g.x_off * scale,
                    y_off: g.y_off * scale,
                    ..*g
                })
                .collect();
        }
    }

    /// One line of the paragraph: the glyphs of `range` (trailing spaces left out) in
    /// visual order.
    fn line(
        &self,
        s: &str,
        shared: &Arc<str>,
        styles: &[(Range<usize>, Style)],
        bidi: &Bidi<'_>,
        runs: &[Run],
        range: Range<usize>,
    ) -> Line {
        let end = trimmed(s, range.start, range.end);
        let mut line_size: f32 = styles.iter().map(|(_, st)| st.size).fold(0.0, f32::max);
        // About one glyph a byte in Latin text (an estimate: a glyph vector grown one
        // push at a time reallocated several times a line).
        let mut glyphs = Vec::with_capacity(end - range.start);
        let mut x = 0f32;
        if end > range.start {
            for (vr, level) in bidi.visual_runs(range.start..end) {
                // The runs tile the paragraph in order: those overlapping the visual
                // run are one slice of them, found by binary search (a scan of all the
                // paragraph's runs for every line was quadratic in mixed-script text).
                let first = runs.partition_point(|r| r.range.end <= vr.start);
                let last = runs.partition_point(|r| r.range.start < vr.end);
                let mut pieces: Vec<&Run> = runs[first..last.max(first)]
                    .iter()
                    .filter(|r| r.range.start < vr.end && vr.start < r.range.end)
                    .collect();
                if level.is_rtl() {
                    pieces.reverse();
                }
                for run in pieces {
                    line_size = line_size.max(run.style.size);
                    place_glyphs(run, &vr, &mut x, &mut glyphs);
                }
            }
        }
        Line {
            text: shared.clone(),
            width: x,
            height: line_size * self.line_factor,
            size: line_size,
            glyphs,
        }
    }
}

/// Advance per byte (at cluster starts) and its prefix sums, and which bytes start a
/// cluster.
fn advances(s: &str, runs: &[Run]) -> (Vec<f32>, Vec<bool>) {
    let mut cum = vec![0f32; s.len() + 1];
    let mut cluster_start = vec![false; s.len() + 1];
    for run in runs {
        for g in &run.glyphs {
            cum[g.cluster as usize + 1] += g.adv;
            cluster_start[g.cluster as usize] = true;
        }
    }
    cluster_start[s.len()] = true;
    for i in 0..s.len() {
        cum[i + 1] += cum[i];
    }
    (cum, cluster_start)
}

/// The end of `s[a..b]` without its trailing white space.
fn trimmed(s: &str, a: usize, b: usize) -> usize {
    a + s[a..b].trim_end().len()
}

/// Greedy line breaking at the opportunities of UAX #14: the byte ranges of the lines.
/// Also raises `max_segment` to the widest unbreakable piece.
fn break_lines(
    s: &str,
    cum: &[f32],
    cluster_start: &[bool],
    width: f32,
    max_segment: &mut f32,
) -> Vec<Range<usize>> {
    let w = |a: usize, b: usize| cum[b] - cum[a];
    let seg = |a: usize, b: usize| w(a, trimmed(s, a, b));
    let breaks: Vec<(usize, BreakOpportunity)> = linebreaks(s).collect();
    let mut prev_break = 0;
    for &(pos, _) in &breaks {
        *max_segment = max_segment.max(seg(prev_break, pos));
        prev_break = pos;
    }
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut start = 0usize;
    let mut last_ok: Option<usize> = None;
    let mut i = 0;
    while i < breaks.len() {
        let (pos, op) = breaks[i];
        if pos <= start {
            i += 1;
            continue;
        }
        if seg(start, pos) <= width {
            if op == BreakOpportunity::Mandatory && pos < s.len() {
                ranges.push(start..pos);
                start = pos;
                last_ok = None;
            } else {
                last_ok = Some(pos);
            }
            i += 1;
            continue;
        }
        if let Some(lo) = last_ok.take() {
            ranges.push(start..lo);
            start = lo;
            continue;
        }
        // One piece longer than the line (a 5 000-character name): cut it at cluster
        // boundaries so it wraps instead of running off the page. Every pass moves
        // `start` forward, so this ends.
        let mut fit = start;
        let mut cut = None;
        let ends = s[start..pos].char_indices().skip(1).map(|(o, _)| o);
        for off in ends.chain([pos - start]) {
            let b = start + off;
            if !cluster_start[b] {
                continue;
            }
            if w(start, b) > width {
                cut = Some(if fit > start { fit } else { b });
                break;
            }
            fit = b;
        }
        match cut {
            Some(c) if c < pos => {
                ranges.push(start..c);
                start = c;
            }
            _ => {
                ranges.push(start..pos);
                start = pos;
                i += 1;
            }
        }
    }
    if start < s.len() {
        ranges.push(start..s.len());
    }
    ranges
}

/// Place the glyphs of `run` that fall in the visual run `vr` at `x`, advancing it.
fn place_glyphs(run: &Run, vr: &Range<usize>, x: &mut f32, glyphs: &mut Vec<Glyph>) {
    // The run's glyphs in this visual run. Clusters are monotone in
    // the glyph order (rising left to right, falling right to left),
    // so the glyphs of a byte range are one slice of the run.
    let (vr_start, vr_end) = (vr.start as u32, vr.end as u32);
    let in_range = if run.level.is_rtl() {
        let a = run.glyphs.partition_point(|g| g.cluster >= vr_end);
        let b = run.glyphs.partition_point(|g| g.cluster >= vr_start);
        a..b.max(a)
    } else {
        let a = run.glyphs.partition_point(|g| g.cluster < vr_start);
        let b = run.glyphs.partition_point(|g| g.cluster < vr_end);
        a..b.max(a)
    };
    let start = run.range.start;
    for g in &run.glyphs[in_range] {
        debug_assert!(g.cluster >= vr_start && g.cluster < vr_end);
        if g.text != GlyphText::None || g.adv != 0.0 || g.x_off != 0.0 {
            glyphs.push(Glyph {
                font: run.font as u8,
                gid: g.gid,
                x: *x + g.x_off,
                y: g.y_off,
                size: run.style.size,
                colour: run.style.colour,
                text: match g.text {
                    GlyphText::Cluster(a, b) => {
                        GlyphText::Cluster(start as u32 + a, start as u32 + b)
                    }
                    other => other,
                },
            });
        }
        *x += g.adv;
    }
}

/// A paragraph's embedding levels, and its lines' runs in visual order.
enum Bidi<'a> {
    /// The Unicode Bidirectional Algorithm (unicode-bidi).
    Full(BidiInfo<'a>),
    /// A left-to-right paragraph with no right-to-left character (see [`ltr_levels`]).
    Ltr(Vec<Level>),
}

impl<'a> Bidi<'a> {
    fn new(s: &'a str, rtl: bool) -> Self {
        if !rtl {
            if let Some(levels) = ltr_levels(s) {
                return Bidi::Ltr(levels);
            }
        }
        let base = if rtl { Level::rtl() } else { Level::ltr() };
        Bidi::Full(BidiInfo::new(s, Some(base)))
    }

    /// The level of each byte of the paragraph.
    fn levels(&self) -> &[Level] {
        match self {
            Bidi::Full(b) => &b.levels,
            Bidi::Ltr(levels) => levels,
        }
    }

    /// The runs of one line (a byte range of the paragraph) in visual order, each with
    /// its level.
    fn visual_runs(&self, line: Range<usize>) -> Vec<(Range<usize>, Level)> {
        match self {
            Bidi::Full(bidi) => {
                // The paragraphs are in text order (a binary search, not a scan per line).
                let k = bidi
                    .paragraphs
                    .partition_point(|p| p.range.end <= line.start);
                let para = bidi
                    .paragraphs
                    .get(k)
                    .filter(|p| p.range.contains(&line.start))
                    .unwrap_or(&bidi.paragraphs[0]);
                let line = line.start..line.end.min(para.range.end);
                // `BidiInfo::visual_runs` copies the levels of the whole text for each
                // line (to apply rule L1 to the line's part of the copy), so a paragraph
                // of n lines cost n copies of itself. The same call on the line alone
                // reads and changes the same bytes (L1 and L2 look only inside the line)
                // and copies only the line.
                let own = BidiInfo {
                    text: &bidi.text[line.clone()],
                    original_classes: bidi.original_classes[line.clone()].to_vec(),
                    levels: bidi.levels[line.clone()].to_vec(),
                    paragraphs: vec![unicode_bidi::ParagraphInfo {
                        range: 0..line.len(),
                        level: para.level,
                    }],
                };
                let (levels, runs) = own.visual_runs(&own.paragraphs[0], 0..line.len());
                runs.into_iter()
                    .map(|r| {
                        let level = levels[r.start];
                        (line.start + r.start..line.start + r.end, level)
                    })
                    .collect()
            }
            // Every level is even: the line reads left to right in logical order, and its
            // glyphs come out the same whether it is one run or split where levels change.
            Bidi::Ltr(_) => vec![(line, Level::ltr())],
        }
    }
}

/// The levels the Unicode Bidirectional Algorithm gives a left-to-right paragraph made
/// only of characters of the classes L, EN, ES, ET, CS, NSM, ON, WS and S, and of
/// left-to-right or first-strong isolates (LRI, FSI, PDI), or `None` for any other text.
/// Officer text in a letter is wrapped in FSI ... PDI, so most paragraphs are of this
/// kind, and running the full algorithm on them took a sixth of the typesetting time.
///
/// In such text there is no strong right-to-left character, so every FSI is an LRI (X5c),
/// each open isolate raises the level by two (X5a; the initiator and its PDI keep the
/// outer level, an unmatched PDI changes nothing, X6a), and every character resolves to
/// L (W1-W7, N1-N2: the only strong type, and that of every sos and eos, is L), which
/// keeps its even level (I1). Rule L1 (trailing white space back to the paragraph level)
/// only changes levels within a line, which [`Bidi::visual_runs`] does not need.
fn ltr_levels(s: &str) -> Option<Vec<Level>> {
    use unicode_bidi::BidiClass::{CS, EN, ES, ET, L, NSM, ON, S, WS};
    const LRI: char = '\u{2066}';
    const FSI: char = '\u{2068}';
    const PDI: char = '\u{2069}';
    // Far below the algorithm's maximum depth (125), where overflow rules would apply.
    const MAX_OPEN: u8 = 60;
    let mut levels = Vec::with_capacity(s.len());
    let mut open: u8 = 0;
    for c in s.chars() {
        let level = match c {
            LRI | FSI => {
                let outer = open;
                open += 1;
                if open > MAX_OPEN {
                    return None;
                }
                outer
            }
            PDI => {
                open = open.saturating_sub(1);
                open
            }
            '\t' | ' '..='~' => open,
            _ if c.is_ascii() => return None,
            _ => match unicode_bidi::bidi_class(c) {
                L | EN | ES | ET | CS | NSM | ON | WS | S => open,
                _ => return None,
            },
        };
        let level = Level::new(level * 2).ok()?;
        levels.extend(std::iter::repeat_n(level, c.len_utf8()));
    }
    Some(levels)
}

/// Shape plans by font, direction and script. Building a plan compiles the font's
/// OpenType lookups for that script, which `rustybuzz::shape` redoes for every call; a
/// letter shapes hundreds of runs with a handful of distinct plans. The fonts are the
/// embedded ones (`'static`), so the plans are kept for the life of the process.
fn shape_plan(
    index: usize,
    font: &Font,
    direction: rustybuzz::Direction,
    script: Option<rustybuzz::Script>,
) -> std::sync::Arc<rustybuzz::ShapePlan> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    type Key = (usize, bool, Option<rustybuzz::Script>);
    static PLANS: OnceLock<Mutex<HashMap<Key, Arc<rustybuzz::ShapePlan>>>> = OnceLock::new();
    let key = (
        index,
        direction == rustybuzz::Direction::RightToLeft,
        script,
    );
    let plans = PLANS.get_or_init(Default::default);
    // A poisoned lock only means another thread panicked while inserting: the map is
    // still a valid cache.
    let mut plans = plans.lock().unwrap_or_else(|e| e.into_inner());
    plans
        .entry(key)
        .or_insert_with(|| {
            Arc::new(rustybuzz::ShapePlan::new(
                &font.face,
                direction,
                script,
                None,
                &[],
            ))
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random strings from characters of every class the fast path accepts, with
    /// isolates nested and unmatched, and some it must refuse.
    fn strings() -> Vec<String> {
        const ALPHABET: [char; 24] = [
            'a', 'Z', 'é', 'Ж', '中', ' ', ' ', '1', '.', ',', '-', '+', '$', '%', '(', '\t',
            '\u{301}', '\u{2014}', '\u{2066}', '\u{2068}', '\u{2069}', '\u{2068}', '\u{2069}',
            '\u{3000}',
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut out = Vec::new();
        for _ in 0..4000 {
            let len = (next() % 40) as usize;
            out.push(
                (0..len)
                    .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn left_to_right_fast_path_gives_the_levels_of_the_full_algorithm() {
        let mut checked = 0;
        for s in strings() {
            let Some(fast) = ltr_levels(&s) else {
                panic!("{s:?} is all of accepted classes");
            };
            let full = BidiInfo::new(&s, Some(Level::ltr()));
            assert_eq!(fast, full.levels, "{s:?}");
            checked += 1;
        }
        assert_eq!(checked, 4000);
    }

    #[test]
    fn fast_path_refuses_right_to_left_and_control_characters() {
        for s in [
            "abc \u{5d0}",        // Hebrew (R)
            "x \u{628}",          // Arabic (AL)
            "1 \u{663}",          // Arabic-Indic digit (AN)
            "a\u{2067}b\u{2069}", // RLI
            "a\u{202e}b",         // RLO
            "a\u{200f}",          // RLM
            "a\u{200b}b",         // ZWSP (BN)
            "a\u{1c}b",           // paragraph separator (B)
            "a\u{7}b",            // control (BN)
        ] {
            assert!(ltr_levels(s).is_none(), "{s:?}");
        }
        let deep = "\u{2066}".repeat(61) + "a";
        assert!(
            ltr_levels(&deep).is_none(),
            "isolates nested past the limit"
        );
    }
}
