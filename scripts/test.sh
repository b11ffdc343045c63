#!/usr/bin/env bash
# Builds everything and runs every test: formatting, lints, Rust unit and integration
# tests, the UI's lint and unit tests, and end-to-end tests of the real app binary
# under Xvfb. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
# One clean build: incremental caches would only take disk (a CI run once failed on a
# full disk), so they are off unless the caller asks for them.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export PATH="$PWD/target/tools/venv/bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n=== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

step "setup"
df -h . | sed 's/^/disk: /'
scripts/setup.sh

step "ui: lint, unit tests, build"
(cd ui && npm run lint && npm test && npm run build)

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (workspace)"
cargo test --workspace --locked

step "end-to-end tests of the real app binary (Xvfb + tauri-driver)"
scripts/e2e.sh

df -h . | sed 's/^/disk: /'
du -sh target 2>/dev/null | sed 's/^/build output: /' || true
step "all tests passed"
