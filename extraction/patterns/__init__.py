"""The engine's regular-expression helpers, on ``re``'s public API: a big alternation tried only where it can
match (``WordAlternation``), case-blind patterns run over lower-cased text (``Caseless``), and what a
pattern's matches can begin with, read from its text (``syntax``)."""

from __future__ import annotations

from .alternation import Candidates, WordAlternation, nested_words, top_alternatives, word_trie
from .caseless import Caseless, lowered
from .syntax import first_chars, prefixes, presence

__all__ = (
    "Candidates",
    "Caseless",
    "WordAlternation",
    "first_chars",
    "lowered",
    "nested_words",
    "prefixes",
    "presence",
    "top_alternatives",
    "word_trie",
)
