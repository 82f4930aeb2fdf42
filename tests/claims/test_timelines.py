"""The timeline: figures counted once, running totals their own lines per claimant and scope, alarms."""

from __future__ import annotations

import datetime

import pytest

from claims import timelines
from claims.models import Claim, Claimant, Place, Region, Unit
from tests.claims.helpers import D, claim, filterset, repeated

pytestmark = pytest.mark.django_db


def _series(timeline: timelines.Timeline) -> dict[str, dict[datetime.date, int | None]]:
    return {d.label: dict(zip(timeline.labels, d.data, strict=True)) for d in timeline.datasets}


# --- figures and counts -----------------------------------------------------------------------


def test_the_same_figure_in_two_articles_is_counted_once():
    repeated(2, value=1610, date=D(2024, 11, 24))
    claim(value=1030, date=D(2024, 11, 22))

    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")

    assert _series(chart)["Russia"] == {D(2024, 11, 18): 2640}


def test_the_claim_count_counts_every_source():
    repeated(2, value=1610, date=D(2024, 11, 24))
    claim(value=1030, date=D(2024, 11, 22))

    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="claims")

    assert _series(chart)["Russia"] == {D(2024, 11, 18): 3}


def test_running_totals_are_their_own_line_never_added_to_window_figures():
    claim(value=1030, date=D(2024, 11, 20))
    claim(value=150000, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 20))

    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")
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

    chart = timelines.timeline(filterset(), group="region", bucket="week", measure="figures")

    assert _series(chart)["Kursk Oblast"] == {D(2024, 11, 18): 1030}
    running = [d for d in chart.datasets if d.axis == "y2"]
    assert [(d.label, d.data) for d in running] == [("Running total: Ukraine on Russia", [150000])]


def test_a_running_total_shows_its_latest_value_in_each_bucket():
    claim(value=149000, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 18))
    claim(value=150500, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 21))
    claim(value=150000, period=Claim.Period.CUMULATIVE, date=D(2024, 11, 20))

    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")

    running = next(d for d in chart.datasets if d.axis == "y2")
    assert running.data == [150500]


def test_figures_stay_within_one_category():
    claim(value=1000, date=D(2024, 11, 20))
    claim(value=7, category=Claim.Category.EQUIPMENT, equipment="tank", date=D(2024, 11, 20))

    default = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")
    tanks = timelines.timeline(
        filterset(category="equipment"), group="side", bucket="week", measure="figures"
    )

    assert _series(default)["Russia"] == {D(2024, 11, 18): 1000}
    assert default.figure_categories == ("casualties",)
    assert _series(tanks)["Russia"] == {D(2024, 11, 18): 7}


def test_rejected_claims_are_left_out_of_the_figures():
    claim(value=500, date=D(2024, 11, 20), review_status=Claim.ReviewStatus.REJECTED)
    claim(value=100, date=D(2024, 11, 20))

    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")

    assert _series(chart)["Russia"] == {D(2024, 11, 18): 100}


def test_pairs_name_the_claimant_side_and_the_subject_side():
    claim(value=1, subject_side="RU", claimant_side="UA")
    claim(value=2, subject_side="UA", claimant_side="RU")
    claim(value=3, subject_side="KP", claimant_side="other")

    chart = timelines.timeline(filterset(), group="pair", bucket="month", measure="claims")

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

    by_region = timelines.timeline(filterset(), group="region", bucket="week", measure="claims")
    by_unit = timelines.timeline(filterset(), group="unit", bucket="week", measure="claims")

    assert [d.label for d in by_region.datasets] == ["Kursk Oblast"]
    assert [d.label for d in by_unit.datasets] == [unit.name]
    assert by_region.datasets[0].link_filters["region"] == kursk.slug


def test_buckets_run_without_gaps_from_the_first_to_the_last():
    claim(value=1, date=D(2024, 1, 15))
    claim(value=2, date=D(2024, 4, 2))

    chart = timelines.timeline(filterset(), group="side", bucket="month", measure="claims")

    assert chart.labels == [D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1), D(2024, 4, 1)]
    assert chart.datasets[0].data == [1, 0, 0, 1]


