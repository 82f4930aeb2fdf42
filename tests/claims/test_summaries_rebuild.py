"""Every write path keeps the summaries exactly what a rebuild from the claims computes, and the check finds
a row that is not (claims.services.summaries_compare, manage.py rebuild_summaries)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from claims.models import (
    Article,
    Claim,
    DaySummary,
    DimensionSummary,
    FactSummary,
    Outlet,
    OutletSummary,
    Region,
)
from claims.services import summaries_compare, summaries_rebuild
from ingest.parsers import ParsedDocument
from ingest.services import article_extract, article_ingest, articles_reprocess
from review.services import claim_add, claim_confirm, claim_reject, claim_update
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Figures given with a region, a place, a unit and a claimant, so every dimension has rows.
TEXTS = [
    "Russian forces lost 1,240 soldiers over the past day, Ukraine's General Staff reported on Tuesday.\n"
    "Russia's Defence Ministry said Ukraine lost up to 290 servicemen in the Kursk direction.\n"
    "The 47th Separate Mechanized Brigade said it destroyed 6 Russian tanks near Pokrovsk.",
    "Ukraine's General Staff said Russia had lost 1,240 soldiers in a day.\n"
    "Moscow said its North group of forces killed up to 150 Ukrainian troops in the Kharkiv region.",
    "The Russian Defence Ministry claimed 80 Ukrainian soldiers were killed near Kupiansk on Monday.",
]


def _upload(text: str, day: int) -> Article:
    document = ParsedDocument(text=text, kind="txt")
    result = article_ingest(document=document, outlet="Wire Service", published=date(2024, 11, day))
    assert article_extract(article_id=result.article.pk) == "done"
    return result.article


def _assert_kept_right() -> None:
    assert summaries_compare() == []


def test_uploads_reviews_reextraction_flags_and_deletions_keep_every_summary_right():
    reviewer = UserFactory()
    articles = [_upload(text, 19 + i) for i, text in enumerate(TEXTS)]
    assert set(DimensionSummary.objects.values_list("dimension", flat=True)) == {
        "region",
        "place",
        "unit",
        "claimant",
    }
    assert OutletSummary.objects.filter(outlet__name="Wire Service").exists()
    _assert_kept_right()

    claims = list(Claim.objects.order_by("pk"))
    claim_confirm(claim=claims[0], user=reviewer)
    claim_reject(claim=claims[1], user=reviewer, reason="misread")
    sumy = Region.objects.get(name="Sumy Oblast")
    claim_update(claim=claims[2], user=reviewer, data={"value": 7, "region": sumy, "place": None})
    sentence = TEXTS[2]
    claim_add(
        article=articles[2],
        user=reviewer,
        data={"category": "killed", "value": 81, "subject_side": "UA", "claimant_side": "RU", "date": None},
        start=0,
        end=len(sentence),
    )
    _assert_kept_right()

    articles_reprocess(articles=Article.objects.filter(pk__in=[a.pk for a in articles]), enqueue=False)
    for article in articles:
        assert article_extract(article_id=article.pk) == "done"
    _assert_kept_right()

    articles[1].unverified = True
    articles[1].save(update_fields=["unverified"])
    assert DimensionSummary.objects.filter(n_live_u__gt=0).exists()
    _assert_kept_right()

    moved = articles[1]
    moved.outlet = Outlet.objects.create(name="Other Wire")
    moved.save(update_fields=["outlet"])
    assert OutletSummary.objects.filter(outlet=moved.outlet).exists()
    _assert_kept_right()

    articles[0].delete()
    _assert_kept_right()
    assert DimensionSummary.objects.exists()


def test_the_check_names_what_differs_and_the_rebuild_mends_it():
    for i, text in enumerate(TEXTS):
        _upload(text, 19 + i)
    row = DimensionSummary.objects.filter(dimension="region").order_by("pk").first()
    DimensionSummary.objects.filter(pk=row.pk).update(n_live=row.n_live + 1)
    DaySummary.objects.order_by("pk").first().delete()
    OutletSummary.objects.filter(pk=OutletSummary.objects.order_by("pk").first().pk).update(n_live=0)

    found = {d.table: (d.stale, d.missing) for d in summaries_compare()}
    assert found == {
        "claims_daysummary": (0, 1),
        "claims_dimensionsummary": (1, 1),
        "claims_outletsummary": (1, 1),
    }
    with pytest.raises(CommandError, match="claims_dimensionsummary: 1 stale rows, 1 missing"):
        call_command("rebuild_summaries", "--check")

    rows = summaries_rebuild()
    assert rows["claims_factsummary"] == FactSummary.objects.count() > 0
    assert rows["claims_dimensionsummary"] == DimensionSummary.objects.count() > 0
    assert rows["claims_outletsummary"] == OutletSummary.objects.count() > 0
    assert summaries_compare() == []
    call_command("rebuild_summaries", "--check")
