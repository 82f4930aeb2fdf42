"""English: the vocabularies the engine reads English reporting with."""

from __future__ import annotations

from . import hedges, names, nouns, numbers, sentences, sides, speech, time, verbs

__all__ = ("hedges", "names", "nouns", "numbers", "sentences", "sides", "speech", "time", "verbs")
