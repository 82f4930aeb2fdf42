"""Work out every consistency alarm from scratch: after a bulk load that bypassed the write paths, or to
check that the kept rows are right (--check changes nothing and fails when they differ)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from claims.alarms import alarms_rebuild
from claims.models import Alarm


def _pairs() -> set[tuple]:
    return set(Alarm.objects.values_list("kind", "earlier_id", "later_id"))


class Command(BaseCommand):
    help = "Work out every consistency alarm again from the claims (reviewers' explanations are kept)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="only compare the kept alarms with a rebuild; exit 1 if they differ",
        )

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        if options["check"]:
            kept = _pairs()
            with transaction.atomic():
                alarms_rebuild()
                rebuilt = _pairs()
                transaction.set_rollback(True)
            if kept != rebuilt:
                raise CommandError(
                    f"the kept alarms differ from a rebuild: {len(kept - rebuilt)} kept but not raised, "
                    f"{len(rebuilt - kept)} raised but not kept"
                )
            self.stdout.write(
                f"{len(kept)} alarms, the same as a rebuild ({time.perf_counter() - started:.1f} s)"
            )
            return
        total = alarms_rebuild()
        self.stdout.write(f"{total} alarms ({time.perf_counter() - started:.1f} s)")
