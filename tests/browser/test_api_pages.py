"""In a real browser: the API's documentation (Swagger UI, vendored, under the site's Content-Security-Policy)
lists the operations, and the API tokens page creates a token that then reads the API."""

from __future__ import annotations

import pytest

from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_documentation_renders_every_operation_offline(page, live_server, alice, shoot):
    refused: list[str] = []
    page.on("console", lambda m: refused.append(f"{m.text} {m.location}") if m.type == "error" else None)
    page.on("response", lambda r: refused.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    log_in(page, live_server, alice)
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.locator(".opblock").first.wait_for()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/claims/" in p for p in paths) and any("/api/v1/timeline/" in p for p in paths)
    assert not refused, refused
    shoot(page, "api-docs")


def test_a_token_made_on_its_page_reads_the_api(page, live_server, bob, shoot):
    log_in(page, live_server, bob)
    page.click("nav >> text=API")
    page.fill("#id_name", "my notebook")
    page.click("button:has-text('Create token')")
    token = page.locator("[data-new-token]").inner_text().strip()
    shoot(page, "api-token-created")
    answer = page.request.get(
        f"{live_server.url}/api/v1/claims/", headers={"Authorization": f"Token {token}"}
    )
    assert answer.status == 200 and answer.json()["results"] == []
    assert "read-only" in page.locator("tr[data-token]").inner_text()
