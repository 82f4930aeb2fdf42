"""``stages.time``: the day a claim refers to, and the first day of a multi-day window."""

from __future__ import annotations

import datetime

import pytest

from tests.extraction.reading import drafts


@pytest.mark.parametrize(
    ("text", "day", "day_start"),
    [
        ("Russia lost 1,030 soldiers yesterday, Ukraine's General Staff said.", "2024-11-25", None),
        ("Ukraine lost up to 485 servicemen on Sunday, Russia's Defence Ministry said.", "2024-11-24", None),
        (
            "About 300 North Korean soldiers were killed on Nov. 14-15, Seoul said.",
            "2024-11-15",
            "2024-11-14",
        ),
        # A running total is as of publication.
        ("Ukraine says 133,190 Russian troops have been killed since the war began.", "2024-11-26", None),
    ],
)
def test_the_day_of_a_claim(text: str, day: str, day_start: str | None) -> None:
    claim = drafts(text)[0].claim
    assert claim.date == datetime.date.fromisoformat(day)
    assert claim.date_start == (datetime.date.fromisoformat(day_start) if day_start else None)


def test_the_day_of_the_events_beats_the_day_they_were_reported() -> None:
    claim = drafts("The ministry said on Monday that 40 soldiers were killed yesterday.")[0].claim
    assert claim.date == datetime.date(2024, 11, 24)  # the day before Monday the 25th


def test_without_a_publication_date_a_claim_has_no_day() -> None:
    assert drafts("Russia lost 1,030 soldiers, Kyiv said.", published=None)[0].claim.date is None
