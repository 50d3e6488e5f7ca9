"""English detectors: Veil's own NER model, name rules, and quasi-identifier rules (one module per kind)."""

from veil.detecting.en import (  # noqa: F401
    activities,
    ages,
    appearance,
    dates,
    demographics,
    events,
    family,
    health,
    institutions,
    military,
    names,
    ner,
    occupations,
    places,
    politics,
)
