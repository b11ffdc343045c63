//! End-to-end tests of the real `mla-desk` binary: fantoccini → tauri-driver
//! (127.0.0.1:4444) → WebKitWebDriver → the app, under Xvfb.
//!
//! Run with `scripts/e2e.sh`, which builds the UI and the app, starts Xvfb and
//! tauri-driver, runs these tests and stops everything. Environment:
//! - `MLA_DESK_BIN`: the app binary (default `target/debug/mla-desk`);
//! - `TAURI_DRIVER_URL`: the WebDriver endpoint (default `http://127.0.0.1:4444`);
//! - `MLA_SCREENSHOTS`: where screenshots go (default `artifacts/screenshots/`).
//!
//! Each test starts the app on its own fresh register file. tauri-driver drives one app at a
//! time, so the tests take a lock and run one after the other.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use mla_core::Request;
use mla_store::{ListFilter, Register};

#[path = "e2e/verify.rs"]
mod verify;

static ONE_APP_AT_A_TIME: Mutex<()> = Mutex::new(());

thread_local! {
    /// Sessions not yet ended by `App::quit`, ended by `run` after the test.
    static OPEN_SESSIONS: std::cell::RefCell<Vec<Client>> = const { std::cell::RefCell::new(Vec::new()) };
}

const TIMEOUT: Duration = Duration::from_secs(60);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn app_binary() -> PathBuf {
    let bin = std::env::var_os("MLA_DESK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| workspace_root().join("target"));
            target.join("debug/mla-desk")
        });
    assert!(
        bin.is_file(),
        "the app binary {} does not exist; build it with \
         `(cd ui && npm run build) && cargo build -p mla-desk`, or run scripts/e2e.sh",
        bin.display()
    );
    bin
}

fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("MLA_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("artifacts/screenshots"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Longest a whole test may take before it fails (instead of hanging CI).
const TEST_TIMEOUT: Duration = Duration::from_secs(300);

/// Run one test body against the app: lock, runtime, and a time limit.
fn run<F, Fut>(body: F)
where
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = ()> + 'static,
{
    let _guard = ONE_APP_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let local = tokio::task::LocalSet::new();
    let outcome = local.block_on(&rt, async {
        let task = tokio::task::spawn_local(async move {
            tokio::time::timeout(TEST_TIMEOUT, body())
                .await
                .unwrap_or_else(|_| panic!("the test did not finish within {TEST_TIMEOUT:?}"))
        });
        let outcome = task.await;
        // A failed test leaves its app running: end those sessions so the next test can
        // start one (tauri-driver drives one session at a time).
        let open: Vec<Client> = OPEN_SESSIONS.with(|o| o.borrow_mut().drain(..).collect());
        for client in open {
            let _ = tokio::time::timeout(TIMEOUT, client.close()).await;
        }
        outcome
    });
    if let Err(e) = outcome {
        if e.is_panic() {
            std::panic::resume_unwind(e.into_panic());
        }
        panic!("test task failed: {e}");
    }
}

/// A running app under WebDriver.
struct App {
    client: Client,
}

impl App {
    /// Start the app on `register` and wait until its first screen is up.
    async fn start(register: &Path) -> App {
        App::start_with(register, &[]).await
    }

    /// [`App::start`] with more command-line arguments.
    async fn start_with(register: &Path, extra_args: &[&std::ffi::OsStr]) -> App {
        let url = std::env::var("TAURI_DRIVER_URL")
            .unwrap_or_else(|_| "http://127.0.0.1:4444".to_owned());
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".to_owned(),
            serde_json::json!({
                "application": app_binary(),
                "args": std::iter::once(std::ffi::OsStr::new("--register"))
                    .chain(std::iter::once(register.as_os_str()))
                    .chain(extra_args.iter().copied())
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect::<Vec<_>>(),
            }),
        );
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps);
        let client = tokio::time::timeout(TIMEOUT, builder.connect(&url))
            .await
            .unwrap_or_else(|_| panic!("no WebDriver session from {url} within {TIMEOUT:?}"))
            .unwrap_or_else(|e| {
                panic!("no WebDriver session at {url} ({e}); is tauri-driver running? use scripts/e2e.sh")
            });
        OPEN_SESSIONS.with(|o| o.borrow_mut().push(client.clone()));
        let app = App { client };
        app.wait_for("#new-draft, #register-error").await;
        // The interface language is kept between runs (localStorage): start in English.
        if app.value("#ui-lang").await != "en" {
            app.select("#ui-lang", "en").await;
            app.wait_for("html[lang=\"en\"]").await;
        }
        app
    }

    /// End the WebDriver session, which quits the app.
    async fn quit(self) {
        OPEN_SESSIONS.with(|o| o.borrow_mut().clear());
        tokio::time::timeout(TIMEOUT, self.client.close())
            .await
            .expect("ending the WebDriver session timed out")
            .expect("ending the WebDriver session");
    }

    async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("element {css} did not appear: {e}"))
    }

    async fn find(&self, css: &str) -> Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// Type `text`; a line break is typed as the Enter key (WebDriver drops a bare "\n").
    async fn type_into(&self, css: &str, text: &str) {
        let keys = text.replace('\n', "\u{E007}");
        self.wait_for(css)
            .await
            .send_keys(&keys)
            .await
            .unwrap_or_else(|e| panic!("typing into {css}: {e}"));
    }

    /// The control's current value. A step that is drawn again (restoring a version,
    /// switching language) replaces its controls: a control replaced between finding it
    /// and reading it is found again.
    async fn value(&self, css: &str) -> String {
        for _ in 0..20 {
            match self.find(css).await.prop("value").await {
                Ok(v) => return v.unwrap_or_default(),
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::StaleElementReference =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("reading the value of {css}: {e}"),
            }
        }
        panic!("{css} kept being replaced while its value was read")
    }

    async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap()
    }

    /// Poll `probe` until it returns `Some`, or fail after [`TIMEOUT`] saying `what`.
    async fn until<T, Fut: Future<Output = Option<T>>>(
        &self,
        what: &str,
        mut probe: impl FnMut() -> Fut,
    ) -> T {
        let start = Instant::now();
        loop {
            if let Some(v) = probe().await {
                return v;
            }
            if start.elapsed() > TIMEOUT {
                let shot = self.screenshot(&format!("FAILED-{}", slug(what))).await;
                panic!(
                    "timed out waiting for {what} (screenshot: {})",
                    shot.display()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait until the editor says everything typed is saved (in any language).
    async fn wait_saved(&self) {
        self.until("the save status to be Saved", || async {
            let el = self.client.find(Locator::Css("#save-status")).await.ok()?;
            let state = el.attr("data-state").await.ok()??;
            (state == "saved").then_some(())
        })
        .await;
    }

    /// Open step `n` of the wizard from the step list and wait until it is shown.
    async fn step(&self, n: u8) {
        let current = format!("#step-{n}[aria-current=\"step\"]");
        self.until(&format!("step {n} to be shown"), || async {
            if self.client.find(Locator::Css(&current)).await.is_ok() {
                return Some(());
            }
            // Click (again): a click that landed while the page was being redrawn is lost.
            let button = self
                .client
                .find(Locator::Css(&format!("#step-{n}")))
                .await
                .ok()?;
            let _ = button.click().await;
            tokio::time::sleep(Duration::from_millis(200)).await;
            None
        })
        .await;
    }

    /// References shown in the list, in order; `None` while the list is being redrawn
    /// (an element went stale between finding and reading it).
    async fn listed_references(&self) -> Option<Vec<String>> {
        let mut out = Vec::new();
        for cell in self
            .client
            .find_all(Locator::Css("#drafts tbody td.reference"))
            .await
            .ok()?
        {
            out.push(cell.text().await.ok()?);
        }
        Some(out)
    }

    async fn wait_list(&self, expected: &[&str]) {
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        self.until(&format!("the list to show {expected:?}"), || {
            let want = want.clone();
            async move {
                let mut got = self.listed_references().await?;
                got.sort();
                (got == want).then_some(())
            }
        })
        .await;
    }

    async fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_dir().join(format!("{name}.png"));
        // The app runs WebKitGTK without compositing (src-tauri/src/webview.rs); in that mode
        // WebKitWebDriver takes the screenshot from the next painted frame, so on an idle
        // page it waits for ever. Keep one pixel in the bottom-right corner repainting
        // (white / near-white, for two seconds) so that a frame comes.
        let _ = self
            .client
            .execute(
                "const d = document.createElement('div');\
                 d.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none';\
                 document.body.append(d);\
                 let n = 0;\
                 const t = setInterval(() => {\
                   d.style.background = n++ % 2 ? '#ffffff' : '#fefefe';\
                   if (n > 80) { clearInterval(t); d.remove(); }\
                 }, 25);",
                vec![],
            )
            .await;
        let shot = tokio::time::timeout(TIMEOUT, self.client.screenshot())
            .await
            .unwrap_or_else(|_| panic!("screenshot {name}: no frame within {TIMEOUT:?}"));
        match shot {
            Ok(png) => std::fs::write(&path, png).unwrap(),
            Err(e) => eprintln!("screenshot {name} failed: {e}"),
        }
        path
    }
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn fresh_register() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.sqlite");
    (dir, path)
}

/// Seed a register with drafts (reference, requested State) before the app starts.
fn seed(path: &Path, drafts: &[(&str, &str, &str)]) -> Vec<i64> {
    let reg = Register::open(path).unwrap();
    drafts
        .iter()
        .map(|(reference, state, case_number)| {
            let mut r = Request {
                reference: reference.to_string(),
                requested_state: state.to_string(),
                ..Default::default()
            };
            r.case.case_number = case_number.to_string();
            reg.create(&r, "e2e-seed").unwrap()
        })
        .collect()
}

fn row(id: i64, child: &str) -> String {
    format!("#drafts tr[data-id=\"{id}\"] {child}")
}

/// (a) Create a draft, type, quit, start again on the same register: the text is there.
#[test]
fn typed_text_survives_quitting_and_restarting_the_app() {
    run(|| async {
        let (_dir, register) = fresh_register();
        // Text that looks like markup must stay text.
        let reference = "MLA/2026/0042 <b>not bold</b>";
        let facts = "Between March and June 2025 the suspect transferred EUR 1.2 million \
                     to an account at Banque Fictive (Lyon). <img src=x onerror=alert(1)> Ünïcödé: ação, Łódź.";

        let app = App::start(&register).await;
        app.screenshot("01-register-empty").await;
        app.click("#new-draft").await;
        app.type_into("#f-reference", reference).await;
        app.step(2).await;
        app.type_into("#f-requested-state", "fra").await;
        app.step(1).await;
        app.type_into("#f-officer-name", "Jane Example").await;
        app.step(3).await;
        app.type_into("#f-facts", facts).await;
        app.wait_saved().await;
        app.screenshot("02-editor").await;
        app.quit().await;

        // What the register holds is exactly the latest typed state.
        {
            let reg = Register::open(&register).unwrap();
            let drafts = reg.list(&ListFilter::default()).unwrap();
            assert_eq!(drafts.len(), 1, "{drafts:?}");
            let draft = reg.get(drafts[0].id).unwrap();
            assert_eq!(draft.request.reference, reference);
            assert_eq!(draft.request.requested_state, "FRA");
            assert_eq!(
                draft.request.requesting_authority.officer.name,
                "Jane Example"
            );
            assert_eq!(draft.request.facts, facts);
        }

        let app = App::start(&register).await;
        app.wait_list(&[reference]).await;
        assert!(
            app.client
                .find_all(Locator::Css("#drafts b, #drafts img"))
                .await
                .unwrap()
                .is_empty(),
            "typed markup was rendered as HTML"
        );
        app.screenshot("03-register-after-restart").await;
        app.click("#drafts button.open").await;
        app.wait_for("#f-reference").await;
        assert_eq!(app.value("#f-reference").await, reference);
        app.step(2).await;
        assert_eq!(app.value("#f-requested-state").await, "FRA");
        app.step(3).await;
        assert_eq!(app.value("#f-facts").await, facts);
        assert!(app.text("#editor-heading").await.contains(reference));
        app.quit().await;
    });
}

/// (b) Two saved texts, then restore the earlier one from the History panel.
#[test]
fn history_restores_an_earlier_version() {
    run(|| async {
        let (_dir, register) = fresh_register();
        let first = "Version one of the facts.";
        let second = " Added later: a second transfer in July.";

        let app = App::start(&register).await;
        app.click("#new-draft").await;
        app.type_into("#f-reference", "HIST-1").await;
        app.step(3).await;
        app.type_into("#f-facts", first).await;
        app.wait_saved().await;
        app.type_into("#f-facts", second).await;
        app.wait_saved().await;
        let both = format!("{first}{second}");
        assert_eq!(app.value("#f-facts").await, both);

        // Find, in the register itself, the version that holds only the first text.
        let (id, old_version) = {
            let reg = Register::open(&register).unwrap();
            let id = reg.list(&ListFilter::default()).unwrap()[0].id;
            let old = reg
                .history(id)
                .unwrap()
                .into_iter()
                .map(|v| v.version)
                .find(|&v| {
                    let r = reg.version(id, v).unwrap();
                    r.facts == first && r.reference == "HIST-1"
                })
                .expect("a saved version with only the first text");
            assert_eq!(reg.get(id).unwrap().request.facts, both);
            (id, old)
        };

        app.click("#history-toggle").await;
        let restore =
            format!("#history-list li[data-version=\"{old_version}\"] button.restore-version");
        app.wait_for(&restore).await;
        app.screenshot("04-history").await;
        app.click(&restore).await;
        app.until("the facts field to show the restored text", || async {
            (app.value("#f-facts").await == first).then_some(())
        })
        .await;
        app.wait_saved().await;
        app.screenshot("05-history-restored").await;

        let reg = Register::open(&register).unwrap();
        let draft = reg.get(id).unwrap();
        assert_eq!(draft.request.facts, first);
        assert!(draft.summary.version > old_version);
        let last = reg
            .history(id)
            .unwrap()
            .into_iter()
            .max_by_key(|v| v.version)
            .unwrap();
        assert!(
            last.note.contains(&format!("version {old_version}")),
            "{last:?}"
        );
        app.quit().await;
    });
}

/// (c) Delete a draft to the trash, see it there, restore it.
#[test]
fn delete_to_trash_and_restore() {
    run(|| async {
        let (_dir, register) = fresh_register();
        let ids = seed(
            &register,
            &[("ALPHA-1", "GBR", "2026/11"), ("BETA-2", "KEN", "2026/12")],
        );

        let app = App::start(&register).await;
        app.wait_list(&["ALPHA-1", "BETA-2"]).await;
        app.click(&row(ids[0], "button.trash")).await;
        app.wait_list(&["BETA-2"]).await;
        assert!(app.text("#notice").await.contains("ALPHA-1"));

        app.click("#tab-trash").await;
        app.wait_list(&["ALPHA-1"]).await;
        app.screenshot("06-trash").await;
        assert!(
            Register::open(&register)
                .unwrap()
                .get(ids[0])
                .unwrap()
                .summary
                .deleted
        );

        app.click(&row(ids[0], "button.restore")).await;
        app.until("the trash to be empty", || async {
            let empty = app.find("#list-empty").await;
            let shown = empty.attr("hidden").await.ok()?.is_none();
            (shown && app.listed_references().await?.is_empty()).then_some(())
        })
        .await;
        app.click("#tab-drafts").await;
        app.wait_list(&["ALPHA-1", "BETA-2"]).await;
        assert!(
            !Register::open(&register)
                .unwrap()
                .get(ids[0])
                .unwrap()
                .summary
                .deleted
        );
        app.quit().await;
    });
}

/// (d) The search box filters the list by reference, State and case number.
#[test]
fn search_filters_the_list() {
    run(|| async {
        let (_dir, register) = fresh_register();
        seed(
            &register,
            &[
                ("UK-FRAUD-7", "GBR", "PNF 25/0117"),
                ("BR-BRIBE-3", "BRA", "PNF 25/0042"),
                ("KE-LAUNDER-9", "KEN", "AML 26/0003"),
            ],
        );
        let app = App::start(&register).await;
        app.wait_list(&["UK-FRAUD-7", "BR-BRIBE-3", "KE-LAUNDER-9"])
            .await;
        app.screenshot("07-register").await;

        // When each was saved, in this machine's time zone (the app's and the test's).
        let time = app.find("#drafts tbody tr:first-child time").await;
        let saved = time.attr("datetime").await.unwrap().expect("no datetime");
        let local = chrono::DateTime::parse_from_rfc3339(&saved)
            .unwrap_or_else(|e| panic!("datetime {saved:?}: {e}"))
            .with_timezone(&chrono::Local);
        assert_eq!(
            time.text().await.unwrap(),
            local.format("%-d %b %Y, %H:%M").to_string(),
            "saved at {saved}"
        );

        app.type_into("#search", "bra").await;
        app.wait_list(&["BR-BRIBE-3"]).await;
        app.screenshot("08-search").await;
        // Escape clears the search.
        app.type_into("#search", "\u{E00C}").await;
        app.wait_list(&["UK-FRAUD-7", "BR-BRIBE-3", "KE-LAUNDER-9"])
            .await;
        assert_eq!(app.value("#search").await, "");
        app.type_into("#search", "bra").await;
        app.wait_list(&["BR-BRIBE-3"]).await;

        let search = app.find("#search").await;
        search.clear().await.unwrap();
        app.type_into("#search", "launder").await;
        app.wait_list(&["KE-LAUNDER-9"]).await;

        search.clear().await.unwrap();
        app.type_into("#search", "PNF").await;
        app.wait_list(&["UK-FRAUD-7", "BR-BRIBE-3"]).await;

        search.clear().await.unwrap();
        app.type_into("#search", "no such thing").await;
        app.wait_list(&[]).await;
        assert!(app.text("#list-empty").await.contains("no such thing"));
        app.quit().await;
    });
}

/// A register that cannot be opened shows a clear error in the window.
#[test]
fn an_unreadable_register_shows_an_error_in_the_window() {
    run(|| async {
        let dir = tempfile::tempdir().unwrap();
        let register = dir.path().join("not-a-register.sqlite");
        let garbage = b"this is not an SQLite database, just text\n".repeat(200);
        std::fs::write(&register, &garbage).unwrap();

        let app = App::start(&register).await;
        let message = app.text("#register-error-message").await;
        assert!(message.contains("not an MLA Desk register"), "{message}");
        assert!(app
            .text("#register-error")
            .await
            .contains("register_not_a_database"));
        app.screenshot("09-register-error").await;
        app.quit().await;
        assert_eq!(
            std::fs::read(&register).unwrap(),
            garbage,
            "the file was changed"
        );
    });
}

/// The README's screenshots: the register with the example requests, and one of them
/// open in the editor. Written to `artifacts/screenshots/readme-*.png`; copy them to
/// `assets/screenshots/` after looking at them.
#[test]
fn screenshots_for_the_readme() {
    run(|| async {
        let (_dir, register) = fresh_register();
        let examples = workspace_root().join("assets/examples");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&examples)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".mla.json"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no examples in {}", examples.display());
        let mut references = Vec::new();
        let mut first_id = None;
        {
            let reg = Register::open(&register).unwrap();
            for f in &files {
                let request = mla_core::parse_request(&std::fs::read(f).unwrap())
                    .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
                references.push(request.reference.clone());
                let id = reg.create(&request, "e2e-seed").unwrap();
                first_id.get_or_insert(id);
            }
        }
        let app = App::start(&register).await;
        let refs: Vec<&str> = references.iter().map(String::as_str).collect();
        app.wait_list(&refs).await;
        app.screenshot("readme-register").await;
        app.click(&row(first_id.unwrap(), "button.open")).await;
        app.wait_for("#f-reference").await;
        assert_eq!(app.value("#f-reference").await, references[0]);
        app.click("#history-toggle").await;
        app.wait_for("#history-list li[data-version]").await;
        app.screenshot("readme-editor").await;
        app.quit().await;
    });
}

/// Closing the window with unsaved typing (inside the autosave delay) saves it first: the
/// window manager's close goes through the UI's flush before the window goes away.
#[test]
fn closing_the_window_saves_what_was_just_typed() {
    run(|| async {
        let (_dir, register) = fresh_register();
        let ids = seed(&register, &[("CLOSE-1", "DEU", "")]);
        let facts = "Typed just before closing the window; the autosave delay has not passed.";

        let app = App::start(&register).await;
        app.click(&row(ids[0], "button.open")).await;
        app.step(3).await;
        app.type_into("#f-facts", facts).await;
        // Close as the window manager's close button does, at once.
        assert!(wm_close("MLA Desk"), "no window titled MLA Desk to close");

        // The app saves, then closes its window: wait for the text in the register.
        let reg = Register::open(&register).unwrap();
        let start = Instant::now();
        loop {
            let saved = reg.get(ids[0]).unwrap().request.facts;
            if saved == facts {
                break;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the register still has {saved:?} after closing the window"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // And the window went away by itself (a second close finds nothing to close).
        let start = Instant::now();
        while wm_close("MLA Desk") {
            assert!(start.elapsed() < TIMEOUT, "the window did not close");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        // The window is gone; ending the session may report that, which is fine.
        OPEN_SESSIONS.with(|o| o.borrow_mut().clear());
        let _ = tokio::time::timeout(TIMEOUT, app.client.close()).await;
    });
}

/// Send WM_DELETE_WINDOW to the windows titled `title` (tests/tools/wm_close.py); `false`
/// when there is none.
fn wm_close(title: &str) -> bool {
    let script = workspace_root().join("tests/tools/wm_close.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(title)
        .output()
        .expect("running python3 tests/tools/wm_close.py");
    match out.status.code() {
        Some(0) => true,
        Some(1) => false,
        _ => panic!(
            "wm_close.py failed: {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ),
    }
}

// --- the drafting wizard -----------------------------------------------------------------

impl App {
    async fn select(&self, css: &str, value: &str) {
        self.wait_for(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choosing {value:?} in {css}: {e}"));
    }

    /// The id of the focused element.
    async fn active_id(&self) -> String {
        self.client
            .execute(
                "return document.activeElement ? document.activeElement.id : ''",
                vec![],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The checklist's count for a severity (`blocker`, `warning`, `advice`).
    async fn count(&self, severity: &str) -> Option<u32> {
        let el = self
            .client
            .find(Locator::Css(&format!(
                "#checklist-counts li[data-severity=\"{severity}\"]"
            )))
            .await
            .ok()?;
        el.attr("data-count").await.ok()??.parse().ok()
    }

    /// The findings listed on the review step: (rule id, path, title), in page order.
    async fn review_findings(&self) -> Option<Vec<(String, String, String)>> {
        let mut out = Vec::new();
        for li in self
            .client
            .find_all(Locator::Css("#step-panel li.finding"))
            .await
            .ok()?
        {
            let rule = li.attr("data-rule").await.ok()??;
            let path = li.attr("data-finding-path").await.ok()??;
            let title = li
                .find(Locator::Css(".finding-title strong"))
                .await
                .ok()?
                .text()
                .await
                .ok()?;
            out.push((rule, path, title));
        }
        Some(out)
    }

    async fn label_of(&self, id: &str) -> String {
        self.text(&format!("label[for=\"{id}\"]")).await
    }
}

fn example(name: &str) -> Request {
    let path = workspace_root().join("assets/examples").join(name);
    mla_core::parse_request(&std::fs::read(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the checker says about `request` today, with the built-in profiles, as the app
/// computes it: (rule id, path, title) sorted.
fn expected_findings(request: &Request, lang: mla_core::Lang) -> Vec<(String, String, String)> {
    // The app checks as of the local date, as here.
    let today = chrono::Local::now().date_naive();
    let profiles = mla_core::ProfileSet::builtin().expect("built-in profiles load");
    let letters = mla_letter::Letters::load().expect("letter templates load");
    let checked = mla_usecase::check_request(
        &letters,
        request,
        &mla_usecase::CheckInput {
            today,
            lang,
            profiles: Some(&profiles),
            letter: &mla_usecase::LetterChoice::Default,
        },
    )
    .expect("the check runs");
    let mut out: Vec<_> = checked
        .findings
        .into_iter()
        .map(|f| (f.rule_id, f.path, f.title))
        .collect();
    out.sort();
    out
}

/// Fill every step of an empty draft from the example case, typed through WebDriver, in
/// `lang`; see the findings, follow one to its field, fix it, see the letter.
async fn journey(lang: &str) {
    let (dir, register) = fresh_register();
    let ex = example("laundering-e-evidence-fra.mla.json");
    let shot = |n: &str| format!("wizard-{lang}-{n}");
    // The export's native dialogs answer from this file (rewritten before each dialog).
    let answers = dir.path().join("answers.json");
    write_answers(&answers, serde_json::json!({}));
    let app = App::start_with(
        &register,
        &["--test-dialog-answers".as_ref(), answers.as_os_str()],
    )
    .await;
    if lang == "en" {
        assert_eq!(app.text("#new-draft").await, "New draft");
    } else {
        app.select("#ui-lang", lang).await;
        app.until("the interface to switch language", || async {
            let text = app.text("#new-draft").await;
            (text == "Nouveau brouillon").then_some(())
        })
        .await;
    }
    app.click("#new-draft").await;
    app.wait_for("#f-reference").await;
    // An empty draft: the checklist already says what is missing.
    app.until("the checklist of the empty draft", || async {
        (app.count("blocker").await? > 0).then_some(())
    })
    .await;
    if lang == "fr" {
        assert_eq!(app.label_of("f-reference").await, "Référence");
        assert_eq!(
            app.text("#step-3 .step-title").await,
            "Infractions et faits"
        );
        assert_eq!(app.text("#checklist-heading").await, "Liste de contrôle");
    }

    // 1. Case and requesting authority.
    app.type_into("#f-reference", &ex.reference).await;
    app.type_into("#f-date", "2026-11-18").await;
    app.type_into("#f-authority-name", &ex.requesting_authority.name)
        .await;
    app.type_into("#f-requesting-authority-country", "xru")
        .await;
    app.type_into("#f-officer-name", &ex.requesting_authority.officer.name)
        .await;
    app.type_into("#f-officer-email", &ex.requesting_authority.officer.email)
        .await;
    app.type_into("#f-officer-phone", &ex.requesting_authority.officer.phone)
        .await;
    app.select("#f-case-nature", "investigation").await;
    app.type_into("#f-case-subject", &ex.case.subject).await;
    app.type_into(
        "#f-conducting-authority",
        &ex.case.conducting_authority.name,
    )
    .await;
    app.type_into(
        "#f-case-conducting-authority-functions",
        &ex.case.conducting_authority.functions,
    )
    .await;
    app.type_into("#f-case-number", &ex.case.case_number).await;
    app.type_into("#f-signatory-name", &ex.signatory.name).await;
    app.type_into("#f-signatory-function", &ex.signatory.function)
        .await;
    app.type_into("#f-signatory-place", &ex.signatory.place)
        .await;
    app.wait_saved().await;
    app.screenshot(&shot("1-case")).await;

    // 2. Requested State: the profile card shows France's sourced facts.
    app.step(2).await;
    app.type_into("#f-requested-state", "fra").await;
    app.wait_for("#profile-card #pf-ca .fact-source").await;
    let card = app.text("#profile-card").await;
    assert!(card.contains("(FRA)"), "{card}");
    app.type_into("#f-addressee-name", &ex.addressee.name).await;
    app.select("#f-channel", "central_authority").await;
    app.select("#add-legal-basis-kind", "untoc").await;
    app.click("#add-legal-basis").await;
    app.select("#add-legal-basis-kind", "uncac").await;
    app.click("#add-legal-basis").await;
    app.wait_for("#legal-basis-list li:nth-child(2)").await;
    app.click("#f-assurances-speciality").await;
    app.click("#f-assurances-reciprocity").await;
    app.wait_saved().await;
    app.screenshot(&shot("2-state")).await;

    // 3. Offences (facts are left for the finding to lead back to).
    app.step(3).await;
    let off = &ex.offences[0];
    app.click("#add-offences").await;
    app.type_into("#f-offences-0-label", &off.label).await;
    app.type_into("#f-offences-0-provision", &off.provision)
        .await;
    app.type_into("#f-offences-0-penalty", &off.penalty).await;
    app.select("#f-offences-0-conduct-category", &off.conduct_category)
        .await;
    app.until("the dual-criminality indicator", || async {
        let dc = app.find("#dc-0").await.attr("data-dc").await.ok()??;
        (dc != "no_category").then_some(())
    })
    .await;
    app.wait_saved().await;
    app.screenshot(&shot("3-offences")).await;

    // 4. Persons.
    app.step(4).await;
    let p = &ex.persons[0];
    app.click("#add-persons").await;
    app.type_into("#f-persons-0-name", &p.name).await;
    app.select("#f-persons-0-role", "suspect").await;
    app.type_into("#f-persons-0-nationality", "xru").await;
    app.type_into("#f-persons-0-location", &p.location).await;
    app.wait_saved().await;
    app.screenshot(&shot("4-persons")).await;

    // 5. A measure: electronic evidence, with the fields that type needs.
    app.step(5).await;
    let m = &ex.measures[0];
    let mla_core::MeasureDetails::ElectronicEvidence(ee) = &m.details else {
        panic!("the example's first measure is electronic evidence")
    };
    app.click("#add-measures").await;
    app.select("#f-measures-0-details-type", "electronic_evidence")
        .await;
    app.type_into("#f-measures-0-details-provider", &ee.provider)
        .await;
    app.type_into(
        "#f-measures-0-details-account-identifiers",
        &ee.account_identifiers.join("\n"),
    )
    .await;
    app.type_into("#f-measures-0-details-date-from", "2024-01-01")
        .await;
    app.type_into("#f-measures-0-details-date-to", "2026-06-30")
        .await;
    app.click("#f-measures-0-details-data-categories-0").await;
    app.click("#f-measures-0-offence-ids-0").await;
    app.type_into("#f-measures-0-purpose", &m.purpose).await;
    app.type_into("#f-purpose", &ex.purpose).await;
    app.type_into("#f-nexus", &ex.nexus).await;
    app.wait_saved().await;
    app.screenshot(&shot("5-measures")).await;

    // 6. An annex and its translation.
    app.step(6).await;
    let a = &ex.attachments[0];
    app.click("#add-attachments").await;
    app.type_into("#f-attachments-0-title", &a.title).await;
    app.type_into("#f-attachments-0-language", &a.language)
        .await;
    app.select("#f-attachments-0-translation", "needed").await;
    app.type_into("#f-attachments-0-translation-language", "fr")
        .await;
    app.step(6).await;
    app.wait_for("#annex-summary tr[data-annex=\"att-1\"]")
        .await;
    app.wait_saved().await;
    app.screenshot(&shot("6-annexes")).await;
    app.wait_saved().await;

    // 7. Review: the findings are the checker's, in the interface language.
    app.step(7).await;
    let checker_lang = mla_core::Lang::from_code(lang).unwrap();
    let saved = {
        let reg = Register::open(&register).unwrap();
        let id = reg.list(&ListFilter::default()).unwrap()[0].id;
        reg.get(id).unwrap().request
    };
    // What was typed is what was saved.
    assert_eq!(saved.reference, ex.reference);
    assert_eq!(saved.requested_state, "FRA");
    assert_eq!(saved.case.subject, ex.case.subject);
    assert_eq!(saved.offences[0].conduct_category, off.conduct_category);
    assert_eq!(saved.persons[0].nationality, vec!["XRU".to_owned()]);
    assert_eq!(
        saved.measures[0].details,
        mla_core::MeasureDetails::ElectronicEvidence(mla_core::ElectronicEvidence {
            provider: ee.provider.clone(),
            account_identifiers: ee.account_identifiers.clone(),
            date_from: ee.date_from,
            date_to: ee.date_to,
            data_categories: vec![mla_core::DataCategory::Subscriber],
            ..Default::default()
        })
    );
    assert_eq!(saved.legal_basis, ex.legal_basis);
    assert!(saved.facts.is_empty());
    let expected = expected_findings(&saved, checker_lang);
    assert!(
        expected
            .iter()
            .any(|(rule, path, _)| rule == "content.facts-summary" && path == "facts"),
        "{expected:?}"
    );
    let app_ref = &app;
    let expected_ref = &expected;
    app.until("the review to list the checker's findings", || async move {
        let mut shown = app_ref.review_findings().await?;
        shown.sort();
        (&shown == expected_ref).then_some(())
    })
    .await;
    app.wait_saved().await;
    app.screenshot(&shot("7-review")).await;

    // Follow the missing-facts finding to its field, fix it, watch it go.
    let jump = "#step-panel li.finding[data-rule=\"content.facts-summary\"] button.jump";
    app.click(jump).await;
    app.wait_for("#step-3[aria-current=\"step\"]").await;
    assert_eq!(app.active_id().await, "f-facts");
    let blockers_before = app.count("blocker").await.unwrap();
    app.type_into("#f-facts", &ex.facts).await;
    app.until("the blocker count to go down", || async {
        (app.count("blocker").await? < blockers_before).then_some(())
    })
    .await;
    app.step(7).await;
    app.until("the facts finding to disappear", || async {
        let shown = app.review_findings().await?;
        (!shown.is_empty() || app.client.find(Locator::Css("#review-empty")).await.is_ok())
            .then_some(())?;
        (!shown
            .iter()
            .any(|(rule, _, _)| rule == "content.facts-summary"))
        .then_some(())
    })
    .await;
    app.wait_saved().await;
    app.screenshot(&shot("7-review-fixed")).await;

    // 8. The letter preview, as text, in the chosen language, and the export mount point.
    app.step(8).await;
    app.select("#letter-lang", lang).await;
    app.until("the letter preview", || async {
        let text = app
            .client
            .find(Locator::Css("#letter-preview"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (text.contains(&ex.reference) && text.contains("Courrielia")).then_some(())
    })
    .await;
    assert!(app
        .client
        .find_all(Locator::Css(
            "#letter-preview script, #letter-preview img, #letter-preview a"
        ))
        .await
        .unwrap()
        .is_empty());
    app.find("#export-panel").await;
    app.wait_saved().await;
    app.screenshot(&shot("8-letter")).await;
    app.wait_saved().await;
    if lang == "en" {
        export_and_sign_in_the_journey(&app, &register, &answers).await;
    } else {
        export_and_sign_in_french(&app, &register, &answers).await;
    }
    app.quit().await;
    let reg = Register::open(&register).unwrap();
    let id = reg.list(&ListFilter::default()).unwrap()[0].id;
    assert_eq!(reg.get(id).unwrap().request.facts, ex.facts);
}

/// (a) The whole journey in English, from an empty draft to a signed PDF validated by
/// pdfsig: fill every step, see the findings, follow one to its field and fix it, see the
/// letter, then sign with a .p12 file and again with a key on a SoftHSM2 token and a seal.
#[test]
fn wizard_journey_from_empty_draft_to_signed_pdf() {
    run(|| journey("en"));
}

/// (b) The same journey in French: French labels, French findings, French letter.
#[test]
fn wizard_journey_in_french() {
    run(|| journey("fr"));
}

/// A large request: the example case with 45 measures, 30 persons, 30 annexes and a summary
/// of facts of some 19 000 characters.
fn large_request() -> Request {
    let mut r = example("laundering-e-evidence-fra.mla.json");
    let (measures, persons, annexes) =
        (r.measures.clone(), r.persons.clone(), r.attachments.clone());
    r.measures.clear();
    r.persons.clear();
    r.attachments.clear();
    for i in 0..45 {
        let mut m = measures[i % measures.len()].clone();
        m.id = format!("m-{}", i + 1);
        r.measures.push(m);
    }
    for i in 0..30 {
        let mut p = persons[i % persons.len()].clone();
        p.id = format!("p-{}", i + 1);
        r.persons.push(p);
    }
    for i in 0..30 {
        let mut a = annexes[i % annexes.len()].clone();
        a.id = format!("att-{}", i + 1);
        r.attachments.push(a);
    }
    r.facts = r.facts.repeat(12);
    r
}

/// Keystroke → painted checklist on a large request. Prints the median and 95th
/// percentile (and writes them to artifacts/latency.txt); it asserts that every keystroke
/// was measured and saved, not how fast it was.
#[test]
fn checklist_latency_on_a_large_request() {
    run(|| async {
        let (_dir, register) = fresh_register();
        let request = large_request();
        let json_len = serde_json::to_vec(&request).unwrap().len();
        let id = Register::open(&register)
            .unwrap()
            .create(&request, "e2e-seed")
            .unwrap();
        let app = App::start(&register).await;
        app.click(&row(id, "button.open")).await;
        app.step(3).await;
        let facts = app.wait_for("#f-facts").await;
        facts.click().await.unwrap();
        // Type at the end of the text.
        app.client
            .execute(
                "const f = document.getElementById('f-facts'); f.setSelectionRange(f.value.length, f.value.length);",
                vec![],
            )
            .await
            .unwrap();
        // Wait for the first check of the opened draft, then start from an empty buffer.
        app.until("the first check", || async {
            app.count("blocker").await.map(|_| ())
        })
        .await;
        let before = latencies(&app).await.len();
        let typed = " Additional transfers were identified in July 2026 through a second bank.";
        // One keystroke at a time, as a person types (each a separate WebDriver call).
        for ch in typed.chars() {
            facts.send_keys(&ch.to_string()).await.unwrap();
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
        // Then a burst, as fast as WebDriver sends keys.
        let burst = " Burst typing checks that stale answers are dropped.";
        facts.send_keys(burst).await.unwrap();
        let samples = app
            .until("every keystroke to be measured", || async {
                let all = latencies(&app).await;
                let new = &all[before.min(all.len())..];
                (new.len() >= typed.chars().count() + burst.chars().count()).then(|| new.to_vec())
            })
            .await;
        let paced: Vec<f64> = samples[..typed.chars().count()].to_vec();
        let trips = probe(&app, "roundTrips").await;
        let waits = probe(&app, "inputWaits").await;
        let paints = probe(&app, "paintTimes").await;
        let all = samples.clone();
        let report = format!(
            "keystroke → painted checklist, large request ({} measures, {} persons, {} annexes, \
             {} characters of facts, {} bytes of JSON)\n\
             typed one key every 40 ms ({} keys): median {:.1} ms, p95 {:.1} ms, max {:.1} ms\n\
             all keys including a burst ({} keys): median {:.1} ms, p95 {:.1} ms, max {:.1} ms\n\
             check_draft round trip as the page sees it ({} calls): median {:.1} ms, p95 {:.1} ms\n\
             input event → edit handed to the check: median {:.1} ms, p95 {:.1} ms\n\
             checklist drawn → painted: median {:.1} ms, p95 {:.1} ms\n\
             binary: {}\n",
            request.measures.len(),
            request.persons.len(),
            request.attachments.len(),
            request.facts.chars().count(),
            json_len,
            paced.len(),
            pct(&paced, 50.0),
            pct(&paced, 95.0),
            pct(&paced, 100.0),
            all.len(),
            pct(&all, 50.0),
            pct(&all, 95.0),
            pct(&all, 100.0),
            trips.len(),
            pct(&trips, 50.0),
            pct(&trips, 95.0),
            pct(&waits, 50.0),
            pct(&waits, 95.0),
            pct(&paints, 50.0),
            pct(&paints, 95.0),
            app_binary().display(),
        );
        println!("{report}");
        let out = workspace_root().join("artifacts/latency.txt");
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        std::fs::write(&out, &report).unwrap();
        app.screenshot("latency-large-request").await;
        app.wait_saved().await;
        app.quit().await;
        let saved = Register::open(&register).unwrap().get(id).unwrap().request;
        let want = format!("{}{typed}{burst}", request.facts);
        let tail: String = saved
            .facts
            .chars()
            .skip(request.facts.chars().count())
            .collect();
        assert!(
            saved.facts == want,
            "the saved facts differ from what was typed: {} characters saved, {} expected; after the original text: {tail:?}",
            saved.facts.chars().count(),
            want.chars().count(),
        );
    });
}

async fn latencies(app: &App) -> Vec<f64> {
    probe(app, "latencies").await
}

/// A list of numbers from the page's `window.mlaDesk` probe.
async fn probe(app: &App, what: &str) -> Vec<f64> {
    let v = app
        .client
        .execute(
            &format!("return window.mlaDesk ? window.mlaDesk.{what}() : []"),
            vec![],
        )
        .await
        .unwrap();
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
        .unwrap_or_default()
}

/// Nearest-rank percentile.
fn pct(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize;
    v[rank.min(v.len()) - 1]
}

use mla_test_support as signing_common;

/// The export's file dialogs answered from a file (`--test-dialog-answers`, in builds with
/// the `test-dialogs` feature, which scripts/e2e.sh uses): `certificate`, `annexes`,
/// `output`, `module`, `seal` (see src-tauri/src/dialogs.rs).
fn write_answers(path: &Path, answers: serde_json::Value) {
    std::fs::write(path, serde_json::to_vec_pretty(&answers).unwrap()).unwrap();
}

/// Names in a folder, sorted (to see that nothing, not even a temporary file, was left).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

use mla_test_support::softhsm;

/// The SoftHSM2 module Debian installs (package softhsm2).
const SOFTHSM2_MODULE: &str = softhsm::MODULE;
const TOKEN_LABEL: &str = "mla-e2e";
const TOKEN_PIN: &str = "271828";

/// SoftHSM2 pointed at an empty token folder: the module then shows one blank slot only.
///
/// The app reads `$SOFTHSM2_CONF` from the environment it gets from tauri-driver, so
/// scripts/e2e.sh exports it (a file under artifacts/) and this writes that file; its
/// token folder is emptied at each call (the system's tokens are never touched).
fn softhsm2_reset() -> softhsm::SoftHsm {
    let conf = PathBuf::from(std::env::var_os("SOFTHSM2_CONF").expect(
        "SOFTHSM2_CONF is not set: the app must see the same SoftHSM2 configuration as this \
         test; run the e2e tests through scripts/e2e.sh, which exports it",
    ));
    softhsm::SoftHsm::at(&conf)
}

/// A fresh SoftHSM2 token holding the test signer's RSA key and certificate.
fn softhsm2_token(pki: &signing_common::Pki) {
    let hsm = softhsm2_reset();
    hsm.init_token(TOKEN_LABEL, TOKEN_PIN);
    hsm.import_key(
        TOKEN_LABEL,
        TOKEN_PIN,
        &pki.path("rsa.key"),
        "prosecutor-key",
        "01",
    );
    hsm.put_certificate(
        TOKEN_LABEL,
        TOKEN_PIN,
        &pki.read("rsa.pem"),
        &[0x01],
        "prosecutor certificate",
    );
}

/// The text of the export panel's message `css` once it contains `expected`.
async fn wait_message(app: &App, css: &str, expected: &str) -> String {
    app.until(&format!("the message {expected:?} in {css}"), || async {
        let e = app.client.find(Locator::Css(css)).await.ok()?;
        let text = e.text().await.ok()?;
        text.contains(expected).then_some(text)
    })
    .await
}

/// The verdict the panel shows on the written file: (data-valid, text).
async fn wait_verification(app: &App) -> (String, String) {
    app.until("the verification of the written PDF", || async {
        let e = app
            .client
            .find(Locator::Css("#export-verification"))
            .await
            .ok()?;
        Some((e.attr("data-valid").await.ok()??, e.text().await.ok()?))
    })
    .await
}

/// `pdfdetach -list` and the embedded request saved by `pdfdetach -savefile`.
fn pdfdetach_request(pdf: &Path, out: &Path) -> (String, Vec<u8>) {
    let list = signing_common::run(
        std::process::Command::new("pdfdetach")
            .arg("-list")
            .arg(pdf),
    );
    signing_common::run(
        std::process::Command::new("pdfdetach")
            .args(["-savefile", mla_sign::REQUEST_JSON_FILE_NAME, "-o"])
            .arg(out)
            .arg(pdf),
    );
    (
        String::from_utf8_lossy(&list.stdout).into_owned(),
        std::fs::read(out).unwrap(),
    )
}

/// Render the last page of `pdf` (where the signature block is) as an artifact.
fn render_last_page(pdf: &Path, name: &str) -> PathBuf {
    let info = signing_common::run(std::process::Command::new("pdfinfo").arg(pdf));
    let pages: u32 = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count");
    let prefix = screenshot_dir().join(name);
    signing_common::run(
        std::process::Command::new("pdftoppm")
            .args(["-png", "-r", "70", "-singlefile", "-f"])
            .arg(pages.to_string())
            .arg("-l")
            .arg(pages.to_string())
            .arg(pdf)
            .arg(&prefix),
    );
    prefix.with_extension("png")
}

/// Step 8 of the journey: export and sign the draft just typed, first with a .p12 file
/// (a wrong password first), then with the key on a SoftHSM2 token and a seal image (a
/// wrong PIN and an unreadable image first); pdfsig validates each PDF, pdfdetach gives
/// back the request as saved. The draft is not changed by any of it.
/// The French journey ends the same way: a French letter signed with a .p12 file, the
/// result told in French, the PDF accepted by pdfsig and carrying the French letter.
async fn export_and_sign_in_french(app: &App, register: &Path, answers: &Path) {
    let pki = signing_common::Pki::new();
    let files = tempfile::tempdir().unwrap();
    let signed = files.path().join("demande-signee.pdf");
    let saved = {
        let reg = Register::open(register).unwrap();
        let id = reg.list(&ListFilter::default()).unwrap()[0].id;
        reg.get(id).unwrap().request
    };
    write_answers(
        answers,
        serde_json::json!({ "certificate": pki.path("rsa.p12"), "output": &signed }),
    );
    app.wait_for("#export-panel #export-panel-body").await;
    app.click("#export-choose-cert").await;
    app.click("#export-choose-output").await;
    app.until("the certificate and the output", || async {
        let cert = app.text("#export-cert-name").await;
        let output = app.text("#export-output-name").await;
        (cert == "rsa.p12" && output.ends_with("demande-signee.pdf")).then_some(())
    })
    .await;
    app.type_into("#export-password", "pas le mot de passe")
        .await;
    app.click("#export-start").await;
    let message = wait_message(
        app,
        "#export-error",
        "Ce mot de passe n’ouvre pas ce fichier de certificat",
    )
    .await;
    assert!(
        message.contains("Votre brouillon n’a pas été modifié."),
        "{message}"
    );
    assert!(!signed.exists());
    app.type_into("#export-password", signing_common::P12_PASSWORD)
        .await;
    app.click("#export-start").await;
    let (valid, text) = wait_verification(app).await;
    assert_eq!(valid, "true", "{text}");
    assert!(
        text.contains("Signature vérifiée sur le fichier enregistré : valide")
            && text.contains("Jeanne Procureur"),
        "{text}"
    );
    app.screenshot("wizard-fr-9-signed").await;
    let (ok, pdfsig) = signing_common::pdfsig_ok(&pki, &signed);
    assert!(ok, "pdfsig does not accept the app's PDF:\n{pdfsig}");
    let letter = String::from_utf8(
        signing_common::run(
            std::process::Command::new("pdftotext")
                .args(["-enc", "UTF-8"])
                .arg(&signed)
                .arg("-"),
        )
        .stdout,
    )
    .unwrap();
    assert!(
        letter.contains(&saved.reference) && letter.contains("PROJET"),
        "the signed PDF does not carry the French letter:\n{letter}"
    );
}

async fn export_and_sign_in_the_journey(app: &App, register: &Path, answers: &Path) {
    let pki = signing_common::Pki::new();
    let files = tempfile::tempdir().unwrap();
    let out_dir = files.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let annex = files.path().join("bank-statement.txt");
    std::fs::write(&annex, "Account 123, statement March 2025\n").unwrap();
    let signed = out_dir.join("signed.pdf");
    let (id, saved, versions) = {
        let reg = Register::open(register).unwrap();
        let id = reg.list(&ListFilter::default()).unwrap()[0].id;
        (
            id,
            reg.get(id).unwrap().request,
            reg.history(id).unwrap().len(),
        )
    };
    write_answers(
        answers,
        serde_json::json!({
            "certificate": pki.path("rsa.p12"),
            "annexes": [&annex],
            "output": &signed,
        }),
    );

    app.wait_for("#export-panel #export-panel-body").await;
    app.click("#export-choose-cert").await;
    app.until("the certificate name", || async {
        (app.text("#export-cert-name").await == "rsa.p12").then_some(())
    })
    .await;
    app.click("#export-add-annexes").await;
    app.click("#export-choose-output").await;
    app.until("the chosen annex and output", || async {
        let annexes = app.text("#export-annexes").await;
        let output = app.text("#export-output-name").await;
        (annexes.contains("bank-statement.txt") && output.ends_with("signed.pdf")).then_some(())
    })
    .await;
    assert_eq!(
        app.value("#export-function").await,
        saved.signatory.function
    );
    app.screenshot("wizard-en-9-export").await;

    // A wrong password: a plain sentence, nothing written, the field cleared.
    app.type_into("#export-password", "not the password").await;
    app.click("#export-start").await;
    let message = wait_message(
        app,
        "#export-error",
        "The password does not open this certificate file",
    )
    .await;
    assert!(message.contains("Your draft was not changed."), "{message}");
    assert_eq!(app.value("#export-password").await, "");
    assert!(listing(&out_dir).is_empty(), "{:?}", listing(&out_dir));
    app.screenshot("wizard-en-10-wrong-password").await;

    // The right password: signed, verified in the window, then by pdfsig and pdfdetach.
    app.type_into("#export-password", signing_common::P12_PASSWORD)
        .await;
    app.click("#export-start").await;
    let (valid, text) = wait_verification(app).await;
    assert_eq!(valid, "true", "{text}");
    assert!(text.contains("Jeanne Procureur"), "{text}");
    assert_eq!(app.value("#export-password").await, "");
    app.screenshot("wizard-en-11-signed").await;
    assert_eq!(listing(&out_dir), ["signed.pdf"]);
    let (ok, pdfsig) = signing_common::pdfsig_ok(&pki, &signed);
    assert!(ok, "pdfsig does not accept the app's PDF:\n{pdfsig}");
    assert!(pdfsig.contains("Jeanne Procureur"), "{pdfsig}");
    let (list, embedded) = pdfdetach_request(&signed, &files.path().join("back.mla.json"));
    assert!(list.contains(mla_sign::REQUEST_JSON_FILE_NAME), "{list}");
    assert!(list.contains("bank-statement.txt"), "{list}");
    assert_eq!(
        String::from_utf8(embedded).unwrap(),
        mla_core::write_request(&saved),
        "the embedded request is not the saved draft"
    );

    // Now a key on a token, and a seal image in the signature block.
    softhsm2_token(&pki);
    let token_signed = out_dir.join("signed-token.pdf");
    let bad_seal = files.path().join("seal.png");
    std::fs::write(&bad_seal, b"this is not a picture").unwrap();
    let seal = workspace_root().join("src-tauri/icons/128x128.png");
    write_answers(
        answers,
        serde_json::json!({ "seal": &bad_seal, "output": &token_signed }),
    );
    app.click("#export-with-token").await;
    // The module Debian installs is offered as a shortcut.
    let shortcut = format!("#export-known-modules button[data-path=\"{SOFTHSM2_MODULE}\"]");
    app.click(&shortcut).await;
    app.until("the chosen module", || async {
        (app.text("#export-module-name").await == SOFTHSM2_MODULE).then_some(())
    })
    .await;
    app.type_into("#export-pin", "000000").await;
    app.click("#export-list-keys").await;
    wait_message(app, "#export-token-error", "The token refused this PIN").await;
    app.screenshot("wizard-en-12-wrong-pin").await;
    app.find("#export-pin").await.clear().await.unwrap();
    app.type_into("#export-pin", TOKEN_PIN).await;
    app.click("#export-list-keys").await;
    let key_label = app
        .until("the key on the token", || async {
            let label = app
                .client
                .find(Locator::Css("label[for=\"export-key-0\"]"))
                .await
                .ok()?;
            label.text().await.ok()
        })
        .await;
    assert!(key_label.contains("Jeanne Procureur"), "{key_label}");
    assert!(key_label.contains(TOKEN_LABEL), "{key_label}");
    assert!(app.text("#export-key-0-details").await.contains("can sign"));
    // The only key that can sign is chosen.
    assert_eq!(
        app.find("#export-key-0")
            .await
            .prop("checked")
            .await
            .unwrap(),
        Some("true".to_owned())
    );
    app.click("#export-choose-seal").await;
    wait_message(app, "#export-seal-error", "This seal image cannot be used").await;
    assert_eq!(app.text("#export-seal-name").await, "No seal");
    write_answers(
        answers,
        serde_json::json!({ "seal": &seal, "output": &token_signed }),
    );
    app.click("#export-choose-seal").await;
    app.click("#export-choose-output").await;
    app.until("the seal and the new output", || async {
        let seal = app.text("#export-seal-name").await;
        let output = app.text("#export-output-name").await;
        (seal == "128x128.png" && output.ends_with("signed-token.pdf")).then_some(())
    })
    .await;
    app.screenshot("wizard-en-13-token").await;
    app.click("#export-start").await;
    // Wait for a fresh verdict (the previous export's is cleared when this one starts).
    let (valid, text) = app
        .until("the verification of the token-signed PDF", || async {
            let saved = app
                .client
                .find(Locator::Css("#export-saved"))
                .await
                .ok()?
                .text()
                .await
                .ok()?;
            if !saved.contains("signed-token.pdf") {
                return None;
            }
            let e = app
                .client
                .find(Locator::Css("#export-verification"))
                .await
                .ok()?;
            Some((e.attr("data-valid").await.ok()??, e.text().await.ok()?))
        })
        .await;
    assert_eq!(valid, "true", "{text}");
    assert!(text.contains("Jeanne Procureur"), "{text}");
    assert_eq!(app.value("#export-pin").await, "");
    app.screenshot("wizard-en-14-token-signed").await;
    assert_eq!(listing(&out_dir), ["signed-token.pdf", "signed.pdf"]);
    let (ok, pdfsig) = signing_common::pdfsig_ok(&pki, &token_signed);
    assert!(ok, "pdfsig does not accept the token-signed PDF:\n{pdfsig}");
    let (_, embedded) = pdfdetach_request(&token_signed, &files.path().join("back2.mla.json"));
    assert_eq!(
        String::from_utf8(embedded).unwrap(),
        mla_core::write_request(&saved)
    );
    // The seal is drawn in the signature block: an image named /Seal in its appearance.
    let pdf = std::fs::read(&token_signed).unwrap();
    assert!(
        pdf.windows(b"/Seal".len()).any(|w| w == b"/Seal"),
        "no seal image in the signed PDF"
    );
    let page = render_last_page(&token_signed, "wizard-en-15-token-signed-page");
    assert!(page.is_file());

    // None of it changed the draft.
    let reg = Register::open(register).unwrap();
    assert_eq!(reg.history(id).unwrap().len(), versions);
    assert_eq!(reg.get(id).unwrap().request, saved);
}

/// A token that is not there or holds no key is said in plain words; a cancelled export
/// of a large annex leaves no file, not even a temporary one; the draft is unchanged.
#[test]
fn no_token_no_key_and_a_cancelled_export_write_nothing() {
    run(|| async {
        let pki = signing_common::Pki::new();
        let (dir, register) = fresh_register();
        let example = workspace_root().join("assets/examples/bribery-bank-records-che.mla.json");
        let request = mla_core::parse_request(&std::fs::read(&example).unwrap()).unwrap();
        let id = Register::open(&register)
            .unwrap()
            .create(&request, "e2e-seed")
            .unwrap();
        let out_dir = dir.path().join("out");
        std::fs::create_dir(&out_dir).unwrap();
        let big = dir.path().join("scans.bin");
        let bytes: Vec<u8> = (0..48u32 * 1024 * 1024)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
            .collect();
        std::fs::write(&big, bytes).unwrap();
        let cancelled = out_dir.join("cancelled.pdf");
        let answers = dir.path().join("answers.json");
        write_answers(
            &answers,
            serde_json::json!({
                "certificate": pki.path("rsa.p12"),
                "annexes": [&big],
                "output": &cancelled,
            }),
        );

        let app = App::start_with(
            &register,
            &["--test-dialog-answers".as_ref(), answers.as_os_str()],
        )
        .await;
        app.click(&row(id, "button.open")).await;
        app.step(8).await;
        app.wait_for("#export-panel #export-panel-body").await;
        app.click("#export-choose-cert").await;
        app.click("#export-add-annexes").await;
        app.click("#export-choose-output").await;
        app.until("the large annex and the output", || async {
            let cert = app.text("#export-cert-name").await;
            let annexes = app.text("#export-annexes").await;
            let output = app.text("#export-output-name").await;
            (cert == "rsa.p12"
                && annexes.contains("scans.bin")
                && output.ends_with("cancelled.pdf"))
            .then_some(())
        })
        .await;
        // A token: first none in the reader (a blank slot only), then one without a key.
        let hsm = softhsm2_reset();
        app.click("#export-with-token").await;
        app.click(&format!(
            "#export-known-modules button[data-path=\"{SOFTHSM2_MODULE}\"]"
        ))
        .await;
        app.until("the chosen module", || async {
            (app.text("#export-module-name").await == SOFTHSM2_MODULE).then_some(())
        })
        .await;
        app.type_into("#export-pin", TOKEN_PIN).await;
        app.click("#export-list-keys").await;
        wait_message(
            &app,
            "#export-token-error",
            "No token was found through this module",
        )
        .await;
        app.screenshot("export-no-token").await;
        hsm.init_token(TOKEN_LABEL, TOKEN_PIN);
        app.click("#export-list-keys").await;
        wait_message(&app, "#export-token-error", "The token holds no key").await;
        // Without a key, the export does not start.
        app.click("#export-start").await;
        wait_message(&app, "#export-error", "Choose a key on the token first").await;
        app.screenshot("export-no-key").await;
        assert!(listing(&out_dir).is_empty(), "{:?}", listing(&out_dir));

        app.click("#export-with-p12").await;
        app.type_into("#export-password", signing_common::P12_PASSWORD)
            .await;
        app.click("#export-start").await;
        app.until("the cancel button", || async {
            let b = app.client.find(Locator::Css("#export-cancel")).await.ok()?;
            b.is_displayed().await.ok()?.then_some(b)
        })
        .await
        .click()
        .await
        .expect("clicking cancel");
        wait_message(
            &app,
            "#export-error",
            "Export cancelled. Nothing was written.",
        )
        .await;
        app.screenshot("export-cancelled").await;
        assert!(listing(&out_dir).is_empty(), "{:?}", listing(&out_dir));

        // The draft is as it was: one version, the same request.
        let reg = Register::open(&register).unwrap();
        assert_eq!(reg.history(id).unwrap().len(), 1);
        assert_eq!(reg.get(id).unwrap().request, request);
        drop(reg);
        app.quit().await;
    });
}
