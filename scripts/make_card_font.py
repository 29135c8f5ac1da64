"""Build resources/fonts/LaborStationSansSC-Regular.otf, the one font every card and
sticker is drawn with (resources/fonts/README.md says why each step is there).

    python scripts/make_card_font.py [--source NotoSansCJK-Regular.ttc] [--out FILE]

Needs fontTools (the ``dev`` extra) and the Noto Sans CJK collection of Debian's
``fonts-noto-cjk`` package. Run it only to change the font; the result is committed.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "resources" / "fonts" / "LaborStationSansSC-Regular.otf"
SOURCE_FACE = "Noto Sans CJK SC"
FAMILY = "Labor Station Sans SC"
POSTSCRIPT = "LaborStationSansSC-Regular"

#: Blocks kept whole (as far as the source has them): what names and card text need.
#: URO and Extension A hold every BMP character of the 通用规范汉字表 and the rare name
#: characters (王㛃, 淏, 嬿); the Han characters the source has beyond the BMP are
#: kept too, which is where the table's remaining characters are.
BLOCKS = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 (° × ÷ ·)
    (0x2000, 0x206F),  # general punctuation (— … ‰)
    (0x2100, 0x218F),  # letterlike symbols and number forms (№ Ⅰ)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x2500, 0x25FF),  # box drawing, geometric shapes (■ ○ ※)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3100, 0x312F),  # bopomofo (GB 2312 has it)
    (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility (㈠ ㎡)
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs (URO)
    (0xF900, 0xFAFF),  # CJK compatibility ideographs (a name may hold one)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # fullwidth forms (￥ ，)
)
_SIP = (0x20000, 0x3FFFF)  # Extensions B to H


def face_index(collection: TTCollection, name: str) -> int:
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(4) == name:
            return index
    raise SystemExit(f"{name} is not in the collection")


def wanted(cmap: dict[int, str]) -> set[int]:
    chars = {u for low, high in BLOCKS for u in range(low, high + 1)}
    chars |= {u for u in cmap if _SIP[0] <= u <= _SIP[1]}
    # GB 2312 whole (its Greek, Cyrillic, kana and symbols too), and whatever the
    # application itself writes.
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # unassigned codes
                chars.add(ord(bytes((row, cell)).decode("gb2312")))
    for folder in ("broker_app", "resources/divisions", "resources/translations"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".csv", ".ts", ".json"}:
                chars |= {ord(c) for c in path.read_text(encoding="utf-8") if ord(c) > 0x7E}
    return {u for u in chars if u in cmap}


def rename(font: TTFont) -> None:
    """A modified OFL font must not keep the original's name; the name also lets tests
    see that a PDF embeds this file and not a system font."""
    version = font["name"].getDebugName(5) or ""
    names = {
        1: FAMILY,
        2: "Regular",
        3: f"{POSTSCRIPT};subset of NotoSansCJKsc-Regular {version.split(';')[0][8:]}",
        4: FAMILY,
        6: POSTSCRIPT,
    }
    table = font["name"]
    table.names = [r for r in table.names if r.nameID not in (*names, 16, 17)]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT]
    top = cff.topDictIndex[0]
    top.FullName = FAMILY
    top.FamilyName = FAMILY


def build(source: Path, out: Path) -> int:
    collection = TTCollection(str(source))
    index = face_index(collection, SOURCE_FACE)
    font = TTFont(str(source), fontNumber=index)
    chars = wanted(font.getBestCmap())
    options = subset.Options()
    options.layout_features = ["kern"]
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE"]
    options.name_IDs = ["*"]
    options.name_languages = [0x409, 0]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    rename(font)
    temp = out.with_name(out.name + ".part")
    font.save(str(temp))
    temp.replace(out)
    return len(chars)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.source.is_file():
        print(f"{args.source} not found: apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    count = build(args.source, args.out)
    print(f"{args.out}: {count} characters, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
