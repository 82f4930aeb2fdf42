"""The claim extraction engine: plain Python, no Django.

reg = load_seed_registries()
result = extract(text, published=date(2025, 1, 7), registries=reg)
[claim.to_dict() for claim in result.claims]
"""

from __future__ import annotations

from .engine import ENGINE_VERSION, Claim, Extraction, clear_caches, extract
from .records import extract_record, extract_records
from .registries import Registries, load_seed_registries

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
