from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _seed_after_migrate(sender, **kwargs) -> None:
    # Registries and roles exist as soon as the schema does, on every database (issue: "and on migrate").
    from claims.services import registries_seed, roles_ensure

    registries_seed()
    roles_ensure()


class ClaimsConfig(AppConfig):
    name = "claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_seed_after_migrate, sender=self, dispatch_uid="claims-seed-after-migrate")
