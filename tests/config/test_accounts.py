"""Log-in throttling (django-axes) and the password reset, with and without mail."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
PASSWORD = "the-right-horse-battery"


@pytest.fixture
def erin():
    user = UserFactory(username="erin", email="erin@example.org")
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(client, password: str):
    return client.post(LOGIN, {"username": "erin", "password": password})


def test_the_right_password_logs_in(client, erin):
    response = log_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, erin, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert log_in(client, "wrong").status_code == 200  # the form again, with its error
    response = log_in(client, "wrong")
    assert response.status_code == 429
    assert b"Too many failed log-ins" in response.content and b"15 minutes" in response.content
    locked = log_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_after_the_cool_off(client, erin):
    for _ in range(5):
        log_in(client, "wrong")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert log_in(client, PASSWORD).status_code == 302


def test_an_administrator_lifts_the_lock_with_axes_reset(client, erin):
    for _ in range(5):
        log_in(client, "wrong")
    call_command("axes_reset")
    assert log_in(client, PASSWORD).status_code == 302


def test_another_address_is_not_locked_out_by_someone_elses_failures(client, erin):
    for _ in range(5):
        client.post(LOGIN, {"username": "erin", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")
    assert (
        client.post(LOGIN, {"username": "erin", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7").status_code
        == 302
    )


def test_without_mail_the_login_page_offers_no_reset_and_the_reset_page_says_whom_to_ask(client, settings):
    settings.MAIL_CONFIGURED = False
    assert b"Forgot your password?" not in client.get(LOGIN).content
    response = client.get(reverse("password_reset"))
    assert response.status_code == 200
    assert b"passwords cannot be reset by email. Ask an administrator" in response.content
    assert client.post(reverse("password_reset"), {"email": "erin@example.org"}).status_code == 200
    assert mail.outbox == []


def test_with_mail_the_reset_link_is_offered_and_sends_the_mail(client, erin, settings):
    settings.MAIL_CONFIGURED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert b"Forgot your password?" in client.get(LOGIN).content
    response = client.post(reverse("password_reset"), {"email": "erin@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["erin@example.org"]
