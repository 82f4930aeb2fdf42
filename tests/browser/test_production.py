"""The production set-up in a real browser: gunicorn with DEBUG off, collectstatic, WhiteNoise, the CSP.

A fresh deployment once served no CSS or JavaScript at all (404s under DEBUG off): this runs the
README's production path (collectstatic, then gunicorn with its config file) against the test
database, behind a pretend TLS proxy (X-Forwarded-Proto), and looks at the timeline in Chromium.
"""

from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from tests.browser.helpers import PASSWORD
from tests.claims.helpers import D, claim
from tests.fullstack.stack import database_url

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REPO = Path(settings.BASE_DIR)
SECRET = "prod-test-key-7#Vq2!zR7@wLp4$Xe8^Tn1&Bs6*Hd3(Jf5)Gm0_Ya-Ou+Ic=Ek~Wr"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_listening(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start listening")


@pytest.fixture
def production(tmp_path):
    """collectstatic and gunicorn as the README's by-hand steps run them, DEBUG off."""
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "SECURE_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": SECRET,
        "DATABASE_URL": database_url(connection.settings_dict),
        "REDIS_URL": "",
        "ALLOWED_HOSTS": "localhost",
        "CSRF_TRUSTED_ORIGINS": f"http://localhost:{port}",
        "BEHIND_TLS_PROXY": "1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "WEB_WORKERS": "1",
        "WEB_THREADS": "2",
    }
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert collected.returncode == 0, collected.stderr
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_listening(port, server)
        yield f"http://localhost:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)
        print(log.read_text()[-5000:])  # shown by pytest when the test fails


def _get(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_the_timeline_and_the_api_docs_draw_with_their_css_and_scripts_under_gunicorn_with_debug_off(
    production, chromium, alice, shoot
):
    # The server's settings check passwords with the production hashers, not the suite's fast one.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        alice.set_password(PASSWORD)
        alice.save()
    for week in range(4):
        claim(value=1200 + week, date=D(2024, 10, 7 + 7 * week), claimant_side="UA", subject_side="RU")
    context = chromium.new_context(
        viewport={"width": 1440, "height": 1000}, extra_http_headers={"X-Forwarded-Proto": "https"}
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(f"{production}/accounts/login/?next=/")
        page.fill("#id_username", alice.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{production}/")
        page.wait_for_function("() => window.htmx && window.Chart && Chart.getChart('timeline-chart')")
        datasets = page.evaluate("() => Chart.getChart('timeline-chart').data.datasets.length")
        assert datasets >= 1
        # app.css is applied: the header is a flex row, not the browser's default block.
        assert (
            page.evaluate("() => getComputedStyle(document.querySelector('.site-header')).display") == "flex"
        )
        # The "Updating…" indicator stays hidden once htmx has loaded (its style comes from app.css).
        assert page.evaluate("() => getComputedStyle(document.getElementById('loading')).opacity") == "0"
        html = page.content()
        shoot(page, "production-timeline-1440")
        page.set_viewport_size({"width": 390, "height": 844})
        shoot(page, "production-timeline-390")
        # The API's documentation: Swagger UI's vendored files served by WhiteNoise, its script allowed.
        page.goto(f"{production}/api/v1/docs/")
        page.locator(".opblock").first.wait_for()
    finally:
        context.close()
    assert violations == []

    # Hashed names, served compressed and cached for good.
    css = re.search(r"/static/css/app\.[0-9a-f]{12}\.css", html).group(0)
    htmx = re.search(r"/static/vendor/htmx/htmx\.min\.[0-9a-f]{12}\.js", html).group(0)
    status, headers, body = _get(production + css, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    assert b".site-header" in gzip.decompress(body)
    assert "immutable" in headers["Cache-Control"]
    assert _get(production + htmx)[0] == 200
