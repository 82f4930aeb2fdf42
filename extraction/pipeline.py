"""The engine: an article's text in, its claims out, through the stages in order.

Each stage is a function of the ``Document`` that reads what the stages before it found and adds to it:

1. ``names``: the places, units and claimants the article names, and the region it is about;
2. ``claims``: the drafts of the claims of each sentence's figures, each field decided by the stage named
   for its question (``counted``, ``speaker``, ``subject``, ``period``, ``time``, ``location``, ``unit``);
3. ``engagements``: named units reported in action with no count;
4. ``merge``: one claim per distinct fact.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache

from .document import Document
from .names.registries import Registries, load_seed_registries
from .schema import Extraction
from .stages.claims import read_claims
from .stages.engagements import add_engagements
from .stages.merge import merge_repeats
from .stages.names import find_names
from .stages.verification import unverified

STAGES: tuple[Callable[[Document], None], ...] = (find_names, read_claims, add_engagements, merge_repeats)


@lru_cache(maxsize=1)
def default_registries() -> Registries:
    """The registries of the repository's seed files, loaded once."""
    return load_seed_registries()


def extract(
    text: str, published: date | None = None, registries: Registries | None = None, title: str | None = None
) -> Extraction:
    """The claims of one article. ``published`` resolves relative dates; ``title`` helps place it."""
    doc = Document(
        text or "", published, registries if registries is not None else default_registries(), title
    )
    try:
        for stage in STAGES:
            stage(doc)
    finally:
        doc.close()
    return Extraction(doc.claims, unverified(doc))


def clear_caches(registries: Registries | None = None) -> None:
    """Forget every reading kept beyond an article, so that the next article is read as if none of its
    sentences had been seen before (the bench's cold rate; also a way to free the memory). ``registries``:
    whose readings go (the default registries' always do)."""
    if default_registries.cache_info().currsize:
        default_registries().kept.clear()
    if registries is not None:
        registries.kept.clear()
