"""What does a figure count, and what happened to it?

Reads the sentence's figures, nouns and verbs. Decides the counted noun of each figure (the noun after or
before it, or the noun of the figure it goes on from: "47 others", "tanks - 9,429 (+5)"), the verb that
governs it (the nearest verb of interest in its clause), and from the two the claim's category.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import lexicon
from ..document import Counted, Document, Upto
from ..patterns import Caseless
from ..readers.attribution import Attribution
from ..readers.numbers import Figure
from ..readers.sentences import Sentence
from ..readers.words import (
    CAPTURED,
    CASUALTIES,
    CIVILIANS,
    KILLED,
    PERSONNEL,
    SKIP,
    V_AID,
    V_CAPTURE,
    V_CASUALTY,
    V_DEPLOY,
    V_DESTROY,
    V_EXCHANGE,
    V_INTERCEPT,
    V_KILL,
    V_LAUNCH,
    V_MOBILISE,
    V_WOUND,
    WOUNDED,
    Noun,
    Verb,
)
from ..schema import Category


class Reading(NamedTuple):
    """A figure of a sentence with what it counts and, once decided, its category."""

    figure: Figure
    noun: Noun | None
    category: str | None


class CountedNoun(NamedTuple):
    noun: Noun | None
    # The loss adjective before the noun ("two wounded soldiers"), if any.
    modifier: str | None
    # The reading the noun was taken from (an index into the sentence's readings; -1: the previous sentence).
    source: int | None


_NONE = CountedNoun(None, None, None)

# Case-blind patterns run over lower-cased text (``Caseless``): they read windows for every figure.
NP_GAP_STOP = Caseless(
    re.compile(
        r"[,;:()\[\]\"“”«»]|\b(?:were|was|have|has|had|are|is|been|will|would|to|that|which|who|since|in|on|at|"
        r"during|from|by|for|near|with|and|or|but|as|over|across|around|along|outside|inside|into|against|toward|"
        r"towards|off|under|behind|beyond|through|throughout|per)\b",
        re.IGNORECASE,
    )
)

_OF_SYSTEM = Caseless(re.compile(r"(?i)\s+of\s+(?:an?\s+|the\s+|their\s+|its\s+)?"))

OTHERS = Caseless(
    # ("two other officials": "other" before a word is an adjective, not "two others".)
    re.compile(
        r"^\s*(?:others|other(?![ \t]+[\w.])|more|additional|another|of\s+them|of\s+whom|of\s+which|such)\b",
        re.IGNORECASE,
    )
)

_PARTITIVE = Caseless(
    re.compile(r"^\s*(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+|a\s+total\s+of\s+)?$", re.IGNORECASE)
)

_LINK_BEFORE = Caseless(
    re.compile(
        r"(?i)^\s*(?:[\u2013\u2014\-:=]|\(|(?:\b(?:[\w'’.,]+\s+){0,8}?(?:of|at|to|by|reached|totaled|totalled|totall?ing|"
        r"stood\s+at|stands\s+at|amounted\s+to|amounts?\s+to|amounting\s+to|ranges?\s+from|anywhere\s+from|is|was|were|are|numbered|numbering|"
        r"rose\s+to|risen\s+to|climbed\s+to|increased\s+to|grew\s+to|reaching|exceeded|exceeds|surpassed|"
        r"topped|hit|passed|now\s+at|estimated\s+at|put\s+at|included|including|comprised|as|number|numbers)))\s*"
        r"(?:(?:up\s+to|about|around|over|more\s+than|almost|nearly|at\s+least|some|approximately|roughly)\s+)?$"
    )
)

_TOTAL_WORD = Caseless(
    re.compile(
        r"(?i)\b(?:total|tally|toll|number|figure|count|estimate)\b(?:[^,;.()]{0,45}?\b(?:to|at|reached|is|was)|\s+of|"
        r"\s+stands?\s+at)\s*$|\(\s*(?:total|in\s+total|overall)?:?\s*$"
    )
)

# The rest of a tally line after its label: "/boats — ", " (MLRS): ".
_LIST_LABEL = re.compile(r"[^\n\d]{0,40}?\s*[\u2013\u2014\-:=]\s*(?:about\s+|approximately\s+)?$")

_UNITS_OF = re.compile(r"(?i)^\s*(?:units?|pieces?|items?)\s+of\s+(?:[\w-]+\s+){0,2}$")

_OF_THE = re.compile(r"(?i)^\s*of\s+(?:the|these|those|its|their|them)?\s*(?:[\w'’-]+\s+){0,2}$")

OF_THAT_TOTAL = re.compile(
    r"(?i)\b(?:of|out\s+of)\s+(?:that|this|the|which|these)\s+(?:total|number|figure|toll|tally|count)\s*,?\s*$"
)

# A figure with no noun as the subject of a verb of loss: "and 370,000 have been wounded", "71 were shot
# down".
_BARE_SUBJECT = re.compile(
    r"(?i)^\s+(?:more\s+)?(?:have|has|had|were|was|are)\s+(?:also\s+)?(?:been\s+)?(?:\w+ly\s+)?(?:killed|wounded|"
    r"injured|hurt|captured|taken\s+prisoner|shot\s+down|downed|destroyed|intercepted)\b"
)

_TIME_AFTER = re.compile(
    r"(?i)\s+(?:this|last|that|next|the\s+past|the\s+previous)\s+(?:day|week|month|year)",
)

_LOSS_KINDS = (KILLED, WOUNDED, CASUALTIES)

_TOLL_WORD = re.compile(
    r"(?i)\b(?P<word>(?P<dead>death\s+toll|deaths|dead)|toll|losses|casualties)\b[^,;.()]{0,30}?\b(?:at|to|of|reached|is|was)\s*$"
)

_PUBLISHED = re.compile(r"(?i)\s+(?:on|by|in|last|earlier|this|early|late)\b")

_ESTIMATE_OF = re.compile(r"(?i)\b(?:estimate|figure)\s+of\s*$")

_INCLUDING = re.compile(r"(?i)\b(?:including|of\s+which|of\s+whom|among\s+them|incl\.)\s*$")

_PREPOSITION_AFTER = re.compile(r"(?i)^\s+(?:over|in|near|at|on|from|across|around|along|for|by)\b")

_LIST_BEFORE = re.compile(r"(?:[:,;]\s*(?:and\s+)?(?:\w+\s+){0,2}|\s(?:and|while)\s+)$")

_NUMBER_OF = re.compile(r"(?i)\b(?:number|toll|count|tally)\s+of\s+")

_LINK_MARK = re.compile(r"^\s*[\u2013\u2014\-:=(]")

_BLANK = re.compile(r"\s*")

_AND_VERB = re.compile(r"^\s*(?:and|or|,)\s+\w+\s*$")


def counted_noun(
    doc: Document,
    sentence: Sentence,
    figure: Figure,
    figures: list[Figure],
    index: int,
    nouns: list[Noun],
    readings: list[Reading],
    verbs: list[Verb],
    last: Counted | None,
) -> CountedNoun:
    """What ``figures[index]`` counts; ``last``: what the previous sentence's last claim counted."""
    text = doc.upto[sentence.index]
    next_figure = figures[index + 1].qstart if index + 1 < len(figures) else len(text)
    # After the figure: "1,610 men", "50 North Korean soldiers", "19,480 unmanned aerial vehicles".
    for noun in nouns:
        if noun.start < figure.end:
            continue
        if noun.start >= next_figure:
            break
        gap = text[figure.end : noun.start]
        if (
            index + 1 < len(figures)
            and "\n" in gap
            and not gap[gap.rfind("\n") :].strip()
            and _LIST_LABEL.match(text.text, noun.end, min(figures[index + 1].qstart, text.end))
        ):
            # "air defense systems — 1,081\naircraft — 370": a label at the start of the next line
            # counts the next line's figure; this figure's label is before it.
            break
        if noun.kind == SKIP and _TIME_AFTER.fullmatch(text[figure.end : noun.end]):
            # "have passed 2,500 this month": a time after the figure, not what it counts.
            break
        if len(gap.split()) <= 5 and not NP_GAP_STOP.search(gap):
            if noun.kind in (WOUNDED, KILLED):
                # "two wounded North Korean soldiers": the soldiers are counted, "wounded" describes them.
                head = next((n for n in nouns if n.start >= noun.end), None)
                if (
                    head is not None
                    and head.kind in _PEOPLE
                    and len(text[noun.end : head.start].split()) <= 3
                    and not NP_GAP_STOP.search(text[noun.end : head.start])
                ):
                    return CountedNoun(head, noun.kind, None)
            if noun.equipment == "other":
                # "N launchers of an air defence system": the system says what was hit.
                of = _OF_SYSTEM.match(text[noun.end :])
                of_end = noun.end + of.end() if of else 0
                whole = next((n for n in nouns if of and n.start >= of_end), None)
                if of and whole and whole.kind == "equipment" and whole.start - of_end <= 25:
                    return CountedNoun(Noun(noun.start, whole.end, whole.kind, whole.equipment), None, None)
            return CountedNoun(noun, None, None)
        if _UNITS_OF.match(gap) or _OF_THE.match(gap):
            # "six units of special equipment", "four of the Kinzhals".
            return CountedNoun(noun, None, None)
        break
    tail = text[figure.end : next_figure]
    # "50 of the 73 drones": the figure counts what the next one counts.
    if index + 1 < len(figures) and _PARTITIVE.match(tail):
        later = counted_noun(
            doc, sentence, figures[index + 1], figures, index + 1, nouns, [], verbs, last
        ).noun
        if later is not None:
            return CountedNoun(later, None, None)
    head = text[max(sentence.start, figure.qstart - 30) : figure.qstart]
    # "47 others", "including 1,740 over the past day", "its total of 133,190", "and wounded 23 near
    # Pokrovsk": what the figure before counted.
    if last is not None and OF_THAT_TOTAL.search(head):
        # "Of that total, 1,540 were lost in the last 24 hours": part of the figure before.
        return CountedNoun(Noun(figure.end, figure.end, last.noun.kind, last.noun.equipment), None, -1)
    bare_subject = _BARE_SUBJECT.match(tail) is not None
    inherits = (
        # "tanks - N (+M)": the day's increase counts what its running total counts.
        (figure.delta and index > 0)
        # "43,000 soldiers have been killed, and 370,000 have been wounded": the figure before's noun.
        or bare_subject
        or OTHERS.match(tail)
        or _TOTAL_WORD.search(head)
        or _INCLUDING.search(head)
        or (
            # "337 drones: 126 over the Kursk region, 91 over ...", "2,500 ..., some 4,150 in the
            # Tsentr area".
            _PREPOSITION_AFTER.match(tail)
            and _LIST_BEFORE.search(head)
            and not any(n.start >= figure.end and n.start - figure.end < 25 and n.kind != SKIP for n in nouns)
        )
        or (
            any(0 <= figure.qstart - v.end <= 2 for v in verbs)
            and not any(n.start >= figure.end and n.start - figure.end < 40 and n.kind != SKIP for n in nouns)
        )
    )
    if inherits:
        for position in range(len(readings) - 1, -1, -1):
            earlier_noun = readings[position].noun
            if earlier_noun is not None and earlier_noun.kind != SKIP:
                kind = earlier_noun.kind
                if bare_subject and kind in (KILLED, WOUNDED, CASUALTIES, CAPTURED):
                    # "losses ... 3,000 had been killed or wounded": its own verb says what befell them.
                    kind = PERSONNEL
                toll = _TOLL_WORD.search(head) if kind in _PEOPLE or kind in _LOSS_KINDS else None
                if toll is not None:
                    # "killed or wounded ..., which put the previous day's toll at about 1,800", "180,000
                    # killed, and its total casualties come to 500,000": what the toll word counts, whatever
                    # verb stands before it (placed at the word, a loss noun before its figure).
                    at = figure.qstart - len(head)
                    kind = KILLED if toll.group("dead") else CASUALTIES
                    return CountedNoun(
                        Noun(at + toll.start(), at + toll.end("word"), kind, None), None, position
                    )
                synthetic = Noun(figure.end, figure.end, kind, earlier_noun.equipment)
                return CountedNoun(synthetic, None, position)
        if OTHERS.match(tail):
            # "killing a woman and injuring two others": what the single item before counted.
            lo = max(sentence.start, figure.qstart - 60)
            single = [n for n in nouns if lo <= n.start and n.end <= figure.qstart and n.kind in _PEOPLE]
            if single:
                return CountedNoun(single[-1], None, None)
        estimate = _ESTIMATE_OF.search(head) is not None and not any(
            n.start >= figure.end and n.start - figure.end < 40 and n.kind != SKIP for n in nouns
        )
        if (OTHERS.match(tail) or bare_subject or estimate) and last is not None:
            # ("gave a lower estimate of around 1,100": of what the claim before counted.)
            kind = last.noun.kind
            if bare_subject and kind in (KILLED, WOUNDED, CASUALTIES, CAPTURED):
                kind = PERSONNEL
            return CountedNoun(Noun(figure.end, figure.end, kind, last.noun.equipment), None, -1)
    # Before the figure: "tanks - 9,429", "Russian military deaths by 1,030", "losses amounted to 485".
    before_start = max(_item_start(text, sentence.start, figure.qstart), figure.qstart - 90)
    if index > 0:
        before_start = max(before_start, figures[index - 1].end)
    candidates = [n for n in nouns if before_start <= n.start and n.end <= figure.qstart]
    linked = [n for n in candidates if n.kind != SKIP]
    if candidates and candidates[-1].kind == SKIP:
        link = text[candidates[-1].end : figure.qstart]
        if _LINK_MARK.match(link):
            return _NONE
    number_of = None
    if linked and " of " in sentence.text:
        wide = max(_item_start(text, sentence.start, figure.qstart), figure.qstart - 160)
        if index > 0:
            wide = max(wide, figures[index - 1].end)
        number_of = _NUMBER_OF.search(text[wide : figure.qstart])
    if number_of is not None:
        # "The number of people killed by a Russian missile ... reached 40": what is numbered, not the
        # nouns of the clause that describes it.
        at = wide + number_of.end()
        numbered = next((n for n in nouns if n.start == at and n.kind != SKIP), None)
        if numbered is not None and _LINK_BEFORE.match(text[linked[-1].end : figure.qstart]):
            return CountedNoun(numbered, None, None)
    if linked:
        noun = linked[-1]
        if (
            noun.kind == CASUALTIES
            and len(linked) > 1
            and linked[-2].kind == "equipment"
            and _BLANK.fullmatch(text[linked[-2].end : noun.start])
        ):
            # "aircraft losses at 347": losses of equipment.
            noun = linked[-2]._replace(end=noun.end)
        elif (
            noun.kind in (KILLED, WOUNDED)
            and len(linked) > 1
            and linked[-2].kind in (KILLED, WOUNDED, CASUALTIES)
            and noun.start - linked[-2].end <= 12
        ):
            # "losses, which include wounded, killed or missing, may amount to N": all of them together.
            noun = noun._replace(kind=CASUALTIES)
        if _LINK_BEFORE.match(text[noun.end : figure.qstart]):
            return CountedNoun(noun, None, None)
    # "killed 50 and wounded 47 North Korean soldiers": the noun of the next figure.
    if index + 1 < len(figures) and _AND_VERB.match(tail):
        following = figures[index + 1]
        return CountedNoun(
            counted_noun(doc, sentence, following, figures, index + 1, nouns, [], verbs, last).noun,
            None,
            None,
        )
    return _NONE


