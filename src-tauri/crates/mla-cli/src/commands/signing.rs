//! Options shared by `mla export` and `mla sign-pdf`: the key, the signature block and
//! PDF/A, and the password prompt. Declared once here and flattened into both commands.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use mla_export::{BlockText, Password, Pkcs11KeySelector, Signer};

use crate::error::CliError;

/// Environment variable holding the PKCS#12 password or token PIN.
pub const PASSWORD_ENV: &str = "MLA_SIGN_PASSWORD";

/// The signing key: a PKCS#12 file or a PKCS#11 token.
#[derive(clap::Args, Debug)]
pub struct KeyArgs {
    /// Sign with this PKCS#12 file (.p12 / .pfx).
    #[arg(
        long = "p12",
        visible_alias = "sign",
        value_name = "CERT.p12",
        conflicts_with = "pkcs11_module"
    )]
    pub p12: Option<PathBuf>,
    /// Sign with a key on a token through this PKCS#11 module
    /// (e.g. /usr/lib/softhsm/libsofthsm2.so).
    #[arg(long, value_name = "LIB.so")]
    pub pkcs11_module: Option<PathBuf>,
    /// The token's label [default: the first token].
    #[arg(long, value_name = "LABEL", requires = "pkcs11_module")]
    pub token: Option<String>,
    /// The key's label on the token [default: the first private key].
    #[arg(long, value_name = "LABEL", requires = "pkcs11_module")]
    pub key_label: Option<String>,
    /// Certificates (PEM) for a token key: the signer's, when the token has none, and
    /// its issuers.
    #[arg(long, value_name = "CERT.pem", requires = "pkcs11_module")]
    pub cert: Vec<PathBuf>,
}

impl KeyArgs {
    /// The files these options read, for the output guard.
    pub fn inputs(&self) -> Vec<(&'static str, &Path)> {
        let mut inputs = Vec::new();
        if let Some(p12) = &self.p12 {
            inputs.push(("the PKCS#12 key file", p12.as_path()));
        }
        if let Some(module) = &self.pkcs11_module {
            inputs.push(("the PKCS#11 module", module.as_path()));
        }
        inputs.extend(
            self.cert
                .iter()
                .map(|c| ("a certificate file", c.as_path())),
        );
        inputs
    }

    /// The signer the options name (asking for the password or PIN), or `None` when no
    /// key was given.
    pub fn signer(&self) -> Result<Option<Signer>, CliError> {
        if let Some(p12) = &self.p12 {
            let bytes = read(p12)?;
            let password = read_password(&format!("Password for {}", p12.display()))?;
            return Ok(Some(Signer::Pkcs12 {
                p12: bytes,
                password,
                label: p12.display().to_string(),
            }));
        }
        if let Some(module) = &self.pkcs11_module {
            let mut certificates = Vec::new();
            for path in &self.cert {
                certificates.extend(mla_sign::parse_certificates(&read(path)?).map_err(
                    |source| CliError::Sign {
                        context: path.display().to_string(),
                        source,
                    },
                )?);
            }
            return Ok(Some(Signer::Pkcs11 {
                module: module.clone(),
                selector: Pkcs11KeySelector {
                    token_label: self.token.clone(),
                    key_label: self.key_label.clone(),
                    key_id: None,
                },
                pin: read_password("Token PIN")?,
                certificates,
            }));
        }
        Ok(None)
    }
}

/// What the visible signature block shows.
#[derive(clap::Args, Debug)]
pub struct BlockArgs {
    /// The name in the signature block [default: the certificate's common name].
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// The signer's function in the signature block.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub function: String,
    /// The place of signing.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub place: String,
    /// A seal image (PNG or JPEG) for the signature block.
    #[arg(long, value_name = "IMAGE")]
    pub seal: Option<PathBuf>,
}

impl BlockArgs {
    /// The files these options read, for the output guard.
    pub fn inputs(&self) -> Vec<(&'static str, &Path)> {
        self.seal
            .iter()
            .map(|s| ("the seal image", s.as_path()))
            .collect()
    }

    pub fn block_text(&self) -> Result<BlockText, CliError> {
        Ok(BlockText {
            name: self.name.clone(),
            function: self.function.clone(),
            place: self.place.clone(),
            seal: match &self.seal {
                Some(path) => Some(mla_export::seal_image(read(path)?)),
                None => None,
            },
        })
    }
}

/// PDF/A-3b.
#[derive(clap::Args, Debug)]
pub struct PdfaArgs {
    /// An sRGB ICC profile for the PDF/A-3b output intent. `mla export` uses the sRGB
    /// profile bundled with MLA Desk when none is given; `mla sign-pdf` adds PDF/A
    /// metadata only with this option (it cannot know the input's conformance).
    #[arg(long, value_name = "ICC")]
    pub pdfa_icc: Option<PathBuf>,
}

impl PdfaArgs {
    /// The files these options read, for the output guard.
    pub fn inputs(&self) -> Vec<(&'static str, &Path)> {
        self.pdfa_icc
            .iter()
            .map(|i| ("the ICC profile", i.as_path()))
            .collect()
    }

    pub fn icc(&self) -> Result<Option<Vec<u8>>, CliError> {
        self.pdfa_icc.as_deref().map(read).transpose()
    }
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|source| CliError::ReadInput {
        path: path.to_path_buf(),
        source,
    })
}

/// The password from the environment, a no-echo prompt, or the first line of stdin.
pub fn read_password(what: &str) -> Result<Password, CliError> {
    if let Some(value) = std::env::var_os(PASSWORD_ENV) {
        let text = value
            .into_string()
            .map_err(|_| CliError::Usage(format!("${PASSWORD_ENV} is not valid UTF-8")))?;
        return Ok(Password::new(text));
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let text = rpassword::prompt_password(format!("{what}: "))
            .map_err(|e| CliError::Usage(format!("cannot read the password: {e}")))?;
        return Ok(Password::new(text));
    }
    let mut line = String::new();
    stdin.read_line(&mut line).map_err(|e| {
        CliError::Usage(format!("cannot read the password from standard input: {e}"))
    })?;
    Ok(Password::from_line(line))
}
