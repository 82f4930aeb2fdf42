from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from claims.services import SEED_DIR, registries_seed, roles_ensure


class Command(BaseCommand):
    help = (
        "Load regions, places, units, claimants and people from the seed files (idempotent) and ensure the "
        "roles."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dir", type=Path, default=SEED_DIR, help="folder holding the five JSON files")

    def handle(self, *args, **options) -> None:
        counts = registries_seed(directory=options["dir"])
        roles_ensure()
        for name, c in counts.items():
            self.stdout.write(f"{name}: {c.created} created, {c.updated} already present")
