"""Load scenarios through the production server (issue 9, decision 0070).

The server is what ``make serve-prod`` and docs/deployment.md run: gunicorn with
``config/gunicorn.py`` (``PACT_WEB_WORKERS`` processes x ``PACT_WEB_THREADS`` threads,
WSGI), here with the benchmark settings and database. The load generator is another
process: ``wrk`` (Debian package) when installed, else the asyncio generator below, run
in this process (never the server's). Only 127.0.0.1, bounded in connections and time.

Scenarios (one JSON line each, with the machine's load average at the time):

* ``load_bare_view``: ``/bench/bare/`` (the ceiling of this server on this machine);
* ``load_anonymous_cached``: home, category, service pages and HSDS lists for anonymous
  visitors, the page cache warm; with ``bare_requests_per_second`` from the same run and
  ``ratio_to_bare`` (target: at least 0.5, errors 0);
* ``load_anonymous_uncached``: the same mix with the page cache off (every request
  renders; what a change of content costs until pages are stored again);
* ``load_search``: varied search words on ``/zoeken/`` (never cached);
* ``load_redis_down``: the cached mix with Redis pointed at a closed port (errors 0);
* ``kaart_service_pages_under_load``: service pages only, page cache off (the figure of
  issue 9: 12.8 requests/s and 2,480 errors on PostgreSQL under daphne).
"""

from __future__ import annotations

import asyncio
import collections
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.request import urlopen

CONNECTIONS = 64
ROOT = Path(__file__).resolve().parent.parent

