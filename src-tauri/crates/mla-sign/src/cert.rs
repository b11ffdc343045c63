//! Certificate reading and the checks a signing certificate must pass.

use chrono::{DateTime, Utc};
use der::{Decode, DecodePem, Encode};
use serde::Serialize;
use sha2::{Digest, Sha256};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage};
use x509_cert::Certificate;

use crate::Error;

/// What a person needs to know about a certificate, ready to print or serialize.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CertificateInfo {
    pub subject: String,
    pub issuer: String,
    pub serial_hex: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    pub key_algorithm: String,
    pub key_usage: Vec<String>,
    pub sha256_fingerprint: String,
}

impl CertificateInfo {
    pub fn from_certificate(cert: &Certificate) -> Self {
        let tbs = &cert.tbs_certificate;
        let der = cert.to_der().unwrap_or_default();
        CertificateInfo {
            subject: tbs.subject.to_string(),
            issuer: tbs.issuer.to_string(),
            serial_hex: hex(tbs.serial_number.as_bytes()),
            not_before: not_before(cert),
            not_after: not_after(cert),
            key_algorithm: key_algorithm_name(cert),
            key_usage: key_usage_names(cert),
            sha256_fingerprint: hex(&Sha256::digest(&der)),
        }
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push_str(&format!("{b:02X}"));
    }
    out
}

pub(crate) fn to_chrono(t: x509_cert::time::Time) -> DateTime<Utc> {
    let d = t.to_unix_duration();
    DateTime::from_timestamp(d.as_secs() as i64, 0).unwrap_or(DateTime::UNIX_EPOCH)
}

pub(crate) fn not_before(cert: &Certificate) -> DateTime<Utc> {
    to_chrono(cert.tbs_certificate.validity.not_before)
}

pub(crate) fn not_after(cert: &Certificate) -> DateTime<Utc> {
    to_chrono(cert.tbs_certificate.validity.not_after)
}

pub(crate) fn subject(cert: &Certificate) -> String {
    cert.tbs_certificate.subject.to_string()
}

fn key_algorithm_name(cert: &Certificate) -> String {
    let oid = cert.tbs_certificate.subject_public_key_info.algorithm.oid;
    match oid {
        const_oid::db::rfc5912::RSA_ENCRYPTION => {
            let bits = rsa_bits(cert).map(|b| format!(" {b}")).unwrap_or_default();
            format!("RSA{bits}")
        }
        const_oid::db::rfc5912::ID_EC_PUBLIC_KEY => {
            let curve = cert
                .tbs_certificate
                .subject_public_key_info
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<der::asn1::ObjectIdentifier>().ok());
            match curve {
                Some(const_oid::db::rfc5912::SECP_256_R_1) => "ECDSA P-256".into(),
                Some(const_oid::db::rfc5912::SECP_384_R_1) => "ECDSA P-384".into(),
                Some(other) => format!("EC ({other})"),
                None => "EC".into(),
            }
        }
        other => other.to_string(),
    }
}

fn rsa_bits(cert: &Certificate) -> Option<usize> {
    use rsa::pkcs8::DecodePublicKey;
    use rsa::traits::PublicKeyParts;
    let spki = cert.tbs_certificate.subject_public_key_info.to_der().ok()?;
    let key = rsa::RsaPublicKey::from_public_key_der(&spki).ok()?;
    Some(key.n().bits())
}

pub(crate) fn key_usage(cert: &Certificate) -> Option<KeyUsage> {
    cert.tbs_certificate
        .get::<KeyUsage>()
        .ok()
        .flatten()
        .map(|(_, ku)| ku)
}

pub(crate) fn is_ca(cert: &Certificate) -> bool {
    matches!(cert.tbs_certificate.get::<BasicConstraints>(), Ok(Some((_, bc))) if bc.ca)
}

fn key_usage_names(cert: &Certificate) -> Vec<String> {
    let Some(ku) = key_usage(cert) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let pairs: [(bool, &str); 9] = [
        (ku.digital_signature(), "digitalSignature"),
        (ku.non_repudiation(), "nonRepudiation"),
        (ku.key_encipherment(), "keyEncipherment"),
        (ku.data_encipherment(), "dataEncipherment"),
        (ku.key_agreement(), "keyAgreement"),
        (ku.key_cert_sign(), "keyCertSign"),
        (ku.crl_sign(), "cRLSign"),
        (ku.encipher_only(), "encipherOnly"),
        (ku.decipher_only(), "decipherOnly"),
    ];
    for (set, name) in pairs {
        if set {
            names.push(name.to_string());
        }
    }
    names
}

/// Refuse a certificate that cannot make a signature a verifier will accept: outside its
/// validity period at `now`, or whose key usage allows neither digitalSignature nor
/// nonRepudiation (a certificate without a key-usage extension is refused too: signing
/// certificates issued under eIDAS and most national PKIs always carry one).
pub fn check_signing_certificate(cert: &Certificate, now: DateTime<Utc>) -> Result<(), Error> {
    let subject = subject(cert);
    let (nb, na) = (not_before(cert), not_after(cert));
    if now < nb {
        return Err(Error::CertificateNotYetValid {
            subject,
            not_before: nb.to_rfc3339(),
            now: now.to_rfc3339(),
        });
    }
    if now > na {
        return Err(Error::CertificateExpired {
            subject,
            not_after: na.to_rfc3339(),
            now: now.to_rfc3339(),
        });
    }
    match key_usage(cert) {
        Some(ku) if ku.digital_signature() || ku.non_repudiation() => Ok(()),
        Some(_) => Err(Error::KeyUsageNotForSigning {
            subject,
            found: key_usage_names(cert).join(", "),
        }),
        None => Err(Error::KeyUsageNotForSigning {
            subject,
            found: "no key-usage extension".into(),
        }),
    }
}

pub(crate) fn parse_certificates(bytes: &[u8]) -> Result<Vec<Certificate>, Error> {
    let text = std::str::from_utf8(bytes).ok();
    match text {
        Some(t) if t.contains("-----BEGIN") => {
            let mut certs = Vec::new();
            let mut rest = t;
            while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
                let end_marker = "-----END CERTIFICATE-----";
                let Some(end) = rest[start..].find(end_marker) else {
                    return Err(Error::BadCertificate(
                        "a PEM block has no END CERTIFICATE line".into(),
                    ));
                };
                let block = &rest[start..start + end + end_marker.len()];
                certs.push(
                    Certificate::from_pem(block.as_bytes())
                        .map_err(|e| Error::BadCertificate(format!("PEM certificate: {e}")))?,
                );
                rest = &rest[start + end + end_marker.len()..];
            }
            if certs.is_empty() {
                return Err(Error::BadCertificate(
                    "no BEGIN CERTIFICATE block in the PEM text".into(),
                ));
            }
            Ok(certs)
        }
        _ => Ok(vec![Certificate::from_der(bytes).map_err(|e| {
            Error::BadCertificate(format!("DER certificate: {e}"))
        })?]),
    }
}

/// The subject's common name (CN), if it has one.
pub fn common_name(cert: &Certificate) -> Option<String> {
    for rdn in cert.tbs_certificate.subject.0.iter() {
        for atv in rdn.0.iter() {
            if atv.oid == const_oid::db::rfc4519::CN {
                if let Ok(s) = atv.value.decode_as::<der::asn1::Utf8StringRef<'_>>() {
                    return Some(s.as_str().to_string());
                }
                if let Ok(s) = atv.value.decode_as::<der::asn1::PrintableStringRef<'_>>() {
                    return Some(s.as_str().to_string());
                }
            }
        }
    }
    None
}
