"""``readers.numbers``: a sentence's counts with their ranges and hedges; measures and dates are none."""

from __future__ import annotations

import pytest

from extraction.readers.numbers import find_figures, parse_words


@pytest.mark.parametrize(
    ("text", "value", "value_max", "qualifier"),
    [
        ("Russia lost 1,610 men", 1610, None, "exact"),
        ("a loss of 1 610 men", 1610, None, "exact"),
        ("more than a THOUSAND Russian troops", 1000, None, "at_least"),
        ("1.2 million troops", 1_200_000, None, "exact"),
        ("twenty-five tanks", 25, None, "exact"),
        ("a dozen drones", 12, None, "exact"),
        ("2,000-4,000 troops", 2000, 4000, "exact"),
        ("between 300 and 400 soldiers", 300, 400, "exact"),
        ("300 to 400 soldiers", 300, 400, "exact"),
        ("up to 485 servicemen", 485, None, "up_to"),
        ("some 12,000 troops", 12000, None, "about"),
        ("nearly 1,000 more", 1000, None, "about"),
        ("1,000+ soldiers", 1000, None, "at_least"),
    ],
)
def test_figures_are_read_with_their_hedges(
    text: str, value: int, value_max: int | None, qualifier: str
) -> None:
    figure = find_figures(text)[0]
    assert (figure.value, figure.value_max, figure.qualifier) == (value, value_max, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "in 2022",
        "on Dec. 17",
        "November 24",
        "at 5 a.m.",
        "at 14:30",
        "aged 25",
        "a 25-year-old",
        "the 80th brigade",
        "T-72 tanks",
        "Su-25 jets",
        "BM-21 Grad",
        "203mm shells",
        "$400 million",
        "25% of the territory",
        "30 km from",
        "the past 12 months",
        "Dec. 14-15",
        "No. 5",
        "World War Two",
        "a Leopard 2 tank",
        "hundreds of thousands of troops",
        "dozens of drones",
        "a pre-war population of around 75,000",
    ],
)
def test_measures_dates_and_designations_are_not_counts(text: str) -> None:
    assert [f.raw for f in find_figures(text)] == []


def test_number_words_parse() -> None:
    assert parse_words("one hundred and two") == 102
    assert parse_words("a THOUSAND") == 1000
    assert parse_words("fifty") == 50
    assert parse_words("zebra") is None


def test_a_general_staff_increase_is_a_delta() -> None:
    figures = find_figures("tanks - 9,510 (+10)")
    assert [(f.value, f.delta) for f in figures] == [(9510, False), (10, True)]
