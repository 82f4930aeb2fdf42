"""Where real copy carries its publication date: metadata, a dateline, a "Published" line, the URL.

A wire story opens with "KYIV, Dec 17 (Reuters) -"; an agency relay with "MOSCOW, March 3."; a
saved page has "Published: 24 November 2024" near its top and /2024/11/24/ in its address. Each
reading names its source, so the article page can say where its date came from. The last resort,
the latest full date the text mentions, is only a guess and is recorded as such; with none of them
the article is undated rather than dated by the day it was uploaded.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Case-blind inside the group only: a dateline's place must still start with a capital.
_MONTH = r"(?P<month>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FULL_DATES = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(r"(?<![\d.])(?P<day>\d\d)\.(?P<month>\d\d)\.(?P<year>(?:19|20)\d\d)(?![\d.])"),
]
# A day and month, the year optional, as datelines write them: "Dec 17", "17 December, 2022".
_DAY_MONTHS = [rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"]

# "KYIV, Dec 17 (Reuters) -", "MOSCOW, March 3.", "Seoul, Dec. 19 (Yonhap) --", "Moscow, Oct 6:",
# "KYIV, Ukraine, Nov. 24, 2024 —", "MOSCOW (Sputnik - 25th February, 2022)": a place in capitals
# or title case, then the date, then the agency or the dash that ends the dateline.
_PLACE = r"[A-Z][A-Za-z.'’\-]+(?:[ \-][A-Z][A-Za-z.'’\-]+){0,3}"
_DATELINES = [
    re.compile(
        rf"^\s*{_PLACE}(?:,\s*{_PLACE})?\s*(?:,|\((?:[^()\n]{{0,60}}?[-–—,:]\s*)?)\s*{day_month}\s*"
        r"(?:\)|(?:\([^()\n]{1,60}\)\s*)?(?:[-–—:.]|--))",
        re.MULTILINE,
    )
    for day_month in _DAY_MONTHS
]
# "Published: 24 November 2024", "Updated 12:04 GMT, Nov. 24, 2024", "Date: 2024-06-09", "Posted on".
_PUBLISHED_LINE = re.compile(
    r"^\W*(?P<word>published|updated|last updated|posted|date|first published)\b(?:\s+(?:on|at))?\s*:?\s*"
    r"(?P<rest>[^\n]{0,80})",
    re.IGNORECASE | re.MULTILINE,
)
_URL_DATE = [
    re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?:[/\-_.]|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:[/\-_.]|$)"),
]
# How far into the text a dateline or a "Published" line may stand (after a headline and a byline).
_HEAD_LINES = 8


class FoundDate(NamedTuple):
    """A publication date and where it was read: one of Article.DateSource's values."""

    day: date
    source: str


def _month_number(month: str) -> int:
    return int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str) -> list[date]:
    """Every date written with its day, month and year, in no particular order."""
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            day = _make(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            if day:
                found.append(day)
    return found


def date_in_text(text: str, *, not_after: date) -> date | None:
    """The latest full date the text mentions, up to `not_after`: stories cite older dates
    ("since February 24, 2022") but rarely later ones than their own."""
    found = [d for d in full_dates(text) if d <= not_after]
    return max(found) if found else None


def _head(text: str) -> str:
    return "\n".join(text.split("\n", _HEAD_LINES)[:_HEAD_LINES])


def _year_for(month: int, day: int, text: str, url: str, today: date) -> date | None:
    """A dateline's year, which it leaves out: the first on or after the latest full date the text
    cites (a story is not older than what it reports), or the year in its address; else unknown."""
    from_url = url_date(url, today)
    if from_url is not None:
        candidate = _make(from_url.day.year, month, day)
        if candidate and candidate <= today:
            return candidate
    latest = date_in_text(text, not_after=today)
    if latest is None:
        return None
    for year in (latest.year, latest.year + 1):
        candidate = _make(year, month, day)
        if candidate and latest <= candidate <= today:
            return candidate
    return None


def dateline_date(text: str, *, today: date, url: str = "") -> FoundDate | None:
    head = _head(text)
    matches = [m for m in (pattern.search(head) for pattern in _DATELINES) if m]
    if not matches:
        return None
    match = min(matches, key=lambda m: m.start())
    month, day = _month_number(match["month"]), int(match["day"])
    if match["year"]:
        found = _make(int(match["year"]), month, day)
    else:
        found = _year_for(month, day, text, url, today)
    return FoundDate(found, "dateline") if found and found <= today else None


def published_line_date(text: str, *, today: date) -> FoundDate | None:
    """A "Published"/"Updated" line near the top (or the foot) of the page; Published wins over Updated."""
    lines = text.split("\n")
    near = "\n".join(lines[:_HEAD_LINES] + lines[-_HEAD_LINES:])
    readings = []
    for match in _PUBLISHED_LINE.finditer(near):
        days = [d for d in full_dates(match["rest"]) if d <= today]
        if days:
            readings.append((match["word"].lower().startswith("updated"), days[0]))
    if not readings:
        return None
    return FoundDate(min(readings)[1], "byline")


def url_date(url: str, today: date) -> FoundDate | None:
    for pattern in _URL_DATE:
        match = pattern.search(url or "")
        if match:
            found = _make(int(match["year"]), int(match["month"]), int(match["day"]))
            if found and found <= today:
                return FoundDate(found, "url")
    return None


def publication_date(
    text: str, *, today: date, url: str = "", metadata: date | None = None
) -> FoundDate | None:
    """The publication date from the most trustworthy place that has one, or None (undated)."""
    if metadata is not None and metadata <= today:
        return FoundDate(metadata, "file")
    found = (
        dateline_date(text, today=today, url=url)
        or published_line_date(text, today=today)
        or url_date(url, today)
    )
    if found:
        return found
    latest = date_in_text(text, not_after=today)
    return FoundDate(latest, "text") if latest else None
