"""What every parser shares: the result type, the error the uploader sees, text clean-up."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

EMPTY = "This file is empty or holds only whitespace."
BINARY = "This file holds binary data, not text; upload the article as .txt, .html or .pdf."


def human_size(n: int) -> str:
    """A byte count as the upload messages print it: 10.0 MB, 12.5 KB, 900 bytes."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n:,} bytes"


class ParseError(Exception):
    """A file we cannot read; `message` is shown to the uploader as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ParsedDocument:
    text: str
    kind: str  # one of Article.SourceKind's values
    title: str = ""
    published: date | None = None
    outlet: str = ""
    url: str = ""


_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_KEEP = {"\n", "\t"}


def clean_text(text: str) -> str:
    """Text fit to store: one kind of newline, no control or format characters, trimmed.

    Postgres refuses NUL in text columns, and stray control characters from a PDF or a
    legacy file would otherwise end up in evidence sentences and CSV cells.
    """
    text = _NEWLINES.sub("\n", text)
    text = "".join(
        ch for ch in text if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )
    return text.strip()


def clean_line(text: str, max_length: int) -> str:
    """A one-line field (title, outlet): control characters out, whitespace collapsed, cut to fit."""
    return " ".join(clean_text(text).split())[:max_length]


def looks_binary(sample: str) -> bool:
    """Many control characters: bytes that decoded without error but are no text (images, archives)."""
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    # A few stray ones (a bell, an escape) are noise in a real article; clean_text drops them.
    return bad > max(8, len(sample) // 50)


def looks_like_title(line: str) -> bool:
    """A first line that reads as a headline rather than the first sentence of the story."""
    line = line.strip()
    words = line.split()
    return (
        2 <= len(words) <= 30
        and len(line) <= 200
        and line[-1] not in ".,;:"
        and any(c.isalpha() for c in line)
    )


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
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
]


def date_in_text(text: str, *, not_after: date) -> date | None:
    """The latest full date (day, month and year) the text mentions, up to `not_after`.

    Stories cite older dates ("since February 24, 2022") but rarely later ones than their
    own, so the latest date that is not in the future is the best guess at publication.
    """
    found: list[date] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match["month"]
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                found.append(date(int(match["year"]), month_number, int(match["day"])))
            except ValueError:
                continue
    found = [d for d in found if d <= not_after]
    return max(found) if found else None
