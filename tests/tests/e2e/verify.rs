//! End-to-end: a signed request received from elsewhere, opened in the app ("Open a signed
//! PDF…") and checked as `mla verify` checks it. Included from e2e.rs (a file in a
//! sub-folder, so that cargo does not also build it as a test target of its own).

use super::*;

use std::process::Command;

/// The verification view's file dialogs answered from a file (feature `test-dialogs`).
fn answer(path: &Path, pdf: &Path, cas: &[&Path]) {
    let answers = serde_json::json!({ "signed_pdf": pdf, "trusted_ca": cas });
    std::fs::write(path, serde_json::to_vec_pretty(&answers).unwrap()).unwrap();
}

/// Run the real `mla` binary; the password comes from the environment, as in the CLI docs.
fn mla(args: &[&std::ffi::OsStr]) {
    let out = Command::new(mla_tests::mla_bin::mla_bin())
        .args(args)
        .env("MLA_SIGN_PASSWORD", signing_common::P12_PASSWORD)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "mla {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

impl App {
    /// Wait until the verification view shows `verdict` for the file named `file_name`;
    /// returns the verdict box's text.
    async fn verdict(&self, verdict: &str, file_name: &str) -> String {
        self.until(&format!("verdict {verdict} for {file_name}"), || async {
            let file = self
                .client
                .find(Locator::Css("#verify-file"))
                .await
                .ok()?
                .text()
                .await
                .ok()?;
            if !file.contains(file_name) {
                return None;
            }
            let e = self
                .client
                .find(Locator::Css("#verify-verdict"))
                .await
                .ok()?;
            let got = e.attr("data-verdict").await.ok()??;
            (got == verdict).then_some(e.text().await.ok()?)
        })
        .await
    }

    /// Wait until `css` contains `text` (the element may be redrawn meanwhile).
    async fn until_text(&self, css: &str, text: &str) -> String {
        self.until(&format!("{css} to contain {text:?}"), || async {
            let t = self
                .client
                .find(Locator::Css(css))
                .await
                .ok()?
                .text()
                .await
                .ok()?;
            t.contains(text).then_some(t)
        })
        .await
    }
}

/// A request signed with `mla export --sign` is opened in the app: valid with the signer's
/// name; with the test CA trusted, the chain is trusted; with an unrelated CA, not trusted;
/// a copy with one byte changed inside the signed range is invalid; a copy with an annex
/// appended after signing is "valid but modified after signing"; an unsigned PDF, a
/// text file, an encrypted PDF and a PDF whose embedded request is malformed each get a
/// clear message naming the file; a file that does not verify offers no plain import, only
/// "Import anyway, untrusted", which the new draft's history marks; importing a verified
/// file makes a NEW draft equal to the embedded request, and the draft already in the
/// register is untouched.
#[test]
fn open_a_signed_pdf_check_it_and_import_its_request() {
    run(|| async {
        let pki = signing_common::Pki::new();
        let (dir, register) = fresh_register();
        let d = dir.path();
        let example = workspace_root().join("assets/examples/bribery-bank-records-che.mla.json");
        let request = mla_core::parse_request(&std::fs::read(&example).unwrap()).unwrap();
        let existing = seed(&register, &[("EXISTING/1", "FRA", "C-1")])[0];
        let existing_before = Register::open(&register).unwrap().get(existing).unwrap();

        // The files the officer receives.
        let signed = d.join("signed-request.pdf");
        mla(&[
            "export".as_ref(),
            example.as_os_str(),
            "--sign".as_ref(),
            pki.path("rsa.p12").as_os_str(),
            "--function".as_ref(),
            "Procureure".as_ref(),
            "--place".as_ref(),
            "Lyon".as_ref(),
            "-o".as_ref(),
            signed.as_os_str(),
        ]);
        let unsigned = d.join("unsigned-request.pdf");
        mla(&[
            "export".as_ref(),
            example.as_os_str(),
            "-o".as_ref(),
            unsigned.as_os_str(),
        ]);
        // One byte changed inside the first signed range (in the binary comment of the
        // header, so that the file still parses and only the signature can tell).
        let mut bytes = std::fs::read(&signed).unwrap();
        let report = mla_sign::verify_pdf(
            &bytes,
            &mla_sign::VerifyOptions {
                trusted: &[],
                now: chrono::Utc::now(),
            },
        )
        .unwrap();
        let range = &report.signatures[0].byte_range;
        let at = 11usize;
        assert!(
            bytes[9] == b'%' && (at as i64) < range[0] + range[1],
            "{range:?}"
        );
        bytes[at] ^= 0x01;
        let tampered = d.join("tampered-request.pdf");
        std::fs::write(&tampered, &bytes).unwrap();
        // The signed file with an annex appended afterwards (an incremental update): the
        // signature still verifies, but the file was changed after signing.
        let appended = d.join("appended-request.pdf");
        std::fs::write(
            &appended,
            mla_sign::embed_files(
                &std::fs::read(&signed).unwrap(),
                &[mla_sign::Attachment {
                    file_name: "added-later.txt".into(),
                    bytes: b"added after signing".to_vec(),
                    mime_type: "text/plain".into(),
                    description: None,
                    relationship: mla_sign::AfRelationship::Supplement,
                }],
                None,
                None,
                chrono::Utc::now(),
            )
            .unwrap(),
        )
        .unwrap();
        let encrypted = d.join("encrypted-request.pdf");
        signing_common::run(
            Command::new("qpdf")
                .args(["--encrypt", "user-pw", "owner-pw", "256", "--"])
                .arg(&signed)
                .arg(&encrypted),
        );
        let not_pdf = d.join("notes.txt");
        std::fs::write(&not_pdf, "Minutes of the meeting, not a PDF.\n").unwrap();
        // A PDF carrying a malformed request.mla.json.
        let bad_json = d.join("bad-embedded.pdf");
        std::fs::write(
            &bad_json,
            mla_sign::embed_files(
                &signing_common::sample::sample_pdf(1, 0),
                &[],
                Some(br#"{"format_version": 1, "reference": 42}"#),
                None,
                chrono::Utc::now(),
            )
            .unwrap(),
        )
        .unwrap();

        let answers = d.join("answers.json");
        answer(&answers, &signed, &[&pki.path("ca.pem")]);
        let app = App::start_with(
            &register,
            &["--test-dialog-answers".as_ref(), answers.as_os_str()],
        )
        .await;
        app.wait_list(&["EXISTING/1"]).await;

        // Reachable by keyboard: focus the button and press Enter.
        app.wait_for("#verify-open")
            .await
            .send_keys("\u{E007}")
            .await
            .expect("pressing Enter on Open a signed PDF");
        let text = app.verdict("verified", "signed-request.pdf").await;
        assert!(text.starts_with("Valid"), "{text}");
        assert!(text.contains("was not checked"), "{text}");
        assert_eq!(app.text("#verify-signer-1").await, "Jeanne Procureur");
        let sig = app.text("#verify-signature-1").await;
        assert!(sig.contains("MLA Desk Test CA"), "{sig}");
        assert!(sig.contains("Lyon"), "{sig}");
        assert_eq!(
            app.text("#verify-trust-1").await,
            "Not checked (no trusted CA given)."
        );
        assert_eq!(app.text("#verify-req-reference").await, request.reference);
        assert_eq!(
            app.text("#verify-req-requested").await,
            request.requested_state
        );
        assert_eq!(
            app.text("#verify-req-requesting").await,
            request.requesting_authority.country
        );
        app.screenshot("verify-01-valid").await;

        // Trust the test CA: the chain is trusted.
        app.click("#verify-trust").await;
        app.until_text(
            "#verify-trust-1",
            "Chains to the trusted CA MLA Desk Test CA",
        )
        .await;
        let text = app.verdict("verified", "signed-request.pdf").await;
        assert!(text.contains("chains to a CA you trust"), "{text}");
        app.screenshot("verify-02-trusted").await;
        app.client
            .execute(
                "document.getElementById('verify-request').scrollIntoView()",
                vec![],
            )
            .await
            .unwrap();
        let measures = app.text("#verify-req-measures").await;
        assert!(measures.contains("bank records"), "{measures}");
        app.screenshot("verify-02b-embedded-request").await;

        // Trust only an unrelated CA: not trusted.
        app.click("#verify-forget").await;
        app.until_text("#verify-trusted-cas", "None given").await;
        answer(&answers, &signed, &[&pki.path("other-ca.pem")]);
        app.click("#verify-trust").await;
        let text = app.verdict("not_trusted", "signed-request.pdf").await;
        assert!(
            text.starts_with("Signature intact, chain not trusted"),
            "{text}"
        );
        app.until_text(
            "#verify-trust-1",
            "Not trusted: no trusted certification authority issued the certificate ",
        )
        .await;
        app.screenshot("verify-03-not-trusted").await;
        app.click("#verify-forget").await;
        app.until_text("#verify-trusted-cas", "None given").await;

        // The tampered copy: invalid.
        answer(&answers, &tampered, &[]);
        app.click("#verify-open-another").await;
        let text = app.verdict("invalid", "tampered-request.pdf").await;
        assert!(text.starts_with("Invalid"), "{text}");
        assert!(
            app.text("#verify-integrity-1").await.starts_with("FAILED"),
            "{}",
            app.text("#verify-integrity-1").await
        );
        // What is wrong is said in the interface language, and follows a switch at once.
        let problems = app.text("#verify-problems-1").await;
        assert!(
            problems.contains("The document was changed after it was signed"),
            "{problems}"
        );
        // No valid signature vouches for its request: no plain import, only the explicit
        // untrusted one.
        assert!(app
            .client
            .find(Locator::Css("#verify-import"))
            .await
            .is_err());
        app.until_text("#verify-import-untrusted", "Import anyway, untrusted")
            .await;
        app.screenshot("verify-04-tampered").await;
        app.select("#ui-lang", "fr").await;
        app.until_text(
            "#verify-problems-1",
            "Le document a été modifié après sa signature : les octets signés ne correspondent plus à la signature.",
        )
        .await;
        app.client
            .execute(
                "document.getElementById('verify-problems-1').scrollIntoView()",
                vec![],
            )
            .await
            .unwrap();
        app.screenshot("verify-04-tampered-fr").await;
        app.select("#ui-lang", "en").await;
        app.until_text(
            "#verify-problems-1",
            "The document was changed after it was signed",
        )
        .await;

        // Changed after signing: the signature is intact, the verdict says what happened.
        answer(&answers, &appended, &[]);
        app.click("#verify-open-another").await;
        let text = app
            .verdict("changed_after_signing", "appended-request.pdf")
            .await;
        assert!(
            text.starts_with("Valid, but modified after signing"),
            "{text}"
        );
        assert_eq!(
            app.text("#verify-integrity-1").await,
            "The signed bytes are unchanged."
        );
        assert!(app
            .text("#verify-embedded")
            .await
            .contains("added-later.txt"));
        app.screenshot("verify-04b-changed-after-signing").await;

        // Its request was replaced after signing, as far as anyone can tell: importing it
        // takes the explicit untrusted action, and the draft's history says so.
        assert!(app
            .client
            .find(Locator::Css("#verify-import"))
            .await
            .is_err());
        app.click("#verify-import-untrusted").await;
        app.wait_for("#step-1").await;
        app.click("#history-toggle").await;
        app.until_text("#history-list", "untrusted import: no valid signature")
            .await;
        app.screenshot("verify-04c-untrusted-import").await;
        app.click("#back").await;
        app.wait_list(&["EXISTING/1", request.reference.as_str()])
            .await;
        answer(&answers, &appended, &[]);
        app.click("#verify-open").await;
        app.verdict("changed_after_signing", "appended-request.pdf")
            .await;

        // An unsigned PDF, a text file, a PDF with a malformed embedded request.
        answer(&answers, &unsigned, &[]);
        app.click("#verify-open-another").await;
        let text = app.verdict("no_signature", "unsigned-request.pdf").await;
        assert!(
            text.contains("unsigned-request.pdf is a PDF, but it is not signed."),
            "{text}"
        );
        answer(&answers, &not_pdf, &[]);
        app.click("#verify-open-another").await;
        let text = app.verdict("unreadable", "notes.txt").await;
        assert!(text.contains("notes.txt is not a PDF file."), "{text}");
        app.screenshot("verify-05-not-a-pdf").await;
        answer(&answers, &encrypted, &[]);
        app.click("#verify-open-another").await;
        let text = app.verdict("unreadable", "encrypted-request.pdf").await;
        assert!(
            text.contains("encrypted-request.pdf is an encrypted PDF."),
            "{text}"
        );
        answer(&answers, &bad_json, &[]);
        app.click("#verify-open-another").await;
        app.verdict("no_signature", "bad-embedded.pdf").await;
        let missing = app.text("#verify-request-missing").await;
        assert!(
            missing.starts_with("The embedded request cannot be used:")
                && missing.contains("not a valid request file"),
            "{missing}"
        );
        assert!(app
            .client
            .find(Locator::Css("#verify-import"))
            .await
            .is_err());
        app.screenshot("verify-06-malformed-request").await;

        // Back to the signed file; import its request as a new draft, which opens.
        answer(&answers, &signed, &[]);
        app.click("#verify-open-another").await;
        app.verdict("verified", "signed-request.pdf").await;
        app.click("#verify-import").await;
        app.wait_for("#step-1").await;
        app.until("the imported reference in the editor", || async {
            (app.value("#f-reference").await == request.reference).then_some(())
        })
        .await;
        app.screenshot("verify-07-imported").await;
        app.click("#back").await;
        app.wait_list(&[
            "EXISTING/1",
            request.reference.as_str(),
            request.reference.as_str(),
        ])
        .await;

        let reg = Register::open(&register).unwrap();
        let rows = reg.list(&ListFilter::default()).unwrap();
        assert_eq!(rows.len(), 3, "{rows:?}");
        // The untrusted import came first, the signed one last.
        let untrusted = rows
            .iter()
            .filter(|r| r.id != existing)
            .min_by_key(|r| r.id)
            .unwrap();
        let note = &reg.history(untrusted.id).unwrap()[0].note;
        assert_eq!(
            note,
            "UNTRUSTED import from the PDF appended-request.pdf, on the user's request: not \
             verified: the file was changed after the last signature"
        );
        let new = rows.iter().max_by_key(|r| r.id).unwrap();
        let imported = reg.get(new.id).unwrap();
        assert_eq!(imported.request, request);
        let history = reg.history(new.id).unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(
            history[0].note,
            "imported from the signed PDF signed-request.pdf"
        );
        assert_eq!(reg.get(existing).unwrap(), existing_before);
        drop(reg);
        app.quit().await;
    });
}
