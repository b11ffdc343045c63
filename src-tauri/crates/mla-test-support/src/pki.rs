//! A throw-away PKI made with openssl, and the independent validators.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const P12_PASSWORD: &str = "correct horse battery staple";

pub fn run(cmd: &mut Command) -> std::process::Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn openssl(dir: &Path, args: &[&str]) {
    run(Command::new("openssl").current_dir(dir).args(args));
}

/// A CA and signers, generated fresh in a temporary directory (no key is committed).
pub struct Pki {
    pub dir: tempfile::TempDir,
}

// No `Default`: making a Pki runs openssl a dozen times, which `new` says more plainly.
#[allow(clippy::new_without_default)]
impl Pki {
    pub fn new() -> Pki {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        openssl(
            d,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "3650",
                "-subj",
                "/CN=MLA Desk Test CA/O=MLA Desk tests",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        // A second, unrelated CA for the "untrusted" case.
        openssl(
            d,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "other-ca.key",
                "-out",
                "other-ca.pem",
                "-days",
                "3650",
                "-subj",
                "/CN=Other CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        std::fs::write(d.join("sign.ext"),
            "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n").unwrap();
        std::fs::write(
            d.join("enc.ext"),
            "basicConstraints=CA:FALSE\nkeyUsage=critical,keyEncipherment\n",
        )
        .unwrap();
        let pki = Pki { dir };
        pki.signer(
            "rsa",
            &["-newkey", "rsa:2048"],
            "sign.ext",
            "/CN=Jeanne Procureur/O=Parquet de test/C=FR",
            1001,
        );
        pki.signer(
            "ec",
            &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
            "sign.ext",
            "/CN=Ecdsa Prosecutor/O=Test Office/C=DE",
            1002,
        );
        pki.signer(
            "enc",
            &["-newkey", "rsa:2048"],
            "enc.ext",
            "/CN=Encryption Only/O=Test",
            1003,
        );
        let d = pki.dir.path();
        openssl(
            d,
            &[
                "pkcs12",
                "-export",
                "-nokeys",
                "-in",
                "rsa.pem",
                "-out",
                "nokey.p12",
                "-passout",
                &format!("pass:{P12_PASSWORD}"),
            ],
        );
        pki
    }

    fn signer(&self, name: &str, keyargs: &[&str], ext: &str, subj: &str, serial: u32) {
        let d = self.dir.path();
        let key = format!("{name}.key");
        let csr = format!("{name}.csr");
        let pem = format!("{name}.pem");
        let mut args = vec![
            "req", "-new", "-nodes", "-keyout", &key, "-out", &csr, "-subj", subj,
        ];
        args.extend_from_slice(keyargs);
        openssl(d, &args);
        let serial = serial.to_string();
        openssl(
            d,
            &[
                "x509",
                "-req",
                "-in",
                &csr,
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-set_serial",
                &serial,
                "-days",
                "365",
                "-extfile",
                ext,
                "-out",
                &pem,
            ],
        );
        openssl(
            d,
            &[
                "pkcs12",
                "-export",
                "-inkey",
                &key,
                "-in",
                &pem,
                "-certfile",
                "ca.pem",
                "-name",
                name,
                "-out",
                &format!("{name}.p12"),
                "-passout",
                &format!("pass:{P12_PASSWORD}"),
            ],
        );
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    pub fn read(&self, file: &str) -> Vec<u8> {
        std::fs::read(self.path(file)).unwrap()
    }

    pub fn ca(&self) -> Vec<mla_sign::Certificate> {
        mla_sign::parse_certificates(&self.read("ca.pem")).unwrap()
    }

    /// An NSS database trusting the test CA, for pdfsig.
    pub fn nss_db(&self) -> PathBuf {
        let db = self.path("nssdb");
        if !db.exists() {
            std::fs::create_dir(&db).unwrap();
            let spec = format!("sql:{}", db.display());
            run(Command::new("certutil").args(["-N", "-d", &spec, "--empty-password"]));
            run(Command::new("certutil")
                .args(["-A", "-d", &spec, "-t", "CT,C,C", "-n", "mla-test-ca", "-i"])
                .arg(self.path("ca.pem")));
        }
        db
    }
}

/// pdfsig's verdict: true only if it says the signature is valid and covers the whole
/// document. (pdfsig exits 0 whatever it finds, so its text is what counts.)
pub fn pdfsig_ok(pki: &Pki, pdf: &Path) -> (bool, String) {
    let db = pki.nss_db();
    let out = Command::new("pdfsig")
        .arg("-nssdir")
        .arg(format!("sql:{}", db.display()))
        .arg(pdf)
        .output()
        .expect("pdfsig (Debian poppler-utils) must be installed");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let ok = text.contains("Signature Validation: Signature is Valid.")
        && text.contains("Total document signed")
        && text.contains("Certificate Validation: Certificate is Trusted.");
    (ok, text)
}

/// Validate many PDFs in one pyHanko process; returns (verdict, summary) per file.
pub fn pyhanko_validate(ca: &Path, pdfs: &[PathBuf]) -> Vec<(bool, String)> {
    use std::io::Write;
    const SCRIPT: &str = include_str!("pyhanko_validate.py");
    let mut child = Command::new("python3")
        .arg("-")
        .arg(ca)
        .args(pdfs)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 with pyhanko must be installed (tests/requirements.txt)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(SCRIPT.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "pyhanko script failed: {text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        pdfs.len(),
        "one line per file expected:\n{text}"
    );
    lines
        .iter()
        .map(|l| (l.starts_with("VALID\t"), l.to_string()))
        .collect()
}

pub fn qpdf_check(pdf: &Path) -> (bool, String) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf must be installed");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.success() && text.contains("No syntax or stream encoding errors found"),
        text,
    )
}
