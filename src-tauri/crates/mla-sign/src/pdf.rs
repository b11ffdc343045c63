//! The incremental update: associated files, PDF/A metadata, the signature field, and the
//! signature itself patched into the reserved `/Contents`.

use crate::pdf_strings::{pdf_date, text_string};
use chrono::{DateTime, Utc};
use lopdf::{
    dictionary, Dictionary, Document, IncrementalDocument, Object, ObjectId, Stream, StringFormat,
};
use sha2::{Digest, Sha256};

use crate::appearance::{build_appearance, SignatureBlock};
use crate::cms_build::{build_signed_data, estimated_size};
use crate::keys::SigningKey;
use crate::pdfa::{apply_pdfa, PdfA};
use crate::Error;

/// File name under which the request JSON is embedded.
pub const REQUEST_JSON_FILE_NAME: &str = "request.mla.json";

/// How an associated file relates to the document (ISO 32000-2, 14.13; PDF/A-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfRelationship {
    /// Machine-readable data the document is a rendering of (the request JSON).
    Data,
    Source,
    Alternative,
    /// Supplementary material (an annex the user chose).
    Supplement,
    Unspecified,
}

impl AfRelationship {
    fn name(self) -> &'static str {
        match self {
            AfRelationship::Data => "Data",
            AfRelationship::Source => "Source",
            AfRelationship::Alternative => "Alternative",
            AfRelationship::Supplement => "Supplement",
            AfRelationship::Unspecified => "Unspecified",
        }
    }
}

/// A file to embed.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// MIME type, such as `application/pdf`.
    pub mime_type: String,
    pub description: Option<String>,
    pub relationship: AfRelationship,
}

/// Everything [`sign_pdf`] needs besides the PDF and the key.
#[derive(Debug, Clone)]
pub struct SignOptions<'a> {
    /// The claimed signing time, written to `/M` and shown in the block.
    pub signing_time: DateTime<Utc>,
    /// `None` makes an invisible signature.
    pub block: Option<&'a SignatureBlock>,
    pub attachments: &'a [Attachment],
    /// The request file's bytes, embedded as `request.mla.json` with `/AFRelationship /Data`.
    pub request_json: Option<&'a [u8]>,
    pub reason: Option<&'a str>,
    /// Add PDF/A-3b identification (XMP) and an output intent.
    pub pdfa: Option<&'a PdfA>,
}

impl<'a> SignOptions<'a> {
    pub fn new(signing_time: DateTime<Utc>) -> Self {
        SignOptions {
            signing_time,
            block: None,
            attachments: &[],
            request_json: None,
            reason: None,
            pdfa: None,
        }
    }
}

/// The most a stream read while loading a PDF (object streams, cross-reference streams)
/// may decompress to. Such streams hold the PDF's small objects, a few kilobytes to a few
/// megabytes in real files; lopdf's own bound is 256 MiB, which a hostile file could hit
/// several times over.
pub const MAX_LOAD_STREAM_BYTES: usize = 16 * 1024 * 1024;

/// Parse `pdf` for an incremental update, refusing encrypted or unreadable input.
pub(crate) fn load_document(pdf: &[u8]) -> Result<Document, Error> {
    let header_at = pdf
        .windows(5)
        .take(1024)
        .position(|w| w == b"%PDF-")
        .ok_or_else(|| Error::CorruptPdf("no %PDF- header in the first 1024 bytes".into()))?;
    let _ = header_at;
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_LOAD_STREAM_BYTES),
        ..lopdf::LoadOptions::default()
    };
    let loaded = std::panic::catch_unwind(|| Document::load_mem_with_options(pdf, options));
    let doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
            limit,
        }))) => {
            return Err(Error::StreamTooLarge {
                what: "an object or cross-reference stream (read while loading the PDF)".into(),
                max: limit,
            })
        }
        Ok(Err(e)) => {
            if has_encrypt_entry(pdf) {
                return Err(Error::EncryptedPdf);
            }
            return Err(Error::CorruptPdf(e.to_string()));
        }
        Err(_) => {
            return Err(Error::CorruptPdf(
                "the PDF parser failed on this file".into(),
            ))
        }
    };
    if doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some() || doc.is_encrypted() {
        return Err(Error::EncryptedPdf);
    }
    if doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .is_err()
    {
        return Err(Error::CorruptPdf("the trailer has no /Root catalog".into()));
    }
    Ok(doc)
}

