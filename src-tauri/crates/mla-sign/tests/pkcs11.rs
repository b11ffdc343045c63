//! Signing through PKCS#11 with a SoftHSM2 token initialised in a temporary directory.
//! One test function, because a PKCS#11 module is process-global state.

use mla_test_support as common;
use mla_test_support::softhsm;

use std::path::Path;

use chrono::Utc;
use common::{pdfsig_ok, pyhanko_validate, sample::sample_pdf, Pki};
use mla_sign::{
    list_token_keys, sign_pdf, verify_pdf, Error, Password, Pkcs11Key, Pkcs11KeySelector,
    SignOptions, SignatureBlock, VerifyOptions,
};
use softhsm::{SoftHsm, MODULE};

const PIN: &str = "271828";

#[test]
fn softhsm2_token_signs_rsa_and_ecdsa_and_refuses_a_wrong_pin() {
    let pki = Pki::new();
    let conf_dir = tempfile::tempdir().unwrap();
    let hsm = SoftHsm::at(&conf_dir.path().join("softhsm2.conf"));
    // This test binary has this one test, so setting the variable races with nothing.
    std::env::set_var("SOFTHSM2_CONF", &hsm.conf);
    hsm.init_token("mla-test", PIN);
    for (file, label, id) in [("rsa.key", "rsa", "01"), ("ec.key", "ec", "02")] {
        hsm.import_key("mla-test", PIN, &pki.path(file), label, id);
    }
    // The RSA certificate lives on the token; the ECDSA one is passed in, as from a file.
    hsm.put_certificate(
        "mla-test",
        PIN,
        &pki.read("rsa.pem"),
        &[0x01],
        "rsa signer certificate",
    );

    let ca = pki.ca();
    let module = Path::new(MODULE);
    let pin = Password::new(PIN.into());
    let block = SignatureBlock {
        signer_name: "Jeanne Procureur".into(),
        function: "Procureure".into(),
        place: "Lyon".into(),
        labels: Default::default(),
        seal: None,
        page: None,
        rect: None,
        font: None,
    };
    let json = b"{\"format_version\":1}\n";
    let mut signed_files = Vec::new();
    for (label, certs, algo) in [
        ("rsa", Vec::new(), "RSA 2048"),
        (
            "ec",
            mla_sign::parse_certificates(&pki.read("ec.pem")).unwrap(),
            "ECDSA P-256",
        ),
    ] {
        let selector = Pkcs11KeySelector {
            token_label: Some("mla-test".into()),
            key_label: Some(label.into()),
            key_id: None,
        };
        let key = Pkcs11Key::open(module, &selector, &pin, &certs, Utc::now())
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        let opts = SignOptions {
            block: Some(&block),
            request_json: Some(json),
            ..SignOptions::new(Utc::now())
        };
        let signed = sign_pdf(&sample_pdf(2, 0), &key, &opts).unwrap();
        drop(key);
        let report = verify_pdf(
            &signed,
            &VerifyOptions {
                trusted: &ca,
                now: Utc::now(),
            },
        )
        .unwrap();
        assert!(
            report.all_signatures_valid() && report.all_trusted(),
            "{report:#?}"
        );
        assert_eq!(
            report.signatures[0].signer.as_ref().unwrap().key_algorithm,
            algo
        );
        let path = pki.path(&format!("token-{label}.pdf"));
        std::fs::write(&path, &signed).unwrap();
        let (ok, text) = pdfsig_ok(&pki, &path);
        assert!(ok, "pdfsig, {label}: {text}");
        signed_files.push(path);
    }
    for (ok, line) in pyhanko_validate(&pki.path("ca.pem"), &signed_files) {
        assert!(ok, "pyHanko: {line}");
    }

    let err = Pkcs11Key::open(
        module,
        &Pkcs11KeySelector::default(),
        &Password::new("000000".into()),
        &[],
        Utc::now(),
    )
    .unwrap_err();
    assert!(matches!(&err, Error::WrongPin), "{err:?}");
    // What the app lists after the PIN is typed: both keys, the RSA one with its
    // certificate from the token, the ECDSA one without (its certificate is in a file).
    let mut listed = list_token_keys(module, &pin, Utc::now()).unwrap();
    listed.sort_by(|a, b| a.key_label.cmp(&b.key_label));
    assert_eq!(listed.len(), 2, "{listed:#?}");
    assert_eq!(
        (listed[0].key_label.as_str(), listed[0].key_type.as_str()),
        ("ec", "EC")
    );
    assert!(listed[0].certificate.is_none());
    assert_eq!(
        (listed[1].key_label.as_str(), listed[1].key_type.as_str()),
        ("rsa", "RSA")
    );
    assert_eq!(listed[1].token_label, "mla-test");
    assert_eq!(listed[1].key_id, vec![0x01]);
    let cert = listed[1].certificate.as_ref().unwrap();
    assert!(cert.subject.contains("CN=Jeanne Procureur"), "{cert:?}");
    assert_eq!(listed[1].problem, None);
    // Judged a year and a half later, the same certificate has expired.
    let later = Utc::now() + chrono::Duration::days(540);
    let listed_later = list_token_keys(module, &pin, later).unwrap();
    let rsa_later = listed_later.iter().find(|k| k.key_label == "rsa").unwrap();
    assert!(
        rsa_later
            .problem
            .as_deref()
            .unwrap_or("")
            .contains("has expired"),
        "{rsa_later:?}"
    );
    let err = list_token_keys(module, &Password::new("000000".into()), Utc::now()).unwrap_err();
    assert!(matches!(err, Error::WrongPin), "{err:?}");
    // Signing still works after a listing (the module was finalised and loaded again).
    Pkcs11Key::open(
        module,
        &Pkcs11KeySelector {
            key_id: Some(vec![0x01]),
            ..Default::default()
        },
        &pin,
        &[],
        Utc::now(),
    )
    .unwrap();

    let err = Pkcs11Key::open(
        module,
        &Pkcs11KeySelector {
            token_label: Some("absent".into()),
            ..Default::default()
        },
        &pin,
        &[],
        Utc::now(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("no token labelled \"absent\""),
        "{err}"
    );
    // The EC key has no certificate on the token and none is given: a clear error.
    let err = Pkcs11Key::open(
        module,
        &Pkcs11KeySelector {
            key_label: Some("ec".into()),
            ..Default::default()
        },
        &pin,
        &[],
        Utc::now(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("no certificate for the key"),
        "{err}"
    );
}
