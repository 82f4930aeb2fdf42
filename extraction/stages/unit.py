"""Which unit? The military unit a figure's claim is about, acting or suffering.

Reads the units the article names (``stages.names``). The most specific unit of the figure's sentence,
nearest the figure, decides; a unit that speaks ("the unit said") is the formation named in a neighbouring
sentence.
"""

from __future__ import annotations

from ..document import Document, Speaker
from ..names.units import UnitHit
from ..readers.numbers import Figure
from ..readers.sentences import Sentence


def unit_of(doc: Document, sentence: Sentence, figure: Figure, speaker: Speaker | None) -> UnitHit | None:
    here = doc.units_in(sentence)
    if here:
        at = figure.start
        return min(here, key=lambda u: (-u.rank, abs(u.start - at)))
    if speaker is not None and speaker.unit_speaker:
        # "the unit said": the formation named in a neighbouring sentence.
        nearby = [u for u in doc.units_near(sentence.index, 3) if u.rank >= 2]
        if nearby:
            return min(nearby, key=lambda u: abs(doc.sentence_at(u.start) - sentence.index))
    return None
