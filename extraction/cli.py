"""``python -m extraction FILE... [--published YYYY-MM-DD]`` or ``--jsonl IN.jsonl``: JSON lines out."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .names.registries import load_seed_registries
from .records import extract_record, extract_records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction", description="Extract claims from articles.")
    parser.add_argument("files", nargs="*", help="plain-text articles; each gives one output line")
    parser.add_argument("--published", type=date.fromisoformat, help="publication date of the FILEs")
    parser.add_argument("--jsonl", help="JSON lines with id, text, published (and title)")
    parser.add_argument("--seed-dir", help="folder of the registry seed files (default: claims/seed_data)")
    args = parser.parse_args(argv)
    if not args.files and not args.jsonl:
        parser.error("give FILEs or --jsonl")
    registries = load_seed_registries(args.seed_dir)
    out = sys.stdout
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as handle:
            for result in extract_records(handle, registries):
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
    for name in args.files:
        path = Path(name)
        record = {
            "id": path.stem,
            "text": path.read_text(encoding="utf-8", errors="replace"),
            "published": args.published.isoformat() if args.published else None,
        }
        out.write(json.dumps(extract_record(record, registries), ensure_ascii=False) + "\n")
    return 0
