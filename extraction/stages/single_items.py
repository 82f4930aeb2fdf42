"""Which single items does a sentence report without a figure? "a Russian tank being destroyed", "shot down
a Su-25", "struck Ukraine with a ballistic missile", "taken a North Korean soldier prisoner", "sank the
landing ship Tsezar Kunikov".

Reads the sentence's articles ("a", "an", "the", "one") and the first noun after each; decides whether a
verb of loss before the item or a passive after it makes it a claim, and of which category.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Document, Draft
from ..patterns import Caseless, lowered
from ..readers.sentences import Sentence
from ..readers.words import CIVILIANS, PERSONNEL, V_DESTROY, Noun, Verb
from .counted import NP_GAP_STOP


class SingleItem(NamedTuple):
    start: int
    end: int
    noun: Noun
    # What the item underwent, when a passive after it says so ("the submarine had been hit").
    verb: Verb | None
    category: str


class _Listed(NamedTuple):
    start: int
    category: str


_SINGLE_OPENER = re.compile(r"(?i)\b(?:a|an|the|one)\s+")

# The same matches in lower-cased text, each word's ``\b`` checked after it: led by literals, the pattern
# lets ``re`` skip to their first letters instead of trying it at every position.
_SINGLE_OPENER_LOW = re.compile(r"(?:a(?<!\wa)|an(?<!\wan)|the(?<!\wthe)|one(?<!\wone))\s+")

_NOT_SINGLE = Caseless(
    re.compile(
        r"(?i)\b(?:number|lot|total|series|group|couple|few|dozen|record|video|footage|clip|piece|kind|type|"
        r"part|member|unit|crew|column|convoy|batch|shipment|package|fleet|squadron|pair)\b"
    )
)

_SINGLE_ACTIVE = Caseless(
    re.compile(
        r"(?i)\b(?:destroy(?:ed|ing|s)?|hit(?:ting)?|struck|knock(?:ed|ing)?\s+out|took\s+out|tak(?:e|ing)\s+out|"
        r"eliminat(?:ed|ing)|shot\s+down|shoot(?:ing)?\s+down|downed|downing|captur(?:ed|ing|e)|seiz(?:ed|ing)|"
        r"disabl(?:ed|ing)|burn(?:ed|t|ing)|sank|sunk|sinking|blew\s+up|blowing\s+up|wip(?:ed|ing)\s+out|damag(?:ed|ing)|"
        r"lost|los(?:e|ing)|intercept(?:ed|ing)|kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|taken|took|"
        r"set\s+fire\s+to|set\s+on\s+fire|torched)\s*"
        r"(?:(?:another|yet\s+another|also)\s+)?$"
    )
)

_SINGLE_PASSIVE = Caseless(
    re.compile(
        r"(?i)^\s*(?:[\w'’-]+\s+){0,2}?(?:(?:of|from|belonging\s+to)\s+[\w'’\s-]{0,30}?\s+)?(?:being|was|were|is|has\s+been|"
        r"had\s+been|got|getting)\s+(?:\w+ly\s+)?(?:destroyed|hit|struck|knocked\s+out|taken\s+out|eliminated|"
        r"shot\s+down|downed|captured|seized|disabled|burned|burnt|sunk|blown\s+up|wiped\s+out|damaged|"
        r"killed|wounded|injured|taken\s+(?:prisoner|captive)|intercepted|(?:taken|rushed|admitted)\s+to\s+hospital|"
        r"hospitali[sz]ed)|^\s*(?:prisoner|captive)\b|"
        # "a 77-year-old man died": a single death told without a passive.
        r"^\s*(?:[\w'’-]+\s+){0,2}?(?:died|was\s+(?:fatally|seriously|slightly|lightly)\s+\w+)"
    )
)

_HYPHENATED = re.compile(r"[\w'’]+(?:-[\w'’]+)+")

_ONE_PERSON = re.compile(
    r"(?i)^(?:soldier|serviceman|servicewoman|officer|commander|fighter|paratrooper|marine|pilot|"
    r"mercenary|conscript|sniper|militant|man|service\s*member|"
    # A strike's single victims.
    r"woman|child|boy|girl|resident|civilian|pensioner|teenager|person)$"
)

_PEOPLE = (PERSONNEL, CIVILIANS)
_LOSS_CATEGORIES = ("casualties", "killed")

_NAME_AFTER = re.compile(r"^\s+[A-Z\"“]")

_NAME_BEFORE = re.compile(r"[A-Z][\w-]+\s*$")

_STRUCK_WITH = re.compile(
    r"(?i)\b(?:struck|strikes?|attacked|hit|targeted|bombarded|launched|fired)\b[^,.;]{0,30}"
    r"(?:\bwith\s*|\b(?:launched|fired)\s*)$"
)

_LIST_END = re.compile(r"(?i)(?:,|\band|\bas\s+well\s+as)\s*$")

_CAPTURE_WORD = re.compile(r"captur|prisoner|captive|surrender|seiz")

_KILL_WORD = re.compile(r"kill|dead|died|slain|fatally")

_WOUND_WORD = re.compile(r"wound|injur|hospital")

_PERSON_WORD = re.compile(r"kill|wound|injur|prisoner|captive|hospital")


def single_items(doc: Document, sentence: Sentence, drafts: list[Draft]) -> list[SingleItem]:
    """The single items of ``sentence``; ``drafts``: the claims its figures gave."""
    text = doc.upto[sentence.index]
    lo = sentence.start
    found: list[SingleItem] = []
    low = lowered(sentence.text)
    openers = _SINGLE_OPENER_LOW.finditer(low) if low is not None else _SINGLE_OPENER.finditer(sentence.text)
    for match in openers:
        opener_start, opener_end = lo + match.start(), lo + match.end()
        definite = match.group(0).lower().startswith("the")
        noun = doc.first_noun(sentence, opener_end, min(sentence.end, opener_end + 45))
        if noun is None:
            continue
        words = text[opener_end : noun.start]
        # A hyphenated name ("the <Town-on-River> submarine") is one word, whatever its parts.
        plain = _HYPHENATED.sub("x", words) if "-" in words else words
        if len(words.split()) > 3 or NP_GAP_STOP.search(plain) or _NOT_SINGLE.search(plain):
            continue
        if noun.kind in _PEOPLE and not _ONE_PERSON.match(text[noun.start : noun.end]):
            continue
        if noun.kind not in ("equipment", *_PEOPLE):
            continue
        if definite and not (
            noun.equipment in ("ship", "submarine")
            and (_NAME_AFTER.match(text[noun.end :]) or _NAME_BEFORE.search(words))
        ):
            # "the blasted tank": already counted; only named vessels are counted with "the".
            continue
        before = text[max(lo, opener_start - 60) : opener_start]
        after = text[noun.end : noun.end + 60]
        if noun.kind == "equipment" and noun.equipment in ("missile", "uav") and _STRUCK_WITH.search(before):
            found.append(SingleItem(opener_start, noun.end, noun, None, "launched"))
            continue
        active = _SINGLE_ACTIVE.search(before)
        passive = _SINGLE_PASSIVE.match(after)
        listed = None
        if not (active or passive) and (drafts or found) and _LIST_END.search(before):
            # "destroyed three MT-LBs and a tank": an item of the same list.
            earlier = [
                _Listed(d.figure_start, d.claim.category) for d in drafts if d.figure_start < opener_start
            ]
            earlier += [_Listed(f.start, f.category) for f in found]
            listed = max(earlier).category if earlier else None
        if not (active or passive or listed):
            continue
        # "taken a soldier prisoner": the word after the noun can say what the verb before did.
        verb_text = " ".join(m.group(0) for m in (active, passive) if m is not None).lower()
        if noun.kind in _PEOPLE:
            if _CAPTURE_WORD.search(verb_text):
                category = "captured"
            elif _KILL_WORD.search(verb_text):
                category = "killed"
            elif _WOUND_WORD.search(verb_text):
                category = "wounded"
            else:
                continue
        elif listed:
            if listed not in ("equipment", "intercepted", *_LOSS_CATEGORIES):
                continue
            # ("losses amounted to 480 servicemen, a tank and ...": a machine listed among losses is lost.)
            category = (
                listed if listed == "intercepted" and noun.equipment in ("uav", "missile") else "equipment"
            )
        elif "shot" in verb_text or "down" in verb_text or "intercept" in verb_text:
            category = "intercepted" if noun.equipment in ("uav", "missile") else "equipment"
        elif _PERSON_WORD.search(verb_text):
            continue
        else:
            category = "equipment"
        # "the submarine had been hit": the item is the subject of a passive, not the object of an actor.
        undergone = (
            Verb(noun.end + passive.start(), noun.end + passive.end(), V_DESTROY, True)
            if (passive and not active)
            else None
        )
        found.append(SingleItem(opener_start, noun.end, noun, undergone, category))
    return found
