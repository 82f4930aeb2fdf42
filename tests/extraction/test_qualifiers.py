"""``readers.qualifiers``: the hedge before or after a figure."""

from __future__ import annotations

import pytest

from extraction.patterns import lowered
from extraction.readers.qualifiers import qualifier_after, qualifier_before


@pytest.mark.parametrize(
    ("before", "qualifier"),
    [
        ("more than ", "at_least"),
        ("just over ", "at_least"),
        ("up to ", "up_to"),
        ("as many as ", "up_to"),
        ("nearly ", "about"),
        ("an estimated ", "about"),
        ("killed ", "exact"),
    ],
)
def test_the_hedge_before_a_figure(before: str, qualifier: str) -> None:
    text = f"Russia lost {before}500 soldiers"
    at = text.index("500")
    assert qualifier_before(text, at)[0] == qualifier
    assert qualifier_before(text, at, lowered(text))[0] == qualifier  # the same read lower-cased
    if qualifier != "exact":
        assert qualifier_before(text, at)[1] == text.index(before.split()[0])


@pytest.mark.parametrize(
    ("after", "qualifier"), [("+ troops", "at_least"), (" or so", "about"), (" men", None)]
)
def test_the_hedge_after_a_figure(after: str, qualifier: str | None) -> None:
    text = f"about 1,000{after}"
    assert qualifier_after(text, text.index("1,000") + 5) == qualifier
