"""The settings read the environment as the README documents."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
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
    # DJANGO_ALLOW_ASYNC_UNSAFE is the browser tests' (tests/browser/conftest.py): no deployment has it.
    unset = {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
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


def test_the_web_application_leaves_the_objects_it_loaded_out_of_the_collectors_walks():
    # Before: the collector tracks the loaded modules' objects; after loading, they are frozen and it tracks
    # only what was made since (a handful of objects).
    probe = (
        "import gc, django; django.setup(); before = len(gc.get_objects());"
        "import config.wsgi; print(before, gc.get_freeze_count(), len(gc.get_objects()))"
    )
    result = run_under("-c", probe, DEBUG="0", SECRET_KEY="s3cret", ALLOWED_HOSTS="claims.example.org")
    assert result.returncode == 0, result.stderr
    before, frozen, tracked = (int(n) for n in result.stdout.split())
    assert frozen > before > 10_000
    assert tracked < 1_000


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
    "'proxy': settings.SECURE_PROXY_SSL_HEADER, 'secure_cookie': settings.SESSION_COOKIE_SECURE,"
    "'subdomains': settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, 'preload': settings.SECURE_HSTS_PRELOAD}))"
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
    year = 365 * 24 * 3600
    assert got == {
        "redirect": True,
        "hsts": year,
        "proxy": None,
        "secure_cookie": True,
        "subdomains": True,
        "preload": True,
    }


def test_a_plain_http_deployment_turns_the_https_settings_off_together():
    got = security_under(DEBUG="0", SECURE_COOKIES="0")
    assert got == {
        "redirect": False,
        "hsts": 0,
        "proxy": None,
        "secure_cookie": False,
        "subdomains": False,
        "preload": False,
    }


def test_behind_a_tls_proxy_the_forwarded_scheme_is_trusted():
    got = security_under(DEBUG="0", BEHIND_TLS_PROXY="1")
    assert got["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]


TIMING_PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'limit': settings.CELERY_TASK_TIME_LIMIT,"
    "'soft': settings.CELERY_TASK_SOFT_TIME_LIMIT, 'stale': settings.EXTRACT_STALE_AFTER.total_seconds(),"
    "'visibility': settings.CELERY_BROKER_TRANSPORT_OPTIONS['visibility_timeout']}))"
)


def test_the_stale_window_and_the_broker_visibility_outlast_the_time_limit_by_default():
    result = run_under("-c", TIMING_PROBE, DEBUG="1", EXTRACT_TIME_LIMIT="120")
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    assert got["soft"] < got["limit"] == 120 < got["stale"]
    assert got["visibility"] > got["limit"]


@pytest.mark.parametrize("stale", ["300", "200"])
def test_a_stale_window_not_longer_than_the_time_limit_is_refused_at_start_up(stale):
    result = run_under(
        "-c", TIMING_PROBE, DEBUG="1", EXTRACT_TIME_LIMIT="300", EXTRACT_STALE_AFTER_SECONDS=stale
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "EXTRACT_STALE_AFTER_SECONDS" in result.stderr and "EXTRACT_TIME_LIMIT" in result.stderr


MAIL_PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'configured': settings.MAIL_CONFIGURED, 'backend': settings.EMAIL_BACKEND,"
    "'host': getattr(settings, 'EMAIL_HOST', None), 'port': getattr(settings, 'EMAIL_PORT', None),"
    "'tls': getattr(settings, 'EMAIL_USE_TLS', None)}))"
)


def test_mail_comes_from_email_url():
    result = run_under("-c", MAIL_PROBE, DEBUG="1", EMAIL_URL="smtp://mailer:pw@mail.example:587/?tls=True")
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    assert got == {
        "configured": True,
        "backend": "django.core.mail.backends.smtp.EmailBackend",
        "host": "mail.example",
        "port": 587,
        "tls": True,
    }


def test_without_email_url_no_mail_is_configured_and_nothing_is_sent():
    result = run_under("-c", MAIL_PROBE, DEBUG="1")
    got = json.loads(result.stdout)
    assert got["configured"] is False
    assert got["backend"] == "django.core.mail.backends.dummy.EmailBackend"


def test_an_unreadable_email_url_stops_start_up_naming_the_variable():
    result = run_under("-c", MAIL_PROBE, DEBUG="1", EMAIL_URL="carrier-pigeon://coop")
    assert result.returncode != 0
    assert "EMAIL_URL" in result.stderr


# The production environment the README documents (its "By hand" section), with a real-looking key.
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k9#Vq2!zR7@wLp4$Xe8^Tn1&Bs6*Hd3(Jf5)Gm0_Ya-Ou+Ic=Ek~Wr|Zt;Ql:Np<Av>",
    "ALLOWED_HOSTS": "claims.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://claims.example.org",
}


def test_the_deployment_checklist_is_clean_with_the_readme_production_settings():
    result = run_under("manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def _compose_default(value: str) -> str:
    """A docker-compose value with its ${VAR:-default} forms replaced by their defaults."""
    value = re.sub(r"\$\{SECRET_KEY:\?[^}]*\}", PRODUCTION_ENV["SECRET_KEY"], str(value))
    return re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)


def test_docker_composes_defaults_pass_the_deployment_checklist():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    env = {name: _compose_default(value) for name, value in compose["services"]["web"]["environment"].items()}
    assert env["SECURE_COOKIES"] == "1" and env["BEHIND_TLS_PROXY"] == "1"
    env["DATABASE_URL"] = ""  # the check reads no database; the compose host name resolves only in Docker
    result = run_under("manage.py", "check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