def test_a_point_links_to_the_claims_of_its_bucket_and_series():
    claim(value=1, date=D(2024, 11, 20), subject_side="UA", claimant_side="RU")

    chart = timelines.timeline(
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


# --- gaps, claimants, personnel ---------------------------------------------------------------


def test_a_week_without_a_figure_is_a_gap_not_a_zero_but_counts_are_zero():
    claim(value=100, date=D(2024, 1, 1))
    claim(value=300, date=D(2024, 1, 15))
    figures = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")
    assert figures.datasets[0].data == [100, None, 300]
    assert not figures.datasets[0].span_gaps
    counts = timelines.timeline(filterset(), group="side", bucket="week", measure="claims")
    assert counts.datasets[0].data == [1, 0, 1]


def test_lines_by_claimant_name_the_organisations():
    staff, ministry = (
        Claimant.objects.get(name__startswith="General Staff of the Armed"),
        Claimant.objects.get(name="Russian Defence Ministry"),
    )
    claim(value=1200, date=D(2024, 10, 7), claimant=staff, claimant_side="UA", subject_side="RU")
    claim(value=300, date=D(2024, 10, 8), claimant=ministry, claimant_side="RU", subject_side="UA")
    claim(value=50, date=D(2024, 10, 9), claimant_side="UA", subject_side="RU")  # nobody named: no line
    chart = timelines.timeline(filterset(), group="claimant", bucket="week", measure="figures")
    assert _series(chart) == {
        "General Staff of the Armed Forces of Ukraine": {D(2024, 10, 7): 1200},
        "Russian Defence Ministry": {D(2024, 10, 7): 300},
    }
    assert f"claimant={ministry.slug}" in chart.datasets[1].link


def test_personnel_losses_add_killed_wounded_and_casualties_each_figure_once_and_say_so():
    repeated(2, value=1000, category="casualties", date=D(2024, 10, 7))
    claim(value=300, category="killed", date=D(2024, 10, 8))
    claim(value=200, category="wounded", date=D(2024, 10, 8))
    claim(value=9, category="equipment", equipment="tank", date=D(2024, 10, 8))
    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="personnel")
    assert _series(chart)["Russia"] == {D(2024, 10, 7): 1500}
    assert "Personnel losses add killed, wounded and casualties" in " ".join(chart.notes)
    assert chart.y_title.endswith("(personnel losses)")


# --- running totals by scope, and the ones that fall ------------------------------------------


def test_a_national_total_and_a_local_one_are_never_one_line():
    claim(value=133_190, period="cumulative", date=D(2024, 2, 5))
    claim(value=16_000, period="cumulative", date=D(2024, 2, 6), place=Place.objects.get(name="Avdiivka"))
    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")
    running = {d.label: [v for v in d.data if v is not None] for d in chart.datasets if d.axis == "y2"}
    assert running == {
        "Running total: Ukraine on Russia": [133_190],
        "Running total: Ukraine on Russia (Avdiivka)": [16_000],
    }


def test_running_totals_are_one_line_per_claimant_organisation():
    staff = Claimant.objects.get(name__startswith="General Staff of the Armed")
    claim(value=700_000, period="cumulative", date=D(2024, 10, 1), claimant=staff)
    pentagon = Claimant.objects.get(name="Pentagon")
    claim(value=600_000, period="cumulative", date=D(2024, 10, 2), claimant=pentagon, claimant_side="other")
    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")
    labels = sorted(d.label for d in chart.datasets if d.axis == "y2")
    assert labels == [
        "Running total: General Staff of the Armed Forces of Ukraine on Russia",
        "Running total: Pentagon on Russia",
    ]


def test_a_running_total_that_falls_is_an_alarm_linking_both_claims_not_a_falling_line():
    kursk = Region.objects.get(name="Kursk Oblast")
    first = claim(value=38_000, period="cumulative", date=D(2024, 10, 1), region=kursk)
    claim(value=39_000, period="cumulative", date=D(2024, 10, 8), region=kursk)
    low = claim(value=31_000, period="cumulative", date=D(2024, 10, 15), region=kursk)
    claim(value=40_000, period="cumulative", date=D(2024, 10, 22), region=kursk)
    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")
    line = next(d for d in chart.datasets if d.label == "Running total: Ukraine on Russia (Kursk Oblast)")
    assert line.data == [38_000, 39_000, None, 40_000]
    alarm = next(d for d in chart.datasets if d.kind == "scatter")
    assert alarm.data == [None, None, 31_000, None]
    link = chart.bucket_link(alarm, D(2024, 10, 14))
    second = Claim.objects.get(value=39_000)
    assert link == f"/claims/?fact={second.fact_key}%2C{low.fact_key}"
    assert "31,000 on 2024-10-15, lower than 39,000 on 2024-10-08" in alarm.point_notes[D(2024, 10, 14)]
    assert chart.alarms == 1 and "marked ▲" in " ".join(chart.notes)
    # The link's filter opens exactly the two claims.
    assert set(filterset(f"fact={second.fact_key},{low.fact_key}").qs) == {second, low}
    assert first.value < second.value


