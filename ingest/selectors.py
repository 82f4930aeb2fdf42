"""Reads for the ingest path: the registries the engine reads names from, and batch rows."""

from __future__ import annotations

import threading

from django.db import connection
from django.db.models import Count, QuerySet

from claims.models import Claimant, Place, Region, Unit
from ingest.extract import Registries
from ingest.models import UploadBatch, UploadItem

_REGISTRY_MODELS = (Region, Place, Unit, Claimant)
_cache_lock = threading.Lock()
_cached: tuple[tuple, Registries] | None = None


def _registries_stamp() -> tuple:
    # Any admin edit moves a row's updated_at and any deletion moves a count, so the pairs
    # tell a worker that its compiled registries are out of date; one round trip per task.
    quote = connection.ops.quote_name
    parts = []
    for model in _REGISTRY_MODELS:
        table = quote(model._meta.db_table)
        parts += [f"(SELECT COUNT(*) FROM {table})", f"(SELECT MAX({quote('updated_at')}) FROM {table})"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        return tuple(cursor.fetchone())


def registries_from_db() -> Registries:
    """The registries as the database holds them now, compiled once a process per change."""
    global _cached
    stamp = _registries_stamp()
    cached = _cached
    if cached is not None and cached[0] == stamp:
        return cached[1]
    with _cache_lock:
        if _cached is not None and _cached[0] == stamp:
            return _cached[1]
        registries = Registries.from_dicts(
            regions=[
                {"name": r.name, "aliases": r.aliases, "country": r.country} for r in Region.objects.all()
            ],
            places=[
                {"name": p.name, "aliases": p.aliases, "region": p.region.name, "kind": p.kind}
                for p in Place.objects.select_related("region")
            ],
            units=[
                {"name": u.name, "aliases": u.aliases, "side": u.side, "kind": u.kind}
                for u in Unit.objects.all()
            ],
            claimants=[
                {"name": c.name, "aliases": c.aliases, "side": c.side} for c in Claimant.objects.all()
            ],
        )
        _cached = (stamp, registries)
        return registries


def registries_in_db() -> bool:
    """Whether the registry tables exist (migrated) and hold any rows."""
    tables = set(connection.introspection.table_names())
    if not all(m._meta.db_table in tables for m in _REGISTRY_MODELS):
        return False
    return any(m.objects.exists() for m in _REGISTRY_MODELS)


def batch_items(*, batch: UploadBatch) -> QuerySet[UploadItem]:
    """The batch page's rows, each with its article and that article's claim count."""
    return (
        batch.items.select_related("article", "article__outlet")
        # The page polls every second while a batch runs; it never shows the articles' text.
        .defer("article__text")
        .annotate(claim_count=Count("article__claims"))
        .order_by("position")
    )
