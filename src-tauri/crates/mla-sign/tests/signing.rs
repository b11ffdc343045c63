//! Signed PDFs checked by the independent validators (pdfsig, pyHanko, qpdf, pdfdetach)
//! and by our own verifier, including tampering and bad input.

use mla_test_support as common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Duration, TimeZone, Utc};
use common::sample::{sample_pdf, sample_pdf_lines};
use common::{pdfsig_ok, pyhanko_validate, qpdf_check, run, Pki, P12_PASSWORD};
use mla_sign::{
    extract_request_json, sign_pdf, verify_pdf, write_atomic, AfRelationship, Attachment, Error,
    Password, Pkcs12Key, SealImage, SignOptions, SignatureBlock, SignatureProblem, TrustStatus,
    UntrustedReason, VerifyOptions,
};

const REQUEST_JSON: &[u8] =
    "{\"format_version\": 1, \"title\": \"Demande d'entraide — test\", \"unicode\": \"Ж 中 ع\"}\n"
        .as_bytes();

fn password() -> Password {
    Password::new(P12_PASSWORD.into())
}

fn block() -> SignatureBlock {
    SignatureBlock {
        signer_name: "Jeanne Procureur".into(),
        function: "Procureure de la République".into(),
        place: "Lyon".into(),
        labels: Default::default(),
        seal: Some(SealImage::Png(seal_png())),
        page: None,
        rect: None,
        font: None,
    }
}

/// A 32 × 32 red disc with transparency.
fn seal_png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, 32, 32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        let mut data = Vec::new();
        for y in 0..32i32 {
            for x in 0..32i32 {
                let inside = (x - 16).pow(2) + (y - 16).pow(2) < 225;
                data.extend_from_slice(&[200, 20, 20, if inside { 255 } else { 0 }]);
            }
        }
        w.write_image_data(&data).unwrap();
    }
    out
}

fn annex() -> Attachment {
    Attachment {
        file_name: "Annexe 1 – relevé.pdf".into(),
        bytes: sample_pdf(1, 0),
        mime_type: "application/pdf".into(),
        description: Some("Annex 1".into()),
        relationship: AfRelationship::Supplement,
    }
}

