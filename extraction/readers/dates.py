"""Time in a sentence: the dates it names, resolved against the publication date, and the words
that make a figure a running total ("since the war began") or a bounded window ("yesterday").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .. import lexicon
from ..patterns import WordAlternation

_TIME = lexicon.load().time


# Kinds of time expression.
DAY = "day"  # a calendar day or days: "on Dec. 17", "Dec. 14-15", "Monday", "yesterday"
MONTH = "month"  # a calendar month: "in January"
WEEK = "week"  # "last week"
SPAN = "span"  # a length of time ending at the report: "in the past 24 hours", "in three days"
VAGUE = "vague"  # "earlier this month", "in recent days": a window with no fixed day
SINCE = "since"  # the start of a running total: "since the war began", "since Feb. 24, 2022"
TOTAL = "total"  # other running-total words: "in total", "so far", "to date"
AS_OF = "as_of"  # "as of Dec. 17"

_EXPRESSIONS = re.compile("(?x)" + _TIME.EXPRESSIONS, re.IGNORECASE)
# The same alternatives, one per top-level group, for the fast word-start matcher on lower-cased text.
_EXPRESSIONS_FAST = WordAlternation(
    [
        ("", piece.strip().lower().replace("(?p<", "(?P<"))
        for piece in re.split(r"\n  \| ", _TIME.EXPRESSIONS)
    ],
    before="",
    after="",
    word_start=r"\b\w",
    flags=re.VERBOSE,
)


@dataclass(slots=True)
class TimeExpr:
    """A time expression of a sentence, its days resolved against publication where it names any."""

    start: int
    end: int
    kind: str
    date: date | None = None
    date_start: date | None = None

    def moved(self, by: int) -> TimeExpr:
        """The same, ``by`` characters further on."""
        return TimeExpr(self.start + by, self.end + by, self.kind, self.date, self.date_start)


def _month_number(token: str) -> int:
    return _TIME.MONTH_NUMBERS[token[:3].lower()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _recent(month: int, day: int, published: date, year: str | None) -> date | None:
    """The day ``month``/``day`` in ``year`` or, without one, its latest occurrence up to publication."""
    if year:
        return _safe_date(int(year), month, day)
    found = _safe_date(published.year, month, day)
    # A few days ahead of publication still means this year (a report dated the evening before).
    if found is not None and found > published + timedelta(days=3):
        found = _safe_date(published.year - 1, month, day)
    return found


def _month_span(month: int, published: date, year: str | None) -> tuple[date, date]:
    y = int(year) if year else published.year if month <= published.month else published.year - 1
    last = date(y, month, calendar.monthrange(y, month)[1])
    if last > published:
        last = published
    return date(y, month, 1), last


def _scan(sentence: str) -> list[re.Match[str]] | Iterator[re.Match[str]]:
    """The expressions' matches."""
    lowered = sentence.lower()
    if len(lowered) == len(sentence):
        return _EXPRESSIONS_FAST.matches(lowered)
    return _EXPRESSIONS.finditer(sentence)


