"""Whose victims? Whether a figure counts civilians, and whose civilians they are.

Reads the figure's counted noun, the sentence's words and its places. Civilians are named as such
("residents", "children") or are "people" killed or wounded in a sentence that names no soldiers.
They are the side of the place they were hit in (a Ukrainian city's, a Russian region's); failing a place,
the side opposite the attacker the sentence names ("a Russian missile"); failing that, the claimant's (a
governor counts the residents of his region).
"""

from __future__ import annotations

import re

from ..document import Document, Speaker
from ..patterns import Caseless
from ..readers.numbers import Figure
from ..readers.sentences import Sentence
from ..readers.sides import RU, UA, opposite
from ..readers.words import CIVILIANS, KILLED, PERSONNEL, WOUNDED, Noun
from ..schema import Category
from .location import nearest_place

_VICTIM_CATEGORIES = (
    Category.KILLED.value,
    Category.WOUNDED.value,
    Category.CASUALTIES.value,
    Category.CAPTURED.value,
)

_PEOPLE = Caseless(re.compile(r"(?i)^(?:people|persons?|m[ae]n)$"))

# People "lost" or "eliminated" are soldiers; a strike kills or wounds.
_STRUCK_DOWN = (Category.KILLED.value, Category.WOUNDED.value)

# A sentence that counts soldiers or losses is about a battle or a tally, not a strike on a town.
_SOLDIERS = Caseless(
    re.compile(
        r"(?i)\b(?:soldiers?|troops|servicem[ae]n|service\s*members?|military\s+personnel|fighters|militants|"
        r"mercenaries|invaders|occupiers|marines|paratroopers|conscripts|personnel|losses|enemy|combat|units?|"
        r"brigades?|battalions?|regiments?|front|armed\s+forces|fought|served)(?![\w-])"
    )
)


# Who counts a strike's victims rather than soldiers: regional and city authorities, prosecutors,
# police and rescuers.
_CIVIL_AUTHORITY = Caseless(
    re.compile(
        r"(?i)\b(?:(?:regional|city|district)\s+(?:military\s+)?administration|governor|mayor|head\s+of|"
        r"installed|authorities|prosecut\w*|police|emergency|rescuers|health\s+ministry|ombudsman|"
        r"commissioner)\b"
    )
)


def is_civilian(
    doc: Document, sentence: Sentence, noun: Noun, category: str, speaker: Speaker | None = None
) -> bool:
    """Whether the figure counting ``noun`` counts civilians (only victims can be)."""
    if category not in _VICTIM_CATEGORIES:
        return False
    if noun.kind == CIVILIANS:
        return True
    if category not in _STRUCK_DOWN:
        return False
    if noun.kind in (KILLED, WOUNDED) or noun.start == noun.end:
        # "reported three dead and seven wounded": bare victims are civilians when a civil authority
        # counts them and the sentence names no soldiers.
        if speaker is None or not _CIVIL_AUTHORITY.search(speaker.name or speaker.raw):
            return False
        return _SOLDIERS.search(sentence.text) is None
    if noun.kind != PERSONNEL or not _PEOPLE.match(doc.text[noun.start : noun.end]):
        return False
    # "One person was killed and three were injured in the district": war reporting names soldiers as
    # soldiers; people killed or hurt where none are named are a strike's victims.
    return _SOLDIERS.search(sentence.text) is None


def civilian_side(
    doc: Document, sentence: Sentence, figure: Figure, noun: Noun, speaker: Speaker | None
) -> str:
    """Whose civilians: named with them, of the place they were hit in, opposite the attacker, or the
    claimant's."""
    if noun.start < figure.start:
        # "The number of people killed by a Russian missile reached 40": the noun's own words only.
        lo, hi = max(sentence.start, noun.start - 25), noun.end
    else:
        lo, hi = figure.start, max(figure.end, noun.end)
    dateline_start, dateline_end = doc.dateline
    mentions = [
        m
        for m in doc.sides[sentence.index]
        if not m.locative and m.side in (UA, RU) and not dateline_start <= m.start < dateline_end
    ]
    named = [m for m in mentions if lo <= m.start < hi]
    if named:
        return named[0].side
    place = _place_near(doc, sentence, figure)
    if place in (UA, RU):
        return place
    attacker = next((m.side for m in mentions if not lo <= m.start < hi), None)
    if attacker is not None:
        return opposite(attacker) or UA
    if speaker is not None and speaker.side in (UA, RU):
        return speaker.side
    return UA


def _place_near(doc: Document, sentence: Sentence, figure: Figure) -> str | None:
    """The country of the place named nearest the figure in its sentence, if it names one."""
    place = nearest_place(doc, sentence, figure)
    if place is None or place.region is None:
        return None
    region = doc.registries.region_by_name.get(place.region)
    return region.country if region is not None else None
