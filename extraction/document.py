"""One article as the stages read it: its text, its sentences, and what has been found in them so far.

Every offset on a ``Document`` is an offset in the article's text. The readers read a sentence's own text
(so that a sentence met in an earlier article is not read again: see ``cache``); the document hands their
readings to the stages moved to the article's offsets, each sentence's once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property, partial
from typing import Any, NamedTuple

from .cache import IdentityDict, Reading, article_begins, article_ends
from .names.matcher import Hit
from .names.places import PlaceHit
from .names.registries import Registries
from .names.scan import names_in
from .names.units import UnitHit
from .readers import cues
from .readers.attribution import Attribution, find_attributions
from .readers.dates import TimeExpr, find_times
from .readers.numbers import Figure, find_figures
from .readers.sentences import Sentence, split_sentences
from .readers.sides import SideMention, side_mentions, side_of_phrase
from .readers.words import Noun, Verb, find_nouns, find_verbs, first_noun, noun_candidates
from .schema import Claim

_new = tuple.__new__


@dataclass(slots=True)
class Speaker:
    """Who says a sentence's figures."""

    name: str | None
    side: str | None
    raw: str
    # Named in the sentence itself (or resolved from "it", "the ministry"), not carried from before.
    explicit: bool
    # The speaker is a unit ("the unit said"): its claims may take a unit from nearby sentences.
    unit_speaker: bool = False


@dataclass
class Draft:
    """A claim as read from one sentence, before repeats of it in other sentences are merged."""

    claim: Claim
    sentence: Sentence
    # How sure the subject side is: 3 named in the phrase, 2 from the clause, 1 a fallback.
    side_strength: int
    speaker_explicit: bool
    period_explicit: bool
    # Where the figure (or the engaged unit) is in the article.
    figure_start: int = 0
    noun: Noun | None = None
    # The unit was named in an earlier sentence of the paragraph, not in this one.
    unit_carried: bool = False


class Counted(NamedTuple):
    """What the last claim of a sentence counted, for "76 of them" in the next: its noun and side."""

    noun: Noun
    side: str | None
    strength: int


def _moved(records: list[Any], by: int) -> list[Any]:
    """Readings (each with a ``moved``) moved by ``by`` characters."""
    if not by or not records:
        return records
    return [r.moved(by) for r in records]


def _moved_nouns(nouns: list[Any], by: int) -> list[Any]:
    if not by or not nouns:
        return nouns
    return [_new(type(n), (n[0] + by, n[1] + by, *n[2:])) for n in nouns]


_TEXT_ONLY = object()


class _BySentence(IdentityDict):
    """A reading of each sentence at article offsets, by sentence index: its text's ``reading`` (by the text,
    or by the text and ``extra``), moved by ``move``."""

    __slots__ = ("sentences", "reading", "move", "extra")

    def __init__(
        self, sentences: list[Sentence], reading: Reading, move: Callable[[Any, int], Any], extra: object
    ) -> None:
        super().__init__()
        self.sentences = sentences
        self.reading = reading
        self.move = move
        self.extra = extra

    def __missing__(self, index: int) -> Any:
        sentence = self.sentences[index]
        key = sentence.text if self.extra is _TEXT_ONLY else (sentence.text, self.extra)
        found = self[index] = self.move(self.reading[key], sentence.start)
        return found


class _Upto(IdentityDict):
    __slots__ = ("text", "sentences")

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        super().__init__()
        self.text = text
        self.sentences = sentences

    def __missing__(self, index: int) -> str:
        found = self[index] = self.text[: self.sentences[index].end]
        return found


