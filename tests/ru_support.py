"""Shared helpers for the Russian tests: a pipeline whose pseudonyms are fixed, so outputs are exact."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from veil import Pipeline, Settings

MAN = {
    "origin": "ru", "gender": "m", "first": "Иван", "first_lat": "Ivan", "middle": "Петрович",
    "middle_lat": "Petrovich", "last": "Григорьев", "last_lat": "Grigoryev", "dim": "Ваня", "dim_lat": "Vanya",
    "value": "Ivan Grigoryev", "family": "Григорьев", "named": "1",
}  # fmt: skip
WOMAN = {
    "origin": "ru", "gender": "f", "first": "Мария", "first_lat": "Mariya", "middle": "Олеговна",
    "middle_lat": "Olegovna", "last": "Соколова", "last_lat": "Sokolova", "dim": "Маша", "dim_lat": "Masha",
    "value": "Mariya Sokolova", "family": "Соколов", "named": "1",
}  # fmt: skip


class FixedMemory:
    """An entity memory that gives every man the same pseudonym and every woman another."""

    def __init__(self) -> None:
        self.gender = "m"

    def recall(self, type_: str, keys: Sequence[str]) -> Mapping[str, str] | None:
        return None

    def remember(self, type_: str, keys: Sequence[str], record: Mapping[str, str]) -> None:
        fixed = WOMAN if record.get("gender") == "f" else MAN
        if isinstance(record, dict):
            record.clear()
            record.update(fixed)

    def taken(self, type_: str) -> set[str]:
        return set()


@functools.cache
def fixed_pipeline() -> Pipeline:
    return Pipeline(Settings(seed=1), memory=FixedMemory())


def protect(text: str, lang: str = "ru") -> str:
    return fixed_pipeline().protect_text(text, lang=lang).text


def person_mentions(text: str, lang: str = "ru") -> list[list[str]]:
    """The mention texts of each person entity, entities in order of first mention."""
    analysis = fixed_pipeline().protect_text(text, lang=lang).analysis
    return [[m.text for m in e.mentions] for e in analysis.entities if e.type == "person"]
