"""Web pages saved from a browser: the story's text and what the page says about itself."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from trafilatura import bare_extraction, html2txt

from ingest.parsers.base import (
    BINARY,
    ParsedDocument,
    ParseError,
    clean_line,
    clean_text,
    headline,
    looks_binary,
)

NO_TEXT = "This page has no readable article text, only markup, scripts or styles."


def parse(data: bytes) -> ParsedDocument:
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError(BINARY)
    # trafilatura drops navigation, scripts, styles and boilerplate and reads the page's own
    # metadata (title, date, site name, canonical link).
    document = bare_extraction(data, with_metadata=True, favor_recall=True, include_comments=False)
    text = clean_text(document.text or "") if document else ""
    if not text:
        # Very short pages fall below trafilatura's minimum; its plain conversion still
        # leaves scripts and styles out.
        text = clean_text(html2txt(data) or "")
    if not text:
        raise ParseError(NO_TEXT)
    if looks_binary(text[:8192]):
        raise ParseError(BINARY)
    if document is None:
        return ParsedDocument(text=text, kind="html", title=headline(text))
    outlet = clean_line(document.sitename or "", 200)
    return ParsedDocument(
        text=text,
        kind="html",
        title=_without_site(clean_line(document.title or "", 500), outlet) or headline(text),
        published=_page_date(document.date),
        outlet=outlet,
        url=_web_url(document.url or ""),
    )


def _without_site(title: str, site: str) -> str:
    """A page title less the site's name pages append to it ("Russia lost 9 tanks | Kyiv Daily")."""
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, sep, tail = title.rpartition(separator)
        if (
            sep
            and head
            and (not site or tail.strip().casefold() == site.casefold() or len(tail.split()) <= 3)
        ):
            return head.strip()
    return title


def _page_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        found = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return found if found <= date.today() else None


def _web_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    usable = parts.scheme in ("http", "https") and parts.netloc and value.isprintable() and len(value) <= 2000
    return value if usable else ""
