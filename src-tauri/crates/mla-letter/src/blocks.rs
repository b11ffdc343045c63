//! The letter as a small block tree, read from the HTML the templates produce.
//!
//! The templates write a restricted, well-formed XHTML vocabulary; anything outside it is
//! an error naming the element, never silently dropped. The PDF typesetter works on this
//! tree, so the HTML preview and the PDF come from the same templates.

use serde::Serialize;

use crate::LetterError;

/// What an inline run of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InlineKind {
    /// Wording from the template.
    Template,
    /// Text the officer typed.
    UserText,
    /// The "[needs translation from XX]" marker before officer text.
    NeedsTranslation,
    /// The placeholder shown for an empty field.
    Missing,
}

/// A run of text with one style. `\n` inside `text` is a forced line break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub kind: InlineKind,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphStyle {
    Body,
    /// Letterhead lines (sender, addressee).
    Letterhead,
    /// Aligned to the end of the line (right in left-to-right letters).
    End,
    /// The draft notice of an unreviewed template language.
    Draft,
    /// A prominent notice (urgent, confidential).
    Notice,
}

/// One block of the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    Paragraph {
        style: ParagraphStyle,
        /// The paragraph number, for numbered paragraphs.
        number: Option<u32>,
        inlines: Vec<Inline>,
    },
    Table {
        /// The header row, repeated on every page the table spans.
        header: Option<Vec<Vec<Inline>>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// Place, date, name and function of the signatory; kept together on one page.
    Signature {
        lines: Vec<Vec<Inline>>,
    },
}

struct Parser<'a> {
    template: &'a str,
    number: u32,
    blocks: Vec<Block>,
}

