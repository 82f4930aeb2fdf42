"""In a real browser: the comparison view (chart, table, options through htmx, a cell's claims, the phone
width), a claim that differs from its reference series followed from the series page to its correction in
the review queue, and an alarm settled from the alarms page."""

from __future__ import annotations

import pytest

from claims.alarms import alarms_refresh, touched
from claims.models import Claim, Claimant
from claims.references import SeriesMeta, checks_refresh, reference_import
from tests.browser.helpers import log_in, wait_for_edit_form
from tests.claims.helpers import D, claim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _chart_labels(page) -> list[str]:
    page.wait_for_function("() => window.Chart && Chart.getChart('timeline-chart')")
    return page.evaluate("() => Chart.getChart('timeline-chart').data.datasets.map(d => d.label)")


def test_the_comparison_sets_the_sides_side_by_side_and_opens_a_cells_claims(page, live_server, alice, shoot):
    claim(value=1_200, date=D(2024, 11, 19), claimant_side="UA", subject_side="RU")
    claim(value=1_000, date=D(2024, 11, 27), claimant_side="UA", subject_side="RU")
    claim(value=400, date=D(2024, 11, 20), claimant_side="RU", subject_side="UA")
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/compare/?bucket=week")
    labels = _chart_labels(page)
    assert "Ukraine on Russia's losses" in labels and "Russia on Ukraine's losses" in labels
    assert page.locator("[data-ratio]").inner_text() == "5.50"
    shoot(page, "compare-week")

    # The bucket changes through htmx: the table follows and the address keeps the choice.
    page.select_option("#id_bucket", "day")
    page.locator('tr[data-bucket="2024-11-27"]').wait_for()
    assert "bucket=day" in page.url
    assert page.locator("tbody tr[data-bucket]").count() == 9  # 19 to 27 November, gaps included

    # A cell opens the claims behind it.
    page.locator('tr[data-bucket="2024-11-19"] a', has_text="1,200").click()
    page.wait_for_url("**/claims/?**")
    assert page.locator("#claims-table").inner_text().count("1,200") >= 1
    assert "1,000" not in page.locator("#claims-table").inner_text()

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/compare/?bucket=week")
    _chart_labels(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "compare-phone")


def test_a_differing_claim_goes_from_the_series_page_to_its_correction_in_the_queue(
    page, live_server, carol, shoot
):
    meta = SeriesMeta(source="a test", claimant="Security Service of Ukraine", subject_side="RU")
    tally = "2024-05-01,7000\n2024-05-02,7012\n"
    [series] = reference_import(
        tally, "csv", meta, name="Staff tanks", category="equipment", equipment="tank"
    )
    service = Claimant.objects.get(name="Security Service of Ukraine")
    tanks = {"category": "equipment", "equipment": "tank", "period": "cumulative", "subject_side": "RU"}
    misread = claim(value=7_021, date=D(2024, 5, 2), claimant=service, claimant_side="UA", **tanks)
    checks_refresh([misread])
    log_in(page, live_server, carol)
    page.goto(f"{live_server.url}/reference/{series.slug}/")
    assert page.locator("tr[data-check]").first.get_attribute("data-check") == "differs"
    shoot(page, "reference-differs")

    page.goto(f"{live_server.url}/review/?order=differs_first")
    row = page.locator(f"#review-claim-{misread.pk}")
    assert "differs from Staff tanks: 7,012 that day" in row.inner_text()
    row.locator("[data-action=edit]").click()
    wait_for_edit_form(page, misread.pk)
    page.fill(f"#review-claim-{misread.pk} input[name=value]", "7012")
    page.fill(f"#review-claim-{misread.pk} input[name=reason]", "digits swapped")
    page.keyboard.press("Enter")
    done = page.locator(f'#review-claim-{misread.pk}[data-review-status="confirmed"]')
    done.wait_for()
    assert "agrees with Staff tanks" in done.inner_text()
    shoot(page, "reference-corrected")
    assert Claim.objects.get(pk=misread.pk).reference_check.status == "agrees"


def test_an_alarm_is_counted_in_the_navigation_and_settled_from_its_page(page, live_server, carol, shoot):
    staff = Claimant.objects.get(name="General Staff of the Armed Forces of Ukraine")
    killed = {
        "category": "killed",
        "period": "cumulative",
        "claimant": staff,
        "claimant_side": "UA",
        "subject_side": "RU",
    }
    figures = [
        claim(value=v, date=day, **killed) for v, day in ((470_000, D(2024, 5, 1)), (407_000, D(2024, 5, 2)))
    ]
    alarms_refresh(touched(figures))
    log_in(page, live_server, carol)
    assert page.locator("[data-alarm-count]").inner_text().strip() == "Alarms 1"
    page.click("[data-alarm-count]")
    row = page.locator('tr[data-alarm="falls"]')
    assert "470,000" in row.inner_text() and "407,000" in row.inner_text()
    shoot(page, "alarms")
    row.locator("input[name=explanation]").fill("The staff corrected its count that day.")
    row.locator("button", has_text="Mark explained").click()
    page.locator(".messages", has_text="marked explained").wait_for()
    assert page.locator("[data-alarm-count]").get_attribute("data-alarm-count") == "0"
    assert page.locator('tr[data-alarm="falls"]').count() == 0
