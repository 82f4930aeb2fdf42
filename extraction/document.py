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

from .cache import ArticleReading, IdentityDict, Reading, article_begins, article_ends
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
    # Carried from a sentence that named the day it was said ("Shoigu said on Tuesday ..."): that day.
    said_on: date | None = None


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
    # The figure is a tally's increase ("9,440 (+21)"): a window beside the running total it updates.
    delta: bool = False


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
        self,
        sentences: list[Sentence],
        reading: ArticleReading,
        move: Callable[[Any, int], Any],
        extra: object,
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


class Upto:
    """The article read as if it ended with one sentence: ``article[:sentence.end]``, without the copy.

    Stages read at article offsets and must not read past the sentence; slicing a prefix for every
    sentence copied the article once per sentence, which made a long text's cost grow with its square.
    Slices, ``find``, ``rfind`` and ``len`` answer as the prefix would; a pattern is run over ``text`` with
    ``endpos`` no further than ``end``.
    """

    __slots__ = ("text", "end")

    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self.end = end

    def __len__(self) -> int:
        return self.end

    def __getitem__(self, key: slice) -> str:
        end = self.end
        start, stop = key.start, key.stop
        if stop is None or stop > end:
            stop = end
        elif stop < 0:
            stop += end
        if start is not None and start < 0:
            start += end
        return self.text[start : stop : key.step]

    def find(self, sub: str, start: int = 0, end: int | None = None) -> int:
        return self.text.find(sub, start, self.end if end is None else min(end, self.end))

    def rfind(self, sub: str, start: int = 0, end: int | None = None) -> int:
        return self.text.rfind(sub, start, self.end if end is None else min(end, self.end))


class _Upto(IdentityDict):
    __slots__ = ("text", "sentences")

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        super().__init__()
        self.text = text
        self.sentences = sentences

    def __missing__(self, index: int) -> Upto:
        found = self[index] = Upto(self.text, self.sentences[index].end)
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
        self.article = article = article_begins()
        self.triggered = article.view(kept.reading(cues.triggered))
        self.flags = article.view(kept.reading(cues.flag, spread=True))
        self.names = article.view(kept.reading(names_in, compute=partial(names_in, registries=registries)))
        self.toll_so_far = article.view(kept.reading(cues.toll_so_far))
        self.phrase_side = article.view(kept.reading(side_of_phrase))
        self._breaks = article.view(kept.reading(cues.clause_breaks))
        # Where nouns can begin, kept for the sentence's nouns and the windows read for single items; of a
        # window, only the first noun after an article is read ("a Russian tank").
        # (The functions that read them are made once for the registries: they look the candidates up in
        # the reading, which hands the look-up to the article being read in this thread.)
        candidates = kept.reading(noun_candidates)
        self._first_noun = article.view(
            kept.reading(first_noun, spread=True, compute=partial(_first_noun, candidates))
        )

        def by_sentence(reader: Callable[..., Any], move: Callable[[Any, int], Any], *extra: object) -> Any:
            spread = bool(extra)
            return _BySentence(
                self.sentences,
                article.view(kept.reading(reader, spread=spread)),
                move,
                *(extra or (_TEXT_ONLY,)),
            )

        # Each sentence's readings at article offsets, by sentence index.
        self.figures: dict[int, list[Figure]] = by_sentence(find_figures, _moved)
        self.nouns: dict[int, list[Noun]] = _BySentence(
            self.sentences,
            article.view(kept.reading(find_nouns, compute=partial(_nouns, candidates))),
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
        self.upto: dict[int, Upto] = _Upto(text, self.sentences)
        # What the stages find, in the order they run.
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.places: list[PlaceHit] = []
        self.units: list[UnitHit] = []
        self._places_at: dict[int, list[PlaceHit]] = {}
        self._units_at: dict[int, list[UnitHit]] = {}
        self.claimant_hits: list[Hit] = []
        # The region the article is about (named often enough), if any.
        self.region: str | None = None
        # The town the article is about, named often enough or in its title (``stages.names``).
        self.place: PlaceHit | None = None
        # Per-sentence decisions kept for the article: its speaker, its side words that can name an actor,
        # and whether a side word (by its offset) is an object rather than an actor.
        self.speakers: dict[int, Speaker | None] = {}
        # The article's voice at a sentence that names no speaker (``stages.speaker.article_voice``).
        self.voices: dict[int, Speaker | None] = {}
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
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index].index
        return -100

    def index_names(self) -> None:
        """Group the places and units found by sentence, once all are found (``stages.names``).

        Each stage asks for the names of one sentence or its neighbours: read from these groups, an
        article's cost grows with its length, not with its length times its names.
        """
        self._places_at = _grouped(self.places, self.sentence_at)
        self._units_at = _grouped(self.units, self.sentence_at)

    def places_in(self, sentence: Sentence) -> list[PlaceHit]:
        return self._places_at.get(sentence.index, [])

    def units_in(self, sentence: Sentence) -> list[UnitHit]:
        return self._units_at.get(sentence.index, [])

    def units_near(self, index: int, reach: int) -> list[UnitHit]:
        """The units of the sentences up to ``reach`` before and after sentence ``index``, in text order."""
        return [u for i in range(index - reach, index + reach + 1) for u in self._units_at.get(i, ())]

    @cached_property
    def dateline(self) -> tuple[int, int]:
        """The span of the article's dateline ("KYIV, April 18 (Reuters) -"), (0, 0) if it has none."""
        return cues.dateline_span(self.text)

    @cached_property
    def air_article(self) -> bool:
        """Whether the article speaks of an air attack (read when a sentence's figures first ask)."""
        return cues.AIR.found(self.text)


def _grouped(hits: list, sentence_at: Callable[[int], int]) -> dict[int, list]:
    groups: dict[int, list] = {}
    for hit in hits:
        groups.setdefault(sentence_at(hit.start), []).append(hit)
    return groups


def _nouns(candidates: Reading, text: str) -> list[Noun]:
    return find_nouns(text, candidates=candidates[text])


def _first_noun(candidates: Reading, text: str, start: int, end: int) -> Noun | None:
    return first_noun(text, start, end, candidates[text])
