"""English nationality, ethnicity, religion and native language: "a Swedish national", "a black woman",
"I am Chechen", "a practising Muslim", "Jehovah's Witnesses", "my native language is Tatar".

A nationality counts in the forms that describe a person ("a Turkish national", "of Nigerian origin",
"Polish-born"), not as an adjective of things ("Swedish courts"). An ethnic or religious word counts
before a word for people ("a Chechen woman": the span takes both, and the generalizer keeps "woman"),
as a predicate ("I am Orthodox"), or after "a"/"an" ("a Kurd"). Words for groups come from
``data/quasi/en_demographics.tsv``; nationalities from the country table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from veil.detecting.base import DETECTORS, Detector
from veil.detecting.en.places import countries
from veil.detecting.rules import Attrs, Rule, RuleDetector, alternation, fold, table
from veil.findings import Label
from veil.reference.places import gazetteer

PEOPLE = [
    "man",
    "men",
    "woman",
    "women",
    "boy",
    "boys",
    "girl",
    "girls",
    "family",
    "families",
    "people",
    "person",
    "persons",
    "origin",
    "descent",
    "background",
    "community",
    "minority",
    "activist",
    "activists",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "neighbour",
    "neighbor",
    "neighbours",
    "student",
    "students",
    "journalist",
    "teacher",
    "worker",
    "workers",
    "believer",
    "believers",
]


@functools.cache
def groups() -> dict[str, tuple[str, str]]:
    """Folded group word -> (fine type, risk key)."""
    return {fold(term): (type_, key) for term, type_, key in table("en_demographics.tsv")}


def _nationality(match: re.Match[str], text: str) -> Mapping[str, str] | None:
    name = fold(match.group("c"))
    iso = gazetteer().adjectives().get(name) or countries().get(name)
    return {"country": iso, "key": iso} if iso else None


def _group(form: str) -> Attrs:
    def attrs(match: re.Match[str], text: str) -> Mapping[str, str] | None:
        term = fold(match.group("g"))
        type_, key = groups().get(term, ("", ""))
        noun = (match.groupdict().get("noun") or "").strip()
        return {"group": key, "form": form, "noun": noun, "key": term} if type_ else None

    return attrs


def _rules() -> tuple[Rule, ...]:
    adjectives = alternation(c.adjective for c in gazetteer().countries.values())
    names = alternation(c.en.removeprefix("the ") for c in gazetteer().countries.values())
    nation = rf"(?P<c>{adjectives}|{names}|UK|US)"
    terms = {t for t in groups()}
    by_type = {t: alternation(w for w in terms if groups()[w][0] == t) for t in ("ethnicity", "religion")}
    people = "|".join(PEOPLE)
    rules = [
        Rule(
            "national",
            re.compile(rf"\b{nation}(?:\s+|-)(?:national|citizen|passport\s+holder)s?\b"),
            Label.DEM,
            "nationality",
            "a person's nationality",
            0.8,
            0,
            _nationality,
            trigger=re.compile(r"national|citizen|passport"),
            reach=50,
        ),
        Rule(
            "origin",
            re.compile(rf"\b(?:of|with)\s+(?P<span>{nation}\s+(?:origin|descent|nationality|citizenship|roots))\b"),
            Label.DEM,
            "nationality",
            "a person's origin",
            0.8,
            "span",
            _nationality,
            trigger=re.compile(r"origin|descent|nationality|citizenship|roots"),
            reach=50,
        ),
        Rule(
            "born",
            re.compile(rf"\b{nation}-born\b"),
            Label.DEM,
            "nationality",
            "where a person was born",
            0.75,
            0,
            _nationality,
            trigger=re.compile(r"-born\b"),
            reach=40,
        ),
        Rule(
            "language",
            re.compile(
                rf"(?i:\b(?:native|first|mother)\s+(?:language|tongue)\s+is\s+|native\s+speaker\s+of\s+|speaks?\s+)"
                rf"(?P<span>(?P<g>(?i:{by_type['ethnicity']})|{adjectives}))\b(?=\s+at\s+home|\s*[.,;]|\s+with)"
            ),
            Label.DEM,
            "language",
            "a person's native language",
            0.8,
            "span",
            _language,
            trigger=re.compile(r"language|tongue|speaker|speaks?\b"),
            reach=60,
        ),
    ]
    for type_, pattern in by_type.items():
        # Each of these rules holds one of the group words: they are looked for in lower-cased text, and
        # the rule's pattern tried only near them.
        group_word = re.compile(rf"(?i)\b(?:{pattern})")
        rules += [
            Rule(
                f"{type_}+person",
                re.compile(rf"(?i:\b(?P<g>{pattern})(?:\s+(?P<noun>{people})\b))"),
                Label.DEM,
                type_,
                f"a person's {type_}",
                0.8,
                0,
                _group("noun"),
                trigger=group_word,
                reach=60,
            ),
            Rule(
                f"{type_}-predicate",
                re.compile(
                    rf"(?i:\b(?:am|is|was|are|were|I'm|he's|she's|became|being)\s+(?:(?:a|an|devout|practising|"
                    rf"practicing)\s+)*)"
                    rf"(?P<span>(?i:(?P<g>{pattern}))(?:\s+by\s+(?:nationality|ethnicity|faith|religion))?)\b"
                ),
                Label.DEM,
                type_,
                f"a person's {type_}",
                0.75,
                "span",
                _group("predicate"),
                trigger=group_word,
                reach=80,
            ),
            Rule(
                f"a-{type_}",
                re.compile(
                    rf"(?i:\b(?P<span>(?:a|an)\s+(?:(?:devout|practising|"
                    rf"practicing)\s+)?(?P<g>{pattern})))(?=[,.;:)]|\s+(?:and|who|from|in|living|by|with)\b)"
                ),
                Label.DEM,
                type_,
                f"a person's {type_}",
                0.7,
                "span",
                _group("article"),
                trigger=group_word,
                reach=60,
            ),
        ]
    rules.append(Rule("witnesses", re.compile(r"\bJehovah[’']s\s+Witness(?:es)?\b"), Label.DEM, "religion",
                      "a person's religion", 0.8, 0, _witnesses))  # fmt: skip
    return tuple(rules)


def _witnesses(match: re.Match[str], text: str) -> Mapping[str, str]:
    return {"group": "jehovahs-witness", "form": "name", "noun": "", "key": "jehovah's witness"}


def _language(match: re.Match[str], text: str) -> Mapping[str, str]:
    return {"key": fold(match.group("g")), "form": "language"}


class EnglishDemographics(RuleDetector):
    name = "en.demographics"
    languages = frozenset({"en"})

    def rule_table(self) -> tuple[Rule, ...]:
        return _compiled()


@functools.cache
def _compiled() -> tuple[Rule, ...]:
    return _rules()


@DETECTORS.register(EnglishDemographics.name)
def _factory() -> Detector:
    return EnglishDemographics()
