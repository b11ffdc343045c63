#!/usr/bin/env bash
# Writes src-tauri/code-order.txt: the functions and constants of the desktop app that a
# session uses, in the order a release build should lay them out (src-tauri/build.rs
# passes the file to the linker). Run it after large changes to the app's code; a stale
# list is harmless (unlisted symbols go after the listed ones) but saves less memory.
# Needs root (it evicts the binary from the page cache and sets the disk's read-ahead to
# 0 for a minute, then restores it) and what scripts/bench-startup.sh needs.
#
#   scripts/code-order.sh        # ~15 min on 2 cores the first time (two release builds)
#
# 1. A diagnostic release build in target/code-order whose every function starts a page
#    of its own (-C llvm-args=-align-all-functions=12), so that a page of code present in
#    the process means that this function ran.
# 2. The normal release build without a layout (MLA_DESK_CODE_ORDER=0), whose symbol
#    names the list uses.
# 3. scripts/bench-startup.sh with CODE_ORDER: the diagnostic build is driven through a
#    session (register list, the large request opened, every wizard step, keys typed),
#    the touched pages are read from /proc/PID/pagemap after each phase, and the
#    symbols on them are written out, phase by phase (scripts/bench/code_order.py).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[[ "$(id -u)" == 0 ]] || { echo "code-order: needs root (page cache, read-ahead)" >&2; exit 1; }

(cd ui && npm run build --silent)
RUSTFLAGS="-C llvm-args=-align-all-functions=12" CARGO_TARGET_DIR="$root/target/code-order" \
  MLA_DESK_CODE_ORDER=0 cargo build --release -p mla-desk
MLA_DESK_CODE_ORDER=0 cargo build --release -p mla-desk

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Copies under the name `mla-desk`: the bench finds the app's process by that name.
mkdir -p "$work/aligned" "$work/normal"
cp target/code-order/release/mla-desk "$work/aligned/mla-desk"
cp target/release/mla-desk "$work/normal/mla-desk"

MLA_DESK_BIN="$work/aligned/mla-desk" CODE_ORDER="$root/src-tauri/code-order.txt" \
  CODE_ORDER_FOR="$work/normal/mla-desk" scripts/bench-startup.sh
echo "code-order: rebuild the release (cargo build --release -p mla-desk) to use it"