class Document:
    """An article: its text and publication date, its sentences, and the readings and findings of the stages.

    The stages add to it in order (``pipeline.STAGES``): the names it holds, then the drafts of its claims,
    then its engagements, then the claims with repeats merged.
    """

    def __init__(self, text: str, published: date | None, registries: Registries, title: str | None) -> None:
        self.text = text
        self.published = published
        self.registries = registries
        self.title = title or ""
        self.sentences = split_sentences(text)
        kept = registries.kept

        # Readings of sentence texts (offsets in the text read): see ``cache``.
        self.article = article_begins()
        self.triggered = kept.reading(cues.triggered)
        self.flags = kept.reading(cues.flag, spread=True)
        self.names = kept.reading(names_in, compute=partial(names_in, registries=registries))
        self.toll_so_far = kept.reading(cues.toll_so_far)
        self.phrase_side = kept.reading(side_of_phrase)
        self._breaks = kept.reading(cues.clause_breaks)
        # Where nouns can begin, kept for the sentence's nouns and the windows read for single items; of a
        # window, only the first noun after an article is read ("a Russian tank").
        candidates = kept.reading(noun_candidates)
        self._first_noun = kept.reading(first_noun, spread=True, compute=partial(_first_noun, candidates))

        def by_sentence(reader: Callable[..., Any], move: Callable[[Any, int], Any], *extra: object) -> Any:
            spread = bool(extra)
            return _BySentence(
                self.sentences, kept.reading(reader, spread=spread), move, *(extra or (_TEXT_ONLY,))
            )

        # Each sentence's readings at article offsets, by sentence index.
        self.figures: dict[int, list[Figure]] = by_sentence(find_figures, _moved)
        self.nouns: dict[int, list[Noun]] = _BySentence(
            self.sentences,
            kept.reading(find_nouns, compute=partial(_nouns, candidates)),
            _moved_nouns,
            _TEXT_ONLY,
        )
        self.verbs: dict[int, list[Verb]] = by_sentence(find_verbs, _moved_nouns)
        self.times: dict[int, list[TimeExpr]] = by_sentence(find_times, _moved, published)
        self.attributions: dict[int, list[Attribution]] = by_sentence(find_attributions, _moved)
        self.sides: dict[int, list[SideMention]] = by_sentence(side_mentions, _moved)
        self._figure_values: dict[int, tuple[int, ...]] = {}
        self._figure_spans: dict[int, tuple[tuple[int, int], ...]] = {}
        # The article's text up to the end of each sentence: read at article offsets, nothing read after a
        # position runs past the sentence.
        self.upto: dict[int, str] = _Upto(text, self.sentences)
        # What the stages find, in the order they run.
        self.places: list[PlaceHit] = []
        self.units: list[UnitHit] = []
        self.claimant_hits: list[Hit] = []
        # The region the article is about (named often enough), if any.
        self.region: str | None = None
        # Per-sentence decisions kept for the article: its speaker, its side words that can name an actor,
        # and whether a side word (by its offset) is an object rather than an actor.
        self.speakers: dict[int, Speaker | None] = {}
        self.actor_mentions: dict[int, list[SideMention]] = {}
        self.objects: dict[int, bool] = {}
        # The span of days the article's lead names, read when a figure first asks (``stages.time``).
        self.lead_span: tuple[date, date] | None = None
        self.lead_span_read = False
        self.drafts: list[Draft] = []
        self.claims: list[Claim] = []

    def close(self) -> None:
        """The article is read: what it alone asked for is let go (see ``cache``)."""
        article_ends(self.article)

    def figure_values(self, sentence: Sentence) -> tuple[int, ...]:
        found = self._figure_values.get(sentence.index)
        if found is None:
            found = self._figure_values[sentence.index] = tuple(f.value for f in self.figures[sentence.index])
        return found

    def figure_spans(self, sentence: Sentence) -> tuple[tuple[int, int], ...]:
        """The spans of the sentence's figures, each with its hedge."""
        found = self._figure_spans.get(sentence.index)
        if found is None:
            found = self._figure_spans[sentence.index] = tuple(
                (f.qstart, f.end) for f in self.figures[sentence.index]
            )
        return found

    def first_noun(self, sentence: Sentence, start: int, end: int) -> Noun | None:
        """The first noun of ``sentence`` between article offsets ``start`` and ``end``."""
        lo = sentence.start
        noun = self._first_noun[sentence.text, start - lo, end - lo]
        return _new(Noun, (noun[0] + lo, noun[1] + lo, *noun[2:])) if noun is not None else None

    def clause_start(self, sentence: Sentence, position: int) -> int:
        """Where the clause of ``sentence`` that holds article offset ``position`` begins."""
        text, lo = sentence.text, sentence.start
        local = position - lo
        starts, ends = self._breaks[text]
        if cues.mid_break(text, local, starts, ends):
            # Cut there, the text reads differently from the whole sentence: its breaks are searched again.
            return lo + cues.last_break_end(text, local)
        index = bisect_right(ends, local)
        return lo + (ends[index - 1] if index else 0)

    def clause_end(self, sentence: Sentence, position: int) -> int:
        """Where the clause of ``sentence`` that holds article offset ``position`` ends."""
        text, lo = sentence.text, sentence.start
        local = position - lo
        starts, ends = self._breaks[text]
        if cues.mid_break(text, local, starts, ends):
            return lo + cues.next_break_start(text, local)
        index = bisect_left(starts, local)
        return lo + (starts[index] if index < len(starts) else len(text))

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence that holds article offset ``offset``; -100 when none does."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence.index
        return -100

    @cached_property
    def air_article(self) -> bool:
        """Whether the article speaks of an air attack (read when a sentence's figures first ask)."""
        return cues.AIR.found(self.text)


def _nouns(candidates: Reading, text: str) -> list[Noun]:
    return find_nouns(text, candidates=candidates[text])


def _first_noun(candidates: Reading, text: str, start: int, end: int) -> Noun | None:
    return first_noun(text, start, end, candidates[text])
