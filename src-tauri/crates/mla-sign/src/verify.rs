//! Verifying signed PDFs: integrity of each signature, coverage of the file, signer and
//! chain to the trusted CAs given, and the embedded files.

use chrono::{DateTime, Utc};
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedAttributes, SignedData};
use const_oid::db::rfc5911::{ID_CONTENT_TYPE, ID_DATA, ID_MESSAGE_DIGEST, ID_SIGNED_DATA};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Encode, SliceReader};
use std::collections::{HashMap, HashSet};

use lopdf::{DecompressError, Dictionary, Document, Object, ObjectId, Stream};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::SubjectPublicKeyInfoOwned;
use ts_rs::TS;
use x509_cert::Certificate;

use crate::cert::{is_ca, not_after, not_before, CertificateInfo};
use crate::cms_build::{
    find_signer, SigningCertificateV2, ECDSA_WITH_SHA256, ID_AA_SIGNING_CERTIFICATE_V2, ID_SHA256,
    SHA256_WITH_RSA,
};
use crate::pdf::{load_document_for_reading, REQUEST_JSON_FILE_NAME};
use crate::pdf_strings::decode_text_string;
use crate::Error;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");

/// Inputs of verification that come from outside.
#[derive(Debug, Clone)]
pub struct VerifyOptions<'a> {
    pub trusted: &'a [Certificate],
    /// The time at which certificate validity is judged.
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum TrustStatus {
    /// The chain ends at one of the trusted CAs.
    Trusted {
        anchor: String,
    },
    Untrusted {
        reason: UntrustedReason,
    },
    /// No trusted CA was given.
    #[default]
    NotChecked,
}

/// Something found wrong with one signature: a stable code (the serde tag `code`) and the
/// values the sentence names, so that each interface can say it in its own language. The
/// English sentence is the `Display` text (what `mla verify` prints).
///
/// Codes are part of the IPC and of `mla verify --format json`: never rename one; add a
/// variant (and its messages in `ui/src/i18n/`) for a new kind of problem.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export_to = "signature.ts")]
pub enum SignatureProblem {
    /// The signature dictionary has no `/ByteRange`.
    NoByteRange,
    /// `/ByteRange` holds something other than integers.
    ByteRangeNotIntegers,
    /// `/ByteRange` does not hold exactly 4 numbers.
    ByteRangeWrongLength { count: u32 },
    /// The `/ByteRange` numbers do not describe two ranges inside the file.
    ByteRangeOutsideFile {
        #[ts(type = "Array<number>")]
        byte_range: Vec<i64>,
        #[ts(type = "number")]
        file_size: u64,
    },
    /// What `/ByteRange` leaves unsigned is not exactly the `/Contents` hex string.
    UnsignedGapNotContents,
    /// The signature dictionary has no `/Contents`.
    NoContents,
    /// `/Contents` is not a DER-encoded CMS ContentInfo.
    ContentsNotCms { detail: String },
    /// The CMS is not SignedData.
    NotSignedData { content_type: String },
    /// The CMS SignedData cannot be decoded.
    SignedDataUnreadable { detail: String },
    /// The CMS has no signer.
    NoSigner,
    /// The CMS has more than one signer; only the first is checked.
    SeveralSigners { count: u32 },
    /// The signer's certificate is not among the CMS certificates.
    SignerCertificateMissing,
    /// The signer's digest algorithm is not SHA-256.
    DigestAlgorithmNotSha256 { algorithm: String },
    /// The CMS has no signed attributes.
    NoSignedAttributes,
    /// The ESS signing-certificate-v2 attribute names another certificate.
    SigningCertificateMismatch,
    /// The content-type signed attribute is missing or not id-data.
    ContentTypeAttributeInvalid,
    /// The CMS has no message-digest signed attribute.
    NoMessageDigest,
    /// The signed bytes do not hash to the digest the signer signed: the document was
    /// changed after signing.
    DigestMismatch,
    /// The signed attributes cannot be re-encoded to check the signature.
    SignedAttributesUnencodable { detail: String },
    /// The signature value does not verify with the signer's public key.
    SignatureValueInvalid { detail: String },
    /// `/SubFilter` is neither `ETSI.CAdES.detached` nor `adbe.pkcs7.detached` (`None`:
    /// there is no `/SubFilter`).
    UnexpectedSubFilter { sub_filter: Option<String> },
}

impl std::fmt::Display for SignatureProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use SignatureProblem as P;
        match self {
            P::NoByteRange => write!(f, "the signature has no /ByteRange"),
            P::ByteRangeNotIntegers => write!(f, "/ByteRange holds a non-integer"),
            P::ByteRangeWrongLength { count } => {
                write!(f, "/ByteRange has {count} numbers, not 4")
            }
            P::ByteRangeOutsideFile {
                byte_range,
                file_size,
            } => {
                let numbers: Vec<String> = byte_range.iter().map(i64::to_string).collect();
                write!(
                    f,
                    "/ByteRange [{}] does not fit a {file_size}-byte file",
                    numbers.join(" ")
                )
            }
            P::UnsignedGapNotContents => write!(
                f,
                "the unsigned gap of /ByteRange is not exactly the /Contents hex string"
            ),
            P::NoContents => write!(f, "the signature has no /Contents"),
            P::ContentsNotCms { detail } => {
                write!(f, "/Contents is not a CMS ContentInfo: {detail}")
            }
            P::NotSignedData { content_type } => {
                write!(f, "CMS content type {content_type} is not SignedData")
            }
            P::SignedDataUnreadable { detail } => write!(f, "CMS SignedData: {detail}"),
            P::NoSigner => write!(f, "the CMS has no signer"),
            P::SeveralSigners { count } => {
                write!(f, "the CMS has {count} signers; only the first is checked")
            }
            P::SignerCertificateMissing => {
                write!(f, "the signer's certificate is not in the CMS")
            }
            P::DigestAlgorithmNotSha256 { algorithm } => {
                write!(f, "digest algorithm {algorithm} is not SHA-256")
            }
            P::NoSignedAttributes => write!(f, "the CMS has no signed attributes"),
            P::SigningCertificateMismatch => write!(
                f,
                "the signing-certificate-v2 attribute does not match the signer's certificate"
            ),
            P::ContentTypeAttributeInvalid => {
                write!(f, "the content-type attribute is missing or not id-data")
            }
            P::NoMessageDigest => write!(f, "the CMS has no message-digest attribute"),
            P::DigestMismatch => write!(
                f,
                "the document was changed after it was signed: the signed bytes do not match \
                 the signature's digest"
            ),
            P::SignedAttributesUnencodable { detail } => {
                write!(f, "the signed attributes cannot be encoded: {detail}")
            }
            P::SignatureValueInvalid { detail } => {
                write!(f, "the signature value does not verify: {detail}")
            }
            P::UnexpectedSubFilter { sub_filter: None } => {
                write!(f, "the signature has no /SubFilter")
            }
            P::UnexpectedSubFilter {
                sub_filter: Some(s),
            } => write!(f, "unexpected /SubFilter {s}"),
        }
    }
}

