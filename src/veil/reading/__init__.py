"""Reading: turn a file into a Document of text units (one module per format)."""

from veil.reading import docx as _docx  # noqa: F401  (registers the built-in formats)
from veil.reading import html as _html  # noqa: F401
from veil.reading import srt as _srt  # noqa: F401
from veil.reading import text as _text  # noqa: F401
from veil.reading import vtt as _vtt  # noqa: F401
from veil.reading.base import FORMATS, SEARCH_ONLY_ROLES, Document, Format, TextUnit, apply_edits, format_for

__all__ = ["FORMATS", "SEARCH_ONLY_ROLES", "Document", "Format", "TextUnit", "apply_edits", "format_for"]
