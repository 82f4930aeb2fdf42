"""The claim's shape (../shared/claims-spec/SCHEMA.md): the one source of its field and value names.

The Django models' choices, the CSV export's columns, the review fields, the scorer's attributes and
the engine's merge all read these; a field or a value is named here once.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

# Stamped on every claim; raised whenever the engine's output changes (``reprocess --before-version``).
ENGINE_VERSION = "2026.12.06"


class Category(StrEnum):
    KILLED = "killed"
    WOUNDED = "wounded"
    CASUALTIES = "casualties"
    CAPTURED = "captured"
    EQUIPMENT = "equipment"
    LAUNCHED = "launched"
    INTERCEPTED = "intercepted"
    DEPLOYED = "deployed"
    ENGAGEMENT = "engagement"


class Equipment(StrEnum):
    TANK = "tank"
    ARMORED_VEHICLE = "armored_vehicle"
    ARTILLERY = "artillery"
    MLRS = "mlrs"
    AIR_DEFENSE = "air_defense"
    AIRCRAFT = "aircraft"
    HELICOPTER = "helicopter"
    UAV = "uav"
    MISSILE = "missile"
    SHIP = "ship"
    SUBMARINE = "submarine"
    VEHICLE = "vehicle"
    SPECIAL_EQUIPMENT = "special_equipment"
    OTHER = "other"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    UP_TO = "up_to"
    ABOUT = "about"


class Period(StrEnum):
    CUMULATIVE = "cumulative"
    WINDOW = "window"


class Side(StrEnum):
    UA = "UA"
    RU = "RU"
    KP = "KP"
    OTHER = "other"


# How people read each value (the pages, the admin and the review forms show these).
LABELS: dict[StrEnum, str] = {
    Category.KILLED: "Killed",
    Category.WOUNDED: "Wounded",
    Category.CASUALTIES: "Casualties",
    Category.CAPTURED: "Captured",
    Category.EQUIPMENT: "Equipment",
    Category.LAUNCHED: "Launched",
    Category.INTERCEPTED: "Intercepted",
    Category.DEPLOYED: "Deployed",
    Category.ENGAGEMENT: "Engagement",
    Equipment.TANK: "Tank",
    Equipment.ARMORED_VEHICLE: "Armoured vehicle",
    Equipment.ARTILLERY: "Artillery",
    Equipment.MLRS: "MLRS",
    Equipment.AIR_DEFENSE: "Air defence",
    Equipment.AIRCRAFT: "Aircraft",
    Equipment.HELICOPTER: "Helicopter",
    Equipment.UAV: "UAV",
    Equipment.MISSILE: "Missile",
    Equipment.SHIP: "Ship",
    Equipment.SUBMARINE: "Submarine",
    Equipment.VEHICLE: "Vehicle",
    Equipment.SPECIAL_EQUIPMENT: "Special equipment",
    Equipment.OTHER: "Other",
    Qualifier.EXACT: "Exact",
    Qualifier.AT_LEAST: "At least",
    Qualifier.UP_TO: "Up to",
    Qualifier.ABOUT: "About",
    Period.CUMULATIVE: "Running total",
    Period.WINDOW: "Window",
    Side.UA: "Ukraine",
    Side.RU: "Russia",
    Side.KP: "North Korea",
    Side.OTHER: "Other",
}

# The categories that name an equipment type (and only they do).
EQUIPMENT_CATEGORIES = frozenset({Category.EQUIPMENT, Category.LAUNCHED, Category.INTERCEPTED})

# The fields of one claim, in SCHEMA.md's order: the engine's output and the export's claim columns.
CLAIM_FIELDS = (
    "category",
    "equipment",
    "value",
    "value_max",
    "qualifier",
    "subject_side",
    "civilian",
    "claimant",
    "claimant_side",
    "period",
    "date",
    "date_start",
    "region",
    "place",
    "unit",
    "evidence",
    "start",
    "end",
)
# Where the sentence is: the engine sets them, a reviewer does not edit them.
EVIDENCE_FIELDS = ("evidence", "start", "end")
# What a reviewer may set, in the order forms and history show them.
REVIEW_FIELDS = tuple(name for name in CLAIM_FIELDS if name not in EVIDENCE_FIELDS)
# Fields that hold a registry's canonical name; the engine also gives each as printed (``<name>_raw``).
NAME_FIELDS = ("claimant", "region", "place", "unit")
RAW_FIELDS = tuple(f"{name}_raw" for name in NAME_FIELDS)
# What the sentences around a figure tell (who says it, when, where, which unit): a claim stated in several
# sentences takes each from the clearest sentence that gives it.
CONTEXT_FIELDS = ("claimant", "claimant_side", "date", "date_start", "region", "place", "unit", *RAW_FIELDS)
# A predicted claim matches a gold claim when these agree (an engagement: category and unit).
MATCH_FIELDS = ("category", "subject_side", "value", "equipment")
# What the scorer checks among matched claims (SCHEMA.md's list).
SCORED_ATTRIBUTES = (
    "claimant_side",
    "qualifier",
    "period",
    "date",
    "date_start",
    "region",
    "place",
    "unit",
    "value_max",
    "civilian",
)


@dataclass
class Claim:
    """One distinct fact of an article, in the fields above (``CLAIM_FIELDS``), plus the names as printed
    (``RAW_FIELDS``) and the engine's version."""

    category: str
    equipment: str | None
    value: int | None
    value_max: int | None
    qualifier: str
    subject_side: str | None
    # The figure counts civilians (residents killed by a strike): subject_side is then whose civilians.
    civilian: bool
    claimant: str | None
    claimant_side: str | None
    period: str | None
    date: date | None
    date_start: date | None
    region: str | None
    place: str | None
    unit: str | None
    evidence: str
    start: int
    end: int
    claimant_raw: str | None = None
    region_raw: str | None = None
    place_raw: str | None = None
    unit_raw: str | None = None
    engine_version: str = ENGINE_VERSION

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            data[item.name] = value.isoformat() if isinstance(value, date) else value
        return data


@dataclass
class Extraction:
    """What the engine reads in one article: its claims, and whether it says it could not verify them."""

    claims: list[Claim]
    unverified: bool
    engine_version: str = ENGINE_VERSION
