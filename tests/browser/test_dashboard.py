"""The dashboard in a real browser: log in, filter, watch chart, table and URL follow, go back, export."""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command

from claims.models import Region
from tests.browser.helpers import log_in
from tests.claims.helpers import D, claim, repeated
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def claims_data():
    kursk = Region.objects.get(name="Kursk Oblast")
    for week in range(6):
        day = D(2024, 10, 7) + datetime.timedelta(weeks=week)
        repeated(2, value=1200 + week * 10, date=day, claimant_side="UA", subject_side="RU")
        claim(
            value=300 + week, date=day, claimant_side="RU", subject_side="UA", qualifier="up_to", region=kursk
        )
        claim(
            value=140_000 + week * 9000, period="cumulative", date=day, claimant_side="UA", subject_side="RU"
        )
    claim(value=40, date=D(2024, 11, 12), claimant_side="other", subject_side="KP", region=kursk)
    hostile = ArticleFactory(
        title='<img src=x onerror="window.pwned=1">Hostile title',
        text="<script>window.pwned=1</script> Russia lost 77 men near Sudzha.",
    )
    claim(article=hostile, value=77, date=D(2024, 11, 13))
    return hostile


def _chart_labels(page) -> list[str]:
    page.wait_for_function("() => window.Chart && Chart.getChart('timeline-chart')")
    return page.evaluate("() => Chart.getChart('timeline-chart').data.datasets.map(d => d.label)")


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _count(page) -> int:
    text = page.inner_text("#claim-count")
    return int(re.search(r"(\d[\d,]*) claim", text).group(1).replace(",", ""))


def _swap(page, action) -> None:
    """Do something that makes htmx swap the results and push its URL, and wait until it has."""
    before = page.url
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        action()
    page.wait_for_function("before => location.href !== before", arg=before)
    page.wait_for_load_state("networkidle")


def _history(page, move) -> None:
    """Back or forward: htmx keeps no snapshots, so the page is loaded again from its URL."""
    with page.expect_event("load"):
        move()
    page.wait_for_load_state("networkidle")


def test_filters_swap_chart_and_table_and_the_url_follows(page, live_server, alice, claims_data, shoot):
    log_in(page, live_server, alice)
    assert set(_chart_labels(page)) == {"Russia", "Ukraine", "North Korea"}
    assert _count(page) == 26
    shoot(page, "timeline")

    _swap(page, lambda: page.select_option("#id_subject_side", "UA"))
    # The URL holds the state, without the filters left empty.
    assert _query(page) == {
        "subject_side": ["UA"],
        "group": ["side"],
        "bucket": ["week"],
        "measure": ["claims"],
    }
    assert "q=" not in page.url
    assert _chart_labels(page) == ["Ukraine"]
    assert _count(page) == 6
    sides = page.locator("#claims-table tbody tr td:nth-child(4)").all_inner_texts()
    assert sides and set(sides) == {"Ukraine"}

    _swap(page, lambda: page.select_option("#id_group", "pair"))
    assert _query(page)["group"] == ["pair"]
    assert _chart_labels(page) == ["Russia on Ukraine"]
    shoot(page, "timeline-filtered")

    _history(page, page.go_back)
    assert "subject_side=UA" in page.url and "group=pair" not in page.url
    assert page.input_value("#id_group") == "side"
    assert page.input_value("#id_subject_side") == "UA"
    assert _chart_labels(page) == ["Ukraine"]

    _history(page, page.go_back)
    assert page.input_value("#id_subject_side") == ""
    assert set(_chart_labels(page)) == {"Russia", "Ukraine", "North Korea"}

    _history(page, page.go_forward)
    assert _chart_labels(page) == ["Ukraine"] and _count(page) == 6


