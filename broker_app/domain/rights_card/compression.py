"""Raw DEFLATE with a preset dictionary for the card payload.

Card text is a few dozen Chinese characters, far too short for DEFLATE to find
repeats inside it: without help it only adds a few bytes. A preset dictionary
(zlib ``zdict``, the trick SPDY headers and Brotli use) gives the compressor
the words that project and contractor names in Zoucheng are made of, so a
phrase like "建设工程有限公司" (16 bytes) costs about 3 bytes as a back-reference.

The dictionary is part of wire format version 1: changing one character breaks
every card already printed, so a new dictionary needs a new format version.
Words are ordered rarest first because DEFLATE spends fewer bits on short
back-reference distances, i.e. on words near the end.
"""

from __future__ import annotations

import zlib

TEXT_ENCODING = "gb18030"

_DICTIONARY_WORDS = (
    # Large builders that work in the county.
    "中国建筑第八工程局中铁十局集团中铁十四局山东高速路桥",
    # Public-works project vocabulary.
    "高标准农田乡村振兴美丽乡村河道治理污水处理雨污分流供热管网供水管网燃气管网",
    "体育馆文化中心人民医院中医院卫生院实验小学中学幼儿园新校区",
    "物流园产业园工业园区经济开发区孟子湖新区",
    # The 16 townships of the county (shared data notes, township list).
    "钢山街道千泉街道凫山街道香城镇城前镇大束镇北宿镇中心店镇唐村镇太平镇"
    "石墙镇峄山镇看庄镇张庄镇田黄镇郭里镇",
    "保障性住房城中村改造老旧小区改造棚户区改造安置房安置小区住宅小区"
    "商住楼综合楼办公楼教学楼宿舍楼厂房车间",
    "道路桥梁公路大道市政园林绿化景观基础设施",
    "新建扩建改建提升改造维修一期二期三期标段",
    # Company-name endings, most frequent last.
    "房地产开发有限公司劳务有限公司园林绿化工程有限公司市政工程有限公司"
    "路桥工程有限公司建筑安装工程有限公司建筑工程有限公司建设工程有限公司"
    "建设集团有限公司建工集团有限公司股份有限公司有限责任公司",
    "工程施工建设工程建设项目项目部",
    "山东省济宁市邹城市",
)
PRESET_DICTIONARY = "".join(_DICTIONARY_WORDS).encode(TEXT_ENCODING)


# A 2 KiB window spans the dictionary plus any payload, so it compresses exactly
# as well as the default 32 KiB one while setting up several times faster (the
# fitting loop may compress a card forty times). Any raw-DEFLATE reader
# (wbits -15) reads it.
_WINDOW_BITS = 11
assert len(PRESET_DICTIONARY) + 512 <= 1 << _WINDOW_BITS


def deflate(data: bytes) -> bytes:
    """Raw DEFLATE (no zlib header or checksum: the signature already protects the bytes)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -_WINDOW_BITS, 8, zdict=PRESET_DICTIONARY)
    return compressor.compress(data) + compressor.flush()


def inflate(data: bytes, max_length: int) -> bytes:
    """Undo :func:`deflate`; raise ValueError on a broken stream or output over ``max_length``.

    The output cap keeps a hostile stream from expanding into megabytes.
    """
    decompressor = zlib.decompressobj(-15, zdict=PRESET_DICTIONARY)
    try:
        out = decompressor.decompress(data, max_length)
    except zlib.error as exc:
        raise ValueError(f"bad DEFLATE stream: {exc}") from None
    if decompressor.unconsumed_tail or decompressor.unused_data or not decompressor.eof:
        raise ValueError("DEFLATE stream is truncated, too long or followed by junk")
    return out
