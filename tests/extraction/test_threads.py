"""Two extractions in one process at once (the embedded mode runs them in the web process's threads)
disturb each other in nothing: each gives exactly what it gives alone."""

from __future__ import annotations

import json
import sys
import threading
from datetime import date

import pytest

from extraction import extract, load_seed_registries
from tests.extraction._paths import CORPUS


def _articles() -> list[tuple[str, date]]:
    with (CORPUS / "gold.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [(r["text"], date.fromisoformat(r["published"])) for r in records]


def _claims(registries: object, text: str, published: date) -> list[dict[str, object]]:
    return [c.to_dict() for c in extract(text, published=published, registries=registries).claims]  # type: ignore[arg-type]


@pytest.fixture
def quick_switches():  # type: ignore[no-untyped-def]
    # Threads take turns every few microseconds, so that the two extractions interleave throughout.
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_two_threads_reading_different_articles_each_get_what_they_get_alone(quick_switches) -> None:  # type: ignore[no-untyped-def]
    articles = _articles()
    evens, odds = articles[0::2], articles[1::2]
    alone = {text: _claims(load_seed_registries(), text, published) for text, published in articles}
    # One set of registries, and so one store of what is kept, shared by both threads (as in the web
    # process); each thread reads its articles twice, the second time from what the first kept.
    registries = load_seed_registries()
    start = threading.Barrier(2)
    results: dict[str, list[list[dict[str, object]]]] = {}
    errors: list[BaseException] = []

    def work(batch: list[tuple[str, date]]) -> None:
        try:
            start.wait()
            for _ in range(2):
                for text, published in batch:
                    results.setdefault(text, []).append(_claims(registries, text, published))
        except BaseException as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(batch,)) for batch in (evens, odds)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    for text, _published in articles:
        assert results[text] == [alone[text], alone[text]]
