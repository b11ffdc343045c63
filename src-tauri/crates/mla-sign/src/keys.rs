//! Signing keys: the trait the signer uses, and the PKCS#12 implementation.

use chrono::{DateTime, Utc};
use der::{Decode, Encode};
use sha2::Sha256;
use x509_cert::Certificate;
use zeroize::Zeroizing;

use crate::cert::{check_signing_certificate, subject};
use crate::Error;

/// A password or PIN. The text is zeroed when the value is dropped and never printed.
pub struct Password(Zeroizing<String>);

impl Password {
    pub fn new(text: String) -> Self {
        Password(Zeroizing::new(text))
    }

    /// Text without the trailing line end a terminal or a pipe adds.
    pub fn from_line(mut text: String) -> Self {
        while text.ends_with('\n') || text.ends_with('\r') {
            text.pop();
        }
        Password::new(text)
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<hidden>)")
    }
}

/// The signature schemes MLA Desk produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureAlgorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    RsaPkcs1Sha256,
    /// ECDSA on P-256 with SHA-256, DER-encoded signature value.
    EcdsaP256Sha256,
}

/// A private key with its certificate chain. `sign` receives the bytes to be signed (the
/// DER of the CMS signed attributes) and returns the signature value as CMS carries it.
pub trait SigningKey {
    /// The signer's certificate first, then the issuing CAs (possibly none).
    fn certificate_chain(&self) -> &[Certificate];
    fn algorithm(&self) -> SignatureAlgorithm;
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error>;
}

enum Pkcs12Private {
    /// The key for the `rsa` crate (public key, and signing when ring refuses the key),
    /// and ring's parse of it when ring accepts it (2048 to 8192 bits).
    Rsa(
        Box<rsa::pkcs1v15::SigningKey<Sha256>>,
        Option<Box<ring::rsa::KeyPair>>,
    ),
    P256(p256::ecdsa::SigningKey),
}

/// A key and certificate chain read from a PKCS#12 (.p12 / .pfx) file.
pub struct Pkcs12Key {
    key: Pkcs12Private,
    chain: Vec<Certificate>,
}

impl std::fmt::Debug for Pkcs12Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkcs12Key")
            .field("subject", &self.chain.first().map(subject))
            .finish_non_exhaustive()
    }
}

impl Pkcs12Key {
    /// Open a PKCS#12 file and check its certificate against `now`.
    pub fn open(p12: &[u8], password: &Password, now: DateTime<Utc>) -> Result<Self, Error> {
        let store =
            p12_keystore::KeyStore::from_pkcs12(p12, password.expose()).map_err(|e| match e {
                p12_keystore::error::Error::MacError(_) => Error::WrongPassword,
                // A wrong password on a file without MAC shows as a padding error.
                p12_keystore::error::Error::UnpadError => Error::WrongPassword,
                other => Error::BadPkcs12(other.to_string()),
            })?;
        let Some((_, entry)) = store.private_key_chain() else {
            return Err(Error::NoPrivateKey);
        };
        let pkcs8 = Zeroizing::new(entry.key().to_vec());
        let mut chain = Vec::new();
        for c in entry.chain() {
            chain.push(
                Certificate::from_der(c.as_der())
                    .map_err(|e| Error::BadCertificate(e.to_string()))?,
            );
        }
        let Some(leaf) = chain.first() else {
            return Err(Error::BadPkcs12(
                "the private key has no certificate in the file".into(),
            ));
        };
        check_signing_certificate(leaf, now)?;
        let key = private_key_from_pkcs8(&pkcs8)?;
        let key_spki = match &key {
            Pkcs12Private::Rsa(k, _) => {
                use rsa::pkcs8::EncodePublicKey;
                let public = rsa::RsaPublicKey::from(k.as_ref().as_ref());
                public
                    .to_public_key_der()
                    .map(|d| d.as_bytes().to_vec())
                    .map_err(|e| Error::UnsupportedKey(e.to_string()))?
            }
            Pkcs12Private::P256(k) => {
                use p256::pkcs8::EncodePublicKey;
                k.verifying_key()
                    .to_public_key_der()
                    .map(|d| d.as_bytes().to_vec())
                    .map_err(|e| Error::UnsupportedKey(e.to_string()))?
            }
        };
        let cert_spki = leaf
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .map_err(|e| Error::BadCertificate(e.to_string()))?;
        if key_spki != cert_spki {
            return Err(Error::KeyCertificateMismatch {
                subject: subject(leaf),
            });
        }
        Ok(Pkcs12Key { key, chain })
    }
}

fn private_key_from_pkcs8(pkcs8: &[u8]) -> Result<Pkcs12Private, Error> {
    let info = pkcs8::PrivateKeyInfo::try_from(pkcs8)
        .map_err(|e| Error::BadPkcs12(format!("private key: {e}")))?;
    match info.algorithm.oid {
        const_oid::db::rfc5912::RSA_ENCRYPTION => {
            use rsa::pkcs8::DecodePrivateKey;
            let key = rsa::RsaPrivateKey::from_pkcs8_der(pkcs8)
                .map_err(|e| Error::BadPkcs12(format!("RSA private key: {e}")))?;
            let fast = ring::rsa::KeyPair::from_pkcs8(pkcs8).ok().map(Box::new);
            Ok(Pkcs12Private::Rsa(
                Box::new(rsa::pkcs1v15::SigningKey::<Sha256>::new(key)),
                fast,
            ))
        }
        const_oid::db::rfc5912::ID_EC_PUBLIC_KEY => {
            use p256::pkcs8::DecodePrivateKey;
            let key = p256::SecretKey::from_pkcs8_der(pkcs8)
                .map_err(|e| Error::UnsupportedKey(format!("EC key is not a P-256 key ({e})")))?;
            Ok(Pkcs12Private::P256(p256::ecdsa::SigningKey::from(key)))
        }
        other => Err(Error::UnsupportedKey(format!("key algorithm {other}"))),
    }
}

impl SigningKey for Pkcs12Key {
    fn certificate_chain(&self) -> &[Certificate] {
        &self.chain
    }

    fn algorithm(&self) -> SignatureAlgorithm {
        match self.key {
            Pkcs12Private::Rsa(..) => SignatureAlgorithm::RsaPkcs1Sha256,
            Pkcs12Private::P256(_) => SignatureAlgorithm::EcdsaP256Sha256,
        }
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        use signature::{SignatureEncoding, Signer};
        match &self.key {
            // RSASSA-PKCS1-v1_5 is deterministic: ring and the rsa crate give the same
            // bytes; ring's constant-time assembly is about ten times faster.
            Pkcs12Private::Rsa(_, Some(fast)) => {
                let mut sig = vec![0; fast.public().modulus_len()];
                fast.sign(
                    &ring::signature::RSA_PKCS1_SHA256,
                    &ring::rand::SystemRandom::new(),
                    message,
                    &mut sig,
                )
                .map_err(|e| Error::Signing(e.to_string()))?;
                Ok(sig)
            }
            Pkcs12Private::Rsa(k, None) => {
                let sig: rsa::pkcs1v15::Signature = k
                    .try_sign(message)
                    .map_err(|e| Error::Signing(e.to_string()))?;
                Ok(sig.to_vec())
            }
            Pkcs12Private::P256(k) => {
                let sig: p256::ecdsa::Signature = k
                    .try_sign(message)
                    .map_err(|e| Error::Signing(e.to_string()))?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
        }
    }
}
