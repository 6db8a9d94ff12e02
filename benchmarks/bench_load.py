"""Load benchmark: the production server under 16 concurrent clients, each endpoint as a ratio to
a floor measured in the same run, on the same server.

Run: ``python benchmarks/bench_load.py`` (about two minutes; most of it loads the demo).
Bounded and loopback only: a temporary SQLite database and static root, ``icc demo`` loaded,
static files collected, then gunicorn (``icc.wsgi``, 2 workers, the production settings:
``ICC_DEBUG=0``) on a free port of 127.0.0.1, stopped at the end whatever happens.

Each measure: ``CLIENTS`` threads, each with its own connection (http.client, kept alive while
the server keeps it), request after request for ``SECONDS`` after a warm-up; every answer must
be 200. Printed: requests per second, p50 and p95 latency. Each endpoint is measured right
after its floor, so that other work on the machine weighs on both alike:

- the places list, as a page (``/en/network/places/``, first page of 50 and the map of every
  place) and from the API (``/api/v1/places``, every place), the charts API (ranking of
  edition 2023) and an event's programme, as its agenda page and from the API (the Bilbao
  coordinators' meeting): floor ``/api/v1/countries``, a small answer from one query;
- the results API (``/api/v1/index/editions/2023/results``): floor the same bytes served as a
  static file by WhiteNoise from the static root.

The first line measures the client itself against a bare server that answers a fixed body from
memory: the endpoints' figures mean something only well below it.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CLIENTS = 16
WORKERS = 2
SECONDS = 3.0
WARM_UP = 0.5
EVENT = "coordinators-meeting-bilbao-2023"
RESULTS_FILE = "bench/results-2023.json"
FLOOR = "/api/v1/countries"
ENDPOINTS = [
    ("places page", "/en/network/places/", FLOOR),
    ("places api", "/api/v1/places", FLOOR),
    ("charts api", "/api/v1/index/charts?edition=2023", FLOOR),
    ("programme page (agenda)", f"/en/events/{EVENT}/agenda/", FLOOR),
    ("programme api", f"/api/v1/events/{EVENT}/programme", FLOOR),
    ("results api", "/api/v1/index/editions/2023/results", f"/static/{RESULTS_FILE}"),
]
PREPARE = """
import sys
import django
from django.conf import settings
from django.core.management import call_command
from django.test import Client
django.setup()
call_command("migrate", verbosity=0)
call_command("demo", stdout=open("/dev/null", "w"))
try:
    call_command("collectstatic", interactive=False, verbosity=0)
except ValueError as error:  # a vendored script that names a missing source map
    from django.test.utils import override_settings
    from whitenoise.storage import CompressedManifestStaticFilesStorage

    class SourceMapsLeftAlone(CompressedManifestStaticFilesStorage):
        patterns = tuple(
            (glob, found)
            for glob, found in CompressedManifestStaticFilesStorage.patterns
            if glob != "*.js"
        )

    lenient = {**settings.STORAGES, "staticfiles": {"BACKEND": "__main__.SourceMapsLeftAlone"}}
    with override_settings(STORAGES=lenient):
        call_command("collectstatic", interactive=False, verbosity=0, clear=True)
    print("(static files hashed without following the scripts' source maps:", str(error)[:90])
payload = Client().get("/api/v1/index/editions/2023/results")
assert payload.status_code == 200, payload.status_code
target = settings.STATIC_ROOT / sys.argv[1]
target.parent.mkdir(parents=True, exist_ok=True)
target.write_bytes(payload.content)
"""
BARE_SERVER = """
import asyncio, sys
ROW = b'{"code": "ES", "name": "Spain", "member_count": 12, "place_count": 14}, '
BODY = b"[" + ROW * 30 + b"{}]"
HEAD = b"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\n"
HEAD += b"Content-Length: %d\\r\\n\\r\\n" % len(BODY)
async def answer(reader, writer):
    try:
        while await reader.readuntil(b"\\r\\n\\r\\n"):
            writer.write(HEAD + BODY)
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()
async def main():
    server = await asyncio.start_server(answer, "127.0.0.1", int(sys.argv[1]))
    async with server:
        await server.serve_forever()
