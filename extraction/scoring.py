"""SCHEMA.md's matching rules, so the product can score extractions against gold without ../shared.

Gives the same counts as the spec's ``score.py``: a predicted claim matches a gold claim of the same
article when category, subject side, value and equipment agree (for engagements: category and unit);
each gold claim matches once, required gold first; where several predictions share a key, the one
whose attributes agree most is taken. Optional gold is neither rewarded nor punished.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .schema import MATCH_FIELDS, SCORED_ATTRIBUTES

ATTRIBUTES = SCORED_ATTRIBUTES
# Names compare loosely (see ``norm_name``).
NAME_FIELDS = frozenset(SCORED_ATTRIBUTES) & frozenset(schema.NAME_FIELDS)
_STOP_WORDS = frozenset({"oblast", "region", "direction", "the", "province", "of", "oblasts", "separate"})
_SPELLING = {
    "mechanised": "mechanized", "defence": "defense", "armoured": "armored", "brigades": "brigade",
    "regiments": "regiment",
}  # fmt: skip

Claim = Mapping[str, Any]


def norm_name(value: object) -> str | None:
    """Case, punctuation, ordinal suffixes, British spellings, word order and filler words do not count."""
    if value is None:
        return None
    text = re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1", str(value).lower())
    words = (_SPELLING.get(w, w) for w in re.findall(r"[a-z0-9]+", text))
    return " ".join(sorted(w for w in words if w not in _STOP_WORDS))


def _options(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def field_matches(name: str, gold_value: object, pred_value: object) -> bool:
    for option in _options(gold_value):
        if name in NAME_FIELDS:
            if norm_name(option) == norm_name(pred_value):
                return True
        elif option == pred_value:
            return True
    return False


def key_matches(gold: Claim, pred: Claim) -> bool:
    if not field_matches("category", gold["category"], pred.get("category")):
        return False
    if gold["category"] == "engagement":
        return field_matches("unit", gold.get("unit"), pred.get("unit"))
    return all(
        field_matches(name, gold.get(name), pred.get(name)) for name in MATCH_FIELDS if name != "category"
    )


def agreement(gold: Claim, pred: Claim) -> int:
    return sum(
        1
        for name in ATTRIBUTES
        if gold.get(name) is not None and field_matches(name, gold[name], pred.get(name))
    )


@dataclass
class ArticleMatch:
    pairs: list[tuple[Claim, Claim]] = field(default_factory=list)
    missed: list[Claim] = field(default_factory=list)
    extra: list[Claim] = field(default_factory=list)


def match_article(gold_claims: Iterable[Claim], preds: list[Claim]) -> ArticleMatch:
    """Pair one article's predictions with its gold claims; optional gold is neither found nor missed."""
    result = ArticleMatch()
    used: set[int] = set()
    # Required gold first, so optional gold cannot steal a prediction.
    for gold in sorted(gold_claims, key=lambda g: bool(g.get("optional"))):
        candidates = [i for i, p in enumerate(preds) if i not in used and key_matches(gold, p)]
        # Where several predictions share the key, take the one whose attributes agree most.
        match = max(candidates, key=lambda i: agreement(gold, preds[i]), default=None)
        if match is None:
            if not gold.get("optional"):
                result.missed.append(gold)
            continue
        used.add(match)
        if not gold.get("optional"):
            result.pairs.append((gold, preds[match]))
    result.extra = [p for i, p in enumerate(preds) if i not in used]
    return result


@dataclass
class ArticleScore:
    article_id: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[Claim] = field(default_factory=list)
    extra: list[Claim] = field(default_factory=list)


@dataclass
class Tally:
    """Matched (tp), extra (fp) and missed (fn) claims, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score(Tally):
    attr_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    attr_total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    articles: list[ArticleScore] = field(default_factory=list)

    @property
    def attribute_accuracy(self) -> float:
        total = sum(self.attr_total.values())
        return sum(self.attr_right.values()) / total if total else 0.0

    def accuracy(self, name: str) -> float | None:
        total = self.attr_total.get(name, 0)
        return self.attr_right.get(name, 0) / total if total else None


def score(gold_articles: Mapping[str, list[Claim]], pred_articles: Mapping[str, list[Claim]]) -> Score:
    """Score predictions (article id -> claims) against gold (article id -> gold claims)."""
    result = Score()
    for article_id, gold_claims in gold_articles.items():
        matched = match_article(gold_claims, list(pred_articles.get(article_id, [])))
        article = ArticleScore(
            article_id,
            tp=len(matched.pairs),
            fp=len(matched.extra),
            fn=len(matched.missed),
            missed=matched.missed,
            extra=matched.extra,
        )
        for gold, pred in matched.pairs:
            for name in ATTRIBUTES:
                if gold.get(name) is not None:
                    result.attr_total[name] += 1
                    if field_matches(name, gold[name], pred.get(name)):
                        result.attr_right[name] += 1
        result.tp += article.tp
        result.fp += article.fp
        result.fn += article.fn
        result.articles.append(article)
    return result


def load_jsonl(path: str | Path) -> dict[str, list[Claim]]:
    """Article id -> claims from a gold or prediction JSON-lines file."""
    articles: dict[str, list[Claim]] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if "id" not in record or not isinstance(record.get("claims"), list):
                raise ValueError(f"{path}:{number}: each line needs an id and a list of claims")
            articles[str(record["id"])] = record["claims"]
    return articles


def as_articles(records: Iterable[Mapping[str, Any]]) -> dict[str, list[Claim]]:
    return {str(r["id"]): list(r.get("claims") or []) for r in records}
