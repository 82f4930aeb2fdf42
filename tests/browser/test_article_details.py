"""An undated article in the browser: the page says so, a Contributor gives the date, its claims move."""

from __future__ import annotations

import pytest

from claims.models import Article
from ingest.parsers import parse_pasted
from ingest.services import article_ingest
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Kyiv counts another day of heavy Russian losses\n\n"
    "Russian forces lost 1,250 soldiers yesterday, Ukraine's General Staff said in its morning update."
)


def test_giving_an_undated_article_its_date_moves_its_claims_onto_the_timeline(page, live_server, bob, shoot):
    article = article_ingest(document=parse_pasted(TEXT), source_name="paste").article
    article.refresh_from_db()
    assert (article.published, article.status) == (None, Article.Status.DONE)
    assert list(article.claims.values_list("value", "date")) == [(1250, None)]

    log_in(page, live_server, bob)
    page.goto(f"{live_server.url}/?measure=figures")
    assert "No dated claims match these filters." in page.inner_text("#results")

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.locator("#undated").inner_text() == "No publication date"
    shoot(page, "article-undated")
    page.fill("#give-date", "2024-11-25")
    with page.expect_navigation():
        page.click("form.give-date button")
    assert "Its claims are being read again for the new date." in page.inner_text("body")
    assert "2024-11-25" in page.inner_text("dl.article-meta")
    assert "2024-11-24" in page.inner_text(".claim-list")  # "yesterday" is now a day
    assert "History of the details (1)" in page.inner_text("body")
    shoot(page, "article-dated")

    page.goto(f"{live_server.url}/?measure=figures&bucket=day")
    page.wait_for_function("() => window.Chart && Chart.getChart('timeline-chart')")
    labels = page.evaluate("() => Chart.getChart('timeline-chart').data.labels")
    assert labels == ["2024-11-24"]
