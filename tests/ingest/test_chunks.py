"""Extraction a chunk of articles at a time (the archive path): the same claims as one article at a time,
nothing stored twice when a chunk comes twice, and one bad article failing alone."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from claims.models import Article, Claim
from claims.services import engine_key
from ingest import services
from ingest.services import article_extract, articles_extract_chunk
from ingest.tasks import extract_chunk_task
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXTS = [
    "Russia lost 1,310 soldiers, 12 tanks and 30 artillery systems over the past day, Ukraine's General "
    "Staff said on Tuesday.",
    "Russia's Defence Ministry said on Monday that Ukraine had lost up to 215 servicemen in the Kupiansk "
    "direction over the past day.",
    "A Russian strike on Kharkiv killed seven civilians and wounded 21, the regional governor said.",
    "Air defences shot down 48 of 55 drones launched overnight, Ukraine's air force said.",
    "Nothing here counts any losses.",
]
FIELDS = (
    "category", "equipment", "value", "value_max", "qualifier", "subject_side", "civilian", "claimant_id",
    "claimant_side", "period", "date", "date_start", "region_id", "place_id", "unit_id", "evidence", "start",
    "end", "fact_key", "engine_key", "origin",
)  # fmt: skip


def _queued(texts=TEXTS) -> list[Article]:
    return [ArticleFactory(text=t, status=Article.Status.QUEUED, published=date(2024, 11, 26)) for t in texts]


def _rows(articles: list[Article]) -> list[tuple]:
    by_article = {a.pk: i for i, a in enumerate(articles)}
    rows = Claim.objects.filter(article__in=articles).values_list("article_id", *FIELDS)
    return sorted((by_article[r[0]], *r[1:]) for r in rows)


def test_a_chunk_stores_the_same_claims_as_one_article_at_a_time():
    articles = _queued()
    outcome = extract_chunk_task.run([a.pk for a in articles])
    assert outcome == {"done": 5, "failed": 0, "skipped": 0, "superseded": 0}
    chunked = _rows(articles)
    assert len(chunked) >= 8
    # The same articles again, one by one.
    Claim.objects.filter(article__in=articles).delete()
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(status=Article.Status.QUEUED)
    for article in articles:
        assert article_extract(article_id=article.pk) == "done"
    assert _rows(articles) == chunked
    statuses = set(Article.objects.filter(pk__in=[a.pk for a in articles]).values_list("status", "attempts"))
    assert statuses == {("done", 2)}


def test_a_chunk_delivered_twice_stores_nothing_twice_and_skips_what_is_done():
    articles = _queued()
    ids = [a.pk for a in articles]
    first = articles_extract_chunk(article_ids=ids)
    stored = Claim.objects.filter(article__in=articles).count()
    again = articles_extract_chunk(article_ids=ids)
    assert first["done"] == 5 and again == {"done": 0, "failed": 0, "skipped": 5, "superseded": 0}
    assert Claim.objects.filter(article__in=articles).count() == stored


def test_reviewed_claims_are_kept_and_not_stored_again_by_a_chunk():
    [article] = _queued(TEXTS[:1])
    articles_extract_chunk(article_ids=[article.pk])
    confirmed = article.claims.order_by("start", "value").first()
    confirmed.review_status = Claim.ReviewStatus.CONFIRMED
    confirmed.save()
    count = article.claims.count()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)
    assert articles_extract_chunk(article_ids=[article.pk])["done"] == 1
    assert article.claims.count() == count
    key = engine_key(confirmed.category, confirmed.equipment, confirmed.subject_side, confirmed.start)
    assert article.claims.filter(engine_key=key).count() == 1


def test_an_engine_failure_fails_its_article_alone(monkeypatch):
    articles = _queued()
    real = services.extract

    def brittle(text, **kwargs):
        if "strike on Kharkiv" in text:
            raise ValueError("a reading went wrong")
        return real(text, **kwargs)

    monkeypatch.setattr(services, "extract", brittle)
    outcome = articles_extract_chunk(article_ids=[a.pk for a in articles])
    assert (outcome["done"], outcome["failed"]) == (4, 1)
    failed = Article.objects.get(status=Article.Status.FAILED)
    assert "strike on Kharkiv" in failed.text and failed.error == "ValueError: a reading went wrong"


def test_claims_the_database_refuses_in_a_chunk_are_stored_one_article_at_a_time(monkeypatch):
    from django.db import DataError

    articles = _queued()

    def refuse(pairs):
        raise DataError("value out of range")

    monkeypatch.setattr(services, "claims_replace_for_articles", refuse)
    outcome = articles_extract_chunk(article_ids=[a.pk for a in articles])
    # The chunk's write failed whole; one at a time every article's claims went in.
    assert outcome == {"done": 5, "failed": 0, "skipped": 0, "superseded": 0}
    assert Claim.objects.filter(article__in=articles).count() >= 8


def test_an_article_worn_by_runs_that_never_finished_is_failed_not_run_again(settings):
    [article] = _queued(TEXTS[:1])
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.PROCESSING, attempts=settings.EXTRACT_MAX_ATTEMPTS
    )
    assert articles_extract_chunk(article_ids=[article.pk])["failed"] == 1
    article.refresh_from_db()
    assert article.status == "failed" and article.error.startswith("Gave up after")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_a_chunk_stored_into_a_claims_table_never_analysed_has_its_statistics_gathered(monkeypatch):
    # A new database's first import: no statistics until autovacuum comes, so a chunk gathers them once.
    monkeypatch.setattr(services, "_statistics_seen", False)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM pg_statistic WHERE starelid = 'claims_claim'::regclass")
        services.articles_extract_chunk(article_ids=[a.pk for a in _queued()])
        cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'claims_claim'")
        assert cursor.fetchone()[0] > 0
    assert services._statistics_seen
