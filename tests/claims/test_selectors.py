"""Timelines, the claim table and the summary they read: figures counted once, measures never mixed."""

from __future__ import annotations

import datetime

import pytest

from claims import selectors
from claims.forms import Cursor
from claims.models import Claim, DaySummary, FactSummary, Region, Unit
from tests.claims.helpers import D, claim, filterset, repeated
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _series(timeline: selectors.Timeline) -> dict[str, dict[datetime.date, int | None]]:
    return {d.label: dict(zip(timeline.labels, d.data, strict=True)) for d in timeline.datasets}


def _summary_total() -> int:
    return sum(
        r.n_unreviewed + r.n_confirmed + r.n_disputed + r.n_rejected for r in FactSummary.objects.all()
    )


# --- figures and counts -----------------------------------------------------------------------


def test_the_same_figure_in_two_articles_is_counted_once():
    repeated(2, value=1610, date=D(2024, 11, 24))
    claim(value=1030, date=D(2024, 11, 22))

    chart = selectors.timeline(filterset(), group="side", bucket="week", measure="figures")

    assert _series(chart)["Russia"] == {D(2024, 11, 18): 2640}


def test_the_claim_count_counts_every_source():
    repeated(2, value=1610, date=D(2024, 11, 24))
    claim(value=1030, date=D(2024, 11, 22))

    chart = selectors.timeline(filterset(), group="side", bucket="week", measure="claims")

    assert _series(chart)["Russia"] == {D(2024, 11, 18): 3}


def test_running_totals_are_their_own_line_never_added_to_window_figures():
    claim(value=1030, date=D(2024, 11, 20))
    claim(value=150000, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 20))

    chart = selectors.timeline(filterset(), group="side", bucket="week", measure="figures")
    series = _series(chart)

    assert series["Russia"] == {D(2024, 11, 18): 1030}
    running = [d for d in chart.datasets if d.axis == "y2"]
    assert [d.label for d in running] == ["Running total: Ukraine on Russia"]
    assert running[0].data == [150000]
    assert all(v != 151030 for values in series.values() for v in values.values())


def test_a_national_running_total_stays_on_a_chart_grouped_by_region():
    kursk = Region.objects.get(name="Kursk Oblast")
    claim(value=1030, date=D(2024, 11, 20), region=kursk)
    claim(value=150000, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 20))

    chart = selectors.timeline(filterset(), group="region", bucket="week", measure="figures")

    assert _series(chart)["Kursk Oblast"] == {D(2024, 11, 18): 1030}
    running = [d for d in chart.datasets if d.axis == "y2"]
    assert [(d.label, d.data) for d in running] == [("Running total: Ukraine on Russia", [150000])]


def test_a_running_total_shows_its_latest_value_in_each_bucket():
    claim(value=149000, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 18))
    claim(value=150500, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 21))
    claim(value=150000, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 20))

    chart = selectors.timeline(filterset(), group="side", bucket="week", measure="figures")

    running = next(d for d in chart.datasets if d.axis == "y2")
    assert running.data == [150500]


def test_figures_stay_within_one_category():
    claim(value=1000, date=D(2024, 11, 20))
    claim(value=7, category=Claim.Category.EQUIPMENT, equipment="tank", date=D(2024, 11, 20))

    default = selectors.timeline(filterset(), group="side", bucket="week", measure="figures")
    tanks = selectors.timeline(
        filterset(category="equipment"), group="side", bucket="week", measure="figures"
    )

    assert _series(default)["Russia"] == {D(2024, 11, 18): 1000}
    assert default.figure_category == "casualties"
    assert _series(tanks)["Russia"] == {D(2024, 11, 18): 7}


def test_rejected_claims_are_left_out_of_the_figures():
    claim(value=500, date=D(2024, 11, 20), review_status=Claim.ReviewStatus.REJECTED)
    claim(value=100, date=D(2024, 11, 20))

    chart = selectors.timeline(filterset(), group="side", bucket="week", measure="figures")

    assert _series(chart)["Russia"] == {D(2024, 11, 18): 100}


def test_pairs_name_the_claimant_side_and_the_subject_side():
    claim(value=1, subject_side="RU", claimant_side="UA")
    claim(value=2, subject_side="UA", claimant_side="RU")
    claim(value=3, subject_side="KP", claimant_side="other")

    chart = selectors.timeline(filterset(), group="pair", bucket="month", measure="claims")

    assert {d.label for d in chart.datasets} == {
        "Ukraine on Russia",
        "Russia on Ukraine",
        "Third parties on North Korea",
    }


def test_series_by_region_and_unit_use_the_registry_names():
    kursk = Region.objects.get(name="Kursk Oblast")
    unit = Unit.objects.order_by("name").first()
    claim(value=10, region=kursk, unit=unit)
    claim(value=20)

    by_region = selectors.timeline(filterset(), group="region", bucket="week", measure="claims")
    by_unit = selectors.timeline(filterset(), group="unit", bucket="week", measure="claims")

    assert [d.label for d in by_region.datasets] == ["Kursk Oblast"]
    assert [d.label for d in by_unit.datasets] == [unit.name]
    assert by_region.datasets[0].link_filters["region"] == kursk.slug


def test_buckets_run_without_gaps_from_the_first_to_the_last():
    claim(value=1, date=D(2024, 1, 15))
    claim(value=2, date=D(2024, 4, 2))

    chart = selectors.timeline(filterset(), group="side", bucket="month", measure="claims")

    assert chart.labels == [D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1), D(2024, 4, 1)]
    assert chart.datasets[0].data == [1, 0, 0, 1]


def test_a_point_links_to_the_claims_of_its_bucket_and_series():
    claim(value=1, date=D(2024, 11, 20), subject_side="UA", claimant_side="RU")

    chart = selectors.timeline(
        filterset(date_from="2024-11-19"), group="pair", bucket="week", measure="figures"
    )
    link = chart.bucket_link(chart.datasets[0], chart.labels[0])

    assert link.startswith("/claims/?")
    for part in (
        "claimant_side=RU",
        "subject_side=UA",
        "period=window",
        "category=casualties",
        "date_from=2024-11-19",
        "date_to=2024-11-24",
    ):
        assert part in link


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
    return kursk, unit


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
    ],
)
@pytest.mark.parametrize(
    "group,measure",
    [
        ("side", "claims"),
        ("pair", "figures"),
        ("region", "figures"),
        ("unit", "claims"),
        ("category", "figures"),
        ("equipment", "claims"),
    ],
)
def test_the_summary_and_the_claims_give_the_same_timeline(query, group, measure):
    _mixed_data()
    fs = filterset(query)

    fast = selectors.timeline(fs, group=group, bucket="week", measure=measure)
    slow = selectors.timeline(fs, group=group, bucket="week", measure=measure, use_summary=False)

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
    ],
)
@pytest.mark.parametrize("sort", ["-date", "date", "-value", "value"])
def test_the_summary_and_the_claims_give_the_same_table(query, sort):
    _mixed_data()
    fs = filterset(query)

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

    chart = selectors.timeline(fs, group="side", bucket="day", measure="figures")
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
