"""Vocabularies as data, a folder a language: ``lexicon/en/`` holds the words the engine reads English with
(nouns, verbs, number words, time words, hedges, side words, speech verbs, name words), ``kinds`` what
the words are sorted into. The readers compile the vocabularies of ``LANGUAGE`` once, when they are
imported; a second language is a second folder with the same modules.
"""

from __future__ import annotations

import importlib
from types import ModuleType

LANGUAGE = "en"


def load(language: str = LANGUAGE) -> ModuleType:
    """The vocabularies of ``language`` (its folder, as a module whose submodules are the vocabularies)."""
    return importlib.import_module(f"{__name__}.{language}")
