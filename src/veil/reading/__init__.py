"""Reading: turn a file into a Document of text units (one module per format)."""

from veil.reading import text as _text  # noqa: F401  (registers the built-in formats)
from veil.reading.base import FORMATS, Document, Format, TextUnit, apply_edits, format_for

__all__ = ["FORMATS", "Document", "Format", "TextUnit", "apply_edits", "format_for"]
