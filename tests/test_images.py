"""Image metadata is removed without touching the picture."""

from __future__ import annotations

import struct

import pytest

from tests.docx_samples import png
from veil.reading.images import strip_metadata


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _jpeg() -> bytes:
    return (
        b"\xff\xd8"
        + _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + _segment(0xE1, b"Exif\x00\x00Artist=Sergey Volkov GPS=55.75,37.61")
        + _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:creator>Sergey Volkov</x:creator>")
        + _segment(0xE2, b"ICC_PROFILE\x00\x01\x01colour")
        + _segment(0xE2, b"MPF\x00second picture")
        + _segment(0xED, b"Photoshop 3.0\x00IPTC by-line Sergey Volkov")
        + _segment(0xFE, b"comment: Sergey Volkov")
        + _segment(0xDB, b"\x00" * 65)
        + _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + b"\x12\x34\xff\x00\x56"
        + b"\xff\xd9"
    )


def _webp() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")

    body = (
        b"WEBP"
        + chunk(b"VP8X", bytes([0x0C]) + b"\x00" * 9)
        + chunk(b"VP8 ", b"pixels")
        + chunk(b"EXIF", b"Sergey Volkov")
    )
    body += chunk(b"XMP ", b"<creator>Sergey Volkov</creator>")
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(
    ("image", "kept"),
    [
        (_jpeg(), [b"JFIF", b"ICC_PROFILE", b"\x12\x34\xff\x00\x56"]),
        (png({"Author": "Sergey Volkov", "Comment": "Sergey Volkov"}), [b"IHDR", b"IDAT", b"IEND"]),
        (_webp(), [b"VP8X", b"pixels"]),
    ],
)
def test_metadata_removed_pixels_kept(image: bytes, kept: list[bytes]) -> None:
    cleaned = strip_metadata(image)
    assert cleaned is not None
    assert b"Volkov" not in cleaned
    assert b"MPF" not in cleaned
    for part in kept:
        assert part in cleaned


def test_webp_flags_and_size_are_updated() -> None:
    cleaned = strip_metadata(_webp())
    assert cleaned is not None
    assert struct.unpack("<I", cleaned[4:8])[0] == len(cleaned) - 8
    assert cleaned[20] & 0x0C == 0


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a....",  # a format Veil does not clean: reported, not guessed at
        b"\xff\xd8\xff\xe1\xff\xff",  # a JPEG segment longer than the file
        b"not an image",
    ],
)
def test_unknown_or_damaged_images_are_left_to_the_caller(data: bytes) -> None:
    assert strip_metadata(data) is None
