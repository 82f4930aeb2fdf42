"""Which places, units and claimants does the article name, and which region is it about?

Reads each sentence's names (``names.scan``) and adds them to the document at article offsets; "the
brigade" and "the unit" become the formation of that kind named last. The region and the town the article
is about are the ones it names often enough, or else the ones its title names.
"""

from __future__ import annotations

from ..document import Document
from ..names.places import dominant_place, dominant_region, find_places
from ..names.tokens import tokenize
from ..names.units import with_anaphora


def find_names(doc: Document) -> None:
    for sentence in doc.sentences:
        places, units, claimants = doc.names[sentence.text]
        shift = sentence.start
        # The hits at article offsets.
        if places:
            doc.places.extend([p.moved(shift) for p in places])
        if units:
            doc.units.extend([u.moved(shift) for u in units])
        if claimants:
            doc.claimant_hits.extend([h.moved(shift) for h in claimants])
    doc.units = with_anaphora(doc.text, doc.units)
    doc.index_names()
    doc.region = dominant_region(doc.places)
    doc.place = dominant_place(doc.places)
    if (doc.region is None or doc.place is None) and doc.title:
        title_places = find_places(doc.title, tokenize(doc.title, doc.registries.kept.tokens), doc.registries)
        if doc.region is None and title_places and title_places[0].region:
            doc.region = title_places[0].region
        towns = [p for p in title_places if p.place]
        if doc.place is None and towns and towns[0].region == doc.region:
            doc.place = towns[0]