def _item_start(text: Upto, lo: int, position: int) -> int:
    """Start of a tally item: after the last semicolon or bracket of the sentence (from ``lo``) before
    ``position``."""
    cut = max(text.rfind(";", lo, position), text.rfind(")", lo, position))
    return cut + 1 if cut >= 0 else lo


def modifier_of(figure: Figure, noun: Noun, nouns: list[Noun]) -> str | None:
    """The loss adjective of "two wounded soldiers", "300 dead soldiers"."""
    for other in nouns:
        if figure.end <= other.start and other.end <= noun.start and other.kind in (WOUNDED, KILLED):
            return other.kind
    return None


# Auxiliaries and adverbs between a subject and its verb.
_LIGHT_WORDS = frozenset({
    "were", "was", "have", "has", "had", "been", "being", "be", "are", "is", "also", "reportedly",
    "allegedly", "all", "successfully", "either", "already", "now", "confirmed", "who", "that", "which",
    "in", "total",
})  # fmt: skip

_PERSONNEL_ONLY = (V_KILL, V_WOUND, V_CASUALTY, V_DEPLOY)

# The nouns that count people: soldiers, and the civilians a strike kills or wounds.
_PEOPLE = (PERSONNEL, CIVILIANS)

_EQUIPMENT_ONLY = (V_INTERCEPT, V_LAUNCH)

