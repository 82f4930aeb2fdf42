from __future__ import annotations

from types import SimpleNamespace

import pytest

from claims.models import Claimant, Place, Region, Unit


@pytest.fixture
def reg(db) -> SimpleNamespace:
    """Registry rows of the tests' own, so the seed files can change without breaking them."""
    north = Region.objects.create(name="Northshire Oblast", slug="t-northshire", country="RU")
    south = Region.objects.create(name="Southshire Oblast", slug="t-southshire", country="UA")
    return SimpleNamespace(
        north=north,
        south=south,
        town=Place.objects.create(name="Testograd", slug="t-testograd", region=north),
        unit=Unit.objects.create(name="99th Test Brigade", slug="t-99th", side="UA", kind="brigade"),
        general_staff=Claimant.objects.create(name="Test General Staff", slug="t-gs", side="UA"),
        ministry=Claimant.objects.create(name="Test Defence Ministry", slug="t-mod", side="RU"),
    )
