//! A profile pack given as a folder is read only from the regular files directly inside
//! it: a link (to a file outside, to `/dev/zero`), a FIFO or a device is never opened for
//! reading, and the whole pack is refused naming the file. Each read runs on a thread with
//! a deadline, so that a regression fails instead of hanging the test run.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use mla_profiles::{read_pack, PackError, PackProblem, MAX_ZIP_BYTES};

const GOOD: &str = "format_version = 1\niso3 = \"ATA\"\n\n[names]\nen = \"Test\"\n";

/// `read_pack` on another thread, failing the test after 20 s.
fn read_with_deadline(path: &Path) -> Result<mla_profiles::PackFiles, PackError> {
    let (tx, rx) = mpsc::channel();
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(read_pack(&path));
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("read_pack did not return within 20 s (it blocks or reads without end)")
}

fn pack_with(entry: &str, make: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    fs::create_dir(&pack).unwrap();
    fs::write(pack.join("AAA.toml"), GOOD).unwrap();
    make(&pack.join(entry));
    (tmp, pack)
}

fn rejected_naming(result: Result<mla_profiles::PackFiles, PackError>, file: &str) -> PackProblem {
    match result {
        Err(PackError::Rejected { problems, .. }) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            let problem = problems[0].clone();
            assert_eq!(problem.file, file, "{problem}");
            problem
        }
        other => panic!("the pack should be refused naming {file}: {other:?}"),
    }
}

#[test]
fn a_link_out_of_the_folder_is_refused_not_followed() {
    let (tmp, pack) = pack_with("BBB.toml", |at| {
        let outside = at.parent().unwrap().parent().unwrap().join("secret.toml");
        fs::write(&outside, GOOD.replace("ATA", "BBB")).unwrap();
        std::os::unix::fs::symlink(&outside, at).unwrap();
    });
    let problem = rejected_naming(read_with_deadline(&pack), "BBB.toml");
    assert_eq!(
        problem.message,
        "is a symbolic link, not a file: a pack folder may hold only its own regular files \
         (copy the file itself into the folder); nothing was read from it"
    );
    drop(tmp);
}

#[test]
fn a_link_to_dev_zero_is_refused_without_reading() {
    let (_tmp, pack) = pack_with("ZZZ.toml", |at| {
        std::os::unix::fs::symlink("/dev/zero", at).unwrap();
    });
    let problem = rejected_naming(read_with_deadline(&pack), "ZZZ.toml");
    assert!(
        problem.message.starts_with("is a symbolic link"),
        "{problem}"
    );
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let (_tmp, pack) = pack_with("FFF.toml", |at| {
        let status = Command::new("mkfifo").arg(at).status().unwrap();
        assert!(status.success());
    });
    let problem = rejected_naming(read_with_deadline(&pack), "FFF.toml");
    assert_eq!(
        problem.message,
        "is a FIFO (named pipe), not a file: a pack folder may hold only its own regular \
         files; nothing was read from it"
    );
}

#[test]
fn a_zip_pack_that_is_a_fifo_or_a_device_is_refused_without_blocking() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pack.zip");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    match read_with_deadline(&fifo) {
        Err(PackError::Zip { path, message }) => {
            assert_eq!(path, fifo);
            assert_eq!(message, "it is a FIFO (named pipe), not a file");
        }
        other => panic!("{other:?}"),
    }
    let zero = tmp.path().join("zero.zip");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    match read_with_deadline(&zero) {
        Err(PackError::Zip { message, .. }) => {
            assert_eq!(message, "it is a device, not a file")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_folder_pack_has_the_size_limit_of_a_zip_pack() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("big");
    fs::create_dir(&pack).unwrap();
    // Files just under the per-profile limit, until the total passes the pack limit.
    let size = mla_core::profile::MAX_PROFILE_BYTES;
    let count = (MAX_ZIP_BYTES as usize / size) + 1;
    let filler = format!("# {}\n", "x".repeat(size - 4));
    for i in 0..count {
        fs::write(pack.join(format!("A{i:02}.toml")), &filler).unwrap();
    }
    let problem = rejected_naming(
        read_with_deadline(&pack),
        &format!("A{:02}.toml", count - 1),
    );
    assert_eq!(
        problem.message,
        format!(
            "the pack's profile files pass {MAX_ZIP_BYTES} bytes in all at this file, the \
             limit for a pack"
        )
    );
}