/// Parse `pdf` for reading (verification, extraction).
pub(crate) fn load_document_for_reading(pdf: &[u8]) -> Result<Document, Error> {
    load_document(pdf)
}

fn has_encrypt_entry(pdf: &[u8]) -> bool {
    pdf.windows(8).any(|w| w == b"/Encrypt")
}

fn corrupt(what: &str) -> impl Fn(lopdf::Error) -> Error + '_ {
    move |e| Error::CorruptPdf(format!("{what}: {e}"))
}

/// Resolve a possibly indirect object to a clone of its value.
fn resolved(doc: &Document, obj: &Object) -> Result<Object, Error> {
    doc.dereference(obj)
        .map(|(_, o)| o.clone())
        .map_err(corrupt("broken reference"))
}

struct Update {
    inc: IncrementalDocument,
    root_id: ObjectId,
}

impl Update {
    fn new(pdf: &[u8]) -> Result<Self, Error> {
        let prev = load_document(pdf)?;
        let root_id = prev
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .map_err(corrupt("trailer /Root"))?;
        let mut inc = IncrementalDocument::create_from(pdf.to_vec(), prev);
        inc.opt_clone_object_to_new_document(root_id)
            .map_err(corrupt("catalog"))?;
        // A hybrid file's /XRefStm points into the old section only.
        inc.new_document.trailer.remove(b"XRefStm");
        Ok(Update { inc, root_id })
    }

    fn prev(&self) -> &Document {
        self.inc.get_prev_documents()
    }

    fn catalog(&mut self) -> &mut Dictionary {
        self.inc
            .new_document
            .get_dictionary_mut(self.root_id)
            .expect("catalog was cloned into the update")
    }

    fn catalog_entry(&self, key: &[u8]) -> Result<Option<Object>, Error> {
        let cat = self
            .inc
            .new_document
            .get_dictionary(self.root_id)
            .map_err(corrupt("catalog"))?;
        match cat.get(key) {
            Ok(o) => Ok(Some(resolved(self.prev(), o)?)),
            Err(_) => Ok(None),
        }
    }

