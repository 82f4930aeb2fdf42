"""Real-stack helpers shared by the full-stack tests and bench/ingest_e2e.py.

`Worker` runs `celery -A config worker` (prefork) as a subprocess in a process group of its
own, pointed at a given database and a private Redis queue; `celery_broker` makes this
process publish to that queue instead of running tasks eagerly.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import kombu.pools
import redis

BASE_DIR = Path(__file__).resolve().parents[2]
WORKER_START_TIMEOUT = 60


def new_queue() -> str:
    return f"claimtrack-test-{uuid.uuid4().hex[:10]}"


def database_url(settings_dict: dict) -> str:
    """A postgres:// URL for a Django connection's settings (the test database, once pytest made it)."""
    auth = quote(settings_dict["USER"] or "", safe="")
    if settings_dict["PASSWORD"]:
        auth += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = settings_dict["HOST"] or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgres://{auth}@{host}{port}/{settings_dict['NAME']}"


class Worker:
    """One `celery worker` process and its pool children."""

    def __init__(
        self,
        *,
        queue: str,
        database_url: str,
        redis_url: str,
        delay: float = 0.0,
        concurrency: int = 1,
        env: dict[str, str] | None = None,
    ) -> None:
        self.queue = queue
        # The worker writes its log here for the whole of its life; stop() closes and removes it.
        self.log = tempfile.NamedTemporaryFile("w+", prefix="celery-test-", suffix=".log", delete=False)  # noqa: SIM115
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.fullstack.worker_settings",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or "test-only-secret-key",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CLAIMTRACK_TEST_QUEUE": queue,
            "CLAIMTRACK_TEST_EXTRACT_DELAY": str(delay),
            "LOG_LEVEL": "WARNING",
            **(env or {}),
        }
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "config", "worker",
                "--pool=prefork", f"--concurrency={concurrency}", "-Q", queue,
                "-n", f"test-{uuid.uuid4().hex[:8]}@%h",
                "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self._wait_ready()

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + WORKER_START_TIMEOUT
        while time.monotonic() < deadline:
            if " ready." in self.output():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        output = self.output()
        self.stop()
        raise RuntimeError(f"the Celery worker did not start:\n{output[-3000:]}")

    def pool_children(self) -> list[int]:
        """Process ids of the prefork pool's children (read from Linux's /proc)."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                children.append(int(stat.parent.name))
        return children

    def kill(self) -> None:
        """SIGKILL the whole worker, pool and all: nothing gets to acknowledge or requeue."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """Cold shutdown (SIGQUIT): the tests and the bench have nothing in flight worth waiting for."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGQUIT)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
            except ProcessLookupError:
                pass
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)


def purge_queue(queue: str, redis_url: str) -> None:
    """Remove a private queue from Redis, with any message a killed worker left unacknowledged."""
    client = redis.Redis.from_url(redis_url)
    binding = f"_kombu.binding.{queue}"
    client.delete(queue, binding, f"_kombu.binding_permanent.{queue}")
    client.zrem("_kombu.binding_deadlines", binding)
    # kombu keeps unacknowledged messages of every queue in one hash and restores them after
    # the visibility timeout; ours would come back to a queue nobody reads any more.
    for tag, raw in client.hscan_iter("unacked"):
        try:
            _payload, exchange, routing_key = json.loads(raw)
        except (ValueError, TypeError):
            continue
        if queue in (exchange, routing_key):
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


def _reset_producers(app) -> None:
    # The app caches its broker connection pool (in kombu's process-wide pool registry too)
    # and its routing (queues, router) on first use; all must be rebuilt when the broker URL
    # or the default queue changes.
    kombu.pools.reset()
    app._pool = None
    app.__dict__.pop("amqp", None)


@contextmanager
def celery_broker(url: str, queue: str) -> Iterator[None]:
    """Publish this process's tasks to a real broker and queue instead of running them eagerly."""
    from config import celery_app

    conf = celery_app.conf
    saved = {key: conf[key] for key in ("broker_url", "task_always_eager", "task_default_queue")}
    conf.update(broker_url=url, task_always_eager=False, task_default_queue=queue)
    _reset_producers(celery_app)
    try:
        yield
    finally:
        conf.update(saved)
        _reset_producers(celery_app)


def wait_for(
    predicate: Callable[[], object], *, timeout: float = 60, what: str = "a condition", poll: float = 0.05
):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(poll)
