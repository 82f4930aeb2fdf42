"""``Memo``: a reading is kept for the rest of its article, and beyond it only when its text comes back."""

from __future__ import annotations

from extraction.memo import Memo


def _counting() -> tuple[Memo[int], list[str]]:
    calls: list[str] = []

    def reading(text: str) -> int:
        calls.append(text)
        return len(text)

    return Memo(reading, maxsize=3), calls


def test_a_reading_is_worked_out_once_within_an_article() -> None:
    memo, calls = _counting()
    assert [memo["tanks"], memo["tanks"], memo["drones"]] == [5, 5, 6]
    assert calls == ["tanks", "drones"]


def test_a_text_met_in_one_article_only_is_let_go_at_the_next() -> None:
    memo, calls = _counting()
    memo["once"]
    memo.next_article()
    assert memo.cache_info().currsize == 0
    memo["other"]
    assert memo.cache_info().currsize == 1
    assert calls == ["once", "other"]


def test_a_text_met_again_in_a_later_article_is_kept_for_good() -> None:
    memo, calls = _counting()
    memo["boilerplate"]
    memo.next_article()
    assert memo["boilerplate"] == 11  # worked out again, and kept from now on
    for _ in range(3):
        memo.next_article()
        assert memo["boilerplate"] == 11
    assert calls == ["boilerplate", "boilerplate"]


def test_what_is_kept_for_good_never_exceeds_maxsize_and_the_oldest_goes_first() -> None:
    memo, calls = _counting()
    texts = ["a", "bb", "ccc", "dddd", "eeeee"]
    for text in texts:
        memo[text]
    memo.next_article()
    for text in texts:
        memo[text]  # each one met a second time: kept, the oldest making room
    memo.next_article()
    assert memo.cache_info().currsize == 3
    calls.clear()
    assert [memo[text] for text in ("ccc", "dddd", "eeeee", "a")] == [3, 4, 5, 1]
    assert calls == ["a"]


def test_cache_clear_forgets_everything_and_the_results_stay_the_same() -> None:
    memo, calls = _counting()
    memo["x"]
    memo.next_article()
    memo["x"]
    memo.cache_clear()
    assert memo.cache_info().currsize == 0
    memo.next_article()
    assert memo["x"] == 1
    memo.next_article()
    assert memo.cache_info().currsize == 0  # the text's earlier article was forgotten too
    assert calls == ["x", "x", "x"]


def test_a_function_of_several_arguments_is_looked_up_by_all_of_them() -> None:
    calls: list[tuple[str, int]] = []

    def window(text: str, width: int) -> str:
        calls.append((text, width))
        return text[:width]

    memo = Memo(window, maxsize=3, spread=True)
    assert [memo["drones", 3], memo["drones", 3], memo["drones", 4]] == ["dro", "dro", "dron"]
    assert calls == [("drones", 3), ("drones", 4)]
