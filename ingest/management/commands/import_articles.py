"""Bulk import: files and folders through the same service as the upload form."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ingest.models import UploadBatch, UploadItem
from ingest.parsers import SUPPORTED_SUFFIXES
from ingest.services import batch_create, batch_file_add


def collect_files(paths: list[Path]) -> list[Path]:
    """The files named, and the readable files inside the folders named (recursively, hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{path}: no such file or folder")
    return found


def read_manifest(path: Path) -> dict[str, dict]:
    """A JSON list of {file, outlet, url, published}, keyed by the file's name."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"{path}: cannot read the manifest: {exc}") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and e.get("file") for e in entries):
        raise CommandError(f"{path}: the manifest must be a JSON list of objects with a 'file' key")
    manifest = {}
    for entry in entries:
        published = entry.get("published") or None
        if published:
            try:
                published = date.fromisoformat(published)
            except (TypeError, ValueError):
                raise CommandError(
                    f"{path}: {entry['file']}: published must be YYYY-MM-DD, not {published!r}"
                ) from None
        manifest[Path(entry["file"]).name] = {
            "outlet": entry.get("outlet") or "",
            "url": entry.get("url") or "",
            "published": published,
        }
    return manifest


class Progress:
    """A one-line progress bar on stderr, so stdout stays the summary a script can read."""

    def __init__(self, total: int, write: Callable[[str], object], width: int = 30) -> None:
        self.total, self.done, self.width, self.write = total, 0, width, write

    def step(self, label: str) -> None:
        self.done += 1
        filled = self.width * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if self.done == self.total else ""
        self.write(f"\r[{bar}] {self.done}/{self.total} {label[:40]:<40}{end}")


class Command(BaseCommand):
    help = "Import article files (.txt, .html, .htm, .pdf) or folders of them, as the upload form does."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders")
        parser.add_argument(
            "--manifest", type=Path, help="JSON list of {file, outlet, url, published} per file"
        )
        parser.add_argument("--outlet", default="", help="outlet for every file (the manifest wins)")
        parser.add_argument("--url", default="", help="URL for every file (the manifest wins)")
        parser.add_argument("--published", type=date.fromisoformat, help="YYYY-MM-DD for every file")
        parser.add_argument("--user", help="username recorded as the uploader")

    def _progress_write(self, text: str) -> None:
        self.stderr.write(text, ending="")
        self.stderr.flush()

    def handle(self, *args, **options) -> None:
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user named {options['user']!r}")
        manifest = read_manifest(options["manifest"]) if options["manifest"] else {}
        files = collect_files(options["paths"])
        if not files:
            raise CommandError("no .txt, .html, .htm or .pdf files found")
        batch = batch_create(
            user=user,
            outlet=options["outlet"],
            url=options["url"],
            published=options["published"],
            origin=UploadBatch.Origin.COMMAND,
        )
        progress = Progress(len(files), write=self._progress_write)
        refused: list[UploadItem] = []
        counts = dict.fromkeys(UploadItem.State.values, 0)
        for path in files:
            extra = manifest.get(path.name, {})
            with open(path, "rb") as handle:
                item = batch_file_add(
                    batch=batch, name=path.name, content=handle, size=path.stat().st_size, **extra
                )
            counts[item.state] += 1
            if item.state == UploadItem.State.REJECTED:
                refused.append(item)
            progress.step(path.name)
        for item in refused:
            self.stderr.write(f"{item.name}: {item.message}")
        self.stdout.write(
            f"{counts['stored']} stored, {counts['duplicate']} already stored, {counts['rejected']} refused "
            f"(upload batch {batch.pk})"
        )
        if refused:
            raise CommandError(f"{len(refused)} file(s) could not be read")
