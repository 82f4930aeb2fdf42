"""When? The day a figure's claim refers to (the end of its window, or the as-of day of a running total)
and the first day of a multi-day window.

Reads the sentence's time expressions (``readers.dates``, resolved against publication) and its speaker
phrases. The day of the events beats the day they were reported ("said on Wednesday that ... yesterday");
a figure with no time of its own takes publication, or the span an article's lead names.
"""

from __future__ import annotations

import re
from datetime import date

from ..document import Document
from ..patterns import Caseless
from ..readers.attribution import Attribution
from ..readers.dates import AS_OF, DAY, MONTH, VAGUE, WEEK, TimeExpr
from ..readers.numbers import Figure
from ..readers.sentences import Sentence

_REPORTED_ON = Caseless(
    re.compile(
        r"(?i)\b(?:said|says|told|reported|announced|stated|claimed|added|wrote|posted|published|confirmed|"
        r"estimated|noted)\b[^.;,]{0,30}$"
    )
)

_RELATIVE_DAY = re.compile(
    r"(?i)(?:yesterday|overnight|last\s+night|today|this\s+morning|tonight|earlier\s+today|"
    r"on\s+the\s+previous\s+day|the\s+day\s+before)"
)

REPORTED_ON = _REPORTED_ON


def date_of(
    doc: Document,
    sentence: Sentence,
    figure: Figure,
    times: list[TimeExpr],
    period: str,
    attributions: list[Attribution],
) -> tuple[date | None, date | None]:
    """(date, date_start) of ``figure``'s claim."""
    text = doc.text
    published = doc.published
    dated = [t for t in times if t.kind in (DAY, MONTH, WEEK, AS_OF) and t.date is not None]
    # The day of the events beats the day they were reported ("said on Wednesday that ... yesterday").
    events = [
        t
        for t in dated
        if not any(a.start <= t.start < a.end for a in attributions)
        and not _REPORTED_ON.search(text[max(sentence.start, t.start - 40) : t.start])
    ]
    if events and period != "cumulative":
        dated = events
    if period == "cumulative":
        as_of = [t for t in dated if t.kind in (AS_OF, DAY)]
        if as_of:
            best = min(as_of, key=lambda t: abs(t.start - figure.start))
            return best.date, None
        return published, None
    as_of = next((t for t in dated if t.kind == AS_OF), None)
    opened = next((t for t in dated if t.kind == DAY and t.date_start is not None), None)
    if as_of is not None and opened is not None and opened.date_start <= as_of.date:  # type: ignore[operator]
        # "As of March 3 ... since the start of the year": from the window's first day to the as-of day.
        return as_of.date, opened.date_start
    if dated:
        best = min(dated, key=lambda t: (abs(t.start - figure.start), t.kind != DAY))
        reported = [t for t in times if t.kind == DAY and t.date is not None and t not in events]
        if (
            best.date is not None
            and published is not None
            and reported
            and _RELATIVE_DAY.fullmatch(text[best.start : best.end])
        ):
            # "said on Sunday that ... overnight": the night before the statement, not before publication.
            shift = reported[0].date - published  # type: ignore[operator]
            return best.date + shift, best.date_start + shift if best.date_start is not None else None
        return best.date, best.date_start
    if any(t.kind == VAGUE for t in times):
        return None, None
    return published, None


_SPEECH_AFTER = Caseless(
    re.compile(
        r"(?i)^,?\s+(?:said|says|put|puts|told|reported|announced|stated|claimed|estimated|wrote|posted|"
        r"published|confirmed|gave|released|updated)\b"
    )
)


def statement_day(doc: Document, sentence: Sentence) -> date | None:
    """The day a sentence says its speaker spoke ("said on Tuesday", "The military on Sunday claimed"),
    which the sentences that go on in that voice keep."""
    times = doc.times[sentence.index]
    if not times:
        return None
    attributions = doc.attributions[sentence.index]
    text = doc.text
    for t in times:
        if t.kind != DAY or t.date is None or t.date_start is not None:
            continue
        if (
            any(a.start <= t.start < a.end for a in attributions)
            or _REPORTED_ON.search(text[max(sentence.start, t.start - 40) : t.start])
            or _SPEECH_AFTER.match(text[t.end : t.end + 30])
        ):
            return t.date
    return None


def lead_span(doc: Document) -> tuple[date, date] | None:
    """The days from first to last that the article's lead names, when it names such a span that ended in
    the fortnight before publication (a weekly summary's "from November 23 to 29")."""
    if not doc.lead_span_read:
        doc.lead_span, doc.lead_span_read = _lead_span(doc), True
    return doc.lead_span


def _lead_span(doc: Document) -> tuple[date, date] | None:
    published = doc.published
    if published is None:
        return None
    for sentence in doc.sentences[:4]:
        if not any(c.isdigit() for c in sentence.text):
            continue
        for t in doc.times[sentence.index]:
            if (
                t.kind == DAY
                and t.date is not None
                and t.date_start is not None
                and 0 <= (published - t.date).days <= 14
            ):
                return t.date, t.date_start
    return None
