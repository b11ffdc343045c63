//! Verifying signed PDFs: integrity of each signature, coverage of the file, signer and
//! chain to the trusted CAs given, and the embedded files.

use chrono::{DateTime, Utc};
use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use const_oid::db::rfc5911::{ID_CONTENT_TYPE, ID_DATA, ID_MESSAGE_DIGEST, ID_SIGNED_DATA};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Encode, SliceReader};
use lopdf::{Document, Object};
use serde::Serialize;
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::Certificate;

use crate::cert::{is_ca, not_after, not_before, CertificateInfo};
use crate::cms_build::{
    find_signer, SigningCertificateV2, ECDSA_WITH_SHA256, ID_AA_SIGNING_CERTIFICATE_V2, ID_SHA256,
    SHA256_WITH_RSA,
};
use crate::pdf::{decode_text_string, load_document_for_reading, REQUEST_JSON_FILE_NAME};
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

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum TrustStatus {
    /// The chain ends at one of the trusted CAs.
    Trusted {
        anchor: String,
    },
    Untrusted {
        reason: String,
    },
    /// No trusted CA was given.
    NotChecked,
}

#[derive(Debug, Clone, Serialize)]
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
    /// Every problem found, in words.
    pub problems: Vec<String>,
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

/// Verify every signature in `pdf`.
pub fn verify_pdf(pdf: &[u8], opts: &VerifyOptions<'_>) -> Result<VerificationReport, Error> {
    let doc = load_document_for_reading(pdf)?;
    let mut signatures = Vec::new();
    for (field_name, sig) in signature_dictionaries(&doc) {
        signatures.push(check_signature(pdf, field_name, &sig, opts));
    }
    let embedded = embedded_files(&doc);
    Ok(VerificationReport {
        file_size: pdf.len() as u64,
        signatures,
        has_request_json: embedded
            .iter()
            .any(|(i, _)| i.name == REQUEST_JSON_FILE_NAME),
        embedded_files: embedded.into_iter().map(|(i, _)| i).collect(),
    })
}

/// The embedded request JSON, byte for byte, if the PDF has one.
pub fn extract_request_json(pdf: &[u8]) -> Result<Option<Vec<u8>>, Error> {
    let doc = load_document_for_reading(pdf)?;
    Ok(embedded_files(&doc)
        .into_iter()
        .find(|(i, _)| i.name == REQUEST_JSON_FILE_NAME)
        .map(|(_, bytes)| bytes))
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn signature_dictionaries(doc: &Document) -> Vec<(Option<String>, lopdf::Dictionary)> {
    let mut out = Vec::new();
    let catalog = doc.catalog().ok();
    let fields = catalog
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|a| resolve(doc, a))
        .and_then(|a| a.as_dict().ok())
        .and_then(|a| a.get(b"Fields").ok())
        .and_then(|f| resolve(doc, f))
        .and_then(|f| f.as_array().ok())
        .cloned()
        .unwrap_or_default();
    let mut stack: Vec<(Object, usize)> = fields.into_iter().map(|f| (f, 0)).collect();
    while let Some((f, depth)) = stack.pop() {
        let Some(Object::Dictionary(d)) = resolve(doc, &f) else {
            continue;
        };
        if let Ok(Object::Array(kids)) = d.get(b"Kids").map(|k| resolve(doc, k).unwrap_or(k)) {
            if depth < 16 {
                stack.extend(kids.iter().cloned().map(|k| (k, depth + 1)));
            }
        }
        let is_sig = d
            .get(b"FT")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Sig");
        if !is_sig {
            continue;
        }
        if let Some(Object::Dictionary(v)) = d.get(b"V").ok().and_then(|v| resolve(doc, v)) {
            out.push((opt_text(d, b"T"), v.clone()));
        }
    }
    if out.is_empty() {
        // No form field points at it, but a signature dictionary may still be there.
        for obj in doc.objects.values() {
            if let Object::Dictionary(d) = obj {
                if d.has(b"ByteRange") && d.has(b"Contents") {
                    out.push((None, d.clone()));
                }
            }
        }
    }
    out.sort_by_key(|(_, d)| {
        d.get(b"ByteRange")
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.get(2).and_then(|o| o.as_i64().ok()))
            .unwrap_or(0)
    });
    out
}

