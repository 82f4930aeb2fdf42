"""``stages.single_items``: one item without a figure ("a tank", "the landing ship <name>")."""

from __future__ import annotations

import pytest

from tests.extraction.reading import drafts


@pytest.mark.parametrize(
    ("text", "category", "equipment"),
    [
        ("Footage shows a Russian tank being destroyed near Robotyne.", "equipment", "tank"),
        ("Ukrainian air defences shot down a Su-25 over Donetsk Oblast.", "equipment", "aircraft"),
        ("Russia struck Kharkiv with a ballistic missile overnight.", "launched", "missile"),
        ("Ukrainian troops have taken a North Korean soldier prisoner in Kursk.", "captured", None),
    ],
)
def test_a_single_item_is_a_claim_of_one(text: str, category: str, equipment: str | None) -> None:
    claim = drafts(text)[0].claim
    assert (claim.category, claim.equipment, claim.value) == (category, equipment, 1)


def test_the_with_an_item_already_counted_is_no_new_claim() -> None:
    assert drafts("Ukrainian soldiers filmed the blasted tank near Robotyne.") == []
