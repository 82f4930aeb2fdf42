"""``readers.sides``: the words that name a side, and which of them name a place rather than an actor."""

from __future__ import annotations

from extraction.readers.sides import opposite, side_mentions, side_of_phrase


def _mentions(text: str) -> list[tuple[str, str, bool]]:
    return [(text[m.start : m.end], m.side, m.locative) for m in side_mentions(text)]


def test_sides_and_their_places() -> None:
    assert _mentions("Ukrainian troops fought in Russia's Kursk Oblast") == [
        ("Ukrainian", "UA", False),
        ("Russia's", "RU", True),
    ]


def test_the_enemy_and_they() -> None:
    assert _mentions("The enemy lost ground, and they retreated") == [
        ("enemy", "enemy", False),
        ("they", "pronoun", False),
    ]


def test_the_side_of_a_phrase() -> None:
    assert side_of_phrase("Ukraine's Defence Ministry") == "UA"
    assert side_of_phrase("South Korea's spy agency") == "other"
    assert side_of_phrase("the ministry") is None
    assert [opposite(s) for s in ("UA", "RU", "KP", "other", None)] == ["RU", "UA", "UA", None, None]