    fn embed(&mut self, files: &[Attachment], modified: DateTime<Utc>) -> Result<(), Error> {
        if files.is_empty() {
            return Ok(());
        }
        let mut names = match self.catalog_entry(b"Names")? {
            Some(Object::Dictionary(d)) => d,
            Some(_) => {
                return Err(Error::UnsupportedPdf(
                    "catalog /Names is not a dictionary".into(),
                ))
            }
            None => Dictionary::new(),
        };
        let mut tree = match names.get(b"EmbeddedFiles") {
            Ok(o) => match resolved(self.prev(), o)? {
                Object::Dictionary(d) => d,
                _ => {
                    return Err(Error::UnsupportedPdf(
                        "/EmbeddedFiles is not a dictionary".into(),
                    ))
                }
            },
            Err(_) => Dictionary::new(),
        };
        if tree.has(b"Kids") {
            return Err(Error::UnsupportedPdf(
                "the PDF already has a multi-level embedded-files tree".into(),
            ));
        }
        let mut entries: Vec<(Vec<u8>, Object)> = Vec::new();
        if let Ok(o) = tree.get(b"Names") {
            if let Object::Array(items) = resolved(self.prev(), o)? {
                for pair in items.chunks(2) {
                    if let [Object::String(k, _), v] = pair {
                        entries.push((k.clone(), v.clone()));
                    }
                }
            }
        }
        let mut af = match self.catalog_entry(b"AF")? {
            Some(Object::Array(a)) => a,
            _ => Vec::new(),
        };
        for file in files {
            if file.file_name.is_empty() || file.file_name.contains(['/', '\\']) {
                return Err(Error::BadAttachment {
                    name: file.file_name.clone(),
                    reason: "a file name must be non-empty and contain no path separator".into(),
                });
            }
            let key = match text_string(&file.file_name) {
                Object::String(k, _) => k,
                _ => unreachable!("text_string returns a string"),
            };
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(Error::BadAttachment {
                    name: file.file_name.clone(),
                    reason: "a file with this name is already embedded in the PDF".into(),
                });
            }
            let stream = Stream::new(
                dictionary! {
                    "Type" => "EmbeddedFile",
                    "Subtype" => Object::Name(file.mime_type.as_bytes().to_vec()),
                    "Params" => dictionary! {
                        "Size" => file.bytes.len() as i64,
                        "ModDate" => Object::string_literal(pdf_date(modified)),
                    },
                },
                file.bytes.clone(),
            )
            .with_compression(false);
            let stream_id = self.inc.new_document.add_object(stream);
            let ascii_name: String = file
                .file_name
                .chars()
                .map(|c| {
                    if c.is_ascii_graphic() || c == ' ' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let mut spec = dictionary! {
                "Type" => "Filespec",
                "F" => Object::string_literal(ascii_name),
                "UF" => text_string(&file.file_name),
                "EF" => dictionary! { "F" => stream_id, "UF" => stream_id },
                "AFRelationship" => file.relationship.name(),
            };
            if let Some(d) = &file.description {
                spec.set("Desc", text_string(d));
            }
            let spec_id = self.inc.new_document.add_object(spec);
            entries.push((key, Object::Reference(spec_id)));
            af.push(Object::Reference(spec_id));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let flat: Vec<Object> = entries
            .into_iter()
            .flat_map(|(k, v)| [Object::String(k, StringFormat::Literal), v])
            .collect();
        tree.set("Names", flat);
        names.set("EmbeddedFiles", tree);
        let catalog = self.catalog();
        catalog.set("Names", names);
        catalog.set("AF", af);
        Ok(())
    }

    fn media_box(&self, page_id: ObjectId) -> [f32; 4] {
        let prev = self.prev();
        let mut current = Some(page_id);
        let mut depth = 0;
        while let (Some(id), true) = (current, depth < 32) {
            let Ok(dict) = prev.get_dictionary(id) else {
                break;
            };
            if let Ok(mb) = dict.get(b"MediaBox") {
                if let Ok(Object::Array(a)) = resolved(prev, mb) {
                    let nums: Vec<f32> = a.iter().filter_map(|o| o.as_float().ok()).collect();
                    if nums.len() == 4 {
                        return [nums[0], nums[1], nums[2], nums[3]];
                    }
                }
            }
            current = dict.get(b"Parent").and_then(Object::as_reference).ok();
            depth += 1;
        }
        [0.0, 0.0, 595.0, 842.0]
    }

    /// Add the signature dictionary (with placeholders), the field/widget and the
    /// appearance. Returns the placeholder size of `/Contents` in bytes.
    fn add_signature_field(
        &mut self,
        key: &dyn SigningKey,
        opts: &SignOptions<'_>,
    ) -> Result<usize, Error> {
        let pages = self.prev().get_pages();
        let count = pages.len();
        if count == 0 {
            return Err(Error::CorruptPdf("the PDF has no pages".into()));
        }
        let page_no = opts.block.and_then(|b| b.page).unwrap_or(count);
        let page_id = *pages.get(&(page_no as u32)).ok_or(Error::NoSuchPage {
            page: page_no,
            count,
        })?;

        // AcroForm: the existing one (indirect or direct) or a new one.
        let acro_ref = self
            .inc
            .new_document
            .get_dictionary(self.root_id)
            .ok()
            .and_then(|c| c.get(b"AcroForm").ok())
            .and_then(|o| o.as_reference().ok());
        let mut acro = match self.catalog_entry(b"AcroForm")? {
            Some(Object::Dictionary(d)) => d,
            _ => Dictionary::new(),
        };
        let mut fields = match acro.get(b"Fields") {
            Ok(o) => match resolved(self.prev(), o)? {
                Object::Array(a) => a,
                _ => Vec::new(),
            },
            Err(_) => Vec::new(),
        };
        let existing_names: Vec<Vec<u8>> = fields
            .iter()
            .filter_map(|f| resolved(self.prev(), f).ok())
            .filter_map(|f| match f {
                Object::Dictionary(d) => d
                    .get(b"T")
                    .ok()
                    .and_then(|t| t.as_str().ok())
                    .map(<[u8]>::to_vec),
                _ => None,
            })
            .collect();
        let mut n = 1;
        let field_name = loop {
            let candidate = format!("Signature{n}");
            if !existing_names.iter().any(|e| e == candidate.as_bytes()) {
                break candidate;
            }
            n += 1;
        };

        let reserve = estimated_size(key);
        let mut sig = dictionary! {
            "Type" => "Sig",
            "Filter" => "Adobe.PPKLite",
            "SubFilter" => "ETSI.CAdES.detached",
            "ByteRange" => vec![Object::Integer(0), Object::Integer(PLACEHOLDER[0]), Object::Integer(PLACEHOLDER[1]), Object::Integer(PLACEHOLDER[2])],
            "Contents" => Object::String(vec![0u8; reserve], StringFormat::Hexadecimal),
            "M" => Object::string_literal(pdf_date(opts.signing_time)),
        };
        if let Some(b) = opts.block {
            sig.set("Name", text_string(&b.signer_name));
            if !b.place.is_empty() {
                sig.set("Location", text_string(&b.place));
            }
        }
        if let Some(r) = opts.reason {
            sig.set("Reason", text_string(r));
        }
        let sig_id = self.inc.new_document.add_object(sig);

        let (page_id, rect, ap) = match opts.block {
            Some(block) => {
                let (page_id, rect) = match block.rect {
                    Some(rect) => (page_id, rect),
                    None => self.place_block(page_id, block.page.is_none())?,
                };
                let (w, h) = ((rect[2] - rect[0]).abs(), (rect[3] - rect[1]).abs());
                if w < 20.0 || h < 20.0 {
                    return Err(Error::UnsupportedPdf(format!(
                        "the signature box {w:.0} × {h:.0} pt is too small (at least 20 × 20)"
                    )));
                }
                let ap =
                    build_appearance(&mut self.inc.new_document, block, w, h, opts.signing_time)?;
                (page_id, rect, Some(ap))
            }
            None => (page_id, [0.0; 4], None),
        };
        let mut widget = dictionary! {
            "Type" => "Annot",
            "Subtype" => "Widget",
            "FT" => "Sig",
            "T" => Object::string_literal(field_name),
            "V" => sig_id,
            "F" => 4 | 128,
            "P" => page_id,
            "Rect" => rect.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
        };
        if let Some(ap) = ap {
            widget.set("AP", dictionary! { "N" => ap });
        }
        let widget_id = self.inc.new_document.add_object(widget);

        // The page's /Annots, which may be a direct array or a reference to one.
        self.inc
            .opt_clone_object_to_new_document(page_id)
            .map_err(corrupt("page"))?;
        let annots_obj = self
            .inc
            .new_document
            .get_dictionary(page_id)
            .ok()
            .and_then(|p| p.get(b"Annots").ok().cloned());
        match annots_obj {
            Some(Object::Reference(aid)) => {
                self.inc
                    .opt_clone_object_to_new_document(aid)
                    .map_err(corrupt("page /Annots"))?;
                match self.inc.new_document.get_object_mut(aid) {
                    Ok(Object::Array(a)) => a.push(Object::Reference(widget_id)),
                    _ => return Err(Error::CorruptPdf("page /Annots is not an array".into())),
                }
            }
            Some(Object::Array(mut a)) => {
                a.push(Object::Reference(widget_id));
                self.set_on(page_id, "Annots", Object::Array(a));
            }
            _ => self.set_on(page_id, "Annots", vec![Object::Reference(widget_id)].into()),
        }

        fields.push(Object::Reference(widget_id));
        acro.set("Fields", fields);
        acro.set("SigFlags", 3);
        match acro_ref {
            Some(id) => {
                self.inc.new_document.set_object(id, acro);
            }
            None => self.catalog().set("AcroForm", acro),
        }
        Ok(reserve)
    }

    /// Where the block goes when the caller gave no rectangle: right-aligned just below the
    /// lowest content of the page (above a 60 pt footer band); when there is no room and
    /// `may_add_page`, on a new blank page at the end, at the top.
    fn place_block(
        &mut self,
        page_id: ObjectId,
        may_add_page: bool,
    ) -> Result<(ObjectId, [f32; 4]), Error> {
        let mb = self.media_box(page_id);
        let (w, h) = (BLOCK_WIDTH, BLOCK_HEIGHT);
        let right = mb[2] - BLOCK_MARGIN_RIGHT;
        let floor = mb[1] + FOOTER_BAND;
        let top = match lowest_content_y(self.prev(), page_id, floor) {
            Some(y) => y - 14.0,
            None => mb[3] - 74.0,
        };
        if top - h >= floor {
            return Ok((page_id, [right - w, top - h, right, top]));
        }
        if !may_add_page {
            return Ok((page_id, [right - w, floor, right, floor + h]));
        }
        let new_page = self.add_blank_page(page_id, mb)?;
        let top = mb[3] - 74.0;
        Ok((new_page, [right - w, top - h, right, top]))
    }

    /// Append an empty page (same size) after `last`, in the same page-tree node.
    fn add_blank_page(&mut self, last: ObjectId, mb: [f32; 4]) -> Result<ObjectId, Error> {
        let parent = self
            .prev()
            .get_dictionary(last)
            .and_then(|p| p.get(b"Parent"))
            .and_then(Object::as_reference)
            .map_err(corrupt("page /Parent"))?;
        let page = self.inc.new_document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => parent,
            "MediaBox" => mb.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
            "Resources" => Dictionary::new(),
        });
        let mut node = Some(parent);
        let mut first = true;
        let mut depth = 0;
        while let (Some(id), true) = (node, depth < 32) {
            self.inc
                .opt_clone_object_to_new_document(id)
                .map_err(corrupt("page tree"))?;
            let dict = self
                .inc
                .new_document
                .get_dictionary_mut(id)
                .map_err(corrupt("page tree"))?;
            if first {
                let mut kids = match dict.get(b"Kids") {
                    Ok(Object::Array(a)) => a.clone(),
                    _ => {
                        return Err(Error::UnsupportedPdf(
                            "page tree /Kids is not a direct array".into(),
                        ))
                    }
                };
                kids.push(Object::Reference(page));
                dict.set("Kids", kids);
                first = false;
            }
            let count = dict.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
            dict.set("Count", count + 1);
            node = dict.get(b"Parent").and_then(Object::as_reference).ok();
            depth += 1;
        }
        Ok(page)
    }

