#!/usr/bin/env bash
# Tools the signing tests need (mla-sign's tests and tests/tests/cli_sign.rs):
#   pdfsig, pdfdetach, pdftoppm, pdffonts (poppler-utils); qpdf; certutil (libnss3-tools);
#   SoftHSM2 (PKCS#11 token); openssl (test PKI); sRGB.icc (icc-profiles-free, PDF/A output
#   intent); DejaVuSans.ttf (fonts-dejavu-core, embedded signature-block font);
#   pyHanko (tests/requirements.txt). The full-disk tests mount a 64 KiB tmpfs: run as root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends \
  poppler-utils qpdf libnss3-tools softhsm2 openssl icc-profiles-free fonts-dejavu-core
python3 -m pip install -q -r "$here/../requirements.txt"
