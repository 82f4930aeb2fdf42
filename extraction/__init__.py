"""The claim extraction engine: plain Python, no Django.

reg = load_seed_registries()
result = extract(text, published=date(2025, 1, 7), registries=reg)
[claim.to_dict() for claim in result.claims]

``pipeline`` runs the stages (``stages/``) over a ``document.Document``; ``readers/`` read a sentence's text,
``names/`` find the registries' names, and ``schema`` is the claim's shape.
"""

from __future__ import annotations

from .names.registries import Registries, load_seed_registries
from .pipeline import clear_caches, extract
from .records import extract_record, extract_records
from .schema import ENGINE_VERSION, Claim, Extraction

__all__ = (
    "ENGINE_VERSION",
    "Claim",
    "Extraction",
    "Registries",
    "clear_caches",
    "extract",
    "extract_record",
    "extract_records",
    "load_seed_registries",
)
