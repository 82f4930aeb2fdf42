"""``stages.verification``: whether an article says it could not verify the figures (more cases in
test_cases.py)."""

from __future__ import annotations

import pytest

from extraction.stages.verification import unverified
from tests.extraction.reading import document


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The claims could not be independently verified.", True),
        ("Reuters was unable to confirm the figures.", True),
        ("The General Staff confirmed the figures on Monday.", False),
        ("Russia lost 1,100 soldiers, Kyiv said.", False),
    ],
)
def test_could_not_verify(text: str, flag: bool) -> None:
    assert unverified(document(text)) is flag
