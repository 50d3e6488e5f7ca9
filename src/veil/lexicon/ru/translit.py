"""Russian names in Latin letters: the spellings people and standards actually use.

A testimony written in Russian may spell a name in Latin letters (chats, e-mail, a passport), and its
English translation always does, in one of several schemes: Wikipedia's (Sergey, Yuliya), ICAO's used in
passports (Sergei, Iuliia), the Moscow metro's (Sergey, Elkina), GOST 7.79 (Sergej) or BGN/PCGN. Keys
fold all of them to one skeleton (:func:`veil.linking.keys.latin_skeleton`); propagation searches for
each of them literally, so it needs the list.
"""

from __future__ import annotations

import functools

import iuliia

SCHEMES = (iuliia.WIKIPEDIA, iuliia.ICAO_DOC_9303, iuliia.MOSMETRO, iuliia.GOST_7034, iuliia.BGN_PCGN)


def to_latin(cyrillic: str) -> str:
    """The usual English spelling of a Russian name (Wikipedia's romanisation)."""
    return str(iuliia.WIKIPEDIA.translate(cyrillic))


@functools.lru_cache(maxsize=16_384)
def latin_spellings(cyrillic: str) -> frozenset[str]:
    """Every ASCII spelling of ``cyrillic`` under the common transliteration schemes."""
    found = {str(scheme.translate(cyrillic)) for scheme in SCHEMES}
    return frozenset(s.replace("'", "").replace("’", "") for s in found if s.isascii())
