"""Shared fixtures: one user per role, built the same way for every test (alice, bob, carol, dave)."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.factories import UserFactory

REQUIRE_SERVICES = os.environ.get("CLAIMTRACK_REQUIRE_SERVICES") == "1"


def _redis_reachable() -> bool:
    url = urlparse(settings.REDIS_URL) if settings.REDIS_URL else None
    if url is None:
        return False
    try:
        with socket.create_connection((url.hostname or "127.0.0.1", url.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def pytest_runtest_setup(item: pytest.Item) -> None:
    # Tests of the full stack skip on a laptop without the services, and fail in CI, where
    # CLAIMTRACK_REQUIRE_SERVICES says the services must be there.
    missing = None
    if item.get_closest_marker("postgres") and not settings.IS_POSTGRES:
        missing = "PostgreSQL (set DATABASE_URL)"
    elif item.get_closest_marker("redis") and not _redis_reachable():
        missing = "Redis (set REDIS_URL)"
    if missing:
        if REQUIRE_SERVICES:
            pytest.fail(f"{missing} is required in this run but not available")
        pytest.skip(f"needs {missing}")


@pytest.fixture(autouse=True)
def _empty_cache():
    # Every test's database starts at the same data version: a page cached by one test would look
    # current to the next.
    cache.clear()


def _user_in(username: str, *roles: str):
    user = UserFactory(username=username)
    user.groups.add(*Group.objects.filter(name__in=roles))
    return user


@pytest.fixture
def alice(db):
    """A Viewer: browses and exports."""
    return _user_in("alice", "Viewer")


@pytest.fixture
def bob(db):
    """A Contributor: also uploads."""
    return _user_in("bob", "Viewer", "Contributor")


@pytest.fixture
def carol(db):
    """A Reviewer: also edits and reviews claims."""
    return _user_in("carol", "Viewer", "Contributor", "Reviewer")


@pytest.fixture
def dave(db):
    """Logged in, but in no group at all."""
    return UserFactory(username="dave")


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login