fn sign_with(pki: &Pki, p12: &str, input: &[u8]) -> Vec<u8> {
    let key = Pkcs12Key::open(&pki.read(p12), &password(), Utc::now()).unwrap();
    let block = block();
    let annexes = [annex()];
    let opts = SignOptions {
        block: Some(&block),
        attachments: &annexes,
        request_json: Some(REQUEST_JSON),
        reason: Some("Request for mutual legal assistance"),
        ..SignOptions::new(Utc::now())
    };
    sign_pdf(input, &key, &opts).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn check_all_validators(pki: &Pki, signed: &Path) {
    let (ok, text) = pdfsig_ok(pki, signed);
    assert!(ok, "pdfsig rejected {}: {text}", signed.display());
    let (ok, text) = qpdf_check(signed);
    assert!(ok, "qpdf --check: {text}");
    let py = pyhanko_validate(&pki.path("ca.pem"), &[signed.to_path_buf()]);
    assert!(py[0].0, "pyHanko: {}", py[0].1);
    // The pyhanko CLI too, as a person would run it.
    let out = Command::new("pyhanko")
        .args(["sign", "validate", "--trust-replace", "--trust"])
        .arg(pki.path("ca.pem"))
        .arg(signed)
        .output()
        .expect("pyhanko CLI (pip pyhanko-cli)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("INTACT:TRUSTED,UNTOUCHED"),
        "pyhanko CLI: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // pdfdetach returns the request JSON byte for byte.
    let outdir = tempfile::tempdir().unwrap();
    run(Command::new("pdfdetach")
        .arg("-saveall")
        .arg("-o")
        .arg(outdir.path())
        .arg(signed));
    let detached = std::fs::read(outdir.path().join("request.mla.json")).unwrap();
    assert_eq!(detached, REQUEST_JSON);
    let list = run(Command::new("pdfdetach").arg("-list").arg(signed));
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(list.contains("2 embedded files"), "{list}");

    // Our own verifier agrees.
    let bytes = std::fs::read(signed).unwrap();
    let ca = pki.ca();
    let report = verify_pdf(
        &bytes,
        &VerifyOptions {
            trusted: &ca,
            now: Utc::now(),
        },
    )
    .unwrap();
    assert!(report.all_signatures_valid(), "{report:#?}");
    assert!(report.all_trusted(), "{report:#?}");
    assert!(!report.changed_after_signing());
    assert!(report.signatures[0].covers_whole_file);
    assert!(report.signatures[0].ess_signing_certificate_v2);
    assert_eq!(
        extract_request_json(&bytes).unwrap().as_deref(),
        Some(REQUEST_JSON)
    );
}

#[test]
fn rsa_p12_signature_passes_pdfsig_pyhanko_qpdf_and_pdfdetach() {
    let pki = Pki::new();
    let signed = sign_with(&pki, "rsa.p12", &sample_pdf(5, 0));
    let path = write(pki.dir.path(), "signed-rsa.pdf", &signed);
    check_all_validators(&pki, &path);
    let report = verify_pdf(
        &signed,
        &VerifyOptions {
            trusted: &pki.ca(),
            now: Utc::now(),
        },
    )
    .unwrap();
    let s = &report.signatures[0];
    assert!(s
        .signer
        .as_ref()
        .unwrap()
        .subject
        .contains("CN=Jeanne Procureur"));
    assert_eq!(s.signer.as_ref().unwrap().key_algorithm, "RSA 2048");
    assert_eq!(s.sub_filter.as_deref(), Some("ETSI.CAdES.detached"));
    assert_eq!(s.location.as_deref(), Some("Lyon"));
}

#[test]
fn ecdsa_p256_p12_signature_passes_pdfsig_pyhanko_qpdf_and_pdfdetach() {
    let pki = Pki::new();
    let signed = sign_with(&pki, "ec.p12", &sample_pdf(3, 0));
    let path = write(pki.dir.path(), "signed-ec.pdf", &signed);
    check_all_validators(&pki, &path);
    let report = verify_pdf(
        &signed,
        &VerifyOptions {
            trusted: &pki.ca(),
            now: Utc::now(),
        },
    )
    .unwrap();
    assert_eq!(
        report.signatures[0].signer.as_ref().unwrap().key_algorithm,
        "ECDSA P-256"
    );
}

#[test]
fn input_with_cross_reference_streams_signs_and_validates() {
    let pki = Pki::new();
    let plain = write(pki.dir.path(), "plain.pdf", &sample_pdf(4, 0));
    let objstm = pki.path("objstm.pdf");
    run(Command::new("qpdf")
        .args(["--object-streams=generate"])
        .arg(&plain)
        .arg(&objstm));
    let input = std::fs::read(&objstm).unwrap();
    assert!(
        input.windows(5).any(|w| w == b"/XRef"),
        "qpdf wrote no xref stream"
    );
    let signed = sign_with(&pki, "rsa.p12", &input);
    let path = write(pki.dir.path(), "signed-objstm.pdf", &signed);
    check_all_validators(&pki, &path);
}

/// Deterministic positions, so a failure can be replayed.
fn tamper_positions(seed: u64, ranges: &[(usize, usize)], count: usize) -> Vec<usize> {
    let total: usize = ranges.iter().map(|(a, b)| b - a).sum();
    let mut x = seed;
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut k = (x % total as u64) as usize;
            for &(a, b) in ranges {
                if k < b - a {
                    return a + k;
                }
                k -= b - a;
            }
            unreachable!()
        })
        .collect()
}

fn tamper_test(p12: &str, seed: u64) {
    let pki = Pki::new();
    let signed = sign_with(&pki, p12, &sample_pdf(3, 0));
    let ca = pki.ca();
    let report = verify_pdf(
        &signed,
        &VerifyOptions {
            trusted: &ca,
            now: Utc::now(),
        },
    )
    .unwrap();
    let br = &report.signatures[0].byte_range;
    let ranges = [
        (0usize, br[1] as usize),
        (br[2] as usize, (br[2] + br[3]) as usize),
    ];
    assert_eq!(ranges[1].1, signed.len());
    let dir = pki.path("tampered");
    std::fs::create_dir(&dir).unwrap();
    let mut files = Vec::new();
    let mut pdfsig_digest_mismatch = 0;
    let mut ours_parsed = 0;
    let mut ours_digest_mismatch = 0;
    for (i, pos) in tamper_positions(seed, &ranges, 100).into_iter().enumerate() {
        let mut t = signed.clone();
        t[pos] ^= 1 + (pos % 254) as u8;
        // 1. our verifier (an error, for a file no longer readable, is not "valid" either)
        let opts = VerifyOptions {
            trusted: &ca,
            now: Utc::now(),
        };
        if let Ok(r) = verify_pdf(&t, &opts) {
            ours_parsed += 1;
            assert!(
                !r.all_signatures_valid(),
                "our verifier accepted a change at byte {pos}"
            );
            // What is wrong is said, as a code: never an invalid signature without a reason.
            for s in r.signatures.iter().filter(|s| !s.is_valid()) {
                assert!(!s.problems.is_empty(), "byte {pos}: {s:#?}");
            }
            if r.signatures
                .iter()
                .any(|s| s.problems.contains(&SignatureProblem::DigestMismatch))
            {
                ours_digest_mismatch += 1;
            }
        }
        let path = write(&dir, &format!("t{i:03}-{pos}.pdf"), &t);
        // 2. pdfsig
        let (ok, text) = pdfsig_ok(&pki, &path);
        assert!(!ok, "pdfsig accepted a change at byte {pos}: {text}");
        if text.contains("Digest Mismatch") {
            pdfsig_digest_mismatch += 1;
        }
        files.push(path);
    }
    // 3. pyHanko, all 100 files in one process
    let verdicts = pyhanko_validate(&pki.path("ca.pem"), &files);
    let mut py_invalid = 0;
    for (ok, line) in verdicts {
        assert!(!ok, "pyHanko accepted a tampered file: {line}");
        if line.starts_with("INVALID") {
            py_invalid += 1;
        }
    }
    // Most changes leave the file readable, so the validators really compared digests
    // (rather than just failing to parse).
    eprintln!("{p12}: our verifier parsed {ours_parsed}/100 (digest_mismatch {ours_digest_mismatch}), pdfsig digest mismatch {pdfsig_digest_mismatch}/100, pyHanko INVALID (not ERROR) {py_invalid}/100");
    assert!(ours_parsed >= 50 && pdfsig_digest_mismatch >= 50 && py_invalid >= 50);
    assert!(ours_digest_mismatch >= 50);
    // And the untampered file is still accepted by all three, so the test can fail.
    let good = write(&dir, "untampered.pdf", &signed);
    assert!(pdfsig_ok(&pki, &good).0);
    assert!(pyhanko_validate(&pki.path("ca.pem"), &[good])[0].0);
}

