"""Full-text search on PostgreSQL: the stored article documents the database keeps (migration 0005)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from claims import selectors, timelines
from claims.models import Article, ArticleSearch
from tests.claims.helpers import claim, filterset
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _ids(fs) -> set[int]:
    return set(fs.qs.values_list("pk", flat=True))


def test_a_new_article_is_searchable_at_once_with_english_stemming():
    drones = claim(text="Ukraine said it shot down 40 drones overnight over the Kyiv region.", value=40)
    claim(text="Russia lost 1,200 soldiers near Pokrovsk, the General Staff said.", value=1200)

    assert ArticleSearch.objects.filter(article_id=drones.article_id).exists()
    assert _ids(filterset(q="drone")) == {drones.pk}
    assert _ids(filterset(q="Regions")) == {drones.pk}


def test_web_search_syntax_phrases_and_exclusions():
    kyiv = claim(text="Forty drones were shot down over the Kyiv region overnight.", value=40)
    odesa = claim(text="Twelve drones were shot down over Odesa; none reached the region of Kyiv.", value=12)

    assert _ids(filterset(q="drones -Odesa")) == {kyiv.pk}
    assert _ids(filterset(q='"Kyiv region"')) == {kyiv.pk}
    assert _ids(filterset(q="Odesa or Kyiv")) == {kyiv.pk, odesa.pk}


def test_an_edited_text_replaces_its_document():
    found = claim(text="Ukraine said 12 tanks were destroyed near Bakhmut.", value=12)
    article = found.article
    article.text = "Ukraine said 12 tanks were destroyed near Avdiivka."
    article.save(update_fields=["text"])

    assert _ids(filterset(q="Bakhmut")) == set()
    assert _ids(filterset(q="Avdiivka")) == {found.pk}


def test_a_deleted_article_takes_its_document_with_it():
    article = ArticleFactory(text="A text about drones.")
    assert ArticleSearch.objects.filter(article_id=article.pk).exists()

    Article.objects.filter(pk=article.pk).delete()

    assert not ArticleSearch.objects.filter(article_id=article.pk).exists()


def test_a_search_that_matches_nothing_and_one_of_only_stop_words_give_no_claims():
    claim(text="Russia lost 1,200 soldiers near Pokrovsk, the General Staff said.", value=1200)

    assert _ids(filterset(q="zeppelin")) == set()
    assert _ids(filterset(q="the")) == set()


def _daily(word: str, days: int, first: datetime.date) -> None:
    for i in range(days):
        day = first + datetime.timedelta(days=i)
        claim(text=f"Ukraine said its forces shot down {10 + i} {word} on that day.", value=10 + i, date=day)


def _analyse() -> None:
    # The plan reads the tables' statistics, as autovacuum keeps them on a live database.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_articlesearch")
        cursor.execute("ANALYZE claims_claim")


def _points(timeline) -> dict[str, dict]:
    return {d.label: dict(zip(timeline.labels, d.data, strict=True)) for d in timeline.datasets}


def test_a_word_in_most_articles_is_charted_over_the_latest_days_and_the_chart_says_so(monkeypatch):
    monkeypatch.setattr(selectors, "TEXT_CLAIMS", 4)
    monkeypatch.setattr(timelines, "TEXT_CLAIMS", 4)
    start = datetime.date(2025, 3, 1)
    _daily("drones", 10, start)
    _daily("tanks", 2, start + datetime.timedelta(days=10))
    _analyse()

    chart = timelines.timeline(filterset("q=drones"), group="side", bucket="day", measure="claims")

    # The latest four days hold four claims; two of them are about drones.
    first = start + datetime.timedelta(days=8)
    assert chart.labels[0] == first
    assert any("too many to chart at once" in note and "9 Mar 2025" in note for note in chart.notes)
    exact = timelines.timeline(
        filterset(f"q=drones&date_from={first}"),
        group="side",
        bucket="day",
        measure="claims",
        use_summary=False,
    )
    assert _points(chart) == _points(exact)
    assert sum(chart.datasets[0].data) == 2
    # The series' links carry the dates shown.
    assert f"date_from={first}" in chart.datasets[0].link


def test_the_latest_days_are_found_however_many_of_them_fit(monkeypatch):
    # The days are read from the latest back a few at a time: a stretch longer than the first few is whole.
    start = datetime.date(2025, 1, 1)
    _daily("drones", 200, start)
    _analyse()
    for cap, days in ((35, 35), (150, 150), (199, 199)):
        monkeypatch.setattr(selectors, "TEXT_CLAIMS", cap)
        plan = selectors.text_plan(filterset("q=drones"))
        last = start + datetime.timedelta(days=199)
        assert (plan.within, plan.capped) == ((last - datetime.timedelta(days=days - 1), last), True)
    monkeypatch.setattr(selectors, "TEXT_CLAIMS", 150)
    plan = selectors.text_plan(filterset("q=drones&date_from=2025-05-01"))
    assert (plan.within, plan.capped) == ((datetime.date(2025, 5, 1), last), False)


def test_a_rare_word_or_a_short_range_is_charted_whole(monkeypatch):
    monkeypatch.setattr(selectors, "TEXT_CLAIMS", 4)
    start = datetime.date(2025, 3, 1)
    _daily("drones", 10, start)
    _daily("tanks", 2, start + datetime.timedelta(days=10))
    _analyse()

    for query in ("q=tanks", "q=drones&date_from=2025-03-09"):
        fast = timelines.timeline(filterset(query), group="side", bucket="day", measure="claims")
        slow = timelines.timeline(
            filterset(query), group="side", bucket="day", measure="claims", use_summary=False
        )
        assert not any("too many" in note for note in fast.notes)
        assert _points(fast) == _points(slow)
    assert selectors.text_plan(filterset("q=tanks")).within is None
    assert selectors.text_plan(filterset("q=drones&date_from=2025-03-09")).within == (
        datetime.date(2025, 3, 9),
        datetime.date(2025, 3, 12),
    )


@pytest.mark.parametrize("few", [0, 1, 5_000])
def test_a_rare_word_by_its_articles_ids_and_a_common_one_by_subquery_match_the_same_claims(monkeypatch, few):
    from claims import filters

    monkeypatch.setattr(filters, "FEW_ARTICLES", few)
    kyiv = claim(text="Forty drones were shot down over the Kyiv region overnight.", value=40)
    odesa = claim(text="Twelve drones were shot down over Odesa.", value=12)
    claim(text="Russia lost 1,200 soldiers near Pokrovsk.", value=1200)
    _analyse()

    assert _ids(filterset(q="drones")) == {kyiv.pk, odesa.pk}
    assert _ids(filterset(q="Odesa")) == {odesa.pk}
    assert _ids(filterset(q="Kharkiv")) == set()


def test_the_planner_is_asked_for_the_word_once_for_a_timeline_and_its_table():
    from django.test.utils import CaptureQueriesContext

    _daily("drones", 3, datetime.date(2025, 3, 1))
    _analyse()
    fs = filterset("q=drones")
    with CaptureQueriesContext(connection) as queries:
        timelines.timeline(fs, group="side", bucket="day", measure="claims")
        selectors.claim_table(fs)
    assert sum(q["sql"].startswith("EXPLAIN") for q in queries.captured_queries) == 1
