"""``patterns.presence`` and ``Caseless.found``: the same yes/no as a search, on every pattern."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re

import extraction
from extraction import patterns
from extraction.readers import cues

WORDS = [
    "a",
    "an",
    "the",
    "one",
    "two",
    "three",
    "12",
    "1,000",
    "٣",
    "destroy",
    "hit",
    "struck",
    "air",
    "defence",
    "force",
    "overnight",
    "shot",
    "down",
    "if",
    "would",
    "could",
    "lose",
    "footage",
    "video",
    "said",
    "says",
    "reportedly",
    "have",
    "has",
    "had",
    "been",
    "killed",
    "lost",
    "attack",
    "verified",
    "cannot",
    "can't",
    "unverified",
    "according",
    "per",
    "citing",
    "figures",
    ":",
    "—",
    "’",
    "(",
    ")",
    ".",
    ",",
    ";",
    "İ",
    "K",
    "ſ",
    "Σ",
]
SEPARATORS = [" ", "", "-", "\n", "\u00a0", ",", ". "]


def _caseless_patterns() -> list[patterns.Caseless]:
    """Every ``Caseless`` of the package's modules, and the cues' flags."""
    found = []
    for info in pkgutil.walk_packages(extraction.__path__, "extraction."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values() if isinstance(v, patterns.Caseless)]
    return [*found, *cues.FLAG_PATTERNS]


def test_found_agrees_with_search() -> None:
    rng = random.Random(7)
    patterns = _caseless_patterns()
    assert any(p._presence is not None for p in patterns)
    for _ in range(3000):
        text = "".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(rng.randint(0, 20)))
        for pattern in patterns:
            assert pattern.found(text) == (pattern.search(text) is not None), (pattern.original.pattern, text)


def test_presence_keeps_unicode_classes() -> None:
    # ``\d`` matches more than ASCII digits: the leading class must too.
    led = patterns.presence(re.compile(r"\b\d+\b|\bone\b"))
    assert led is not None
    assert led.search("x ٣ y") is not None
    assert patterns.presence(re.compile("drone|missile")) is None  # ``re`` already skips ahead there
