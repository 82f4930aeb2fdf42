"""Where? The region and the place of a figure's claim.

Reads the places the article names (``stages.names``). The place named nearest the figure in its sentence
decides (a town beats its region); a sentence that goes on about the one before ("The enemy lost up to 80
servicemen there") takes the place of the sentences before it in its paragraph; a local figure with no
region of its own takes the region the article is about.
"""

from __future__ import annotations

from ..document import Document
from ..names.places import PlaceHit
from ..names.units import UnitHit
from ..readers.numbers import Figure
from ..readers.sentences import Sentence


def nearest_place(doc: Document, sentence: Sentence, figure: Figure | None) -> PlaceHit | None:
    """The place of ``sentence`` nearest ``figure`` (without one: its first town, else its first place)."""
    here = doc.places_in(sentence)
    if not here:
        return None
    if figure is None:
        specific = [p for p in here if p.place]
        return (specific or here)[0]
    at = figure.start
    # A town beats its region when both are named near the figure ("near Kurakhove in Donetsk Oblast").
    best = min(here, key=lambda p: abs(p.start - at))
    if best.place is None:
        for other in here:
            if other.place and other.region == best.region:
                return other
    return best


def carried(doc: Document, sentence: Sentence) -> tuple[PlaceHit | None, UnitHit | None]:
    """The place and the unit (its first) of the nearest of the two sentences before that name them,
    within the sentence's paragraph."""
    place: PlaceHit | None = None
    unit: UnitHit | None = None
    for index in range(sentence.index - 1, max(sentence.index - 3, -1), -1):
        previous, following = doc.sentences[index], doc.sentences[index + 1]
        if "\n" in doc.text[previous.end : following.start]:
            break
        if place is None:
            place = nearest_place(doc, previous, None)
        if unit is None:
            unit = next(iter(doc.units_in(previous)), None)
    return place, unit


# How many sentences back a paragraph's town is looked for.
_PARAGRAPH_REACH = 5


def paragraph_place(doc: Document, sentence: Sentence) -> PlaceHit | None:
    """The town named last in the sentences before ``sentence`` within its paragraph."""
    for index in range(sentence.index - 1, max(-1, sentence.index - 1 - _PARAGRAPH_REACH), -1):
        earlier = doc.sentences[index]
        if earlier.paragraph != sentence.paragraph:
            return None
        towns = [p for p in doc.places_in(earlier) if p.place]
        if towns:
            return towns[-1]
    return None


def local(category: str, value: int | None, period: str | None, largest: int = 0) -> bool:
    """Figures an article's dominant region may be given when their sentence names none. ``largest``: the
    sentence's largest figure (war-long tallies run to tens of thousands; one operation's do not)."""
    if category in ("launched", "intercepted"):
        return False
    if period == "cumulative":
        return largest < 10_000 and category == "equipment"
    return value is None or value < 1000 or category == "deployed"
