"""Helpers for the tests of single stages: an article read up to the stage under test."""

from __future__ import annotations

import datetime

from extraction import load_seed_registries
from extraction.document import Document, Draft
from extraction.stages.claims import read_claims
from extraction.stages.names import find_names

REGISTRIES = load_seed_registries()
PUBLISHED = datetime.date(2024, 11, 26)  # a Tuesday


def document(text: str, published: datetime.date | None = PUBLISHED) -> Document:
    """``text`` as a document whose names are found (the first stage), ready for the others."""
    doc = Document(text, published, REGISTRIES, None)
    find_names(doc)
    return doc


def drafts(text: str, published: datetime.date | None = PUBLISHED) -> list[Draft]:
    """The drafts of ``text``'s claims, before engagements and merging."""
    doc = document(text, published)
    read_claims(doc)
    doc.close()
    return doc.drafts
