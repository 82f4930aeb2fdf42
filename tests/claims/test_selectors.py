"""Timelines, the claim table and the summary they read: figures counted once, measures never mixed."""

from __future__ import annotations

import datetime

import pytest

from claims import selectors, timelines
from claims.forms import Cursor
from claims.models import (
    Claim,
    Claimant,
    DaySummary,
    DimensionSummary,
    FactSummary,
    Outlet,
    OutletSummary,
    Place,
    Region,
    Unit,
)
from tests.claims.helpers import D, claim, filterset, repeated
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def _series(timeline: timelines.Timeline) -> dict[str, dict[datetime.date, int | None]]:
    return {d.label: dict(zip(timeline.labels, d.data, strict=True)) for d in timeline.datasets}


def _summary_total() -> int:
    return sum(
        r.n_unreviewed + r.n_confirmed + r.n_disputed + r.n_rejected for r in FactSummary.objects.all()
    )


# --- the summary and the claims agree ---------------------------------------------------------


def _mixed_data():
    kursk = Region.objects.get(name="Kursk Oblast")
    donetsk = Region.objects.get(name="Donetsk Oblast")
    unit = Unit.objects.order_by("name").first()
    repeated(3, value=1610, date=D(2024, 11, 24), region=kursk)
    claim(value=1610, date=D(2024, 11, 24))  # the same figure, one outlet gave no region
    # The same figure again from an unverified article, and a figure only an unverified one gave.
    claim(value=1610, date=D(2024, 11, 24), region=kursk, article=ArticleFactory(unverified=True))
    claim(value=40, date=D(2024, 11, 25), review_status="confirmed", article=ArticleFactory(unverified=True))
    claim(
        value=485,
        qualifier="up_to",
        subject_side="UA",
        claimant_side="RU",
        date=D(2024, 11, 2),
        region=kursk,
        unit=unit,
    )
    claim(value=12, category="equipment", equipment="tank", date=D(2024, 10, 30), region=donetsk)
    claim(value=150000, period="cumulative", date=D(2024, 11, 24))
    claim(value=151000, period="cumulative", date=D(2024, 12, 1), review_status="confirmed")
    claim(value=99, date=D(2024, 12, 3), review_status="rejected")
    claim(
        value=3,
        subject_side="KP",
        claimant_side="other",
        category="killed",
        date=D(2024, 12, 17),
        region=kursk,
    )
    claim(category="engagement", value=None, unit=unit, date=None)
    # A figure given for two regions by two articles, with a claimant and a place: one figure, counted once
    # in each region's series and once where the regions are not the series.
    staff = Claimant.objects.filter(side="UA").order_by("name").first()
    place = Place.objects.filter(region=donetsk).order_by("name").first()
    said = {"claimant": staff, "claimant_side": staff.side}
    claim(value=700, date=D(2024, 11, 24), region=kursk, **said)
    claim(value=700, date=D(2024, 11, 24), region=donetsk, place=place, **said)
    claim(value=80, date=D(2024, 11, 26), region=donetsk, place=place, unit=unit, review_status="disputed")
    # One outlet's articles: a figure others printed too, an unverified one's confirmed claim, an undated one.
    wire = OutletFactory(name="Wire")
    claim(value=1610, date=D(2024, 11, 24), region=kursk, article=ArticleFactory(outlet=wire))
    unverified = ArticleFactory(outlet=wire, unverified=True)
    claim(value=5, category="equipment", equipment="tank", date=D(2024, 11, 25), article=unverified)
    claim(value=9, date=None, article=ArticleFactory(outlet=wire), review_status="confirmed")
    return kursk, unit


