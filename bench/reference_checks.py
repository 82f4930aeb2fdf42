"""Reference checks and consistency alarms at a million claims in PostgreSQL.

    python bench/reference_checks.py [--claims 1000000] [--articles 50]

Uses the dashboard bench's database (claimtrack_bench_dash; seeded by `seed_synthetic` when it holds fewer
claims than asked). Prints:
- every reference check worked out from scratch: each shipped series' claims checked again, as a series'
  import does (target: under 60 s for a million claims);
- one article's claims checked, as extraction does when it stores them, for a sample of articles: median
  and 95th percentile (target: under 50 ms);
- every consistency alarm worked out from scratch (`rebuild_alarms`), and one article's series refreshed as
  extraction does: median and 95th percentile.
The checks and alarms it computes stay stored, so the dashboard bench's series and alarms pages read them.
Without PostgreSQL it says so and exits 0.
"""

# ruff: noqa: E402 - imports of the repository come after it is put on the path
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench._database import on_dashboard_database, seed_claims

ALL_CHECKS_TARGET_S = 60.0
ONE_ARTICLE_TARGET_MS = 50.0


def _ms(times: list[float]) -> str:
    return f"median {statistics.median(times):.1f} ms, p95 {statistics.quantiles(times, n=20)[-1]:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50, help="articles sampled for the one-article times")
    args = parser.parse_args()
    if not on_dashboard_database("reference checks bench"):
        return
    from django.db.models import Count

    from claims.alarms import alarms_rebuild, alarms_refresh, touched
    from claims.models import Alarm, Article, Claim, ReferenceCheck, ReferenceSeries
    from claims.references import checks_refresh, checks_refresh_for_series

    seed_claims(args.claims, reseed=False)
    print(f"{Claim.objects.count():,} claims, {ReferenceSeries.objects.count()} reference series")

    started = time.perf_counter()
    written = checks_refresh_for_series(ReferenceSeries.objects.all())
    seconds = time.perf_counter() - started
    verdict = "meets" if seconds < ALL_CHECKS_TARGET_S else "MISSES"
    counts = dict(ReferenceCheck.objects.values_list("status").annotate(n=Count("id")))
    print(
        f"\nevery check from scratch: {written:,} checks in {seconds:.1f} s ({verdict} the "
        f"{ALL_CHECKS_TARGET_S:.0f} s target); by status: {counts}"
    )

    ids = list(Article.objects.filter(claim_count__gt=0).values_list("pk", flat=True)[:20_000])
    sample = random.Random(7).sample(ids, min(args.articles, len(ids)))
    times = []
    for pk in sample:
        started = time.perf_counter()
        checks_refresh(list(Claim.objects.filter(article_id=pk)))
        times.append((time.perf_counter() - started) * 1000)
    verdict = "meets" if statistics.median(times) < ONE_ARTICLE_TARGET_MS else "MISSES"
    print(f"one article's claims checked ({len(sample)} articles): {_ms(times)} ({verdict} the 50 ms target)")

    started = time.perf_counter()
    alarms = alarms_rebuild()
    print(f"\nevery alarm from scratch: {alarms:,} alarms in {time.perf_counter() - started:.1f} s")
    kinds = dict(Alarm.objects.values_list("kind").annotate(n=Count("id")))
    print(f"alarms by kind: {kinds}")
    times = []
    for pk in sample:
        started = time.perf_counter()
        alarms_refresh(touched(Claim.objects.filter(article_id=pk)))
        times.append((time.perf_counter() - started) * 1000)
    print(f"one article's series refreshed for alarms ({len(sample)} articles): {_ms(times)}")


if __name__ == "__main__":
    main()
