#!/usr/bin/env bash
# Rebuilds the committed seed corpora in tests/fuzz/seeds/ (run from anywhere; needs
# python3, openssl and an `mla` binary: MLA_BIN, else target/debug/mla, built if absent).
# The seeds are small on purpose (the whole folder stays well under a few MB); the
# fuzzer's own corpus grows in tests/fuzz/corpus/ (not committed).
#
# The signed PDFs are signed by a throw-away PKI made here; only the CA's certificate is
# kept (seeds/trusted-ca.pem, the verify_pdf target trusts it), the keys are deleted.
# PDFs signed again differ (fresh keys, signing time), so rerun only to change the seeds.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seeds="$root/tests/fuzz/seeds"
cd "$root"

MLA_BIN="${MLA_BIN:-$root/target/debug/mla}"
if [ ! -x "$MLA_BIN" ]; then
  cargo build -p mla-cli --bin mla
fi

rm -rf "$seeds"
mkdir -p "$seeds"/{verify_pdf,request_roundtrip,profile_toml,profile_pack_zip,profile_pack_dir,letter_typeset}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- request_roundtrip: the example requests and, minified, the rule fixtures' failing
# variants (the baseline request with each fixture's "fail" merge patch, RFC 7396; the
# fixtures are declared with their rules in mla-core/src/rules/<family>.rs), so the fuzzer
# starts from requests that reach every rule.
cp assets/examples/*.mla.json assets/examples/defective/*.mla.json "$seeds/request_roundtrip/"
python3 - "$seeds/request_roundtrip" <<'EOF'
import json, pathlib, re, sys, tomllib
out = pathlib.Path(sys.argv[1])
fixtures = pathlib.Path("src-tauri/crates/mla-core/tests/fixtures")
rules = pathlib.Path("src-tauri/crates/mla-core/src/rules")
def merge(target, patch):
    if isinstance(patch, dict):
        if not isinstance(target, dict):
            target = {}
        for k, v in patch.items():
            if v is None:
                target.pop(k, None)
            else:
                target[k] = merge(target.get(k), v)
        return target
    return patch
base = json.loads((fixtures / "baseline.mla.json").read_text())
state_base = json.loads((fixtures / "state-baseline.mla.json").read_text())
(out / "baseline.mla.json").write_text(json.dumps(base, ensure_ascii=False, separators=(",", ":")))
for f in sorted(rules.glob("*.rs")):
    declarations = re.search(r'pub\(super\) const RULES: &str = r##"(.*?)"##;', f.read_text(), re.S)
    if not declarations:
        continue
    for rule in tomllib.loads(declarations.group(1))["rule"]:
        fixture = rule["fixture"]
        start = state_base if fixture.get("baseline") == "state" else base
        variant = merge(json.loads(json.dumps(start)), json.loads(fixture["fail"]))
        (out / f"rule-{rule['id']}.json").write_text(
            json.dumps(variant, ensure_ascii=False, separators=(",", ":")))
# Inputs the parser must refuse, each for its own reason.
for name, text in {
    "empty.json": "",
    "bom.json": "\ufeff{\"format_version\": 1}",
    "future.json": "{\"format_version\": 99}",
    "unknown-field.json": "{\"format_version\": 1, \"factz\": \"\"}",
    "bad-measure.json": "{\"format_version\": 1, \"measures\": [{\"details\": {\"type\": \"bank_records\", \"period_from\": \"2026-13-01\"}}]}",
    "deep.json": "[" * 200 + "]" * 200,
}.items():
    (out / name).write_text(text)
EOF

# --- profile_toml: real profiles (small and large) and the core's fixtures, good and bad.
cp assets/profiles/{THA,FRA,CHE,ALB}.toml "$seeds/profile_toml/"
pf=src-tauri/crates/mla-core/tests/profile_fixtures
cp "$pf/good/full/ATA.toml" "$seeds/profile_toml/good-full.toml"
cp "$pf/good/minimal/ATA.toml" "$seeds/profile_toml/good-minimal.toml"
for bad in several-problems syntax-error unknown-key wrong-type bad-date unknown-measure; do
  cp "$pf/bad/$bad/ATA.toml" "$seeds/profile_toml/bad-$bad.toml"
done

# --- profile_pack_zip: good and bad packs, stored and deflated, with entries a pack
# reader must handle (folders, README, macOS metadata, a path going up, the same name
# twice, a file larger than it declares).
python3 - "$seeds/profile_pack_zip" <<'EOF'
import pathlib, sys, zipfile
out = pathlib.Path(sys.argv[1])
prof = pathlib.Path("assets/profiles")
def pack(name, entries, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(out / name, "w", method) as z:
        for entry, data in entries:
            z.writestr(entry, data)
tha, fra = (prof / "THA.toml").read_bytes(), (prof / "FRA.toml").read_bytes()
pack("good.zip", [("THA.toml", tha), ("FRA.toml", fra), ("README.md", b"pack\n")])
pack("stored.zip", [("pack/THA.toml", tha)], zipfile.ZIP_STORED)
pack("odd-entries.zip", [("pack/", b""), ("__MACOSX/._THA.toml", b"\0\1"),
    ("../../THA.toml", tha), (".hidden.toml", b"x"), ("FRA.toml", b"\xff\xfe")])
import warnings
warnings.simplefilter("ignore")
pack("twice.zip", [("THA.toml", tha), ("sub/THA.toml", tha)])
pack("bad-profile.zip", [("THA.toml", tha.replace(b"format_version = 1", b"format_version = 9"))])
(out / "empty.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
EOF

# --- verify_pdf: a small unsigned PDF, and that PDF signed (RSA and ECDSA, visible and
# invisible, with the request embedded, signed twice, changed after signing).
python3 - "$work/plain.pdf" <<'EOF'
import sys
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
    b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    None,
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
content = b"BT /F1 12 Tf 72 770 Td (Request for mutual legal assistance) Tj ET"
objs[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
EOF
cp "$work/plain.pdf" "$seeds/verify_pdf/unsigned.pdf"
(
  cd "$work"
  quiet() { "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@"; exit 1; }; }
  quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 36500 \
    -subj "/CN=MLA Desk Fuzz Seed CA" -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' > sign.ext
  for kind in rsa ec; do
    if [ "$kind" = rsa ]; then keyargs=(-newkey rsa:2048); else keyargs=(-newkey ec -pkeyopt ec_paramgen_curve:P-256); fi
    quiet openssl req -new -nodes -keyout "$kind.key" -out "$kind.csr" -subj "/CN=Fuzz Seed $kind" "${keyargs[@]}"
    quiet openssl x509 -req -in "$kind.csr" -CA ca.pem -CAkey ca.key -set_serial 7 -days 36500 \
      -extfile sign.ext -out "$kind.pem"
    quiet openssl pkcs12 -export -inkey "$kind.key" -in "$kind.pem" -certfile ca.pem \
      -out "$kind.p12" -passout pass:seed
  done
)
export MLA_SIGN_PASSWORD=seed
sign() { "$MLA_BIN" sign-pdf "$@" </dev/null >/dev/null; }
tha=assets/examples/service-appearance-tha.mla.json
sign "$work/plain.pdf" --p12 "$work/rsa.p12" --invisible --embed-json "$tha" -o "$seeds/verify_pdf/rsa-invisible-request.pdf"
sign "$work/plain.pdf" --p12 "$work/ec.p12" --embed-json "$tha" -o "$seeds/verify_pdf/ec-visible-request.pdf"
printf 'annex\n' > "$work/annex.txt"
sign "$work/plain.pdf" --p12 "$work/rsa.p12" --attach "$work/annex.txt" --reason "fuzz seed" -o "$work/once.pdf"
cp "$work/once.pdf" "$seeds/verify_pdf/rsa-visible-annex.pdf"
sign "$work/once.pdf" --p12 "$work/ec.p12" --invisible -o "$seeds/verify_pdf/signed-twice.pdf"
{ cat "$work/once.pdf"; printf '\n%% appended after signing\n'; } > "$seeds/verify_pdf/changed-after-signing.pdf"
cp "$work/ca.pem" "$seeds/trusted-ca.pem"

# --- profile_pack_dir and letter_typeset take structured input (the `arbitrary` crate):
# a few byte strings to start from; the fuzzer finds its way from there.
python3 - "$seeds" <<'EOF'
import pathlib, random, sys
seeds = pathlib.Path(sys.argv[1])
rng = random.Random(22)
for target in ("profile_pack_dir", "letter_typeset"):
    for i in range(8):
        size = 64 << i if i < 6 else 4096
        (seeds / target / f"random-{i}").write_bytes(bytes(rng.randrange(256) for _ in range(size)))
EOF

du -sh "$seeds"
for d in "$seeds"/*/; do printf '%-20s %3d files\n' "$(basename "$d")" "$(ls "$d" | wc -l)"; done
