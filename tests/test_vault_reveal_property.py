"""reveal(protect(x)) == x for generated documents, in a project of its own each time."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.vault_helpers import new_project

NAMES = ["Sergey Volkov", "Сергея Волкова", "Anna Petrova", "Игорь Сомов", "Oleg Markin", "Daniil"]
IDENTIFIERS = ["+7 912 345-67-89", "8 (922) 765-43-21", "a.gromov@yandex.ru", "@daniil_sor95", "4276 3800 1234 5679"]
FILLER = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
)  # any text, any script, odd spaces and newlines included
PIECES = st.one_of(st.sampled_from(NAMES), st.sampled_from(IDENTIFIERS), FILLER)
DOCUMENTS = st.lists(PIECES, min_size=1, max_size=12).map(" ".join)
_COUNTER = itertools.count()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=DOCUMENTS)
def test_reveal_of_protect_is_the_original(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    root: Path = tmp_path_factory.mktemp("prop") / f"p{next(_COUNTER)}"
    with new_project(root) as project:
        protected, document_id = project.protect_text(text)
        assert project.reveal_text(protected, reason="property test") == text
        assert b"".join(project.reveal(document_id, reason="property test")) == text.encode("utf-8")
