"""The names a sentence holds: the places, units and claimants it names.

Read per sentence (names do not run across sentences), so that a sentence met before is not scanned
again. Offsets are the sentence's own: the document moves them to the article's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..patterns import Caseless
from ..readers.cues import DATELINE
from .matcher import Hit
from .places import PlaceHit, find_places
from .registries import Registries
from .tokens import tokenize
from .units import UnitHit, find_units


class SentenceNames(NamedTuple):
    places: list[PlaceHit]
    units: list[UnitHit]
    claimants: list[Hit]


def names_in(text: str, registries: Registries) -> SentenceNames:
    """The places (those that are places here), units and claimants ``text`` names."""
    tokens = tokenize(text, registries.kept.tokens)
    places = find_places(text, tokens, registries)
    if places:
        places = [p for p in places if not _not_a_place(text, p)]
    return SentenceNames(
        places, find_units(text, tokens, registries), registries.claimant_matcher.find(tokens)
    )


# A capital named as an actor ("Kyiv's forces", "Moscow has deployed", "Moscow says") or as a speaker's
# seat ("the Defence Ministry in Moscow", "officials in Kyiv") is not where the claim happened.
_ACTOR_AFTER = re.compile(
    # ("Kyiv's forces", "Moscow's last official toll", "Kyiv's incursion": a capital's possessive is its
    # government's; "in Kyiv's Obolon district" is kept by the preposition before it.)
    r"(?:['’]s\s|"
    r"\s+(?:has|have|had|is|was|were|says|said|claims|claimed|believes|believed|reports|reported|announced|"
    r"estimates|estimated|deployed|sent|launched|lost|will|would|could|may|might|also|insists|insisted|"
    r"denies|denied|admits|admitted|accuses|accused|confirmed|confirms)\b)"
)
_SEAT_BEFORE = Caseless(
    re.compile(
        r"(?i)\b(?:ministry|staff|officials?|sources?|spokes(?:man|woman|person)|government|authorities|command|"
        r"headquarters|military|intelligence|embassy|correspondents?|reporters?|officers?)\s+(?:in|from)\s+$"
    )
)
_VESSEL = r"(?:submarine|ship|vessel|cruiser|frigate|corvette|destroyer|boat|tanker|tugboat|minesweeper)s?"
# A vessel named after a city ("the <city> submarine", "the cruiser <city>") is no place.
_VESSEL_AFTER = Caseless(
    re.compile(r"[\"'”’»]?\s+(?:(?:landing|patrol|missile|warship)\s+)?" + _VESSEL + r"\b", re.I)
)
_VESSEL_BEFORE = Caseless(re.compile(r"\b" + _VESSEL + r"\s+[\"'“‘«]?$", re.I))
_CAPITALS = frozenset({"kyiv", "kiev", "moscow", "pyongyang", "seoul", "washington", "minsk"})
_IN_BEFORE = Caseless(
    re.compile(
        r"(?i)\b(?:in|into|near|around|outside|over|on|at|to|toward|towards|from|of|across)\s+(?:the\s+)?$"
    )
)


_RIVER = re.compile(r"(?i)\bthe\s+$")

_ACCORDING_TO = re.compile(r"(?i)\baccording\s+to\s+$")

_CLOCK_AFTER = re.compile(r"\s+time\b")


def _not_a_place(s: str, hit: PlaceHit) -> bool:
    if hit.start < 60 and "(" in s[: hit.start + 80]:
        dateline = DATELINE.match(s)
        if dateline is not None and hit.end <= dateline.end():
            return True
    if _SEAT_BEFORE.search(s, max(0, hit.start - 40), hit.start):
        return True
    if _CLOCK_AFTER.match(s, hit.end):
        # "11 p.m. Moscow time": a clock, not a place.
        return True
    if hit.place and (
        _VESSEL_AFTER.match(s, hit.end) or _VESSEL_BEFORE.search(s, max(0, hit.start - 20), hit.start)
    ):
        return True
    if hit.raw.lower() == "dnipro" and _RIVER.search(s, max(0, hit.start - 5), hit.start):
        # "on the Dnipro", "across the Dnipro": the river (the city is never "the Dnipro").
        return True
    if hit.raw.lower() not in _CAPITALS:
        return False
    before = s[max(0, hit.start - 30) : hit.start]
    # ("according to Kyiv's military": "to" there is no direction.)
    return bool(_ACTOR_AFTER.match(s, hit.end)) and (
        not _IN_BEFORE.search(before) or _ACCORDING_TO.search(before) is not None
    )
