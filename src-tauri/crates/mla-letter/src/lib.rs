//! MLA Desk letters: the model request in the six UN languages.
//!
//! This crate owns Tera. The templates (`templates/letter/` at the repository root) are
//! embedded with `include_str!`: one letter skeleton whose wording comes from each
//! language pack's phrases ([`skeleton`]), expanded into one template per language, all
//! parsed and their inheritance checked when [`Letters::load`] runs. A request becomes a [`view::LetterView`] (made for the
//! templates, not the raw model), the view becomes HTML (the preview), and the HTML becomes
//! a [`Letter`]: a small block tree that `mla-pdf` typesets.
//!
//! Officer-typed text is never translated: when the letter's language differs from the
//! request's `drafting_language` it is marked "[needs translation from XX]", and
//! [`Letter::needs_translation`] lists those parts for the checker.

pub mod addressee;
pub mod blocks;
pub mod choice;
mod facts;
pub mod lang;
mod skeleton;
pub mod view;

use std::collections::BTreeMap;

use mla_core::Request;
use serde::Serialize;

pub use addressee::addressee_from_profile;
pub use blocks::{Block, Inline, InlineKind, ParagraphStyle};
pub use choice::{default_letter_language, letter_facts};
pub use lang::{LanguageInfo, LanguagePack, LANGUAGES};
pub use view::{sanitize, CentralAuthority, TranslationPart};

/// Why a letter could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error("template {template}: {message}")]
    Template { template: String, message: String },
    #[error("language pack {file}: {message}")]
    LanguagePack { file: String, message: String },
    #[error("language pack {file}: phrase `{key}`: {message}")]
    Phrase {
        file: String,
        key: String,
        message: String,
    },
    #[error("language pack {file}: missing key `{table}.{key}`")]
    MissingLabel {
        file: String,
        table: String,
        key: String,
    },
    #[error("no letter template for language {lang:?} (available: {})", LANGUAGES.join(", "))]
    UnknownLanguage { lang: String },
    #[error("template {template} produced HTML outside the letter vocabulary: {message}")]
    Structure { template: String, message: String },
}

/// What to produce.
#[derive(Debug, Clone, Default)]
pub struct LetterOptions {
    /// Letter language (ISO 639-1); `None` means the request's drafting language.
    pub lang: Option<String>,
    /// The requested State's central authority from its profile, when known (see
    /// [`addressee_from_profile`]). Takes precedence over the request's `addressee` field.
    pub central_authority: Option<CentralAuthority>,
}

/// A letter ready to show or typeset.
#[derive(Debug, Clone, Serialize)]
pub struct Letter {
    pub lang: String,
    pub rtl: bool,
    /// Whether the template wording of this language was reviewed by a legal translator.
    pub reviewed: bool,
    /// The draft line printed on the letter when `reviewed` is false.
    pub draft_notice: Option<String>,
    pub reference: String,
    /// Document identifier (from the request), used for the PDF's /ID.
    pub document_id: String,
    /// Date of the request, used for the PDF's dates.
    pub date: Option<chrono::NaiveDate>,
    pub title: String,
    /// Footer pattern with `{page}` and `{pages}`.
    pub page_label: String,
    /// Label of the initials/seal box.
    pub seal_box_label: String,
    /// Officer-typed parts still needing a human translation into `lang`.
    pub needs_translation: Vec<TranslationPart>,
    pub blocks: Vec<Block>,
    /// The HTML preview the blocks were read from.
    pub html: String,
}

/// The loaded, checked templates of all languages.
pub struct Letters {
    tera: tera::Tera,
    packs: BTreeMap<String, LanguagePack>,
}

