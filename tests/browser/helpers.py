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
