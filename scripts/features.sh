# Sourced by scripts/test.sh and scripts/e2e.sh: the one feature list every cargo command of
# the tests uses, with --workspace. Cargo unifies features over the packages a command
# selects, so `cargo build -p mla-desk --features test-dialogs` after `cargo test
# --workspace` compiled a different graph: CI compiled many crates two or three times.
#   mla-desk/test-dialogs  the e2e tests answer the app's native dialogs (ARCHITECTURE.md)
#   mla-tests/e2e          the end-to-end test binary and its WebDriver client
# shellcheck disable=SC2034
MLA_FEATURES="mla-desk/test-dialogs,mla-tests/e2e"