fn ut_filter(value: &tera::Value, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    let get = |k: &'static str| {
        value
            .as_map()
            .and_then(|m| m.get(&tera::value::Key::Str(k)))
    };
    let text = get("text").and_then(|v| v.as_str()).unwrap_or_default();
    let mut html = String::new();
    if text.is_empty() {
        let ph = get("placeholder").and_then(|v| v.as_str()).unwrap_or("");
        html.push_str("<span class=\"missing\">");
        html.push_str(&escape(ph));
        html.push_str("</span>");
        return tera::Value::safe_string(&html);
    }
    if get("nt").and_then(|v| v.as_bool()).unwrap_or(false) {
        let from = get("from").and_then(|v| v.as_str()).unwrap_or("");
        html.push_str("<span class=\"nt\">[needs translation from ");
        html.push_str(&escape(from));
        html.push_str("]</span> ");
    }
    html.push_str("<span class=\"ut\">");
    let mut first = true;
    for line in text.split('\n') {
        if !first {
            html.push_str("<br/>");
        }
        first = false;
        html.push_str(&escape(line));
    }
    html.push_str("</span>");
    tera::Value::safe_string(&html)
}

/// HTML-escape text: user text is never interpreted as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The name of a language's template (the skeleton expanded with its phrases).
fn template_name(lang: &str) -> String {
    format!("letter/letter.{lang}.html")
}

impl Letters {
    /// Parse the embedded skeleton and language packs, expand the skeleton with each pack's
    /// phrases into that language's template (see [`skeleton`]); check the inheritance,
    /// that every pack has every phrase and label the letter needs, and no other phrase.
    pub fn load() -> Result<Letters, LetterError> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html"]);
        tera.register_filter("ut", ut_filter);
        let skeleton = skeleton::Skeleton::parse(lang::SKELETON)?;
        let mut templates = vec![(
            "letter/base.html".to_owned(),
            lang::BASE_TEMPLATE.to_owned(),
        )];
        let mut packs = BTreeMap::new();
        for &(code, pack_text) in lang::PACKS {
            let file = format!("templates/letter/{code}.toml");
            let pack = LanguagePack::parse(&file, pack_text)?;
            if pack.language.code != code {
                return Err(LetterError::LanguagePack {
                    file,
                    message: format!("declares code {:?}", pack.language.code),
                });
            }
            check_pack(&file, &pack)?;
            templates.push((template_name(code), skeleton.expand(&file, &pack.phrases)?));
            packs.insert(code.to_owned(), pack);
        }
        // add_raw_templates parses all of them and checks the inheritance chains.
        tera.add_raw_templates(templates)
            .map_err(|e| LetterError::Template {
                template: "templates/letter".to_owned(),
                message: format!("{e:?}"),
            })?;
        Ok(Letters { tera, packs })
    }

    /// The language packs, by code.
    pub fn packs(&self) -> &BTreeMap<String, LanguagePack> {
        &self.packs
    }

    /// Produce the letter for `request`.
    pub fn letter(
        &self,
        request: &Request,
        options: &LetterOptions,
    ) -> Result<Letter, LetterError> {
        let lang = options
            .lang
            .clone()
            .unwrap_or_else(|| request.drafting_language.clone())
            .trim()
            .to_lowercase();
        let pack = self
            .packs
            .get(&lang)
            .ok_or_else(|| LetterError::UnknownLanguage { lang: lang.clone() })?;
        let (view, parts) = view::build(request, pack, options.central_authority.as_ref());
        let name = template_name(&lang);
        let ctx = tera::Context::from_serialize(&view).map_err(|e| LetterError::Template {
            template: name.clone(),
            message: format!("{e:?}"),
        })?;
        let html = self
            .tera
            .render(&name, &ctx)
            .map_err(|e| LetterError::Template {
                template: name.clone(),
                message: format!("{e:?}"),
            })?;
        let blocks = blocks::parse(&name, &html)?;
        let title = blocks
            .iter()
            .find_map(|b| match b {
                Block::Heading { level: 1, inlines } => {
                    Some(inlines.iter().map(|i| i.text.as_str()).collect::<String>())
                }
                _ => None,
            })
            .unwrap_or_default();
        let info = &pack.language;
        Ok(Letter {
            lang: lang.clone(),
            rtl: info.dir == "rtl",
            reviewed: info.reviewed,
            draft_notice: (!info.reviewed).then(|| info.draft_notice.clone()),
            reference: view.reference.clone(),
            document_id: view.document_id.clone(),
            date: request.date,
            title,
            page_label: info.page.clone(),
            seal_box_label: info.seal_box.clone(),
            needs_translation: parts,
            blocks,
            html,
        })
    }

    /// What the checker needs to know of the letter [`Letters::letter`] would produce with
    /// the same arguments (its language, review status and the parts still to translate),
    /// from the request and the language pack alone: no view is built, nothing rendered
    /// (see [`facts`]; a test holds it equal to the rendered letter's facts for every
    /// example and fixture in every language). Used by every check, so a keystroke pays
    /// for a walk over the request's text fields, not for a letter.
    pub fn facts(
        &self,
        request: &Request,
        options: &LetterOptions,
    ) -> Result<mla_core::rules::LetterFacts, LetterError> {
        let lang = options
            .lang
            .clone()
            .unwrap_or_else(|| request.drafting_language.clone())
            .trim()
            .to_lowercase();
        let pack = self
            .packs
            .get(&lang)
            .ok_or_else(|| LetterError::UnknownLanguage { lang: lang.clone() })?;
        let parts = facts::translation_parts(request, pack, options.central_authority.as_ref());
        Ok(mla_core::rules::LetterFacts {
            lang,
            reviewed: pack.language.reviewed,
            needs_translation: parts
                .into_iter()
                .map(|p| mla_core::rules::TranslationNeed {
                    path: p.path,
                    from: p.from,
                })
                .collect(),
        })
    }

    /// The HTML preview of the letter.
    pub fn render_html(
        &self,
        request: &Request,
        options: &LetterOptions,
    ) -> Result<String, LetterError> {
        Ok(self.letter(request, options)?.html)
    }
}