def _filled(query: str) -> str:
    """A parametrized query with the registry entries _mixed_data used put in."""
    unit = Unit.objects.order_by("name").first()
    staff = Claimant.objects.filter(side="UA").order_by("name").first()
    place = Place.objects.filter(region__name="Donetsk Oblast").order_by("name").first()
    wire = Outlet.objects.get(name="Wire")
    return query.format(unit=unit.slug, claimant=staff.slug, place=place.slug, outlet=wire.pk)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "region=kursk-oblast",
        "subject_side=RU&period=window",
        "claimant_side=RU",
        "category=equipment&equipment=tank",
        "review_status=rejected",
        "review_status=confirmed",
        "reviewed=on",
        "reviewed=on&region=kursk-oblast",
        "date_from=2024-11-01&date_to=2024-11-30",
        "period=cumulative",
        "unverified=yes",
        "unverified=no",
        "unverified=no&region=kursk-oblast",
        "unverified=no&review_status=confirmed",
        "unit={unit}",
        "claimant={claimant}",
        "place={place}",
        "region=kursk-oblast&region=donetsk-oblast",
        "region=kursk-oblast&unit={unit}",
        "unit={unit}&review_status=disputed&date_from=2024-11-01",
        "outlet={outlet}",
        "outlet={outlet}&unverified=yes",
        "outlet={outlet}&review_status=confirmed&subject_side=RU",
        "outlet={outlet}&region=kursk-oblast",
    ],
)
@pytest.mark.parametrize(
    "group,measure",
    [
        ("side", "claims"),
        ("pair", "figures"),
        ("region", "figures"),
        ("region", "claims"),
        ("unit", "claims"),
        ("claimant", "figures"),
        ("category", "figures"),
        ("equipment", "claims"),
        ("side", "personnel"),
    ],
)
def test_the_summary_and_the_claims_give_the_same_timeline(query, group, measure):
    _mixed_data()
    fs = filterset(_filled(query))

    fast = timelines.timeline(fs, group=group, bucket="week", measure=measure)
    slow = timelines.timeline(fs, group=group, bucket="week", measure=measure, use_summary=False)

    assert fast.labels == slow.labels
    assert _series(fast) == _series(slow)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "region=kursk-oblast",
        "review_status=rejected",
        "reviewed=on",
        "period=cumulative",
        "subject_side=RU",
        "unverified=yes",
        "unverified=no",
        "unverified=yes&reviewed=on",
        "outlet={outlet}",
        "outlet={outlet}&unverified=no",
    ],
)
@pytest.mark.parametrize("sort", ["-date", "date", "-value", "value"])
def test_the_summary_and_the_claims_give_the_same_table(query, sort):
    _mixed_data()
    fs = filterset(_filled(query))

    fast = selectors.claim_table(fs, sort=sort)
    slow = selectors.claim_table(fs, sort=sort, use_summary=False)

    assert [(r.claim.pk, r.source_count) for r in fast.rows] == [
        (r.claim.pk, r.source_count) for r in slow.rows
    ]
    assert fast.claims == slow.claims == fs.qs.count()
    # The claims path counts claims only (up to a cap); the summaries count the figures too.
    figures = None if fs.needs_claims() else len(set(fs.qs.values_list("fact_key", flat=True)))
    assert fast.figures == figures


def test_the_summary_follows_every_change_to_claims():
    first, second = repeated(2, value=1610, date=D(2024, 11, 24))
    assert FactSummary.objects.count() == 1
    assert _summary_total() == 2

    Claim.objects.filter(pk=first.pk).update(review_status=Claim.ReviewStatus.REJECTED)
    row = FactSummary.objects.get()
    assert (row.n_unreviewed, row.n_rejected) == (1, 1)

    second.value = 1700
    second.fact_key = second.compute_fact_key()
    second.save()
    assert sorted(FactSummary.objects.values_list("value", flat=True)) == [1610, 1700]

    # An article found unverified later moves its claims to the other side of the split.
    article = second.article
    article.unverified = True
    article.save(update_fields=["unverified"])
    late = FactSummary.objects.get(value=1700)
    assert (late.n_live, late.n_live_u, late.n_live_k) == (1, 1, 0)
    assert DaySummary.objects.get(v_live_u__gt=0).v_live_u == 1700

    Claim.objects.all().delete()
    assert not FactSummary.objects.exists() and not DaySummary.objects.exists()


