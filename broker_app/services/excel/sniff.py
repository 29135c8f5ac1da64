"""Names what a non-workbook file probably is, so the refusal says what to do.

"不是 Excel 文件" alone leaves a broker stuck. Most wrong files in practice are CSV
or text exports, web-page tables that government systems save with an .xls name, PDF
printouts and photos of paper forms; each gets its own advice.
"""

from __future__ import annotations

SNIFF_BYTES = 4096

_SAVE_AS = "请用 Excel 或 WPS 打开它，另存为“Excel 工作簿 (.xlsx)”后再导入。"


def describe_non_workbook(head: bytes) -> tuple[str, str]:
    """(Chinese, English) description of a file whose first bytes are ``head``."""
    lowered = head[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"%pdf"):
        return "这是 PDF 文件，不是 Excel 表格，无法导入。", "file is a PDF"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")):
        return "这是图片，不是 Excel 表格，无法导入。", "file is an image"
    if head.startswith((b"Rar!", b"7z\xbc\xaf")):
        return "这是压缩包，请先解压，再选择里面的 .xlsx 文件。", "file is a RAR/7z archive"
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return (
            "这是旧的 XML 表格格式（Excel 2003 XML）。" + _SAVE_AS,
            "file is an Excel 2003 XML spreadsheet",
        )
    if lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or (
        lowered.startswith(b"<") and b"<table" in lowered
    ):
        return (
            "这是网页格式的表格（有些系统导出的 .xls 其实是网页）。" + _SAVE_AS,
            "file is an HTML table",
        )
    if _looks_like_text(head):
        return (
            "这是文本或 CSV 文件，不是 Excel 工作簿。" + _SAVE_AS,
            "file is plain text or CSV",
        )
    return (
        "这个文件不是 Excel 工作簿（.xlsx），可能已损坏，或者是别的类型的文件。",
        "file is not a zip-based workbook and its type is unknown",
    )


def _looks_like_text(head: bytes) -> bool:
    sample = head[:SNIFF_BYTES]
    if not sample or b"\x00" in sample:
        return False
    # Chinese CSVs come from Excel in GBK and from newer tools in UTF-8; a cut
    # multi-byte character at the end of the sample must not count against it.
    for encoding in ("utf-8", "gb18030"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start < len(sample) - 4:
                continue
            text = sample[: exc.start].decode(encoding, errors="replace")
        printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in text)
        return printable >= 0.95 * max(len(text), 1)
    return False
