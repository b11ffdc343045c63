//! Signing with a key held on a PKCS#11 token (smart card, HSM; tested with SoftHSM2).

use std::path::Path;

use chrono::{DateTime, Utc};
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error as CkError, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::types::AuthPin;
use der::Decode;
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

use crate::cert::check_signing_certificate;
use crate::keys::{Password, SignatureAlgorithm, SigningKey};
use crate::Error;

/// Which token and key to use. Empty fields match anything (the first token, the first
/// private key with a certificate).
#[derive(Debug, Clone, Default)]
pub struct Pkcs11KeySelector {
    pub token_label: Option<String>,
    pub key_label: Option<String>,
    pub key_id: Option<Vec<u8>>,
}

/// A private key on a token, logged in, with its certificate chain.
pub struct Pkcs11Key {
    session: Session,
    key: ObjectHandle,
    algorithm: SignatureAlgorithm,
    chain: Vec<Certificate>,
    // Keeps the module loaded for as long as the session lives (dropped after it).
    _context: Pkcs11,
}

impl std::fmt::Debug for Pkcs11Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkcs11Key")
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}

fn ck(what: &'static str) -> impl Fn(CkError) -> Error {
    move |e| Error::Pkcs11(format!("{what}: {e}"))
}

impl Pkcs11Key {
    /// Load `module` (e.g. `/usr/lib/softhsm/libsofthsm2.so`), log in with `pin` and find the
    /// key. The certificate is read from the token (same `CKA_ID` as the key); when the
    /// token holds none, `certificates` must start with it. Issuer certificates in
    /// `certificates` are added to the chain.
    pub fn open(
        module: &Path,
        selector: &Pkcs11KeySelector,
        pin: &Password,
        certificates: &[Certificate],
        now: DateTime<Utc>,
    ) -> Result<Self, Error> {
        let context = Pkcs11::new(module)
            .map_err(|e| Error::Pkcs11(format!("cannot load module {}: {e}", module.display())))?;
        match context.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
            Ok(()) | Err(CkError::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => {}
            Err(e) => return Err(Error::Pkcs11(format!("initialising the module: {e}"))),
        }
        let slots = context
            .get_slots_with_token()
            .map_err(ck("listing slots"))?;
        let mut chosen = None;
        let mut labels = Vec::new();
        for slot in slots {
            let info = context
                .get_token_info(slot)
                .map_err(ck("reading token info"))?;
            let label = info.label().trim().to_string();
            if selector.token_label.as_deref().is_none_or(|l| l == label) {
                chosen = Some(slot);
                break;
            }
            labels.push(label);
        }
        let slot = chosen.ok_or_else(|| {
            Error::Pkcs11(match &selector.token_label {
                Some(l) => format!("no token labelled {l:?} (tokens present: {labels:?})"),
                None => "no token present".into(),
            })
        })?;
        let session = context
            .open_ro_session(slot)
            .map_err(ck("opening a session"))?;
        let auth = AuthPin::from(pin.expose());
        match session.login(UserType::User, Some(&auth)) {
            Ok(()) | Err(CkError::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => {}
            Err(CkError::Pkcs11(RvError::PinIncorrect, _)) => {
                return Err(Error::Pkcs11("wrong PIN".into()))
            }
            Err(CkError::Pkcs11(RvError::PinLocked, _)) => {
                return Err(Error::Pkcs11("the PIN is locked".into()))
            }
            Err(e) => return Err(Error::Pkcs11(format!("login: {e}"))),
        }
        let mut template = vec![Attribute::Class(ObjectClass::PRIVATE_KEY)];
        if let Some(l) = &selector.key_label {
            template.push(Attribute::Label(l.as_bytes().to_vec()));
        }
        if let Some(id) = &selector.key_id {
            template.push(Attribute::Id(id.clone()));
        }
        let keys = session
            .find_objects(&template)
            .map_err(ck("finding the key"))?;
        let Some(&key) = keys.first() else {
            return Err(Error::Pkcs11("no private key on the token matches".into()));
        };
        let attrs = session
            .get_attributes(key, &[AttributeType::KeyType, AttributeType::Id])
            .map_err(ck("reading key attributes"))?;
        let mut key_type = None;
        let mut id = Vec::new();
        for a in attrs {
            match a {
                Attribute::KeyType(t) => key_type = Some(t),
                Attribute::Id(i) => id = i,
                _ => {}
            }
        }
        let algorithm = match key_type {
            Some(KeyType::RSA) => SignatureAlgorithm::RsaPkcs1Sha256,
            Some(KeyType::EC) => SignatureAlgorithm::EcdsaP256Sha256,
            other => return Err(Error::UnsupportedKey(format!("token key type {other:?}"))),
        };
        let mut chain = Vec::new();
        let certs = session
            .find_objects(&[
                Attribute::Class(ObjectClass::CERTIFICATE),
                Attribute::Id(id.clone()),
            ])
            .map_err(ck("finding the certificate"))?;
        if let Some(&c) = certs.first() {
            let value = session
                .get_attributes(c, &[AttributeType::Value])
                .map_err(ck("reading the certificate"))?;
            if let Some(Attribute::Value(der)) = value.into_iter().next() {
                chain.push(Certificate::from_der(&der).map_err(|e| {
                    Error::BadCertificate(format!("certificate on the token: {e}"))
                })?);
            }
        }
        for c in certificates {
            if !chain.contains(c) {
                chain.push(c.clone());
            }
        }
        let Some(leaf) = chain.first() else {
            return Err(Error::Pkcs11(
                "the token holds no certificate for the key and none was given".into(),
            ));
        };
        check_signing_certificate(leaf, now)?;
        Ok(Pkcs11Key {
            session,
            key,
            algorithm,
            chain,
            _context: context,
        })
    }
}

impl SigningKey for Pkcs11Key {
    fn certificate_chain(&self) -> &[Certificate] {
        &self.chain
    }

    fn algorithm(&self) -> SignatureAlgorithm {
        self.algorithm
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        match self.algorithm {
            SignatureAlgorithm::RsaPkcs1Sha256 => self
                .session
                .sign(&Mechanism::Sha256RsaPkcs, self.key, message)
                .map_err(ck("RSA signing on the token")),
            SignatureAlgorithm::EcdsaP256Sha256 => {
                let digest = Sha256::digest(message);
                let raw = self
                    .session
                    .sign(&Mechanism::Ecdsa, self.key, &digest)
                    .map_err(ck("ECDSA signing on the token"))?;
                // The token returns r‖s; CMS wants the DER SEQUENCE of two INTEGERs.
                let sig = p256::ecdsa::Signature::from_slice(&raw)
                    .map_err(|e| Error::Signing(format!("token ECDSA signature: {e}")))?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
        }
    }
}
