"""Usernames, messenger handles and links to personal profiles.

``@name`` handles, links to social-network and messenger profiles (direct identifiers), a username after
a word such as "Telegram:" or "ник", and other web addresses (quasi-identifiers: a link can lead to a
person's page, so it is flagged, but as a weaker signal).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from veil.detecting.base import DETECTORS, Detector, found
from veil.detecting.patterns.spoken import DIGIT_WORDS
from veil.detecting.rules import caseless_starts
from veil.findings import Detection, Kind, Label, Passage, Why

PROFILE_DOMAINS = (
    r"t\.me|telegram\.me|vk\.com|vk\.ru|ok\.ru|instagram\.com|facebook\.com|fb\.com|m\.facebook\.com|"
    r"twitter\.com|x\.com|linkedin\.com|tiktok\.com|youtube\.com/@|github\.com|livejournal\.com|"
    r"[\w-]+\.livejournal\.com|threads\.net|mastodon\.social|bsky\.app|wa\.me|signal\.me|habr\.com/ru/users|"
    r"my\.mail\.ru|dzen\.ru|zen\.yandex\.ru|medium\.com/@|soundcloud\.com|behance\.net|pinterest\.com"
)
_TRAILING = ".,;:!?)»”\"'"
_PROFILE = re.compile(
    rf"(?i)(?<![\w.])(?:https?://)?(?:www\.)?(?:{PROFILE_DOMAINS})\s?/\s?[\w.\-@/?=&%+#~]+",
)
_URL = re.compile(r"(?i)(?<![\w@])(?:https?://|www\.)[^\s<>\"«»]+")
# What every profile link and web address contains: when a passage has none, those patterns, which try
# every position, are not run.
_PROFILE_MARK = re.compile(r"(?i)\.(?:me|ru|com|net|social|app)\s?/")
_URL_MARK = re.compile(r"(?i)://|www\.")
_HANDLE = re.compile(r"(?<![\w@.])@\s?[A-Za-z0-9_][A-Za-z0-9_.]{1,31}(?<!\.)")
_KEYWORD = (
    r"\b(?:жж|livejournal|lj|telegram|телеграм\w*|телеге|телега|tg|тг|ник\w*|nickname|nick|username|"
    r"user ?name|логин\w*|"
    r"login|skype|скайп\w*|signal|сигнал\w*|instagram|инстаграм\w*|insta|инсте|vk|вк|twitter|твиттер\w*|"
    r"viber|вайбер\w*|whatsapp|ватсап\w*|вотсап\w*|вацап\w*)"
)
# Both keyword patterns start at a keyword: the keywords are looked for once, in lower-case text, and
# the patterns tried only there.
_KEYWORDS = re.compile("(?i)" + _KEYWORD)
_KEYWORDS_LOWER = re.compile(_KEYWORD)
_CONTEXT_HANDLE = re.compile(
    "(?i)" + _KEYWORD + r"(?P<sep>\s*(?:[:\-—]|\bis\b|\bэто\b)?\s*)[«\"']?"
    r"(?P<handle>@?[A-Za-z][A-Za-z0-9_.]{2,31})(?<!\.)",
)
# A username spelled out with spaces after such a keyword ("ник — s a s h a _ v o l k o v").
_SPACED_HANDLE = re.compile(
    _CONTEXT_HANDLE.pattern.split("(?P<handle>")[0] + r"(?P<handle>(?:[A-Za-z0-9_.] ){3,}[A-Za-z0-9_.])"
)
# A username read aloud, its underscores in words ("nadya underscore k sixty nine").
_SPOKEN_HANDLE = re.compile(
    rf"(?i)(?<![\w@])@?[^\W_][\w.]*(?:\s+underscore\s+[^\W_][\w.]*)+(?:\s+{DIGIT_WORDS})?(?![\w-])"
)
_WHY_PROFILE = Why("pattern.handle", "profile-link", 0.95, "a link to a personal profile")
_WHY_HANDLE = Why("pattern.handle", "at-handle", 0.9, "an @username")
_WHY_CONTEXT = Why("pattern.handle", "username-after-keyword", 0.8, "a username named by a messenger keyword")
# A word in Latin letters with an underscore ("Tkachuk_V", "grom_lesha88") is a username wherever it
# stands: people do not write anything else that way in a testimony.
_UNDERSCORED = re.compile(r"(?<![\w@./])[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9_.]*[A-Za-z0-9](?![\w@])")
_WHY_UNDERSCORED = Why("pattern.handle", "underscored-name", 0.7, "a word written like a username")
_WHY_SPOKEN = Why("pattern.handle", "spoken-username", 0.8, "a username with its underscores in words")
_WHY_URL = Why("pattern.handle", "web-address", 0.6, "a web address that may lead to a person")
_COMMON_WORDS = frozenset({"the", "and", "was", "but", "not", "is", "are", "has", "had", "for", "you", "him", "her"})


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


class HandleDetector(Detector):
    name = "pattern.handle"

    def detect(self, passage: Passage) -> list[Detection]:
        text = passage.text
        results: list[Detection] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, label: Label, kind: Kind, type_: str, why: Why) -> None:
            if end - start < 2 or any(s < end and start < e for s, e in taken):
                return
            taken.append((start, end))
            results.append(found(passage, start, end, label=label, kind=kind, type=type_, why=why))

        for m in _PROFILE.finditer(text) if _PROFILE_MARK.search(text) else ():
            add(m.start(), _trim(text, m.start(), m.end()), Label.CODE, Kind.DIRECT, "profile-url", _WHY_PROFILE)
        for m in _URL.finditer(text) if _URL_MARK.search(text) else ():
            add(m.start(), _trim(text, m.start(), m.end()), Label.MISC, Kind.QUASI, "url", _WHY_URL)
        if "@" in text:
            for m in _HANDLE.finditer(text):
                add(m.start(), m.end(), Label.PERSON, Kind.DIRECT, "handle", _WHY_HANDLE)
        keywords = caseless_starts(_KEYWORDS_LOWER, _KEYWORDS, text)
        for m in _matches_from(_SPACED_HANDLE, text, keywords):
            add(m.start("handle"), m.end("handle"), Label.PERSON, Kind.DIRECT, "handle", _WHY_CONTEXT)
        if "nderscore" in text:
            for m in _SPOKEN_HANDLE.finditer(text):
                if m.group().split()[0].lower() in _COMMON_WORDS | {"a", "an", "this", "that"}:
                    continue  # "the underscore key" speaks of the character
                add(m.start(), m.end(), Label.PERSON, Kind.DIRECT, "handle", _WHY_SPOKEN)
        for m in _matches_from(_CONTEXT_HANDLE, text, keywords):
            handle = m.group("handle")
            looks_made_up = any(ch.isdigit() or ch in "_." for ch in handle) or handle.startswith("@")
            # After a Russian keyword ("ник", "ЖЖ", "телеграм"), a word in Latin letters is the username.
            after_russian = not m.group(0)[:1].isascii()
            if handle.lower() in _COMMON_WORDS or not (looks_made_up or m.group("sep").strip() or after_russian):
                continue
            add(m.start("handle"), m.end("handle"), Label.PERSON, Kind.DIRECT, "handle", _WHY_CONTEXT)
        if "_" in text:
            for m in _UNDERSCORED.finditer(text):
                add(m.start(), m.end(), Label.PERSON, Kind.DIRECT, "handle", _WHY_UNDERSCORED)
        return results


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only start at one of ``starts`` (in order)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


@DETECTORS.register(HandleDetector.name)
def _factory() -> Detector:
    return HandleDetector()
