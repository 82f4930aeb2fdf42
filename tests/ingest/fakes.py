"""A stand-in engine for the service tests: the claims it returns are the ones the test chose."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class FakeClaim:
    category: str = "casualties"
    equipment: str | None = None
    value: int | None = 1610
    value_max: int | None = None
    qualifier: str = "exact"
    subject_side: str = "RU"
    civilian: bool = False
    claimant: str | None = None
    claimant_side: str | None = "UA"
    period: str = "window"
    date: date | str | None = date(2024, 11, 24)
    date_start: date | str | None = None
    region: str | None = None
    place: str | None = None
    unit: str | None = None
    claimant_raw: str | None = None
    region_raw: str | None = None
    place_raw: str | None = None
    unit_raw: str | None = None
    evidence: str = "Russia lost 1,610 men."
    start: int = 0
    end: int = 22


@dataclass
class FakeExtraction:
    claims: list[FakeClaim] = field(default_factory=list)
    unverified: bool = False
    engine_version: str = "fake-1"


class FakeEngine:
    """Replaces ingest.services.extract; `result` (or `error`) decides what the next call gives."""

    def __init__(self) -> None:
        self.result = FakeExtraction([FakeClaim()])
        self.error: Exception | None = None
        self.calls = 0
        self.before_return = None

    def __call__(self, text, *, published, registries, title=None):
        self.calls += 1
        if self.before_return:
            self.before_return()
        if self.error:
            raise self.error
        return self.result
