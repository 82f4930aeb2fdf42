"""How many of a raid were brought down? The launched and intercepted figures of an air-defence report.

Reads a sentence's figures and the words between them. An air-defence report gives the part it brought
down and the whole that was fired as one phrase: "38 drones out of 51", "six of the eight Shaheds Russia
sent", "Of 72 drones launched, 55 were destroyed". Decides which figure is the part (intercepted) and which
the whole (launched); the two count the same side's weapons. Reports also state the part by the whole:
"all but four of the drones" and "both missiles" were brought down, which gives the figure a reader takes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from ..document import Document, Draft
from ..patterns import Caseless
from ..readers.numbers import Figure
from ..readers.sentences import Sentence
from ..readers.sides import RU, UA, opposite

PART = "part"
WHOLE = "whole"

# "38 drones out of 51", "six of the eight", "26 of 28": the part, a word or three, then the whole.
_PART_OF = re.compile(r"(?i)^\s+(?:[\w-]+\s+){0,3}?(?:out\s+of|of)\s+(?:the\s+|a\s+total\s+of\s+|some\s+)?$")
# "Of 72 drones Russia launched overnight, ... 55 were destroyed": the whole first.
_OF_BEFORE = re.compile(r"(?i)(?:^|[,;:]\s*)(?:out\s+of|of)\s+(?:the\s+|a\s+total\s+of\s+)?$")
_BROUGHT_DOWN_AFTER = Caseless(
    re.compile(
        r"(?i)^\s+(?:of\s+them\s+|of\s+those\s+)?(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?"
        r"(?:shot\s+down|downed|destroyed|intercepted|neutrali[sz]ed|brought\s+down|suppressed)"
    )
)
_ALL_BUT = Caseless(re.compile(r"(?i)\ball\s+but\s+$"))
_INTERCEPT_WORDS = Caseless(
    re.compile(
        r"(?i)\b(?:shot\s+down|shoot\s+down|downed|down|destroyed|intercepted|intercept|neutrali[sz]ed|"
        r"brought\s+down|bring\s+down|suppressed|stopped|neutralised|neutralized)\b"
    )
)
# "both missiles were destroyed", "every one was brought down", "all of them were shot down".
# One of these is in every ``WHOLE_DOWN`` match: sentences without any are not searched.
_WHOLE_WORDS = ("both", "one", "all of")
_DOWN = r"(?:shot\s+down|downed|destroyed|intercepted|neutrali[sz]ed|brought\s+down)"
WHOLE_DOWN = re.compile(
    r"(?i)\b(?:(?:both(?:\s+of\s+the|\s+the)?\s+(?P<both>[\w-]+)|(?:every\s+one|each\s+one|all\s+of\s+them|"
    r"all\s+of\s+the\s+(?P<all>[\w-]+)))\s+(?:of\s+them\s+)?(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?" + _DOWN + r"|" + _DOWN + r"\s+(?:along\s+with|as\s+well\s+as|together\s+with|and)\s+"
    r"both(?:\s+of\s+the|\s+the)?\s+(?P<with>[\w-]+))"
)


class Roles(NamedTuple):
    """The figures (by index in the sentence) that are a raid's part brought down and its whole."""

    role: dict[int, str]
    # The figure read as "all but K": the number brought down is the whole less K.
    all_but: set[int]


def raid_roles(text: str, sentence: Sentence, figures: list[Figure]) -> Roles:
    """The part and whole figures of ``sentence`` (``text``: the article)."""
    role: dict[int, str] = {}
    all_but: set[int] = set()
    lo = sentence.start
    if len(figures) < 2 and "all but" not in sentence.text or not _INTERCEPT_WORDS.search(sentence.text):
        return NO_ROLES
    for index, figure in enumerate(figures):
        if _ALL_BUT.search(text[max(lo, figure.qstart - 12) : figure.qstart]):
            all_but.add(index)
            continue
        if index + 1 < len(figures) and _PART_OF.match(text[figure.end : figures[index + 1].qstart]):
            role[index], role[index + 1] = PART, WHOLE
        elif _OF_BEFORE.search(text[max(lo, figure.qstart - 14) : figure.qstart]):
            later = next(
                (
                    i
                    for i in range(index + 1, len(figures))
                    if _BROUGHT_DOWN_AFTER.match(text[figures[i].end : figures[i].end + 40])
                ),
                None,
            )
            if later is not None:
                role[index], role[later] = WHOLE, PART
    return Roles(role, all_but)


NO_ROLES = Roles({}, set())

