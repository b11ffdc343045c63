//! The export pipeline end to end on real files: progress, cancel at every stage, errors,
//! and the written PDF read back and verified.

use mla_test_support as common;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use common::{Pki, P12_PASSWORD};
use mla_export::{
    export, verify_file, BlockText, ExportError, ExportJob, Password, Progress, Protected, Signer,
    Stage,
};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../assets/examples/bribery-bank-records-che.mla.json"
);

struct Fixture {
    pki: Pki,
    dir: tempfile::TempDir,
    json: Vec<u8>,
    request: mla_core::Request,
    annexes: Vec<PathBuf>,
}

impl Fixture {
    fn new() -> Fixture {
        let pki = Pki::new();
        let dir = tempfile::tempdir().unwrap();
        let json = std::fs::read(EXAMPLE).unwrap();
        let request = mla_core::parse_request(&json).unwrap();
        // A small text annex and a 3 MiB one, so that reading and writing take several
        // chunks (progress and cancel inside the stage).
        let small = dir.path().join("annex-a.txt");
        std::fs::write(&small, "Bank statement, account 123\n").unwrap();
        let big = dir.path().join("annex-b.bin");
        let bytes: Vec<u8> = (0..3 * 1024 * 1024u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        std::fs::write(&big, bytes).unwrap();
        Fixture {
            pki,
            dir,
            json,
            request,
            annexes: vec![small, big],
        }
    }

    fn signer(&self, password: &str) -> Signer {
        Signer::Pkcs12 {
            p12: self.pki.read("rsa.p12"),
            password: Password::new(password.to_owned()),
            label: "rsa.p12".into(),
        }
    }

    fn job<'a>(&'a self, output: &'a Path, signer: Option<Signer>) -> ExportJob<'a> {
        ExportJob {
            request_json: &self.json,
            request: &self.request,
            letter: Default::default(),
            profile: None,
            pdf: Default::default(),
            annexes: &self.annexes,
            signer,
            block: BlockText {
                function: "Procureure".into(),
                place: "Lyon".into(),
                ..Default::default()
            },
            pdfa_icc: None,
            now: chrono::Utc::now(),
            output,
            protected: &[],
        }
    }

    /// The names in the output folder (to see that nothing, not even a temporary file,
    /// was left behind).
    fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn stage_kind(stage: &Stage) -> &'static str {
    match stage {
        Stage::OpeningKey => "key",
        Stage::Letter => "letter",
        Stage::Typesetting => "typesetting",
        Stage::Annex { .. } => "annex",
        Stage::Signing => "signing",
        Stage::Writing { .. } => "writing",
        Stage::Done => "done",
    }
}

#[test]
fn signed_export_reports_monotonic_progress_to_the_end_and_verifies() {
    let f = Fixture::new();
    let out = f.dir.path().join("signed.pdf");
    let mut seen: Vec<Progress> = Vec::new();
    let cancel = AtomicBool::new(false);
    let outcome = export(
        f.job(&out, Some(f.signer(P12_PASSWORD))),
        &mut |p| seen.push(p.clone()),
        &cancel,
    )
    .unwrap();
    assert!(outcome.signed);
    assert_eq!(outcome.signer_name.as_deref(), Some("Jeanne Procureur"));
    assert!(outcome.pages >= 2, "{outcome:?}");
    assert_eq!(outcome.bytes, std::fs::metadata(&out).unwrap().len());

    for pair in seen.windows(2) {
        assert!(
            pair[1].fraction >= pair[0].fraction,
            "progress went down: {pair:?}"
        );
    }
    assert!(seen.iter().all(|p| (0.0..=1.0).contains(&p.fraction)));
    let last = seen.last().unwrap();
    assert_eq!(last.stage, Stage::Done);
    assert_eq!(last.fraction, 1.0);
    let mut kinds: Vec<&str> = seen.iter().map(|p| stage_kind(&p.stage)).collect();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "key",
            "letter",
            "typesetting",
            "annex",
            "signing",
            "writing",
            "done"
        ]
    );
    // Each annex is reported from 0 to its full size, the big one in several steps.
    for (index, path) in f.annexes.iter().enumerate() {
        let size = std::fs::metadata(path).unwrap().len();
        let steps: Vec<(u64, u64)> = seen
            .iter()
            .filter_map(|p| match &p.stage {
                Stage::Annex {
                    index: i,
                    count: 2,
                    done,
                    total,
                    ..
                } if *i == index => Some((*done, *total)),
                _ => None,
            })
            .collect();
        assert_eq!(steps.first(), Some(&(0, size)), "annex {index}: {steps:?}");
        assert_eq!(
            steps.last(),
            Some(&(size, size)),
            "annex {index}: {steps:?}"
        );
    }
    let writes = seen
        .iter()
        .filter(|p| matches!(p.stage, Stage::Writing { .. }))
        .count();
    assert!(
        writes >= 4,
        "a >3 MiB file is written in 1 MiB steps: {seen:?}"
    );

    // The file as written: signature valid, annexes and the request embedded.
    let report = verify_file(&out, chrono::Utc::now()).unwrap();
    assert!(report.all_signatures_valid(), "{report:?}");
    assert!(!report.changed_after_signing());
    assert!(report.has_request_json);
    let names: Vec<&str> = report
        .embedded_files
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        names.contains(&"annex-a.txt") && names.contains(&"annex-b.bin"),
        "{names:?}"
    );
    let pdf = std::fs::read(&out).unwrap();
    assert_eq!(
        mla_sign::extract_request_json(&pdf).unwrap().unwrap(),
        f.json
    );
    let (ok, text) = common::pdfsig_ok(&f.pki, &out);
    assert!(ok, "pdfsig: {text}");
}

