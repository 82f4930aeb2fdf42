"""A running total or a window? The period of a figure's claim, and whether the text said so.

Reads the sentence's time expressions, its figures and the period of the sentences before. A running-total
word ("since the war began", "in total", "(+5)" after a tally's figure) or a window word ("yesterday", "in
the past 24 hours") nearest the figure decides; without one, thousands of tanks are a running total, and a
sentence that goes on from the one before ("In addition, ...") keeps its period.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Document, Upto
from ..patterns import Caseless
from ..readers.attribution import Attribution
from ..readers.dates import AS_OF, CUMULATIVE_KINDS, DAY, MONTH, SINCE, SPAN, TOTAL, VAGUE, WEEK, TimeExpr
from ..readers.numbers import Figure
from ..readers.sentences import Sentence
from .counted import OF_THAT_TOTAL as _OF_THAT_TOTAL
from .counted import tally_line
from .time import REPORTED_ON


class Period(NamedTuple):
    period: str
    # Whether the text said so (a marker), rather than the figure's size or the sentences before.
    explicit: bool


_TOTAL_BRACKET_BEFORE = re.compile(r"\(\s*(?:total|in\s+total|overall)?:?\s*$")

_DELTA_AFTER = re.compile(r"^\s*\(\s*\+")

_CONTINUES = Caseless(
    re.compile(
        r"(?i)^(?:on\s+top\s+of\s+(?:this|that)|in\s+addition|additionally|also|besides|furthermore|moreover|"
        r"this\s+(?:number|figure|total)\s+includes|according\s+to\s+the\s+(?:report|update|data|figures)|"
        r"the\s+(?:report|update|figures?|data|tally)\b|among\s+them|of\s+these)"
    )
)

# A running total named as such: "the previous official figure", "Moscow's last toll".
_RUNNING_FIGURE = Caseless(
    re.compile(
        r"(?i)\b(?:official|overall|last|latest|previous|own)\s+(?:[\w-]+\s+)?(?:toll|figure|number|count|tally)\b"
    )
)
_BROUGHT_TO = re.compile(r"(?i)(?:bring|brought|took|tak|push|rais|lift)")
_A_TOTAL_OF = re.compile(r"(?i)a\s+total\s+of")
_MARKED = (SINCE, TOTAL, DAY, MONTH, WEEK, SPAN, VAGUE, AS_OF)

_TOLLS = ("killed", "wounded", "casualties", "captured")

_SPEECH_AFTER = Caseless(
    re.compile(
        r"(?i)^,?\s+(?:said|says|put|puts|told|reported|announced|stated|claimed|estimated|wrote|posted|"
        r"published|confirmed|gave|released|updated)\b"
    )
)
_NAMED_DEAD = Caseless(
    re.compile(
        r"(?i)\b(?:names|named|identified|identify|obituaries|death\s+notices|verified|confirmed\s+the\s+deaths|"
        r"the\s+list|the\s+count)\b"
    )
)


def period_of(
    doc: Document,
    sentence: Sentence,
    figure: Figure,
    times: list[TimeExpr],
    category: str,
    previous_period: str | None,
    figure_count: int,
    attributions: list[Attribution],
) -> Period:
    """The period of ``figure``'s claim; ``previous_period``: that of the sentences before."""
    if figure.delta:
        return Period("window", True)
    text = doc.upto[sentence.index]
    lo = sentence.start
    if _TOTAL_BRACKET_BEFORE.search(text[max(lo, figure.qstart - 14) : figure.qstart]):
        # "13 tanks (5 711 in total)": the bracketed figure is the running total.
        return Period("cumulative", True)
    if _DELTA_AFTER.match(text[figure.end : figure.end + 4]):
        # "9,429 (+5)": the running total of a General Staff tally.
        return Period("cumulative", True)
    markers = [t for t in times if t.kind in _MARKED and not _in_other_brackets(text, lo, t.start, figure)]
    # "destroyed 11 tanks, which took the tally to 9,580": a total brought up to the figure after it.
    if any(t.kind == TOTAL for t in markers):
        markers = [
            t
            for t in markers
            if not (t.kind == TOTAL and t.start >= figure.end and _BROUGHT_TO.match(text[t.start : t.end]))
        ]
    if len(markers) > 1:
        # "A total of 33 drones were shot down overnight": a sum of the night's, not a running total.
        markers = [
            t
            for t in markers
            if not (t.kind == TOTAL and _A_TOTAL_OF.match(text[max(lo, t.start - 2) : t.end + 3]))
        ]
    if markers and _OF_THAT_TOTAL.search(text[max(lo, figure.qstart - 30) : figure.qstart]):
        # "Of that total, 1,540 were lost in the last 24 hours": the total is the figure before's.
        markers = [t for t in markers if not (t.kind == TOTAL and t.end <= figure.qstart)]
    if markers:
        # "said on Sunday that 45,100 ...", "The General Staff on Wednesday put losses at": the day a
        # statement was made dates the statement, not the span its figure counts.
        said = [
            t
            for t in markers
            if t.kind == DAY
            and (
                any(a.start <= t.start < a.end for a in attributions)
                or REPORTED_ON.search(text[max(lo, t.start - 40) : t.start])
                or _SPEECH_AFTER.match(text[t.end : t.end + 30])
            )
        ]
        tally_sized = figure.value >= (1000 if category == "equipment" else 5000) and category != "wounded"
        if said and (
            tally_sized
            or any(t.kind == SINCE for t in markers)
            or (category in _TOLLS and doc.toll_so_far[sentence.text])
        ):
            # (A smaller figure said on a day is that day's: "said on Thursday it had shot down three".)
            markers = [t for t in markers if t not in said]
    if markers and ";" in sentence.text:
        # Semicolons part a tally's items: a marker in another item is that item's; a header before the
        # colon speaks for them all.
        item_start = text.rfind(";", lo, figure.qstart)
        item_start = item_start + 1 if item_start >= 0 else lo
        item_end = text.find(";", figure.end)
        item_end = len(text) if item_end < 0 else item_end
        colon = text.rfind(":", lo, figure.qstart)
        markers = [t for t in markers if item_start <= t.start < item_end or t.end <= colon] or markers
    others = doc.figure_spans(sentence)
    if markers and others:
        # "about N people, including M over the past day": a marker with another figure between it
        # and this one is that figure's.
        own = [
            t
            for t in markers
            if not any(
                (t.end <= a and b <= figure.qstart) or (figure.end <= a and b <= t.start) for a, b in others
            )
        ]
        markers = own or markers
    if markers:
        at = figure.start

        def distance(t: TimeExpr) -> float:
            if t.end <= at:
                return at - t.end + 0.5
            return t.start - figure.end

        best = min(markers, key=distance)
        if best.kind == AS_OF and any(t.kind == DAY and t.date_start is not None for t in markers):
            # "As of March 3, Russia had lost 80 tanks since the start of the year": a window that closes on
            # the as-of day.
            return Period("window", True)
        if best.kind in CUMULATIVE_KINDS or best.kind == AS_OF:
            return Period("cumulative", True)
        if (
            best.kind in (DAY, MONTH)
            and best.date_start is None
            and (
                (category in _TOLLS and figure.value >= 100_000)
                or (doc.flags[sentence.text, "running"] and _RUNNING_FIGURE.search(text[lo : figure.qstart]))
            )
        ):
            # "put Russia's losses at 633,840 on Sept. 15", "the previous official figure, released on
            # March 25, put the dead at 1,351": a running total as of that day; no day or month loses so many.
            return Period("cumulative", True)
        # A window marker right next to the figure beats a running-total word further off.
        return Period("window", True)
    if category == "killed" and _NAMED_DEAD.search(sentence.text):
        # A count of the dead identified by name is a running total.
        return Period("cumulative", False)
    big = sum(1 for f in doc.figure_values(sentence) if f >= 1000)
    if category == "equipment" and (figure.value >= 1000 or (figure_count >= 4 and big >= 2)):
        # Thousands of tanks are a running total, and so is the rest of a list made mostly of such
        # figures ("N tanks, M armored combat vehicles, ... K airplanes").
        return Period("cumulative", False)
    if previous_period and (_CONTINUES.match(sentence.text) or tally_line(sentence)):
        # (A tally's line without a marker of its own keeps the period of the lines above it.)
        return Period(previous_period, False)
    if category in ("killed", "wounded", "casualties"):
        if figure.value >= 100_000 or (category != "wounded" and figure.value >= 5000):
            return Period("cumulative", False)
        if figure.value >= 100 and doc.toll_so_far[sentence.text]:
            # "About N soldiers have been killed and M wounded": a toll so far, not one event's.
            return Period("cumulative", False)
    if category == "equipment" and figure_count >= 4 and previous_period == "cumulative":
        return Period("cumulative", False)
    return Period("window", False)


def _in_other_brackets(text: Upto, lo: int, position: int, figure: Figure) -> bool:
    """A time word inside brackets that do not hold the figure ("13 tanks (5 711 in total)") is not its
    own (``lo``: where the sentence starts)."""
    opened = text.rfind("(", lo, position)
    if opened < 0 or text.rfind(")", lo, position) > opened:
        return False
    closed = text.find(")", position)
    closed = len(text) if closed < 0 else closed
    return not (opened < figure.start < closed)
