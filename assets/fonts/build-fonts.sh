#!/bin/sh
# Rebuild the fonts bundled in assets/fonts/ from Debian's Noto packages (all SIL OFL 1.1).
# Needs: apt-get install -y fonts-noto-core fonts-noto-cjk; pip install fonttools
# Single faces only (no .ttc): the CJK face is cut out of the collection and subset to the
# character set documented in README.md (GB 2312 + punctuation + ASCII/Latin-1), to keep
# the repository small. Characters outside the subset are reported by the typesetter as
# missing glyphs, never dropped silently.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
core=/usr/share/fonts/truetype/noto
cjk=/usr/share/fonts/opentype/noto
for f in NotoSerif-Regular NotoSerif-Bold NotoNaskhArabic-Regular NotoNaskhArabic-Bold \
         NotoSansSymbols2-Regular; do
  cp "$core/$f.ttf" "$here/$f.ttf"
done
python3 - "$here/cjk-charset.txt" <<'PY'
import sys
chars = set()
# GB 2312-80: every two-byte code in rows 0xA1-0xF7, cells 0xA1-0xFE that decodes.
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
for a, b in ranges:
    chars.update(chr(c) for c in range(a, b + 1))
with open(sys.argv[1], "w") as out:
    out.write("\n".join("U+%04X" % ord(c) for c in sorted(chars)) + "\n")
PY
for w in Regular Bold; do
  # Face 2 of the collection is "Noto Serif CJK SC" (Simplified Chinese).
  pyftsubset "$cjk/NotoSerifCJK-$w.ttc" --font-number=2 \
    --unicodes-file="$here/cjk-charset.txt" --layout-features='*' --no-hinting \
    --name-IDs='*' --output-file="$here/NotoSerifCJKsc-$w-subset.otf"
done
rm "$here/cjk-charset.txt"
# The licence texts, as Debian ships them.
cp /usr/share/doc/fonts-noto-core/copyright "$here/LICENSE-fonts-noto-core.txt"
cp /usr/share/doc/fonts-noto-cjk/copyright "$here/LICENSE-fonts-noto-cjk.txt"
