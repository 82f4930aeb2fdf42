"""``readers.dates``: time expressions, resolved against the publication date."""

from __future__ import annotations

import datetime

import pytest

from extraction.readers.dates import CUMULATIVE_KINDS, find_times

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
