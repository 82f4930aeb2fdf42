"""The real engine behind the services: in-process extraction, registries from the database."""

from __future__ import annotations

from datetime import date

import pytest

from claims import selectors
from claims.models import Article, Claimant, Person, Place, ReferenceSeries, Region, Unit
from claims.selectors import registries_from_db, registries_in_db
from extraction import ENGINE_VERSION, Registries
from ingest.parsers import ParsedDocument
from ingest.services import article_ingest

pytestmark = pytest.mark.django_db

TEXT = (
    "Russia lost 1,610 troops over the past day, Ukraine's General Staff said on Monday.\n"
    "Russia's Defence Ministry said Ukraine lost up to 310 servicemen in the Kursk direction."
)


def test_without_a_broker_the_task_runs_in_process_right_after_the_commit(django_capture_on_commit_callbacks):
    document = ParsedDocument(text=TEXT, kind="txt")
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(document=document, published=date(2024, 11, 26)).article
        assert Article.objects.get(pk=article.pk).status == Article.Status.QUEUED
    article.refresh_from_db()
    assert (article.status, article.extractor_version, article.attempts) == ("done", ENGINE_VERSION, 1)
    values = set(article.claims.values_list("category", "subject_side", "value"))
    assert {("casualties", "RU", 1610), ("casualties", "UA", 310)} <= values
    kursk = article.claims.get(value=310)
    assert kursk.region and kursk.region.name == "Kursk Oblast" and kursk.fact_key == kursk.compute_fact_key()


def test_the_registries_are_compiled_once_until_an_admin_edits_them(monkeypatch):
    built = []
    real = Registries.from_dicts

    def counting(**kwargs):
        built.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(selectors, "_cached", None)
    monkeypatch.setattr(Registries, "from_dicts", counting)
    first = registries_from_db()
    assert registries_from_db() is first and len(built) == 1

    region = Region.objects.get(name="Kursk Oblast")
    region.aliases = [*region.aliases, "Kurskaya"]
    region.save()
    edited = registries_from_db()
    assert edited is not first and len(built) == 2
    assert any("Kurskaya" in r["aliases"] for r in built[1]["regions"])

    Region.objects.create(name="Testland", slug="testland", country="other")
    assert registries_from_db() is not edited and len(built) == 3


def test_the_database_has_registries_only_when_their_tables_hold_rows():
    assert registries_in_db()
    # People (their roles with them) and the reference series that name claimants go before the claimants.
    for model in (Person, ReferenceSeries, Place, Region, Unit, Claimant):
        model.objects.all().delete()
    assert not registries_in_db()


def test_a_figure_too_large_for_any_count_is_left_out_and_the_article_still_finishes(
    django_capture_on_commit_callbacks,
):
    text = (
        "Russia lost 99999999999999999999999 soldiers in one day, Ukraine's General Staff said.\n"
        "Russia lost 1,200 soldiers over the past day, Ukraine's General Staff said."
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(
            document=ParsedDocument(text=text, kind="txt"), published=date(2024, 11, 26)
        ).article
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert list(article.claims.values_list("value", flat=True)) == [1200]


def test_claims_the_database_refuses_fail_the_article_with_the_reason(
    django_capture_on_commit_callbacks, monkeypatch
):
    from django.db import DataError

    from ingest import services

    def refuse(**kwargs):
        raise DataError("value out of range")

    monkeypatch.setattr(services, "claims_replace_for_article", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(
            document=ParsedDocument(text=TEXT, kind="txt"), published=date(2024, 11, 26)
        ).article
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == "Storing the claims failed: DataError: value out of range"
    assert not article.claims.exists()
