from __future__ import annotations

import pytest

from tests.ingest.fakes import FakeEngine


@pytest.fixture
def fake_engine(monkeypatch) -> FakeEngine:
    """The services with a stand-in engine, so a test decides what extraction returns."""
    engine = FakeEngine()
    monkeypatch.setattr("ingest.services.extract", engine)
    monkeypatch.setattr("ingest.services.registries_from_db", lambda: None)
    return engine
