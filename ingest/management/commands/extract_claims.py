"""Print the claims the engine reads in article files: one JSON line per file (or per input line)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from claims.selectors import registries_from_db, registries_in_db
from extraction import Registries, extract_record, extract_records, load_seed_registries
from ingest.parsers import ParseError, parse


def _registries() -> Registries:
    # The database's registries carry the admin's edits; before migrate, on an empty database
    # or with no database reachable, the seed files are what the engine would get anyway.
    try:
        if registries_in_db():
            return registries_from_db()
    except DatabaseError:
        pass
    return load_seed_registries()


def _text(path: Path) -> str:
    if path.suffix.lower() in (".html", ".htm", ".pdf"):
        try:
            return parse(path.name, path.read_bytes()).text
        except ParseError as exc:
            raise CommandError(f"{path}: {exc.message}") from None
    # Plain text is read as it is, so offsets point into the file itself.
    return path.read_text(encoding="utf-8", errors="replace")


class Command(BaseCommand):
    help = (
        "Extract claims from article files (FILE... [--published YYYY-MM-DD]) or from --jsonl lines with id, "
        "text and published; prints one JSON line each and writes nothing to the database."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="*", type=Path, help="articles (.txt, .html, .htm, .pdf)")
        parser.add_argument("--published", type=date.fromisoformat, help="publication date of the FILEs")
        parser.add_argument("--jsonl", type=Path, help="JSON lines with id, text, published (and title)")

    def handle(self, *args, **options) -> None:
        if not options["files"] and not options["jsonl"]:
            raise CommandError("give FILEs or --jsonl")
        registries = _registries()
        if options["jsonl"]:
            try:
                with open(options["jsonl"], encoding="utf-8") as handle:
                    for result in extract_records(handle, registries):
                        self.stdout.write(json.dumps(result, ensure_ascii=False))
            except (OSError, ValueError) as exc:
                raise CommandError(f"{options['jsonl']}: {exc}") from None
        published = options["published"].isoformat() if options["published"] else None
        for path in options["files"]:
            try:
                record = {"id": path.stem, "text": _text(path), "published": published}
            except OSError as exc:
                raise CommandError(f"{path}: {exc.strerror}") from None
            self.stdout.write(json.dumps(extract_record(record, registries), ensure_ascii=False))
