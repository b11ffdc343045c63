//! Crash safety: a writer killed with SIGKILL at random moments, many times, leaves a
//! register that passes `PRAGMA integrity_check` and holds every version it reported as
//! committed, byte for byte.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use mla_core::{write_request, Request};
use mla_store::{ListFilter, Register};

/// Same as `payload` in `src/bin/mla-store-torture.rs` (kept separate on purpose: the test
/// states independently what must have been written).
fn expected(version: i64) -> Request {
    let mut request = Request {
        id: "torture-doc".to_owned(),
        reference: "TORTURE".to_owned(),
        requested_state: "FRA".to_owned(),
        ..Request::default()
    };
    let filler = (version * 37 % 3000) as usize;
    request.facts = format!(
        "Version {version}. {}",
        "Lorem ipsum dolor. ".repeat(filler)
    );
    request
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const ROUNDS: usize = 30;

#[test]
fn sigkill_during_saves_never_loses_a_committed_version() {
    let seed = std::env::var("TORTURE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    let mut rng = XorShift(seed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("torture.sqlite");
    let started = Instant::now();
    let mut last_reported = 0_i64;
    let mut total_reported = 0_usize;
    let mut rounds_killed_mid_run = 0_usize;

    for round in 0..ROUNDS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mla-store-torture"))
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            loop {
                line.clear();
                match reader.read_line(&mut line) {
                    // Only whole lines count: a half-written line was not reported.
                    Ok(n) if n > 0 && line.ends_with('\n') => {
                        let v: i64 = line
                            .trim()
                            .strip_prefix("committed ")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or_else(|| panic!("unexpected output {line:?}"));
                        tx.send(v).unwrap();
                    }
                    _ => break,
                }
            }
        });
        // Kill at a random moment: one round in five from the start (during open, WAL
        // recovery or the first save), the others amid saves: after the first reported
        // commit, so that a slow machine does not turn every round into a start-up kill.
        let mut reported: Vec<i64> = Vec::new();
        if round % 5 == 4 {
            std::thread::sleep(Duration::from_millis(rng.next() % 30));
        } else {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(v) => reported.push(v),
                Err(_) => panic!("round {round} (seed {seed}): no commit within 20 s"),
            }
            std::thread::sleep(Duration::from_millis(rng.next() % 60));
        }
        let still_running = child.try_wait().unwrap().is_none();
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        reader.join().unwrap();
        reported.extend(rx.try_iter());
        assert!(
            still_running,
            "round {round} (seed {seed}): the writer exited early ({status}): {}",
            std::io::read_to_string(child.stderr.take().unwrap()).unwrap()
        );
        rounds_killed_mid_run += usize::from(!reported.is_empty());
        total_reported += reported.len();
        for v in &reported {
            assert!(
                *v > last_reported,
                "round {round} (seed {seed}): versions go up"
            );
            last_reported = *v;
        }

        // After every kill: the register opens, is sound, and holds the last reported
        // version exactly.
        let register = Register::open(&path).unwrap();
        assert_eq!(
            register.integrity_check().unwrap(),
            "ok",
            "round {round} (seed {seed})"
        );
        if last_reported > 0 {
            let id = register.list(&ListFilter::default()).unwrap()[0].id;
            assert_eq!(
                register.version_text(id, last_reported).unwrap(),
                write_request(&expected(last_reported)),
                "round {round} (seed {seed}): version {last_reported}"
            );
            assert!(register.summary(id).unwrap().version >= last_reported);
        }
    }

    // The whole history, not only the last version, is intact and gap-free.
    let register = Register::open(&path).unwrap();
    assert_eq!(register.integrity_check().unwrap(), "ok");
    let drafts = register.list(&ListFilter::default()).unwrap();
    assert_eq!(drafts.len(), 1, "seed {seed}");
    let id = drafts[0].id;
    let history = register.history(id).unwrap();
    let current = drafts[0].version;
    assert!(current >= last_reported);
    assert_eq!(
        history.iter().map(|v| v.version).collect::<Vec<_>>(),
        (1..=current).collect::<Vec<_>>()
    );
    for v in 1..=current {
        assert_eq!(
            register.version_text(id, v).unwrap(),
            write_request(&expected(v)),
            "seed {seed}: version {v}"
        );
    }
    assert!(
        rounds_killed_mid_run >= ROUNDS * 4 / 5,
        "seed {seed}: too few saves happened to prove anything ({total_reported} saves, \
         {rounds_killed_mid_run} rounds killed amid saves)"
    );
    eprintln!(
        "crash test: seed {seed}, {ROUNDS} kills, {total_reported} commits reported, \
         {current} versions on disk, {:?}",
        started.elapsed()
    );
}
