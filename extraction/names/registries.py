"""The registries the engine reads names from (regions, places, units, claimants, and the people who speak
for claimants).

Each ``Registries`` compiles its matchers once: build one per registry change and reuse it across
articles. It also holds what the engine keeps of the texts it read with them (``kept``).
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
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


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """One role a person held: the claimant they spoke for, from ``started`` to ``ended`` (None: open)."""

    organisation: str
    title: str = ""
    started: date | None = None
    ended: date | None = None

    def spans(self, day: date) -> bool:
        return (self.started is None or self.started <= day) and (self.ended is None or day <= self.ended)


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A named person who speaks for claimants, with the roles they held, earliest first."""

    name: str
    side: str | None
    roles: tuple[RoleEntry, ...] = ()
    aliases: tuple[str, ...] = ()

    def role_at(self, day: date | None) -> RoleEntry | None:
        """The role held on ``day``: the one whose span holds it (the latest begun, where two do); else the
        latest begun before it; else the first. With no day, the latest role."""
        if not self.roles:
            return None
        if day is None:
            return self.roles[-1]
        held = [role for role in self.roles if role.spans(day)]
        if held:
            return held[-1]
        before = [role for role in self.roles if role.started is None or role.started <= day]
        return before[-1] if before else self.roles[0]


# The look-ups of a fuzzy key of one length: each stretch it is cut into (its start and end) with where the
# stretches of that size of the keys of a length it can be near are (``Registries.fuzzy_pieces``).
FuzzyPlan = list[tuple[dict[str, tuple[int, ...]], int, int]]


def _aliases(record: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(a for a in record.get("aliases") or () if isinstance(a, str) and a.strip())


@dataclass
class Registries:
    """The registries the engine reads, with their matchers compiled on first use."""

    regions: list[RegionEntry] = field(default_factory=list)
    places: list[PlaceEntry] = field(default_factory=list)
    units: list[UnitEntry] = field(default_factory=list)
    claimants: list[ClaimantEntry] = field(default_factory=list)
    people: list[PersonEntry] = field(default_factory=list)

    @classmethod
    def from_dicts(
        cls,
        *,
        regions: Iterable[Mapping[str, Any]] = (),
        places: Iterable[Mapping[str, Any]] = (),
        units: Iterable[Mapping[str, Any]] = (),
        claimants: Iterable[Mapping[str, Any]] = (),
        people: Iterable[Mapping[str, Any]] = (),
    ) -> Registries:
        """Registries from plain records. A person's ``roles`` each name an ``organisation`` (a claimant's
        name), a ``title`` and the dates ``started`` and ``ended`` (``date``, ISO text or None)."""
        built = cls(
            regions=[RegionEntry(r["name"], r.get("country") or "other", _aliases(r)) for r in regions],
            places=[
                PlaceEntry(p["name"], p.get("region"), p.get("kind") or "settlement", _aliases(p))
                for p in places
            ],
            units=[UnitEntry(u["name"], u.get("side"), u.get("kind") or "other", _aliases(u)) for u in units],
            claimants=[ClaimantEntry(c["name"], c.get("side"), _aliases(c)) for c in claimants],
        )
        # A role is read only when the organisation it names is a claimant here.
        built.people = [_person(p, built.claimant_by_name) for p in people]
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
        # People before claimants: a person's name that a claimant still lists as an alias (a database
        # seeded before the people register) is the person's, and speaks for their role at the time.
        speakers: list[tuple[str, Any]] = []
        for person in self.people:
            if person.roles:
                speakers += [(name, person) for name in (person.name, *person.aliases)]
        for claimant in self.claimants:
            speakers += [(name, claimant) for name in (claimant.name, *claimant.aliases)]
        matchers = (
            NameMatcher(names, automaton=False),
            NameMatcher(
                ((name, unit) for unit in self.units for name in (unit.name, *unit.aliases)), automaton=False
            ),
            NameMatcher(speakers, automaton=False),
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
    def claimant_by_name(self) -> dict[str, ClaimantEntry]:
        return {claimant.name: claimant for claimant in self.claimants}

    def speaker_for(self, payload: ClaimantEntry | PersonEntry, published: date | None) -> ClaimantEntry:
        """The claimant a ``claimant_matcher`` hit speaks for: a claimant itself, or the organisation a
        person held a role in when the article was published (``PersonEntry.role_at``)."""
        if isinstance(payload, ClaimantEntry):
            return payload
        role = payload.role_at(published)
        # The matcher lists only people with a role, and a role only when its organisation is a claimant.
        assert role is not None
        return self.claimant_by_name[role.organisation]

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
    def fuzzy_pieces(self) -> dict[tuple[int, int], dict[str, tuple[int, ...]]]:
        """By a length of key and a length of stretch, where each such stretch of the fuzzy keys of that
        length occurs (filled by ``places``)."""
        return {}

    @cached_property
    def fuzzy_plans(self) -> dict[int, FuzzyPlan]:
        """By a word's length, the stretches to look its key up by (filled by ``places``)."""
        return {}


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _role(record: Mapping[str, Any]) -> RoleEntry:
    started, ended = _day(record.get("started")), _day(record.get("ended"))
    return RoleEntry(record["organisation"], record.get("title") or "", started, ended)


def _person(record: Mapping[str, Any], claimants: Mapping[str, ClaimantEntry]) -> PersonEntry:
    roles = [_role(r) for r in record.get("roles") or () if r.get("organisation") in claimants]
    roles.sort(key=lambda r: r.started or date.min)
    return PersonEntry(record["name"], record.get("side"), tuple(roles), _aliases(record))


def seed_period(text: str | None, *, end: bool) -> date | None:
    """A seed file's "from" or "until": a year ("2024"), a month ("2024-05") or a day ("2024-05-12"). A
    period begins on its first day and ends on its last: "2024" from is 2024-01-01, until is 2024-12-31."""
    if not text:
        return None
    parts = [int(part) for part in str(text).split("-")]
    if len(parts) == 3:
        return date(*parts)
    year = parts[0]
    month = parts[1] if len(parts) == 2 else 12 if end else 1
    return date(year, month, calendar.monthrange(year, month)[1] if end else 1)


def seed_roles(person: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A seed person's roles as ``Registries.from_dicts`` and the database take them."""
    return [
        {
            "organisation": role["organisation"],
            "title": role.get("title") or "",
            "started": seed_period(role.get("from"), end=False),
            "ended": seed_period(role.get("until"), end=True),
        }
        for role in person.get("roles") or ()
    ]


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
        regions=read("regions"),
        places=read("places"),
        units=read("units"),
        claimants=read("claimants"),
        people=[{**person, "roles": seed_roles(person)} for person in read("people")],
    )
