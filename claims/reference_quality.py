"""How far the stored claims, and the engine on a generated month of General Staff reports, agree with the
reference series: the product measuring itself where a count exists to measure against.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count

from claims.models import Claim, Claimant, ReferenceCheck, ReferenceSeries
from claims.references import GENERAL_STAFF, SeriesIndex, verdict
from extraction import extract

# The equipment a generated report lists, by the General Staff category of the shipped series.
_REPORTED = (
    ("tank", "tanks"),
    ("APC", "armoured combat vehicles"),
    ("field artillery", "artillery systems"),
    ("MRL", "multiple rocket launchers"),
    ("drone", "operational-tactical drones"),
    ("vehicles and fuel tanks", "vehicles and fuel tanks"),
)


@dataclass
class Agreement:
    """Checks by status; ``rate`` is the share agreeing among the checks that had a reference value."""

    counts: Counter = field(default_factory=Counter)
    unchecked: int = 0
    # For generated reports: how many figures they state (a day's and a total's for each item).
    stated: int = 0

    @property
    def rate(self) -> float:
        with_point = self.counts["agrees"] + self.counts["differs"]
        return self.counts["agrees"] / with_point if with_point else 0.0


def stored_agreement() -> Agreement:
    """The stored checks of every claim, by status."""
    found = Agreement()
    for row in ReferenceCheck.objects.values("status").annotate(n=Count("id")):
        found.counts[row["status"]] = row["n"]
    return found


def _report(day: date, points: dict[str, dict[date, int]], rng: random.Random) -> str:
    """A General Staff morning report for ``day`` in one of the ways outlets retell it (our wording)."""
    yesterday = day - timedelta(days=1)

    def delta(label: str) -> int:
        return points[label][day] - points[label][yesterday]

    personnel = points["personnel"]
    items = ", ".join(f"{points[label][day]:,} {words} (+{delta(label)})" for label, words in _REPORTED)
    style = rng.randrange(3)
    if style == 0:
        return (
            f"Russia lost {delta('personnel'):,} troops over the past day, Ukraine's General Staff said on "
            f"{day:%A}. Its total losses since the full-scale invasion began stand at {personnel[day]:,} "
            f"personnel.\n\nThe tally also counts {items}."
        )
    if style == 1:
        return (
            f"Ukraine's General Staff put Russian losses as of {day:%B} {day.day} at {personnel[day]:,} "
            f"personnel, {delta('personnel'):,} of them over the past 24 hours. The running tally lists "
            f"{items}."
        )
    return (
        f"KYIV, {day:%b}. {day.day} - The Russian army lost another {delta('personnel'):,} soldiers in a "
        f"day, bringing its total to {personnel[day]:,}, according to Ukraine's General Staff. Since "
        f"February 2022 the General Staff has counted {items}."
    )


def generated_month_agreement(first: date, days: int = 30, seed: int = 20261206) -> tuple[Agreement, int]:
    """The engine on ``days`` generated General Staff reports from ``first`` on: each claim it reads is
    checked against the shipped series as a stored claim would be. (Agreement, reports read)."""
    staff = Claimant.objects.get(name=GENERAL_STAFF)
    named = {s.label: s for s in ReferenceSeries.objects.filter(claimant=staff, kind="running_total")}
    missing = [label for label in ("personnel", *(label for label, _ in _REPORTED)) if label not in named]
    if missing:
        raise ValueError(f"the shipped General Staff series are not loaded (missing: {', '.join(missing)})")
    points = {label: dict(series.points.values_list("date", "value")) for label, series in named.items()}
    series = SeriesIndex()
    rng = random.Random(seed)
    found = Agreement()
    read = 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day not in points["personnel"] or day - timedelta(days=1) not in points["personnel"]:
            continue
        text = _report(day, points, rng)
        read += 1
        found.stated += 2 * (1 + len(_REPORTED))
        for claim in extract(text, published=day).claims:
            if claim.region or claim.place or claim.unit:
                # Stored, a figure with a place is a local one: no national series checks it.
                found.unchecked += 1
                continue
            stored = Claim(
                category=claim.category,
                equipment=claim.equipment or None,
                value=claim.value,
                value_max=claim.value_max,
                qualifier=claim.qualifier,
                subject_side=claim.subject_side,
                civilian=claim.civilian,
                claimant=staff if claim.claimant == GENERAL_STAFF else None,
                period=claim.period,
                date=claim.date,
                date_start=claim.date_start,
            )
            fit = series.fitting(stored)
            if fit is None:
                found.unchecked += 1
                continue
            status, _reference = verdict(stored, series.points_of(fit))
            found.counts[status] += 1
    return found, read


def render(stored: Agreement, generated: Agreement, reports: int, first: date) -> str:
    def line(name: str, agreement: Agreement) -> str:
        c = agreement.counts
        read = sum(c.values()) + agreement.unchecked
        of = f"  figures read {read} of {agreement.stated}" if agreement.stated else ""
        return (
            f"{name:<28} agrees {c['agrees']:>5}  differs {c['differs']:>5}  no point {c['no_point']:>5}"
            f"  unchecked {agreement.unchecked:>5}  agreement {agreement.rate:.3f}{of}"
        )

    return "\n".join(
        [
            "claims against the reference series (agreement: agrees / (agrees + differs))",
            line("stored claims", stored),
            line(f"{reports} generated reports from {first}", generated),
        ]
    )
