"""End-to-end ingest benchmark: articles through Redis to real Celery workers writing to PostgreSQL.

    python bench/ingest_e2e.py [--articles 300] [--chunk 100] [--archive 2000] [--uploads 30]

Creates its own database (claimtrack_bench, on the server DATABASE_URL names or the local
default), migrates it, starts `celery -A config worker` processes on a private queue, and
prints:
- throughput: N queued articles published at once, articles per second until the last is
  stored, with a worker of 1 and of 2 pool processes: a task per article (the upload path), and a task
  per chunk of articles (the archive path), whose claims must be the same rows;
- archive import: `manage.py import_articles` on a JSON-lines archive of generated articles (copies of the
  source texts, twenty a day in date order), from the command's start until the last article is extracted,
  with 1 and 2 worker processes, each into a new database: articles and claims per second, and the peak
  memory of the importer and of each worker process;
- latency: single uploads through the upload view (Django's test client, the real view and
  service) to an idle worker, from the request to the claims being stored; median and p95.
Without PostgreSQL or Redis it says so and exits 0. Everything it creates is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

BENCH_DB = "claimtrack_bench"
LATENCY_TARGET = 0.5


def _reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _admin(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(
        _with_database(url, "postgres").replace("postgres://", "postgresql://", 1), autocommit=True
    ) as conn:
        conn.execute(statement)


def _recreate(server: str) -> None:
    """The bench's database, empty and migrated (closing this process's connection to it first)."""
    if "django.db" in sys.modules:
        from django.db import connections

        connections.close_all()
    _admin(server, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    _admin(server, f"CREATE DATABASE {BENCH_DB}")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=BASE_DIR,
        env=os.environ,
        check=True,
    )


def _texts() -> list[tuple[str, str]]:
    """Article texts to copy: the demo articles, the engine's test corpora, and the shared seeds and real
    articles when they are here (a couple of hundred texts: the fewer, the more often each figure of a
    generated archive repeats, and the more each chunk pays for the copies stored before it)."""
    import json

    from ingest.parsers import parse

    paths = sorted((BASE_DIR / "ingest" / "demo_articles").glob("*.*"))
    paths += sorted((BASE_DIR.parent / "shared" / "seeds").glob("*.txt"))
    texts = []
    for path in paths:
        if path.suffix in (".txt", ".html", ".htm", ".pdf"):
            texts.append((path.name, parse(path.name, path.read_bytes()).text))
    corpora = sorted((BASE_DIR / "tests" / "extraction" / "corpus").glob("*.jsonl"))
    corpora += sorted((BASE_DIR.parent / "shared" / "claims-spec").glob("real-*.jsonl"))
    for path in corpora:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip() and (text := json.loads(line).get("text")):
                texts.append((f"{path.stem}-{n}", text))
    return texts


def _day(i: int):
    """Article i's publication day: a year of days, as an archive spreads them (all on one day, every
    chunk would update the same summary rows and wait on the others' locks)."""
    from datetime import date, timedelta

    return date(2024, 11, 26) - timedelta(days=i % 365)


