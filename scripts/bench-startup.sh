#!/usr/bin/env bash
# Start-up time and memory of a RELEASE build of the desktop app. Not part of the test run.
#
#   scripts/bench-startup.sh            # RUNS=7 start-ups, MEM_RUNS=5 large-request openings
#   RUNS=11 MEM_RUNS=9 scripts/bench-startup.sh
#   MEM_DETAIL=12 scripts/bench-startup.sh   # also the 12 largest mappings of each process
#   MLA_DESK_BIN=target/debug/mla-desk scripts/bench-startup.sh   # skip the release build
#   SETTLE=30 scripts/bench-startup.sh       # second memory sample 30 s after opening (default 20)
#   MEM_DUMP_DIR=/tmp/smaps scripts/bench-startup.sh   # keep each process's smaps (last run)
#   FLOOR=0 scripts/bench-startup.sh         # skip the WebKitGTK floor (bench/webkit_floor.py)
#   CODE_ORDER=FILE scripts/bench-startup.sh   # only record the code layout of the
#                                   # release build (bench/code_order.py; see scripts/code-order.sh)
#
# Builds the UI and `cargo build --release -p mla-desk` (no test features), makes a
# register holding one LARGE request (scripts/bench/large_request.py: ~0.5 MB, 240 persons,
# 120 assets, 180 measures), starts Xvfb and tauri-driver (port $TAURI_DRIVER_PORT,
# default 4464), then scripts/bench/startup.py measures:
#  - time from exec to the first drawn screen (the UI reports it; MLA_DESK_REPORT_READY),
#  - memory of the whole process tree (app + WebKit processes; PSS and RSS from /proc),
#    on the list, and with the large request open in the editor (opened via WebDriver):
#    3 s after it is drawn and again SETTLE s after (left open, nothing typed); USS (pages
#    no other process maps) beside PSS and RSS,
#  - then (scripts/bench/webkit_floor.py) the same for WebKitGTK's own processes showing a
#    page that does nothing, in the app's environment: what any WebKitGTK app pays.
# Medians are printed. Needs what scripts/setup.sh installs (Xvfb, tauri-driver).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ -n "${MLA_DESK_BIN:-}" ]]; then
  bin="$MLA_DESK_BIN"   # measure another build (e.g. a debug one); say so when reporting
else
  (cd ui && npm run build --silent)
  cargo build --release -p mla-desk
  bin="$root/target/release/mla-desk"
fi
cargo build -q -p mla-cli

work="$(mktemp -d)"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

python3 scripts/bench/large_request.py assets/examples/bribery-bank-records-che.mla.json >"$work/large.mla.json"
target/debug/mla --register "$work/register.sqlite" import "$work/large.mla.json" >/dev/null
draft_id=1   # the only draft of a fresh register
echo "bench: large request $(stat -c %s "$work/large.mla.json") bytes, draft $draft_id"

Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
pids+=($!)
export BENCH_XVFB_PID=$!
for _ in $(seq 100); do [[ -s "$work/display" ]] && break; sleep 0.1; done
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"

port="${TAURI_DRIVER_PORT:-4464}"
tauri-driver --port "$port" --native-port $((port + 1)) \
  --native-driver "$(command -v WebKitWebDriver)" >"$work/tauri-driver.log" 2>&1 &
pids+=($!)
export TAURI_DRIVER_PID=$!
export TAURI_DRIVER_URL="http://127.0.0.1:$port"
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

if [[ -n "${CODE_ORDER:-}" ]]; then
  # Which functions a session touches, for the release build's code layout (needs root).
  python3 scripts/bench/code_order.py "$bin" "$work/register.sqlite" "$draft_id" "$CODE_ORDER"
  exit 0
fi

# Whether this binary has the release layout of src-tauri/code-order.txt (build.rs).
if [[ -f src-tauri/code-order.txt ]]; then
  python3 scripts/bench/code_order.py check "$bin" src-tauri/code-order.txt
fi
python3 scripts/bench/startup.py "$bin" "$work/register.sqlite" "$draft_id"

# The floor under those figures: WebKitGTK's web and network processes for a page that does
# nothing, in the app's environment (needs python3-gi and gir1.2-webkit2-4.1; FLOOR=0 skips).
if [[ "${FLOOR:-1}" != 0 ]]; then
  if /usr/bin/python3 -c 'import gi; gi.require_version("WebKit2", "4.1")' 2>/dev/null; then
    /usr/bin/python3 scripts/bench/webkit_floor.py "${FLOOR_RUNS:-3}"
  else
    echo "bench: no WebKitGTK floor (python3-gi and gir1.2-webkit2-4.1 are not installed)"
  fi
fi
