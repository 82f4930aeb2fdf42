"""Celery tasks of the ingest path: each takes an id, and the work is in ingest.services."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import InterfaceError, OperationalError

from ingest.services import article_extract, articles_extract_chunk, articles_requeue_stale

log = logging.getLogger(__name__)


# Retried on database errors; acknowledged only once done, so a worker lost mid-task has it delivered again.
EXTRACTION_TASK = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 5,
    "acks_late": True,
    "reject_on_worker_lost": True,
}


@shared_task(**EXTRACTION_TASK)
def extract_article_task(article_id: int) -> str:
    """Extract one article's claims (see ingest.services.article_extract); retried on database errors."""
    return article_extract(article_id=article_id)


@shared_task(**EXTRACTION_TASK)
def extract_chunk_task(article_ids: list[int]) -> dict[str, int]:
    """Extract a chunk of articles (ingest.services.articles_extract_chunk); retried on database errors."""
    return articles_extract_chunk(article_ids=article_ids)


@shared_task
def sweep_stale_articles() -> int:
    """Publish again every article left queued or processing for longer than EXTRACT_STALE_AFTER."""
    ids = articles_requeue_stale(older_than=settings.EXTRACT_STALE_AFTER)
    if ids:
        log.info("re-enqueued %d stale article(s)", len(ids))
    return len(ids)


@worker_ready.connect
def _sweep_on_start(sender=None, **kwargs) -> None:
    # A deployment without beat still recovers what a crash left behind, each time a worker starts.
    sweep_stale_articles.delay()
