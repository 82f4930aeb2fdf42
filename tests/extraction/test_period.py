"""``stages.period``: a running total or a window, and whether the text said so."""

from __future__ import annotations

import pytest

from tests.extraction.reading import drafts


@pytest.mark.parametrize(
    ("text", "period", "explicit"),
    [
        ("Ukraine says 133,190 Russian troops have been killed since the war began.", "cumulative", True),
        ("Russia lost 1,030 soldiers over the past 24 hours, Ukraine's General Staff said.", "window", True),
        ("The losses of the enemy are: tanks - 9,429 (+5)", "cumulative", True),
        # Without a marker: thousands of tanks are a running total, a few killed one event's.
        ("Russia has lost 8,900 tanks, Kyiv said.", "cumulative", False),
        ("Two soldiers were killed when their dugout was hit near Vovchansk.", "window", False),
    ],
)
def test_the_period_of_a_figure(text: str, period: str, explicit: bool) -> None:
    draft = drafts(text)[0]
    assert (draft.claim.period, draft.period_explicit) == (period, explicit)


def test_the_days_increase_after_a_running_total_is_a_window() -> None:
    found = drafts("The losses of the enemy are: tanks - 9,429 (+5)")
    assert [(d.claim.value, d.claim.period) for d in found] == [(9429, "cumulative"), (5, "window")]


def test_a_sentence_that_goes_on_from_the_one_before_keeps_its_period() -> None:
    found = drafts(
        "Russia has lost 19,000 soldiers since the war began, Ukraine's General Staff said. "
        "In addition, 300 soldiers were captured."
    )
    assert [d.claim.period for d in found] == ["cumulative", "cumulative"]
