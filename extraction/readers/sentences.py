"""Split an article into sentences with their character offsets.

News text mixes prose with headlines, photo captions and bullet lines that carry no final
punctuation, and its prose is full of abbreviations ("Dec. 17", "U.S.", "Maj. Gen."), so a line
break always ends a sentence (unless the line plainly runs on) and a full stop ends one only when
what follows looks like the start of a new sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon

_ABBREVIATIONS = lexicon.load().sentences.ABBREVIATIONS


# A boundary candidate: terminal punctuation, optional closing quotes/brackets (French quotes may be
# preceded by a space), then whitespace; led by one character, which ``re`` scans for.
_BOUNDARY = re.compile(r"[.!?\u2026][.!?\u2026]*(?:\s?[\"'\u201d\u2019\u00bb)\]])*(?=\s)")
# The same in a text whose only terminal punctuation is the full stop (most articles), led by it.
_STOP_BOUNDARY = re.compile(r"\.[.!?\u2026]*(?:\s?[\"'\u201d\u2019\u00bb)\]])*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'.]*)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_BULLET = re.compile(r"^(?:[-\u2022\u2013\u2014*\u25cf\u25aa\u2023]|\d{1,2}[.)])\s+")
_STARTER = re.compile(r"[\"'\u201c\u2018\u00ab(\[]*\s?[A-Z0-9\u0400-\u042f]")
_RUNS_ON = re.compile(r"(?:[,;:\-\u2013]|\b(?:and|or|the|of|a|an|to|in|on|by|with|for|that|from))$")


@dataclass(slots=True)
class Sentence:
    """One sentence of an article: ``article[start:end] == sentence.text``."""

    start: int
    end: int
    text: str
    index: int
    paragraph: int
    # No terminal punctuation: a headline, caption, bullet or label.
    headline: bool


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of the logical lines, joining lines that plainly run on."""
    raw: list[tuple[int, int, bool]] = []
    pos = 0
    blank = False
    for line in text.split("\n"):
        left = line.lstrip()
        if not left:
            blank = True
        else:
            start = pos + len(line) - len(left)
            raw.append((start, start + len(left.rstrip()), blank))
            blank = False
        pos += len(line) + 1
    # Every logical line is a paragraph: news text puts one paragraph on a line.
    joined: list[tuple[int, int, int]] = []
    for start, end, after_blank in raw:
        if joined:
            prev_start, prev_end, para = joined[-1]
            if after_blank:
                # "... are approximately:", a blank line, then the tally: the colon introduces what follows.
                runs_on = text[prev_end - 1] == ":" and not _BULLET.match(text[start:end])
            else:
                # A wrapped line: the previous one stops mid-sentence (its last four characters tell) and
                # this one goes on.
                runs_on = text[start].islower() or bool(
                    _RUNS_ON.search(text, max(prev_start, prev_end - 4), prev_end)
                    and not _BULLET.match(text[start:end])
                )
            if runs_on:
                joined[-1] = (prev_start, end, para)
                continue
        joined.append((start, end, len(joined)))
    return joined


# The spaces after a boundary candidate when what follows them can begin a sentence (``_STARTER``).
# (Their end is where ``_STARTER`` matches: backing off a space cannot make it match sooner.)
_NEXT = re.compile(_STARTER.pattern.join((r"\s*(?=", ")")))
_OPENER = re.compile(r"(?:The|A|An|It|He|She|They|We|In|On|But|However)\b")


_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'."


def _word_before(line: str, end: int) -> str | None:
    """The word ending at ``end``: what ``_WORD_BEFORE`` finds in ``line[:end]`` (the run of letters,
    apostrophes and dots that ends there, from its first letter), found by stripping those characters
    off the text before ``end`` instead of by a pattern tried at every position before it."""
    if line[end - 1 : end] == "\n":
        # ``$`` also matches before a final newline (joined lines keep theirs).
        end -= 1
    # The last 32 characters hold almost every word (the whole text before ``end`` is read otherwise).
    low = max(0, end - 32)
    before = line[low:end]
    rest = before.rstrip(_WORD_CHARS)
    if low and not rest:
        before = line[:end]
        rest = before.rstrip(_WORD_CHARS)
    return before[len(rest) :].lstrip("'.") or None


def _is_boundary(line: str, cut: int, match_start: int) -> bool:
    spaces = _NEXT.match(line, cut)
    if spaces is None:
        return False
    after = spaces.end()
    punct = line[match_start]
    if punct != ".":
        return True
    token = _word_before(line, match_start)
    if token is None:
        return True
    if token.lower().rstrip(".") in _ABBREVIATIONS:
        return False
    # (A dotted token has a dot second: most words are spared the pattern.)
    if (token[1:2] == "." and _DOTTED.match(token)) or (len(token) == 1 and token.isupper()):
        # "U.S." or an initial: a sentence ends there only before a clear sentence opener.
        return bool(_OPENER.match(line, after))
    return True


_CLOSERS = frozenset("\"'\u201d\u2019\u00bb)]")
_TERMINALS = frozenset(".!?\u2026")
_FINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]\s]*$")


def _is_headline(stripped: str) -> bool:
    """No terminal punctuation before the closing quotes and brackets at the end."""
    if stripped[-1:] in _TERMINALS:
        # Most sentences end with their full stop: ``_FINAL`` would match there.
        return False
    tail = stripped[-40:]
    if _FINAL.search(tail):
        return False
    if len(tail) < len(stripped) and all(ch in _CLOSERS or ch.isspace() for ch in tail):
        return not _FINAL.search(stripped)
    return True


# The longest stretch read as one sentence. The stages' work on a sentence grows faster than its length,
# and real sentences stay under a thousand characters; a text without full stops (a table flattened to one
# line, a paste with its punctuation lost) is cut into stretches at its last clause or word break in reach.
MAX_SENTENCE = 2000
_BREAKS = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))


def _bounded(line: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pieces`` with every one longer than MAX_SENTENCE cut into stretches no longer than it."""
    if all(end - start <= MAX_SENTENCE for start, end in pieces):
        return pieces
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        while end - start > MAX_SENTENCE:
            limit = start + MAX_SENTENCE
            cut = limit
            for pattern in _BREAKS:
                found = [m.end() for m in pattern.finditer(line, start + MAX_SENTENCE // 2, limit)]
                if found:
                    cut = found[-1]
                    break
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each with its offsets into ``text``."""
    sentences: list[Sentence] = []
    boundary = _BOUNDARY if "!" in text or "?" in text or "\u2026" in text else _STOP_BOUNDARY
    for line_start, line_end, paragraph in _lines(text):
        line = text[line_start:line_end]
        bullet = _BULLET.match(line)
        offset = bullet.end() if bullet else 0
        pieces: list[tuple[int, int]] = []
        piece_start = offset
        for match in boundary.finditer(line, offset):
            cut = match.end()
            if _is_boundary(line, cut, match.start()):
                pieces.append((piece_start, cut))
                piece_start = cut
        pieces.append((piece_start, len(line)))
        for start, end in _bounded(line, pieces):
            chunk = line[start:end]
            left = chunk.lstrip()
            if not left:
                continue
            stripped = left.rstrip()
            abs_start = line_start + start + len(chunk) - len(left)
            # Most sentences end with their full stop (``_is_headline``'s first test, without the call).
            headline = stripped[-1] not in _TERMINALS and _is_headline(stripped)
            sentences.append(
                Sentence(abs_start, abs_start + len(stripped), stripped, len(sentences), paragraph, headline),
            )
    return sentences