/// Why a signer's certificate does not chain to a trusted CA: a stable code (the serde tag
/// `code`) and the certificates it names; the English sentence is the `Display` text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export_to = "signature.ts")]
pub enum UntrustedReason {
    /// A certificate of the chain is expired or not yet valid at the time of the check.
    CertificateNotValidAt {
        subject: String,
        /// The time of the check, and the certificate's validity, in RFC 3339.
        at: String,
        not_before: String,
        not_after: String,
    },
    /// The trusted certificate that issued the chain is not a CA.
    TrustedCertificateNotCa { subject: String },
    /// A certificate of the chain (from the CMS) that issued another is not a CA.
    IssuerNotCa { subject: String },
    /// The chain stops at `subject`: neither a trusted CA nor a CMS certificate issued it.
    NoTrustedIssuer { subject: String, issuer: String },
    /// More than `max` certificates without reaching a trusted CA.
    ChainTooLong { max: u32 },
}

impl std::fmt::Display for UntrustedReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use UntrustedReason as U;
        match self {
            U::CertificateNotValidAt {
                subject,
                at,
                not_before,
                not_after,
            } => write!(
                f,
                "certificate {subject} is not valid at {at} (valid {not_before} to {not_after})"
            ),
            U::TrustedCertificateNotCa { subject } => {
                write!(f, "trusted certificate {subject} is not a CA")
            }
            U::IssuerNotCa { subject } => write!(f, "issuer {subject} is not a CA"),
            U::NoTrustedIssuer { subject, issuer } => {
                write!(f, "no trusted CA issued {subject} (issuer {issuer})")
            }
            U::ChainTooLong { max } => write!(f, "certificate chain longer than {max}"),
        }
    }
}

/// `Default` is an empty report that proves nothing (not intact, not verified, not
/// covering the file): tests start from it and set what they need.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SignatureReport {
    pub field_name: Option<String>,
    pub sub_filter: Option<String>,
    pub byte_range: Vec<i64>,
    /// SHA-256 of the signed ranges equals the message digest the signer signed.
    pub digest_matches: bool,
    /// The signer's signature over the signed attributes verifies with its certificate.
    pub signature_verified: bool,
    pub ess_signing_certificate_v2: bool,
    /// The signed ranges reach the end of the file.
    pub covers_whole_file: bool,
    /// Bytes appended after the signed revision (incremental updates).
    pub bytes_after_signature: u64,
    /// The `/M` entry (claimed by the signer, no timestamp), as ISO 8601 when it parses.
    pub signing_time: Option<String>,
    pub name: Option<String>,
    pub location: Option<String>,
    pub reason: Option<String>,
    pub signer: Option<CertificateInfo>,
    pub chain: Vec<CertificateInfo>,
    pub trust: TrustStatus,
    /// Every problem found (a code with its values; `Display` says it in English).
    pub problems: Vec<SignatureProblem>,
}

