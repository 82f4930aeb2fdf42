"""An archive of articles in one file, read a record at a time: JSON lines (.jsonl, .ndjson: an object a line)
or CSV with a header (.csv), each record with ``text`` and optionally ``title``, ``url``, ``outlet`` and
``published`` (YYYY-MM-DD). A record that cannot be stored is reported with its line and why, and the reading
goes on; nothing is held but the record at hand, so a million-record archive costs what one record does."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.parsers.base import clean_line, clean_text

ARCHIVE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
FIELDS = ("text", "title", "url", "outlet", "published")


@dataclass(frozen=True)
class ArchiveRecord:
    """An article to store: a record of an archive (``line`` its line), or a file (``name`` its name,
    ``line`` its place among the files) with what its format carries (``kind``, ``found_published``)."""

    line: int
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    # The date the importer gave: it wins over every date the text or its metadata carries.
    published: date | None = None
    kind: str = "txt"
    name: str = ""
    found_published: date | None = None


@dataclass(frozen=True)
class RecordError:
    line: int
    message: str
    name: str = ""


def is_archive(path: Path) -> bool:
    return path.suffix.lower() in ARCHIVE_SUFFIXES


def _record(line: int, fields: object, max_bytes: int) -> ArchiveRecord | RecordError:
    if not isinstance(fields, dict):
        return RecordError(line, "not an object with a 'text'")
    raw = fields.get("text")
    if not isinstance(raw, str) or not (text := clean_text(raw)):
        return RecordError(line, "no text")
    if len(text.encode("utf-8")) > max_bytes:
        return RecordError(line, f"the text is over the limit of {max_bytes:,} bytes an article")
    strings = {}
    for name in ("title", "url", "outlet"):
        value = fields.get(name) or ""
        if not isinstance(value, str):
            return RecordError(line, f"{name} must be text")
        strings[name] = value
    published = fields.get("published") or None
    if published is not None:
        try:
            published = date.fromisoformat(str(published))
        except ValueError:
            return RecordError(line, f"published must be YYYY-MM-DD, not {str(published)[:40]!r}")
    return ArchiveRecord(
        line=line,
        text=text,
        title=clean_line(strings["title"], 500),
        url=strings["url"].strip()[:2000],
        outlet=clean_line(strings["outlet"], 200),
        published=published,
    )


def archive_records(path: Path, *, max_bytes: int) -> Iterator[ArchiveRecord | RecordError]:
    """Each record of the archive at ``path`` in turn, or why it cannot be stored."""
    kind = ARCHIVE_SUFFIXES[path.suffix.lower()]
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        if kind == "jsonl":
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    fields = json.loads(line)
                except ValueError as exc:
                    yield RecordError(number, f"not JSON: {getattr(exc, 'msg', exc)}")
                    continue
                yield _record(number, fields, max_bytes)
            return
        csv.field_size_limit(sys.maxsize)
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield RecordError(
                1, f"the header must name a 'text' column (and may name {', '.join(FIELDS[1:])})"
            )
            return
        for fields in reader:
            # The line a record ends on: what an editor shows for a record spread over several lines.
            yield _record(reader.line_num, fields, max_bytes)


def archive_size(path: Path) -> int:
    """How many records the archive holds (a quick pass, for the progress bar)."""
    kind = ARCHIVE_SUFFIXES[path.suffix.lower()]
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        if kind == "jsonl":
            return sum(1 for line in handle if line.strip())
        csv.field_size_limit(sys.maxsize)
        return max(0, sum(1 for _ in csv.reader(handle)) - 1)