fn check_pack(file: &str, pack: &LanguagePack) -> Result<(), LetterError> {
    let tables: BTreeMap<&str, &BTreeMap<String, String>> = pack.tables().into_iter().collect();
    let missing = |table: &str, key: &str| LetterError::MissingLabel {
        file: file.to_owned(),
        table: table.to_owned(),
        key: key.to_owned(),
    };
    for (table, keys) in view::required_keys() {
        for key in keys {
            if !tables[table].contains_key(key) {
                return Err(missing(table, key));
            }
        }
    }
    if !pack.field.contains_key("offences") {
        return Err(missing("field", "offences"));
    }
    // The types of assistance carry their own letter labels (mla-core's
    // assistance/labels.toml): each must have this pack's language.
    let code = pack.language.code.as_str();
    for t in mla_core::assistance::ASSISTANCE {
        let labels = mla_core::assistance::labels().get(t.key);
        let title = labels.and_then(|l| l.title.get(code));
        let rows = t.fields.iter().filter(|f| f.has_letter_row());
        let field = rows.clone().find(|f| {
            labels
                .and_then(|l| l.fields.get(f.name))
                .and_then(|fl| fl.letter.get(code))
                .is_none()
        });
        if title.is_none() {
            return Err(missing("assistance labels.toml: title", t.key));
        }
        if let Some(f) = field {
            return Err(missing(
                "assistance labels.toml: letter",
                &format!("{}.fields.{}", t.key, f.name),
            ));
        }
    }
    if pack.language.months.len() != 12 {
        return Err(LetterError::LanguagePack {
            file: file.to_owned(),
            message: format!("{} month names instead of 12", pack.language.months.len()),
        });
    }
    if !pack.language.page.contains("{page} / {pages}") {
        return Err(LetterError::LanguagePack {
            file: file.to_owned(),
            message: "the page footer must contain \"{page} / {pages}\"".to_owned(),
        });
    }
    Ok(())
}
