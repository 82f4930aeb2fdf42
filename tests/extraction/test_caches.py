"""``clear_caches``: every reading kept per text goes, and reading again gives the same claims."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date

import extraction as package
from extraction import clear_caches, extract, fastre, load_seed_registries, registries

TEXT = (
    "Ukraine's General Staff said 824 Russian soldiers were killed yesterday near Pokrovsk.\n"
    "The 47th Mechanized Brigade said it had destroyed two Russian tanks and a BMP near Avdiivka. "
    "It is not possible to independently verify the figures reported by either side."
)


def _text_caches() -> list[object]:
    """Every ``lru_cache`` and ``Memo`` of the package's modules but the default registries (not a reading of
    text)."""
    found = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name == "__main__":
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, value in vars(module).items():
            if (
                hasattr(value, "cache_clear")
                and not isinstance(value, type)
                and name != "_default_registries"
            ):
                found.append(value)
    return found


def test_clear_caches_empties_every_cache() -> None:
    reg = load_seed_registries()
    extract(TEXT, published=date(2024, 11, 26), registries=reg)
    assert any(cache.cache_info().currsize for cache in _text_caches())  # type: ignore[attr-defined]
    clear_caches(reg)
    assert all(cache.cache_info().currsize == 0 for cache in _text_caches())  # type: ignore[attr-defined]
    assert not any(name in reg.__dict__ for name in reg.TEXT_CACHES)
    assert not fastre._STARTS and not registries._NORM_CACHE and not registries._PHRASES


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
