"""``readers.words``: the nouns a figure can count and the verbs of interest, with their kinds."""

from __future__ import annotations

from extraction.lexicon.kinds import PERSONNEL, SKIP, V_AID, V_DESTROY, V_INTERCEPT
from extraction.readers.words import find_nouns, find_verbs, first_noun, noun_candidates


def _nouns(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[n.start : n.end], n.kind, n.equipment) for n in find_nouns(text)]


def test_longer_phrases_are_read_before_shorter_ones() -> None:
    assert _nouns("armored personnel carriers and fighter jets") == [
        ("armored personnel carriers", "equipment", "armored_vehicle"),
        ("fighter jets", "equipment", "aircraft"),
    ]
    assert _nouns("vehicles and fuel tanks") == [("vehicles and fuel tanks", "equipment", "vehicle")]


def test_people_equipment_and_what_makes_a_figure_something_else() -> None:
    assert _nouns("soldiers, Shahed drones and villages") == [
        ("soldiers", PERSONNEL, None),
        ("Shahed drones", "equipment", "uav"),
        ("villages", SKIP, None),
    ]


def test_model_designations_are_case_sensitive() -> None:
    assert _nouns("a Patriot battery") == [("Patriot", "equipment", "air_defense")]
    assert _nouns("a patriot of Ukraine") == []


def test_a_window_is_read_with_the_texts_candidates() -> None:
    text = "Ukrainian forces destroyed a Russian tank and a drone."
    candidates = noun_candidates(text)
    start = text.index("a drone")
    assert first_noun(text, start, len(text), candidates) == first_noun(text, start, len(text))
    assert text[first_noun(text, start, len(text)).start :].startswith("drone")  # type: ignore[union-attr]


def test_verbs_with_their_kinds_and_the_passive() -> None:
    text = "Air defences shot down 20 drones; 12 tanks were destroyed; the U.S. has sent aid."
    found = [(text[v.start : v.end], v.kind, v.passive) for v in find_verbs(text)]
    assert ("shot down", V_INTERCEPT, False) in found
    assert ("destroyed", V_DESTROY, True) in found
    assert any(kind == V_AID for _, kind, _ in found)