#[test]
fn tamper_100_bytes_rsa_all_verifiers_reject() {
    tamper_test("rsa.p12", 0x5EED_0001);
}

#[test]
fn tamper_100_bytes_ecdsa_all_verifiers_reject() {
    tamper_test("ec.p12", 0x5EED_0002);
}

#[test]
fn update_after_signing_is_reported_and_second_signature_validates() {
    let pki = Pki::new();
    let once = sign_with(&pki, "rsa.p12", &sample_pdf(2, 0));
    // A second signature is an incremental update after the first.
    let key = Pkcs12Key::open(&pki.read("ec.p12"), &password(), Utc::now()).unwrap();
    let twice = sign_pdf(&once, &key, &SignOptions::new(Utc::now())).unwrap();
    assert_eq!(
        &twice[..once.len()],
        &once[..],
        "the first revision must stay byte-identical"
    );
    let ca = pki.ca();
    let report = verify_pdf(
        &twice,
        &VerifyOptions {
            trusted: &ca,
            now: Utc::now(),
        },
    )
    .unwrap();
    assert_eq!(report.signatures.len(), 2);
    assert!(report.all_signatures_valid(), "{report:#?}");
    assert!(!report.signatures[0].covers_whole_file);
    assert_eq!(
        report.signatures[0].bytes_after_signature as usize,
        twice.len() - once.len()
    );
    assert!(report.signatures[1].covers_whole_file);
    assert!(!report.changed_after_signing());
    let path = write(pki.dir.path(), "twice.pdf", &twice);
    let (_, text) = pdfsig_ok(&pki, &path);
    assert_eq!(text.matches("Signature is Valid.").count(), 2, "{text}");
    assert!(text.contains("Not total document signed"), "{text}");
    let (ok, text) = qpdf_check(&path);
    assert!(ok, "{text}");

    // Bytes appended after the last signature (any edit): reported as changed.
    let mut edited = twice.clone();
    edited.extend_from_slice(b"\n% appended after signing\n");
    let report = verify_pdf(
        &edited,
        &VerifyOptions {
            trusted: &ca,
            now: Utc::now(),
        },
    )
    .unwrap();
    assert!(report.changed_after_signing());
}

#[test]
fn chain_to_another_ca_is_untrusted_and_no_trust_given_is_not_checked() {
    let pki = Pki::new();
    let signed = sign_with(&pki, "rsa.p12", &sample_pdf(1, 0));
    let other = mla_sign::parse_certificates(&pki.read("other-ca.pem")).unwrap();
    let report = verify_pdf(
        &signed,
        &VerifyOptions {
            trusted: &other,
            now: Utc::now(),
        },
    )
    .unwrap();
    assert!(report.all_signatures_valid());
    assert!(
        matches!(
            &report.signatures[0].trust,
            TrustStatus::Untrusted { reason: UntrustedReason::NoTrustedIssuer { subject, issuer } }
                if subject.contains("CN=") && issuer.contains("CN=")
        ),
        "{report:#?}"
    );
    let TrustStatus::Untrusted { reason } = &report.signatures[0].trust else {
        unreachable!()
    };
    // The code and the values travel as data; the English sentence stays for the CLI.
    let json = serde_json::to_value(reason).unwrap();
    assert_eq!(json["code"], "no_trusted_issuer");
    assert!(
        reason.to_string().starts_with("no trusted CA issued ")
            && reason.to_string().contains("CN="),
        "{reason}"
    );
    let report = verify_pdf(
        &signed,
        &VerifyOptions {
            trusted: &[],
            now: Utc::now(),
        },
    )
    .unwrap();
    assert_eq!(report.signatures[0].trust, TrustStatus::NotChecked);
    // Judged at a time after the certificate expired: untrusted, with the reason.
    let later = Utc::now() + Duration::days(800);
    let report = verify_pdf(
        &signed,
        &VerifyOptions {
            trusted: &pki.ca(),
            now: later,
        },
    )
    .unwrap();
    assert!(
        matches!(
            &report.signatures[0].trust,
            TrustStatus::Untrusted { reason: UntrustedReason::CertificateNotValidAt { at, not_after, .. } }
                if *at == later.to_rfc3339() && not_after < at
        ),
        "{report:#?}"
    );
    let TrustStatus::Untrusted { reason } = &report.signatures[0].trust else {
        unreachable!()
    };
    assert_eq!(
        serde_json::to_value(reason).unwrap()["code"],
        "certificate_not_valid_at"
    );
    assert!(reason.to_string().contains(" is not valid at "), "{reason}");
}

