"""``stages.subject``: whose losses a figure counts, and how sure the engine is of it."""

from __future__ import annotations

import pytest

from tests.extraction.reading import drafts


@pytest.mark.parametrize(
    ("text", "side", "strength"),
    [
        # A side named in the counted phrase.
        ("About 300 North Korean soldiers have been killed, Seoul said.", "KP", 3),
        # The actor of the clause, read with its verb: the other side's losses.
        ("Ukrainian forces destroyed 12 tanks near Pokrovsk.", "RU", 2),
        # The actor that suffered.
        ("Russian forces lost 40 tanks near Pokrovsk.", "RU", 2),
        # "by" an attacker: the other side's.
        ("Twelve tanks were destroyed by Ukrainian drones near Pokrovsk.", "RU", 2),
        # The speaker's own: "its own troops".
        ("The Russian Defence Ministry said 20 of its own troops were wounded.", "RU", 2),
        # No actor: the side opposite the claimant's.
        ("Over the past day 1,250 soldiers were killed, Ukraine's General Staff said.", "RU", 1),
    ],
)
def test_whose_losses(text: str, side: str, strength: int) -> None:
    draft = drafts(text)[0]
    assert (draft.claim.subject_side, draft.side_strength) == (side, strength)


def test_launches_are_the_side_that_fired() -> None:
    draft = drafts("Russia launched 146 drones overnight, Ukraine's Air Force said.")[0]
    assert (draft.claim.category, draft.claim.subject_side) == ("launched", "RU")


def test_a_figure_after_one_named_explicitly_counts_the_same_side() -> None:
    found = drafts("300 North Korean soldiers were killed and 2,700 wounded, Seoul said.")
    assert [(d.claim.value, d.claim.subject_side) for d in found] == [(300, "KP"), (2700, "KP")]
