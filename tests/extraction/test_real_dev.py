"""The engine on real article openings it was not written from (../shared/claims-spec/real-dev.jsonl).

The file is third-party text: it is read from beside the repository, never copied into it.
"""

from __future__ import annotations

import json

import pytest

from extraction import extract_records, load_seed_registries
from extraction.scoring import as_articles, load_jsonl, score
from tests.extraction._paths import REAL_DEV

pytestmark = pytest.mark.skipif(
    not REAL_DEV.exists(), reason="../shared/claims-spec/real-dev.jsonl is not beside the repository"
)


@pytest.fixture(scope="module")
def predictions() -> list[dict[str, object]]:
    with REAL_DEV.open(encoding="utf-8") as handle:
        return list(extract_records(handle, load_seed_registries()))


def test_it_holds_on_real_reporting(predictions: list[dict[str, object]]) -> None:
    result = score(load_jsonl(REAL_DEV), as_articles(predictions))
    assert result.f1 >= 0.92, f"F1 {result.f1:.3f} P {result.precision:.3f} R {result.recall:.3f}"
    assert result.attribute_accuracy >= 0.91, f"attribute accuracy {result.attribute_accuracy:.3f}"


def test_every_evidence_is_the_text_at_its_offsets(predictions: list[dict[str, object]]) -> None:
    with REAL_DEV.open(encoding="utf-8") as handle:
        texts = {record["id"]: record["text"] for record in map(json.loads, handle)}
    for record in predictions:
        for claim in record["claims"]:  # type: ignore[union-attr]
            assert texts[record["id"]][claim["start"] : claim["end"]] == claim["evidence"]
