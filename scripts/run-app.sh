#!/usr/bin/env bash
# Builds MLA Desk and starts the desktop app on the default local register
# (~/.local/share/mla-desk/register.sqlite; set MLA_REGISTER=/path/to/file to use another).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --app
(cd ui && npm run build)
cargo build --release -p mla-desk --locked
exec target/release/mla-desk "$@"
