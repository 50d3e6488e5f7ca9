"""Russian detectors: the slovnet NER model shipped with natasha, and name rules."""

from veil.detecting.ru import names, ner  # noqa: F401
