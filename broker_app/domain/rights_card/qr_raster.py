"""A QR matrix as an 8-bit grayscale raster (black on white, with quiet zone).

For image output without a GUI toolkit (the channel server, tests): the
returned bytes are ``width * width`` pixels, row by row.
"""

from __future__ import annotations

from .qr import QrCode

QUIET_ZONE_MODULES = 4  # ISO 18004 asks for at least 4 light modules around the symbol


def grayscale_raster(
    code: QrCode, module_px: int = 4, quiet_zone: int = QUIET_ZONE_MODULES
) -> tuple[bytes, int]:
    """``(pixels, width)``: 0 for dark, 255 for light, each module ``module_px`` square."""
    if module_px < 1 or quiet_zone < 0:
        raise ValueError("module_px must be positive and quiet_zone not negative")
    width = (code.size + 2 * quiet_zone) * module_px
    light_line = b"\xff" * width
    margin = b"\xff" * (quiet_zone * module_px)
    pixel = (b"\xff" * module_px, b"\x00" * module_px)
    lines = [light_line] * (quiet_zone * module_px)
    for row in code.modules:
        line = margin + b"".join([pixel[module] for module in row]) + margin
        lines.extend([line] * module_px)
    lines.extend([light_line] * (quiet_zone * module_px))
    return b"".join(lines), width
