"""``stages.unit``: the unit a claim is about."""

from __future__ import annotations

from tests.extraction.reading import drafts


def test_the_unit_named_in_the_sentence() -> None:
    claim = drafts("The 47th Mechanized Brigade destroyed two Russian tanks near Avdiivka.")[0].claim
    assert claim.unit == "47th Separate Mechanized Brigade"


def test_a_numbered_formation_the_registry_does_not_list_is_named_canonically() -> None:
    claim = drafts("The 241th Territorial Defense Brigade destroyed three Russian tanks.")[0].claim
    assert claim.unit == "241st Territorial Defense Brigade"


def test_a_unit_that_speaks_is_the_formation_of_a_neighbouring_sentence() -> None:
    found = drafts(
        "Soldiers of the 47th Mechanized Brigade held the line near Avdiivka. "
        "They destroyed four Russian tanks on Monday, the brigade said."
    )
    assert [d.claim.unit for d in found] == ["47th Separate Mechanized Brigade"]