def test_figures_and_running_totals_and_a_point_opens_its_claims(
    page, live_server, alice, claims_data, shoot
):
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/?measure=figures&group=pair")
    labels = _chart_labels(page)
    assert "Ukraine on Russia" in labels and "Running total: Ukraine on Russia" in labels
    values = page.evaluate(
        "() => Chart.getChart('timeline-chart').data.datasets.find(d => d.label === 'Ukraine on Russia').data"
    )
    # Two articles print each weekly figure, counted once; the last week also holds the hostile 77.
    assert values[:6] == [1200, 1210, 1220, 1230, 1240, 1250 + 77]
    shoot(page, "timeline-figures")

    # Click the first point of the "Ukraine on Russia" line: the table of that week's claims opens.
    point = page.evaluate(
        """() => {
          const chart = Chart.getChart('timeline-chart');
          const index = chart.data.datasets.findIndex(d => d.label === 'Ukraine on Russia');
          const el = chart.getDatasetMeta(index).data[0];
          const box = chart.canvas.getBoundingClientRect();
          return {x: box.left + el.x, y: box.top + el.y};
        }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(re.compile(r"/claims/\?"))
    query = _query(page)
    assert query["claimant_side"] == ["UA"] and query["subject_side"] == ["RU"]
    assert query["date_from"] == ["2024-10-07"] and query["date_to"] == ["2024-10-13"]
    assert query["period"] == ["window"]
    assert _count(page) == 2
    assert page.locator("#claims-table tbody tr").count() == 1
    assert "2 sources" in page.inner_text("#claims-table")
    shoot(page, "claims-from-point")


def test_the_export_holds_as_many_rows_as_the_table_counts(
    page, live_server, alice, claims_data, shoot, tmp_path
):
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/claims/")
    _swap(page, lambda: page.select_option("#id_claimant_side", "UA"))
    expected = _count(page)
    assert expected == 19
    shoot(page, "claims")

    with page.expect_download() as download:
        page.click("#export-link")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert re.fullmatch(r"claims-\d{4}-\d{2}-\d{2}-claimant_side-UA\.csv", path.name)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == expected
    assert {r["claimant_side"] for r in rows} == {"UA"}

    # The table's sources expand to the articles repeating a figure.
    page.click("#claims-table details summary")
    assert page.locator("#claims-table details[open] li").count() == 2


def test_sorting_and_paging_keep_the_url(page, live_server, alice, claims_data):
    for day in range(1, 61):
        claim(value=day, date=D(2024, 1, 1) + datetime.timedelta(days=day), category="killed")
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/claims/?category=killed")

    _swap(page, lambda: page.click("#claims-table thead th:nth-child(2) a"))
    assert _query(page)["sort"] == ["-value"]
    first = page.locator("#claims-table tbody tr td:nth-child(2)").first.inner_text()
    assert first.strip() == "60"

    _swap(page, lambda: page.click("nav.pager a[rel=next]"))
    assert "after" in _query(page)
    assert page.locator("#claims-table tbody tr td:nth-child(2)").first.inner_text().strip() == "10"
    page.reload()
    assert page.locator("#claims-table tbody tr td:nth-child(2)").first.inner_text().strip() == "10"


def test_the_form_works_as_a_plain_get_without_javascript(chromium, live_server, alice, claims_data, shoot):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    log_in(page, live_server, alice)
    page.select_option("#id_subject_side", "KP")
    page.click("#filters button[type=submit]")
    page.wait_for_load_state()
    assert _query(page)["subject_side"] == ["KP"]
    assert _count(page) == 1
    assert "The chart's numbers as a table" in page.content()
    shoot(page, "timeline-no-javascript")
    context.close()


def test_the_keyboard_reaches_and_changes_the_filters(page, live_server, alice, claims_data):
    log_in(page, live_server, alice)
    page.focus("#id_group")
    for _ in range(2):
        page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == "id_measure"
    _swap(page, lambda: page.keyboard.press("ArrowDown"))
    assert _query(page)["measure"] == ["figures"]


def test_hostile_text_stays_text(page, live_server, alice, claims_data, shoot):
    log_in(page, live_server, alice)
    for url in ("/", "/claims/", "/articles/", f"/articles/{claims_data.pk}/"):
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.pwned === undefined"), url
    assert "<script>window.pwned=1</script>" in page.inner_text(".article-text")
    assert page.locator(".article-text mark").inner_text() == page.inner_text(".article-text mark")
    shoot(page, "article")
    page.goto(f"{live_server.url}/articles/")
    shoot(page, "articles")


def test_region_and_unit_pages(page, live_server, alice, claims_data, shoot):
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/regions/kursk-oblast/")
    assert set(_chart_labels(page)) == {"Ukraine", "North Korea"}
    assert _count(page) == 7
    shoot(page, "region")
    _swap(page, lambda: page.select_option("#id_group", "pair"))
    assert "/regions/kursk-oblast/" in page.url and _query(page)["group"] == ["pair"]

    from claims.models import Unit

    unit = Unit.objects.filter(side="RU").order_by("name").first()
    claim(
        value=485,
        subject_side="UA",
        claimant_side="RU",
        unit=unit,
        region=Region.objects.get(name="Kursk Oblast"),
    )
    page.goto(f"{live_server.url}/units/{unit.slug}/")
    assert _chart_labels(page) == ["Ukraine"]
    shoot(page, "unit")


def test_the_login_page(page, live_server, shoot):
    page.goto(f"{live_server.url}/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    shoot(page, "login")


def test_a_screenshot_of_the_timeline_at_scale(page, live_server, alice, shoot):
    """Synthetic data over a year, for a screenshot that shows what the timeline looks like."""
    call_command("seed_synthetic", claims=6000, days=365, end=D(2025, 6, 30), stdout=io.StringIO())
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/?measure=figures&group=pair&date_from=2024-10-01")
    _chart_labels(page)
    path = shoot(page, "timeline-synthetic", full_page=False)
    if os.environ.get("CLAIMTRACK_SCREENSHOT_DOCS") == "1":
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(path, DOCS / "timeline.png")


def test_the_claim_table_fits_beside_the_filters_at_1440_pixels(page, live_server, carol, claims_data, shoot):
    # A Reviewer's table also holds each figure's review rows; every column must be on screen.
    claim(
        value=1500,
        value_max=2000,
        qualifier="about",
        date=D(2024, 11, 20),
        date_start=D(2024, 11, 14),
        claimant_raw="The press service of the Ministry of Defence of the Russian Federation",
        claimant_side="RU",
        subject_side="UA",
    )
    log_in(page, live_server, carol)
    page.goto(f"{live_server.url}/claims/")
    box = page.evaluate(
        "() => { const w = document.querySelector('.table-wrap'); return [w.scrollWidth, w.clientWidth]; }"
    )
    shoot(page, "claims-table-1440")
    assert box[0] <= box[1], f"the table is {box[0]} px wide in a {box[1]} px box"
    review = page.locator("#claims-table > thead > tr > th").last.bounding_box()
    assert review["x"] + review["width"] <= 1440


def test_a_searchable_filter_takes_several_regions_and_the_url_keeps_them(page, live_server, alice, shoot):
    kursk, sumy = Region.objects.get(name="Kursk Oblast"), Region.objects.get(name="Sumy Oblast")
    claim(value=300, date=D(2024, 10, 7), region=kursk, subject_side="UA", claimant_side="RU")
    claim(value=200, date=D(2024, 10, 8), region=sumy, subject_side="RU", claimant_side="UA")
    claim(value=100, date=D(2024, 10, 9), subject_side="RU", claimant_side="UA")
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/claims/")
    assert _count(page) == 3
    picker = page.locator("#id_region + .ts-wrapper input")
    _swap(
        page,
        lambda: (picker.fill("kur"), page.locator(".ts-dropdown .option", has_text="Kursk Oblast").click()),
    )
    assert _query(page)["region"] == ["kursk-oblast"] and _count(page) == 1
    _swap(
        page,
        lambda: (picker.fill("sum"), page.locator(".ts-dropdown .option", has_text="Sumy Oblast").click()),
    )
    assert _query(page)["region"] == ["kursk-oblast", "sumy-oblast"] and _count(page) == 2
    shoot(page, "filter-several-regions")
    # The shared address opens the same view, both regions chosen in the picker.
    page.goto(page.url)
    chips = page.locator("#id_region + .ts-wrapper .item").all_inner_texts()
    assert [c.replace("×", "").strip() for c in chips] == ["Kursk Oblast", "Sumy Oblast"]
    assert _count(page) == 2


def test_a_running_total_that_falls_is_marked_and_opens_both_claims(page, live_server, alice, shoot):
    kursk = Region.objects.get(name="Kursk Oblast")
    for day, value in ((1, 38_000), (8, 39_000), (15, 31_000), (22, 40_000)):
        claim(value=value, period="cumulative", date=D(2024, 10, day), region=kursk)
    claim(value=1_200, date=D(2024, 10, 2))
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/?measure=figures")
    page.wait_for_function("() => window.Chart && Chart.getChart('timeline-chart')")
    line = page.evaluate(
        "() => Chart.getChart('timeline-chart').data.datasets"
        ".find(d => d.label.endsWith('(Kursk Oblast)')).data"
    )
    assert line == [38_000, 39_000, None, 40_000]
    assert "marked ▲" in page.inner_text("#results")
    shoot(page, "timeline-alarm")
    point = page.evaluate(
        """() => {
          const chart = Chart.getChart('timeline-chart');
          const index = chart.data.datasets.findIndex(d => d.label.startsWith('Running total lower'));
          const el = chart.getDatasetMeta(index).data[2];
          const box = chart.canvas.getBoundingClientRect();
          return {x: box.left + el.x, y: box.top + el.y};
        }"""
    )
    page.mouse.move(point["x"], point["y"])
    # The tooltip's details arrive from claims:point a moment after the pointer.
    page.wait_for_function(
        "() => (Chart.getChart('timeline-chart').tooltip.afterBody || []).some(l => l.includes('source'))"
    )
    tooltip = page.evaluate("() => Chart.getChart('timeline-chart').tooltip.afterBody.join(' | ')")
    assert "31,000 on 2024-10-15, lower than 39,000 on 2024-10-08" in tooltip
    shoot(page, "timeline-alarm-tooltip", full_page=False)
    with page.expect_navigation():
        page.mouse.click(point["x"], point["y"])
    assert "fact=" in page.url
    values = page.locator("#claims-table tbody tr td:nth-child(2)").all_inner_texts()
    assert sorted(v.strip() for v in values) == ["31,000", "39,000"]
