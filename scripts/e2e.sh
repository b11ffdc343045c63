#!/usr/bin/env bash
# End-to-end tests of the real desktop app binary.
#
# Builds the UI and the app, starts a virtual display (Xvfb) and tauri-driver (which
# drives WebKitWebDriver), runs `cargo test -p mla-tests --features e2e --test e2e`, and
# stops what it started with SIGTERM (SIGKILL would orphan WebKitWebDriver and hang).
# Installs nothing: scripts/setup.sh does (xvfb, xauth, webkit2gtk-driver, tauri-driver,
# npm packages).
#
#   scripts/e2e.sh                 # all e2e tests
#   scripts/e2e.sh search          # only tests whose name contains "search"
#   E2E_SKIP_BUILD=1 scripts/e2e.sh  # reuse ui/dist and what scripts/test.sh built
#
# The app is built with the `test-dialogs` feature, so that the export tests can answer its
# native file dialogs with `--test-dialog-answers FILE` (WebDriver cannot reach them). The
# build is the workspace's, with the features scripts/test.sh uses (scripts/features.sh),
# so the two share every compiled crate: the app (target/debug/mla-desk), `mla` and the
# test binary come from one `cargo test --workspace --no-run`.
#
# Screenshots land in artifacts/screenshots/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/features.sh

for tool in Xvfb tauri-driver WebKitWebDriver; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "e2e: $tool not found; run scripts/setup.sh first" >&2
    exit 1
  fi
done

port="${TAURI_DRIVER_PORT:-4444}"
native_port=$((port + 1))
logs="$root/artifacts/e2e-logs"
mkdir -p "$logs" "$root/artifacts/screenshots"

if [[ -z "${E2E_SKIP_BUILD:-}" ]]; then
  echo "e2e: building the UI"
  (cd ui && npm run build --silent)
  echo "e2e: building the app, mla and the tests (with the test-dialogs hook: see ARCHITECTURE.md)"
  # Before the display and the driver are up.
  cargo test --workspace --features "$MLA_FEATURES" --no-run
fi

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  done
}
trap cleanup EXIT INT TERM

for p in "$port" "$native_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "e2e: port $p is already in use; set TAURI_DRIVER_PORT to a free port" >&2
    exit 1
  fi
done

# Xvfb picks a free display number itself (-displayfd) and tells us which.
rm -f "$logs/display"
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$logs/display" >"$logs/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  [[ -s "$logs/display" ]] && break
  sleep 0.1
done
if [[ ! -s "$logs/display" ]]; then
  echo "e2e: Xvfb did not start (see $logs/xvfb.log)" >&2
  exit 1
fi
export DISPLAY=":$(tr -d '[:space:]' <"$logs/display")"
echo "e2e: Xvfb on $DISPLAY, tauri-driver on 127.0.0.1:$port"

# The app itself sets WebKitGTK's and GTK's variables (WEBKIT_DISABLE_COMPOSITING_MODE=1
# and the others listed in src-tauri/src/webview.rs) when they are not set; set nothing
# WebKit-specific here, so that the tests run the app as users get it.

# SoftHSM2 reads its configuration from $SOFTHSM2_CONF. The app inherits this environment
# through tauri-driver and WebKitWebDriver; the journey test writes this file and makes a
# fresh token under artifacts/e2e-softhsm/tokens/ (the system's tokens are never touched).
export SOFTHSM2_CONF="$root/artifacts/e2e-softhsm/softhsm2.conf"
mkdir -p "$(dirname "$SOFTHSM2_CONF")"

tauri-driver --port "$port" --native-port "$native_port" \
  --native-driver "$(command -v WebKitWebDriver)" \
  >"$logs/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

export TAURI_DRIVER_URL="http://127.0.0.1:$port"
start=$(date +%s)
status=0
cargo test --workspace --features "$MLA_FEATURES" --test e2e -- --test-threads=1 "$@" || status=$?
echo "e2e: tests took $(( $(date +%s) - start )) s (logs in $logs)"
exit "$status"