/// Cancelling at each stage (and inside annex reading and writing) returns `Cancelled`,
/// leaves no file and no temporary file, and keeps a previous file at the output path.
#[test]
fn cancel_at_any_stage_leaves_nothing_behind() {
    let f = Fixture::new();
    let out = f.dir.path().join("out.pdf");
    std::fs::write(&out, b"previous export").unwrap();
    let before = f.listing();
    type StopAt = fn(&Stage) -> bool;
    let stops: [(&str, StopAt); 8] = [
        ("key", |s| matches!(s, Stage::OpeningKey)),
        ("letter", |s| matches!(s, Stage::Letter)),
        ("typesetting", |s| matches!(s, Stage::Typesetting)),
        ("first annex", |s| {
            matches!(s, Stage::Annex { index: 0, .. })
        }),
        (
            "inside the big annex",
            |s| matches!(s, Stage::Annex { index: 1, done, .. } if *done > 0),
        ),
        ("signing", |s| matches!(s, Stage::Signing)),
        ("writing starts", |s| {
            matches!(s, Stage::Writing { done: 0, .. })
        }),
        (
            "inside writing",
            |s| matches!(s, Stage::Writing { done, total } if *done > 0 && done < total),
        ),
    ];
    for (what, stop_at) in stops {
        let cancel = AtomicBool::new(false);
        let mut reached = false;
        let result = export(
            f.job(&out, Some(f.signer(P12_PASSWORD))),
            &mut |p| {
                if stop_at(&p.stage) {
                    reached = true;
                    cancel.store(true, std::sync::atomic::Ordering::SeqCst);
                }
            },
            &cancel,
        );
        assert!(reached, "{what}: the stage was never reported");
        assert!(
            matches!(result, Err(ExportError::Cancelled)),
            "{what}: {result:?}"
        );
        assert_eq!(f.listing(), before, "{what}: files left behind");
        assert_eq!(std::fs::read(&out).unwrap(), b"previous export", "{what}");
    }
}

