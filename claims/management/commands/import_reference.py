from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.models import ReferenceSeries
from claims.references import FORMATS, ReferenceFileError, SeriesMeta, reference_import, shipped_load


class Command(BaseCommand):
    help = (
        "Import a reference series (idempotent: a series imported again keeps its id and has its points "
        "replaced). With no PATH, the shipped General Staff and Oryx series are imported where they changed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help="the file to import")
        parser.add_argument(
            "--format", choices=FORMATS, default="csv", help="the file's format (default csv)"
        )
        parser.add_argument("--name", help="csv: the series' name")
        parser.add_argument("--source", default="", help="where the data come from")
        parser.add_argument("--licence", default="")
        parser.add_argument("--claimant", help="the claimant's registry name (none: an independent count)")
        parser.add_argument(
            "--subject-side", default="RU", help="whose losses the series counts (default RU)"
        )
        parser.add_argument("--category", help="csv: the category of rows that name none")
        parser.add_argument("--equipment", help="csv: the equipment of rows that name none")
        parser.add_argument("--kind", choices=ReferenceSeries.Kind.values, default="running_total")
        parser.add_argument("--snapshot", type=date.fromisoformat, help="oryx: the day its totals are as of")

    def handle(self, *args, **options) -> None:
        path: Path | None = options["path"]
        if path is None:
            written = shipped_load()
            self.stdout.write(f"Shipped reference series: {written} imported (unchanged ones left alone)")
            return
        fmt = options["format"]
        if fmt == "csv" and not options["name"]:
            raise CommandError("a CSV series needs --name")
        if fmt == "oryx" and options["snapshot"] is None:
            raise CommandError("an Oryx file needs --snapshot YYYY-MM-DD")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: cannot be read ({error})") from None
        meta = SeriesMeta(
            source=options["source"] or str(path.name),
            licence=options["licence"],
            claimant=options["claimant"],
            subject_side=options["subject_side"],
        )
        try:
            stored = reference_import(
                text,
                fmt,
                meta,
                name=options["name"],
                category=options["category"],
                equipment=options["equipment"],
                kind=options["kind"],
                snapshot=options["snapshot"],
            )
        except ReferenceFileError as error:
            raise CommandError(f"{path}: {error}; nothing was stored") from None
        for series in stored:
            self.stdout.write(f"{series.name}: {series.points.count()} points")
