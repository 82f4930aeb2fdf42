"""``stages.counted``: what a figure counts, the verb that governs it, and the claim's category."""

from __future__ import annotations

import pytest

from extraction.lexicon.kinds import PERSONNEL, V_DESTROY, V_INTERCEPT, V_LAUNCH
from extraction.stages.counted import category_for
from tests.extraction.reading import drafts


@pytest.mark.parametrize(
    ("text", "category", "equipment", "value"),
    [
        ("Russia lost 1,610 men, Kyiv said.", "casualties", None, 1610),
        ("Ukrainian forces destroyed 19 unmanned aerial vehicles.", "equipment", "uav", 19),
        # A loss noun before the figure names the category itself.
        ("Russian military deaths rose by 1,030, Kyiv said.", "killed", None, 1030),
        # "N of the M": the figure counts what the next one counts.
        ("Air defences shot down 50 of the 73 drones, the Air Force said.", "intercepted", "uav", 50),
        # The soldiers are counted, "wounded" describes them.
        ("Ukrainian troops captured two wounded North Korean soldiers.", "captured", None, 2),
    ],
)
def test_what_a_figure_counts(text: str, category: str, equipment: str | None, value: int) -> None:
    claim = drafts(text)[0].claim
    assert (claim.category, claim.equipment, claim.value) == (category, equipment, value)


def test_aid_is_no_loss() -> None:
    assert drafts("The U.S. has sent more than 400 Stryker vehicles to Ukraine.") == []


def test_categories_by_noun_and_verb() -> None:
    assert category_for(PERSONNEL, None, V_DESTROY, False) == "casualties"
    assert category_for("equipment", "uav", V_INTERCEPT, True) == "intercepted"
    assert category_for("equipment", "tank", V_INTERCEPT, False) == "equipment"
    assert category_for("equipment", "missile", V_LAUNCH, True) == "launched"
    assert category_for("equipment", "tank", V_LAUNCH, False) is None
