"""Which named units fought? An engagement for each unit reported in action with no count of its own.

Reads the units the article names and the combat words of their sentences ("the Rubizh Brigade is
destroying Russian positions near Kupiansk"), or of the footage or the sentence just before they speak of.
Decides the side attacked (the other side, or the unit's own when the other side struck it), the speaker,
the place and the day.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Document, Draft
from ..names.units import UnitHit
from ..readers.cues import COMBAT
from ..readers.dates import DAY
from ..readers.sentences import Sentence
from ..readers.sides import KP, RU, UA, opposite
from ..schema import Claim
from .location import nearest_place
from .speaker import claim_speaker

_GROUP_OPENER = re.compile(r"(?i)^(?:the|this|that)\s+(?:group|unit|crew|team|soldiers)\b")


class _Actor(NamedTuple):
    start: int
    side: str | None


def add_engagements(doc: Document) -> None:
    # A unit that a claim of its own sentence counts for has no engagement besides; one whose count was
    # carried to a later sentence ("The enemy lost up to 80 servicemen there") still may.
    counted = {d.claim.unit for d in doc.drafts if d.claim.unit and not d.unit_carried}
    seen: set[str] = set()
    found: list[Draft] = []
    footage: list[Sentence | None] = []  # the article's first sentence showing combat on footage, once read
    for unit in doc.units:
        if unit.name in counted or unit.name in seen or unit.rank < 2:
            continue
        index = doc.sentence_at(unit.start)
        if index < 0:
            continue
        sentence = doc.sentences[index]
        text = doc.text
        local = text[sentence.start : unit.start] + " " + text[unit.end : sentence.end]
        combat_sentence: Sentence | None = None
        if COMBAT.search(local):
            combat_sentence = sentence
        elif doc.flags[sentence.text, "footage"] and _footage_combat(doc, footage) is not None:
            combat_sentence = _footage_combat(doc, footage)
        elif index > 0 and _GROUP_OPENER.match(sentence.text):
            previous = doc.sentences[index - 1]
            if doc.flags[previous.text, "combat"]:
                combat_sentence = previous
        if combat_sentence is None:
            continue
        seen.add(unit.name)
        found.append(_engagement(doc, unit, sentence, combat_sentence))
    doc.drafts.extend(found)


def _footage_combat(doc: Document, kept: list[Sentence | None]) -> Sentence | None:
    if not kept:
        kept.append(
            next(
                (s for s in doc.sentences if doc.flags[s.text, "footage"] and doc.flags[s.text, "combat"]),
                None,
            )
        )
    return kept[0]


def _engagement(doc: Document, unit: UnitHit, sentence: Sentence, combat: Sentence) -> Draft:
    speaker = claim_speaker(doc, sentence)
    unit_side = unit.side or (speaker.side if speaker else None) or UA
    attacked: str | None = None
    verb = COMBAT.search(combat.text)
    verb_start = combat.start + verb.start() if verb else 0
    if verb:
        for mention in doc.sides[combat.index]:
            if (
                mention.start >= verb_start
                and not mention.locative
                and mention.side in (UA, RU, KP)
                and mention.side != unit_side
            ):
                attacked = mention.side
                break
    if verb and combat is sentence and unit.start > verb_start:
        # "Russian forces struck positions of the Ukrainian 41st brigade", "units of Battlegroup Sever
        # inflicted defeat on the 41st brigade": the unit is the one hit.
        actors = [
            _Actor(m.start, m.side)
            for m in doc.sides[combat.index]
            if m.start < verb_start and not m.locative and m.side in (UA, RU, KP)
        ]
        actors += [_Actor(u.start, u.side) for u in doc.units_in(sentence) if u.start < verb_start and u.side]
        if actors and max(actors).side != unit_side:
            attacked = unit_side
    if attacked is None:
        attacked = opposite(unit_side) or RU
    place = nearest_place(doc, sentence, None) or (
        nearest_place(doc, combat, None) if combat is not sentence else None
    )
    region = place.region if place else doc.region
    day = next((t.date for t in doc.times[sentence.index] if t.kind == DAY and t.date), doc.published)
    claimant_side = speaker.side if speaker and speaker.side else unit_side
    claim = Claim(
        category="engagement",
        equipment=None,
        value=None,
        value_max=None,
        qualifier="exact",
        subject_side=attacked,
        civilian=False,
        claimant=speaker.name if speaker else None,
        claimant_side=claimant_side,
        period="window",
        date=day,
        date_start=None,
        region=region,
        place=place.place if place else None,
        unit=unit.name,
        evidence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        claimant_raw=speaker.raw if speaker else None,
        region_raw=place.raw if place and place.region else None,
        place_raw=place.raw if place and place.place else None,
        unit_raw=unit.raw,
    )
    return Draft(claim, sentence, 2, bool(speaker and speaker.explicit), False, unit.start)
