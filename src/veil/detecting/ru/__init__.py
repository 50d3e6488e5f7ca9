"""Russian detectors: the slovnet NER model shipped with natasha, name rules, and quasi-identifier rules
(one module per kind)."""

from veil.detecting.ru import (  # noqa: F401
    activities,
    ages,
    appearance,
    dates,
    demographics,
    events,
    family,
    health,
    institutions,
    names,
    ner,
    occupations,
    places,
    politics,
    spoken_numbers,
)
