"""Site-wide behaviour: NUL bytes refused, error pages in the product's layout, the security headers."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from config.views import server_error
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NUL_PAGE = b"contains a NUL character"


@pytest.mark.parametrize(
    "path",
    [
        "/articles/?q=%00",
        "/claims/?q=drones%00",
        "/?claimant=%00",
        "/claims/export.csv?region=%00",
        "/review/?q=%00",
        "/articles/?%00=1",
    ],
)
def test_a_nul_byte_in_any_query_parameter_gets_the_400_page(client_for, carol, path):
    response = client_for(carol).get(path)
    assert response.status_code == 400
    assert NUL_PAGE in response.content
    assert b'class="site-header"' in response.content and b"Log out" in response.content


def test_a_nul_byte_in_a_posted_field_gets_the_400_page_and_changes_nothing(client_for, bob):
    article = ArticleFactory(status="failed", error="boom")
    response = client_for(bob).post(reverse("ingest:retry", args=[article.pk]), {"next": "/\x00evil"})
    assert response.status_code == 400 and NUL_PAGE in response.content
    article.refresh_from_db()
    assert article.status == "failed"


def test_an_unknown_address_gets_the_404_page_in_the_products_layout(client_for, alice):
    response = client_for(alice).get("/no/such/page/")
    assert response.status_code == 404
    assert b"Not found" in response.content and b'class="site-header"' in response.content


def test_a_missing_role_gets_the_403_page_in_the_products_layout(client_for, dave):
    response = client_for(dave).get("/")
    assert response.status_code == 403
    assert b"Your account does not have the role this page needs" in response.content
    assert b'class="site-header"' in response.content


def test_a_form_without_its_csrf_token_gets_the_products_403_page(bob):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)
    response = client.post(reverse("ingest:upload"), {"text": "Russia lost 9 tanks."})
    assert response.status_code == 403
    assert b"without a valid security token" in response.content and b"Back to the form" in response.content


def test_the_500_page_needs_neither_the_request_nor_the_database(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content and b"css/app.css" in response.content


def test_pages_allow_only_their_own_scripts_styles_and_connections(client_for, alice):
    policy = client_for(alice).get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    for name in ("default-src", "script-src", "style-src", "connect-src"):
        assert directives[name] == "'self'", name
    assert "unsafe" not in policy
    assert directives["frame-ancestors"] == "'none'"


def test_no_page_template_holds_an_inline_style_or_script_the_policy_would_block():
    from pathlib import Path

    from django.conf import settings

    offenders = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        if " style=" in text or "<script>" in text or " onclick=" in text or "hx-on" in text:
            offenders.append(template.name)
    assert offenders == []


def test_the_health_check_answers_without_a_login_and_without_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")
