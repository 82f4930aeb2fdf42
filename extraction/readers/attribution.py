"""Who a sentence says is speaking: its speaker phrases ("according to ...", "..., the ministry said")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..patterns import Caseless, first_chars, lowered, nested_words

_SPEECH_VERBS = lexicon.load().speech.SPEECH_VERBS
_AUXILIARIES = lexicon.load().speech.AUXILIARIES

_NP_THEN_SPEECH = re.compile(
    r"(?P<np>[^,;:\"“”«»\u2014\u2013]{1,90}?)\s+" + _AUXILIARIES + r"(?P<verb>" + _SPEECH_VERBS + r")\b"
)
_SPEECH_THEN_NP = re.compile(
    r"(?:,|[\"”»’])\s*(?P<verb>said|says|according\s+to|claimed|claims|reported|reports|wrote|writes|added|"
    r"adds|noted|notes|stated|states|announced|told)\s+(?P<np>(?:the\s+)?[A-Z][^,;.:\"“”«»]{1,90})"
)
_ACCORDING = re.compile(r"(?i)\baccording\s+to\s+(?P<np>[^,;:\"“”«»\u2014\u2013]{2,110})")
_PER = re.compile(
    r"(?i)(?:\bas\s+per|(?<![\w-])per|\bciting|\bcited\s+by|\bfigures\s+(?:from|by)|\bdata\s+(?:from|by)|"
    r"\bestimates?\s+(?:from|by)|\b(?:count|tally|toll)\s+(?:from|by)|\bsources?\s+in)\s+(?P<np>[^,;:\"“”«»\u2014\u2013]{2,110})"
)
# "The figure came from the General Staff", "The statement was made by General X": who a figure is from.
_FROM_SPEAKER = re.compile(
    r"(?i)\b(?:statements?|figures?|numbers?|data|tally|count|estimates?|reports?|information|update|claim)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:came|comes|was\s+made|were\s+made|was\s+(?:posted|published|released|issued|"
    r"given|announced|shared)|were\s+(?:posted|published|released|issued|given|announced|shared))\s+(?:from|by)\s+"
    r"(?P<np>[^,;:\"“”«»\u2014\u2013]{2,110})"
)
_FROM_STEMS = (
    "came from",
    "comes from",
    "made by",
    "posted by",
    "published by",
    "released by",
    "issued by",
    "given by",
    "announced by",
    "shared by",
)
_COLON_QUOTE = re.compile(r"^(?P<np>[^:\"“”«»]{3,140}?)\s*:\s*[\"“«'‘]")
_PASSIVE_SPEECH = Caseless(re.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\s+" + _AUXILIARIES + r"$"))
_NP_TRIM_TAIL = re.compile(r"(?i)(?:\s+(?:on|via|in|at|through|during|late|early|last|this)\b.*$)")
_NP_TRIM_HEAD = Caseless(
    re.compile(
        r"(?i)^(?:.*\b(?:that|and|but|while|as|when|after|before|because|since|although|though|which|who|"
        r"where|if|so|meanwhile|however|also|earlier|later|separately|previously)\s+)"
    )
)
_FIGURES_FROM = re.compile(
    r"(?i)^(?:the\s+)?(?:latest\s+|official\s+|new\s+)?(?:figures?|data|estimates?|statistics|numbers?|reports?|"
    r"count|assessment)\s+(?:from|by|of|released\s+by|published\s+by)\s+"
)
_LEAD_THE = re.compile(r"(?i)^(?:the|a|an)\s+")
_FIGURE_NOUNS = Caseless(
    re.compile(
        r"(?i)\s+(?:figures?|data|estimates?|statistics|stats|numbers?|tally|tallies|count|counts|report|"
        r"reports|assessment|assessments|update|updates|statement|statements|information|calculations?|"
        r"records?)$"
    )
)
_NOT_A_SPEAKER = Caseless(
    re.compile(
        r"(?i)^(?:it\s+is|this|there|which|who|what|video|footage|the\s+video|the\s+footage|the\s+clip|"
        r"the\s+photos?|images?|reports?|media\s+reports?|sources?|some|many|others?|experts?|analysts?|"
        r"observers?|people|one|critics?|he\s+and)$"
    )
)


@dataclass(slots=True)
class Attribution:
    """A speaker phrase in a sentence; ``start``/``end`` cover the whole attribution, ``raw`` the speaker."""

    start: int
    end: int
    raw: str
    # Anaphoric speaker ("it", "the ministry", "the unit"): resolved from the context.
    anaphoric: bool
    # The phrase before trimming ("the Defence Ministry in Moscow"): its place names a side.
    full: str = ""

    def moved(self, by: int) -> Attribution:
        """The same, ``by`` characters further on."""
        return Attribution(self.start + by, self.end + by, self.raw, self.anaphoric, self.full)


_ANAPHORA = Caseless(
    re.compile(
        r"(?i)^(?:it|he|she|they|we|its?\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|the\s+(?:ministry|military|unit|"
        r"agency|statement|report|official|officials|spokesman|spokeswoman|spokesperson|source|general\s+staff|"
        r"brigade|regiment|battalion|corps|division|command|service|department|force|forces|army|account|"
        r"post|channel|group|center|centre|directorate|office|government|administration|authorities|"
        r"intelligence|president|minister|commander|governor|head|chief|update|bulletin|"
        r"ministry's\s+\w+|military's\s+\w+|country(?:'s|’s)\s+[\w\s]+)|officials|authorities|this)$"
    )
)


_AUXILIARY_WORDS = frozenset(
    {"has", "have", "had", "did", "does", "do", "not", "never", "ever", "also", "yet"}
)
_TRAILING_AUXILIARY = re.compile(r"(?i)\s+(?:has|have|had|did|does|do)(?:\s+(?:not|never|ever|also|yet))*$")
_COUNT_BEFORE_NAME = re.compile(
    r"^(?:[Tt]he\s+)?(?:only\s+|last\s+|latest\s+|official\s+|own\s+)*(?:death\s+)?(?:toll|tally|count|figures?)\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$"
)
_TRAILING_SPEECH = re.compile(r"\s+" + _AUXILIARIES + r"(?:" + _SPEECH_VERBS + r")$")


def _clean_np(raw: str) -> str:
    text = raw.strip(" \t\"'“”«»‘’")
    # What ``sub`` removed with these: each can match once at most (anchored at the start or at the end),
    # and ``Caseless`` has only ``match`` and ``search``.
    head = _NP_TRIM_HEAD.match(text)
    text = text[head.end() :] if head else text
    text = _NP_TRIM_TAIL.sub("", text) or text
    text = text.strip(" ,.;:")
    text = _TRAILING_SPEECH.sub("", text)
    # "Moscow has not updated", "the only official toll Moscow has ever published": the speaker is the
    # name, not the auxiliaries after it or the count before it.
    if text.rpartition(" ")[2].lower() in _AUXILIARY_WORDS:
        text = _TRAILING_AUXILIARY.sub("", text)
    counted = _COUNT_BEFORE_NAME.match(text) if " " in text else None
    text = counted.group("name") if counted else text
    figure_noun = _FIGURE_NOUNS.search(text)
    text = text[: figure_noun.start()] + text[figure_noun.end() :] if figure_noun else text
    text = _FIGURES_FROM.sub("", text)
    return text.strip(" ,.;:")


def _words(words: str, *, flags: str = "", tail: str = "") -> re.Pattern[str]:
    """``\\b(?:words)\\b``, led by a lookahead on the letters the words can begin with: ``re`` then skips
    the other words without trying every alternative there, and tries the plain words nested by character
    (``nested_words``; same matches)."""
    first = first_chars(words)
    ahead = f"(?=[{re.escape(''.join(sorted(first)))}])" if first else ""
    return re.compile(flags + r"\b" + ahead + r"(?:" + nested_words(words) + r")\b" + tail)


_SPEECH_WORD = _words(_SPEECH_VERBS)
_CLAUSE_MARK = re.compile(r"[,;:\"“”«»\u2014\u2013]")


def _np_then_speech(sentence: str) -> list[re.Match[str]]:
    """``_NP_THEN_SPEECH`` matches, found from each speech verb back to its clause start (much faster
    than letting the lazy pattern try every position)."""
    found: list[re.Match[str]] = []
    for verb in _SPEECH_WORD.finditer(sentence):
        start = verb.start()
        clause = max(
            (m.end() for m in _CLAUSE_MARK.finditer(sentence, max(0, start - 140), start)), default=0
        )
        clause = max(clause, start - 140, found[-1].end() if found else 0)
        match = _NP_THEN_SPEECH.match(sentence, clause)
        while match is None and clause < start:
            clause += 1
            match = _NP_THEN_SPEECH.match(sentence, clause)
            if match is not None and match.start("verb") != start:
                match = None
        if match is not None and match.start("verb") == start:
            found.append(match)
    return found


def _attribution(start: int, end: int, np_text: str, raw: str | None = None) -> Attribution | None:
    """The attribution of the phrase ``np_text``; ``raw``: ``_clean_np(np_text)`` when the caller has it."""
    raw = _clean_np(np_text) if raw is None else raw
    if not raw or not strip_article(raw) or raw.lower() in _NOT_NAMES:
        # ("The tally also counts ...": "The" names nobody.)
        return None
    full = np_text.strip(" \t\"'“”«»‘’,.;:")
    return Attribution(start, end, raw, bool(_ANAPHORA.match(raw)), full)


_HINT = _words(
    _SPEECH_VERBS
    + r"|according|per|citing|cited|figures|data|estimates?|sources?|came|comes|made|issued|given|"
    + r"(?:count|tally|toll)\s+(?:by|from)",
    flags="(?i)",
    tail="|:",
)


_HINT_LOW = Caseless(_HINT)
# Every ``_PER`` phrase holds one of these, or "per" before a space: sentences without any are not scanned
# for it (the case-blind scan costs as much as all the other speaker patterns together).
_PER_STEMS = ("citing", "cited", "figures", "data", "estimate", "source", "count by", "tally by", "toll by")
_PER_SPACE = re.compile(r"per\s")


_NP_WHICH_SPEECH = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\.\s))(?P<np>(?:the\s+|The\s+)?[A-Z0-9][^,;:\"“”«»]{2,90}?),\s+(?:which|who)\s+"
    r"[^,;:\"“”«»]{1,120}?,\s+" + _AUXILIARIES + r"(?P<verb>" + _SPEECH_VERBS + r")\b"
)
# "Valerii Zaluzhnyi, Ukraine's top commander, said ...": a named person, then who he is, then the verb.
_NAME_APPOSITION_SPEECH = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\.\s))(?:[A-Z][a-z]{1,4}\.\s+)?(?P<np>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+"
    r"(?P<app>[^,;:\"“”«»\d]{3,90}?),\s+" + _AUXILIARIES + r"(?P<verb>" + _SPEECH_VERBS + r")\b"
)
# "the chief of the General Staff, Army General Valery Gerasimov, put ...": the name between commas.
_APPOSED_NAME_SPEECH = re.compile(
    r",\s+(?P<np>(?:[A-Z][\w.'’-]+\s+){1,5}[A-Z][\w'’-]+),\s+"
    + _AUXILIARIES
    + r"(?P<verb>"
    + _SPEECH_VERBS
    + r")\b"
)
_ROLE = re.compile(
    r"(?i)\b(?:mayor|minister|spokes(?:man|woman|person)|commander|head|chief|governor|president|general|leader|"
    r"official|officer|adviser|advisor|secretary|director|envoy|deputy|lawmaker|analyst)\b"
)
_NAMED_ESTIMATE = re.compile(
    r"(?P<np>\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:['’]s)?\s+(?:intelligence\s+|military\s+)?"
    r"(?:estimates?|assessments?)\s+(?:of|that)\s+(?:about\s+|around\s+|some\s+|over\s+|more\s+than\s+|nearly\s+)?\d"
)
_VERB_AFTER_NAME = re.compile(
    r"\s+(?:stood|stands|was|were|is|are|reached|rose|put|puts|showed|shows|came|comes|gave|gives)\b.*$"
)
_COMMA_SPEECH = re.compile(r",\s+" + _AUXILIARIES + r"(?:" + _SPEECH_VERBS + r")\b")
_NOT_NAMES = frozenset({"the", "a", "an", "also", "it also", "the tally", "the count", "the toll"})
_CLAUSE_NOT_SPEAKER = re.compile(
    r"\d|\b(?:had|has|have|was|were|is|are|will|would|could|lost|killed|destroyed|shot|captured|downed)\b"
)


_ARTICLE_AT_END = Caseless(re.compile(r"(?i)\b(?:an|a|the|its|their)\s*$"))
_VERB_OF_FIGURE = Caseless(
    re.compile(r"(?i)(?:estimated|reported|confirmed|recorded|documented|counted)\s+(?:at\s+)?\d")
)


def find_attributions(sentence: str) -> list[Attribution]:
    """Speaker phrases of a sentence, most explicit first."""
    low = lowered(sentence)
    if not _HINT_LOW.found(sentence, low=low):
        return []
    found: list[Attribution | None] = []
    estimate = low is None or "estimate" in low or "assessment" in low
    for match in _NAMED_ESTIMATE.finditer(sentence) if estimate else ():
        # "Kremlin rejects U.S. estimate of 100,000 Russian casualties": whose estimate, not who rejects it.
        found.append(_attribution(match.start("np"), match.end("np"), match.group("np")))
    for match in _ACCORDING.finditer(sentence) if low is None or "according" in low else ():
        found.append(_attribution(match.start(), match.end(), match.group("np")))
    scan_per = (
        low is None
        or any(stem in low for stem in _PER_STEMS)
        or ("per" in low and _PER_SPACE.search(low) is not None)
    )
    per = _PER.finditer(sentence) if scan_per else ()
    for match in per:
        # ("a count by the Prosecutor General's Office stood at 21 dead": the name ends at its verb.)
        np_text = _VERB_AFTER_NAME.sub("", match.group("np"))
        cleaned = _clean_np(np_text)
        bare = strip_article(cleaned)
        if bare and (bare[0].isupper() or bare.lower().startswith(("ukrain", "russia"))):
            found.append(_attribution(match.start(), match.start("np") + len(np_text), np_text, cleaned))
    if low is None or any(stem in low for stem in _FROM_STEMS):
        for match in _FROM_SPEAKER.finditer(sentence):
            found.append(_attribution(match.start("np"), match.end(), match.group("np")))
    colon = _COLON_QUOTE.match(sentence) if ":" in sentence else None
    cleaned = _clean_np(colon.group("np")) if colon else ""
    if colon and len(cleaned.split()) <= 12:
        found.append(_attribution(0, colon.end("np"), colon.group("np"), cleaned))
    for match in _SPEECH_THEN_NP.finditer(sentence):
        # ", said Russian troops had lost N": a reported clause, not a speaker, follows the verb.
        if match.group("verb").lower() != "according to" and not _CLAUSE_NOT_SPEAKER.search(
            match.group("np")
        ):
            found.append(_attribution(match.start(), match.end(), match.group("np")))
    relative = ("which" in sentence or "who" in sentence) and "," in sentence
    for match in _NP_WHICH_SPEECH.finditer(sentence) if relative else ():
        # "The Nth Brigade, which holds the area, said ...": the speaker is before the relative clause.
        found.append(_attribution(match.start("np"), match.end(), match.group("np")))
    # Only a speech verb right after a comma can close an apposition: most sentences have none.
    apposed = sentence.count(",") >= 2 and _COMMA_SPEECH.search(sentence) is not None
    for match in _NAME_APPOSITION_SPEECH.finditer(sentence) if apposed else ():
        if " " not in match.group("np") and not _ROLE.search(match.group("app")):
            # A lone capitalised word ("Kharkiv, Odesa and Sumy, the air force said") is a person only
            # when what follows says who he is ("Sobyanin, the Moscow mayor, said").
            continue
        if not _CLAUSE_NOT_SPEAKER.search(match.group("app")):
            found.append(_attribution(match.start("np"), match.end(), match.group("np")))
    for match in _APPOSED_NAME_SPEECH.finditer(sentence) if apposed else ():
        found.append(_attribution(match.start("np"), match.end(), match.group("np")))
    for match in _np_then_speech(sentence):
        np_text = match.group("np")
        if _PASSIVE_SPEECH.search(sentence, 0, match.start("verb"), low=low):
            continue
        if _ARTICLE_AT_END.search(np_text) or _VERB_OF_FIGURE.match(sentence, match.start("verb")):
            # "an estimated 45,680", "confirmed 300": an adjective, not a speaker's verb.
            continue
        raw = _clean_np(np_text)
        if not raw or len(raw.split()) > 10 or _NOT_A_SPEAKER.match(raw) or raw[0].isdigit():
            # (A phrase that starts with a digit began inside a figure: "95,000 soldiers ... confirmed".)
            continue
        # The attribution starts at the speaker's own words, not at the clause start.
        offset = np_text.find(raw[:8])
        start = match.start("np") + offset if offset >= 0 else match.start()
        # (From the phrase's own start, the phrase read is the one just cleaned.)
        found.append(
            _attribution(start, match.end(), np_text[offset:], raw if offset == 0 else None)
            if offset >= 0
            else _attribution(start, match.end(), np_text, raw)
        )
    return [a for a in found if a is not None]


def strip_article(name: str) -> str:
    return _LEAD_THE.sub("", name).strip()