impl SignatureReport {
    /// Intact and cryptographically valid (trust is reported separately).
    pub fn is_valid(&self) -> bool {
        self.digest_matches && self.signature_verified && self.problems.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EmbeddedFileInfo {
    pub name: String,
    pub size: usize,
    pub mime_type: Option<String>,
    pub relationship: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VerificationReport {
    pub file_size: u64,
    pub signatures: Vec<SignatureReport>,
    pub embedded_files: Vec<EmbeddedFileInfo>,
    pub has_request_json: bool,
}

impl VerificationReport {
    /// At least one signature, all valid.
    pub fn all_signatures_valid(&self) -> bool {
        !self.signatures.is_empty() && self.signatures.iter().all(SignatureReport::is_valid)
    }

    /// Whether bytes were added after the last signature.
    pub fn changed_after_signing(&self) -> bool {
        self.signatures
            .iter()
            .map(|s| s.bytes_after_signature)
            .min()
            .is_some_and(|b| b > 0)
    }

    pub fn all_trusted(&self) -> bool {
        !self.signatures.is_empty()
            && self
                .signatures
                .iter()
                .all(|s| matches!(s.trust, TrustStatus::Trusted { .. }))
    }
}

fn opt_text(d: &lopdf::Dictionary, key: &[u8]) -> Option<String> {
    d.get(key)
        .ok()
        .and_then(|o| o.as_str().ok())
        .map(decode_text_string)
}

/// The largest received PDF that is checked: larger files are refused before they are read
/// ([`read_pdf_file`]). Checking holds the file in memory (the signatures hash it and the
/// reader parses it), about three times its size at the peak; 256 MiB keeps that under a
/// gigabyte and is far above a request with scanned annexes.
pub const MAX_PDF_BYTES: u64 = 256 * 1024 * 1024;

/// The most signatures a PDF may have to be checked. Each one hashes the whole file, so a
/// file with thousands of signature dictionaries would take minutes; a request has one
/// or two.
pub const MAX_SIGNATURES: usize = 32;

/// What one embedded file may decompress to: this many times its stored size, or
/// [`MIN_INFLATED_BYTES`] if more. Real annexes (PDFs, images, office files, text) compress
/// far less than 256:1; a decompression bomb compresses a million to one.
pub const MAX_INFLATE_RATIO: usize = 256;

/// The floor of the per-file and whole-file inflate limits, so that small files are not
/// judged by their ratio alone.
pub const MIN_INFLATED_BYTES: usize = 16 * 1024 * 1024;

/// What the embedded files of one PDF may decompress to in all: this many times the PDF's
/// size, or 2 × [`MIN_INFLATED_BYTES`] if more. The sizes are counted without keeping the
/// bytes, and bound the time a check takes by the size of the file checked.
pub const MAX_INFLATED_PER_PDF_BYTE: usize = 32;

/// The request file limit of `mla_core::format::MAX_FILE_BYTES` (20 MiB): an embedded
/// `request.mla.json` that inflates past it is refused.
pub const MAX_REQUEST_BYTES: usize = 20 * 1024 * 1024;

/// The most nodes one walk of the object graph visits (form fields, embedded-files
/// tree); each node is visited once whatever refers to it.
pub const MAX_WALK_NODES: usize = 100_000;

/// How deep a walk goes (a tree deeper than this is not a real form or name tree).
const MAX_WALK_DEPTH: usize = 64;

/// Read a received PDF from `path`, refusing a file over [`MAX_PDF_BYTES`] before
/// reading it (and never reading more than that, should the file grow meanwhile).
pub fn read_pdf_file(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let read_error = |e: std::io::Error| Error::Read(e.to_string());
    let file = std::fs::File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(std::io::Error::other(
            "it is a folder, not a file",
        )));
    }
    let too_large = |size| Error::PdfTooLarge {
        size,
        max: MAX_PDF_BYTES,
    };
    if metadata.len() > MAX_PDF_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_PDF_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_PDF_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Verify every signature in `pdf`.
pub fn verify_pdf(pdf: &[u8], opts: &VerifyOptions<'_>) -> Result<VerificationReport, Error> {
    let doc = load_document_for_reading(pdf)?;
    let mut signatures = Vec::new();
    let mut digests = DigestCache::default();
    for (field_name, sig) in signature_dictionaries(&doc)? {
        signatures.push(check_signature(pdf, field_name, sig, opts, &mut digests));
    }
    let embedded = embedded_files(&doc)?;
    let mut infos = Vec::with_capacity(embedded.len());
    let mut sizes = InflateBudget::for_pdf(pdf);
    for file in &embedded {
        infos.push(EmbeddedFileInfo {
            name: file.name.clone(),
            size: sizes.size_of(file)?,
            mime_type: file
                .stream
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .ok()
                .map(|n| String::from_utf8_lossy(n).into_owned()),
            relationship: file
                .spec
                .get(b"AFRelationship")
                .and_then(Object::as_name)
                .ok()
                .map(|n| String::from_utf8_lossy(n).into_owned()),
        });
    }
    Ok(VerificationReport {
        file_size: pdf.len() as u64,
        signatures,
        has_request_json: embedded.iter().any(|f| f.name == REQUEST_JSON_FILE_NAME),
        embedded_files: infos,
    })
}

/// The embedded request JSON, byte for byte, if the PDF has one. Nothing here says it
/// is signed: import it only when [`Verdict::of`](crate::Verdict::of) the same bytes is
/// `Verified`, or when the user asked for an untrusted import.
pub fn extract_request_json(pdf: &[u8]) -> Result<Option<Vec<u8>>, Error> {
    let doc = load_document_for_reading(pdf)?;
    let files = embedded_files(&doc)?;
    let Some(file) = files.iter().find(|f| f.name == REQUEST_JSON_FILE_NAME) else {
        return Ok(None);
    };
    match decoded(file, MAX_REQUEST_BYTES)? {
        Some(bytes) => Ok(Some(bytes)),
        None => Err(Error::CorruptPdf(format!(
            "the embedded {REQUEST_JSON_FILE_NAME} (object {}) cannot be decompressed",
            object_name(file.stream_id)
        ))),
    }
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn object_name(id: Option<ObjectId>) -> String {
    match id {
        Some((n, g)) => format!("{n} {g}"),
        None => "direct".into(),
    }
}

/// One walk of the object graph: each indirect object is visited once (a `/Kids` that
/// refers back to an ancestor or to itself ends there), and the walk stops with
/// [`Error::StructureTooLarge`] after [`MAX_WALK_NODES`] nodes.
struct Walk {
    what: &'static str,
    visited: HashSet<ObjectId>,
    nodes: usize,
}

impl Walk {
    fn new(what: &'static str) -> Walk {
        Walk {
            what,
            visited: HashSet::new(),
            nodes: 0,
        }
    }

    /// Resolve `o` to a dictionary not seen before in this walk (`None` for a visited
    /// object, a broken reference or something else than a dictionary).
    fn enter<'a>(
        &mut self,
        doc: &'a Document,
        o: &'a Object,
    ) -> Result<Option<&'a lopdf::Dictionary>, Error> {
        let Ok((id, obj)) = doc.dereference(o) else {
            return Ok(None);
        };
        if let Some(id) = id {
            if !self.visited.insert(id) {
                return Ok(None);
            }
        }
        self.nodes += 1;
        if self.nodes > MAX_WALK_NODES {
            return Err(Error::StructureTooLarge {
                what: self.what,
                max: MAX_WALK_NODES,
            });
        }
        Ok(obj.as_dict().ok())
    }
}

fn signature_dictionaries(doc: &Document) -> Result<Vec<(Option<String>, &Dictionary)>, Error> {
    let mut out: Vec<(Option<String>, &Dictionary)> = Vec::new();
    let mut seen_values = HashSet::new();
    let catalog = doc.catalog().ok();
    let fields = catalog
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|a| resolve(doc, a))
        .and_then(|a| a.as_dict().ok())
        .and_then(|a| a.get(b"Fields").ok())
        .and_then(|f| resolve(doc, f))
        .and_then(|f| f.as_array().ok());
    let mut walk = Walk::new("form fields");
    let mut stack: Vec<(&Object, usize)> = fields
        .map(|f| f.iter().rev().map(|f| (f, 0)).collect())
        .unwrap_or_default();
    while let Some((f, depth)) = stack.pop() {
        let Some(d) = walk.enter(doc, f)? else {
            continue;
        };
        if let Some(Object::Array(kids)) = d.get(b"Kids").ok().and_then(|k| resolve(doc, k)) {
            if depth < MAX_WALK_DEPTH {
                stack.extend(kids.iter().rev().map(|k| (k, depth + 1)));
            }
        }
        let is_sig = d
            .get(b"FT")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Sig");
        if !is_sig {
            continue;
        }
        let Ok(v) = d.get(b"V") else {
            continue;
        };
        let Ok((v_id, Object::Dictionary(v))) = doc.dereference(v) else {
            continue;
        };
        // Two fields naming one signature: it is checked once.
        if v_id.is_some_and(|id| !seen_values.insert(id)) {
            continue;
        }
        out.push((opt_text(d, b"T"), v));
        if out.len() > MAX_SIGNATURES {
            return Err(Error::TooManySignatures {
                found: out.len(),
                max: MAX_SIGNATURES,
            });
        }
    }
    if out.is_empty() {
        // No form field points at it, but a signature dictionary may still be there.
        for obj in doc.objects.values() {
            if let Object::Dictionary(d) = obj {
                if d.has(b"ByteRange") && d.has(b"Contents") {
                    out.push((None, d));
                }
            }
        }
        if out.len() > MAX_SIGNATURES {
            return Err(Error::TooManySignatures {
                found: out.len(),
                max: MAX_SIGNATURES,
            });
        }
    }
    out.sort_by_key(|(_, d)| {
        d.get(b"ByteRange")
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.get(2).and_then(|o| o.as_i64().ok()))
            .unwrap_or(0)
    });
    Ok(out)
}

