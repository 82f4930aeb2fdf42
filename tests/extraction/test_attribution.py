"""``readers.attribution``: a sentence's speaker phrases, most explicit first."""

from __future__ import annotations

from extraction.readers.attribution import find_attributions


def _speakers(text: str) -> list[tuple[str, bool]]:
    return [(a.raw, a.anaphoric) for a in find_attributions(text)]


def test_according_to_and_said() -> None:
    assert _speakers("Russia lost 1,610 men, according to Ukraine's General Staff.") == [
        ("Ukraine's General Staff", False)
    ]
    assert _speakers("Russia lost 1,610 men, the ministry said.") == [("the ministry", True)]


def test_an_adjective_is_no_speaker() -> None:
    assert _speakers("An estimated 45,680 soldiers were killed.") == []


def test_the_attribution_covers_the_speaker_phrase() -> None:
    text = "Russia lost 1,610 men, Ukraine's General Staff said on Monday."
    (attribution,) = find_attributions(text)
    assert text[attribution.start : attribution.end].startswith("Ukraine's General Staff said")