#[test]
fn pdfa3_metadata_and_output_intent_are_added_and_signature_validates() {
    let pki = Pki::new();
    let icc = std::fs::read("/usr/share/color/icc/sRGB.icc")
        .expect("Debian icc-profiles-free provides /usr/share/color/icc/sRGB.icc");
    let pdfa = mla_sign::PdfA {
        srgb_icc_profile: Some(icc),
    };
    let key = Pkcs12Key::open(&pki.read("rsa.p12"), &password(), Utc::now()).unwrap();
    let block = block();
    let opts = SignOptions {
        block: Some(&block),
        request_json: Some(REQUEST_JSON),
        pdfa: Some(&pdfa),
        ..SignOptions::new(
            Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
                .unwrap()
                .max(Utc::now() - Duration::hours(1)),
        )
    };
    let signed = sign_pdf(&sample_pdf(2, 0), &key, &opts).unwrap();
    let path = write(pki.dir.path(), "pdfa.pdf", &signed);
    let text = String::from_utf8_lossy(&signed);
    assert!(
        text.contains("<pdfaid:part>3</pdfaid:part>")
            && text.contains("<pdfaid:conformance>B</pdfaid:conformance>")
    );
    assert!(text.contains("/GTS_PDFA1"));
    assert!(text.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Request for mutual legal assistance</rdf:li>"));
    let (ok, out) = pdfsig_ok(&pki, &path);
    assert!(ok, "{out}");
    let (ok, out) = qpdf_check(&path);
    assert!(ok, "{out}");
    assert!(pyhanko_validate(&pki.path("ca.pem"), &[path])[0].0);
}

/// The widget rectangle and page number of the (first) signature, read back with lopdf.
fn widget_rect(signed: &[u8]) -> ([f32; 4], usize) {
    let doc = lopdf::Document::load_mem(signed).unwrap();
    for (number, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        let annots = doc
            .dereference(annots)
            .unwrap()
            .1
            .as_array()
            .unwrap()
            .clone();
        for a in annots {
            let a = doc.dereference(&a).unwrap().1.as_dict().unwrap();
            if a.get(b"FT").and_then(|f| f.as_name()).ok() == Some(&b"Sig"[..]) {
                let r: Vec<f32> = a
                    .get(b"Rect")
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_float().unwrap())
                    .collect();
                return ([r[0], r[1], r[2], r[3]], number as usize);
            }
        }
    }
    panic!("no signature widget")
}