    fn set_on(&mut self, id: ObjectId, key: &str, value: Object) {
        if let Ok(d) = self.inc.new_document.get_dictionary_mut(id) {
            d.set(key, value);
        }
    }

    fn set_document_id(&mut self, salt: &[u8]) {
        let first = self
            .prev()
            .trailer
            .get(b"ID")
            .ok()
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first().cloned());
        let mut h = Sha256::new();
        h.update(salt);
        if let Some(Object::String(s, _)) = &first {
            h.update(s);
        }
        let fresh = h.finalize()[..16].to_vec();
        let first =
            first.unwrap_or_else(|| Object::String(fresh.clone(), StringFormat::Hexadecimal));
        self.inc.new_document.trailer.set(
            "ID",
            vec![first, Object::String(fresh, StringFormat::Hexadecimal)],
        );
    }

    fn save(mut self) -> Result<Vec<u8>, Error> {
        let mut out = Vec::with_capacity(self.inc.get_prev_documents_bytes().len() + 64 * 1024);
        self.inc
            .save_to(&mut out)
            .map_err(|e| Error::UnsupportedPdf(format!("writing the update: {e}")))?;
        Ok(out)
    }
}

const BLOCK_WIDTH: f32 = 250.0;
const BLOCK_HEIGHT: f32 = 80.0;
const BLOCK_MARGIN_RIGHT: f32 = 56.0;
/// Page footers (page numbers) live below this height; the block stays above it.
const FOOTER_BAND: f32 = 60.0;

