"""A pseudonym never points back at the person: no surrogate word is, or starts with, a real name word
("Roberts" for a real Robert Murray, "Иванов" for a real Иван)."""

import re

import pytest

from veil import Pipeline, Settings


@pytest.mark.parametrize(
    ("text", "lang", "real"),
    [
        ("Robert Murray called me. Robert said the summons came.", "en", ["robert", "murray"]),
        ("Anna Kovacs wrote to me; Anna was scared.", "en", ["anna", "kovacs"]),
        ("Позвонил Иван Петров. Иван сказал, что повестка пришла.", "ru", ["иван", "петров"]),
        ("Мне написала Мария Павлова. Мария боялась.", "ru", ["мари", "павлов"]),
    ],
)
def test_no_surrogate_word_starts_with_a_real_name(text: str, lang: str, real: list[str]) -> None:
    for seed in range(25):
        out = Pipeline(Settings(seed=seed)).protect_text(text, lang).text
        words = [w.lower() for w in re.findall(r"\w+", out)]
        hinted = [w for w in words for name in real if w.startswith(name[:4]) and len(w) > 3]
        assert not hinted, f"seed {seed}: {out!r}"


@pytest.mark.parametrize(
    ("origin", "gender", "real"),
    [
        ("ru", "f", ["Нина", "Павловна", "Кузьмина"]),  # kept by keys that fold case and gender
        ("ru", "m", ["Сергей", "Павлович", "Кузьмин"]),
        ("en", "m", ["Robert", "Murray"]),
    ],
)
def test_a_drawn_pseudonym_takes_no_real_name_word(origin: str, gender: str, real: list[str]) -> None:
    import random

    from veil.deciding.surrogates import choose_person
    from veil.linking.keys import latin_skeleton, name_token_key

    avoid = {name_token_key(word, origin) for word in real}
    for seed in range(300):
        record = choose_person(origin, gender, random.Random(seed), avoid, set())
        drawn = [record["first"], record["middle"], record["last"], record["first_lat"], record["last_lat"]]
        for word in drawn:
            assert name_token_key(word, origin) not in avoid, (seed, record)
            assert latin_skeleton(word) not in avoid, (seed, record)


@pytest.mark.parametrize(("real", "pool_word"), [("Robert Murray", "Roberts"), ("Robin Lee", "Robinson")])
def test_a_pool_surname_that_starts_with_a_real_first_name_is_never_drawn(real: str, pool_word: str) -> None:
    """A name key may fold the letters that make the hint ("Roberts" is keyed "roberc"): the plain spelling
    is checked too, so a real Robert never gets the surname Roberts, whatever the random draw."""
    from veil.deciding.surrogates import _english_surname_keyed, _unhinted, words_of
    from veil.reading.text import StringDocument

    pipeline = Pipeline(Settings(seed=1))
    document = StringDocument(f"{real} called me.")
    detections, _ = pipeline.detect(document, "en")
    avoid = words_of(pipeline.link(detections, document, "en"))
    assert pool_word in {latin for latin, _ in (item for item, _ in _english_surname_keyed())}
    assert pool_word not in {latin for latin, _ in _unhinted(_english_surname_keyed(), avoid)}
