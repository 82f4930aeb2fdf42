"""Re-extraction keeps everything reviewers did and never brings back a claim they already handled."""

from __future__ import annotations

import pytest

from claims.models import Article, Claim
from claims.services import engine_key
from ingest.services import article_extract, articles_reprocess
from review.selectors import article_reviewed_originals
from review.services import claim_add, claim_confirm, claim_reject, claim_update
from tests.factories import ArticleFactory
from tests.ingest.fakes import FakeClaim, FakeEngine, FakeExtraction

pytestmark = pytest.mark.django_db

TEXT = (
    "Russia lost 1,610 men, Kyiv said.\n"
    "Ukraine says it captured 12 soldiers.\n"
    "Moscow claims 3 killed in the strike.\n"
    "Five tanks were destroyed near the village."
)


def _span(sentence: str) -> dict[str, object]:
    start = TEXT.index(sentence)
    return {"evidence": sentence, "start": start, "end": start + len(sentence)}


ENGINE_OUTPUT = [
    FakeClaim(value=1610, **_span("Russia lost 1,610 men, Kyiv said.")),
    FakeClaim(category="captured", value=12, **_span("Ukraine says it captured 12 soldiers.")),
    FakeClaim(
        category="killed", value=3, subject_side="UA", **_span("Moscow claims 3 killed in the strike.")
    ),
    FakeClaim(
        category="equipment",
        equipment="tank",
        value=5,
        **_span("Five tanks were destroyed near the village."),
    ),
]


@pytest.fixture
def engine(monkeypatch) -> FakeEngine:
    fake = FakeEngine()
    fake.result = FakeExtraction(list(ENGINE_OUTPUT))
    monkeypatch.setattr("ingest.services.extract", fake)
    monkeypatch.setattr("ingest.services.registries_from_db", lambda: None)
    return fake


def _extract_again(article: Article) -> None:
    articles_reprocess(articles=Article.objects.filter(pk=article.pk), enqueue=False)
    assert article_extract(article_id=article.pk) == "done"


def _state(article: Article) -> dict[int, tuple]:
    """Every claim of the article with every stored value a reviewer could have touched."""
    fields = [f.attname for f in Claim._meta.concrete_fields]
    return {row["id"]: tuple(row[f] for f in fields) for row in article.claims.values(*fields)}


def _reviewed(article: Article) -> dict[str, Claim]:
    claims = {c.category: c for c in article.claims.all()}
    assert len(claims) == 4
    return claims


def test_every_machine_claim_remembers_what_the_engine_said(engine):
    article = ArticleFactory(text=TEXT, status=Article.Status.QUEUED)
    article_extract(article_id=article.pk)
    keys = set(article.claims.values_list("engine_key", flat=True))
    assert keys == {engine_key(c.category, c.equipment, c.subject_side, c.start) for c in ENGINE_OUTPUT}


def test_reprocess_keeps_every_reviewed_claim_untouched_and_adds_no_duplicates(engine, carol):
    article = ArticleFactory(text=TEXT, status=Article.Status.QUEUED)
    article_extract(article_id=article.pk)
    claims = _reviewed(article)
    claim_confirm(claim=claims["casualties"], user=carol)
    # An edit of each field the re-extraction matches on: category, side, and the figure too.
    claim_update(
        claim=claims["captured"],
        user=carol,
        data={"category": "killed", "subject_side": "RU", "value": 13},
        reason="they were killed, not captured",
    )
    claim_update(claim=claims["killed"], user=carol, data={"subject_side": "RU", "value": 4})
    claim_reject(claim=claims["equipment"], user=carol, reason="a photo caption, not a claim")
    added = claim_add(
        article=article,
        user=carol,
        data={
            "category": "casualties",
            "value": 1610,
            "qualifier": "exact",
            "subject_side": "RU",
            "period": "window",
        },
        **{k: v for k, v in _span("Russia lost 1,610 men, Kyiv said.").items() if k != "evidence"},
    )
    before = _state(article)
    assert len(before) == 5

    _extract_again(article)
    _extract_again(article)  # and a second time: still nothing new

    assert _state(article) == before
    assert not article.claims.filter(review_status=Claim.ReviewStatus.UNREVIEWED).exists()
    assert article.claims.get(pk=added.pk).origin == Claim.Origin.REVIEWER


def test_the_stored_key_is_the_engines_first_version_of_an_edited_claim(engine, carol):
    article = ArticleFactory(text=TEXT, status=Article.Status.QUEUED)
    article_extract(article_id=article.pk)
    claims = _reviewed(article)
    claim_update(claim=claims["captured"], user=carol, data={"category": "killed", "subject_side": "RU"})
    claim_update(claim=claims["killed"], user=carol, data={"subject_side": "KP"})
    # The review history agrees with the key stored at creation: both are what the engine gave.
    originals = {o["claim_id"]: o for o in article_reviewed_originals(article=article)}
    for claim in article.claims.filter(pk__in=originals):
        o = originals[claim.pk]
        assert claim.engine_key == engine_key(o["category"], o["equipment"], o["subject_side"], o["start"])


def test_a_new_engine_finding_is_still_stored_beside_the_reviewed_ones(engine, carol):
    article = ArticleFactory(text=TEXT, status=Article.Status.QUEUED)
    article_extract(article_id=article.pk)
    claims = _reviewed(article)
    claim_update(claim=claims["captured"], user=carol, data={"category": "killed"})
    engine.result = FakeExtraction(
        [
            *ENGINE_OUTPUT,
            FakeClaim(category="wounded", value=20, **_span("Russia lost 1,610 men, Kyiv said.")),
        ]
    )
    _extract_again(article)
    assert sorted(article.claims.values_list("category", "review_status")) == [
        ("casualties", "unreviewed"),
        ("equipment", "unreviewed"),
        ("killed", "confirmed"),
        ("killed", "unreviewed"),
        ("wounded", "unreviewed"),
    ]
