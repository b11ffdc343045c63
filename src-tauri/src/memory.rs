//! Giving freed heap memory back to the system once the user pauses.
//!
//! A command on a large request (open, check, save, preview) parses and builds a few MB of
//! short-lived data (the request, its JSON, the findings). glibc's allocator keeps the
//! freed pages of its arenas for later: measured with the 0.5 MB bench request open, ~5 MB
//! of the app process stayed resident after the first checks until `malloc_trim` handed
//! them back. Trimming after every command would put that work on the keystroke path, so
//! it runs on its own thread once no command has run for [`QUIET`].

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// How long the app must be idle (no command) before the heap is trimmed.
pub const QUIET: Duration = Duration::from_millis(1500);

static ACTIVITY: OnceLock<Mutex<Sender<()>>> = OnceLock::new();

/// Note that a command ran: the heap is trimmed once the app has been quiet for [`QUIET`].
/// Never blocks the caller.
pub fn after_command() {
    if !cfg!(all(target_os = "linux", target_env = "gnu")) {
        return;
    }
    let sender = ACTIVITY.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<()>();
        let spawned = std::thread::Builder::new()
            .name("heap-trim".into())
            .spawn(move || {
                // Wait for activity, then for a quiet spell, then trim; again.
                while rx.recv().is_ok() {
                    loop {
                        match rx.recv_timeout(QUIET) {
                            Ok(()) => continue,
                            Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    trim();
                }
            });
        if let Err(e) = spawned {
            // Memory is only given back later; nothing else depends on this thread.
            eprintln!("mla-desk: no heap-trim thread: {e}");
        }
        Mutex::new(tx)
    });
    let sender = sender.lock().unwrap_or_else(|p| p.into_inner());
    // A send fails only if the thread is gone (it could not start): nothing to do.
    let _ = sender.send(());
}

/// One malloc arena for the whole app process (glibc). By default each thread that
/// allocates while another holds the lock gets an arena of its own, up to 8 per core: the
/// async command threads parse and build a large request's few MB in theirs, and the pages
/// left between what is still alive there stay resident (`malloc_trim` only returns whole
/// free pages). Measured with the large request open (bench, release): app process
/// ~61.7 -> ~60.5 MB PSS, and the figure no longer grows with the machine's core count. The
/// app allocates little at a time, from few threads: one lock costs nothing visible (the
/// e2e keystroke-latency test runs with it).
///
/// Call first thing in `main`, before any other thread exists. WebKit's processes are not
/// affected (they allocate mostly with their own allocator).
pub fn configure_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt takes plain integers; called before any other thread allocates.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Release the free memory of every malloc arena (glibc).
fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer and is thread-safe (it locks each arena).
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_command_never_blocks_and_can_be_called_from_many_threads() {
        let started = std::time::Instant::now();
        let threads: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    for _ in 0..100 {
                        after_command();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("after_command panicked");
        }
        // 400 notes: far below the quiet time, so none waited for a trim.
        assert!(
            started.elapsed() < QUIET,
            "after_command blocked: {:?}",
            started.elapsed()
        );
    }
}
