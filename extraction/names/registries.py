"""The four registries the engine reads names from (regions, places, units, claimants).

Each ``Registries`` compiles its matchers once: build one per registry change and reuse it across
articles. It also holds what the engine keeps of the texts it read with them (``kept``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..cache import Kept
from .matcher import NameGroup, NameMatcher


@dataclass(frozen=True, slots=True)
class RegionEntry:
    name: str
    country: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name: str
    region: str | None
    kind: str = "settlement"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitEntry:
    name: str
    side: str | None
    kind: str = "other"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimantEntry:
    name: str
    side: str | None
    aliases: tuple[str, ...] = ()


def _aliases(record: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(a for a in record.get("aliases") or () if isinstance(a, str) and a.strip())


@dataclass
class Registries:
    """The four registries the engine reads, with their matchers compiled on first use."""

    regions: list[RegionEntry] = field(default_factory=list)
    places: list[PlaceEntry] = field(default_factory=list)
    units: list[UnitEntry] = field(default_factory=list)
    claimants: list[ClaimantEntry] = field(default_factory=list)

    @classmethod
    def from_dicts(
        cls,
        *,
        regions: Iterable[Mapping[str, Any]] = (),
        places: Iterable[Mapping[str, Any]] = (),
        units: Iterable[Mapping[str, Any]] = (),
        claimants: Iterable[Mapping[str, Any]] = (),
    ) -> Registries:
        built = cls(
            regions=[RegionEntry(r["name"], r.get("country") or "other", _aliases(r)) for r in regions],
            places=[
                PlaceEntry(p["name"], p.get("region"), p.get("kind") or "settlement", _aliases(p))
                for p in places
            ],
            units=[UnitEntry(u["name"], u.get("side"), u.get("kind") or "other", _aliases(u)) for u in units],
            claimants=[ClaimantEntry(c["name"], c.get("side"), _aliases(c)) for c in claimants],
        )
        built.compile()
        return built

    # What the engine keeps of the texts it read with these registries, beyond one article (see ``cache``).
    kept: Kept = field(default_factory=Kept, compare=False, repr=False)

    def compile(self) -> None:
        """Build every matcher now (they are otherwise built on first use)."""
        _ = self.place_matcher, self.unit_matcher, self.claimant_matcher
        _ = self.fuzzy_places, self.numbered_units

    @cached_property
    def _name_matchers(self) -> tuple[NameMatcher, NameMatcher, NameMatcher]:
        """The place, unit and claimant matchers, searching with one automaton (see ``NameGroup``)."""
        names: list[tuple[str, Any]] = []
        # Places before regions: the same key keeps its first payload, and a town named in the text
        # is more specific than an oblast of the same name.
        for place in self.places:
            for name in (place.name, *place.aliases):
                names.append((name, place))
        for region in self.regions:
            for name in (region.name, *region.aliases):
                names.append((name, region))
        matchers = (
            NameMatcher(names, automaton=False),
            NameMatcher(
                ((name, unit) for unit in self.units for name in (unit.name, *unit.aliases)), automaton=False
            ),
            NameMatcher(
                (
                    (name, claimant)
                    for claimant in self.claimants
                    for name in (claimant.name, *claimant.aliases)
                ),
                automaton=False,
            ),
        )
        NameGroup(matchers)
        return matchers

    @cached_property
    def place_matcher(self) -> NameMatcher:
        return self._name_matchers[0]

    @cached_property
    def unit_matcher(self) -> NameMatcher:
        return self._name_matchers[1]

    @cached_property
    def claimant_matcher(self) -> NameMatcher:
        return self._name_matchers[2]

    @cached_property
    def numbered_units(self) -> dict[tuple[int, str], list[tuple[frozenset[str], UnitEntry]]]:
        """Numbered formations by number and formation word, for spellings the aliases miss."""
        from .units import numbered_units  # units reads the registries' entries

        return numbered_units(self.units)

    @cached_property
    def claimant_names(self) -> frozenset[str]:
        return frozenset(claimant.name for claimant in self.claimants)

    @cached_property
    def region_by_name(self) -> dict[str, RegionEntry]:
        return {region.name: region for region in self.regions}

    @cached_property
    def fuzzy_places(self) -> dict[str, Any]:
        """Single-word place and region names by their transliteration key, for spellings not listed."""
        from .places import translit_key  # places reads the registries' entries

        table: dict[str, Any] = {}
        for place in self.places:
            for name in (place.name, *place.aliases):
                if " " not in name.strip() and len(name) >= 5:
                    table.setdefault(translit_key(name), place)
        for region in self.regions:
            for name in (region.name, *region.aliases):
                words = name.split()
                if (
                    len(words) == 2
                    and words[1].lower() in ("oblast", "region", "krai", "province")
                    or len(words) == 1
                ):
                    base = words[0]
                else:
                    continue
                if len(base) >= 5:
                    table.setdefault(translit_key(base), region)
        return table

    @cached_property
    def fuzzy_keys(self) -> tuple[str, ...]:
        """The keys of ``fuzzy_places`` in order, the choices of the fuzzy match."""
        return tuple(self.fuzzy_places)

    @cached_property
    def fuzzy_keys_by_length(self) -> dict[int, tuple[str, ...]]:
        """The fuzzy keys worth trying against a word, by the word's length (filled by ``places``)."""
        return {}


def default_seed_dir() -> Path:
    # <repo>/extraction/names/registries.py -> <repo>/claims/seed_data
    return Path(__file__).resolve().parents[2] / "claims" / "seed_data"


def load_seed_registries(path: str | Path | None = None) -> Registries:
    """Registries from the repository's seed files (``claims/seed_data/*.json``); missing files are empty."""
    folder = Path(path) if path is not None else default_seed_dir()

    def read(name: str) -> list[dict[str, Any]]:
        file = folder / f"{name}.json"
        if not file.exists():
            return []
        with file.open(encoding="utf-8") as handle:
            data = json.load(handle)
        return data if isinstance(data, list) else []

    return Registries.from_dicts(
        regions=read("regions"), places=read("places"), units=read("units"), claimants=read("claimants")
    )
