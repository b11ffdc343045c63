//! A received PDF is hostile: `mla verify`, the app's verify view and its import run
//! `mla_sign::verify_pdf`, the verdict, `extract_request_json` and then parse the embedded
//! request. None of it may panic, hang or run out of memory, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mla_sign::{Verdict, VerifyOptions};

/// The test CA that signed the seed PDFs (its certificate only; the key was thrown away),
/// so that chain building runs too.
const TRUSTED_CA: &[u8] = include_bytes!("../seeds/trusted-ca.pem");

fn trusted() -> &'static [mla_sign::Certificate] {
    static CAS: std::sync::OnceLock<Vec<mla_sign::Certificate>> = std::sync::OnceLock::new();
    CAS.get_or_init(|| mla_sign::parse_certificates(TRUSTED_CA).expect("the seed CA parses"))
}

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// lopdf may panic on malformed input; `mla-sign` catches that around the parse and
/// reports a corrupt PDF, which is what the CLI and the app do with such a file. The hook
/// libfuzzer-sys installs aborts on every panic, caught or not, so it would report those
/// as crashes: replace it with one that only remembers the message. A panic that is not
/// caught inside still reaches the `catch_unwind` below and aborts, with its message.
fn panics_unwind_as_in_the_app() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    panics_unwind_as_in_the_app();
    if std::panic::catch_unwind(|| run(data)).is_err() {
        let message = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_default();
        eprintln!("panic not caught by mla-sign: {message}");
        std::process::abort();
    }
});

fn run(data: &[u8]) {
    // Within the validity of the seed certificates (100 years from when they were made).
    let now = chrono::NaiveDate::from_ymd_opt(2100, 1, 1)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("a valid time")
        .and_utc();
    let opts = VerifyOptions {
        trusted: trusted(),
        now,
    };
    if let Ok(report) = mla_sign::verify_pdf(data, &opts) {
        let verdict = Verdict::of(&report, true);
        let _ = verdict.failure();
        // What `mla verify` prints and the app sends.
        for signature in &report.signatures {
            for problem in &signature.problems {
                assert!(!problem.to_string().is_empty());
            }
        }
        serde_json::to_string(&report).expect("a report serializes");
        assert_eq!(report.file_size, data.len() as u64);
    }
    if let Ok(Some(json)) = mla_sign::extract_request_json(data) {
        // Import: the embedded request goes through the file format's parser.
        if let Ok(request) = mla_core::parse_request(&json) {
            mla_fuzz::assert_round_trip(&request);
        }
    }
}
