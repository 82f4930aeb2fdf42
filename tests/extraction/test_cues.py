"""``readers.cues``: a sentence's yes/no cues and where its clauses break."""

from __future__ import annotations

import random
import re

import pytest

from extraction import lexicon
from extraction.readers.cues import clause_breaks, flag, toll_so_far, triggered


@pytest.mark.parametrize(
    ("text", "may_hold_a_claim"),
    [
        ("Russia lost 40 tanks.", True),
        ("Two soldiers died.", True),
        ("A tank was hit.", True),
        ("No news.", False),
    ],
)
def test_a_sentence_may_hold_a_claim(text: str, may_hold_a_claim: bool) -> None:
    assert triggered(text) is may_hold_a_claim


def test_triggered_is_one_flat_pattern_of_its_words() -> None:
    numbers, verbs = lexicon.load().numbers, lexicon.load().verbs
    flat = re.compile(
        r"(?i)\d|\b(?:" + "|".join(numbers.TRIGGER_WORDS) + r")\b|\b(?:" + "|".join(verbs.LOSS_STEMS) + ")"
    )
    pieces = [
        *numbers.TRIGGER_WORDS,
        *verbs.LOSS_STEMS,
        "seventeenth",
        "Lost",
        "İ",
        "ſhot",
        "٣",
        "x",
        "-",
        " ",
    ]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "s", "_"]) for _ in range(rng.randint(0, 6)))
        assert triggered(text) is (flat.search(text) is not None), text


def test_flags() -> None:
    assert flag("Air defences shot down a drone overnight.", "air")
    assert flag("Footage shows a tank being destroyed.", "footage")
    assert flag("If Russia would lose 500 tanks, it would stop.", "hedged")
    assert flag("Russia lost a tank.", "single")
    assert not flag("Russia lost tanks.", "single")
    assert flag("The enemy lost up to 80 servicemen there.", "continues")


def test_a_toll_so_far_is_not_one_events() -> None:
    assert toll_so_far("About 300 soldiers have been killed.")
    assert not toll_so_far("About 300 soldiers have been killed in the attack.")


def test_clause_breaks() -> None:
    text = "Kyiv said 500 were killed, while Moscow said 700; the rest - unknown"
    starts, ends = clause_breaks(text)
    assert [text[a:b] for a, b in zip(starts, ends, strict=True)] == ["while", ";", " - "]
