"""Review pages in Debian's Chromium: keyboard review in the queue, inline edit, offsets of a selection."""

from __future__ import annotations

import pytest

from claims.models import Claim
from tests.browser.helpers import wait_for_edit_form
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Intro 🙂 line.\r\nRussia lost 5 tanks near Testograd, Kyiv said.\r\nEnd of story."
SENTENCE = "Russia lost 5 tanks near Testograd, Kyiv said."


@pytest.fixture
def page(chromium, live_server, client, carol):
    """A page of the shared browser (tests/browser/conftest.py) at the live server, as carol the Reviewer."""
    client.force_login(carol)
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1440, "height": 1000})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(5000)
    yield page
    context.close()


def _status(claim: Claim) -> str:
    claim.refresh_from_db()
    return claim.review_status


def test_a_reviewer_works_through_the_queue_from_the_keyboard(page):
    first, second = ClaimFactory(value=100), ClaimFactory(value=200)
    page.goto("/review/")
    row = page.locator(f"#review-claim-{first.pk}")
    page.keyboard.press("j")
    assert "is-current" in row.get_attribute("class")

    page.keyboard.press("c")
    page.locator(f'#review-claim-{first.pk}[data-review-status="confirmed"]').wait_for()
    # Confirming moves on to the next claim.
    page.locator(f"#review-claim-{second.pk}.is-current").wait_for()

    page.keyboard.press("r")
    page.keyboard.type("Counts an aid delivery")
    page.keyboard.press("Enter")
    page.locator(f'#review-claim-{second.pk}[data-review-status="rejected"]').wait_for()
    assert _status(first) == "confirmed" and _status(second) == "rejected"
    second.refresh_from_db()
    assert second.changes.get().reason == "Counts an aid delivery"

    page.keyboard.press("k")
    page.locator(f"#review-claim-{first.pk}.is-current").wait_for()
    page.keyboard.press("e")
    wait_for_edit_form(page, first.pk)
    page.fill(f"#review-claim-{first.pk} input[name=value]", "150")
    page.keyboard.press("Enter")
    edited = page.locator(f'#review-claim-{first.pk}[data-review-status="confirmed"]')
    edited.wait_for()
    assert "History (2)" in edited.inner_text()
    first.refresh_from_db()
    assert first.value == 150 and first.changes.first().action == "edited"
    # Nothing else changed: the date survived its round trip through <input type="date">.
    assert first.changes.first().after == {"value": 150}


def test_an_invalid_edit_shows_its_message_in_place(page):
    claim = ClaimFactory(value=100)
    page.goto("/review/")
    page.click(f"#review-claim-{claim.pk} [data-action=edit]")
    wait_for_edit_form(page, claim.pk)
    page.fill(f"#review-claim-{claim.pk} input[name=value_max]", "50")
    page.keyboard.press("Enter")
    page.get_by_text("The upper bound cannot be below the figure.").wait_for()
    page.keyboard.press("Escape")
    page.locator(f'#review-claim-{claim.pk}[data-review-status="unreviewed"]').wait_for()


SELECT_SENTENCE = """(sentence) => {
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
            return true;
        }
    }
    return false;
}"""


def test_a_text_selection_becomes_offsets_into_the_raw_text(page):
    article = ArticleFactory(text=TEXT)
    start = TEXT.index(SENTENCE)
    end = start + len(SENTENCE)

    page.goto(f"/review/articles/{article.pk}/")
    assert page.evaluate(SELECT_SENTENCE, SENTENCE)
    link = page.locator("a.review-selection-add")
    link.wait_for()
    assert link.get_attribute("href").endswith(f"/add/?start={start}&end={end}")

    link.click()
    page.wait_for_url(f"**/add/?start={start}&end={end}")
    assert page.input_value("input[name=start]") == str(start)
    assert page.input_value("input[name=end]") == str(end)
    assert page.inner_text("[data-evidence-preview]") == SENTENCE

    # On the add page a new selection fills the form directly.
    assert page.evaluate(SELECT_SENTENCE, "End of story.")
    assert page.input_value("input[name=start]") == str(TEXT.index("End of story."))
    page.select_option("select[name=category]", "equipment")
    page.select_option("select[name=equipment]", "tank")
    page.fill("input[name=value]", "5")
    page.select_option("select[name=subject_side]", "RU")
    page.fill("input[name=start]", str(start))
    page.fill("input[name=end]", str(end))
    page.click("button:has-text('Add the claim')")
    page.locator("[data-claim-row]").first.wait_for()
    added = Claim.objects.get(origin="reviewer")
    assert added.evidence == SENTENCE == TEXT[added.start : added.end]
