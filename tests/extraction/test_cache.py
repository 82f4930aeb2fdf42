"""``cache``: a reading is worked out once an article, and kept beyond it only when its text comes back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from extraction.cache import Kept, Reading, Store, article_begins, article_ends, kept_value


def _counting(size: int = 3) -> tuple[Reading, list[str]]:
    calls: list[str] = []

    def reading(text: str) -> int:
        calls.append(text)
        return len(text)

    return Reading(reading, size), calls


@contextmanager
def _article() -> Iterator[None]:
    article = article_begins()
    try:
        yield
    finally:
        article_ends(article)


def test_a_reading_is_worked_out_once_within_an_article() -> None:
    reading, calls = _counting()
    with _article():
        assert [reading["tanks"], reading["tanks"], reading["drones"]] == [5, 5, 6]
    assert calls == ["tanks", "drones"]


def test_a_text_met_in_one_article_only_is_let_go_at_its_end() -> None:
    reading, calls = _counting()
    with _article():
        reading["once"]
    assert len(reading) == 0
    with _article():
        reading["other"]
        reading["other"]  # held by the article until it ends, not by the reading
        assert len(reading) == 0
    assert len(reading) == 0
    assert calls == ["once", "other"]


def test_an_article_view_reads_as_the_reading_does() -> None:
    reading, calls = _counting()
    for _ in range(3):
        article = article_begins()
        view = article.view(reading)
        assert article.view(reading) is view
        assert [view["tanks"], view["tanks"], reading["tanks"]] == [5, 5, 5]
        article_ends(article)
    # Worked out once in each of the first two articles, then kept for good.
    assert calls == ["tanks", "tanks"]
    assert len(reading) == 1


def test_a_text_met_again_in_a_later_article_is_kept_for_good() -> None:
    reading, calls = _counting()
    with _article():
        reading["boilerplate"]
    with _article():
        assert reading["boilerplate"] == 11  # worked out again, and kept from now on
    for _ in range(3):
        with _article():
            assert reading["boilerplate"] == 11
    assert calls == ["boilerplate", "boilerplate"]


def test_what_is_kept_for_good_never_exceeds_its_size_and_the_oldest_goes_first() -> None:
    reading, calls = _counting(size=3)
    texts = ["a", "bb", "ccc", "dddd", "eeeee"]
    for _ in range(2):
        with _article():
            for text in texts:
                reading[text]  # the second time, each one is kept, the oldest making room
    assert len(reading) == 3
    calls.clear()
    with _article():
        assert [reading[text] for text in ("ccc", "dddd", "eeeee", "a")] == [3, 4, 5, 1]
    assert calls == ["a"]


def test_clear_forgets_everything_and_the_results_stay_the_same() -> None:
    reading, calls = _counting()
    for _ in range(2):
        with _article():
            reading["x"]
    assert len(reading) == 1
    reading.clear()
    assert len(reading) == 0
    with _article():
        assert reading["x"] == 1
    assert len(reading) == 0  # the text's earlier article was forgotten too
    assert calls == ["x", "x", "x"]


def test_a_function_of_several_arguments_is_looked_up_by_all_of_them() -> None:
    calls: list[tuple[str, int]] = []

    def window(text: str, width: int) -> str:
        calls.append((text, width))
        return text[:width]

    reading = Reading(window, 3, spread=True)
    with _article():
        assert [reading["drones", 3], reading["drones", 3], reading["drones", 4]] == ["dro", "dro", "dron"]
    assert calls == [("drones", 3), ("drones", 4)]


def test_outside_an_article_nothing_is_kept() -> None:
    reading, calls = _counting()
    assert [reading["x"], reading["x"]] == [1, 1]
    assert len(reading) == 0 and calls == ["x", "x"]


def test_a_word_level_store_keeps_every_value_up_to_its_size() -> None:
    store = Store(2)
    upper: Callable[[str], str] = str.upper
    assert [kept_value(store, word, upper) for word in ("a", "b", "a", "c")] == ["A", "B", "A", "C"]
    assert list(store) == ["b", "c"]


def test_kept_clears_every_store_it_holds() -> None:
    kept = Kept(size=4)
    reading = kept.reading(len)
    for _ in range(2):
        with _article():
            reading["x"]
    kept.tokens.keep("tok", "tok")
    assert all(len(store) for store in (reading, kept.tokens))
    kept.clear()
    assert not any(len(store) for store in kept.stores())
