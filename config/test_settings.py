"""Settings for the test suite: the real settings with a throwaway key and fast hashing."""

from __future__ import annotations

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests run tasks in-process by default; the full-stack tests switch the Celery app to the real
# broker and a real worker themselves (tests/fullstack).
CELERY_TASK_ALWAYS_EAGER = True

# The test client and the live server speak plain HTTP.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

# Pages link to static files by their plain names: the suite runs no collectstatic (the test of
# the production set-up does, against the real settings: tests/fullstack/test_production.py).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# WhiteNoise serves them from static/ as they are, looked up per request (no STATIC_ROOT here).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Each test's database starts from the same data version, so cached pages must not outlive a test:
# a cache of this process, emptied before every test (tests/conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
