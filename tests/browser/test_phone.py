"""Every page at phone width (390 px): no horizontal scrolling, the navigation reachable, filters folded."""

from __future__ import annotations

import pytest

from claims.models import Region, Unit
from tests.browser.helpers import log_in
from tests.claims.helpers import D, claim
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(chromium, live_server):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _overflow(page) -> list[str]:
    """The elements that reach past the right edge of the page (what makes it scroll sideways)."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            const box = el.getBoundingClientRect();
            const inside = el.closest('.table-wrap') || getComputedStyle(el).position === 'fixed';
            if (box.right > width + 1 && !inside) {
              out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + el.className);
            }
          }
          return out.slice(0, 8);
        }"""
    )


def test_no_page_scrolls_sideways_at_phone_width_and_the_navigation_is_reachable(
    phone, live_server, carol, shoot
):
    kursk = Region.objects.get(name="Kursk Oblast")
    unit = Unit.objects.order_by("name").first()
    article = ArticleFactory(
        title="A long headline about the fighting in the Kursk region and what each side claims it lost",
        url="https://news.example/world/2024/11/24/a-very-long-address-that-would-push-the-page-wider-than-a-phone",
        text="Russia lost 1,610 soldiers on November 24, 2024, the General Staff said. " * 20,
    )
    for day in range(1, 20):
        claim(value=1000 + day, date=D(2024, 11, day), region=kursk, unit=unit, article=article)
    log_in(phone, live_server, carol)
    pages = [
        "/",
        "/?measure=figures&group=pair",
        "/claims/",
        "/articles/",
        f"/articles/{article.pk}/",
        f"/articles/{article.pk}/details/",
        f"/regions/{kursk.slug}/",
        f"/units/{unit.slug}/",
        "/upload/",
        "/review/",
        f"/review/articles/{article.pk}/",
        "/review/quality/",
        "/no/such/page/",
    ]
    for path in pages:
        phone.goto(live_server.url + path)
        phone.wait_for_load_state("networkidle")
        scroll, width = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= width, f"{path} scrolls sideways ({scroll} > {width}): {_overflow(phone)}"
        nav = phone.locator(".site-header nav a")
        assert all(
            box and box["x"] + box["width"] <= width for box in (a.bounding_box() for a in nav.all())
        ), path
    phone.goto(live_server.url + "/")
    shoot(phone, "phone-timeline")


def test_at_phone_width_the_filters_fold_behind_a_button_before_the_chart(phone, live_server, alice, shoot):
    claim(value=1000, date=D(2024, 11, 1))
    log_in(phone, live_server, alice)
    toggle = phone.locator("details.filter-panel > summary")
    assert toggle.is_visible()
    assert not phone.locator("#id_subject_side").is_visible()
    # The button comes before the chart.
    assert toggle.bounding_box()["y"] < phone.locator("#timeline-chart").bounding_box()["y"]
    toggle.click()
    assert phone.locator("#id_subject_side").is_visible()
    shoot(phone, "phone-filters-open")


def test_at_desktop_width_the_filters_are_open_without_a_button(page, live_server, alice):
    claim(value=1000, date=D(2024, 11, 1))
    log_in(page, live_server, alice)
    assert page.locator("#id_subject_side").is_visible()
    assert not page.locator("details.filter-panel > summary").is_visible()