def test_the_daily_rollup_counts_claims_and_each_figure_once():
    kursk = Region.objects.get(name="Kursk Oblast")
    repeated(2, value=1610, date=D(2024, 11, 24), region=kursk)
    claim(value=1610, date=D(2024, 11, 24))  # the same figure, no region: one more FactSummary row
    claim(value=200, date=D(2024, 11, 24), review_status="rejected")

    day = DaySummary.objects.get()

    assert FactSummary.objects.count() == 3
    assert (day.n_live, day.n_rejected, day.v_live, day.v_rejected) == (3, 1, 1610, 200)
    assert day.week == D(2024, 11, 18) and day.month == D(2024, 11, 1)


# --- the table --------------------------------------------------------------------------------


def test_a_figure_repeated_by_several_articles_is_one_row_with_its_sources():
    repeated(3, value=1610, date=D(2024, 11, 24))
    claim(value=1030, date=D(2024, 11, 22))

    page = selectors.claim_table(filterset())

    assert [(r.claim.value, r.source_count) for r in page.rows] == [(1610, 3), (1030, 1)]
    assert page.claims == 4 and page.figures == 2


@pytest.mark.parametrize("flag,kept", [("no", "checked"), ("yes", "unchecked")])
def test_the_unverified_flag_filters_the_timeline_the_table_and_the_counts(flag, kept):
    checked = claim(value=100, date=D(2024, 11, 4), article=ArticleFactory(unverified=False))
    unchecked = claim(value=7, date=D(2024, 11, 5), article=ArticleFactory(unverified=True))
    wanted = {"checked": checked, "unchecked": unchecked}[kept]
    fs = filterset(unverified=flag)

    chart = timelines.timeline(fs, group="side", bucket="day", measure="figures")
    page = selectors.claim_table(fs)

    assert sum(v or 0 for d in chart.datasets for v in d.data) == wanted.value
    assert [r.claim.pk for r in page.rows] == [wanted.pk]
    assert (page.claims, page.capped) == (1, False)
    assert selectors.filter_params(fs) == {"unverified": flag}


def test_keyset_pages_cover_every_figure_once_forward_and_back():
    for day in range(1, 8):
        claim(value=100 + day, date=D(2024, 11, day))
    claim(value=999, date=D(2024, 11, 4))  # two figures on one day: the fact key breaks the tie
    fs = filterset()

    seen, after, pages = [], None, []
    while True:
        page = selectors.claim_table(fs, after=after, size=3)
        pages.append(page)
        seen += [r.claim.pk for r in page.rows]
        if page.next_cursor is None:
            break
        after = page.next_cursor
    everything = [r.claim.pk for r in selectors.claim_table(fs, size=100).rows]
    assert seen == everything and len(seen) == 8
    assert pages[0].prev_cursor is None and pages[1].prev_cursor is not None

    back = selectors.claim_table(fs, before=pages[2].prev_cursor, size=3)
    assert [r.claim.pk for r in back.rows] == [r.claim.pk for r in pages[1].rows]


def test_sorting_by_figure_puts_the_largest_first():
    for value in (5, 500, 50):
        claim(value=value)
    claim(category="engagement", value=None)

    page = selectors.claim_table(filterset(), sort="-value")

    assert [r.claim.value for r in page.rows] == [500, 50, 5, None]


def test_a_deep_cursor_skips_straight_to_its_place():
    claim(value=1, date=D(2023, 1, 1))
    claim(value=2, date=D(2024, 1, 1))

    page = selectors.claim_table(filterset(), after=Cursor(D(2023, 6, 1), "f" * 32))

    assert [r.claim.value for r in page.rows] == [1]


def test_text_filters_read_the_claims_and_cap_their_count(settings, monkeypatch):
    claim(text="Ukraine's General Staff said Russia lost 1,200 men near Pokrovsk.", value=1200)
    claim(text="Elsewhere nothing happened but 40 men were lost.", value=40)
    monkeypatch.setattr(selectors, "COUNT_CAP", 0)

    page = selectors.claim_table(filterset(q="Pokrovsk"))

    assert [r.claim.value for r in page.rows] == [1200]
    assert page.capped and page.figures is None


