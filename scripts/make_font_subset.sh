#!/usr/bin/env bash
# Rebuild the classroom server's Chinese font: Noto Sans CJK SC (SIL OFL 1.1, Debian's
# fonts-noto-cjk) cut down to ASCII, CJK punctuation, full-width forms and the 6,763
# hanzi of GB2312, as WOFF2. Trainee laptops without a CJK font then still show Chinese
# in the browser, and the page never asks another host for a font.
#
#   scripts/make_font_subset.sh            # writes simulator/serve/static/fonts/
#
# Needs: fonts-noto-cjk (installed with apt-get when missing and run as root),
# fonttools and brotli in the Python used (PYTHON, default .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
SOURCE=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
OUT=simulator/serve/static/fonts
if [ ! -f "$SOURCE" ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y -q fonts-noto-cjk
    else
        echo "missing $SOURCE: sudo apt-get install fonts-noto-cjk" >&2
        exit 1
    fi
fi
"$PYTHON" -c 'import fontTools, brotli' 2>/dev/null || "$PYTHON" -m pip install -q fonttools brotli
mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Every character GB2312 encodes (rows 0xA1-0xF7, cells 0xA1-0xFE), plus printable ASCII,
# CJK symbols and punctuation (U+3000-303F) and full-width forms (U+FF00-FFEF).
"$PYTHON" - "$tmp/unicodes.txt" <<'EOF'
import sys

points = set(range(0x20, 0x7F)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
for row in range(0xA1, 0xF8):
    for cell in range(0xA1, 0xFF):
        try:
            points.add(ord(bytes((row, cell)).decode("gb2312")))
        except UnicodeDecodeError:
            pass
with open(sys.argv[1], "w") as out:
    out.write("\n".join(f"U+{p:04X}" for p in sorted(points)))
print(f"{len(points)} code points", file=sys.stderr)
EOF
# The index of "Noto Sans CJK SC" in the collection differs between releases: find it.
index=$("$PYTHON" - "$SOURCE" <<'EOF'
import sys
from fontTools.ttLib import TTCollection

for i, font in enumerate(TTCollection(sys.argv[1]).fonts):
    if font["name"].getDebugName(4) == "Noto Sans CJK SC":
        print(i)
        break
else:
    sys.exit("Noto Sans CJK SC not found in " + sys.argv[1])
EOF
)
"$PYTHON" -m fontTools.subset "$SOURCE" --font-number="$index" \
    --unicodes-file="$tmp/unicodes.txt" --flavor=woff2 --layout-features='*' \
    --no-hinting --desubroutinize --name-IDs='*' \
    --output-file="$OUT/NotoSansSC-GB2312.woff2"
# The licence travels with the font: the copyright line from the font, the OFL text
# from Debian's copyright file (one leading space per line, "." for a blank line).
{
    echo "Noto Sans CJK SC (subset: GB2312, ASCII, CJK punctuation, full-width forms)"
    echo "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
    echo "Source: Debian package fonts-noto-cjk; subset made by scripts/make_font_subset.sh"
    echo
    awk '/^License: SIL-1.1$/ {on = 1; next} on && /^[^ ]/ {on = 0} on' \
        /usr/share/doc/fonts-noto-cjk/copyright | sed -e 's/^ //' -e 's/^\.$//'
} > "$OUT/OFL.txt"
ls -l "$OUT/NotoSansSC-GB2312.woff2"
