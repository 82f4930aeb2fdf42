"""Where an article's publication date is read, in the order real copy is trusted; and its headline."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.parsers import headline, publication_date, title_from_file_name
from ingest.parsers.dates import FoundDate

TODAY = date(2026, 12, 6)
BODY = "\n\nRussian forces lost about 1,200 soldiers over the past day, the General Staff said."


def found(text: str, url: str = "", metadata: date | None = None) -> FoundDate | None:
    return publication_date(text, today=TODAY, url=url, metadata=metadata)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("KYIV, Nov. 24, 2024 (Wire) — Ukraine's army said on Sunday" + BODY, date(2024, 11, 24)),
        ("KYIV, Ukraine, Nov. 24, 2024 — The army said" + BODY, date(2024, 11, 24)),
        (
            "MOSCOW (Newswire / Agency - 25th February, 2022) More than 150 soldiers gave up.",
            date(2022, 2, 25),
        ),
        ("Seoul, 19 December 2024 -- Lawmakers were briefed" + BODY, date(2024, 12, 19)),
        # A headline and a blank line may stand before the dateline.
        ("Drones downed over three regions\n\nMOSCOW, Sept. 1, 2024. Air defences" + BODY, date(2024, 9, 1)),
    ],
)
def test_a_dateline_with_its_year_gives_the_date(text, day):
    assert found(text) == FoundDate(day, "dateline")


def test_a_dateline_without_a_year_takes_the_year_of_the_latest_date_the_story_cites():
    text = "KYIV, Dec 17 (Wire) - Kyiv says Moscow has lost 765,000 troops since Feb. 24, 2022." + (
        "\n\nThe count stood at 764,000 on December 15, 2024."
    )
    assert found(text) == FoundDate(date(2024, 12, 17), "dateline")


def test_a_dateline_early_in_january_follows_a_story_citing_late_december():
    text = "LONDON, Jan 2 (Wire) - The ministry's update of December 30, 2024 put losses at 790,000."
    assert found(text) == FoundDate(date(2025, 1, 2), "dateline")


def test_a_yearless_dateline_takes_its_year_from_the_address():
    text = "MOSCOW, March 3. /Agency/. Russian air defences downed 38 drones overnight."
    assert found(text, url="https://agency.example/world/2024/03/03/drones") == FoundDate(
        date(2024, 3, 3), "dateline"
    )


def test_a_yearless_dateline_with_nothing_to_fix_its_year_leaves_the_article_undated():
    assert found("MOSCOW, March 3. /Agency/. Russian air defences downed 38 drones overnight.") is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Russia loses 1,100 troops\nPublished: 24 November 2024 10:12" + BODY, date(2024, 11, 24)),
        (
            "Russia loses 1,100 troops\nUpdated 12:04 GMT, Nov. 25, 2024\nPublished Nov. 24, 2024" + BODY,
            date(2024, 11, 24),
        ),
        ("Russia loses 1,100 troops\nUpdated 12:04 GMT, Nov. 25, 2024" + BODY, date(2024, 11, 25)),
        ("Russia loses 1,100 troops\nDate: 2024-06-09" + BODY, date(2024, 6, 9)),
        ("Russia loses 1,100 troops\nPosted on 09.06.2024" + BODY, date(2024, 6, 9)),
    ],
)
def test_a_published_or_updated_line_gives_the_date_published_first(text, day):
    assert found(text) == FoundDate(day, "byline")


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/world/2024/11/24/russia-losses/",
        "https://news.example/2024-11-24-russia-losses",
        "https://news.example/ukraine/20241124/russia-losses.html",
        "https://news.example/2024/11/24",
    ],
)
def test_a_date_in_the_address_gives_the_date(url):
    assert found("Russia lost 1,100 soldiers over the past day.", url=url) == FoundDate(
        date(2024, 11, 24), "url"
    )


def test_the_files_own_metadata_wins_over_everything_in_the_text():
    text = "KYIV, Nov. 24, 2024 (Wire) — Ukraine's army said" + BODY
    assert found(text, metadata=date(2024, 11, 25)) == FoundDate(date(2024, 11, 25), "file")


def test_the_last_resort_is_the_latest_full_date_in_the_text_and_says_so():
    text = (
        "Moscow has lost 700,000 troops since February 24, 2022, and 1,300 on November 23, 2024, Kyiv said."
    )
    assert found(text) == FoundDate(date(2024, 11, 23), "text")


def test_no_date_anywhere_means_undated_not_the_upload_day():
    assert found("Russia lost 9 tanks on Monday, Kyiv said.") is None


def test_dates_in_the_future_are_never_a_publication_date():
    assert found("KYIV, Nov. 24, 2027 (Wire) - Plans" + BODY, metadata=date(2027, 1, 1)) is None
    assert found("Talks are planned for March 3, 2029.") is None


def test_a_place_and_date_deep_in_the_story_is_not_a_dateline():
    text = (
        "Lead paragraph about losses.\n" + "More text.\n" * 10 + "LONDON, Nov. 2, 2024 - The ministry said."
    )
    assert found(text) == FoundDate(date(2024, 11, 2), "text")


# --- titles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "News Feed\nShare\nRussia says it downed 40 drones over Belgorod\nBy Anna Petrova\n\nIt said.",
            "Russia says it downed 40 drones over Belgorod",
        ),
        (
            "Home | World | Europe\nKyiv counts 1,200 Russian losses in a day\n\nThe army said.",
            "Kyiv counts 1,200 Russian losses in a day",
        ),
        (
            "By Anna Petrova and Ivan Sirko\nUkraine downs 12 drones\n\nThe air force said.",
            "Ukraine downs 12 drones",
        ),
        (
            "Published: 24 November 2024\nUkraine downs 12 drones\n\nThe air force said.",
            "Ukraine downs 12 drones",
        ),
        ("The air force said on Monday that it had shot down 12 drones over the south.\n\nMore text.", ""),
        ("Ukraine downs 12 drones", ""),
    ],
)
def test_the_title_is_the_first_line_that_reads_as_a_headline(text, title):
    assert headline(text) == title


def test_a_file_name_is_the_last_resort_for_a_title():
    assert title_from_file_name("kursk_losses-2024-11-24.txt") == "kursk losses 2024 11 24"
    assert title_from_file_name("report.final.pdf") == "report.final"