fn page_count(path: &Path) -> usize {
    let out = run(Command::new("pdfinfo").arg(path));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The visible block is drawn below the last line of the last page: render it and find
/// the seal's red and the text's dark pixels inside the widget's rectangle, and no red
/// above it.
#[test]
fn visible_block_with_seal_is_drawn_below_the_last_line() {
    let pki = Pki::new();
    // Title + 10 lines from y = 770 every 14 pt: the last baseline is at 630.
    let signed = sign_with(&pki, "rsa.p12", &sample_pdf_lines(2, 0, 10));
    let path = write(pki.dir.path(), "visible.pdf", &signed);
    assert_eq!(
        page_count(&path),
        2,
        "no page may be added when there is room"
    );
    let (rect, page) = widget_rect(&signed);
    assert_eq!(page, 2);
    assert!(
        rect[3] <= 630.0 - 10.0 && rect[3] >= 630.0 - 30.0,
        "block top {} not just below the text",
        rect[3]
    );
    assert!(rect[2] <= 595.0 - 36.0 && rect[1] >= 60.0, "{rect:?}");
    // 72 dpi: one pixel per point; page 595 × 842, y from the top.
    run(Command::new("pdftoppm")
        .args(["-r", "72", "-f", "2", "-l", "2", "-singlefile"])
        .arg(&path)
        .arg(pki.path("page")));
    let ppm = std::fs::read(pki.path("page.ppm")).unwrap();
    let (w, h, pixels) = parse_ppm(&ppm);
    assert_eq!((w, h), (595, 842));
    let count = |x0: f32, x1: f32, y_bottom: f32, y_top: f32, pred: &dyn Fn(u8, u8, u8) -> bool| {
        let mut n = 0;
        for y in (842.0 - y_top) as usize..(842.0 - y_bottom) as usize {
            for x in x0 as usize..x1 as usize {
                let i = (y * w + x) * 3;
                if pred(pixels[i], pixels[i + 1], pixels[i + 2]) {
                    n += 1;
                }
            }
        }
        n
    };
    let red = |r: u8, g: u8, b: u8| r > 150 && g < 80 && b < 80;
    let dark = |r: u8, g: u8, b: u8| r < 60 && g < 60 && b < 60;
    let seal = count(rect[0], rect[2], rect[1], rect[3], &red);
    let text = count(rect[0], rect[2], rect[1], rect[3], &dark);
    assert!(seal > 100, "seal not drawn ({seal} red pixels)");
    assert!(text > 200, "text not drawn ({text} dark pixels)");
    assert_eq!(
        count(rect[0], rect[2], rect[3] + 2.0, rect[3] + 40.0, &red),
        0
    );
}

/// A last page full to the footer: the block goes on a new page added at the end, and the
/// validators still accept the file.
#[test]
fn full_last_page_gets_a_signature_page() {
    let pki = Pki::new();
    let input = sample_pdf(2, 0);
    let signed = sign_with(&pki, "ec.p12", &input);
    let path = write(pki.dir.path(), "full.pdf", &signed);
    assert_eq!(page_count(&path), 3);
    let (rect, page) = widget_rect(&signed);
    assert_eq!(page, 3);
    assert!(
        rect[3] > 700.0,
        "block should be at the top of the new page: {rect:?}"
    );
    check_all_validators(&pki, &path);
    assert_eq!(
        &signed[..input.len()],
        &input[..],
        "the unsigned bytes stay as they were"
    );
}

fn parse_ppm(data: &[u8]) -> (usize, usize, &[u8]) {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    (
        fields[1].parse().unwrap(),
        fields[2].parse().unwrap(),
        &data[i + 1..],
    )
}

fn dejavu() -> Vec<u8> {
    std::fs::read("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        .expect("Debian fonts-dejavu-core provides DejaVuSans.ttf")
}

/// With an embedded TrueType font the block shows a Cyrillic name; pdffonts lists the font
/// as embedded with a ToUnicode map, and the validators still accept the signature.
#[test]
fn embedded_font_shows_cyrillic_name_and_refuses_scripts_that_need_shaping() {
    let pki = Pki::new();
    let key = Pkcs12Key::open(&pki.read("ec.p12"), &password(), Utc::now()).unwrap();
    let mut b = block();
    b.font = Some(dejavu());
    b.signer_name = "Иван Петрович Сидоров".into();
    b.function = "Прокурор".into();
    b.place = "Москва".into();
    let opts = SignOptions {
        block: Some(&b),
        ..SignOptions::new(Utc::now())
    };
    let input = sample_pdf_lines(1, 0, 10);
    let signed = sign_pdf(&input, &key, &opts).unwrap();
    // DejaVu Sans is 740 kB; only the block's glyphs are kept.
    assert!(
        signed.len() - input.len() < 60_000,
        "font not subset: {} bytes added",
        signed.len() - input.len()
    );
    let path = write(pki.dir.path(), "cyrillic.pdf", &signed);
    let fonts = run(Command::new("pdffonts").arg(&path));
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let line = fonts
        .lines()
        .find(|l| l.contains("DejaVuSans"))
        .unwrap_or_else(|| panic!("{fonts}"));
    assert!(
        line.contains("CID TrueType") && line.contains("Identity-H"),
        "{line}"
    );
    let cols: Vec<&str> = line.split_whitespace().collect();
    // name type... encoding emb sub uni object ID: embedded, a subset (its name carries
    // the six-letter tag, as PDF 9.6.4 and PDF/A want), with a ToUnicode map.
    assert_eq!(
        &cols[cols.len() - 5..cols.len() - 2],
        &["yes", "yes", "yes"],
        "{line}"
    );
    assert!(pdfsig_ok(&pki, &path).0);
    assert!(pyhanko_validate(&pki.path("ca.pem"), std::slice::from_ref(&path))[0].0);
    run(Command::new("pdftoppm")
        .args(["-r", "72", "-singlefile"])
        .arg(&path)
        .arg(pki.path("cyr")));
    let ppm = std::fs::read(pki.path("cyr.ppm")).unwrap();
    let (w, _, px) = parse_ppm(&ppm);
    let (r, _) = widget_rect(&signed);
    let dark = ((842.0 - r[3]) as usize..(842.0 - r[1]) as usize)
        .flat_map(|y| (r[0] as usize..r[2] as usize).map(move |x| (x, y)))
        .filter(|&(x, y)| px[(y * w + x) * 3] < 60)
        .count();
    assert!(dark > 200, "block text not drawn ({dark} dark pixels)");

    b.signer_name = "محمد".into();
    let opts = SignOptions {
        block: Some(&b),
        ..SignOptions::new(Utc::now())
    };
    let err = sign_pdf(&sample_pdf(1, 0), &key, &opts).unwrap_err();
    assert!(
        matches!(
            err,
            Error::NeedsShaping {
                ch: 'م',
                field: "signer name"
            }
        ),
        "{err:?}"
    );
    b.signer_name = "王小明".into(); // DejaVu Sans has no CJK glyphs
    let opts = SignOptions {
        block: Some(&b),
        ..SignOptions::new(Utc::now())
    };
    let err = sign_pdf(&sample_pdf(1, 0), &key, &opts).unwrap_err();
    assert!(
        matches!(err, Error::UnsupportedCharacter { ch: '王', .. }),
        "{err:?}"
    );
    b.font = Some(b"not a font".to_vec());
    let opts = SignOptions {
        block: Some(&b),
        ..SignOptions::new(Utc::now())
    };
    let err = sign_pdf(&sample_pdf(1, 0), &key, &opts).unwrap_err();
    assert!(matches!(err, Error::BadFont(_)), "{err:?}");
}

// ---- bad input: each refused with a clear error ----

#[test]
fn wrong_password_is_refused() {
    let pki = Pki::new();
    let err = Pkcs12Key::open(
        &pki.read("rsa.p12"),
        &Password::new("wrong".into()),
        Utc::now(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::WrongPassword), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the PKCS#12 file could not be opened: wrong password"
    );
}

#[test]
fn expired_certificate_is_refused() {
    let pki = Pki::new();
    let later = Utc::now() + Duration::days(400);
    let err = Pkcs12Key::open(&pki.read("rsa.p12"), &password(), later).unwrap_err();
    assert!(matches!(err, Error::CertificateExpired { .. }), "{err:?}");
    assert!(
        err.to_string().contains("has expired: valid until"),
        "{err}"
    );
}

#[test]
fn not_yet_valid_certificate_is_refused() {
    let pki = Pki::new();
    let earlier = Utc::now() - Duration::days(2);
    let err = Pkcs12Key::open(&pki.read("ec.p12"), &password(), earlier).unwrap_err();
    assert!(
        matches!(err, Error::CertificateNotYetValid { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("is not yet valid"), "{err}");
}

#[test]
fn certificate_without_signing_key_usage_is_refused() {
    let pki = Pki::new();
    let err = Pkcs12Key::open(&pki.read("enc.p12"), &password(), Utc::now()).unwrap_err();
    assert!(
        matches!(err, Error::KeyUsageNotForSigning { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("keyEncipherment"), "{err}");
}

#[test]
fn pkcs12_without_private_key_is_refused() {
    let pki = Pki::new();
    let err = Pkcs12Key::open(&pki.read("nokey.p12"), &password(), Utc::now()).unwrap_err();
    assert!(matches!(err, Error::NoPrivateKey), "{err:?}");
}

#[test]
fn not_a_pkcs12_file_is_refused() {
    let err = Pkcs12Key::open(b"this is not a PKCS#12 file", &password(), Utc::now()).unwrap_err();
    assert!(matches!(err, Error::BadPkcs12(_)), "{err:?}");
}

#[test]
fn corrupt_pdfs_are_refused_with_a_clear_error() {
    let pki = Pki::new();
    let key = Pkcs12Key::open(&pki.read("rsa.p12"), &password(), Utc::now()).unwrap();
    let good = sample_pdf(2, 0);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        (
            "not a PDF",
            b"Dear colleague, please find attached".to_vec(),
        ),
        ("truncated to the header", good[..200].to_vec()),
        ("truncated in half", good[..good.len() / 2].to_vec()),
    ];
    for (what, bytes) in cases {
        let err = sign_pdf(&bytes, &key, &SignOptions::new(Utc::now())).unwrap_err();
        assert!(matches!(err, Error::CorruptPdf(_)), "{what}: {err:?}");
        assert!(
            err.to_string()
                .starts_with("the input is not a readable PDF"),
            "{what}: {err}"
        );
        let err = verify_pdf(
            &bytes,
            &VerifyOptions {
                trusted: &[],
                now: Utc::now(),
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::CorruptPdf(_)), "{what}: {err:?}");
    }
}

#[test]
fn encrypted_pdf_is_refused() {
    let pki = Pki::new();
    let key = Pkcs12Key::open(&pki.read("rsa.p12"), &password(), Utc::now()).unwrap();
    let plain = write(pki.dir.path(), "plain.pdf", &sample_pdf(2, 0));
    for (name, args) in [
        (
            "aes256-user-pw.pdf",
            vec!["--encrypt", "user", "owner", "256", "--"],
        ),
        (
            "aes128-no-user-pw.pdf",
            vec!["--encrypt", "", "owner", "128", "--use-aes=y", "--"],
        ),
    ] {
        let out = pki.path(name);
        run(Command::new("qpdf").args(&args).arg(&plain).arg(&out));
        let err = sign_pdf(
            &std::fs::read(&out).unwrap(),
            &key,
            &SignOptions::new(Utc::now()),
        )
        .unwrap_err();
        assert!(matches!(err, Error::EncryptedPdf), "{name}: {err:?}");
        assert!(err.to_string().contains("encrypted"));
    }
}

#[test]
fn seal_that_is_not_an_image_and_unsupported_characters_are_refused() {
    let pki = Pki::new();
    let key = Pkcs12Key::open(&pki.read("rsa.p12"), &password(), Utc::now()).unwrap();
    let mut b = block();
    b.seal = Some(SealImage::Png(b"not a png".to_vec()));
    let opts = SignOptions {
        block: Some(&b),
        ..SignOptions::new(Utc::now())
    };
    let err = sign_pdf(&sample_pdf(1, 0), &key, &opts).unwrap_err();
    assert!(matches!(err, Error::BadSealImage(_)), "{err:?}");
    let mut b = block();
    b.signer_name = "Иван Петров".into();
    let opts = SignOptions {
        block: Some(&b),
        ..SignOptions::new(Utc::now())
    };
    let err = sign_pdf(&sample_pdf(1, 0), &key, &opts).unwrap_err();
    assert!(
        matches!(
            err,
            Error::UnsupportedCharacter {
                ch: 'И',
                field: "signer name"
            }
        ),
        "{err:?}"
    );
    let mut b = block();
    b.page = Some(9);
    let opts = SignOptions {
        block: Some(&b),
        ..SignOptions::new(Utc::now())
    };
    let err = sign_pdf(&sample_pdf(1, 0), &key, &opts).unwrap_err();
    assert!(
        matches!(err, Error::NoSuchPage { page: 9, count: 1 }),
        "{err:?}"
    );
}

#[test]
fn write_atomic_replaces_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.pdf");
    std::fs::write(&target, b"old").unwrap();
    write_atomic(&target, b"new contents").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"new contents");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "temporary file left behind: {leftovers:?}"
    );
    let err = write_atomic(&dir.path().join("missing-dir/out.pdf"), b"x").unwrap_err();
    assert!(matches!(err, Error::Write { .. }), "{err:?}");
}

/// A full disk: a 64 KiB tmpfs (we run as root, as CI does). The write fails with a clear
/// error, no temporary file is left, and the existing file is untouched.
#[test]
fn write_atomic_on_a_full_disk_leaves_the_original_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("tiny");
    std::fs::create_dir(&mnt).unwrap();
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .status()
        .expect("mount");
    assert!(
        status.success(),
        "mounting a tmpfs needs root (CI runs as root)"
    );
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(mnt.clone());
    let target = mnt.join("signed.pdf");
    let original = b"%PDF-1.7 the previous export".to_vec();
    std::fs::write(&target, &original).unwrap();
    let big = vec![b'x'; 256 * 1024];
    let err = write_atomic(&target, &big).unwrap_err();
    assert!(
        err.to_string().contains("no space left on the device"),
        "{err}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), original);
    let names: Vec<_> = std::fs::read_dir(&mnt)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("signed.pdf")]);
}