/// The SHA-256 of each distinct `/ByteRange` already hashed: several signature
/// dictionaries naming the same ranges hash the file once.
#[derive(Default)]
struct DigestCache(HashMap<(usize, usize, usize), [u8; 32]>);

impl DigestCache {
    fn digest(&mut self, pdf: &[u8], b: usize, c: usize, d: usize) -> [u8; 32] {
        *self.0.entry((b, c, d)).or_insert_with(|| {
            let mut hasher = Sha256::new();
            hasher.update(&pdf[..b]);
            hasher.update(&pdf[c..c + d]);
            hasher.finalize().into()
        })
    }
}

fn check_signature(
    pdf: &[u8],
    field_name: Option<String>,
    sig: &lopdf::Dictionary,
    opts: &VerifyOptions<'_>,
    digests: &mut DigestCache,
) -> SignatureReport {
    let mut r = SignatureReport {
        field_name,
        sub_filter: sig
            .get(b"SubFilter")
            .and_then(Object::as_name)
            .ok()
            .map(|n| String::from_utf8_lossy(n).into_owned()),
        byte_range: Vec::new(),
        digest_matches: false,
        signature_verified: false,
        ess_signing_certificate_v2: false,
        covers_whole_file: false,
        bytes_after_signature: 0,
        signing_time: opt_text(sig, b"M").map(|m| crate::pdfa::pdf_date_to_iso(&m).unwrap_or(m)),
        name: opt_text(sig, b"Name"),
        location: opt_text(sig, b"Location"),
        reason: opt_text(sig, b"Reason"),
        signer: None,
        chain: Vec::new(),
        trust: TrustStatus::NotChecked,
        problems: Vec::new(),
    };
    if let Err(p) = check_signature_inner(pdf, sig, opts, digests, &mut r) {
        r.problems.push(p);
    }
    r
}

fn check_signature_inner(
    pdf: &[u8],
    sig: &lopdf::Dictionary,
    opts: &VerifyOptions<'_>,
    digests: &mut DigestCache,
    r: &mut SignatureReport,
) -> Result<(), SignatureProblem> {
    use SignatureProblem as P;
    let (b, c, d) = signed_byte_range(pdf, sig, r)?;
    let contents = sig
        .get(b"Contents")
        .and_then(Object::as_str)
        .map_err(|_| P::NoContents)?;
    let digest = digests.digest(pdf, b, c, d);

    let sd = signed_data(contents)?;
    let certs = certificates_of(&sd);
    let si = sd.signer_infos.0.iter().next().ok_or(P::NoSigner)?;
    if sd.signer_infos.0.len() != 1 {
        r.problems.push(P::SeveralSigners {
            count: u32::try_from(sd.signer_infos.0.len()).unwrap_or(u32::MAX),
        });
    }
    let signer = find_signer(&si.sid, &certs).ok_or(P::SignerCertificateMissing)?;
    r.signer = Some(CertificateInfo::from_certificate(signer));
    if si.digest_alg.oid != ID_SHA256 {
        return Err(P::DigestAlgorithmNotSha256 {
            algorithm: si.digest_alg.oid.to_string(),
        });
    }
    let attrs = si.signed_attrs.as_ref().ok_or(P::NoSignedAttributes)?;
    check_signed_attributes(attrs, signer, &digest, r)?;
    let signed_attrs_der = attrs.to_der().map_err(|e| P::SignedAttributesUnencodable {
        detail: e.to_string(),
    })?;
    match verify_signature(
        &signer.tbs_certificate.subject_public_key_info,
        si.signature_algorithm.oid,
        &signed_attrs_der,
        si.signature.as_bytes(),
    ) {
        Ok(()) => r.signature_verified = true,
        Err(detail) => r.problems.push(P::SignatureValueInvalid { detail }),
    }
    if r.sub_filter.as_deref() != Some("ETSI.CAdES.detached")
        && r.sub_filter.as_deref() != Some("adbe.pkcs7.detached")
    {
        r.problems.push(P::UnexpectedSubFilter {
            sub_filter: r.sub_filter.clone(),
        });
    }
    check_chain_and_trust(signer, &certs, opts, r);
    Ok(())
}