asyncio.run(main())
"""


@dataclass(frozen=True)
class Measure:
    rate: float
    p50: float
    p95: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(port: int, path: str, timeout: float = 60) -> None:
    """Return once ``path`` answers 200 on ``port``, or fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"The server on port {port} did not answer {path} within {timeout:.0f} s.")


def load(port: int, path: str) -> Measure:
    """``CLIENTS`` threads requesting ``path`` for ``SECONDS`` after ``WARM_UP``."""
    start = time.monotonic() + WARM_UP
    stop = start + SECONDS
    latencies: list[list[float]] = [[] for _ in range(CLIENTS)]
    failures: list[str] = []

    def client(mine: list[float]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while (now := time.monotonic()) < stop:
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                conn.close()  # the server closed an idle connection: open another
                continue
            if response.status != 200:
                failures.append(f"{path} answered {response.status}")
                return
            if now >= start:
                mine.append(time.monotonic() - now)

    threads = [threading.Thread(target=client, args=(mine,)) for mine in latencies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(failures[0])
    times = sorted(t for mine in latencies for t in mine)
    if not times:
        raise SystemExit(f"No answer from {path} in {SECONDS} s.")
    p95 = times[min(len(times) - 1, len(times) * 95 // 100)]
    return Measure(len(times) / SECONDS, times[len(times) // 2], p95)


def client_floor() -> Measure:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", BARE_SERVER, str(port)])  # noqa: S603
    try:
        wait_for(port, "/")
        return load(port, "/")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    bare = client_floor()
    print(
        f"load client alone against a bare server: {bare.rate:.0f} req/s, "
        f"p95 {bare.p95 * 1000:.0f} ms ({CLIENTS} clients, the most this client can measure)"
    )
    with tempfile.TemporaryDirectory(prefix="icc-bench-load-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "icc.settings",
            "DATABASE_URL": f"sqlite:///{folder}/load.sqlite3",
            "ICC_VAR_DIR": folder,
            "ICC_DEBUG": "0",
            "ICC_SECRET_KEY": "bench-load-" + "x" * 40,
            "ICC_ALLOWED_HOSTS": "127.0.0.1,testserver",
            "ICC_TASKS_IMMEDIATE": "1",
            "ICC_REPORTS_FOLLOW_RESULTS": "0",  # the demo without its PDFs: load only
            "ICC_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT / "src"),
        }
        began = time.perf_counter()
        prepare = [sys.executable, "-c", PREPARE, RESULTS_FILE]
        subprocess.run(prepare, env=env, check=True, timeout=900)  # noqa: S603 - fixed arguments
        print(f"(demo loaded and static files collected in {time.perf_counter() - began:.0f} s)")
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
            [
                str(BIN / "gunicorn"),
                "icc.wsgi:application",
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
            ],
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        try:
            wait_for(port, FLOOR)
            for word, path, floor_path in ENDPOINTS:
                wait_for(port, path)  # first answer: imports, caches
                floor = load(port, floor_path)
                measured = load(port, path)
                print(
                    f"load {word} {path}: {measured.rate:.0f} req/s, "
                    f"p50 {measured.p50 * 1000:.0f} ms, p95 {measured.p95 * 1000:.0f} ms; "
                    f"floor {floor_path} {floor.rate:.0f} req/s, p95 {floor.p95 * 1000:.0f} ms; "
                    f"ratio {measured.rate / floor.rate:.2f} (aim >= 0.5, p95 < 300 ms)"
                )
        finally:
            server.terminate()  # the master stops its workers
            server.wait(timeout=30)
    print(f"({CLIENTS} clients, gunicorn {WORKERS} workers, {os.cpu_count()} CPUs, SQLite)")


if __name__ == "__main__":
    main()
