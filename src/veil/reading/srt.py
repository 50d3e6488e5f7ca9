"""SubRip subtitles (``.srt``): every cue, its number and its timing kept; only the cue text changes.

The ``srt`` library parses and validates the file (a part that is not a cue is an error, not something
silently skipped); its own cue pattern gives where each cue's text sits in the file, so the protected
file is the original with the cue texts replaced and nothing else touched.
"""

from __future__ import annotations

from pathlib import Path

import srt

from veil.errors import ErrorCode, VeilError
from veil.reading.base import FORMATS, Document, Format
from veil.reading.pieces import Region, SourceDocument, decode_utf8, read_source
from veil.reading.subtitles import check_timing, cue_regions, line_number

_CONTENT_GROUP = 5  # the cue text in srt.SRT_REGEX


def _cues(path: Path, source: str) -> list[srt.Subtitle]:
    try:
        cues = list(srt.parse(source))
    except srt.SRTParseError as error:
        line = line_number(source, error.expected_start)
        raise VeilError(
            ErrorCode.INPUT_CORRUPT, f"{path}: not a valid SubRip file (cannot read it from line {line})"
        ) from None
    except ValueError:
        raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: not a valid SubRip file (a timing cannot be read)") from None
    if not cues:
        raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: no subtitle cues found")
    return cues


def regions(path: Path, source: str) -> list[Region]:
    """The units of a SubRip file: each cue's text, in order."""
    cues = _cues(path, source)
    found: list[Region] = []
    matches = list(srt.SRT_REGEX.finditer(source))
    if len(matches) != len(cues):
        raise VeilError(ErrorCode.INPUT_CORRUPT, f"{path}: the cues cannot be located reliably")
    for number, (cue, match) in enumerate(zip(cues, matches, strict=True), start=1):
        check_timing(path, number, cue.start, cue.end)
        found.extend(cue_regions(source, *match.span(_CONTENT_GROUP)))
    return found


class SubRip(Format):
    name = "srt"
    extensions = (".srt",)

    def read(self, path: Path) -> Document:
        source = decode_utf8(path, read_source(path))
        return SourceDocument(path, self.name, source, regions(path, source))


@FORMATS.register("srt")
def _factory() -> Format:
    return SubRip()
