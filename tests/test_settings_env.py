"""The settings read the environment as the README documents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list

REPO = Path(__file__).resolve().parent.parent
PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "db = settings.DATABASES['default'];"
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'options': db.get('OPTIONS', {}),"
    "'eager': settings.CELERY_TASK_ALWAYS_EAGER,"
    "'broker': settings.CELERY_BROKER_URL, 'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS,"
    "'media': str(settings.MEDIA_ROOT), 'tz': settings.TIME_ZONE, 'secret': settings.SECRET_KEY}))"
)


def run_under(*command: str, **env: str) -> subprocess.CompletedProcess:
    """Python with these arguments in the repository, under only the settings' variables given."""
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run([sys.executable, *command], cwd=REPO, env=clean, capture_output=True, text=True)


def settings_under(**env: str) -> subprocess.CompletedProcess:
    return run_under("-c", PROBE, **env)


def read(**env: str) -> dict:
    result = settings_under(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_database_url_it_uses_an_sqlite_file_under_var():
    got = read(DEBUG="1")
    assert got["engine"] == "django.db.backends.sqlite3"
    assert got["name"] == str(REPO / "var" / "claimtrack.sqlite3")


def test_database_url_selects_postgres():
    got = read(DEBUG="1", DATABASE_URL="postgres://someone@db.example:5433/claims")
    assert got["engine"] == "django.db.backends.postgresql"
    assert got["name"] == "claims"


def test_postgres_sessions_run_without_jit_and_keep_options_given_in_the_url():
    ours = "-c jit=off -c cursor_tuple_fraction=1"
    assert read(DEBUG="1", DATABASE_URL="postgres://db.example/claims")["options"]["options"] == ours
    got = read(DEBUG="1", DATABASE_URL="postgres://db.example/claims?options=-c%20statement_timeout%3D5000")
    assert got["options"]["options"] == f"{ours} -c statement_timeout=5000"


def test_without_redis_url_tasks_run_in_process():
    got = read(DEBUG="1")
    assert got["eager"] is True


def test_redis_url_sends_tasks_to_the_broker():
    got = read(DEBUG="1", REDIS_URL="redis://127.0.0.1:6379/3")
    assert got["eager"] is False
    assert got["broker"] == "redis://127.0.0.1:6379/3"


def test_the_web_application_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_under("-c", "import config.wsgi", DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_commands_that_sign_nothing_run_without_a_secret_key(tmp_path):
    article = tmp_path / "report.txt"
    article.write_text("Ukraine's General Staff said 1,230 Russian soldiers were killed over the past day.")
    result = run_under("manage.py", "extract_claims", str(article), "--published", "2024-11-24", DEBUG="0")
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    assert line["id"] == "report"
    claims = [(c["category"], c["value"], c["subject_side"]) for c in line["claims"]]
    assert claims == [("killed", 1230, "RU")]


def test_debug_gives_a_development_key_and_local_hosts():
    got = read(DEBUG="1")
    assert got["secret"].startswith("dev-only")
    assert got["hosts"] == ["127.0.0.1", "localhost"]


def test_production_values_come_from_the_environment():
    got = read(
        SECRET_KEY="s3cret", ALLOWED_HOSTS="claims.example.org, www.example.org", MEDIA_ROOT="/srv/media"
    )
    assert got["debug"] is False
    assert got["secret"] == "s3cret"
    assert got["hosts"] == ["claims.example.org", "www.example.org"]
    assert got["media"] == "/srv/media"
    assert got["tz"] == "UTC"


def test_a_bad_boolean_names_the_variable():
    result = settings_under(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("off", False), ("", False)])
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG") is expected


def test_env_bool_rejects_anything_else(monkeypatch):
    monkeypatch.setenv("FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int_uses_the_default_when_unset_and_rejects_words(monkeypatch):
    monkeypatch.delenv("LIMIT", raising=False)
    assert env_int("LIMIT", 7) == 7
    monkeypatch.setenv("LIMIT", "ten")
    with pytest.raises(ImproperlyConfigured, match="LIMIT must be a whole number"):
        env_int("LIMIT", 7)
    monkeypatch.setenv("LIMIT", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("LIMIT", 7, minimum=1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", "a, b,,c ")
    assert env_list("HOSTS") == ["a", "b", "c"]


SECURITY_PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'redirect': settings.SECURE_SSL_REDIRECT, 'hsts': settings.SECURE_HSTS_SECONDS,"
    "'proxy': settings.SECURE_PROXY_SSL_HEADER, 'secure_cookie': settings.SESSION_COOKIE_SECURE}))"
)


def security_under(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_COOKIES"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings", SECRET_KEY="s3cret")
    result = subprocess.run(
        [sys.executable, "-c", SECURITY_PROBE], cwd=REPO, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_redirects_to_https_with_hsts_and_secure_cookies():
    got = security_under(DEBUG="0")
    assert got == {"redirect": True, "hsts": 3600, "proxy": None, "secure_cookie": True}


def test_a_plain_http_deployment_turns_the_https_settings_off_together():
    got = security_under(DEBUG="0", SECURE_COOKIES="0")
    assert got == {"redirect": False, "hsts": 0, "proxy": None, "secure_cookie": False}


def test_behind_a_tls_proxy_the_forwarded_scheme_is_trusted():
    got = security_under(DEBUG="0", BEHIND_TLS_PROXY="1")
    assert got["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
