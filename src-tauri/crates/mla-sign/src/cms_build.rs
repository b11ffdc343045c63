//! The CMS SignedData of a PAdES B-B signature, assembled field by field so that no clock is
//! read and any [`SigningKey`] (file or token) fits.
//!
//! Signed attributes: content-type, message-digest and ESS signing-certificate-v2 (RFC 5035),
//! which PAdES requires and pyHanko checks. No signing-time attribute: PAdES (ETSI EN 319
//! 142-1, 5.2.1) puts the claimed signing time in the `/M` entry of the signature dictionary.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use const_oid::db::rfc5911::{ID_CONTENT_TYPE, ID_DATA, ID_MESSAGE_DIGEST, ID_SIGNED_DATA};
use der::asn1::{Any, ObjectIdentifier, OctetString, SetOfVec};
use der::{Encode, Sequence};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::{Attribute, AttributeValue};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;
use x509_cert::Certificate;

use crate::keys::{SignatureAlgorithm, SigningKey};
use crate::Error;

pub(crate) const ID_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
pub(crate) const SHA256_WITH_RSA: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
pub(crate) const ECDSA_WITH_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
/// id-aa-signingCertificateV2, RFC 5035.
pub(crate) const ID_AA_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

/// ESSCertIDv2 with the default hash algorithm (SHA-256), so `hashAlgorithm` is omitted.
#[derive(Clone, Debug, Sequence)]
pub(crate) struct EssCertIdV2 {
    pub cert_hash: OctetString,
    pub issuer_serial: Option<IssuerSerial>,
}

#[derive(Clone, Debug, Sequence)]
pub(crate) struct IssuerSerial {
    pub issuer: Vec<GeneralName>,
    pub serial_number: SerialNumber,
}

#[derive(Clone, Debug, Sequence)]
pub(crate) struct SigningCertificateV2 {
    pub certs: Vec<EssCertIdV2>,
}

fn der_err(e: der::Error) -> Error {
    Error::Signing(format!("DER encoding: {e}"))
}

fn attribute(oid: ObjectIdentifier, value: Any) -> Result<Attribute, Error> {
    let mut values = SetOfVec::new();
    values
        .insert(AttributeValue::from(value))
        .map_err(der_err)?;
    Ok(Attribute { oid, values })
}

pub(crate) fn sha256_alg() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    }
}

fn signature_alg(alg: SignatureAlgorithm) -> AlgorithmIdentifierOwned {
    match alg {
        SignatureAlgorithm::RsaPkcs1Sha256 => AlgorithmIdentifierOwned {
            oid: SHA256_WITH_RSA,
            parameters: Some(Any::null()),
        },
        SignatureAlgorithm::EcdsaP256Sha256 => AlgorithmIdentifierOwned {
            oid: ECDSA_WITH_SHA256,
            parameters: None,
        },
    }
}

/// Upper bound of the DER size of the CMS for this key, for reserving `/Contents`.
pub(crate) fn estimated_size(key: &dyn SigningKey) -> usize {
    let certs: usize = key
        .certificate_chain()
        .iter()
        .map(|c| {
            c.encoded_len()
                .map(|l| u32::from(l) as usize)
                .unwrap_or(4096)
        })
        .sum();
    // Signature (RSA up to 8192 bits), attributes, issuer name twice, framing.
    certs + 1024 + 3 * 1024
}

/// Build the DER of a detached CMS SignedData over `document_digest` (SHA-256 of the
/// signed byte ranges).
pub(crate) fn build_signed_data(
    key: &dyn SigningKey,
    document_digest: &[u8],
) -> Result<Vec<u8>, Error> {
    let chain = key.certificate_chain();
    let signer = chain
        .first()
        .ok_or_else(|| Error::Signing("the key has no certificate".into()))?;
    let signer_der = signer.to_der().map_err(der_err)?;

    let ess = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(Sha256::digest(&signer_der).to_vec()).map_err(der_err)?,
            issuer_serial: Some(IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(
                    signer.tbs_certificate.issuer.clone(),
                )],
                serial_number: signer.tbs_certificate.serial_number.clone(),
            }),
        }],
    };

    let mut signed_attrs = SetOfVec::new();
    signed_attrs
        .insert(attribute(
            ID_CONTENT_TYPE,
            Any::encode_from(&ID_DATA).map_err(der_err)?,
        )?)
        .map_err(der_err)?;
    signed_attrs
        .insert(attribute(
            ID_MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(document_digest.to_vec()).map_err(der_err)?)
                .map_err(der_err)?,
        )?)
        .map_err(der_err)?;
    signed_attrs
        .insert(attribute(
            ID_AA_SIGNING_CERTIFICATE_V2,
            Any::encode_from(&ess).map_err(der_err)?,
        )?)
        .map_err(der_err)?;
    let to_sign = signed_attrs.to_der().map_err(der_err)?;
    let signature = key.sign(&to_sign)?;

    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: signer.tbs_certificate.issuer.clone(),
            serial_number: signer.tbs_certificate.serial_number.clone(),
        }),
        digest_alg: sha256_alg(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: signature_alg(key.algorithm()),
        signature: OctetString::new(signature).map_err(der_err)?,
        unsigned_attrs: None,
    };

    let mut certs = SetOfVec::new();
    for c in chain {
        certs
            .insert(CertificateChoices::Certificate(c.clone()))
            .map_err(der_err)?;
    }
    let mut digest_algorithms = SetOfVec::new();
    digest_algorithms.insert(sha256_alg()).map_err(der_err)?;
    let mut infos = SetOfVec::new();
    infos.insert(signer_info).map_err(der_err)?;

    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(certs)),
        crls: None,
        signer_infos: SignerInfos(infos),
    };
    let content_info = ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(&signed_data).map_err(der_err)?,
    };
    content_info.to_der().map_err(der_err)
}

/// The signer's certificate among `certs`, found by issuer and serial number.
pub(crate) fn find_signer<'a>(
    sid: &SignerIdentifier,
    certs: &'a [Certificate],
) -> Option<&'a Certificate> {
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => certs.iter().find(|c| {
            c.tbs_certificate.issuer == ias.issuer
                && c.tbs_certificate.serial_number == ias.serial_number
        }),
        SignerIdentifier::SubjectKeyIdentifier(skid) => certs.iter().find(|c| {
            matches!(
                c.tbs_certificate.get::<x509_cert::ext::pkix::SubjectKeyIdentifier>(),
                Ok(Some((_, s))) if s == *skid
            )
        }),
    }
}