#[test]
fn wrong_password_fails_before_any_work_and_writes_nothing() {
    let f = Fixture::new();
    let out = f.dir.path().join("out.pdf");
    let before = f.listing();
    let mut stages = Vec::new();
    let err = export(
        f.job(&out, Some(f.signer("not the password"))),
        &mut |p| stages.push(stage_kind(&p.stage)),
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert_eq!(err.code(), "sign_wrong_password", "{err}");
    assert!(err.to_string().contains("wrong password"), "{err}");
    assert_eq!(stages, ["key"]);
    assert_eq!(f.listing(), before);
}

#[test]
fn key_problems_have_their_own_codes() {
    let f = Fixture::new();
    let out = f.dir.path().join("out.pdf");
    for (file, code) in [
        ("nokey.p12", "sign_no_private_key"),
        ("enc.p12", "sign_certificate_not_for_signing"),
    ] {
        let signer = Signer::Pkcs12 {
            p12: f.pki.read(file),
            password: Password::new(P12_PASSWORD.into()),
            label: file.into(),
        };
        let err = export(
            f.job(&out, Some(signer)),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .unwrap_err();
        assert_eq!(err.code(), code, "{file}: {err}");
        assert!(err.to_string().starts_with(file), "{err}");
    }
    // Ten years on, the one-year test certificate has expired.
    let mut job = f.job(&out, Some(f.signer(P12_PASSWORD)));
    job.now = chrono::Utc::now() + chrono::Duration::days(3650);
    let err = export(job, &mut |_| {}, &AtomicBool::new(false)).unwrap_err();
    assert_eq!(err.code(), "sign_certificate_expired", "{err}");
    assert!(!out.exists());
}

#[test]
fn output_may_not_replace_an_input_or_go_to_a_missing_folder() {
    let f = Fixture::new();
    let draft = f.dir.path().join("draft.mla.json");
    std::fs::write(&draft, &f.json).unwrap();
    let protected = [Protected::new("the request file", &draft)];
    let mut job = f.job(&draft, None);
    job.protected = &protected;
    let err = export(job, &mut |_| {}, &AtomicBool::new(false)).unwrap_err();
    assert_eq!(err.code(), "export_output_is_input", "{err}");
    assert_eq!(std::fs::read(&draft).unwrap(), f.json);

    // The same file through another path, and an annex.
    let dotted = f.dir.path().join(".").join("annex-a.txt");
    let err = export(f.job(&dotted, None), &mut |_| {}, &AtomicBool::new(false)).unwrap_err();
    assert_eq!(err.code(), "export_output_is_input", "{err}");

    let missing = f.dir.path().join("no/such/folder/out.pdf");
    let err = export(f.job(&missing, None), &mut |_| {}, &AtomicBool::new(false)).unwrap_err();
    assert_eq!(err.code(), "export_write_failed", "{err}");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn unsigned_export_embeds_the_request_and_annexes() {
    let f = Fixture::new();
    let out = f.dir.path().join("unsigned.pdf");
    let mut kinds = Vec::new();
    let outcome = export(
        f.job(&out, None),
        &mut |p| kinds.push(stage_kind(&p.stage)),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(!outcome.signed);
    assert_eq!(kinds.first(), Some(&"letter"));
    let report = verify_file(&out, chrono::Utc::now()).unwrap();
    assert!(report.signatures.is_empty());
    assert!(report.has_request_json);
    assert_eq!(report.embedded_files.len(), 3);
}

/// The letter goes to the central authority the requested State's profile designates (the
/// letters crate's choice); without a profile, to the request's own addressee.
#[test]
fn the_profile_addresses_the_letter() {
    let f = Fixture::new();
    let profiles = mla_core::ProfileSet::builtin().unwrap();
    let profile = profiles.get(f.request.requested_state.trim());
    let expected = mla_letter::addressee_from_profile(&f.request, profile)
        .expect("the example's State profile designates a central authority");
    let with = f.dir.path().join("with-profile.pdf");
    let mut job = f.job(&with, None);
    job.profile = profile;
    export(job, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let text = |pdf: &Path| {
        let out = std::process::Command::new("pdftotext")
            .arg(pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils)");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let name: String = expected
        .name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text(&with).contains(&name), "{name} not in the letter");
    let without = f.dir.path().join("without-profile.pdf");
    export(f.job(&without, None), &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert!(!text(&without).contains(&name), "{name} without a profile");
}