fn check_signature(
    pdf: &[u8],
    field_name: Option<String>,
    sig: &lopdf::Dictionary,
    opts: &VerifyOptions<'_>,
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
    if let Err(p) = check_signature_inner(pdf, sig, opts, &mut r) {
        r.problems.push(p);
    }
    r
}

fn check_signature_inner(
    pdf: &[u8],
    sig: &lopdf::Dictionary,
    opts: &VerifyOptions<'_>,
    r: &mut SignatureReport,
) -> Result<(), String> {
    let br: Vec<i64> = sig
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map_err(|_| "the signature has no /ByteRange".to_string())?
        .iter()
        .map(|o| {
            o.as_i64()
                .map_err(|_| "/ByteRange holds a non-integer".to_string())
        })
        .collect::<Result<_, _>>()?;
    r.byte_range = br.clone();
    let len = pdf.len() as i64;
    let [a, b, c, d] = br[..] else {
        return Err(format!("/ByteRange has {} numbers, not 4", br.len()));
    };
    if a != 0 || b <= 0 || c <= b || d < 0 || c + d > len {
        return Err(format!(
            "/ByteRange [{a} {b} {c} {d}] does not fit a {len}-byte file"
        ));
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
        return Err(
            "the unsigned gap of /ByteRange is not exactly the /Contents hex string".into(),
        );
    }
    let contents = sig
        .get(b"Contents")
        .and_then(Object::as_str)
        .map_err(|_| "the signature has no /Contents".to_string())?;
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..b]);
    hasher.update(&pdf[c..c + d]);
    let digest = hasher.finalize();

    let mut reader = SliceReader::new(contents).map_err(|e| format!("/Contents: {e}"))?;
    let ci = <ContentInfo as der::Decode>::decode(&mut reader)
        .map_err(|e| format!("/Contents is not a CMS ContentInfo: {e}"))?;
    if ci.content_type != ID_SIGNED_DATA {
        return Err(format!(
            "CMS content type {} is not SignedData",
            ci.content_type
        ));
    }
    let sd: SignedData = ci
        .content
        .decode_as()
        .map_err(|e| format!("CMS SignedData: {e}"))?;
    let certs: Vec<Certificate> = sd
        .certificates
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
        .unwrap_or_default();
    let si = sd
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or("the CMS has no signer")?;
    if sd.signer_infos.0.len() != 1 {
        r.problems.push(format!(
            "the CMS has {} signers; only the first is checked",
            sd.signer_infos.0.len()
        ));
    }
    let signer =
        find_signer(&si.sid, &certs).ok_or("the signer's certificate is not in the CMS")?;
    r.signer = Some(CertificateInfo::from_certificate(signer));
    if si.digest_alg.oid != ID_SHA256 {
        return Err(format!(
            "digest algorithm {} is not SHA-256",
            si.digest_alg.oid
        ));
    }
    let attrs = si
        .signed_attrs
        .as_ref()
        .ok_or("the CMS has no signed attributes")?;
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
                    _ => r.problems.push(
                        "the signing-certificate-v2 attribute does not match the signer's certificate".into(),
                    ),
                }
            }
            _ => {}
        }
    }
    if !content_type_ok {
        r.problems
            .push("the content-type attribute is missing or not id-data".into());
    }
    let md = message_digest.ok_or("the CMS has no message-digest attribute")?;
    r.digest_matches = md.as_bytes() == digest.as_slice();
    if !r.digest_matches {
        r.problems.push("the document was changed after it was signed: the signed bytes do not match the signature's digest".into());
    }
    let signed_attrs_der = attrs.to_der().map_err(|e| e.to_string())?;
    match verify_signature(
        &signer.tbs_certificate.subject_public_key_info,
        si.signature_algorithm.oid,
        &signed_attrs_der,
        si.signature.as_bytes(),
    ) {
        Ok(()) => r.signature_verified = true,
        Err(e) => r
            .problems
            .push(format!("the signature value does not verify: {e}")),
    }
    if r.sub_filter.as_deref() != Some("ETSI.CAdES.detached")
        && r.sub_filter.as_deref() != Some("adbe.pkcs7.detached")
    {
        r.problems
            .push(format!("unexpected /SubFilter {:?}", r.sub_filter));
    }
    // Chain and trust.
    if !opts.trusted.is_empty() {
        match build_chain(signer, &certs, opts.trusted, opts.now) {
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
    Ok(())
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

fn check_validity(cert: &Certificate, now: DateTime<Utc>) -> Result<(), String> {
    if now < not_before(cert) || now > not_after(cert) {
        return Err(format!(
            "certificate {} is not valid at {} (valid {} to {})",
            cert.tbs_certificate.subject,
            now.to_rfc3339(),
            not_before(cert).to_rfc3339(),
            not_after(cert).to_rfc3339()
        ));
    }
    Ok(())
}

/// Signer → intermediates (from the CMS) → a trusted CA, each link's signature checked.
fn build_chain<'a>(
    signer: &Certificate,
    pool: &[Certificate],
    trusted: &'a [Certificate],
    now: DateTime<Utc>,
) -> Result<(Vec<Certificate>, &'a Certificate), String> {
    let mut chain = vec![signer.clone()];
    let mut current = signer.clone();
    for _ in 0..10 {
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
                return Err(format!(
                    "trusted certificate {} is not a CA",
                    t.tbs_certificate.subject
                ));
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
            Some(p) => return Err(format!("issuer {} is not a CA", p.tbs_certificate.subject)),
            None => {
                return Err(format!(
                    "no trusted CA issued {} (issuer {})",
                    current.tbs_certificate.subject, current.tbs_certificate.issuer
                ))
            }
        }
    }
    Err("certificate chain longer than 10".into())
}

