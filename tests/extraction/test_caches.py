"""``clear_caches``: everything kept beyond an article goes, and reading again gives the same claims."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date

import extraction as package
from extraction import clear_caches, extract, load_seed_registries

TEXT = (
    "Ukraine's General Staff said 824 Russian soldiers were killed yesterday near Pokrovsk.\n"
    "The 47th Mechanized Brigade said it had destroyed two Russian tanks and a BMP near Avdiivka. "
    "It is not possible to independently verify the figures reported by either side."
)


def _modules() -> list[object]:
    found = []
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if not info.name.endswith("__main__"):
            found.append(importlib.import_module(info.name))
    return found


def test_no_module_keeps_readings_of_its_own() -> None:
    """What outlives an article is held with the registries (``Registries.kept``), nowhere else."""
    cached = [
        f"{module.__name__}.{name}"
        for module in _modules()
        for name, value in vars(module).items()
        if hasattr(value, "cache_clear") and not isinstance(value, type) and name != "default_registries"
    ]
    assert cached == []


def test_clear_caches_empties_everything_kept() -> None:
    reg = load_seed_registries()
    extract(TEXT, published=date(2024, 11, 26), registries=reg)
    extract(TEXT, published=date(2024, 11, 26), registries=reg)
    assert any(len(store) for store in reg.kept.stores())
    clear_caches(reg)
    assert not any(len(store) for store in reg.kept.stores())


def test_reading_after_clearing_gives_the_same_claims() -> None:
    reg = load_seed_registries()
    first = extract(TEXT, published=date(2024, 11, 26), registries=reg)
    again = extract(TEXT, published=date(2024, 11, 26), registries=reg)
    clear_caches(reg)
    cold = extract(TEXT, published=date(2024, 11, 26), registries=reg)
    assert first.claims
    assert [c.to_dict() for c in first.claims] == [c.to_dict() for c in again.claims]
    assert [c.to_dict() for c in first.claims] == [c.to_dict() for c in cold.claims]
    assert first.unverified == cold.unverified