_POSTPOSED = Caseless(
    re.compile(
        r"(?i)\s*(?:(?P<cas>killed\s+(?:or|and)\s+(?:wounded|injured)|dead\s+(?:or|and)\s+wounded)|(?P<kill>killed|dead)|"
        r"(?P<wound>wounded|injured|hurt)|(?P<capture>captive|prisoner|prisoners|captured))\b"
    )
)

_NEGATED = re.compile(r"(?i)\b(?:not|never|n't|failed\s+to)\s+$")

_LOSS_AFTER_DEPLOYED = re.compile(
    r"(?i)\b(?:have|has|had|were|are|was|is)\s+(?:been\s+)?(?:\w+\s+){0,2}?(?:killed|wounded|injured|captured|"
    r"taken\s+prisoner|lost)\b"
)

_DESCRIPTION_AFTER = re.compile(r"\s+(?:by|in|to|for|as|on|at|during)\b")

_AND_OR_COMMA = re.compile(r"\band\b|,")

_POSTPOSED_KINDS = {"cas": V_CASUALTY, "kill": V_KILL, "wound": V_WOUND, "capture": V_CAPTURE}
# Verbs inside a speaker phrase that still govern a figure ("said it had killed ...").
_SPOKEN_LOSSES = (V_KILL, V_WOUND, V_CASUALTY, V_DESTROY, V_INTERCEPT, V_LAUNCH)