def test_two_running_totals_of_one_day_are_not_an_alarm():
    claim(value=700_000, period="cumulative", date=D(2024, 10, 1))
    claim(value=699_500, period="cumulative", date=D(2024, 10, 1))
    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")
    assert chart.alarms == 0 and not any(d.kind == "scatter" for d in chart.datasets)


def test_a_unit_scope_takes_the_unit_before_its_place_and_region():
    unit = Unit.objects.order_by("name").first()
    claim(value=500, period="cumulative", date=D(2024, 10, 1), unit=unit, region=Region.objects.first())
    chart = timelines.timeline(filterset(), group="side", bucket="week", measure="figures")
    assert [d.label for d in chart.datasets if d.axis == "y2"] == [
        f"Running total: Ukraine on Russia ({unit.name})"
    ]


@pytest.mark.parametrize("use_summary", [True, False])
def test_civilian_victims_are_never_summed_with_soldiers_unless_asked_for(use_summary):
    claim(value=300, category="killed", subject_side="UA", claimant_side="RU", date=D(2024, 5, 1))
    claim(
        value=31, category="killed", subject_side="UA", claimant_side="RU", date=D(2024, 5, 8), civilian=True
    )
    figures = {"group": "side", "bucket": "week", "measure": "figures", "use_summary": use_summary}
    soldiers = timelines.timeline(filterset(category="killed"), **figures)
    assert _series(soldiers)["Ukraine"] == {D(2024, 4, 29): 300}
    assert "Civilian victims are counted apart" in " ".join(soldiers.notes)
    victims = timelines.timeline(filterset(category="killed", civilian="yes"), **figures)
    assert _series(victims)["Ukraine"] == {D(2024, 5, 6): 31}
    assert "counted apart" not in " ".join(victims.notes)
    # Without civilians' figures, nothing is said of them.
    quiet = timelines.timeline(filterset(category="killed", date_to="2024-05-05"), **figures)
    assert "counted apart" not in " ".join(quiet.notes)


@pytest.mark.parametrize("use_summary", [True, False])
@pytest.mark.parametrize("measure", ["claims", "figures"])
def test_of_many_units_the_largest_are_drawn_and_the_rest_counted(use_summary, measure):
    units = list(Unit.objects.order_by("name")[: timelines.MAX_SERIES + 3])
    # Unit i: i + 1 casualty figures, on two days a week apart (the total ranks it); the smallest
    # unit also has a civilians' figure, which is never summed with soldiers' and does not rank it.
    for i, unit in enumerate(units):
        for n in range(i + 1):
            day = D(2024, 5, 1) + datetime.timedelta(days=7 * (n % 2))
            claim(value=10 + n, unit=unit, date=day, claimant_side="UA", subject_side="RU")
    claim(value=5_000, unit=units[0], date=D(2024, 5, 1), civilian=True, subject_side="UA")

    chart = timelines.timeline(
        filterset(), group="unit", bucket="week", measure=measure, use_summary=use_summary
    )

    drawn = [d.label for d in chart.datasets if d.axis == "y"]
    assert sorted(drawn) == sorted(u.name for u in units[3:])
    assert chart.hidden_series == 3
    assert f"The {timelines.MAX_SERIES} largest of {len(units)} series are drawn." in chart.notes
    assert ("Civilian victims are counted apart" in " ".join(chart.notes)) == (measure == "figures")
    largest = _series(chart)[units[-1].name]
    n = len(units)
    if measure == "claims":
        assert largest == {D(2024, 4, 29): (n + 1) // 2, D(2024, 5, 6): n // 2}
    else:
        assert largest == {
            D(2024, 4, 29): sum(10 + k for k in range(n) if k % 2 == 0),
            D(2024, 5, 6): sum(10 + k for k in range(n) if k % 2 == 1),
        }
