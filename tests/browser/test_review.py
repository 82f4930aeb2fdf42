"""Review in a real browser: edit a claim inline in the table, see table and timeline follow, see its
history; confirm and reject from the queue with the keyboard; the article page and the quality page."""

from __future__ import annotations

import re

import pytest

from claims.models import Article, Claim
from review.models import ClaimChange
from review.services import claim_add
from tests.browser.helpers import log_in, wait_for_edit_form
from tests.claims.helpers import D, claim
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIGURES = "/?group=side&bucket=week&measure=figures"


def _russia_total(page) -> int:
    """The sum of the chart's "Russia" line: the claimed figures of Russian losses."""
    page.wait_for_function("() => window.Chart && Chart.getChart('timeline-chart')")
    return page.evaluate(
        """() => Chart.getChart('timeline-chart').data.datasets
            .filter(d => d.label === 'Russia')
            .reduce((sum, d) => sum + d.data.reduce((s, v) => s + (v || 0), 0), 0)"""
    )


def test_a_reviewer_edits_a_claim_inline_and_sees_table_timeline_and_history_follow(
    page, live_server, carol, shoot
):
    edited = claim(value=1200, date=D(2024, 11, 4), claimant_side="UA", subject_side="RU")
    claim(value=300, date=D(2024, 11, 5), claimant_side="UA", subject_side="RU")
    log_in(page, live_server, carol)
    page.goto(f"{live_server.url}{FIGURES}")
    assert _russia_total(page) == 1500

    page.goto(f"{live_server.url}/claims/")
    figure = page.locator(f"#claims-table tr.review-sources:has(#review-claim-{edited.pk})")
    figure.locator(":scope > td > details > summary").click()
    row = page.locator(f"#review-claim-{edited.pk}")
    row.locator("[data-action=edit]").click()
    wait_for_edit_form(page, edited.pk)
    page.fill(f"#review-claim-{edited.pk} input[name=value]", "1250")
    page.fill(f"#review-claim-{edited.pk} input[name=reason]", "the article says 1,250")
    page.keyboard.press("Enter")
    done = page.locator(f'#review-claim-{edited.pk}[data-review-status="confirmed"]')
    done.wait_for()
    done.locator(".review-history summary").click()
    history = done.locator(".review-history").inner_text()
    assert "Edited by carol" in history and "the article says 1,250" in history
    assert re.search(r"Figure\s*1,200\s*→\s*1,250", history)
    shoot(page, "review-table-edited")
    # Without a reload, the figure's row above takes the new state and says its figure changed.
    badge = page.locator(f'#claims-table [data-status-of="{edited.pk}"]')
    assert badge.inner_text() == "Confirmed"
    assert "reload to see the figure as corrected" in badge.locator("xpath=..").inner_text()

    # The table, drawn again, shows the corrected figure, confirmed.
    page.reload()
    first = page.locator("#claims-table tbody tr[data-fact]").filter(has_text="1,250")
    assert "Confirmed" in first.inner_text()
    assert page.locator("#claims-table tbody tr[data-fact]").filter(has_text="1,200").count() == 0

    # The timeline counts the corrected figure; "reviewed only" keeps just the confirmed claim.
    page.goto(f"{live_server.url}{FIGURES}")
    assert _russia_total(page) == 1550
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.check("#id_reviewed")
    page.wait_for_function("() => location.search.includes('reviewed=on')")
    page.wait_for_load_state("networkidle")
    assert _russia_total(page) == 1250
    shoot(page, "review-timeline-reviewed-only")
    # The URL holds the filter, and it survives a reload with the box still ticked.
    page.reload()
    assert page.is_checked("#id_reviewed") and _russia_total(page) == 1250


def test_a_reviewer_confirms_and_rejects_from_the_queue_with_the_keyboard(page, live_server, carol, shoot):
    first = claim(value=100, date=D(2024, 11, 4))
    second = claim(value=200, date=D(2024, 11, 5))
    third = claim(value=300, date=D(2024, 11, 6))
    log_in(page, live_server, carol)
    page.goto(f"{live_server.url}/review/")
    shoot(page, "review-queue")

    page.keyboard.press("j")
    page.locator(f"#review-claim-{first.pk}.is-current").wait_for()
    page.keyboard.press("c")
    page.locator(f'#review-claim-{first.pk}[data-review-status="confirmed"]').wait_for()
    page.locator(f"#review-claim-{second.pk}.is-current").wait_for()
    page.keyboard.press("r")
    page.keyboard.type("Counts an aid delivery")
    page.keyboard.press("Enter")
    page.locator(f'#review-claim-{second.pk}[data-review-status="rejected"]').wait_for()
    page.locator(f"#review-claim-{third.pk}.is-current").wait_for()
    shoot(page, "review-queue-worked")

    statuses = dict(Claim.objects.values_list("pk", "review_status"))
    assert statuses == {first.pk: "confirmed", second.pk: "rejected", third.pk: "unreviewed"}
    assert ClaimChange.objects.get(claim=second).reason == "Counts an aid delivery"


TEXT = (
    "Ukraine's General Staff said on Monday that Russia lost 1,610 soldiers over the past day.\n"
    "It added that 12 tanks and 30 artillery systems were destroyed near Pokrovsk.\n"
    "Moscow did not comment."
)


def test_the_article_page_shows_review_rows_and_adds_a_claim_from_a_selection(
    page, live_server, carol, shoot
):
    article = ArticleFactory(text=TEXT, title="General Staff daily losses")
    sentence = "Russia lost 1,610 soldiers over the past day."
    start = TEXT.index("Ukraine's")
    claim(article=article, value=1610, evidence=TEXT.split("\n")[0], start=start, end=TEXT.index("\n"))
    log_in(page, live_server, carol)
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    page.locator("[data-claim-row]").first.wait_for()
    page.evaluate(
        """(sentence) => {
            const root = document.querySelector("[data-article-text]");
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(sentence);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + sentence.length);
                    getSelection().removeAllRanges();
                    getSelection().addRange(range);
                    document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
                    return;
                }
            }
        }""",
        "12 tanks",
    )
    link = page.locator("a.review-selection-add")
    link.wait_for()
    at = TEXT.index("12 tanks")
    assert link.get_attribute("href").endswith(f"/add/?start={at}&end={at + len('12 tanks')}")
    shoot(page, "review-article")
    assert sentence in page.inner_text("[data-article-text]")


def test_the_quality_page_scores_the_engine_on_the_reviewers_claims(page, live_server, carol, shoot):
    article = ArticleFactory(text=TEXT, title="General Staff daily losses", status=Article.Status.DONE)
    first = TEXT.split("\n")[0]
    claim_add(
        article=article,
        user=carol,
        data={"category": "casualties", "value": 1610, "subject_side": "RU", "claimant_side": "UA"},
        start=0,
        end=len(first),
    )
    log_in(page, live_server, carol)
    page.goto(f"{live_server.url}/review/quality/")
    page.get_by_text("Extraction quality on reviewed articles").wait_for()
    shoot(page, "review-quality")
    assert "article scored" in page.inner_text("main") or "Cannot score" in page.inner_text("main")