def governing_verb(
    doc: Document,
    sentence: Sentence,
    figure: Figure,
    noun: Noun,
    verbs: list[Verb],
    attributions: list[Attribution],
) -> Verb | None:
    """The nearest verb of interest in the figure's clause, outside its noun phrase, that fits the noun."""
    text = doc.upto[sentence.index]
    np_start = min(figure.qstart, noun.start)
    np_end = max(figure.end, noun.end)
    if noun.kind in _PEOPLE and noun.start >= figure.end:
        # "87 soldiers killed and 140 wounded", "27 Russian soldiers captive": the word after says it.
        post = _POSTPOSED.match(text[np_end:])
        if post:
            kind = _POSTPOSED_KINDS[post.lastgroup or "kill"]
            return Verb(np_end + post.start(), np_end + post.end(), kind, True)
    if noun.end <= figure.qstart:
        # "aircraft destroyed stands at 324": the verb between the noun and its figure.
        for verb in verbs:
            if noun.end <= verb.start and verb.end <= figure.qstart:
                return verb
    clause_start = doc.clause_start(sentence, np_start)
    clause_end = doc.clause_end(sentence, np_end)
    best: Verb | None = None
    best_distance = 0.0
    for verb in verbs:
        if _NEGATED.search(text[max(sentence.start, verb.start - 12) : verb.start]):
            # "the two drones that were not downed": what did not happen is no claim.
            continue
        if (
            noun.kind == "equipment"
            and verb.kind in _PERSONNEL_ONLY
            # "Russia sent 40 drones": drones and missiles are sent as troops are.
            and not (verb.kind == V_DEPLOY and noun.equipment in ("uav", "missile"))
        ):
            continue
        if noun.kind in _PEOPLE and verb.kind in _EQUIPMENT_ONLY:
            continue
        if (
            verb.kind in (V_AID, V_LAUNCH)
            and verb.start >= np_end
            and _DESCRIPTION_AFTER.match(text[verb.end : verb.end + 8])
        ):
            # "a Bradley supplied by the United States": a description, not what happened to it.
            continue
        if verb.end <= np_start:
            if verb.start < clause_start:
                continue
            between = text[verb.end : np_start]
            distance: float = len(between.split())
            if _AND_OR_COMMA.search(between) and any(
                clause_start <= b <= verb.start for _a, b in doc.figure_spans(sentence)
            ):
                # "N soldiers had died and M more were injured": the verb closes the previous
                # figure's conjunct.
                distance += 1
        elif verb.start >= np_end:
            if verb.start > clause_end:
                continue
            gap = text[np_end : verb.start]
            if "(" in gap and ")" not in gap:
                # "330 personnel (121 of them killed)": a verb in a parenthesis speaks of its own figure.
                continue
            # Auxiliaries and adverbs between a subject and its verb do not add distance.
            words = [w for w in gap.split() if w.lower() not in _LIGHT_WORDS]
            distance = len(words) + 0.5
        else:
            continue
        if any(a.start <= verb.start < a.end for a in attributions) and verb.kind not in _SPOKEN_LOSSES:
            continue
        if verb.kind == V_EXCHANGE and _PUBLISHED.match(text[verb.end : verb.end + 12]):
            # "The previous official figure, released on March 25, ...": published, not set free.
            continue
        if (
            verb.kind == V_DEPLOY
            and verb.start >= np_end
            and not text[np_end : verb.start].strip()
            and _LOSS_AFTER_DEPLOYED.search(text[verb.end : min(clause_end, verb.end + 80)])
        ):
            # "3,000 soldiers sent to Russia have been killed or wounded": the participle describes them;
            # the finite verb after says what happened to them.
            continue
        if best is None or distance < best_distance:
            best, best_distance = verb, distance
    return best


