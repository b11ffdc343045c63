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

use crate::cert::{check_signing_certificate, CertificateInfo};
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
        let context = load(module)?;
        let slots = context
            .get_slots_with_token()
            .map_err(ck("listing slots"))?;
        let mut chosen = None;
        let mut labels = Vec::new();
        for slot in slots {
            let info = context
                .get_token_info(slot)
                .map_err(ck("reading token info"))?;
            if !info.token_initialized() {
                continue;
            }
            let label = info.label().trim().to_string();
            if selector.token_label.as_deref().is_none_or(|l| l == label) {
                chosen = Some(slot);
                break;
            }
            labels.push(label);
        }
        let slot = chosen.ok_or_else(|| {
            Error::NoToken(match &selector.token_label {
                Some(l) => format!("no token labelled {l:?} (tokens present: {labels:?})"),
                None => "no token present (is the card inserted and its reader connected?)".into(),
            })
        })?;
        let session = context
            .open_ro_session(slot)
            .map_err(ck("opening a session"))?;
        login(&session, pin)?;
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
            return Err(Error::NoTokenKey(
                "no private key on the token matches (none, or not the one chosen)".into(),
            ));
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
            return Err(Error::NoTokenKey(
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

/// Load and initialise a PKCS#11 module (already initialised in this process is fine).
fn load(module: &Path) -> Result<Pkcs11, Error> {
    let context = Pkcs11::new(module)
        .map_err(|e| Error::Pkcs11(format!("cannot load module {}: {e}", module.display())))?;
    match context.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
        Ok(()) | Err(CkError::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => Ok(context),
        Err(e) => Err(Error::Pkcs11(format!("initialising the module: {e}"))),
    }
}

fn login(session: &Session, pin: &Password) -> Result<(), Error> {
    let auth = AuthPin::from(pin.expose());
    match session.login(UserType::User, Some(&auth)) {
        Ok(()) | Err(CkError::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(()),
        Err(CkError::Pkcs11(RvError::PinIncorrect | RvError::PinLenRange, _)) => {
            Err(Error::WrongPin)
        }
        Err(CkError::Pkcs11(RvError::PinLocked, _)) => Err(Error::PinLocked),
        Err(e) => Err(Error::Pkcs11(format!("login: {e}"))),
    }
}

/// A private key found on a token, with its certificate when the token holds one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenKey {
    pub token_label: String,
    /// The key's `CKA_LABEL` (may be empty).
    pub key_label: String,
    /// The key's `CKA_ID`, which [`Pkcs11KeySelector::key_id`] takes.
    pub key_id: Vec<u8>,
    /// `RSA`, `EC` or the type the token reports.
    pub key_type: String,
    /// The certificate with the same `CKA_ID`, if the token holds it.
    pub certificate: Option<CertificateInfo>,
    /// Why this certificate cannot sign now (expired, not yet valid, not for signing);
    /// `None` when it can, or when the token holds no certificate.
    pub problem: Option<String>,
}

/// Every private key on every token of `module` that `pin` opens, with its certificate.
/// A PIN no token accepts is [`Error::WrongPin`]; no token is [`Error::NoToken`]; tokens
/// without a private key give [`Error::NoTokenKey`]. `now` judges certificate validity.
pub fn list_token_keys(
    module: &Path,
    pin: &Password,
    now: DateTime<Utc>,
) -> Result<Vec<TokenKey>, Error> {
    let context = load(module)?;
    let result = list_with(&context, pin, now);
    // Sessions are closed (dropped) by now; let the module release the tokens.
    let _ = context.finalize();
    result
}

fn list_with(context: &Pkcs11, pin: &Password, now: DateTime<Utc>) -> Result<Vec<TokenKey>, Error> {
    let slots = context
        .get_slots_with_token()
        .map_err(ck("listing slots"))?;
    if slots.is_empty() {
        return Err(Error::NoToken(
            "no token present (is the card inserted and its reader connected?)".into(),
        ));
    }
    let mut keys = Vec::new();
    let mut refused = 0;
    let mut last_refusal = Error::WrongPin;
    let mut tokens = 0;
    for &slot in &slots {
        let info = context
            .get_token_info(slot)
            .map_err(ck("reading token info"))?;
        // A blank token (SoftHSM2's free slot, a card never personalised) holds nothing.
        if !info.token_initialized() {
            continue;
        }
        tokens += 1;
        let token_label = info.label().trim().to_string();
        let session = context
            .open_ro_session(slot)
            .map_err(ck("opening a session"))?;
        if let Err(e) = login(&session, pin) {
            match e {
                Error::WrongPin | Error::PinLocked => {
                    refused += 1;
                    last_refusal = e;
                    continue;
                }
                other => return Err(other),
            }
        }
        let handles = session
            .find_objects(&[Attribute::Class(ObjectClass::PRIVATE_KEY)])
            .map_err(ck("finding keys"))?;
        for handle in handles {
            let attrs = session
                .get_attributes(
                    handle,
                    &[
                        AttributeType::Label,
                        AttributeType::Id,
                        AttributeType::KeyType,
                    ],
                )
                .map_err(ck("reading key attributes"))?;
            let mut key = TokenKey {
                token_label: token_label.clone(),
                key_label: String::new(),
                key_id: Vec::new(),
                key_type: String::new(),
                certificate: None,
                problem: None,
            };
            for a in attrs {
                match a {
                    Attribute::Label(l) => key.key_label = String::from_utf8_lossy(&l).into_owned(),
                    Attribute::Id(i) => key.key_id = i,
                    Attribute::KeyType(KeyType::RSA) => key.key_type = "RSA".into(),
                    Attribute::KeyType(KeyType::EC) => key.key_type = "EC".into(),
                    Attribute::KeyType(t) => key.key_type = format!("{t}"),
                    _ => {}
                }
            }
            let certs = session
                .find_objects(&[
                    Attribute::Class(ObjectClass::CERTIFICATE),
                    Attribute::Id(key.key_id.clone()),
                ])
                .map_err(ck("finding the certificate"))?;
            if let Some(&c) = certs.first() {
                let value = session
                    .get_attributes(c, &[AttributeType::Value])
                    .map_err(ck("reading the certificate"))?;
                if let Some(Attribute::Value(der)) = value.into_iter().next() {
                    match Certificate::from_der(&der) {
                        Ok(cert) => {
                            key.problem = check_signing_certificate(&cert, now)
                                .err()
                                .map(|e| e.to_string());
                            key.certificate = Some(CertificateInfo::from_certificate(&cert));
                        }
                        Err(e) => {
                            key.problem = Some(format!("the certificate cannot be read: {e}"))
                        }
                    }
                }
            }
            keys.push(key);
        }
    }
    if tokens == 0 {
        return Err(Error::NoToken(
            "the token present is blank (not initialised): it holds no key".into(),
        ));
    }
    if refused == tokens {
        return Err(last_refusal);
    }
    if keys.is_empty() {
        return Err(Error::NoTokenKey(
            "the token holds no private key to sign with".into(),
        ));
    }
    Ok(keys)
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
