"""Extraction speed on one core: 2,000 generated articles of war reporting, 2-5 KB each.

usage: .venv/bin/python bench/extract_speed.py [--articles N] [--repeat N] [--profile] [--cold-only]
                                              [--dump FILE] [--against REV [--rounds N]]

The articles are composed from templates of war-reporting sentences with varied figures, sides,
places, units, dates and filler paragraphs (fixed seed, so every run reads the same text). Prints
articles/s, total seconds and claims found. The target is at least 300 articles/s. Each rate is the
median of three runs (``--repeat``), each from nothing kept; every run's rate goes to stderr.

The filler sentences recur across articles, and the engine keeps its readings per sentence text, so
the first figure counts on those repeats. The second figure is the cold rate: every cache is cleared
before each article, as for text the engine has never seen.

``--against REV`` measures the engine of the git revision REV (checked out in a temporary worktree) side
by side with the engine of this tree: each round runs both, in turn and each in a fresh process, warm and
cold, on the same articles, timed by the wall clock and by the process's CPU time (which a busy shared
machine moves less); it prints every round's rates, the median and the best round of each (the best is
the least disturbed by other work on the machine), and checks that both engines found the same claims.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


Engine = tuple[Callable[..., Any], Callable[[], Any], Callable[[Any], None]]


def _engine(tree: Path = REPO) -> Engine:
    """``extract``, ``load_seed_registries`` and a function that forgets every reading kept for the given
    registries, from the engine of ``tree`` (which may be an older revision, with the older layout)."""
    if str(tree) not in sys.path:
        sys.path.insert(0, str(tree))
    try:
        import extraction as engine
    except ImportError:  # before the engine was its own package
        import ingest.extract as engine  # type: ignore[no-redef]
    return engine.extract, engine.load_seed_registries, engine.clear_caches


PLACES = [
    "Pokrovsk",
    "Kupiansk",
    "Bakhmut",
    "Avdiivka",
    "Vuhledar",
    "Sudzha",
    "Toretsk",
    "Chasiv Yar",
    "Vovchansk",
    "Kurakhove",
    "the Kursk region",
    "Kharkiv Oblast",
    "Zaporizhzhia region",
    "Robotyne",
]
UNITS = [
    "47th Mechanized Brigade",
    "92nd Mechanized Brigade",
    "80th Air Assault Brigade",
    "3rd Assault Brigade",
    "Rubizh Brigade",
    "241th Territorial Defense Brigade",
    "25th Airborne Brigade",
    "8th Special Forces Regiment",
]
UA_SPEAKERS = [
    "Ukraine's General Staff",
    "the Ukrainian Air Force",
    "Ukraine's Defence Ministry",
    "Ukraine's military intelligence agency",
    "President Volodymyr Zelensky",
    "the Khortytsia group",
]
RU_SPEAKERS = [
    "Russia's Defence Ministry",
    "the Russian Defense Ministry",
    "Kremlin spokesman Dmitry Peskov",
    "the Russian military",
]
OTHER_SPEAKERS = [
    "South Korea's National Intelligence Service",
    "the Institute for the Study of War",
    "UK Defence Intelligence",
    "the Pentagon",
]
WHEN = [
    "yesterday",
    "over the past 24 hours",
    "on Monday",
    "overnight",
    "last week",
    "on {month} {day}",
    "in the past day",
    "in three days of fighting",
    "on {month} {day}-{day2}",
    "earlier this month",
]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
EQUIPMENT = [
    "tanks",
    "armored vehicles",
    "artillery systems",
    "multiple rocket launchers",
    "air defense systems",
    "drones",
    "vehicles",
    "BMP infantry fighting vehicles",
    "Grad launchers",
    "helicopters",
]
FILLER = [
    "Both sides have accused each other of targeting civilian infrastructure in recent weeks.",
    "The front line has barely moved over the winter, with small gains measured in hundreds of metres.",
    "Soldiers interviewed near the front described constant drone surveillance and shortages of shells.",
    "Officials in Kyiv said the talks with their partners were constructive but gave no further details.",
    "The Kremlin has repeatedly denied targeting civilians and says it strikes only military objects.",
    "Local authorities announced new evacuation routes for families with children.",
    "Satellite images published by a private company showed fresh craters around the airfield.",
    "The governor urged residents to stay in shelters until the air raid alert was lifted.",
    "The fighting has drawn international attention to the area, where civilians were evacuated for weeks.",
    "Analysts say both sides are trying to negotiate from a position of strength before any talks begin.",
    "Western officials have pledged further support, including a $400 million package announced last month.",
    "The town had a pre-war population of around 75,000 people and lies 30 km from the front line.",
    "Residents described long queues for water and bread as temperatures dropped below freezing.",
    "It is not possible to independently verify the figures reported by either side.",
    "Kyiv has repeatedly asked its allies for more air defense systems and long-range missiles.",
    "The U.S. has sent more than 400 Stryker vehicles to Ukraine since February 2022.",
    "Moscow is now making use of hundreds of thousands of troops it called up in its mobilisation.",
    "Video shared on Telegram appeared to show smoke rising over the outskirts of the city.",
]


def _when(rng: random.Random) -> str:
    day = rng.randint(1, 27)
    return rng.choice(WHEN).format(month=rng.choice(MONTHS), day=day, day2=day + 1)


def _figure(rng: random.Random, low: int, high: int) -> str:
    value = rng.randint(low, high)
    if value < 20 and rng.random() < 0.4:
        return [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ][value - 1]
    return f"{value:,}"


def _sentence(rng: random.Random) -> str:
    kind = rng.randrange(9)
    place = rng.choice(PLACES)
    if kind == 0:
        return (
            f"Russia lost {_figure(rng, 800, 1900)} soldiers {_when(rng)} near {place}, "
            f"according to {rng.choice(UA_SPEAKERS)}."
        )
    if kind == 1:
        return (
            f"{rng.choice(RU_SPEAKERS).capitalize()} said Ukrainian forces had lost up to "
            f"{_figure(rng, 40, 600)} servicemen in the {place.split()[-1]} direction {_when(rng)}."
        )
    if kind == 2:
        return (
            f"The {rng.choice(UNITS)} said it had destroyed {_figure(rng, 1, 15)} Russian "
            f"{rng.choice(EQUIPMENT)} near {place} {_when(rng)}."
        )
    if kind == 3:
        return (
            f"Russia launched {_figure(rng, 30, 190)} Shahed drones and {_figure(rng, 1, 12)} missiles "
            f"{_when(rng)}, {rng.choice(UA_SPEAKERS)} said, adding that {_figure(rng, 20, 120)} drones "
            "were shot down."
        )
    if kind == 4:
        return (
            f"Ukraine says {_figure(rng, 100_000, 760_000)} Russian troops have been killed "
            "since the war began, "
            f"adding {_figure(rng, 800, 1500)} over the past day."
        )
    if kind == 5:
        return (
            f"About {_figure(rng, 100, 4000)} North Korean soldiers have been killed and "
            f"{_figure(rng, 100, 4000)} "
            f"wounded in {place}, {rng.choice(OTHER_SPEAKERS)} said."
        )
    if kind == 6:
        return (
            f"A tank in service with the {rng.choice(UNITS)} is destroying Russian positions in the "
            f"{place.split()[-1]} direction, the unit said."
        )
    if kind == 7:
        items = rng.sample(EQUIPMENT, 4)
        return (
            "According to the report, Russia has also lost "
            + ", ".join(f"{_figure(rng, 300, 20_000)} {item}" for item in items[:-1])
            + f" and {_figure(rng, 300, 20_000)} {items[-1]}."
        )
    return (
        f"Ukrainian forces captured {_figure(rng, 2, 40)} Russian soldiers near {place} {_when(rng)}, "
        f"{rng.choice(UA_SPEAKERS)} said."
    )


def make_articles(count: int, seed: int = 20261101) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    articles: list[tuple[str, date]] = []
    for _ in range(count):
        target = rng.randint(2000, 5000)
        title = _sentence(rng).rstrip(".")
        paragraphs = [title]
        size = len(title)
        while size < target:
            # About one sentence in five carries figures, as in wire copy and features.
            paragraph = " ".join(
                _sentence(rng) if rng.random() < 0.2 else rng.choice(FILLER) for _ in range(3)
            )
            paragraphs.append(paragraph)
            size += len(paragraph) + 1
        published = date(2023, 1, 1) + timedelta(days=rng.randrange(900))
        articles.append(("\n".join(paragraphs), published))
    return articles


def run(articles: list[tuple[str, date]], engine: Engine | None = None) -> tuple[float, int]:
    seconds, _cpu, claims = _timed(articles, engine, cold=False)
    return seconds, claims


def run_cold(articles: list[tuple[str, date]], engine: Engine | None = None) -> tuple[float, int]:
    """As ``run``, with every per-text cache cleared before each article (the clearing is not timed)."""
    seconds, _cpu, claims = _timed(articles, engine, cold=True)
    return seconds, claims


def _timed(
    articles: list[tuple[str, date]], engine: Engine | None, *, cold: bool
) -> tuple[float, float, int]:
    """(wall-clock seconds, CPU seconds of the process, claims) of reading ``articles``; ``cold``: every
    per-text cache cleared before each article (not timed), else once before the run."""
    extract, load_seed_registries, clear_caches = engine or _engine()
    registries = load_seed_registries()
    clear_caches(registries)  # each run starts from nothing kept, whatever ran before it in the process
    # Loads what is loaded on first use (and, for the warm rate, keeps what the first article reads).
    extract(articles[0][0], published=articles[0][1], registries=registries)
    claims = 0
    wall = cpu = 0.0
    for text, published in articles:
        if cold:
            clear_caches(registries)
        started, started_cpu = time.perf_counter(), time.process_time()
        claims += len(extract(text, published=published, registries=registries).claims)
        wall += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
    return wall, cpu, claims


def dump(articles: list[tuple[str, date]], path: str) -> None:
    """Every article's claims as JSON lines, to check that a speed change leaves the output unchanged."""
    extract, load_seed_registries, _clear = _engine()
    registries = load_seed_registries()
    with open(path, "w", encoding="utf-8") as out:
        for number, (text, published) in enumerate(articles):
            claims = [c.to_dict() for c in extract(text, published=published, registries=registries).claims]
            out.write(json.dumps({"article": number, "claims": claims}, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions")
    parser.add_argument("--cold-only", action="store_true", help="measure (and profile) the cold rate only")
    parser.add_argument("--dump", metavar="FILE", help="write each article's claims as JSON lines")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each rate; the median is printed (default 3)"
    )
    parser.add_argument(
        "--against", metavar="REV", help="measure the engine of git revision REV beside this one"
    )
    parser.add_argument("--rounds", type=int, default=5, help="rounds of --against (default 5)")
    # One warm and one cold run of the engine of TREE, printed as JSON (what --against runs).
    parser.add_argument("--once-in", metavar="TREE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.against:
        against(args.against, args.rounds, args.articles)
        return
    if args.once_in:
        _once(Path(args.once_in), args.articles)
        return
    articles = make_articles(args.articles)
    if args.dump:
        dump(articles, args.dump)
        return
    size = sum(len(text) for text, _ in articles) / len(articles)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
    repeat = 1 if args.profile else max(1, args.repeat)
    seconds, claims = _median_run(run_cold if args.cold_only else run, articles, repeat)
    if args.profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    print(f"articles: {len(articles)} (mean {size / 1000:.1f} KB)")
    print(f"claims found: {claims}")
    if not args.cold_only:
        print(f"total seconds: {seconds:.2f}")
        print(f"articles/s: {len(articles) / seconds:.0f}")
        seconds, cold_claims = _median_run(run_cold, articles, repeat)
        if cold_claims != claims:
            raise SystemExit(f"the caches changed the output: {cold_claims} claims cold, {claims} warm")
    print(f"total seconds, cold: {seconds:.2f}")
    print(f"articles/s, no sentence seen before (caches cleared per article): {len(articles) / seconds:.0f}")


def _median_run(
    runner: Callable[[list[tuple[str, date]]], tuple[float, int]],
    articles: list[tuple[str, date]],
    repeat: int,
) -> tuple[float, int]:
    """The median of ``repeat`` runs (a shared machine's load moves a single run by 10% or more); each run's
    rate goes to stderr."""
    results = [runner(articles) for _ in range(repeat)]
    if len({claims for _, claims in results}) > 1:
        raise SystemExit(f"runs found different numbers of claims: {[claims for _, claims in results]}")
    if repeat > 1:
        rates = ", ".join(f"{len(articles) / seconds:.0f}" for seconds, _ in results)
        print(f"({runner.__name__}: {rates} articles/s)", file=sys.stderr)
    return statistics.median(seconds for seconds, _ in results), results[0][1]


def _once(tree: Path, count: int) -> None:
    engine = _engine(tree)
    articles = make_articles(count)
    # The process's CPU time as well as the wall clock: on a shared machine, time spent waiting for a
    # core moves the wall-clock rate and not the CPU one.
    warm, warm_cpu, claims = _timed(articles, engine, cold=False)
    cold, cold_cpu, cold_claims = _timed(articles, engine, cold=True)
    seconds = {"warm": warm, "cold": cold, "warm_cpu": warm_cpu, "cold_cpu": cold_cpu}
    rates = {name: len(articles) / value for name, value in seconds.items()}
    print(json.dumps({**rates, "claims": [claims, cold_claims]}))


def _measure(tree: Path, count: int) -> dict[str, Any]:
    # The engine runs in a fresh process with the tree's own files first on its path; this script's
    # article generator and timing serve both trees.
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--once-in", str(tree), "--articles", str(count)],
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


_RATES = ("warm", "cold", "warm_cpu", "cold_cpu")


def against(revision: str, rounds: int, count: int) -> None:
    """The engine of ``revision`` and this tree's, alternately in fresh processes; the medians of each."""
    with tempfile.TemporaryDirectory(prefix="bench-against-") as folder:
        old = Path(folder) / "tree"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", str(old), revision],
            check=True,
            capture_output=True,
        )
        try:
            results: dict[str, list[dict[str, Any]]] = {revision: [], "this tree": []}
            for number in range(rounds):
                # Which goes first alternates, so that a drift of the machine's load favours neither.
                order = [(revision, old), ("this tree", REPO)]
                for name, tree in order if number % 2 == 0 else order[::-1]:
                    found = _measure(tree, count)
                    results[name].append(found)
                    print(
                        f"round {number + 1} {name}: warm {found['warm']:.0f}, cold {found['cold']:.0f}; "
                        f"per CPU second: warm {found['warm_cpu']:.0f}, cold {found['cold_cpu']:.0f}",
                        file=sys.stderr,
                    )
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(old)], check=True)
    claims = {name: {tuple(r["claims"]) for r in runs} for name, runs in results.items()}
    print(f"articles: {count}, rounds: {rounds} (each a fresh process per engine, alternating)")
    for summary, pick in (("medians", statistics.median), ("best rounds", max)):
        for name, runs in results.items():
            found = {rate: pick(r[rate] for r in runs) for rate in _RATES}
            print(
                f"{name:>12}: warm {found['warm']:.0f}, cold {found['cold']:.0f} articles/s; per CPU second: "
                f"warm {found['warm_cpu']:.0f}, cold {found['cold_cpu']:.0f} ({summary})"
            )
        base, new = results[revision], results["this tree"]
        ratio = {rate: pick(r[rate] for r in new) / pick(r[rate] for r in base) for rate in _RATES}
        ratios = ", ".join(
            f"{rate.replace('_cpu', ' per CPU second')} {value:.3f}" for rate, value in ratio.items()
        )
        print(f"  this tree / {revision} ({summary}): {ratios}")
    print(f"claims found: {claims}")
    if len({frozenset(found) for found in claims.values()}) > 1:
        raise SystemExit("the two engines found different numbers of claims")


if __name__ == "__main__":
    main()
