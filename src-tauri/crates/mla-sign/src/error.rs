/// Everything that can go wrong while embedding, signing, verifying or writing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the input is not a readable PDF: {0}")]
    CorruptPdf(String),
    #[error("the input PDF is encrypted; decrypt it before signing (MLA Desk signs only unencrypted PDFs)")]
    EncryptedPdf,
    #[error("the PDF has no page {page} (it has {count})")]
    NoSuchPage { page: usize, count: usize },
    #[error("the PDF structure is not supported: {0}")]
    UnsupportedPdf(String),
    #[error("the PKCS#12 file could not be opened: wrong password")]
    WrongPassword,
    #[error("the PKCS#12 file could not be read: {0}")]
    BadPkcs12(String),
    #[error(
        "the PKCS#12 file holds no private key (only certificates); export it again with the key"
    )]
    NoPrivateKey,
    #[error("the private key does not belong to the certificate {subject}")]
    KeyCertificateMismatch { subject: String },
    #[error("unsupported key: {0} (MLA Desk signs with RSA or ECDSA P-256 keys)")]
    UnsupportedKey(String),
    #[error("the certificate {subject} has expired: valid until {not_after}, now is {now}")]
    CertificateExpired {
        subject: String,
        not_after: String,
        now: String,
    },
    #[error("the certificate {subject} is not yet valid: valid from {not_before}, now is {now}")]
    CertificateNotYetValid {
        subject: String,
        not_before: String,
        now: String,
    },
    #[error(
        "the certificate {subject} may not be used for signatures: its key usage ({found}) \
         allows neither digitalSignature nor nonRepudiation"
    )]
    KeyUsageNotForSigning { subject: String, found: String },
    #[error("the certificate could not be read: {0}")]
    BadCertificate(String),
    #[error(
        "the signature block font has no glyph for {ch:?} (in {field}); give a font that has it"
    )]
    UnsupportedCharacter { ch: char, field: &'static str },
    #[error("the signature block text contains {ch:?} (in {field}), a script that needs text shaping, which the signature block cannot do yet")]
    NeedsShaping { ch: char, field: &'static str },
    #[error("the signature block font cannot be used: {0}")]
    BadFont(String),
    #[error("the seal image could not be read: {0}")]
    BadSealImage(String),
    #[error("attachment {name:?}: {reason}")]
    BadAttachment { name: String, reason: String },
    #[error("PKCS#11 token: {0}")]
    Pkcs11(String),
    #[error("the token refused the PIN (wrong PIN)")]
    WrongPin,
    #[error("the token's PIN is locked after too many wrong tries; unlock it with the token's own tools")]
    PinLocked,
    #[error("PKCS#11: {0}")]
    NoToken(String),
    #[error("PKCS#11: {0}")]
    NoTokenKey(String),
    #[error("signing failed: {0}")]
    Signing(String),
    #[error("the signature does not fit the space reserved for it ({needed} > {reserved} bytes)")]
    SignatureTooLarge { needed: usize, reserved: usize },
    #[error("could not write {path}: {reason}")]
    Write { path: String, reason: String },
    /// A received PDF could not be read ([`crate::read_pdf_file`]; the caller names the file).
    #[error("cannot read the file: {0}")]
    Read(String),
    /// A received PDF over [`crate::MAX_PDF_BYTES`], refused before it is read (the caller
    /// names the file).
    #[error(
        "the file is {size} bytes; MLA Desk checks PDFs of at most {max} bytes (256 MiB) and \
         did not read it"
    )]
    PdfTooLarge { size: u64, max: u64 },
    /// A stream of a received PDF inflates past its limit (a decompression bomb, or a file
    /// too large to check).
    #[error(
        "{what} decompresses to more than {max} bytes; MLA Desk does not open it (a possible \
         decompression bomb)"
    )]
    StreamTooLarge {
        /// The stream, and its object number when known.
        what: String,
        max: usize,
    },
    /// More signature dictionaries than [`crate::MAX_SIGNATURES`].
    #[error(
        "the PDF has {found} signature dictionaries; MLA Desk checks files with at most {max} \
         signatures"
    )]
    TooManySignatures { found: usize, max: usize },
    /// A structure of the PDF (form fields, embedded-files tree) has more entries than a
    /// walk reads ([`crate::MAX_WALK_NODES`]).
    #[error(
        "the PDF's {what} has more than {max} entries; MLA Desk does not read a structure that \
         large"
    )]
    StructureTooLarge { what: &'static str, max: usize },
}
