from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _seed_after_migrate(sender, **kwargs) -> None:
    # Registries and roles exist as soon as the schema does, on every database (issue: "and on migrate").
    from django.db import connections

    from claims.models import ReferenceSeries
    from claims.references import shipped_load
    from claims.services import registries_seed, roles_ensure

    registries_seed()
    roles_ensure()
    connection = connections[kwargs.get("using") or "default"]
    # The shipped reference series on a real migrate (a test's flush sends no plan: it would reload 25,000
    # points after every transactional test), once their table exists; a file unchanged is left alone.
    if (
        kwargs.get("plan") is not None
        and ReferenceSeries._meta.db_table in connection.introspection.table_names()
    ):
        shipped_load()


class ClaimsConfig(AppConfig):
    name = "claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_seed_after_migrate, sender=self, dispatch_uid="claims-seed-after-migrate")