/// The signature's /ByteRange, checked: four integers from the start of the file, within
/// it, whose gap is exactly the hex string /Contents. Returns its offsets b, c, d.
fn signed_byte_range(
    pdf: &[u8],
    sig: &lopdf::Dictionary,
    r: &mut SignatureReport,
) -> Result<(usize, usize, usize), SignatureProblem> {
    use SignatureProblem as P;
    let br: Vec<i64> = sig
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map_err(|_| P::NoByteRange)?
        .iter()
        .map(|o| o.as_i64().map_err(|_| P::ByteRangeNotIntegers))
        .collect::<Result<_, _>>()?;
    r.byte_range = br.clone();
    let len = pdf.len() as i64;
    let [a, b, c, d] = br[..] else {
        return Err(P::ByteRangeWrongLength {
            count: u32::try_from(br.len()).unwrap_or(u32::MAX),
        });
    };
    // checked_add: numbers near i64::MAX must be refused, not overflow.
    if a != 0 || b <= 0 || c <= b || d < 0 || c.checked_add(d).is_none_or(|end| end > len) {
        return Err(P::ByteRangeOutsideFile {
            byte_range: br,
            file_size: pdf.len() as u64,
        });
    }
    let (b, c, d) = (b as usize, c as usize, d as usize);
    r.covers_whole_file = c + d == pdf.len();
    r.bytes_after_signature = (pdf.len() - (c + d)) as u64;
    // The gap must be exactly the hex string /Contents, nothing else left unsigned.
    let gap = &pdf[b..c];
    if gap.len() < 2
        || gap[0] != b'<'
        || gap[gap.len() - 1] != b'>'
        || !gap[1..gap.len() - 1].iter().all(u8::is_ascii_hexdigit)
    {
        return Err(P::UnsignedGapNotContents);
    }
    Ok((b, c, d))
}

/// The CMS SignedData in /Contents.
fn signed_data(contents: &[u8]) -> Result<SignedData, SignatureProblem> {
    use SignatureProblem as P;
    let not_cms = |e: der::Error| P::ContentsNotCms {
        detail: e.to_string(),
    };
    let mut reader = SliceReader::new(contents).map_err(not_cms)?;
    let ci = <ContentInfo as der::Decode>::decode(&mut reader).map_err(not_cms)?;
    if ci.content_type != ID_SIGNED_DATA {
        return Err(P::NotSignedData {
            content_type: ci.content_type.to_string(),
        });
    }
    ci.content.decode_as().map_err(|e| P::SignedDataUnreadable {
        detail: e.to_string(),
    })
}

