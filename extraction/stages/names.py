"""Which places, units and claimants does the article name, and which region is it about?

Reads each sentence's names (``names.scan``) and adds them to the document at article offsets; "the
brigade" and "the unit" become the formation of that kind named last. The region the article is about is
the one it names often enough, or else the one its title names.
"""

from __future__ import annotations

from ..document import Document
from ..names.places import dominant_region, find_places
from ..names.tokens import tokenize
from ..names.units import with_anaphora

_new = tuple.__new__


def find_names(doc: Document) -> None:
    for sentence in doc.sentences:
        places, units, claimants = doc.names[sentence.text]
        shift = sentence.start
        # The hits at article offsets, built without the NamedTuple's Python-level ``__new__``.
        if places:
            doc.places.extend(_new(type(p), (p[0] + shift, p[1] + shift, *p[2:])) for p in places)
        if units:
            doc.units.extend(_new(type(u), (u[0] + shift, u[1] + shift, *u[2:])) for u in units)
        if claimants:
            doc.claimant_hits.extend(_new(type(h), (h[0] + shift, h[1] + shift, *h[2:])) for h in claimants)
    doc.units = with_anaphora(doc.text, doc.units)
    doc.region = dominant_region(doc.places)
    if doc.region is None and doc.title:
        title_places = find_places(doc.title, tokenize(doc.title, doc.registries.kept.tokens), doc.registries)
        if title_places and title_places[0].region:
            doc.region = title_places[0].region
