"""English details of a person's life that narrow them down in a small town: the car they drive ("a grey
Lada", "his Toyota Camry") and the club or team they belong to or run ("I coach its chess club", "he
plays in the town's hockey team").

A make counts only where it stands for a car: after a determiner, a possessive or a colour word, and
not before "plant", "dealer" or "company" ("the Toyota plant" is an employer, found elsewhere), so
"Lada" the given name and "Mercedes" the person stay with the name detectors. A club counts when an
activity word stands before a word for a group; the generalizer keeps the group word and drops the
activity ("its chess club" becomes "its club").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from veil.detecting.rules import Rule, alternation, register_rules
from veil.findings import Label

MAKES = (
    "Lada", "Zhiguli", "Niva", "Moskvich", "UAZ", "GAZelle", "Kamaz", "Toyota", "Honda", "Nissan",
    "Mazda", "Mitsubishi", "Subaru", "Suzuki", "Lexus", "Hyundai", "Kia", "Daewoo", "Chevrolet", "Ford",
    "Opel", "Volkswagen", "VW", "Audi", "BMW", "Mercedes", "Mercedes-Benz", "Skoda", "Škoda", "Renault",
    "Peugeot", "Citroen", "Citroën", "Fiat", "Volvo", "Geely", "Chery", "Haval", "Tesla", "Jeep",
    "Land Rover", "Range Rover", "Porsche", "Daihatsu", "Infiniti", "Datsun", "SsangYong",
    "Priora", "Granta", "Kalina", "Vesta", "Largus", "Sobol",
)  # fmt: skip
# Models that name a car after their make with no other word around them: "Vehicle: Lada Priora".
MODELS = (
    "Priora", "Granta", "Kalina", "Vesta", "Largus", "Samara", "Niva", "Volga", "Gazelle", "Sobol", "Patriot",
    "Hunter", "Camry", "Corolla", "Octavia", "Rapid", "Fabia", "Solaris", "Polo", "Logan", "Sandero", "Duster",
    "Focus", "Rio", "Nexia", "Matiz", "Lanos", "Cobalt",
)  # fmt: skip
COLOURS = (
    "white", "black", "grey", "gray", "silver", "red", "blue", "green", "yellow", "brown", "beige", "dark",
    "light", "old", "new", "battered", "rusty", "rented", "little", "second-hand", "used",
)  # fmt: skip
ACTIVITIES = (
    "chess", "draughts", "checkers", "football", "soccer", "hockey", "ice hockey", "basketball", "volleyball",
    "handball", "boxing", "wrestling", "judo", "karate", "sambo", "taekwondo", "fencing", "swimming",
    "athletics", "running", "cycling", "ski", "skiing", "biathlon", "gymnastics", "dance", "dancing",
    "ballet", "drama", "theatre", "theater", "choir", "singing", "music", "art", "painting", "photography",
    "film", "cinema", "poetry", "literature", "book", "debate", "debating", "robotics", "programming",
    "maths", "math", "chemistry", "physics", "history", "hiking", "climbing", "mountaineering", "tourism",
    "orienteering", "shooting", "archery", "rowing", "sailing", "tennis", "table tennis", "badminton",
    "rugby", "baseball", "cricket", "bridge", "knitting", "sewing", "gardening", "radio", "aviation",
    "parachuting", "motorcycle", "biker", "fishing", "hunting", "scout", "scouting", "veterans",
)  # fmt: skip
GROUPS = ("club", "clubs", "team", "teams", "society", "circle", "section", "ensemble", "troupe", "choir", "group")
# The determiner and colour words belong to the span (so it outgrows a model's one-word guess at the make
# and the generalizer can write them back); a possessive name ("Oleg's") stays outside it.
_DETERMINER = r"(?i:a|an|the|my|his|her|their|our|your|its|this|that)"
_COLOURS = rf"(?:(?i:{alternation(COLOURS)})\s+){{0,2}}"
_CAR_CONTEXT = rf"(?:(?<![\w'’]){_DETERMINER}\s+{_COLOURS}|(?<=['’]s\s){_COLOURS})"
# Makes that are also a river or an animal ("the Volga", "a gazelle"): a car only when someone owns it or
# it has a colour ("his old grey volga").
OWNED_MAKES = ("Volga", "Gazel", "Gazelle")
_OWNED_CONTEXT = (
    rf"(?:(?<![\w'’])(?i:my|his|her|their|our|your)\s+{_COLOURS}|(?<=['’]s\s){_COLOURS}"
    rf"|(?<![\w'’])(?i:a|an|the)\s+(?:(?i:{alternation(COLOURS)})\s+){{1,2}})"
)
# In a lower-case transcript the make is lower case too ("his lada").
_MAKE = rf"(?:{alternation(MAKES)}|(?<=[a-z]\s)(?:{alternation(m.lower() for m in MAKES)}))"
_OWNED_MAKE = rf"(?:{alternation(OWNED_MAKES)}|(?<=[a-z]\s)(?:{alternation(m.lower() for m in OWNED_MAKES)}))"
_NOT_A_CAR = r"(?!\s+(?:plant|factory|dealer|dealership|company|corporation|group|motors|works|office|headquarters)\b)"
_MODEL = r"(?:\s+(?:[A-Z][a-z]+\d*|\d{2,4}|[A-Z]{1,3}\d+|[A-Z]\d+[a-z]*)(?=[\s,.;:!?)]|$))?"


def _vehicle(match: re.Match[str], text: str) -> Mapping[str, str]:
    car = match.group("car")
    make = "owned" if "owned" in match.groupdict() and match.group("owned") else "make"
    before = car[: match.start(make) - match.start("car")]
    return {"make": match.group(make), "before": before, "key": " ".join(match.group(make).lower().split())}


def _activity(match: re.Match[str], text: str) -> Mapping[str, str]:
    return {"group": match.group("g"), "key": " ".join(match.group("a").lower().split())}


RULES = (
    Rule(
        "vehicle-make",
        re.compile(
            rf"(?P<car>{_CAR_CONTEXT}(?P<make>{_MAKE}){_MODEL}|{_OWNED_CONTEXT}(?P<owned>{_OWNED_MAKE}))\b{_NOT_A_CAR}"
        ),
        Label.MISC,
        "vehicle",
        "the make of a car a person drives",
        0.9,
        "car",
        _vehicle,
        # (in lower case: the rules look for it in lower-cased text, several times faster)
        trigger=re.compile(rf"(?i)\b(?:{alternation(m.lower() for m in MAKES + OWNED_MAKES)})"),
        reach=60,
    ),
    Rule(
        "vehicle-make-model",
        re.compile(rf"(?<![\w'’-])(?P<car>(?P<make>{alternation(MAKES)})\s+(?:{alternation(MODELS)}))(?![\w'’-])"),
        Label.MISC,
        "vehicle",
        "a car's make and model",
        0.9,
        "car",
        _vehicle,
        trigger=re.compile(alternation(MODELS)),
        reach=40,
    ),
    Rule(
        "club",
        re.compile(
            rf"(?i:\b(?P<a>(?:{alternation(ACTIVITIES)})(?:\s+and\s+(?:{alternation(ACTIVITIES)}))?)\s+"
            rf"(?P<g>{alternation(GROUPS)})\b)"
        ),
        Label.MISC,
        "activity",
        "a club or team the person belongs to or runs",
        0.7,
        0,
        _activity,
        trigger=re.compile(r"(?i)club|team|society|circle|section|ensemble|troupe|choir|group"),
        reach=50,
    ),
)


EnglishActivities = register_rules("en.activities", {"en"}, RULES)