def find_times(sentence: str, published: date | None) -> list[TimeExpr]:
    """Time expressions of ``sentence``; days resolved only when ``published`` is known."""
    found: list[TimeExpr] = []
    for match in _scan(sentence):
        # Each alternative is one named group around the whole of it (never empty), closed last: it names
        # the kind of expression.
        kind = match.lastgroup
        start, end = match.span()
        if kind == "since":
            first = _recent_day(match.group(0)[5:], published)
            if published is not None and _YEAR_START.search(match.group(0)):
                # "since the start of the year": the year so far, a window from January 1.
                found.append(TimeExpr(start, end, DAY, published, date(published.year, 1, 1)))
            elif first is None:
                found.append(TimeExpr(start, end, SINCE))
            else:
                found.append(TimeExpr(start, end, DAY, published, first))
        elif kind == "total":
            found.append(TimeExpr(start, end, TOTAL))
        elif kind == "asof":
            inner = find_times(_AS_OF_LEAD.sub("", match.group(0)), published)
            day = inner[0].date if inner else published
            found.append(TimeExpr(start, end, AS_OF, day))
        elif kind == "range":
            if match["r_d1"]:
                month_token, d1, d2, year = (
                    match.group(0).split()[0],
                    match["r_d1"],
                    match["r_d2"],
                    match["r_y"],
                )
            else:
                month_token, d1, d2, year = match["r2_m"], match["r2_d1"], match["r2_d2"], match["r2_y"]
            if published is None:
                found.append(TimeExpr(start, end, DAY))
                continue
            month = _month_number(month_token)
            last = _recent(month, int(d2), published, year)
            first = _safe_date(last.year, month, int(d1)) if last else None
            if first and last and first <= last:
                found.append(TimeExpr(start, end, DAY, last, first))
            else:
                found.append(TimeExpr(start, end, DAY, last))
        elif kind == "day":
            prefix = "d_" if match["d_m"] else "d2_"  # "May 5" or "5 May"
            month_token, day_s, year = (match[prefix + part] for part in "mdy")
            # A lower-case "may" is the verb ("the 2 may rise"); the month is written May (or MAY). The
            # match may come from the lower-cased sentence: the case is read from the sentence itself.
            if sentence[match.start(prefix + "m") : match.end(prefix + "m")] == "may" and not year:
                continue
            day = _recent(_month_number(month_token), int(day_s), published, year) if published else None
            found.append(TimeExpr(start, end, DAY, day))
        elif kind == "month":
            if published is None:
                found.append(TimeExpr(start, end, MONTH))
                continue
            if match["m_last"]:
                which = match["m_last"].lower()
                if which == "this":
                    found.append(TimeExpr(start, end, MONTH, published, published.replace(day=1)))
                else:
                    last_day = published.replace(day=1) - timedelta(days=1)
                    found.append(TimeExpr(start, end, MONTH, last_day, last_day.replace(day=1)))
                continue
            month_token = match["m_m"] or match["m_m2"]
            first, last = _month_span(_month_number(month_token), published, match["m_y"])
            found.append(TimeExpr(start, end, MONTH, last, first))
        elif kind == "year":
            year = int(match["y_y"])
            first, last = date(year, 1, 1), date(year, 12, 31)
            if published is not None and last > published:
                last = published
            found.append(TimeExpr(start, end, MONTH, last, first))
        elif kind == "week":
            text = match.group(0).lower()
            if published is None:
                found.append(TimeExpr(start, end, WEEK))
            elif "weekend" in text:
                # The most recent Saturday-Sunday before publication.
                sunday = published - timedelta(days=(published.weekday() + 1) % 7 or 7)
                found.append(TimeExpr(start, end, WEEK, sunday, sunday - timedelta(days=1)))
            elif text.startswith("this"):
                monday = published - timedelta(days=published.weekday())
                found.append(TimeExpr(start, end, WEEK, published, monday))
            else:
                monday = published - timedelta(days=published.weekday() + 7)
                found.append(TimeExpr(start, end, WEEK, monday + timedelta(days=6), monday))
        elif kind == "reld":
            text = match.group(0).lower()
            if published is None:
                found.append(TimeExpr(start, end, DAY))
            elif text in ("overnight", "last night"):
                # The night that ended on the morning of the report.
                found.append(TimeExpr(start, end, DAY, published, published - timedelta(days=1)))
            elif text in ("today", "this morning", "tonight", "earlier today"):
                found.append(TimeExpr(start, end, DAY, published))
            elif "night of" in text:
                continue
            else:
                found.append(TimeExpr(start, end, DAY, published - timedelta(days=1)))
        elif kind == "weekday":
            text = match.group(0)
            name = re.search(_TIME.WEEKDAY, text, re.IGNORECASE)
            if name is None:
                continue
            if published is None:
                found.append(TimeExpr(start, end, DAY))
                continue
            target = _TIME.WEEKDAYS.index(name.group(0).lower())
            back = (published.weekday() - target) % 7
            if text.lower().startswith("last") and back == 0:
                back = 7
            found.append(TimeExpr(start, end, DAY, published - timedelta(days=back)))
        elif kind == "span":
            found.append(TimeExpr(start, end, SPAN))
        elif kind == "vague":
            found.append(TimeExpr(start, end, VAGUE))
    if not found:
        return found
    if "born" in sentence.lower():
        # "born in 2005", "born on March 3, 2001": a person's age, never the day of a claim.
        found = [t for t in found if not _BORN_BEFORE.search(sentence, max(0, t.start - 12), t.start)]
    return _night_spans(
        _join_day_ranges(_drop_dates_inside_since(found, sentence, published), sentence), sentence
    )


_EVENING_BEFORE = re.compile(r"(?i)\d\s*p\.?\s?m\b\.?[^;]{0,50}$")
_MORNING_AFTER = re.compile(r"(?i)[^.;]{0,20}?\b(?:and|to|until|till)\s+\d{1,2}(?:[:.]\d{2})?\s*a\.?\s?m\b")


def _night_spans(found: list[TimeExpr], sentence: str) -> list[TimeExpr]:
    """ "Between 11 p.m. on December 24 and 7 a.m.": the night from that day to the next morning."""
    if "m" not in sentence:
        return found
    out = []
    for expr in found:
        if (
            expr.kind == DAY
            and expr.date is not None
            and expr.date_start is None
            and _MORNING_AFTER.match(sentence, expr.end)
            and _EVENING_BEFORE.search(sentence[max(0, expr.start - 60) : expr.start])
        ):
            expr = TimeExpr(expr.start, expr.end, DAY, expr.date + timedelta(days=1), expr.date)
        out.append(expr)
    return out


