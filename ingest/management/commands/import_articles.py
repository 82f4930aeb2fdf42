"""Bulk import: files and folders, and archives (JSON lines or CSV, an article a record), through the archive
path: stored in batches, extracted in chunks, resumable. Files are read as the upload form reads them, and
recorded as one upload batch with an item a file."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ingest.models import UploadBatch
from ingest.parsers import SUPPORTED_SUFFIXES, clean_line, safe_file_name
from ingest.parsers.archive import ArchiveRecord, RecordError, archive_records, archive_size, is_archive
from ingest.services import CHUNK, ArchiveSummary, archive_import, batch_create, read_upload


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


def file_records(
    files: list[Path], *, manifest: dict[str, dict], upload: UploadBatch, on_file: Callable[[str], object]
) -> Iterator[ArchiveRecord | RecordError]:
    """Each file read and parsed, one at a time, as a record for archive_import: what the manifest says of
    it, else what the command gave for every file (the upload batch's), else what the file carries."""
    for position, path in enumerate(files, 1):
        name = safe_file_name(path.name)
        with open(path, "rb") as handle:
            document = read_upload(name, handle, path.stat().st_size)
        extra = manifest.get(path.name, {})
        if isinstance(document, str):
            yield RecordError(position, document, name=name)
        else:
            yield ArchiveRecord(
                line=position,
                text=document.text,
                title=document.title,
                url=(extra.get("url") or upload.url or document.url)[:2000],
                outlet=clean_line(extra.get("outlet") or upload.outlet_name or document.outlet, 200),
                published=extra.get("published") or upload.published,
                kind=document.kind,
                name=name,
                found_published=document.published,
            )
        on_file(name)


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


class RateProgress:
    """A one-line progress bar with rate and time left, on stderr, for an archive's records."""

    def __init__(self, total: int, write: Callable[[str], object], width: int = 30) -> None:
        self.total, self.width, self.write = total, width, write
        self.started = time.monotonic()

    def show(self, done: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = done / elapsed
        left = (self.total - done) / rate if rate and self.total > done else 0
        filled = self.width * done // max(self.total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done >= self.total else ""
        self.write(f"\r[{bar}] {done:,}/{self.total:,} {rate:,.0f} records/s, {left:,.0f} s left{end}")


class Command(BaseCommand):
    help = "Import article files (.txt, .html, .htm, .pdf), folders of them, or archives (.jsonl, .csv)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "paths",
            nargs="+",
            type=Path,
            help="files, folders, or archives (.jsonl, .ndjson, .csv: an article a record)",
        )
        parser.add_argument(
            "--manifest", type=Path, help="JSON list of {file, outlet, url, published} per file"
        )
        parser.add_argument("--outlet", default="", help="outlet for every file (the manifest wins)")
        parser.add_argument("--url", default="", help="URL for every file (the manifest wins)")
        parser.add_argument("--published", type=date.fromisoformat, help="YYYY-MM-DD for every file")
        parser.add_argument("--user", help="username recorded as the uploader")
        parser.add_argument(
            "--batch-size", type=int, default=500, help="records (files) stored a transaction"
        )
        parser.add_argument("--chunk", type=int, default=CHUNK, help="articles an extraction task")
        parser.add_argument("--json", action="store_true", help="the summary as JSON on stdout")

    def _progress_write(self, text: str) -> None:
        self.stderr.write(text, ending="")
        self.stderr.flush()

    def handle(self, *args, **options) -> None:
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user named {options['user']!r}")
        if options["batch_size"] < 1 or options["chunk"] < 1:
            raise CommandError("--batch-size and --chunk must be at least 1")
        archives = [p for p in options["paths"] if p.is_file() and is_archive(p)]
        if archives:
            if len(archives) != len(options["paths"]):
                raise CommandError("import archives on their own, not with files or folders")
            self._archives(archives, user, options)
            return
        manifest = read_manifest(options["manifest"]) if options["manifest"] else {}
        files = collect_files(options["paths"])
        if not files:
            raise CommandError("no .txt, .html, .htm or .pdf files found")
        upload = batch_create(
            user=user,
            outlet=options["outlet"],
            url=options["url"],
            published=options["published"],
            origin=UploadBatch.Origin.COMMAND,
        )
        progress = Progress(len(files), write=self._progress_write)
        summary = archive_import(
            file_records(files, manifest=manifest, upload=upload, on_file=progress.step),
            source_name="files",
            user=user,
            batch_size=options["batch_size"],
            chunk=options["chunk"],
            upload=upload,
        )
        for _line, reason in summary.refused:
            self.stderr.write(reason)
        if options["json"]:
            self.stdout.write(json.dumps({"upload_batch": upload.pk, **summary.as_dict()}, indent=2))
        else:
            filled = f" ({summary.filled} filled in what their article lacked)" if summary.filled else ""
            self.stdout.write(
                f"{summary.stored} stored, {summary.duplicates} already stored{filled}, "
                f"{len(summary.refused)} refused (upload batch {upload.pk})"
            )
        if summary.refused:
            raise CommandError(f"{len(summary.refused)} file(s) could not be read")

    def _archives(self, archives: list[Path], user, options) -> None:
        summaries: dict[str, ArchiveSummary] = {}
        for path in archives:
            progress = RateProgress(archive_size(path), write=self._progress_write)
            summaries[str(path)] = archive_import(
                archive_records(path, max_bytes=settings.UPLOAD_MAX_FILE_BYTES),
                source_name=path.name,
                user=user,
                batch_size=options["batch_size"],
                chunk=options["chunk"],
                on_batch=lambda summary, progress=progress: progress.show(summary.read),
            )
        if options["json"]:
            self.stdout.write(json.dumps({name: s.as_dict() for name, s in summaries.items()}, indent=2))
            return
        for name, summary in summaries.items():
            for line, reason in summary.refused:
                self.stderr.write(f"{name}:{line}: {reason}")
            self.stdout.write(
                f"{name}: {summary.stored:,} stored, {summary.duplicates:,} already stored "
                f"({summary.requeued:,} of them queued again), {len(summary.refused):,} refused; "
                f"{summary.tasks:,} extraction tasks"
            )