/// The X.509 certificates the SignedData carries (other certificate kinds are ignored).
fn certificates_of(sd: &SignedData) -> Vec<Certificate> {
    sd.certificates
        .as_ref()
        .map(|set| {
            set.0
                .iter()
                .filter_map(|c| match c {
                    cms::cert::CertificateChoices::Certificate(c) => Some(c.clone()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The signed attributes: content type, the message digest against the document's, and
/// the ESS signing-certificate-v2 against the signer's certificate.
fn check_signed_attributes(
    attrs: &SignedAttributes,
    signer: &Certificate,
    digest: &[u8; 32],
    r: &mut SignatureReport,
) -> Result<(), SignatureProblem> {
    use SignatureProblem as P;
    let mut message_digest = None;
    let mut content_type_ok = false;
    for attr in attrs.iter() {
        let first = attr.values.iter().next();
        match attr.oid {
            oid if oid == ID_MESSAGE_DIGEST => {
                message_digest = first.and_then(|v| v.decode_as::<OctetString>().ok());
            }
            oid if oid == ID_CONTENT_TYPE => {
                content_type_ok = first
                    .and_then(|v| v.decode_as::<ObjectIdentifier>().ok())
                    .is_some_and(|o| o == ID_DATA);
            }
            oid if oid == ID_AA_SIGNING_CERTIFICATE_V2 => {
                let parsed = first.and_then(|v| v.decode_as::<SigningCertificateV2>().ok());
                let signer_hash = Sha256::digest(signer.to_der().unwrap_or_default());
                match parsed.and_then(|p| p.certs.into_iter().next()) {
                    Some(id) if id.cert_hash.as_bytes() == signer_hash.as_slice() => {
                        r.ess_signing_certificate_v2 = true
                    }
                    _ => r.problems.push(P::SigningCertificateMismatch),
                }
            }
            _ => {}
        }
    }
    if !content_type_ok {
        r.problems.push(P::ContentTypeAttributeInvalid);
    }
    let md = message_digest.ok_or(P::NoMessageDigest)?;
    r.digest_matches = md.as_bytes() == digest.as_slice();
    if !r.digest_matches {
        r.problems.push(P::DigestMismatch);
    }
    Ok(())
}

/// Chain and trust: the chain to a trusted anchor when anchors are given, else the
/// certificates as carried.
fn check_chain_and_trust(
    signer: &Certificate,
    certs: &[Certificate],
    opts: &VerifyOptions<'_>,
    r: &mut SignatureReport,
) {
    if !opts.trusted.is_empty() {
        match build_chain(signer, certs, opts.trusted, opts.now) {
            Ok((chain, anchor)) => {
                r.chain = chain
                    .iter()
                    .map(CertificateInfo::from_certificate)
                    .collect();
                r.trust = TrustStatus::Trusted {
                    anchor: anchor.tbs_certificate.subject.to_string(),
                };
            }
            Err(reason) => r.trust = TrustStatus::Untrusted { reason },
        }
    } else {
        r.chain = certs
            .iter()
            .map(CertificateInfo::from_certificate)
            .collect();
    }
}

pub(crate) fn verify_signature(
    spki: &SubjectPublicKeyInfoOwned,
    alg: ObjectIdentifier,
    message: &[u8],
    sig: &[u8],
) -> Result<(), String> {
    use signature::Verifier;
    let spki_der = spki.to_der().map_err(|e| e.to_string())?;
    let rsa_key = || {
        use rsa::pkcs8::DecodePublicKey;
        rsa::RsaPublicKey::from_public_key_der(&spki_der)
            .map_err(|e| format!("RSA public key: {e}"))
    };
    let rsa_sig = || rsa::pkcs1v15::Signature::try_from(sig).map_err(|e| e.to_string());
    match alg {
        a if a == SHA256_WITH_RSA || a == RSA_ENCRYPTION => {
            rsa::pkcs1v15::VerifyingKey::<Sha256>::new(rsa_key()?)
                .verify(message, &rsa_sig()?)
                .map_err(|e| e.to_string())
        }
        a if a == SHA384_WITH_RSA => rsa::pkcs1v15::VerifyingKey::<Sha384>::new(rsa_key()?)
            .verify(message, &rsa_sig()?)
            .map_err(|e| e.to_string()),
        a if a == SHA512_WITH_RSA => rsa::pkcs1v15::VerifyingKey::<Sha512>::new(rsa_key()?)
            .verify(message, &rsa_sig()?)
            .map_err(|e| e.to_string()),
        a if a == ECDSA_WITH_SHA256 => {
            use p256::pkcs8::DecodePublicKey;
            let key = p256::ecdsa::VerifyingKey::from_public_key_der(&spki_der)
                .map_err(|e| format!("P-256 public key: {e}"))?;
            let s = p256::ecdsa::Signature::from_der(sig).map_err(|e| e.to_string())?;
            key.verify(message, &s).map_err(|e| e.to_string())
        }
        other => Err(format!("signature algorithm {other} is not supported")),
    }
}

fn verify_issued_by(cert: &Certificate, issuer: &Certificate) -> bool {
    let Ok(tbs) = cert.tbs_certificate.to_der() else {
        return false;
    };
    let Some(sig) = cert.signature.as_bytes() else {
        return false;
    };
    verify_signature(
        &issuer.tbs_certificate.subject_public_key_info,
        cert.signature_algorithm.oid,
        &tbs,
        sig,
    )
    .is_ok()
}

fn check_validity(cert: &Certificate, now: DateTime<Utc>) -> Result<(), UntrustedReason> {
    if now < not_before(cert) || now > not_after(cert) {
        return Err(UntrustedReason::CertificateNotValidAt {
            subject: cert.tbs_certificate.subject.to_string(),
            at: now.to_rfc3339(),
            not_before: not_before(cert).to_rfc3339(),
            not_after: not_after(cert).to_rfc3339(),
        });
    }
    Ok(())
}

/// The longest chain followed, signer included.
const MAX_CHAIN_LENGTH: u32 = 10;

/// Signer → intermediates (from the CMS) → a trusted CA, each link's signature checked.
fn build_chain<'a>(
    signer: &Certificate,
    pool: &[Certificate],
    trusted: &'a [Certificate],
    now: DateTime<Utc>,
) -> Result<(Vec<Certificate>, &'a Certificate), UntrustedReason> {
    let mut chain = vec![signer.clone()];
    let mut current = signer.clone();
    for _ in 0..MAX_CHAIN_LENGTH {
        check_validity(&current, now)?;
        if let Some(t) = trusted.iter().find(|t| **t == current) {
            return Ok((chain, t));
        }
        if let Some(t) = trusted.iter().find(|t| {
            t.tbs_certificate.subject == current.tbs_certificate.issuer
                && verify_issued_by(&current, t)
        }) {
            check_validity(t, now)?;
            if !is_ca(t) {
                return Err(UntrustedReason::TrustedCertificateNotCa {
                    subject: t.tbs_certificate.subject.to_string(),
                });
            }
            chain.push(t.clone());
            return Ok((chain, t));
        }
        let next = pool.iter().find(|p| {
            **p != current
                && p.tbs_certificate.subject == current.tbs_certificate.issuer
                && verify_issued_by(&current, p)
        });
        match next {
            Some(p) if is_ca(p) => {
                chain.push(p.clone());
                current = p.clone();
            }
            Some(p) => {
                return Err(UntrustedReason::IssuerNotCa {
                    subject: p.tbs_certificate.subject.to_string(),
                })
            }
            None => {
                return Err(UntrustedReason::NoTrustedIssuer {
                    subject: current.tbs_certificate.subject.to_string(),
                    issuer: current.tbs_certificate.issuer.to_string(),
                })
            }
        }
    }
    Err(UntrustedReason::ChainTooLong {
        max: MAX_CHAIN_LENGTH,
    })
}

/// One file of the embedded-files name tree.
struct EmbeddedFile<'a> {
    name: String,
    spec: &'a Dictionary,
    stream: &'a Stream,
    /// `None` for a direct stream (which lopdf does not produce; kept for the message).
    stream_id: Option<ObjectId>,
}

/// The embedded-files name tree, each node visited once, in tree order.
fn embedded_files(doc: &Document) -> Result<Vec<EmbeddedFile<'_>>, Error> {
    let mut out = Vec::new();
    let Some(tree) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Names").ok())
        .and_then(|n| resolve(doc, n))
        .and_then(|n| n.as_dict().ok())
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
    else {
        return Ok(out);
    };
    let mut walk = Walk::new("embedded-files tree");
    let mut nodes: Vec<(&Object, usize)> = vec![(tree, 0)];
    while let Some((node, depth)) = nodes.pop() {
        let Some(node) = walk.enter(doc, node)? else {
            continue;
        };
        if let Some(Object::Array(kids)) = node.get(b"Kids").ok().and_then(|k| resolve(doc, k)) {
            if depth < MAX_WALK_DEPTH {
                nodes.extend(kids.iter().rev().map(|k| (k, depth + 1)));
            }
        }
        let Some(Object::Array(names)) = node.get(b"Names").ok().and_then(|n| resolve(doc, n))
        else {
            continue;
        };
        for pair in names.chunks(2) {
            let [Object::String(key, _), spec] = pair else {
                continue;
            };
            let Some(Object::Dictionary(spec)) = resolve(doc, spec) else {
                continue;
            };
            let name = opt_text(spec, b"UF")
                .or_else(|| opt_text(spec, b"F"))
                .unwrap_or_else(|| decode_text_string(key));
            let Some(f) = spec
                .get(b"EF")
                .ok()
                .and_then(|e| resolve(doc, e))
                .and_then(|e| e.as_dict().ok())
                .and_then(|e| e.get(b"F").ok())
            else {
                continue;
            };
            let Ok((stream_id, Object::Stream(stream))) = doc.dereference(f) else {
                continue;
            };
            out.push(EmbeddedFile {
                name,
                spec,
                stream,
                stream_id,
            });
            walk.nodes += 1;
            if walk.nodes > MAX_WALK_NODES {
                return Err(Error::StructureTooLarge {
                    what: walk.what,
                    max: MAX_WALK_NODES,
                });
            }
        }
    }
    Ok(out)
}

/// The content of `file` decoded, at most `max` bytes (more is [`Error::StreamTooLarge`]);
/// `None` when its filters cannot be decoded.
fn decoded(file: &EmbeddedFile<'_>, max: usize) -> Result<Option<Vec<u8>>, Error> {
    let too_large = || Error::StreamTooLarge {
        what: format!(
            "embedded file {:?} (object {})",
            file.name,
            object_name(file.stream_id)
        ),
        max,
    };
    if !file.stream.dict.has(b"Filter") {
        if file.stream.content.len() > max {
            return Err(too_large());
        }
        return Ok(Some(file.stream.content.clone()));
    }
    match file.stream.decompressed_content_with_limit(max) {
        Ok(b) if b.len() <= max => Ok(Some(b)),
        Ok(_) | Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
            Err(too_large())
        }
        Err(_) => Ok(None),
    }
}

/// The decoded sizes of the embedded files: each stream is inflated once (a stream named
/// many times is counted once), into nothing (only the bytes are counted); each may
/// inflate to [`MAX_INFLATE_RATIO`] times its stored size, and all of them together to
/// [`MAX_INFLATED_PER_PDF_BYTE`] times the PDF's size.
struct InflateBudget {
    total: usize,
    used: usize,
    sizes: HashMap<ObjectId, usize>,
}

impl InflateBudget {
    fn for_pdf(pdf: &[u8]) -> InflateBudget {
        InflateBudget {
            total: pdf
                .len()
                .saturating_mul(MAX_INFLATED_PER_PDF_BYTE)
                .max(2 * MIN_INFLATED_BYTES),
            used: 0,
            sizes: HashMap::new(),
        }
    }

    fn size_of(&mut self, file: &EmbeddedFile<'_>) -> Result<usize, Error> {
        if let Some(size) = file.stream_id.and_then(|id| self.sizes.get(&id)) {
            return Ok(*size);
        }
        let left = self.total - self.used;
        // The request is read whole later on: it gets the request file limit.
        let own = if file.name == REQUEST_JSON_FILE_NAME {
            MAX_REQUEST_BYTES
        } else {
            (file.stream.content.len().saturating_mul(MAX_INFLATE_RATIO)).max(MIN_INFLATED_BYTES)
        };
        let limit = own.min(left);
        let total = self.total;
        let too_large = |max| Error::StreamTooLarge {
            what: if self.used == 0 || max != total {
                format!(
                    "embedded file {:?} (object {})",
                    file.name,
                    object_name(file.stream_id)
                )
            } else {
                format!(
                    "embedded file {:?} (object {}), with the embedded files before it,",
                    file.name,
                    object_name(file.stream_id)
                )
            },
            max,
        };
        let size = match inflated_size(file.stream, limit) {
            Inflated::Size(n) => n,
            Inflated::TooLarge { limit } => {
                return Err(too_large(if limit == left { total } else { limit }))
            }
            // What cannot be decoded is reported as it is stored.
            Inflated::Undecodable => file.stream.content.len(),
        };
        if size > limit {
            return Err(too_large(if limit == left { total } else { limit }));
        }
        self.used += size;
        if let Some(id) = file.stream_id {
            self.sizes.insert(id, size);
        }
        Ok(size)
    }
}

enum Inflated {
    Size(usize),
    /// More than `limit` bytes.
    TooLarge {
        limit: usize,
    },
    Undecodable,
}

/// How many bytes `stream` decodes to, if at most `max`. A chain of `/FlateDecode`
/// filters (the usual case, and the usual bomb) is inflated into a counter, holding
/// nothing; other filters are decoded by lopdf, bounded to [`MAX_REQUEST_BYTES`] per
/// layer.
fn inflated_size(stream: &Stream, max: usize) -> Inflated {
    let Ok(filters) = stream.filters() else {
        return Inflated::Size(stream.content.len());
    };
    let flate_only = !filters.is_empty()
        && filters.iter().all(|f| *f == b"FlateDecode" || *f == b"Fl")
        && !stream.dict.has(b"DecodeParms");
    if flate_only {
        let mut reader: Box<dyn std::io::Read> = Box::new(stream.content.as_slice());
        for _ in &filters {
            reader = Box::new(flate2::read::ZlibDecoder::new(reader));
        }
        let mut counter = Counter(0);
        let copied = std::io::copy(
            &mut std::io::Read::take(reader, max as u64 + 1),
            &mut counter,
        );
        return match copied {
            Ok(n) if n > max as u64 => Inflated::TooLarge { limit: max },
            Ok(n) => Inflated::Size(n as usize),
            Err(_) => Inflated::Undecodable,
        };
    }
    let limit = max.min(MAX_REQUEST_BYTES);
    match stream.decompressed_content_with_limit(limit) {
        Ok(b) if b.len() <= limit => Inflated::Size(b.len()),
        Ok(_) | Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
            Inflated::TooLarge { limit }
        }
        Err(_) => Inflated::Undecodable,
    }
}

/// A writer that only counts.
struct Counter(u64);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every problem and untrusted reason: its code (what the app translates; never
    /// renamed) and its English sentence (what `mla verify` prints).
    #[test]
    fn every_problem_has_a_stable_code_and_an_english_sentence() {
        use SignatureProblem as P;
        let problems = [
            (
                P::NoByteRange,
                "no_byte_range",
                "the signature has no /ByteRange",
            ),
            (
                P::ByteRangeNotIntegers,
                "byte_range_not_integers",
                "/ByteRange holds a non-integer",
            ),
            (
                P::ByteRangeWrongLength { count: 3 },
                "byte_range_wrong_length",
                "/ByteRange has 3 numbers, not 4",
            ),
            (
                P::ByteRangeOutsideFile {
                    byte_range: vec![0, 10, 20, 30],
                    file_size: 40,
                },
                "byte_range_outside_file",
                "/ByteRange [0 10 20 30] does not fit a 40-byte file",
            ),
            (
                P::UnsignedGapNotContents,
                "unsigned_gap_not_contents",
                "the unsigned gap of /ByteRange is not exactly the /Contents hex string",
            ),
            (
                P::NoContents,
                "no_contents",
                "the signature has no /Contents",
            ),
            (
                P::ContentsNotCms { detail: "x".into() },
                "contents_not_cms",
                "/Contents is not a CMS ContentInfo: x",
            ),
            (
                P::NotSignedData {
                    content_type: "1.2.3".into(),
                },
                "not_signed_data",
                "CMS content type 1.2.3 is not SignedData",
            ),
            (
                P::SignedDataUnreadable { detail: "x".into() },
                "signed_data_unreadable",
                "CMS SignedData: x",
            ),
            (P::NoSigner, "no_signer", "the CMS has no signer"),
            (
                P::SeveralSigners { count: 2 },
                "several_signers",
                "the CMS has 2 signers; only the first is checked",
            ),
            (
                P::SignerCertificateMissing,
                "signer_certificate_missing",
                "the signer's certificate is not in the CMS",
            ),
            (
                P::DigestAlgorithmNotSha256 {
                    algorithm: "1.3.14.3.2.26".into(),
                },
                "digest_algorithm_not_sha256",
                "digest algorithm 1.3.14.3.2.26 is not SHA-256",
            ),
            (
                P::NoSignedAttributes,
                "no_signed_attributes",
                "the CMS has no signed attributes",
            ),
            (
                P::SigningCertificateMismatch,
                "signing_certificate_mismatch",
                "the signing-certificate-v2 attribute does not match the signer's certificate",
            ),
            (
                P::ContentTypeAttributeInvalid,
                "content_type_attribute_invalid",
                "the content-type attribute is missing or not id-data",
            ),
            (
                P::NoMessageDigest,
                "no_message_digest",
                "the CMS has no message-digest attribute",
            ),
            (
                P::DigestMismatch,
                "digest_mismatch",
                "the document was changed after it was signed: the signed bytes do not match \
                 the signature's digest",
            ),
            (
                P::SignedAttributesUnencodable { detail: "x".into() },
                "signed_attributes_unencodable",
                "the signed attributes cannot be encoded: x",
            ),
            (
                P::SignatureValueInvalid { detail: "x".into() },
                "signature_value_invalid",
                "the signature value does not verify: x",
            ),
            (
                P::UnexpectedSubFilter { sub_filter: None },
                "unexpected_sub_filter",
                "the signature has no /SubFilter",
            ),
            (
                P::UnexpectedSubFilter {
                    sub_filter: Some("adbe.x509.rsa_sha1".into()),
                },
                "unexpected_sub_filter",
                "unexpected /SubFilter adbe.x509.rsa_sha1",
            ),
        ];
        for (problem, code, text) in &problems {
            let json = serde_json::to_value(problem).unwrap();
            assert_eq!(json["code"], *code, "{problem:?}");
            assert_eq!(problem.to_string(), *text);
        }
        let json = serde_json::to_value(P::SeveralSigners { count: 2 }).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "several_signers", "count": 2})
        );

        use UntrustedReason as U;
        let reasons = [
            (
                U::CertificateNotValidAt {
                    subject: "CN=A".into(),
                    at: "2030-01-01T00:00:00+00:00".into(),
                    not_before: "2026-01-01T00:00:00+00:00".into(),
                    not_after: "2028-01-01T00:00:00+00:00".into(),
                },
                "certificate_not_valid_at",
                "certificate CN=A is not valid at 2030-01-01T00:00:00+00:00 (valid \
                 2026-01-01T00:00:00+00:00 to 2028-01-01T00:00:00+00:00)",
            ),
            (
                U::TrustedCertificateNotCa {
                    subject: "CN=T".into(),
                },
                "trusted_certificate_not_ca",
                "trusted certificate CN=T is not a CA",
            ),
            (
                U::IssuerNotCa {
                    subject: "CN=I".into(),
                },
                "issuer_not_ca",
                "issuer CN=I is not a CA",
            ),
            (
                U::NoTrustedIssuer {
                    subject: "CN=A".into(),
                    issuer: "CN=X".into(),
                },
                "no_trusted_issuer",
                "no trusted CA issued CN=A (issuer CN=X)",
            ),
            (
                U::ChainTooLong { max: 10 },
                "chain_too_long",
                "certificate chain longer than 10",
            ),
        ];
        for (reason, code, text) in &reasons {
            assert_eq!(serde_json::to_value(reason).unwrap()["code"], *code);
            assert_eq!(reason.to_string(), *text);
        }
        let status = TrustStatus::Untrusted {
            reason: U::ChainTooLong { max: 10 },
        };
        assert_eq!(
            serde_json::to_value(status).unwrap(),
            serde_json::json!({"status": "untrusted", "reason": {"code": "chain_too_long", "max": 10}})
        );
    }

    #[test]
    fn is_valid_still_needs_no_problem_at_all() {
        let mut r = SignatureReport {
            digest_matches: true,
            signature_verified: true,
            ess_signing_certificate_v2: true,
            covers_whole_file: true,
            ..SignatureReport::default()
        };
        assert!(r.is_valid());
        r.problems
            .push(SignatureProblem::SeveralSigners { count: 2 });
        assert!(!r.is_valid());
    }
}