/// PKCS#12 files as older tools (and Windows exports) write them: RC2/3DES with a SHA-1 MAC.
#[test]
fn legacy_pkcs12_encodings_open() {
    let pki = Pki::new();
    for (name, args) in [
        ("legacy.p12", vec!["-legacy"]),
        (
            "3des.p12",
            vec![
                "-keypbe",
                "PBE-SHA1-3DES",
                "-certpbe",
                "PBE-SHA1-3DES",
                "-macalg",
                "sha1",
            ],
        ),
    ] {
        let mut cmd = Command::new("openssl");
        cmd.current_dir(pki.dir.path())
            .args(["pkcs12", "-export"])
            .args(&args)
            .args([
                "-inkey",
                "ec.key",
                "-in",
                "ec.pem",
                "-certfile",
                "ca.pem",
                "-out",
                name,
            ])
            .arg("-passout")
            .arg(format!("pass:{P12_PASSWORD}"));
        run(&mut cmd);
        let key = Pkcs12Key::open(&pki.read(name), &password(), Utc::now())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let signed = sign_pdf(&sample_pdf(1, 0), &key, &SignOptions::new(Utc::now())).unwrap();
        let report = verify_pdf(
            &signed,
            &VerifyOptions {
                trusted: &pki.ca(),
                now: Utc::now(),
            },
        )
        .unwrap();
        assert!(
            report.all_signatures_valid() && report.all_trusted(),
            "{name}: {report:#?}"
        );
        let err = Pkcs12Key::open(&pki.read(name), &Password::new("nope".into()), Utc::now())
            .unwrap_err();
        assert!(matches!(err, Error::WrongPassword), "{name}: {err:?}");
    }
}

