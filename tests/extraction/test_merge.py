"""``stages.merge``: one claim per fact, the repeats' fields filling what the clearest one lacks."""

from __future__ import annotations

from extraction import extract
from tests.extraction.reading import PUBLISHED, REGISTRIES


def _claims(text: str) -> list[dict[str, object]]:
    return [c.to_dict() for c in extract(text, published=PUBLISHED, registries=REGISTRIES).claims]


def test_a_figure_in_the_headline_and_the_body_is_one_claim_with_the_bodys_sentence() -> None:
    text = (
        "Russia loses 1,610 soldiers in a day\n"
        "Russia lost 1,610 soldiers on Monday, Ukraine's General Staff said."
    )
    claims = _claims(text)
    assert len(claims) == 1
    assert claims[0]["claimant_side"] == "UA" and claims[0]["evidence"].startswith("Russia lost")  # type: ignore[union-attr]


def test_the_same_figure_from_speakers_of_two_sides_is_two_claims() -> None:
    text = "Kyiv said about 700 soldiers were killed. Moscow said about 700 soldiers were killed."
    assert len(_claims(text)) == 2


def test_equal_figures_at_two_places_of_one_sentence_are_two_facts() -> None:
    text = "Air defences shot down all 12 cruise missiles and 12 of the drones, the Air Force said."
    assert len([c for c in _claims(text) if c["value"] == 12]) == 2