def tally_header_verb(doc: Document, sentence: Sentence, figure: Figure, verbs: list[Verb]) -> Verb | None:
    """A tally item after a colon ("the losses of the enemy are: personnel - N; tanks - M") is
    governed by the loss word of the header; so is a tally printed one item a line ("- tanks — 9,440
    (+21);") under a header that ends with a colon."""
    colon = max(
        doc.text.rfind(":", sentence.start, figure.qstart),
        doc.text.rfind(" \u2014 ", sentence.start, figure.qstart),
        doc.text.rfind(" \u2013 ", sentence.start, figure.qstart),
    )
    header = [v for v in verbs if v.end <= colon and v.kind in (V_DESTROY, V_CASUALTY, V_KILL)]
    return header[-1] if header else _line_header_verb(doc, sentence)


# "tanks — 9,440 (+21);", or the figure first: "19,933 armored fighting vehicles".
_TALLY_LINE = re.compile(
    r"^(?:[^\d\n]{2,60}?\s[\u2013\u2014\-:=]\s*(?:about\s+|approximately\s+|over\s+)?\d|"
    r"(?:\d[\d,\s\u00a0]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+[A-Za-z][^\d:]{2,50}$)"
)
# The header of a loss tally speaks of losses or of the count it updates ("The equipment count went up:").
_LOSS_HEADER = Caseless(
    re.compile(
        r"(?i)\b(?:loss(?:es)?|lost|destroyed|eliminated|count|tally|toll|figures|casualties|killed)\b"
    )
)
# How many lines of a one-item-a-line tally are looked through for its header.
_TALLY_REACH = 30


