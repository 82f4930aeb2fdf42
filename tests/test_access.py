"""Login is required everywhere, and roles decide what a logged-in user may reach."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = ["/", "/articles/", "/admin/"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_sends_an_anonymous_user_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_login_page_is_open(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_a_viewer_browses_the_timeline(client_for, alice):
    assert client_for(alice).get("/").status_code == 200


def test_a_user_without_a_role_is_refused(client_for, dave):
    assert client_for(dave).get("/").status_code == 403


def test_roles_stack_viewer_contributor_reviewer(alice, bob, carol):
    assert alice.has_perm("claims.export_claims") and not alice.has_perm("claims.upload_article")
    assert bob.has_perm("claims.upload_article") and not bob.has_perm("claims.review_claim")
    assert carol.has_perm("claims.review_claim") and carol.has_perm("claims.upload_article")
