#!/usr/bin/env bash
# Runs the cargo-fuzz targets of tests/fuzz (libFuzzer, nightly Rust), each for a fixed
# time, and fails if any of them crashes (a panic, an assertion, a sanitizer report), times
# out on one input or runs out of memory. Prints the executions of each target.
#
#   scripts/fuzz.sh                      every target, FUZZ_SECONDS (default 60) each
#   FUZZ_SECONDS=3600 scripts/fuzz.sh verify_pdf
#   scripts/fuzz.sh --ci                 the short run CI does: 20 s per target, built
#                                        quickly (dev profile at opt-level 1, no sanitizer)
#   scripts/fuzz.sh --list               the targets
#
# Environment:
#   FUZZ_SECONDS   seconds per target (default 60; 20 with --ci)
#   FUZZ_TIMEOUT   seconds one input may take before it counts as a hang (default 10)
#   FUZZ_RSS_MB    memory limit in MB; above it is an out-of-memory failure (default 2048)
#   FUZZ_BUILD     arguments for `cargo fuzz build` / `run` (default "-O": release with
#                  AddressSanitizer; with --ci: "--dev -s none")
#   FUZZ_LOG_DIR   where each target's libFuzzer output goes (default
#                  target/fuzz-logs, i.e. tests/fuzz/target/fuzz-logs)
#
# The corpus each run grows is tests/fuzz/corpus/<target> (not committed); the committed
# seeds are tests/fuzz/seeds/<target>. A failing input is saved under
# tests/fuzz/artifacts/<target>/ and the command that reproduces it is printed.
# See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

fuzz_dir=tests/fuzz
ci=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --ci) ci=1 ;;
    --list) grep -A1 '^\[\[bin\]\]' "$fuzz_dir/Cargo.toml" | sed -n 's/^name = "\(.*\)"/\1/p'; exit 0 ;;
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    *) targets+=("$arg") ;;
  esac
done
all_targets=($(grep -A1 '^\[\[bin\]\]' "$fuzz_dir/Cargo.toml" | sed -n 's/^name = "\(.*\)"/\1/p'))
[ "${#targets[@]}" -eq 0 ] && targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  printf '%s\n' "${all_targets[@]}" | grep -qx "$t" || {
    echo "fuzz.sh: no fuzz target named $t (targets: ${all_targets[*]})" >&2; exit 2; }
done

seconds="${FUZZ_SECONDS:-$([ "$ci" = 1 ] && echo 20 || echo 60)}"
timeout="${FUZZ_TIMEOUT:-10}"
rss_mb="${FUZZ_RSS_MB:-2048}"
log_dir="${FUZZ_LOG_DIR:-$fuzz_dir/target/fuzz-logs}"
# CI's budget is a few minutes including the build: the dev profile (opt-level 1, see
# tests/fuzz/Cargo.toml) and no sanitizer build in about half the time of the release
# build with AddressSanitizer (docs/fuzzing.md has the figures).
# -O: release; debug assertions and overflow checks come from tests/fuzz/Cargo.toml's
# profile (without -O, cargo fuzz adds them as compiler flags, which changes every crate's
# fingerprint from a build made with -O).
read -r -a build_args <<< "${FUZZ_BUILD-$([ "$ci" = 1 ] && echo "--dev -s none" || echo "-O")}"

# Largest input each target is given: big enough for its seeds and real files of its kind,
# small enough to keep each execution quick.
max_len() {
  case "$1" in
    verify_pdf) echo 65536 ;;        # the signed seed PDFs are 10-30 KB
    request_roundtrip) echo 65536 ;; # the example requests are 7-16 KB
    profile_toml) echo 32768 ;;      # real profiles are 1-15 KB
    profile_pack_zip) echo 65536 ;;
    profile_pack_dir) echo 16384 ;;
    letter_typeset) echo 8192 ;;     # structured: enough for a long request
    *) echo 65536 ;;
  esac
}

# The tools: nightly Rust and cargo-fuzz (installed from crates.io when absent).
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing the nightly toolchain (rustup)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: cargo install cargo-fuzz --locked"
  cargo install cargo-fuzz --locked --quiet
fi

# The targets read and write scratch files (packs on disk): keep them in a folder of our
# own, removed at the end.
scratch="$(mktemp -d "${TMPDIR:-/tmp}/mla-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

build_start=$(date +%s)
echo "=== cargo fuzz build (${targets[*]})"
if [ "${#targets[@]}" -eq "${#all_targets[@]}" ]; then
  cargo +nightly fuzz build --fuzz-dir "$fuzz_dir" "${build_args[@]}"
else
  for t in "${targets[@]}"; do
    cargo +nightly fuzz build --fuzz-dir "$fuzz_dir" "${build_args[@]}" "$t"
  done
fi
build_secs=$(( $(date +%s) - build_start ))
echo "build: ${build_secs} s"

mkdir -p "$log_dir"
failed=()
summary=()
for t in "${targets[@]}"; do
  mkdir -p "$fuzz_dir/corpus/$t" "$fuzz_dir/artifacts/$t"
  log="$log_dir/$t.log"
  echo "=== $t: ${seconds} s (timeout ${timeout} s per input, ${rss_mb} MB, max_len $(max_len "$t"))"
  start=$(date +%s)
  status=0
  # -print_final_stats gives the executions; the seeds folder is read, never written.
  TMPDIR="$scratch" cargo +nightly fuzz run --fuzz-dir "$fuzz_dir" "${build_args[@]}" "$t" \
    "$fuzz_dir/corpus/$t" "$fuzz_dir/seeds/$t" -- \
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss_mb" \
    -max_len="$(max_len "$t")" -print_final_stats=1 >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
  execs="${execs:-?}"
  result=ok
  if [ "$status" -ne 0 ]; then
    if grep -q 'ERROR: libFuzzer: timeout' "$log"; then result=timeout
    elif grep -q -e 'ERROR: libFuzzer: out-of-memory' -e 'malloc(.*) exceeds limit' "$log"; then result=out-of-memory
    else result=crash; fi
    failed+=("$t")
    echo "--- $t: $result (exit $status); the end of $log:"
    tail -40 "$log"
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    [ -n "$artifact" ] && echo "--- reproduce: cargo +nightly fuzz run --fuzz-dir $fuzz_dir $t $artifact"
  fi
  corpus=$(ls "$fuzz_dir/corpus/$t" | wc -l)
  line=$(printf '%-18s %-13s %12s execs %6s s %8s exec/s  corpus %s' "$t" "$result" "$execs" \
    "$elapsed" "$([ "$execs" != "?" ] && [ "$elapsed" -gt 0 ] && echo $(( execs / elapsed )) || echo ?)" "$corpus")
  echo "$line"
  summary+=("$line")
done

echo
echo "=== fuzzing summary ($(date -u +%Y-%m-%dT%H:%MZ), ${seconds} s per target, build ${build_secs} s)"
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]} (logs in $log_dir, inputs in $fuzz_dir/artifacts/)" >&2
  exit 1
fi
echo "fuzz.sh: no crash, timeout or out-of-memory"
