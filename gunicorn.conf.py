"""Gunicorn's settings for Claimtrack's web process (read from this folder by `gunicorn`; README: Full stack).

Threads rather than more processes: a page's time is mostly spent waiting on PostgreSQL, and
threads share one copy of the registries and templates. WEB_WORKERS and WEB_THREADS override.
"""

from __future__ import annotations

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count()))
threads = int(os.environ.get("WEB_THREADS", "4"))
# An upload of many files is the longest request; a stuck one is killed and logged after this.
timeout = int(os.environ.get("WEB_TIMEOUT", "120"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
