"""The claim's shape (../shared/claims-spec/SCHEMA.md): the one source of its field and value names.

The Django models' choices, the CSV export's columns, the review fields, the scorer's attributes and
the engine's merge all read these; a field or a value is named here once.
"""

from __future__ import annotations

from enum import StrEnum


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
# What the scorer checks among matched claims (SCHEMA.md's list less ``civilian``, which the engine does
# not give).
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
)