# --- escaping and highlighting ----------------------------------------------------------------


def test_the_figure_is_marked_and_everything_else_escaped():
    html = selectors.highlight_figure('<script>alert(1)</script> Russia lost 1,610 men & "more"', 1610)

    assert html == (
        "&lt;script&gt;alert(1)&lt;/script&gt; Russia lost <mark>1,610</mark> men &amp; &quot;more&quot;"
    )


def test_a_figure_inside_a_longer_number_is_not_marked():
    assert "<mark>" not in selectors.highlight_figure("Russia lost 11,610 men", 1610)
    assert selectors.highlight_figure("up to 485 troops", 485) == "up to <mark>485</mark> troops"


def test_article_highlighting_escapes_the_text_and_merges_overlaps():
    text = "<b>Hi</b> Russia lost 5 tanks. <img src=x onerror=alert(1)> End."
    start = text.index("Russia")
    end = text.index(".", start) + 1

    html = selectors.highlight_spans(text, [(start, end, "evidence-1"), (start, end - 3, "evidence-2")])

    assert html.count("<mark") == 1
    assert (
        '<span id="evidence-1"></span><mark id="evidence-2" class="evidence">Russia lost 5 tanks.</mark>'
        in html
    )
    assert "&lt;b&gt;Hi&lt;/b&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html and "<b>" not in html


def test_reviewed_only_is_answered_by_the_summaries_confirmed_counts():
    day = selectors.day_source_for(filterset("reviewed=on&subject_side=RU"), "side")
    assert day is not None and day.state == "confirmed"
    assert selectors.source_for(filterset("reviewed=on")).from_summary


@pytest.mark.parametrize(
    "query,group,measure,model",
    [
        ("", "side", "claims", DaySummary),
        ("", "region", "figures", DimensionSummary),
        ("", "claimant", "claims", DimensionSummary),
        ("region=kursk-oblast", "pair", "figures", DimensionSummary),
        ("region=kursk-oblast&region=donetsk-oblast", "side", "claims", DimensionSummary),
        ("region=kursk-oblast&region=donetsk-oblast", "region", "figures", DimensionSummary),
        # A figure given for both regions would count twice in a sum over their rows.
        ("region=kursk-oblast&region=donetsk-oblast", "side", "figures", None),
        ("region=kursk-oblast&unit={unit}", "side", "claims", None),
        ("region=kursk-oblast", "unit", "claims", None),
        ("outlet={outlet}", "side", "claims", OutletSummary),
        ("outlet={outlet}&unverified=no", "pair", "claims", OutletSummary),
        # An outlet's figures, counted once across its articles, and its claims by region: the claims.
        ("outlet={outlet}", "side", "figures", None),
        ("outlet={outlet}", "region", "claims", None),
        ("outlet={outlet}&q=tanks", "side", "claims", None),
    ],
)
def test_timelines_read_the_smallest_rollup_that_answers_them(query, group, measure, model):
    _mixed_data()
    source = selectors.day_source_for(filterset(_filled(query)), group, measure=measure)
    assert (source.queryset.model if source else None) is model


def test_the_dimension_rollup_counts_a_figure_once_per_member():
    _mixed_data()
    kursk = Region.objects.get(name="Kursk Oblast")
    donetsk = Region.objects.get(name="Donetsk Oblast")
    rows = DimensionSummary.objects.filter(dimension="region", date=D(2024, 11, 24), category="casualties")
    by_region = {r.member: (r.n_live, r.f_live, r.v_live) for r in rows.filter(claimant_side="UA")}
    # Kursk: 1610 by five articles (one unverified) and 700 once; Donetsk: 700 once.
    assert by_region == {kursk.pk: (6, 2, 2310), donetsk.pk: (1, 1, 700)}
