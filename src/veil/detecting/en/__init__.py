"""English detectors: Veil's own NER model and name rules."""

from veil.detecting.en import names, ner  # noqa: F401
