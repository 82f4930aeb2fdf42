"""Extraction time of very long texts: seconds per megabyte at 1, 5 and 10 MB, which must stay flat.

    python bench/large_text.py [--sizes 1 5 10]

Three shapes of text, built from the speed bench's generated articles (fixed seed): the articles one
after another (many sentences), the same on one line, and one line with every full stop gone (one
"sentence" as long as the text, which the sentence reader cuts into bounded stretches). Linear time
means the seconds per MB stay about the same from 1 to 10 MB.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository's modules from here on

from bench.extract_speed import make_articles  # noqa: E402
from extraction import clear_caches, extract, load_seed_registries  # noqa: E402

SHAPES = {
    "articles": lambda text: text,
    "one line": lambda text: text.replace("\n", " "),
    "no full stops": lambda text: text.replace("\n", " ").replace(". ", " ; "),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10], help="megabytes")
    args = parser.parse_args()
    registries = load_seed_registries()
    needed = int(max(args.sizes) * 1024 * 1024)
    body, count = "", 600
    while len(body) < needed:
        count *= 2
        body = "\n\n".join(text for text, _ in make_articles(count))
    print(f"{'text':<16} {'MB':>5} {'seconds':>9} {'s/MB':>7} {'claims':>8}")
    for shape, make in SHAPES.items():
        rates = []
        for size in args.sizes:
            text = make(body[: int(size * 1024 * 1024)])
            clear_caches(registries)
            started = time.perf_counter()
            claims = len(extract(text, published=date(2025, 1, 1), registries=registries).claims)
            seconds = time.perf_counter() - started
            rates.append(seconds / size)
            print(f"{shape:<16} {size:5g} {seconds:9.2f} {seconds / size:7.2f} {claims:8,d}")
        growth = rates[-1] / rates[0]
        print(f"{shape:<16} s/MB at {args.sizes[-1]:g} MB / at {args.sizes[0]:g} MB: {growth:.2f}")


if __name__ == "__main__":
    main()
