"""``readers.attribution``: a sentence's speaker phrases, most explicit first."""

from __future__ import annotations

import random
import re

from extraction.readers import attribution
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


def test_the_speech_words_nested_match_as_the_flat_alternation() -> None:
    """``_SPEECH_WORD`` and ``_HINT`` try their plain words nested by character: the same matches as the
    flat alternation of the lexicon's text."""
    speech = attribution._SPEECH_VERBS
    hint = (
        speech
        + r"|according|per|citing|cited|figures|data|estimates?|sources?|came|comes|made|issued|given|"
        + r"(?:count|tally|toll)\s+(?:by|from)"
    )
    flat_speech = re.compile(r"\b(?:" + speech + r")\b")
    flat_hint = re.compile(r"(?i)\b(?:" + hint + r")\b|:")
    words = [w for w in re.split(r"[^a-z]+", hint) if w] + ["put the figure", "puts Russian losses", "Said"]
    words += ["released a video", "count by", "estimates", "sources", "x", "-", ":", "'s", "İ"]
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "", "s ", ", "]) for _ in range(rng.randint(0, 8))
        )
        spans = [m.span() for m in attribution._SPEECH_WORD.finditer(text)]
        assert spans == [m.span() for m in flat_speech.finditer(text)], text
        assert attribution._HINT_LOW.found(text) is (flat_hint.search(text) is not None), text