WRK_SCRIPT = r"""
local paths = {}
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)], {["Accept-Language"] = "nl"})
end
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "status": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "timeout": %d, "p50_us": %d, "p95_us": %d}\n',
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95)))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


@contextmanager
def production_server(**env: str):
    """gunicorn with config/gunicorn.py on a free port; yields the port."""
    port = free_port()
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "PACT_SKIP_DOTENV": "1",
        "PACT_WEB_BIND": f"127.0.0.1:{port}",
        "PACT_LOG_LEVEL": "ERROR",
        "PACT_BENCH_SERVER": "1",
        **env,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:config.gunicorn"]
        + ["config.wsgi:application"],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited at start-up")
            try:
                with urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):  # noqa: S310
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start within 90 s") from None
                time.sleep(0.3)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# --- Load generators ---------------------------------------------------------------------


def run_load(port: int, paths: list[str], seconds: int, connections: int) -> dict:
    """requests, errors, p50/p95 in ms, requests per second, and which generator."""
    if shutil.which("wrk"):
        return _wrk(port, paths, seconds, connections)
    return _asyncio_load(port, paths, seconds, connections)


def _wrk(port, paths, seconds, connections) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder, "mix.lua")
        script.write_text(WRK_SCRIPT, encoding="utf-8")
        path_file = Path(folder, "paths.txt")
        path_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
        result = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
            + ["-s", str(script), f"http://127.0.0.1:{port}", "--", str(path_file)],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        )
    line = next(
        text for text in result.stdout.splitlines() if text.startswith('{"requests"')
    )
    figures = json.loads(line)
    kinds = {
        kind: figures[kind]
        for kind in ("status", "connect", "read", "write", "timeout")
        if figures[kind]
    }
    errors = sum(kinds.values())
    duration = figures["duration_us"] / 1e6
    return {
        "requests": figures["requests"],
        "errors": errors,
        # Which errors: "timeout" is wrk giving up after 10 s (a queue too long for
        # the machine), "status" an answer other than 2xx/3xx from the server.
        "error_kinds": kinds,
        "requests_per_second": round((figures["requests"] - errors) / duration, 1),
        "p50_ms": round(figures["p50_us"] / 1000, 1),
        "p95_ms": round(figures["p95_us"] / 1000, 1),
        "generator": "wrk -t1",
    }


async def _worker(port, paths, stop_at, latencies, errors, rng):
    reader = writer = None
    while time.monotonic() < stop_at:
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: nl\r\n\r\n".encode()
            )
            await writer.drain()
            status_line = await reader.readline()
            length, keep_alive = 0, True
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _sep, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
                if name.lower() == "connection" and value.strip().lower() == "close":
                    keep_alive = False
            await reader.readexactly(length)
            if b" 200 " not in status_line:
                errors.append(status_line.decode("latin-1").strip())
            else:
                latencies.append((time.perf_counter() - started) * 1000)
            if not keep_alive:
                writer.close()
                reader = writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            errors.append(type(error).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def _asyncio_load(port, paths, seconds, connections) -> dict:
    latencies: list[float] = []
    errors: list[str] = []

    async def main():
        stop_at = time.monotonic() + seconds
        await asyncio.gather(
            *(
                _worker(port, paths, stop_at, latencies, errors, random.Random(seed))
                for seed in range(connections)
            )
        )

    asyncio.run(main())
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "error_kinds": dict(collections.Counter(errors)),
        "requests_per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "generator": "asyncio (bench process)",
    }


# --- Scenarios ---------------------------------------------------------------------------

SEARCH_WORDS = [
    "schulden",
    "kindpakket",
    "energie",
    "voedselbank",
    "huur",
    "zorg",
    "fiets",
    "zwemles",
    "belasting kwijtschelding",
    "budget",
    "benchmarkhulp",
    "sport",
    "computer",
    "bijzondere bijstand",
    "hulp bij formulieren",
    "toeslag",
]


def anonymous_mix(service_urls: list[str], rng: random.Random) -> list[str]:
    from socialekaart.models import Category

    categories = [
        f"/categorie/{slug}/"
        for slug in Category.objects.values_list("slug", flat=True)
    ]
    services = rng.sample(service_urls, min(200, len(service_urls)))
    hsds = [
        "/api/hsds/services",
        "/api/hsds/organizations",
        "/api/hsds/services?page=2",
    ]
    # Weighted like a burst from a news item: the home page and a few lists often.
    return ["/"] * 20 + categories * 3 + ["/hulp/"] * 5 + services + hsds * 5


def _warm(port: int, paths: list[str]) -> None:
    for path in sorted(set(paths)):
        with urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:  # noqa: S310
            response.read()


def _closed_redis_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


def run_scenarios(ctx, service_urls: list[str], figures: dict) -> None:
    seconds = 5 if ctx.quick else 20
    rng = random.Random(7)  # noqa: S311
    mix = anonymous_mix(service_urls, rng)
    searches = [f"/zoeken/?q={word.replace(' ', '+')}" for word in SEARCH_WORDS]
    server = {
        "server": "gunicorn gthread (config/gunicorn.py)",
        "workers": int(os.environ.get("PACT_WEB_WORKERS", "2")),
        "threads": int(os.environ.get("PACT_WEB_THREADS", "4")),
        **figures,
    }

    def emit(name, result, **extra):
        ctx.emit(
            name,
            connections=CONNECTIONS,
            seconds=seconds,
            load_average=load_average(),
            **result,
            **extra,
            **server,
        )

    with production_server() as port:
        _warm(port, ["/bench/bare/", *mix])
        bare = run_load(port, ["/bench/bare/"], seconds, CONNECTIONS)
        emit("load_bare_view", bare)
        cached = run_load(port, mix, seconds, CONNECTIONS)
        emit(
            "load_anonymous_cached",
            cached,
            bare_requests_per_second=bare["requests_per_second"],
            ratio_to_bare=round(
                cached["requests_per_second"] / max(bare["requests_per_second"], 0.1),
                2,
            ),
            target="errors 0 and ratio_to_bare >= 0.5",
        )
        emit("load_search", run_load(port, searches, seconds, CONNECTIONS))
    with production_server(PACT_PAGE_CACHE_SECONDS="0") as port:
        emit(
            "load_anonymous_uncached",
            run_load(port, mix, seconds, CONNECTIONS),
            bare_requests_per_second=bare["requests_per_second"],
        )
        services = rng.sample(service_urls, min(500, len(service_urls)))
        emit(
            "kaart_service_pages_under_load",
            run_load(port, services, seconds, CONNECTIONS),
        )
    with production_server(PACT_BENCH_REDIS_URL=_closed_redis_url()) as port:
        _warm(port, mix)
        emit(
            "load_redis_down",
            run_load(port, mix, seconds, CONNECTIONS),
            bare_requests_per_second=bare["requests_per_second"],
            target="errors 0",
        )
