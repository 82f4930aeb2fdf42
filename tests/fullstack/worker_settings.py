"""Settings for the Celery workers the full-stack tests start: the real ones, on a private queue.

The queue keeps a test's messages away from any other worker on the same Redis (a developer's
`make worker`, another test run); the delay makes a task provably in flight for the kill tests.
"""

from __future__ import annotations

import os

from config.settings import *  # noqa: F403

CELERY_TASK_DEFAULT_QUEUE = os.environ["CLAIMTRACK_TEST_QUEUE"]
EXTRACT_TEST_DELAY_SECONDS = float(os.environ.get("CLAIMTRACK_TEST_EXTRACT_DELAY", "0"))
