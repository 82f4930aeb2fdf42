"""Compute the claim summaries again from the claims: after a load that bypassed the triggers, or to check
that the kept rows are right (--check changes nothing and fails when they differ)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from claims.services import summaries_compare, summaries_rebuild


class Command(BaseCommand):
    help = "Compute FactSummary, DaySummary and DimensionSummary again from the claims."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="only compare the kept summaries with a rebuild; exit 1 if they differ",
        )

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        if options["check"]:
            differences = summaries_compare()
            if differences:
                raise CommandError(
                    "the kept summaries differ from a rebuild: "
                    + "; ".join(f"{d.table}: {d.stale} stale rows, {d.missing} missing" for d in differences)
                )
            seconds = time.perf_counter() - started
            self.stdout.write(f"the summaries are the same as a rebuild ({seconds:.1f} s)")
            return
        rows = summaries_rebuild()
        self.stdout.write(
            ", ".join(f"{table}: {n:,} rows" for table, n in rows.items())
            + f" ({time.perf_counter() - started:.1f} s)"
        )