/// The lowest y (PDF units) at which the page draws something, ignoring anything below
/// `floor`: text baselines (from the text-positioning operators, translation only),
/// rectangles and path points. A heuristic: transformations (`cm`) are not followed.
fn lowest_content_y(doc: &Document, page_id: ObjectId, floor: f32) -> Option<f32> {
    let content = doc.get_page_content_with_limit(page_id, 64 << 20).ok()?;
    let ops = lopdf::content::Content::decode(&content).ok()?;
    let mut lowest: Option<f32> = None;
    // Text line position (translation only) and leading, to place the text-showing operators.
    let (mut line_y, mut leading) = (0.0f32, 0.0f32);
    for op in ops.operations {
        let n: Vec<f32> = op
            .operands
            .iter()
            .filter_map(|o| o.as_float().ok())
            .collect();
        match (op.operator.as_str(), n.len()) {
            ("BT", _) => line_y = 0.0,
            ("Tm", 6) => line_y = n[5],
            ("Td", 2) => line_y += n[1],
            ("TD", 2) => {
                leading = -n[1];
                line_y += n[1];
            }
            ("TL", 1) => leading = n[0],
            ("T*" | "'" | "\"", _) => line_y -= leading,
            _ => {}
        }
        let ys: Vec<f32> = match (op.operator.as_str(), n.len()) {
            ("Tj" | "TJ" | "'" | "\"", _) => vec![line_y],
            ("re", 4) => vec![n[1], n[1] + n[3]],
            ("m" | "l", 2) => vec![n[1]],
            ("c", 6) => vec![n[1], n[3], n[5]],
            _ => Vec::new(),
        };
        for y in ys {
            if y >= floor {
                lowest = Some(lowest.map_or(y, |l| l.min(y)));
            }
        }
    }
    lowest
}

const PLACEHOLDER: [i64; 3] = [1_111_111_111, 2_222_222_222, 3_333_333_333];

