"""PDFs: the text layer of every page, and the document info's title and creation date."""

from __future__ import annotations

import io
import logging
from datetime import date

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from ingest.parsers.base import ParsedDocument, ParseError, clean_line, clean_text, headline

BROKEN = "This PDF is damaged and cannot be read."
ENCRYPTED = "This PDF is password-protected; remove the password and upload it again."
SCANNED = "This PDF seems to be a scan with no text to read."

log = logging.getLogger(__name__)


def parse(data: bytes) -> ParsedDocument:
    # pypdf raises many kinds of error on a damaged file (its own, ValueError, KeyError,
    # RecursionError...); every one of them means the same thing to the uploader.
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            # Only an empty user password opens it: a PDF locked against editing still reads.
            raise ParseError(ENCRYPTED)
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except FileNotDecryptedError:
        raise ParseError(ENCRYPTED) from None
    except Exception as exc:  # noqa: BLE001 - see above
        log.info("unreadable PDF: %s: %s", type(exc).__name__, exc)
        raise ParseError(BROKEN) from None
    text = clean_text("\n\n".join(pages))
    if not text:
        raise ParseError(SCANNED)
    title, published = _info(reader)
    return ParsedDocument(text=text, kind="pdf", title=title or headline(text), published=published)


def _info(reader: PdfReader) -> tuple[str, date | None]:
    try:
        info = reader.metadata
        if info is None:
            return "", None
        title = clean_line(str(info.title or ""), 500)
        created = info.creation_date
    except Exception:  # noqa: BLE001 - damaged document info is not worth refusing the text for
        return "", None
    published = created.date() if created and created.date() <= date.today() else None
    return title, published