def _archive_day(i: int):
    """Record i's publication day in the archive: twenty articles a day in date order, as a newsroom's
    archive is written (so two workers' chunks are mostly of different days, and sometimes share one)."""
    from datetime import date, timedelta

    return date(2023, 1, 1) + timedelta(days=i // 20)


def _wait_all(ids: list[int], timeout: float) -> int:
    """Wait for every article of ``ids`` (a run's, stored one after another) to be done or failed; how many
    failed. Polled by id range and the status index: an IN list of twenty thousand ids, compiled fifty times
    a second, took a core from the workers being measured, and counting the finished ones a tenth of one."""
    from claims.models import Article

    first, last = min(ids), max(ids)
    run = Article.objects.filter(pk__gte=first, pk__lte=last)
    if run.count() != len(ids):
        raise SystemExit("ingest_e2e: the run's articles are not the only ones in their id range")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not run.filter(status__in=["queued", "processing"]).exists():
            return run.filter(status="failed").count()
        time.sleep(0.05)
    raise SystemExit(f"ingest_e2e: timed out waiting for {len(ids)} articles")


def throughput(
    n: int, concurrency: int, texts: list[tuple[str, str]], start_worker, chunk: int = 0
) -> tuple[float, int, list[tuple]]:
    """(articles/s, claims stored, the claims as rows keyed by each article's place in the run)."""

    from claims.models import Article, Claim, content_hash
    from ingest.services import article_enqueue, chunks_enqueue

    run = uuid.uuid4().hex[:6]
    rows = []
    for i in range(n):
        name, text = texts[i % len(texts)]
        text = f"{text}\n(Bench copy {run}-{i}.)"
        rows.append(
            Article(
                title=f"bench {i}",
                published=_day(i),
                text=text,
                content_hash=content_hash(text),
                source_name=name,
                source_kind="txt",
            )
        )
    ids = [a.pk for a in Article.objects.bulk_create(rows)]
    worker = start_worker(concurrency)
    try:
        started = time.perf_counter()
        if chunk:
            chunks_enqueue(ids, size=chunk)
        else:
            for pk in ids:
                article_enqueue(pk)
        failed = _wait_all(ids, timeout=max(120, n))
        elapsed = time.perf_counter() - started
    finally:
        worker.stop()
    if failed:
        print(f"  warning: {failed} article(s) failed extraction")
    place = {pk: i for i, pk in enumerate(ids)}
    # Not the fact key: an engagement's names its article, which differs between the two runs.
    fields = ("category", "equipment", "value", "subject_side", "claimant_id", "period", "date", "region_id",
              "place_id", "unit_id", "start", "end", "civilian", "engine_key", "review_status")  # fmt: skip
    rows = sorted(
        (
            (place[r[0]], *r[1:])
            for r in Claim.objects.filter(article_id__in=ids).values_list("article_id", *fields)
        ),
        key=repr,  # fields may be empty (None), which does not sort beside a value
    )
    return n / elapsed, len(rows), rows


def _peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# Runs the import command in a process of its own and prints that process's peak memory (KiB) last.
IMPORTER = (
    "import resource, runpy, sys\n"
    "sys.argv = ['manage.py', *sys.argv[1:]]\n"
    "try:\n    runpy.run_path('manage.py', run_name='__main__')\n"
    "finally:\n    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def archive(n: int, concurrency: int, texts: list[tuple[str, str]], start_worker, chunk: int) -> str:
    """One archive import through the command to the workers; its line of figures."""
    import json
    import tempfile

    from claims.models import Article, Claim

    run = uuid.uuid4().hex[:6]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", prefix=f"archive-{run}-", delete=False) as handle:
        for i in range(n):
            name, text = texts[i % len(texts)]
            record = {
                "text": f"{text}\n(Archive copy {run}-{i}.)",
                "title": f"{name} {i}",
                "published": _archive_day(i).isoformat(),
            }
            handle.write(json.dumps(record) + "\n")
    path = Path(handle.name)
    worker = start_worker(concurrency)
    try:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", IMPORTER, "import_articles", str(path), "--json", "--chunk", str(chunk)],
            cwd=BASE_DIR, env=os.environ, capture_output=True, text=True, check=True,
        )  # fmt: skip
        importer_kib = int(done.stderr.strip().splitlines()[-1])
        ids = list(
            Article.objects.filter(source_name__startswith=f"{path.name}:").values_list("pk", flat=True)
        )
        failed = _wait_all(ids, timeout=max(300, n))
        elapsed = time.perf_counter() - started
        workers_kib = [_peak_kib(pid) for pid in [worker.process.pid, *worker.pool_children()]]
    finally:
        worker.stop()
        path.unlink()
    claims = Claim.objects.filter(article_id__in=ids).count()
    warning = f", {failed} failed" if failed else ""
    return (
        f"{len(ids) / elapsed:7.1f} articles/s, {claims / elapsed:8.1f} claims/s "
        f"({len(ids)} articles{warning}); "
        f"peak memory: importer {importer_kib / 1024:.0f} MiB, worker processes "
        + ", ".join(f"{k / 1024:.0f}" for k in workers_kib)
        + " MiB"
    )


def latency(uploads: int, texts: list[tuple[str, str]], start_worker) -> list[float]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.test.utils import setup_test_environment

    from claims.models import Article
    from claims.services import roles_ensure
    from ingest.models import UploadItem

    setup_test_environment()
    roles_ensure()
    user = get_user_model().objects.create_user(username=f"bench-{uuid.uuid4().hex[:6]}")
    user.groups.add(Group.objects.get(name="Contributor"), Group.objects.get(name="Viewer"))
    client = Client()
    client.force_login(user)
    worker = start_worker(1)
    timings = []
    try:
        for i in range(uploads):
            name, text = texts[i % len(texts)]
            data = f"{text}\n(Latency copy {uuid.uuid4().hex}.)".encode()
            started = time.perf_counter()
            upload = {"files": [SimpleUploadedFile(f"{i}-{name}.txt", data)]}
            # As a browser sends it: production settings redirect plain HTTP.
            response = client.post("/upload/", upload, secure=True)
            if response.status_code != 302:
                raise SystemExit(f"ingest_e2e: upload answered {response.status_code}")
            article_id = UploadItem.objects.latest("pk").article_id
            while not Article.objects.filter(pk=article_id, status__in=["done", "failed"]).exists():
                if time.perf_counter() - started > 30:
                    raise SystemExit("ingest_e2e: an upload was not extracted within 30 s")
                time.sleep(0.002)
            timings.append(time.perf_counter() - started)
            time.sleep(0.1)  # the worker is idle again before the next upload
    finally:
        worker.stop()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles per throughput run")
    parser.add_argument("--chunk", type=int, default=100, help="articles per task on the archive path")
    parser.add_argument("--archive", type=int, default=2000, help="articles in the archive import (0: none)")
    parser.add_argument("--uploads", type=int, default=30, help="single uploads for the latency figures")
    args = parser.parse_args()

    server = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/claimtrack"
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    if not server.startswith(("postgres://", "postgresql://")) or not _reachable(server, 5432):
        print("ingest_e2e: skipped, needs PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432)")
        return 0
    if not _reachable(redis_url, 6379):
        print("ingest_e2e: skipped, needs Redis (REDIS_URL or redis://127.0.0.1:6379/0)")
        return 0

    database_url = _with_database(server, BENCH_DB)
    queue = f"claimtrack-bench-{uuid.uuid4().hex[:8]}"
    env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "tests.fullstack.worker_settings",
        "CLAIMTRACK_TEST_QUEUE": queue,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret-key",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    try:
        _recreate(server)
        import django

        django.setup()
        from tests.fullstack.stack import Worker, purge_queue

        def start_worker(concurrency: int) -> Worker:
            return Worker(
                queue=queue, database_url=database_url, redis_url=redis_url, concurrency=concurrency
            )

        texts = _texts()
        print(
            f"ingest_e2e: Redis -> Celery prefork worker -> PostgreSQL ({BENCH_DB}), "
            f"{len(texts)} source texts"
        )
        for concurrency in (1, 2):
            noun = "process" if concurrency == 1 else "processes"
            found = {}
            for path, chunk in (("a task an article", 0), (f"chunks of {args.chunk}", args.chunk)):
                rate, claims, found[chunk] = throughput(
                    args.articles, concurrency, texts, start_worker, chunk
                )
                per_second = rate * claims / args.articles
                print(
                    f"  throughput, {concurrency} worker {noun}, {path}: {rate:7.1f} articles/s, "
                    f"{per_second:8.1f} claims/s ({args.articles} articles, {claims} claims)"
                )
            same = "the same rows" if found[0] == found[args.chunk] else "DIFFERENT rows"
            print(f"  claims of the two paths: {same}")
        for concurrency in (1, 2) if args.archive else ():
            noun = "process" if concurrency == 1 else "processes"
            # Each import into a database of its own: the second would otherwise find every generated text's
            # figures already stored once and pay for reading them (the copies repeat two dozen texts).
            _recreate(server)
            figures = archive(args.archive, concurrency, texts, start_worker, args.chunk)
            print(f"  archive import, {concurrency} worker {noun}: {figures}")
        timings = latency(args.uploads, texts, start_worker)
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20, method="inclusive")[18] if len(timings) > 1 else timings[0]
        verdict = "meets" if p95 < LATENCY_TARGET else "MISSES"
        print(
            f"  upload-to-claims latency, idle worker ({len(timings)} single uploads): "
            f"median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
            f"({verdict} the {LATENCY_TARGET:.1f} s target)"
        )
        purge_queue(queue, redis_url)
    finally:
        from django.db import connections

        connections.close_all()
        _admin(server, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
