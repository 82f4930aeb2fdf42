"""The engine on the held-out corpus (tests/extraction/corpus/*.jsonl), which it was not built from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extraction import extract_records, load_seed_registries
from extraction.scoring import as_articles, load_jsonl, score
from tests.extraction._paths import CORPUS

# The bars the engine holds on text it has not seen (the 0.90 target less what it honestly reaches).
# Raise them when the engine improves; never lower them to make a change pass.
FLOORS = {
    "gold.jsonl": 0.94,
    "demo-gold.jsonl": 0.96,
    "probe-gold.jsonl": 0.95,
    "probe2-gold.jsonl": 0.96,
    "real-style-gold.jsonl": 0.92,
}
# Attribute accuracy among matched claims, where a corpus has a bar of its own.
ATTRIBUTE_FLOORS = {"real-style-gold.jsonl": 0.90}

FILES = sorted(CORPUS.glob("*.jsonl")) if CORPUS.exists() else []


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_it_holds_its_f1_on_the_held_out_corpus(path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        predictions = list(extract_records(handle, load_seed_registries()))
    result = score(load_jsonl(path), as_articles(predictions))
    floor = FLOORS.get(path.name, 0.80)
    assert result.f1 >= floor, (
        f"{path.name}: F1 {result.f1:.3f} P {result.precision:.3f} R {result.recall:.3f}"
    )
    assert result.attribute_accuracy >= ATTRIBUTE_FLOORS.get(path.name, 0.85), (
        f"{path.name}: attribute accuracy {result.attribute_accuracy:.3f}"
    )


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_evidence_offsets_hold_on_the_corpus(path: Path) -> None:
    registries = load_seed_registries()
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record, result in zip(
        records, extract_records((json.dumps(r) for r in records), registries), strict=True
    ):
        for claim in result["claims"]:
            assert record["text"][claim["start"] : claim["end"]] == claim["evidence"]
