"""HTML article pages (``.html``): the text protected, the page otherwise exactly as it was.

The page is tokenised with the standard library's ``HTMLParser``, which reports where every tag, text
node and character reference starts, so each unit is a set of spans of the original source (see
:mod:`veil.reading.pieces`): only text nodes and the attribute values that leak are rewritten, and
every tag, attribute, script and byte of white space elsewhere stays as it was.

Units:
- one per block of text (a paragraph, heading, list item, table cell ...), inline tags such as ``<b>``
  and ``<a>`` joined, so a name split by markup is still found. Blocks that are the article (found by
  :mod:`veil.reading.article`) have role ``body``; the site's navigation, menus and footers have role
  ``boilerplate``: detectors skip them (no over-masking of the menu), but every entity found in the
  article is still searched for and replaced there;
- the ``<title>`` and the ``content`` of ``<meta>`` tags that describe the page (author, description,
  Open Graph and Twitter cards ...), role ``metadata``;
- attributes people read or follow: ``alt``, ``title``, ``aria-label``, ``aria-description``
  (role ``alt``) and link targets (``href`` of ``<a>``, ``<area>`` and ``<link rel=author>``, role
  ``link``), where profile links, e-mail addresses and phone numbers hide;
- JSON data blocks (``<script type="application/ld+json">``, which carry the author's name), role
  ``metadata``. Other scripts and styles are not text and are left alone.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from veil.errors import ErrorCode, VeilError
from veil.reading.article import article_blocks
from veil.reading.base import FORMATS, Document, Format
from veil.reading.pieces import Piece, Region, SourceDocument, read_source

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "head",
        "option",
        "select",
        "button",
        "label",
        "legend",
    ]
)
_RAW = frozenset({"script", "style", "template", "noscript", "textarea", "svg", "math"})
_TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "aria-description"})
_LINK_TAGS = frozenset({"a", "area"})
_TECHNICAL_META = frozenset(
    [
        "viewport",
        "charset",
        "robots",
        "googlebot",
        "generator",
        "theme-color",
        "color-scheme",
        "format-detection",
        "referrer",
        "og:type",
        "og:locale",
        "og:image:width",
        "og:image:height",
        "twitter:card",
        "msapplication-tilecolor",
        "apple-mobile-web-app-capable",
        "application-name",
    ]
)
_JSON_TYPES = frozenset({"application/ld+json", "application/json"})
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s/>"'=]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s"'=<>`]+))""",
    re.DOTALL,
)
_SPACE = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def _json_string(text: str) -> str:
    """Replacement text as it can sit inside a JSON string in a script (no quote or ``</script>``)."""
    return json.dumps(text, ensure_ascii=False)[1:-1].replace("</", "<\\/")


def _line_starts(source: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\n|\r", source))
    return starts


class _Tokenizer(HTMLParser):
    """Cuts a page into regions (see the module docstring); ``regions`` is the result."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.regions: list[Region] = []
        self._lines = _line_starts(source)
        self._block: list[Piece] = []
        self._raw: str | None = None
        self._raw_json = False
        self._pre = 0

    def _position(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    # -- text -----------------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        start = self._position()
        if self._raw is not None:
            if self._raw_json and data.strip():
                self.regions.append(Region("metadata", (Piece(start, start + len(data), data),), _json_string))
            return
        text = data if self._pre else _SPACE.sub(" ", data)
        self._block.append(Piece(start, start + len(data), text))

    def _reference(self, raw: str) -> None:
        start = self._position()
        if self._raw is None and self.source.startswith(raw, start):
            self._block.append(Piece(start, start + len(raw), html.unescape(raw)))

    def handle_entityref(self, name: str) -> None:
        raw = f"&{name};" if self.source.startswith(f"&{name};", self._position()) else f"&{name}"
        self._reference(raw)

    def handle_charref(self, name: str) -> None:
        raw = f"&#{name};" if self.source.startswith(f"&#{name};", self._position()) else f"&#{name}"
        self._reference(raw)

    # -- tags -----------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, dict(attrs))
        if tag in BLOCKS or tag in _RAW or tag == "title":
            self.flush()
        if tag in _RAW:
            self._raw = tag
            self._raw_json = tag == "script" and (dict(attrs).get("type") or "").strip().lower() in _JSON_TYPES
        elif tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, dict(attrs))
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self._raw is not None:
            if tag == self._raw:
                self._raw = None
            return
        if tag == "title":
            self.flush(role="metadata")
        elif tag in BLOCKS:
            self.flush()
        if tag == "pre" and self._pre:
            self._pre -= 1

    def flush(self, role: str = "body") -> None:
        if self._block:
            self.regions.append(Region(role, tuple(self._block)))
            self._block = []

    # -- attributes -----------------------------------------------------------------------------------

    def _attributes(self, tag: str, attrs: dict[str, str | None]) -> None:
        raw = self.get_starttag_text() or ""
        start = self._position()
        for match in _ATTRIBUTE.finditer(raw, len(tag) + 1):
            name = match.group("name").lower()
            role = _attribute_role(tag, name, attrs)
            if role is None:
                continue
            group = next(g for g in ("dq", "sq", "uq") if match.group(g) is not None)
            value = match.group(group)
            if value.strip():
                begin = start + match.start(group)
                self.regions.append(Region(role, (Piece(begin, begin + len(value), html.unescape(value)),)))


def _attribute_role(tag: str, name: str, attrs: dict[str, str | None]) -> str | None:
    """The role of an attribute's value as a unit, or ``None`` when it is not text that can leak."""
    if name in _TEXT_ATTRIBUTES:
        return "alt"
    if name == "href" and (tag in _LINK_TAGS or (tag == "link" and "author" in (attrs.get("rel") or "").lower())):
        return "link"
    if tag == "meta" and name == "content":
        kind = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").strip().lower()
        return "metadata" if kind and kind not in _TECHNICAL_META else None
    return None


def decode_page(path: Path, data: bytes) -> tuple[str, str]:
    """The page's text and its encoding: UTF-8 unless a ``<meta charset>`` says otherwise."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise VeilError(
            ErrorCode.INPUT_NOT_UTF8, f"{path}: the page is neither UTF-8 nor valid in its declared encoding"
        ) from None


def page_regions(source: str, is_article: Callable[[str], bool]) -> Iterator[Region]:
    """The page's regions, body blocks outside the article marked ``boilerplate``."""
    tokenizer = _Tokenizer(source)
    tokenizer.feed(source)
    tokenizer.close()
    tokenizer.flush()
    for region in tokenizer.regions:
        if region.role == "body" and not is_article(region.text):
            yield Region("boilerplate", region.pieces)
        else:
            yield region


class HtmlPage(Format):
    name = "html"
    extensions = (".html", ".htm", ".xhtml")

    def read(self, path: Path) -> Document:
        source, encoding = decode_page(path, read_source(path))
        if "\x00" in source[:8192]:
            raise VeilError(ErrorCode.INPUT_BINARY, f"{path}: looks like a binary file, not a web page")
        regions = list(page_regions(source, article_blocks(source)))
        escape: Callable[[str], str] = html.escape
        return SourceDocument(path, self.name, source, regions, encoding=encoding, escape=escape)


@FORMATS.register("html")
def _factory() -> Format:
    return HtmlPage()