fn err(template: &str, message: String) -> LetterError {
    LetterError::Structure {
        template: template.to_owned(),
        message,
    }
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// Parse the HTML a letter template produced into blocks.
pub(crate) fn parse(template: &str, html: &str) -> Result<Vec<Block>, LetterError> {
    let body = html
        .trim_start()
        .strip_prefix("<!DOCTYPE html>")
        .unwrap_or(html);
    // Officer text may carry characters XML 1.0 cannot hold (a vertical tab pasted from a
    // word processor, other C0 controls, U+FFFE/U+FFFF); the templates never do. The view
    // replaces them in the fields it sanitizes (`view::sanitize`); any that reach here
    // become U+FFFD the same way, visibly, instead of failing the whole letter.
    let body = xml_safe(body);
    let doc = roxmltree::Document::parse(&body)
        .map_err(|e| err(template, format!("not well-formed XHTML: {e}")))?;
    let root = doc.root_element();
    let mut parser = Parser {
        template,
        number: 0,
        blocks: Vec::new(),
    };
    let body = root
        .children()
        .find(|n| n.has_tag_name("body"))
        .ok_or_else(|| err(template, "no <body>".to_owned()))?;
    parser.container(body, ParagraphStyle::Body)?;
    Ok(parser.blocks)
}

impl Parser<'_> {
    fn container(
        &mut self,
        node: roxmltree::Node<'_, '_>,
        default_style: ParagraphStyle,
    ) -> Result<(), LetterError> {
        for child in node.children() {
            if child.is_text() {
                let t = child.text().unwrap_or_default();
                if !t.trim().is_empty() {
                    return Err(err(
                        self.template,
                        format!("text outside a paragraph: {:?}", t.trim()),
                    ));
                }
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let class = child.attribute("class").unwrap_or_default();
            match child.tag_name().name() {
                "header" => self.container(child, ParagraphStyle::Letterhead)?,
                "h1" | "h2" | "h3" => {
                    let level = child.tag_name().name()[1..].parse().unwrap_or(2);
                    let inlines = self.inlines(child)?;
                    self.blocks.push(Block::Heading { level, inlines });
                }
                "p" => {
                    let style = match class {
                        "draft" => ParagraphStyle::Draft,
                        "end" => ParagraphStyle::End,
                        "urgent" => ParagraphStyle::Notice,
                        "num" | "" => default_style,
                        other => {
                            return Err(err(
                                self.template,
                                format!("unknown paragraph class {other:?}"),
                            ))
                        }
                    };
                    let number = if class == "num" {
                        self.number += 1;
                        Some(self.number)
                    } else {
                        None
                    };
                    let inlines = self.inlines(child)?;
                    self.blocks.push(Block::Paragraph {
                        style,
                        number,
                        inlines,
                    });
                }
                "table" => self.table(child)?,
                "div" if class == "signature" => {
                    let mut lines = Vec::new();
                    for p in child.children().filter(|n| n.is_element()) {
                        if !p.has_tag_name("p") {
                            return Err(err(
                                self.template,
                                format!("<{}> inside the signature block", p.tag_name().name()),
                            ));
                        }
                        lines.push(self.inlines(p)?);
                    }
                    self.blocks.push(Block::Signature { lines });
                }
                other => {
                    return Err(err(
                        self.template,
                        format!("element <{other}> is not part of the letter vocabulary"),
                    ))
                }
            }
        }
        Ok(())
    }

    fn table(&mut self, node: roxmltree::Node<'_, '_>) -> Result<(), LetterError> {
        let mut header = None;
        let mut rows = Vec::new();
        for part in node.children().filter(|n| n.is_element()) {
            let is_head = match part.tag_name().name() {
                "thead" => true,
                "tbody" => false,
                other => {
                    return Err(err(
                        self.template,
                        format!("<{other}> directly inside <table>"),
                    ))
                }
            };
            for tr in part.children().filter(|n| n.is_element()) {
                let mut cells = Vec::new();
                for cell in tr.children().filter(|n| n.is_element()) {
                    if !(cell.has_tag_name("td") || cell.has_tag_name("th")) {
                        return Err(err(
                            self.template,
                            format!("<{}> inside a table row", cell.tag_name().name()),
                        ));
                    }
                    let mut inl = self.inlines(cell)?;
                    if cell.has_tag_name("th") {
                        for i in &mut inl {
                            i.bold = true;
                        }
                    }
                    cells.push(inl);
                }
                if is_head {
                    header = Some(cells);
                } else {
                    rows.push(cells);
                }
            }
        }
        self.blocks.push(Block::Table { header, rows });
        Ok(())
    }

    fn inlines(&self, node: roxmltree::Node<'_, '_>) -> Result<Vec<Inline>, LetterError> {
        let mut out = Vec::new();
        self.collect(node, false, InlineKind::Template, &mut out)?;
        // Template whitespace (line feeds between tags) is not content.
        if let Some(first) = out.first_mut() {
            let t = first.text.trim_start_matches(' ').to_owned();
            first.text = t;
        }
        if let Some(last) = out.last_mut() {
            let t = last.text.trim_end_matches(' ').to_owned();
            last.text = t;
        }
        out.retain(|i| !i.text.is_empty());
        Ok(out)
    }

    fn collect(
        &self,
        node: roxmltree::Node<'_, '_>,
        bold: bool,
        kind: InlineKind,
        out: &mut Vec<Inline>,
    ) -> Result<(), LetterError> {
        for child in node.children() {
            if child.is_text() {
                let mut text = child.text().unwrap_or_default().to_owned();
                if kind == InlineKind::Template {
                    text = text.replace('\n', " ");
                }
                push(out, text, bold, kind);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let class = child.attribute("class").unwrap_or_default();
            match (child.tag_name().name(), class) {
                ("b", _) | ("strong", _) => self.collect(child, true, kind, out)?,
                ("br", _) => push(out, "\n".to_owned(), bold, kind),
                ("span", "ut") => self.collect(child, bold, InlineKind::UserText, out)?,
                ("span", "nt") => {
                    self.collect(child, true, InlineKind::NeedsTranslation, out)?
                }
                ("span", "missing") => self.collect(child, bold, InlineKind::Missing, out)?,
                (other, class) => {
                    return Err(err(
                        self.template,
                        format!("inline element <{other} class={class:?}> is not part of the letter vocabulary"),
                    ))
                }
            }
        }
        Ok(())
    }
}

fn push(out: &mut Vec<Inline>, text: String, bold: bool, kind: InlineKind) {
    if let Some(last) = out.last_mut() {
        if last.bold == bold && last.kind == kind {
            last.text.push_str(&text);
            return;
        }
    }
    out.push(Inline { text, bold, kind });
}
