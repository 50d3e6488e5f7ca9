"""Removing metadata from images without touching their pixels.

Photos carry EXIF (camera serial number, GPS position, time, the owner's name), XMP and IPTC blocks
(author, caption, location) and comments. Re-encoding would strip them but lose quality; instead the
container is rewritten without those blocks: JPEG segments (APP1 Exif/XMP, APP3-APP13 including IPTC,
APP15, comments, and APP2 blocks that are not a colour profile), PNG chunks (``tEXt``, ``zTXt``,
``iTXt``, ``eXIf``, ``tIME``) and WebP chunks (``EXIF``, ``XMP ``). Colour profiles stay, so the picture
looks the same. Other formats return ``None`` so callers can say they were left alone.
"""

from __future__ import annotations

import struct

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROPPED = frozenset({b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"})
_JPEG_KEPT_APP = frozenset({0xE0, 0xE2, 0xEE})  # JFIF, ICC profile (checked below), Adobe colour transform
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_ICC = b"ICC_PROFILE\x00"
_WEBP_DROPPED = frozenset({b"EXIF", b"XMP "})
_VP8X_METADATA_FLAGS = 0x08 | 0x04


def strip_metadata(data: bytes) -> bytes | None:
    """``data`` without metadata, or ``None`` when the format is not one Veil can clean (or is damaged)."""
    try:
        if data.startswith(b"\xff\xd8"):
            return _jpeg(data)
        if data.startswith(_PNG_SIGNATURE):
            return _png(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp(data)
    except (IndexError, struct.error, ValueError):
        return None
    return None


def _jpeg(data: bytes) -> bytes:
    out = [data[:2]]
    position = 2
    while position < len(data):
        if data[position] != 0xFF:
            raise ValueError("not at a marker")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in _JPEG_STANDALONE:
            out.append(data[position : position + 2])
            position += 2
            continue
        if marker == 0xD9:  # end of image
            out.append(data[position:])
            break
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        segment = data[position : position + 2 + length]
        if len(segment) < 2 + length:
            raise ValueError("truncated segment")
        if marker == 0xDA:  # start of scan: the rest is image data
            out.append(data[position:])
            break
        if _keep_jpeg_segment(marker, segment[4:]):
            out.append(segment)
        position += 2 + length
    return b"".join(out)


def _keep_jpeg_segment(marker: int, payload: bytes) -> bool:
    if marker == 0xFE:  # comment
        return False
    if 0xE0 <= marker <= 0xEF:
        return marker in _JPEG_KEPT_APP and (marker != 0xE2 or payload.startswith(_ICC))
    return True


def _png(data: bytes) -> bytes:
    out = [data[:8]]
    position = 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            raise ValueError("truncated chunk")
        if kind not in _PNG_DROPPED:
            out.append(data[position:end])
        position = end
        if kind == b"IEND":
            break
    return b"".join(out)


def _webp(data: bytes) -> bytes:
    chunks = []
    position = 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        end = position + 8 + length + (length & 1)
        chunk = bytearray(data[position:end])
        if kind == b"VP8X" and len(chunk) > 8:
            chunk[8] &= ~_VP8X_METADATA_FLAGS & 0xFF
        if kind not in _WEBP_DROPPED:
            chunks.append(bytes(chunk))
        position = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body
