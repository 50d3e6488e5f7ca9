"""HTML article pages: only text and leaking attributes change; the article is found without the menus."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from veil import Pipeline
from veil.reading import FORMATS
from veil.reading.article import article_blocks
from veil.writing.files import protect_file

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>How Daniil Sorokin left</title>
<meta name="author" content="Anna Smirnova"><meta name="viewport" content="width=device-width">
<meta property="og:description" content="Daniil Sorokin fled in September.">
<script type="application/ld+json">{"author": {"name": "Anna Smirnova"}, "headline": "How Daniil Sorokin left"}</script>
<script>var menu = ["Home", "News"];</script>
<style>.x { color: red }</style>
</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Moscow</li></ul></nav>
<article><h1>How Daniil left</h1>
<p>My son, <b>Dan</b>iil Sorokin, is 27. He is a second-year engineering student at the polytechnic, and he told us
everything about the day the summons came to our flat and the long road south.</p>
<p>On the 22nd a man from the draft office came to our flat and left a summons. Call +7 912 345-67-89 or see
<a href="https://vk.com/daniil.sorokin" title="Daniil Sorokin's page">his page</a>,
or write to daniil&#46;sorokin95&#64;mail.ru.</p>
<figure><img src="a.jpg" alt="Daniil Sorokin at the border"><figcaption>At the border.</figcaption></figure>
</article>
<aside>Read also: the Sorokin family story</aside>
<footer>© 2023 Site. <a href="/about">About us</a></footer></body></html>
"""
SECRETS = ("Daniil", "Sorokin", "Smirnova", "345-67-89", "vk.com/daniil")


class _Skeleton(HTMLParser):
    """The page's tags and attribute names, in order: what must not change."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append((tag, *(name for name, _ in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.items.append(("/" + tag,))


def skeleton(page: str) -> list[tuple[str, ...]]:
    parser = _Skeleton()
    parser.feed(page)
    return parser.items


@pytest.fixture(scope="module")
def protected(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("html")
    source = folder / "page.html"
    source.write_text(PAGE, encoding="utf-8")
    output = folder / "page.protected.html"
    protect_file(pipeline, source, output, reports=False)
    return PAGE, output.read_text(encoding="utf-8")


def test_structure_is_kept(protected: tuple[str, str]) -> None:
    before, after = protected
    assert skeleton(after) == skeleton(before)
    assert '<meta name="viewport" content="width=device-width">' in after
    assert '<script>var menu = ["Home", "News"];</script>' in after  # scripts are not text
    assert '<a href="/">Home</a>' in after
    assert "<li>Moscow</li>" in after


def test_identifiers_gone_from_text_attributes_and_metadata(protected: tuple[str, str]) -> None:
    _, after = protected
    for secret in SECRETS:
        assert secret not in after, secret
    assert "daniil&#46;sorokin95&#64;mail.ru" not in after  # an address hidden behind character references


def test_json_data_stays_valid(protected: tuple[str, str]) -> None:
    import json

    _, after = protected
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', after, re.S)
    assert data is not None
    assert set(json.loads(data.group(1))) == {"author", "headline"}


def test_boilerplate_is_searched_for_known_entities(protected: tuple[str, str]) -> None:
    _, after = protected
    aside = re.search(r"<aside>(.*?)</aside>", after)
    assert aside is not None
    assert "Read also: the " in aside.group(1)
    assert "Sorokin" not in aside.group(1)


def test_roles(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(PAGE, encoding="utf-8")
    units = list(FORMATS.get("html").read(path).units())
    roles = {u.text: u.role for u in units}
    assert roles["Home"] == "boilerplate"
    assert roles["How Daniil left"] == "body"
    assert roles["Anna Smirnova"] == "metadata"
    assert roles["https://vk.com/daniil.sorokin"] == "link"
    assert roles["Daniil Sorokin at the border"] == "alt"
    assert not any(u.text.startswith("var menu") or "color: red" in u.text for u in units)


def test_page_without_an_article_counts_everything_as_article() -> None:
    is_article = article_blocks("<p>Hi</p>")
    assert is_article("anything at all")


def test_declared_legacy_encoding_round_trips(tmp_path: Path, pipeline: Pipeline) -> None:
    page = (
        '<html><head><meta charset="windows-1251"></head>'
        "<body><p>Сергея Волкова задержали в сентябре.</p></body></html>"
    )
    source = tmp_path / "cp.html"
    source.write_bytes(page.encode("cp1251"))
    output = tmp_path / "cp.out.html"
    protect_file(pipeline, source, output, reports=False)
    after = output.read_bytes().decode("cp1251")
    assert "Волков" not in after
    assert after.startswith('<html><head><meta charset="windows-1251">')
