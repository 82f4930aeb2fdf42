"""Load benchmark: concurrent logged-in users on the timeline and the claim table, served by gunicorn.

    python bench/load.py [--users 20] [--seconds 20] [--claims 1000000] [--workers N] [--threads M]

Runs the production path on this machine (collectstatic, then gunicorn with gunicorn.conf.py and
DEBUG off, behind a pretend TLS proxy) against the dashboard bench's database (seeded with
`seed_synthetic` on first use), logs in --users accounts through the login form, then drives
each page with `wrk` (Debian's package), one connection per user, for --seconds on loopback
only. Prints requests per second and the latency percentiles wrk measures, with errors.
Target: p99 under 1 s and no errors for 20 users at 1,000,000 claims.
"""

# ruff: noqa: E402 - imports of the repository come after it is put on the path
from __future__ import annotations

import argparse
import http.client
import http.cookies
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))  # the repository's modules are importable only from here on

from bench._database import (
    DASHBOARD_DB,
    DEFAULT_URL,
    ensure_database,
    is_postgres,
    seed_claims,
    with_database,
)

P99_TARGET_MS = 1000.0
PASSWORD = "load-bench-password-2026"
SECRET = "load-bench-7#Vq2!zR7@wLp4$Xe8^Tn1&Bs6*Hd3(Jf5)Gm0_Ya-Ou+Ic=Ek~Wr|Zt"
PAGES = [
    ("timeline, full page", "/", False),
    ("claim table, full page", "/claims/", False),
    ("timeline, filtered (HTMX)", "/?subject_side=RU&bucket=month", True),
    ("claim table, filtered (HTMX)", "/claims/?category=killed&claimant_side=UA", True),
]
# Every request a query no one asked before (an end date a day later each time): the rendered
# results are never in the cache, so this is what a page costs from the database up.
UNCACHED = [
    ("timeline, new filters each (HTMX)", "/?subject_side=RU&date_to={day}", True),
    ("claim table, new filters each (HTMX)", "/claims/?claimant_side=UA&date_to={day}", True),
]
# One wrk request function: each request takes the next user's cookies (20 users on 20 connections);
# {day} in a path is a date that moves on by a day with every request of the thread.
LUA = """
local cookies = {%s}
local n = 0
local first = os.time{year=2022, month=3, day=1, hour=12}
request = function()
  n = n + 1
  local headers = {["Cookie"] = cookies[(n %% #cookies) + 1], ["X-Forwarded-Proto"] = "https"%s}
  local day = first + (n + 5000 * tonumber(wrk.thread:get("id"))) * 86400
  local path = string.gsub("%s", "{day}", os.date("!%%Y-%%m-%%d", day))
  return wrk.format("GET", path, headers)
end
"""
SETUP_LUA = """
local counter = 0
setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
end
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _users(count: int) -> list[str]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    names = [f"load-user-{i:02}" for i in range(count)]
    viewer = Group.objects.get(name="Viewer")
    for name in names:
        user, _ = get_user_model().objects.get_or_create(username=name)
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(viewer)
    return names


def _set_cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    cookies = http.cookies.SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    return {name: morsel.value for name, morsel in cookies.items()}


def _log_in(port: int, username: str) -> str:
    """A session through the login form, as a browser gets one; the Cookie header it sends after.

    The cookies are Secure (production settings), so they are carried by hand: a cookie jar would
    keep them from a plain-HTTP request, as the TLS proxy's clients never are.
    """
    proxied = {"X-Forwarded-Proto": "https"}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/accounts/login/", headers=proxied)
    response = conn.getresponse()
    page = response.read().decode()
    cookies = _set_cookies(response)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
    headers = {
        **proxied,
        "Cookie": f"csrftoken={cookies['csrftoken']}",
        "Content-Type": "application/x-www-form-urlencoded",
        # Django sees HTTPS (the proxy's word), and its CSRF check then wants an HTTPS referer.
        "Referer": f"https://127.0.0.1:{port}/accounts/login/",
    }
    conn.request("POST", "/accounts/login/", body=form, headers=headers)
    response = conn.getresponse()
    response.read()
    cookies.update(_set_cookies(response))
    conn.close()
    if response.status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"could not log in as {username}: HTTP {response.status}")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def _wrk(
    base: str, path: str, htmx: bool, cookies: list[str], users: int, seconds: int, workdir: Path
) -> dict:
    script = workdir / "load.lua"
    extra = ', ["HX-Request"] = "true"' if htmx else ""
    script.write_text(SETUP_LUA + LUA % (", ".join(f'"{c}"' for c in cookies), extra, path))
    result = subprocess.run(
        ["wrk", f"-t{min(2, users)}", f"-c{users}", f"-d{seconds}s", "--timeout", "10s", "--latency",
         "-s", str(script), base],
        capture_output=True, text=True, timeout=seconds + 60,
    )  # fmt: skip
    out = result.stdout
    latency = {}
    for pct, value, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
        latency[pct] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"rate": rate, "requests": requests, "latency": latency, "errors": non_2xx + socket_errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (gunicorn.conf.py's default)"
    )
    parser.add_argument(
        "--threads", type=int, default=None, help="threads per worker (gunicorn.conf.py's default)"
    )
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not is_postgres(url):
        print("load bench: needs PostgreSQL (set DATABASE_URL); skipped")
        return
    if not shutil.which("wrk"):
        print("load bench: needs wrk (apt-get install wrk); skipped")
        return
    ensure_database(url, DASHBOARD_DB)
    database_url = with_database(url, DASHBOARD_DB)
    os.environ.update(
        DATABASE_URL=database_url,
        SECRET_KEY=SECRET,
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.core.management import call_command

    from claims.models import Claim

    call_command("migrate", verbosity=0)
    seed_claims(args.claims, args.reseed)
    names = _users(args.users)
    print(f"{Claim.objects.count():,} claims; {args.users} users; {args.seconds} s a page; loopback only")

    with tempfile.TemporaryDirectory(prefix="claimtrack-load-") as tmp:
        workdir = Path(tmp)
        port = _free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "REDIS_URL": "",
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
            "BEHIND_TLS_PROXY": "1",
            "STATIC_ROOT": str(workdir / "static"),
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "LOG_LEVEL": "WARNING",
        }
        if args.workers:
            env["WEB_WORKERS"] = str(args.workers)
        if args.threads:
            env["WEB_THREADS"] = str(args.threads)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=BASE_DIR,
            env=env,
            check=True,
        )
        log = (workdir / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--access-logfile", "/dev/null"],
            cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit(
                            "gunicorn did not start:\n" + (workdir / "gunicorn.log").read_text()
                        ) from None
                    time.sleep(0.2)
            cookies = [_log_in(port, name) for name in names]
            print(f"gunicorn: {env.get('WEB_WORKERS', 'one worker a core')}, "
                  f"{env.get('WEB_THREADS', 'gunicorn.conf.py')} threads a worker\n")  # fmt: skip
            print(f"{'page':<32} {'req/s':>7} {'p50':>7} {'p90':>7} {'p99':>7} {'errors':>7}")
            worst = 0.0
            errors = 0
            for label, path, htmx in [*PAGES, *UNCACHED]:
                # A short warm-up, so each worker has loaded its templates and registries.
                _wrk(base, path, htmx, cookies, args.users, 2, workdir)
                got = _wrk(base, path, htmx, cookies, args.users, args.seconds, workdir)
                lat = got["latency"]
                if (label, path, htmx) in PAGES:
                    worst = max(worst, lat.get("99", float("inf")))
                    errors += got["errors"]
                figures = f"{got['rate']:7.1f} {lat['50']:6.0f}ms {lat['90']:6.0f}ms {lat['99']:6.0f}ms"
                print(f"{label:<32} {figures} {got['errors']:7d}")
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    verdict = "meets" if worst < P99_TARGET_MS and errors == 0 else "MISSES"
    print(
        f"\nthe four shared pages: worst p99 {worst:.0f} ms, {errors} errors: {verdict} the target "
        "(p99 under 1 s, no errors); the last two rows are every request a cache miss, for comparison"
    )


if __name__ == "__main__":
    main()