/// An input that already has a form (an indirect /AcroForm with a text field) and a page
/// whose /Annots is an indirect array: both are extended, nothing is lost.
#[test]
fn existing_form_and_indirect_annotations_are_kept() {
    use lopdf::{dictionary, Document, Object};
    let pki = Pki::new();
    let mut doc = Document::load_mem(&sample_pdf_lines(2, 0, 10)).unwrap();
    let pages = doc.get_pages();
    let last = *pages.values().last().unwrap();
    let text_field = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx", "T" => Object::string_literal("CaseNumber"),
        "V" => Object::string_literal("EXA/2026/12"), "Rect" => vec![72.into(), 72.into(), 200.into(), 90.into()],
        "P" => last, "F" => 4,
    });
    let annots = doc.add_object(Object::Array(vec![Object::Reference(text_field)]));
    doc.get_dictionary_mut(last).unwrap().set("Annots", annots);
    let acro = doc.add_object(dictionary! { "Fields" => vec![Object::Reference(text_field)] });
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_dictionary_mut(root).unwrap().set("AcroForm", acro);
    let mut input = Vec::new();
    doc.save_to(&mut input).unwrap();

    let signed = sign_with(&pki, "rsa.p12", &input);
    let path = write(pki.dir.path(), "form.pdf", &signed);
    check_all_validators(&pki, &path);
    let reread = Document::load_mem(&signed).unwrap();
    let catalog = reread.catalog().unwrap();
    let acro_form = reread
        .dereference(catalog.get(b"AcroForm").unwrap())
        .unwrap()
        .1
        .as_dict()
        .unwrap();
    let fields = reread
        .dereference(acro_form.get(b"Fields").unwrap())
        .unwrap()
        .1
        .as_array()
        .unwrap();
    assert_eq!(fields.len(), 2, "the text field and the signature");
    let page = reread.get_dictionary(last).unwrap();
    let annots = reread
        .dereference(page.get(b"Annots").unwrap())
        .unwrap()
        .1
        .as_array()
        .unwrap();
    assert_eq!(annots.len(), 2);
    assert_eq!(annots[0], Object::Reference(text_field));

    // Signing again with the same embedded request: refused, with the file name.
    let key = Pkcs12Key::open(&pki.read("ec.p12"), &password(), Utc::now()).unwrap();
    let opts = SignOptions {
        request_json: Some(REQUEST_JSON),
        ..SignOptions::new(Utc::now())
    };
    let err = sign_pdf(&signed, &key, &opts).unwrap_err();
    assert!(
        err.to_string()
            .contains("\"request.mla.json\": a file with this name is already embedded"),
        "{err}"
    );
}

