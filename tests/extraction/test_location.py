"""``stages.location``: the place and region of a claim."""

from __future__ import annotations

from extraction.stages.location import local
from tests.extraction.reading import drafts


def test_the_place_named_near_the_figure_gives_its_region() -> None:
    claim = drafts(
        "More than 200 Ukrainian servicemen were killed near Kurakhove, Russia's Defence Ministry said."
    )[0].claim
    assert (claim.place, claim.region) == ("Kurakhove", "Donetsk Oblast")


def test_a_town_beats_its_region() -> None:
    claim = drafts("Russia lost 40 soldiers near Kurakhove in Donetsk Oblast, Kyiv said.")[0].claim
    assert claim.place == "Kurakhove"


def test_a_sentence_that_goes_on_takes_the_place_of_the_one_before_in_its_paragraph() -> None:
    found = drafts(
        "Ukrainian forces destroyed 12 Russian tanks near Pokrovsk. The enemy lost up to 80 servicemen there."
    )
    assert [d.claim.place for d in found] == ["Pokrovsk", "Pokrovsk"]


def test_the_articles_region_goes_only_to_local_figures() -> None:
    assert local("killed", 40, "window")
    assert not local("killed", 40_000, "window")
    assert not local("launched", 40, "window")
    assert local("equipment", 12, "cumulative", largest=300)
    assert not local("equipment", 12, "cumulative", largest=20_000)
