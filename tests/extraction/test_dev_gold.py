"""The engine against the dev gold, scored by the product's own scorer (and checked against score.py)."""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout

import pytest

from extraction import extract_records, load_seed_registries
from extraction.scoring import as_articles, load_jsonl, score
from tests.extraction._paths import DEV_GOLD, SCORE_PY

pytestmark = pytest.mark.skipif(
    not DEV_GOLD.exists(), reason="../shared/claims-spec is not beside the repository"
)


@pytest.fixture(scope="module")
def predictions() -> list[dict[str, object]]:
    with DEV_GOLD.open(encoding="utf-8") as handle:
        return list(extract_records(handle, load_seed_registries()))


def test_it_reaches_the_f1_bar_on_the_dev_gold(predictions: list[dict[str, object]]) -> None:
    result = score(load_jsonl(DEV_GOLD), as_articles(predictions))
    assert result.f1 >= 0.90, f"F1 {result.f1:.3f} P {result.precision:.3f} R {result.recall:.3f}"
    assert result.attribute_accuracy >= 0.85


def test_every_evidence_is_the_text_at_its_offsets(predictions: list[dict[str, object]]) -> None:
    texts = {}
    with DEV_GOLD.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    for record in predictions:
        for claim in record["claims"]:  # type: ignore[union-attr]
            assert texts[record["id"]][claim["start"] : claim["end"]] == claim["evidence"]


def _spec_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("spec_score", SCORE_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SCORE_PY.exists(), reason="score.py is not available")
def test_the_products_scorer_agrees_with_score_py(predictions: list[dict[str, object]]) -> None:
    spec = _spec_scorer()
    gold = load_jsonl(DEV_GOLD)
    # Perturb the predictions so that misses, extras and attribute errors all occur.
    varied = []
    for index, record in enumerate(predictions):
        claims = [dict(c) for c in record["claims"]]  # type: ignore[union-attr]
        if index % 2 == 0 and claims:
            claims.pop(0)
        if claims:
            claims[-1]["period"] = "cumulative" if claims[-1].get("period") == "window" else "window"
            claims.append({**claims[-1], "value": 999_999})
        varied.append({"id": record["id"], "claims": claims})
    for preds in (as_articles(predictions), as_articles(varied)):
        mine = score(gold, preds)
        with redirect_stdout(io.StringIO()):
            tp, fp, fn, right, total, _rows = spec.score(gold, preds)
        assert (mine.tp, mine.fp, mine.fn) == (tp, fp, fn)
        assert dict(mine.attr_right) == dict(right)
        assert dict(mine.attr_total) == dict(total)