def tally_line(sentence: Sentence) -> bool:
    """Whether a sentence is one line of a tally printed one item a line ("tanks — 9,440 (+21);"): a
    label and its figure, and little more (the last line may end with a full stop)."""
    return len(sentence.text) <= _TALLY_LINE_LENGTH and _TALLY_LINE.match(sentence.text) is not None


_TALLY_LINE_LENGTH = 90


def _line_header_verb(doc: Document, sentence: Sentence) -> Verb | None:
    if not tally_line(sentence):
        return None
    for index in range(sentence.index - 1, max(-1, sentence.index - 1 - _TALLY_REACH), -1):
        earlier = doc.sentences[index]
        if tally_line(earlier):
            continue
        if ":" not in earlier.text[-40:]:
            return None
        # The header, or the sentence before it ("Russia lost 1,570 soldiers ... The equipment count:").
        context = doc.sentences[max(0, index - 1) : index + 1]
        if any(_LOSS_HEADER.search(s.text) for s in context):
            return Verb(earlier.start, earlier.start, V_DESTROY, False)
        return None
    return None


# (The teens are not read as the part here.)
_PART_WORDS = [word for word in lexicon.load().numbers.TRIGGER_WORDS if not word.endswith("teen")]
_PARTITIVE_BEFORE = Caseless(
    re.compile(
        r"(?i)(?:\d|\b(?:" + "|".join(_PART_WORDS) + r"))\s+(?:of|out\s+of)\s+(?:the\s+|a\s+total\s+of\s+)?$"
    )
)