fn embedded_files(doc: &Document) -> Vec<(EmbeddedFileInfo, Vec<u8>)> {
    let mut out = Vec::new();
    let Some(tree) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Names").ok())
        .and_then(|n| resolve(doc, n))
        .and_then(|n| n.as_dict().ok())
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
        .and_then(|e| resolve(doc, e))
        .and_then(|e| e.as_dict().ok())
    else {
        return out;
    };
    let mut nodes = vec![(tree.clone(), 0)];
    while let Some((node, depth)) = nodes.pop() {
        if let Some(Object::Array(kids)) = node.get(b"Kids").ok().and_then(|k| resolve(doc, k)) {
            for k in kids {
                if let (Some(Object::Dictionary(kd)), true) = (resolve(doc, k), depth < 16) {
                    nodes.push((kd.clone(), depth + 1));
                }
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
            let Some(Object::Stream(stream)) = spec
                .get(b"EF")
                .ok()
                .and_then(|e| resolve(doc, e))
                .and_then(|e| e.as_dict().ok())
                .and_then(|e| e.get(b"F").ok())
                .and_then(|f| resolve(doc, f))
            else {
                continue;
            };
            let bytes = if stream.dict.has(b"Filter") {
                match stream.decompressed_content() {
                    Ok(b) => b,
                    Err(_) => continue,
                }
            } else {
                stream.content.clone()
            };
            out.push((
                EmbeddedFileInfo {
                    name,
                    size: bytes.len(),
                    mime_type: stream
                        .dict
                        .get(b"Subtype")
                        .and_then(Object::as_name)
                        .ok()
                        .map(|n| String::from_utf8_lossy(n).into_owned()),
                    relationship: spec
                        .get(b"AFRelationship")
                        .and_then(Object::as_name)
                        .ok()
                        .map(|n| String::from_utf8_lossy(n).into_owned()),
                },
                bytes,
            ));
        }
    }
    out
}
