"""claims.services._insert: on PostgreSQL ids from the sequence and the rows by COPY, storing what
bulk_create stores."""

from __future__ import annotations

import datetime

import pytest

from claims.models import Claim, FactSummary
from claims.services import _insert
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _claims(article) -> list[Claim]:
    full = Claim(article=article, category=Claim.Category.EQUIPMENT, equipment="tank", value=12,
                 value_max=15, qualifier=Claim.Qualifier.UP_TO, subject_side="RU", claimant_side="UA",
                 claimant_raw="the army", period=Claim.Period.CUMULATIVE, date=datetime.date(2024, 3, 1),
                 evidence="Up to 15 tanks, it said.", start=0, end=24, engine_key="k|1")  # fmt: skip
    bare = Claim(article=article, category=Claim.Category.ENGAGEMENT, value=None, subject_side="other",
                 evidence="Fighting went on.", start=30, end=47)  # fmt: skip
    for claim in (full, bare):
        claim.fact_key = claim.compute_fact_key()
    return [full, bare]


def _stored(claims: list[Claim]) -> list[dict]:
    skip = {"id", "created_at", "updated_at"}
    return [
        {f.attname: getattr(c, f.attname) for f in Claim._meta.concrete_fields if f.attname not in skip}
        for c in Claim.objects.filter(pk__in=[c.pk for c in claims]).order_by("pk")
    ]


def test_insert_stores_what_bulk_create_stores_sets_the_ids_and_keeps_the_summaries():
    article = ArticleFactory()
    ours, django_s = _claims(article), _claims(article)
    _insert(ours)
    Claim.objects.bulk_create(django_s)
    assert all(c.pk for c in ours) and ours[0].pk < ours[1].pk < django_s[0].pk
    assert _stored(ours) == _stored(django_s)
    assert all(c.created_at and c.updated_at for c in Claim.objects.filter(pk__in=[c.pk for c in ours]))
    # Both figures are counted, twice each: the summaries' triggers ran for the rows sent by COPY too.
    assert sorted(FactSummary.objects.values_list("n_live", flat=True)) == [2, 2]
    ours[0].value = 13
    ours[0].save()  # a stored row saves as an update, not a second insert
    assert Claim.objects.filter(article=article).count() == 4


def test_insert_of_nothing_stores_nothing():
    _insert([])
    assert not Claim.objects.exists()