def partitive_total(doc: Document, sentence: Sentence, figure: Figure) -> bool:
    """ "shot down 50 of 73 drones": 73 is the whole, the number launched."""
    window = doc.text[max(sentence.start, figure.qstart - 30) : figure.qstart]
    # The pattern ends with "of" and what may follow it: most windows hold no "of" at all.
    return "of" in window.lower() and bool(_PARTITIVE_BEFORE.search(window))


_LOSS_NOUNS = (KILLED, WOUNDED, CASUALTIES, CAPTURED)
_NOT_LOSSES = (V_AID, V_EXCHANGE, V_MOBILISE)
_PERSONNEL_CATEGORIES = {
    V_KILL: Category.KILLED.value,
    V_WOUND: Category.WOUNDED.value,
    V_CASUALTY: Category.CASUALTIES.value,
    V_CAPTURE: Category.CAPTURED.value,
    V_DEPLOY: Category.DEPLOYED.value,
    V_DESTROY: Category.CASUALTIES.value,
}


# Civilians are killed or wounded; a town "seized" with its residents does not capture them.
_CIVILIAN_CATEGORIES = {
    verb: category
    for verb, category in _PERSONNEL_CATEGORIES.items()
    if verb in (V_KILL, V_WOUND, V_CASUALTY)
}


def category_for(
    noun_kind: str, equipment: str | None, verb_kind: str | None, air_context: bool
) -> str | None:
    """The claim category for a counted noun and the verb that governs it, or None: not a claim."""
    if verb_kind in _NOT_LOSSES:
        return None
    if noun_kind in _LOSS_NOUNS:
        if verb_kind == V_CAPTURE and noun_kind in (WOUNDED, CASUALTIES):
            return CAPTURED
        return noun_kind
    if noun_kind == PERSONNEL:
        return _PERSONNEL_CATEGORIES.get(verb_kind or "")
    if noun_kind == CIVILIANS:
        return _CIVILIAN_CATEGORIES.get(verb_kind or "")
    if noun_kind != "equipment":
        return None
    aerial = equipment in ("uav", "missile") or equipment == "other" and air_context
    if verb_kind == V_INTERCEPT:
        return "intercepted" if aerial else "equipment"
    if verb_kind == V_LAUNCH:
        return "launched" if aerial else None
    if verb_kind == V_DESTROY:
        return "intercepted" if aerial and air_context else "equipment"
    if verb_kind in (V_CAPTURE, V_CASUALTY, V_KILL):
        return "equipment"
    if verb_kind == V_DEPLOY and aerial and air_context:
        return "launched"
    return None