/// Embed `attachments` and the request JSON as associated files, without signing.
pub fn embed_files(
    pdf: &[u8],
    attachments: &[Attachment],
    request_json: Option<&[u8]>,
    pdfa: Option<&PdfA>,
    modified: DateTime<Utc>,
) -> Result<Vec<u8>, Error> {
    let mut update = Update::new(pdf)?;
    let files = all_files(attachments, request_json);
    update.embed(&files, modified)?;
    if let Some(p) = pdfa {
        apply_pdfa(&mut update.inc, update.root_id, p, modified)?;
    }
    update.set_document_id(pdf_date(modified).as_bytes());
    update.save()
}

fn all_files(attachments: &[Attachment], request_json: Option<&[u8]>) -> Vec<Attachment> {
    let mut files = Vec::with_capacity(attachments.len() + 1);
    if let Some(json) = request_json {
        files.push(Attachment {
            file_name: REQUEST_JSON_FILE_NAME.into(),
            bytes: json.to_vec(),
            mime_type: "application/json".into(),
            description: Some(
                "Machine-readable request for mutual legal assistance (MLA Desk format)".into(),
            ),
            relationship: AfRelationship::Data,
        });
    }
    files.extend(attachments.iter().cloned());
    files
}

/// Embed the files, add the signature field and sign: PAdES baseline B-B over the whole
/// resulting file.
pub fn sign_pdf(
    pdf: &[u8],
    key: &dyn SigningKey,
    opts: &SignOptions<'_>,
) -> Result<Vec<u8>, Error> {
    let mut update = Update::new(pdf)?;
    let files = all_files(opts.attachments, opts.request_json);
    update.embed(&files, opts.signing_time)?;
    if let Some(p) = opts.pdfa {
        apply_pdfa(&mut update.inc, update.root_id, p, opts.signing_time)?;
    }
    let reserve = update.add_signature_field(key, opts)?;
    update.set_document_id(pdf_date(opts.signing_time).as_bytes());
    let prev_len = pdf.len();
    let mut out = update.save()?;

    // Locate the placeholders in the appended part only.
    let tail = &out[prev_len..];
    let mut needle = Vec::with_capacity(reserve * 2 + 2);
    needle.push(b'<');
    needle.resize(reserve * 2 + 1, b'0');
    needle.push(b'>');
    let contents_start = prev_len
        + find(tail, &needle)
            .ok_or_else(|| Error::Signing("reserved /Contents not found in the output".into()))?;
    let contents_end = contents_start + needle.len();
    let br_text = format!("0 {} {} {}", PLACEHOLDER[0], PLACEHOLDER[1], PLACEHOLDER[2]);
    let br_start = prev_len
        + find(&out[prev_len..], br_text.as_bytes())
            .ok_or_else(|| Error::Signing("reserved /ByteRange not found in the output".into()))?;
    let total = out.len();
    let actual = format!(
        "0 {} {} {}",
        contents_start,
        contents_end,
        total - contents_end
    );
    if actual.len() > br_text.len() {
        return Err(Error::Signing(
            "the file is too large for the reserved /ByteRange".into(),
        ));
    }
    let padded = format!("{actual:<width$}", width = br_text.len());
    out[br_start..br_start + br_text.len()].copy_from_slice(padded.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&out[..contents_start]);
    hasher.update(&out[contents_end..]);
    let digest = hasher.finalize();
    let cms = build_signed_data(key, &digest)?;
    if cms.len() > reserve {
        return Err(Error::SignatureTooLarge {
            needed: cms.len(),
            reserved: reserve,
        });
    }
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for (i, b) in cms.iter().enumerate() {
        out[contents_start + 1 + 2 * i] = HEX[(b >> 4) as usize];
        out[contents_start + 2 + 2 * i] = HEX[(b & 15) as usize];
    }
    Ok(out)
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        match haystack[i..haystack.len() - needle.len() + 1]
            .iter()
            .position(|&b| b == first)
        {
            Some(p) => {
                i += p;
                if &haystack[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
            None => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_locates_the_first_occurrence_or_none() {
        assert_eq!(find(b"abcabc", b"ca"), Some(2));
        assert_eq!(find(b"abcabc", b"abc"), Some(0));
        assert_eq!(find(b"aaab", b"aab"), Some(1));
        assert_eq!(find(b"abc", b"abcd"), None);
        assert_eq!(find(b"abc", b""), None);
        assert_eq!(find(b"abc", b"x"), None);
    }
}
