"""File parsers: bytes in, article text and metadata out.

One module a format; `_PARSERS` maps each file name ending to its module's `parse`, so a new
format is one module and one line. Every parser either returns a `ParsedDocument` or raises
`ParseError` carrying the message the uploader sees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ingest.parsers import html, pdf, txt
from ingest.parsers.base import (
    EMPTY,
    ParsedDocument,
    ParseError,
    clean_line,
    clean_text,
    headline,
    human_size,
    title_from_file_name,
)
from ingest.parsers.dates import FoundDate, date_in_text, publication_date

__all__ = [
    "EMPTY",
    "FoundDate",
    "ParseError",
    "ParsedDocument",
    "SUPPORTED_SUFFIXES",
    "clean_line",
    "clean_text",
    "date_in_text",
    "headline",
    "human_size",
    "parse",
    "parse_pasted",
    "publication_date",
    "safe_file_name",
    "title_from_file_name",
]
_PARSERS: dict[str, Callable[[bytes], ParsedDocument]] = {
    ".txt": txt.parse,
    ".text": txt.parse,
    ".html": html.parse,
    ".htm": html.parse,
    ".pdf": pdf.parse,
}
SUPPORTED_SUFFIXES = tuple(_PARSERS)


def suffix_of(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and stem else ""


def _parser_for(name: str, data: bytes) -> Callable[[bytes], ParsedDocument]:
    suffix = suffix_of(name)
    if suffix not in _PARSERS:
        shown = f"Files ending in {suffix}" if suffix else "Files without an ending such as .txt"
        raise ParseError(f"{shown} can't be read; upload .txt, .html, .htm or .pdf files.")
    # The content decides between the formats we read: a PDF or a saved web page renamed to
    # .txt is still read for its text rather than refused or shown as markup.
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return pdf.parse
    if suffix in (".txt", ".text") and re.match(rb"(?i)(<!doctype html|<html[\s>])", head):
        return html.parse
    return _PARSERS[suffix]


def parse(name: str, data: bytes) -> ParsedDocument:
    """Read one uploaded file; raises ParseError with the uploader's message when it can't."""
    parser = _parser_for(name, data)
    if not data.strip():
        raise ParseError(EMPTY)
    return parser(data)


def parse_pasted(text: str, *, title: str = "") -> ParsedDocument:
    cleaned = clean_text(text)
    if not cleaned:
        raise ParseError(EMPTY)
    return ParsedDocument(text=cleaned, kind="paste", title=clean_line(title, 500) or headline(cleaned))


_SEPARATORS = re.compile(r"[/\\]")


def safe_file_name(name: str, *, max_length: int = 255) -> str:
    """A file name fit to store and show: no folders, no control characters, no leading dots.

    Browsers send only the base name, but a hand-made request may send "../../etc/passwd" or
    a name with newlines; neither may reach a log line or a page as it came.
    """
    base = _SEPARATORS.split(name)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = " ".join(base.split()).lstrip(". ")
    if len(base) > max_length:
        suffix = suffix_of(base)
        base = base[: max_length - len(suffix)] + suffix
    return base or "unnamed"
