"""Steps the browser tests share."""

from __future__ import annotations

PASSWORD = "pw-for-tests"  # tests.factories.UserFactory


def log_in(page, live_server, user) -> None:
    """Log in through the form, as a researcher does, and land on the timeline."""
    page.goto(f"{live_server.url}/accounts/login/?next=/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def wait_for_edit_form(page, claim_id: int) -> None:
    """A claim's edit form is in and settled: review.js has put the focus in it. Typing before then is
    lost when the focus moves (no person types within the 20 ms htmx takes to settle, a test does)."""
    page.locator(f"#review-claim-{claim_id}[data-editing]").wait_for()
    page.wait_for_function(
        "id => document.activeElement && document.activeElement.closest('#' + id)",
        arg=f"review-claim-{claim_id}",
    )
