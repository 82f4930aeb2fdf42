"""Reads for the ingest path: an upload batch's rows."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from ingest.models import UploadBatch, UploadItem


def batch_items(*, batch: UploadBatch) -> QuerySet[UploadItem]:
    """The batch page's rows, each with its article and that article's claim count."""
    return (
        batch.items.select_related("article", "article__outlet")
        # The page polls every second while a batch runs; it never shows the articles' text.
        .defer("article__text")
        .annotate(claim_count=Count("article__claims"))
        .order_by("position")
    )
