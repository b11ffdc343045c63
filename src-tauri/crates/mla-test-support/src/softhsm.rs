//! A SoftHSM2 token for tests (Debian's package softhsm2), used by mla-sign's PKCS#11
//! test and the app's end-to-end journey.
//!
//! The configuration file points SoftHSM2 at a token folder of the test's own, so the
//! system's tokens are never touched. The PKCS#11 module reads `$SOFTHSM2_CONF` from the
//! environment of the process that loads it: the caller makes sure it names
//! [`SoftHsm::conf`] (for the app, scripts/e2e.sh exports it).

use std::path::{Path, PathBuf};
use std::process::Command;

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::object::{Attribute, CertificateType, ObjectClass};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;
use der::Encode;

/// The module Debian installs.
pub const MODULE: &str = "/usr/lib/softhsm/libsofthsm2.so";

const SO_PIN: &str = "31415926";

pub struct SoftHsm {
    pub conf: PathBuf,
}

impl SoftHsm {
    /// Writes `conf` so that SoftHSM2 keeps its tokens in an empty `tokens` folder beside
    /// it (emptied if it exists): the module then shows one blank slot only.
    pub fn at(conf: &Path) -> SoftHsm {
        assert!(
            Path::new(MODULE).is_file(),
            "{MODULE} is missing (apt-get install softhsm2)"
        );
        let tokens = conf.parent().expect("a file in a folder").join("tokens");
        let _ = std::fs::remove_dir_all(&tokens);
        std::fs::create_dir_all(&tokens).unwrap();
        std::fs::write(
            conf,
            format!(
                "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n",
                tokens.display()
            ),
        )
        .unwrap();
        SoftHsm {
            conf: conf.to_owned(),
        }
    }

    fn util(&self, args: &[&str]) {
        let mut cmd = Command::new("softhsm2-util");
        cmd.env("SOFTHSM2_CONF", &self.conf).args(args);
        let out = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
        assert!(
            out.status.success(),
            "{cmd:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A new, empty token in the first free slot.
    pub fn init_token(&self, label: &str, pin: &str) {
        self.util(&[
            "--init-token",
            "--free",
            "--label",
            label,
            "--pin",
            pin,
            "--so-pin",
            SO_PIN,
        ]);
    }

    /// Imports a PKCS#8 PEM private key (softhsm2-util imports keys only).
    pub fn import_key(&self, token: &str, pin: &str, key: &Path, label: &str, id_hex: &str) {
        self.util(&[
            "--import",
            key.to_str().unwrap(),
            "--token",
            token,
            "--label",
            label,
            "--id",
            id_hex,
            "--pin",
            pin,
        ]);
    }

    /// Stores the first certificate of `cert_pem` on the token, under `id` (the key's id,
    /// so that the certificate and its key are found together).
    pub fn put_certificate(&self, token: &str, pin: &str, cert_pem: &[u8], id: &[u8], label: &str) {
        assert_eq!(
            std::env::var_os("SOFTHSM2_CONF").as_deref(),
            Some(self.conf.as_os_str()),
            "this process must load SoftHSM2 with the test's configuration"
        );
        let cert = &mla_sign::parse_certificates(cert_pem).unwrap()[0];
        let ctx = Pkcs11::new(MODULE).unwrap();
        ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
            .unwrap();
        {
            let slot = ctx
                .get_slots_with_token()
                .unwrap()
                .into_iter()
                .find(|&s| ctx.get_token_info(s).unwrap().label().trim() == token)
                .unwrap_or_else(|| panic!("no token labelled {token}"));
            let session = ctx.open_rw_session(slot).unwrap();
            session
                .login(UserType::User, Some(&AuthPin::from(pin)))
                .unwrap();
            session
                .create_object(&[
                    Attribute::Class(ObjectClass::CERTIFICATE),
                    Attribute::CertificateType(CertificateType::X_509),
                    Attribute::Token(true),
                    Attribute::Id(id.to_vec()),
                    Attribute::Label(label.as_bytes().to_vec()),
                    Attribute::Subject(cert.tbs_certificate.subject.to_der().unwrap()),
                    Attribute::Value(cert.to_der().unwrap()),
                ])
                .unwrap();
        }
        ctx.finalize().unwrap();
    }
}