/// Damaged files of every kind (random bytes changed anywhere, truncations, garbage
/// appended): verifying and signing them returns a result or a clear error, never a panic.
#[test]
fn damaged_files_never_panic() {
    let pki = Pki::new();
    let key = Pkcs12Key::open(&pki.read("ec.p12"), &password(), Utc::now()).unwrap();
    let signed = sign_with(&pki, "rsa.p12", &sample_pdf(2, 0));
    let ca = pki.ca();
    let mut x: u64 = 0xDEC0_DE00_1234_5678;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let br = verify_pdf(
        &signed,
        &VerifyOptions {
            trusted: &ca,
            now: Utc::now(),
        },
    )
    .unwrap()
    .signatures[0]
        .byte_range
        .clone();
    let gap = br[1] as usize + 1..br[2] as usize - 1; // the hex digits of /Contents
    let (mut errors, mut reports) = (0, 0);
    for round in 0..300 {
        let mut t = signed.clone();
        // Only a change confined to the unsigned /Contents digits may leave it valid.
        let mut only_in_gap = false;
        match round % 3 {
            0 => {
                only_in_gap = true;
                for _ in 0..1 + next() % 8 {
                    let pos = (next() % t.len() as u64) as usize;
                    t[pos] = next() as u8;
                    only_in_gap &= gap.contains(&pos) || t[pos] == signed[pos];
                }
            }
            1 => t.truncate((next() % t.len() as u64) as usize),
            _ => {
                let pos = (next() % t.len() as u64) as usize;
                let junk: Vec<u8> = (0..1 + next() % 64).map(|_| next() as u8).collect();
                t.splice(pos..pos, junk);
            }
        }
        match verify_pdf(
            &t,
            &VerifyOptions {
                trusted: &ca,
                now: Utc::now(),
            },
        ) {
            Ok(r) => {
                reports += 1;
                if r.all_signatures_valid() && !r.changed_after_signing() {
                    assert!(only_in_gap, "damaged file (round {round}) reported valid");
                }
            }
            Err(e) => {
                errors += 1;
                assert!(!e.to_string().is_empty());
            }
        }
        let _ = extract_request_json(&t);
        let _ = sign_pdf(&t, &key, &SignOptions::new(Utc::now()));
    }
    eprintln!("damaged files: {reports} reports, {errors} errors");
}