_BORN_BEFORE = re.compile(r"(?i)\bborn\s+(?:in\s+|on\s+)?$")


_INVASION_DAY = date(2022, 2, 24)

_YEAR_START = re.compile(r"(?i)\b(?:start|beginning|outset|onset)\s+of\s+(?:the|this)\s+year\b")

# "as of", "by the morning of": the words before an as-of day.
_AS_OF_LEAD = re.compile(r"(?i)^(?:as\s+of|by)\s+(?:the\s+\w+\s+of\s+)?")

_RANGE_OPENER = re.compile(r"(?i)\b(?:between|from)\s+$")
_RANGE_GAP = re.compile(r"(?i),?\s*(?:and|to|until|through|-|\u2013)\s*")


def _join_day_ranges(found: list[TimeExpr], sentence: str) -> list[TimeExpr]:
    """ "between Nov. 18 and Nov. 24", "from November 16 to 22": one window from the first day to the last."""
    joined: list[TimeExpr] = []
    i = 0
    while i < len(found):
        expr = found[i]
        if i + 1 < len(found) and expr.kind == DAY and expr.date:
            nxt = found[i + 1]
            gap = sentence[expr.end : nxt.start]
            opener = _RANGE_OPENER.search(sentence[max(0, expr.start - 9) : expr.start])
            if (
                opener and nxt.kind == DAY and nxt.date and _RANGE_GAP.fullmatch(gap)
            ) and expr.date <= nxt.date:
                if (nxt.date - expr.date).days > 93 or expr.date == _INVASION_DAY:
                    # "from Feb. 24, 2022 to Nov. 26, 2024", "between 24 February and 2 May": a running total
                    # as of its last day (the full-scale invasion began on 24 February 2022).
                    joined.append(TimeExpr(expr.start, expr.end, SINCE))
                    joined.append(TimeExpr(nxt.start, nxt.end, AS_OF, nxt.date))
                else:
                    joined.append(TimeExpr(expr.start, nxt.end, DAY, nxt.date, expr.date))
                i += 2
                continue
        joined.append(expr)
        i += 1
    return joined


# "since", "invaded", "the start of" or a war that "began"/"was launched" before a date; an attack
# "launched on Sunday" is that day's.
_SINCE_BEFORE = re.compile(
    r"(?i)(?:\b(?:since|invaded|beginning|start)\b|\b(?:war|invasion|(?:counter-?)?offensive|operation|incursion|"
    r"aggression|hostilities|conflict)\b[^,;.]{0,25}?\b(?:began|begun|started|launched)\b|\b(?:began|begun|"
    r"started|launched)\b[^,;.]{0,25}?\b(?:war|invasion|(?:counter-?)?offensive|incursion|aggression)\b)[^,;.]{0,30}$"
)


# "since Friday", "since Nov. 2": a window from a recent day up to the report.
_SINCE_RIGHT_BEFORE = re.compile(r"(?i)\bsince\s+(?:last\s+)?$")
_RECENT_DAYS = 31


def _recent_day(text: str, published: date | None) -> date | None:
    """The day ``text`` names ("Friday", "May 10") when it is one of the month before ``published``."""
    if published is None:
        return None
    inner = find_times(text, published)
    if len(inner) == 1 and inner[0].kind == DAY and inner[0].date is not None:
        first = inner[0].date
        if 0 < (published - first).days <= _RECENT_DAYS and inner[0].date_start is None:
            return first
    return None


def _drop_dates_inside_since(found: list[TimeExpr], sentence: str, published: date | None) -> list[TimeExpr]:
    """A date right after "since" or "began in" starts a running total: it is not the claim's day. A day
    of the last month right after "since" starts a window that ends with the report ("lost around 300
    personnel since Friday")."""
    kept: list[TimeExpr] = []
    for expr in found:
        if (
            expr.kind == DAY
            and expr.date_start is None
            and _SINCE_RIGHT_BEFORE.search(sentence[max(0, expr.start - 12) : expr.start])
            and (first := _recent_day(sentence[expr.start : expr.end], published)) is not None
        ):
            kept.append(TimeExpr(expr.start, expr.end, DAY, published, first))
            continue
        if expr.kind in (DAY, MONTH) and _SINCE_BEFORE.search(sentence[max(0, expr.start - 40) : expr.start]):
            kept.append(TimeExpr(expr.start, expr.end, SINCE))
            continue
        kept.append(expr)
    return kept


CUMULATIVE_KINDS = (SINCE, TOTAL)
WINDOW_KINDS = (DAY, MONTH, WEEK, SPAN, VAGUE)
