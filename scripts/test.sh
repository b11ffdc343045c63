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

# Every cargo command below selects the whole workspace with the same features, so Cargo
# resolves one feature set and compiles each dependency once for the build (and once for
# clippy's checks). A `-p` or a different feature list would compile much of the graph
# again (see scripts/features.sh).
source scripts/features.sh

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked --features "$MLA_FEATURES" -- -D warnings

step "cargo build (workspace, all tests)"
cargo test --workspace --locked --features "$MLA_FEATURES" --no-run

step "cargo nextest (workspace, all but end-to-end)"
# nextest runs the test binaries side by side (cargo test runs them one after the other).
cargo nextest run --workspace --locked --features "$MLA_FEATURES" --no-fail-fast \
  -E 'not binary_id(mla-tests::e2e)'
cargo test --workspace --locked --features "$MLA_FEATURES" --doc

step "end-to-end tests of the real app binary (Xvfb + tauri-driver)"
E2E_SKIP_BUILD=1 scripts/e2e.sh

df -h . | sed 's/^/disk: /'
du -sh target 2>/dev/null | sed 's/^/build output: /' || true
step "all tests passed"
