"""``patterns.presence`` and ``Caseless.found``: the same yes/no as a search, on every pattern."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re

import pytest

import extraction
from extraction import patterns
from extraction.patterns import syntax
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


def test_a_word_trie_matches_exactly_its_words() -> None:
    rng = random.Random(3)
    for _ in range(2000):
        words = {
            "".join(rng.choice("ab.") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))
        }
        trie = re.compile(f"(?:{patterns.word_trie(words)})")
        for _ in range(10):
            text = "".join(rng.choice("ab.") for _ in range(rng.randint(0, 5)))
            assert (trie.fullmatch(text) is not None) is (text in words), (words, text)


def test_top_alternatives_split_only_the_top_level() -> None:
    assert patterns.top_alternatives(r"a|b(?:c|d)|[|]|\|") == ["a", "b(?:c|d)", "[|]", r"\|"]
    assert patterns.nested_words(r"say|says|said|put\s+it") == r"sa(?:id|y(?:s)?)|put\s+it"


def test_presence_keeps_unicode_classes() -> None:
    # ``\d`` matches more than ASCII digits: the leading class must too.
    led = patterns.presence(re.compile(r"\b\d+\b|\bone\b"))
    assert led is not None
    assert led.search("x ٣ y") is not None
    assert patterns.presence(re.compile("drone|missile")) is None  # ``re`` already skips ahead there


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![\w-])(?:tanks?|t-\d{2,3}\w*|abrams)(?![\w-])",
        r"\b(?:since|from(?=\s+the))\s+\w+",
        r"(?:-|\u2013)\d+|[a-c]x?|\d{1,2}(?:st|nd)",
        r"(?x) over \s+ the \s+ (?:past|last) \s+ day  # a comment",
        r"(?:ab|ac|ad)e",
    ],
)
def test_first_characters_and_prefixes_hold_for_every_match(pattern: str) -> None:
    """Every match found in random text begins with one of ``first_chars`` and, in ASCII text, with one of
    ``prefixes`` (what the alternations skip text by)."""
    compiled = re.compile(pattern)
    first = syntax.first_chars(pattern)
    heads = {k: syntax.prefixes(pattern, 0, k) for k in (2, 3)}
    rng = random.Random(11)
    pieces = [
        "tank",
        "tanks",
        "t-72",
        "abrams",
        "since",
        "from the",
        "-12",
        "\u201312",
        "ax",
        "b",
        "21st",
        "ade",
    ]
    pieces += ["over the past day", "over  the last  day", "ace", " ", "x", "-", "."]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for match in compiled.finditer(text):
            if match.end() == match.start():
                continue
            assert first is None or text[match.start()] in first, (pattern, text)
            for k, found in heads.items():
                head = text[match.start() : match.start() + k]
                if found is not None and head.isascii():
                    assert any(head.startswith(p) or p.startswith(head) for p in found), (pattern, text, k)


def test_the_parser_refuses_what_it_does_not_know() -> None:
    with pytest.raises(ValueError):
        syntax.parse(r"(?P<a>x)(?P=a)")
    with pytest.raises(ValueError):
        syntax.parse(r"\e")
