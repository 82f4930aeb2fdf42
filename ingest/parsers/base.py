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


def clean_text(text: str) -> str:
    """Text fit to store: one kind of newline, no control or format characters, trimmed.

    Postgres refuses NUL in text columns, and stray control characters from a PDF or a
    legacy file would otherwise end up in evidence sentences and CSV cells.
    """
    text = _NEWLINES.sub("\n", text)
    # Printable ASCII, newlines and tabs stay as they are; only the rest is looked at a character at a time.
    return _LOOK_AT.sub(_printable, text).strip()


_LOOK_AT = re.compile(r"[^\x20-\x7e\n\t]+")
_DROPPED = frozenset(("Cc", "Cf", "Cs", "Co"))


def _printable(match: re.Match) -> str:
    return "".join(ch for ch in match.group() if unicodedata.category(ch) not in _DROPPED)


def clean_line(text: str, max_length: int) -> str:
    """A one-line field (title, outlet): control characters out, whitespace collapsed, cut to fit."""
    return " ".join(clean_text(text).split())[:max_length]


def looks_binary(sample: str) -> bool:
    """Many control characters: bytes that decoded without error but are no text (images, archives)."""
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    # A few stray ones (a bell, an escape) are noise in a real article; clean_text drops them.
    return bad > max(8, len(sample) // 50)


def looks_like_title(line: str) -> bool:
    """A line that reads as a headline rather than the first sentence of the story."""
    line = line.strip()
    words = line.split()
    return (
        2 <= len(words) <= 30
        and len(line) <= 200
        and line[-1] not in ".,;:"
        and any(c.isalpha() for c in line)
    )


# Lines a saved page or a copied article carries around its headline that are not the headline:
# navigation and sharing words, bylines, datelines of the page itself, photo credits.
_CHROME_WORDS = {
    "advertisement", "breaking", "comments", "contact", "english", "feed", "follow", "home", "latest",
    "listen", "live", "log", "menu", "more", "news", "newsletter", "photo", "print", "read", "related",
    "search", "share", "sign", "skip", "subscribe", "to", "content", "top", "stories", "updates", "us",
    "video", "watch", "world", "in", "on", "europe", "ukraine", "russia", "politics", "war",
}  # fmt: skip
_NOT_A_HEADLINE = re.compile(
    r"^(?:by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*"
    r"|(?:author|reporter|written by|photo|image|source|credit|published|updated|posted|date)\b.*"
    r"|\W*\d{1,2}[:.]\d\d\b.*)$",
    re.IGNORECASE,
)
_HEADLINE_SEARCH_LINES = 6


def _is_chrome(line: str) -> bool:
    words = re.findall(r"[A-Za-z]+", line.casefold())
    return not words or all(word in _CHROME_WORDS for word in words)


def headline(text: str) -> str:
    """The first of the opening lines that reads as a headline, passing over site chrome and bylines.

    Only when more text follows it: a one-line paste has no headline, just a sentence.
    """
    lines = [line.strip() for line in text.split("\n")[: _HEADLINE_SEARCH_LINES + 1]]
    for position, line in enumerate(lines[:_HEADLINE_SEARCH_LINES]):
        if not line or _is_chrome(line) or _NOT_A_HEADLINE.match(line):
            continue
        if looks_like_title(line) and any(rest for rest in text.split("\n")[position + 1 :] if rest.strip()):
            return line
        # The first line of running text: the story has begun and no headline came before it.
        if len(line.split()) > 12:
            return ""
    return ""


def title_from_file_name(name: str) -> str:
    """The last resort for a title: the file's name without its ending, separators made spaces."""
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    return " ".join(re.split(r"[_\s]+|(?<=\w)-(?=\w)", stem)).strip()
