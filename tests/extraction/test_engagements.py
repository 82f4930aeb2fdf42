"""``stages.engagements``: a named unit reported in action with no count of its own."""

from __future__ import annotations

from extraction import extract
from tests.extraction.reading import PUBLISHED, REGISTRIES


def _engagements(text: str) -> list[tuple[str | None, str | None]]:
    claims = extract(text, published=PUBLISHED, registries=REGISTRIES).claims
    return [(c.unit, c.subject_side) for c in claims if c.category == "engagement"]


def test_a_unit_in_action_attacks_the_other_side() -> None:
    assert _engagements(
        "The Rubizh Brigade is destroying Russian positions near Kupiansk, the unit said."
    ) == [("Rubizh Brigade", "RU")]


def test_a_unit_the_other_side_struck_is_the_side_that_suffers() -> None:
    found = _engagements(
        "Russian forces struck positions of the Ukrainian 41st Mechanized Brigade near Pokrovsk."
    )
    assert found == [("41st Separate Mechanized Brigade", "UA")]


def test_a_unit_with_a_count_of_its_own_has_no_engagement_besides() -> None:
    assert _engagements("The 47th Mechanized Brigade destroyed two Russian tanks near Avdiivka.") == []


def test_a_unit_named_without_action_has_none() -> None:
    assert _engagements("The 47th Mechanized Brigade was formed in 2022.") == []
