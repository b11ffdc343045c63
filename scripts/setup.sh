#!/usr/bin/env bash
# Installs everything MLA Desk needs to build, run and test on Debian/Ubuntu.
# Idempotent: what is already there is not installed again.
#   scripts/setup.sh            everything (build + tests)
#   scripts/setup.sh --app      only what building and running the app needs
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=1
[ "${1:-}" = "--app" ] && want_tests=0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

app_packages=(build-essential pkg-config file curl ca-certificates libssl-dev
  libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  nodejs npm python3 python3-pip python3-venv)
test_packages=(xvfb xauth webkit2gtk-driver imagemagick poppler-utils qpdf
  libnss3-tools softhsm2 openssl sqlite3 icc-profiles-free fonts-dejavu-core)

packages=("${app_packages[@]}")
[ "$want_tests" = 1 ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  # node, npm and python may come from elsewhere than Debian (nvm, pyenv): accept them.
  case "$p" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
    python3) command -v python3 >/dev/null && continue ;;
    python3-pip) python3 -m pip --version >/dev/null 2>&1 && continue ;;
    python3-venv) python3 -m venv --help >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "setup: Rust (cargo) is required: https://rustup.rs" >&2; exit 1; }

echo "setup: npm packages (ui/)"
# `npm install`, not `npm ci`: the registry reachable here serves only the Linux builds of
# packages with per-platform binaries (rollup, esbuild), so package-lock.json cannot list
# the other platforms' builds and `npm ci` refuses it as out of sync. `npm install` still
# installs the locked versions.
(cd ui && npm install --no-audit --no-fund --loglevel=error)

if [ "$want_tests" = 1 ]; then
  if ! command -v cargo-nextest >/dev/null; then
    # Runs the test binaries side by side (scripts/test.sh). Machines of this project's
    # kind come with it; elsewhere it is built from crates.io (a few minutes).
    echo "setup: cargo install cargo-nextest"
    cargo install cargo-nextest --locked --quiet
  fi
  if ! command -v tauri-driver >/dev/null; then
    echo "setup: cargo install tauri-driver"
    cargo install tauri-driver --locked --quiet
  fi
  if [ -f tests/requirements.txt ]; then
    echo "setup: Python packages for the PDF validators (tests/requirements.txt)"
    # A virtual environment of our own: Debian's Python refuses system-wide pip installs.
    [ -x target/tools/venv/bin/python ] || python3 -m venv target/tools/venv
    target/tools/venv/bin/python -m pip install --quiet --disable-pip-version-check \
      -r tests/requirements.txt
  fi
fi
echo "setup: done"
