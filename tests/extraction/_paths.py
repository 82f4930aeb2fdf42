"""Where the shared spec and the held-out corpus live, relative to the repository."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO.parent / "shared" / "claims-spec"
DEV_GOLD = SPEC / "dev-gold.jsonl"
REAL_DEV = SPEC / "real-dev.jsonl"
SCORE_PY = SPEC / "score.py"
CORPUS = Path(__file__).resolve().parent / "corpus"