_FIRED_AFTER = Caseless(
    re.compile(
        r"(?i)^(?:['’]s\s+(?:forces|army|military|troops))?\s+(?:\w+\s+)?(?:launched|fired|sent|aimed|used|"
        r"unleashed|attacked|struck|hit|targeted|has\s+launched|had\s+launched)\b"
    )
)
_FIRED_BY = Caseless(re.compile(r"(?i)\b(?:launched|fired|sent)\s+by\s+(?:the\s+)?$"))
_DEFENDS_AFTER = Caseless(
    re.compile(r"(?i)^(?:['’]s)?\s+(?:\w+\s+)?(?:air\s+defen[cs]es?|air\s+force|anti-aircraft|mobile\s+fire)")
)


def firing_side(doc: Document, sentence: Sentence) -> str | None:
    """The side that fired a raid's weapons: the one named firing them ("Russia launched", "launched by
    Russia"), else the one opposite the air defences named ("Ukrainian air defenses brought down ...")."""
    text = doc.text
    defended = None
    for mention in doc.sides[sentence.index]:
        if mention.locative or mention.side not in (UA, RU):
            continue
        after = text[mention.end : min(sentence.end, mention.end + 40)]
        if _FIRED_AFTER.match(after) or _FIRED_BY.search(
            text[max(sentence.start, mention.start - 20) : mention.start]
        ):
            return mention.side
        if defended is None and _DEFENDS_AFTER.match(after):
            defended = opposite(mention.side)
    return defended


def finish_raid(
    doc: Document, drafts: list[Draft], roles: Roles, figures: list[Figure], sentence: Sentence
) -> list[Draft]:
    """The drafts of a sentence with its raid read: the weapons are the firing side's, the part counts the
    whole's side, "all but K" the whole less K, and "both missiles were destroyed" the whole fired (a new
    draft)."""
    fired_by = firing_side(doc, sentence)
    if fired_by is not None:
        for draft in drafts:
            if draft.claim.category in ("launched", "intercepted") and draft.side_strength < 3:
                draft.claim.subject_side = fired_by
    by_start = {d.figure_start: d for d in drafts}
    for index, role in roles.role.items():
        if role != PART:
            continue
        part = by_start.get(figures[index].start)
        whole = next(
            (
                by_start.get(figures[i].start)
                for i, r in roles.role.items()
                if r == WHOLE and abs(i - index) >= 1
            ),
            None,
        )
        if part is not None and whole is not None and whole.claim.category == "launched":
            part.claim.subject_side = whole.claim.subject_side
            part.side_strength = max(part.side_strength, whole.side_strength)
    launched = [d for d in drafts if d.claim.category == "launched"]
    for index in roles.all_but:
        draft = by_start.get(figures[index].start)
        fired = _fired_before(launched, draft)
        if draft is None or fired is None or fired.claim.value is None:
            continue
        draft.claim.category = "intercepted"
        draft.claim.value = fired.claim.value - figures[index].value
        draft.claim.subject_side = fired.claim.subject_side
    whole_down = launched and any(word in sentence.text for word in _WHOLE_WORDS)
    for match in WHOLE_DOWN.finditer(sentence.text) if whole_down else ():
        word = (match.group("both") or match.group("all") or match.group("with") or "").lower()
        fired = [d for d in launched if d.figure_start < sentence.start + match.start()]
        if word:
            fired = [d for d in fired if d.noun is not None and _same_kind(word, d.claim.equipment)]
        if not fired or any(
            d.claim.category == "intercepted" and d.claim.equipment == fired[-1].claim.equipment
            for d in drafts
        ):
            continue
        source = fired[-1]
        drafts.append(
            Draft(
                replace(source.claim, category="intercepted"),
                source.sentence,
                source.side_strength,
                source.speaker_explicit,
                source.period_explicit,
                sentence.start + match.start(),
                source.noun,
            )
        )
    return drafts


def _fired_before(launched: list[Draft], draft: Draft | None) -> Draft | None:
    if draft is None:
        return None
    earlier = [
        d
        for d in launched
        if d.figure_start < draft.figure_start and d.claim.equipment == draft.claim.equipment
    ]
    return earlier[-1] if earlier else None


_KIND_WORDS = {
    "uav": ("drone", "shahed", "uav", "unmanned"),
    "missile": ("missile", "rocket", "kinzhal", "iskander"),
}


def _same_kind(word: str, equipment: str | None) -> bool:
    """Whether "both <word>" names the launched figure's equipment ("both missiles", "both drones")."""
    stems = _KIND_WORDS.get(equipment or "")
    return stems is None or any(word.startswith(stem) for stem in stems)
