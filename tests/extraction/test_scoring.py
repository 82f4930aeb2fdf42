"""Unit tests of the scorer and of the engine's reading modules (numbers, dates, sentences)."""

from __future__ import annotations

import datetime

import pytest

from extraction.dates import CUMULATIVE_KINDS, find_times
from extraction.numbers import find_figures, parse_words
from extraction.scoring import norm_name, score
from extraction.sentences import split_sentences

# --- scoring ---------------------------------------------------------------------------------------


def test_names_compare_without_case_order_ordinals_or_filler() -> None:
    assert norm_name("241th Territorial Defence Brigade") == norm_name("241st territorial defense brigade")
    assert norm_name("Kursk Oblast") == norm_name("the Kursk region")
    assert norm_name("92nd Separate Mechanised Brigade") == norm_name("92nd Mechanized Brigade")


def test_a_prediction_matches_on_category_side_value_and_equipment() -> None:
    gold = {
        "a": [
            {
                "category": "equipment",
                "equipment": "tank",
                "value": 2,
                "subject_side": "RU",
                "period": "window",
            }
        ]
    }
    good = {
        "a": [
            {
                "category": "equipment",
                "equipment": "tank",
                "value": 2,
                "subject_side": "RU",
                "period": "cumulative",
            }
        ]
    }
    bad = {"a": [{"category": "equipment", "equipment": "tank", "value": 3, "subject_side": "RU"}]}
    assert (score(gold, good).tp, score(gold, good).attribute_accuracy) == (1, 0.0)
    result = score(gold, bad)
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)


def test_optional_gold_is_neither_rewarded_nor_punished() -> None:
    gold = {"a": [{"category": "killed", "value": 1000, "subject_side": "RU", "optional": True}]}
    assert score(gold, {"a": []}).fn == 0
    found = score(gold, {"a": [{"category": "killed", "value": 1000, "subject_side": "RU"}]})
    assert (found.tp, found.fp) == (0, 0)


def test_engagements_match_on_unit() -> None:
    gold = {
        "a": [{"category": "engagement", "unit": "241st Territorial Defense Brigade", "subject_side": "RU"}]
    }
    pred = {
        "a": [{"category": "engagement", "unit": "241th Territorial Defence Brigade", "subject_side": "UA"}]
    }
    assert score(gold, pred).f1 == 1.0


def test_a_gold_list_accepts_any_of_its_values() -> None:
    gold = {
        "a": [{"category": "casualties", "value": 485, "subject_side": ["UA", "RU"], "date": ["2025-01-06"]}]
    }
    pred = {"a": [{"category": "casualties", "value": 485, "subject_side": "UA", "date": "2025-01-06"}]}
    assert score(gold, pred).attribute_accuracy == 1.0


# --- numbers ----------------------------------------------------------------------------------------


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


# --- dates ------------------------------------------------------------------------------------------

PUBLISHED = datetime.date(2024, 11, 26)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "day", "day_start"),
    [
        ("yesterday", "2024-11-25", None),
        ("on Monday", "2024-11-25", None),
        ("on Sunday night", "2024-11-24", None),
        ("on Dec. 17", "2023-12-17", None),
        ("on November 24", "2024-11-24", None),
        ("during assaults on Nov. 14-15", "2024-11-15", "2024-11-14"),
        ("between Nov. 18 and Nov. 24", "2024-11-24", "2024-11-18"),
        ("in the month of October", "2024-10-31", "2024-10-01"),
        ("in 2023", "2023-12-31", "2023-01-01"),
        ("last week", "2024-11-24", "2024-11-18"),
        ("as of Nov. 20", "2024-11-20", None),
    ],
)
def test_days_resolve_against_publication(text: str, day: str, day_start: str | None) -> None:
    found = [t for t in find_times(text, PUBLISHED) if t.date is not None]
    assert found, text
    assert found[0].date.isoformat() == day
    assert (found[0].date_start.isoformat() if found[0].date_start else None) == day_start


@pytest.mark.parametrize(
    "text",
    [
        "since the war began",
        "since the start of the full-scale invasion",
        "in total",
        "so far",
        "since Feb. 24, 2022",
        "to date",
    ],
)
def test_running_total_words_are_found(text: str) -> None:
    assert any(t.kind in CUMULATIVE_KINDS for t in find_times(text, PUBLISHED))


def test_the_start_of_a_running_total_is_not_its_day() -> None:
    times = find_times("133,190 since the war began in February last year", datetime.date(2023, 2, 8))
    assert all(t.date is None for t in times)


# --- sentences --------------------------------------------------------------------------------------


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Maj. Gen. Ryder spoke on Dec. 17 in the U.S. capital. No. 5 was next. Then came the rest."
    pieces = [s.text for s in split_sentences(text)]
    assert pieces == [
        "Maj. Gen. Ryder spoke on Dec. 17 in the U.S. capital.",
        "No. 5 was next.",
        "Then came the rest.",
    ]


def test_headlines_captions_and_bullets_are_their_own_sentences() -> None:
    text = (
        "Ukraine claims 50 kills\n- Ukraine says 133,190 Russian troops have been killed\n"
        "Photo: Reuters\nBody. Text."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Ukraine claims 50 kills",
        "Ukraine says 133,190 Russian troops have been killed",
        "Photo: Reuters",
        "Body.",
        "Text.",
    ]
    assert [s.headline for s in sentences] == [True, True, True, False, False]


def test_quotes_stay_with_their_sentence() -> None:
    text = (
        "He added: \u00ab A tank is destroying positions. \u00bb The next one. \u201cWe hold,\u201d he said."
    )
    assert [s.text for s in split_sentences(text)] == [
        "He added: \u00ab A tank is destroying positions. \u00bb",
        "The next one.",
        "\u201cWe hold,\u201d he said.",
    ]


def test_offsets_are_exact() -> None:
    text = "  First line.\n\n  Second one here!  \nThird"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
