"""Production smoke check: the README's deploy recipe, run for real, then a few requests.

Usage: ``python tools/production_check.py [--port 8199] [--venv .venv]``

It follows "Deploying on PostgreSQL" in README.md with the production profile
(``DJANGO_SETTINGS_MODULE=icc.settings.production``): ``icc check --deploy``, ``icc migrate``,
``icc compilemessages``, ``icc collectstatic``; imports one place with ``icc network import`` (so
that a place page exists); starts gunicorn on loopback; then asks for pages and API calls as the
HTTPS proxy would pass them on (``X-Forwarded-Proto: https``) and fails unless each answers 200
with the security headers. A request without that header must be redirected to https
(``SECURE_SSL_REDIRECT``).

The environment decides the rest, as in the recipe: ``DATABASE_URL`` (default: a throwaway SQLite
file; give it an empty, throwaway database: the check migrates it and adds a place),
``ICC_SECRET_KEY`` (default: a random one), ``ICC_ALLOWED_HOSTS`` (default: 127.0.0.1),
``ICC_VAR_DIR`` (default: a temporary folder, where collectstatic writes). Exits 0 when every
check passed, 1 otherwise, and prints what was checked.
"""

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLACE_CSV = "slug,name,country\nsmoke-check-city,Smoke Check City,ES\n"
PAGES = [
    "/en/",
    "/fr/",
    "/en/network/places/",
    "/fr/network/places/",
    "/en/network/places/smoke-check-city/",
    "/en/accounts/login/",
    "/en/index/",
    "/en/events/",
]
API = ["/api/v1/places", "/api/v1/places/smoke-check-city", "/api/v1/openapi.json"]
# Header: a part its value must contain. CSP must also be free of the unsafe keywords below.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'",
    "Permissions-Policy": "camera=()",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Strict-Transport-Security": "max-age=",
    "Cross-Origin-Opener-Policy": "same-origin",
}
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'")


class CheckFailed(Exception):
    """One expectation that the running server did not meet."""


def run(venv: Path, command: list[str], env: Mapping[str, str]) -> None:
    """Run one step of the recipe, printing it; stop the check if it fails."""
    print("==", " ".join(command), flush=True)
    tool = venv / "bin" / command[0]
    result = subprocess.run([str(tool), *command[1:]], env=env, cwd=REPO, check=False)
    if result.returncode != 0:
        raise CheckFailed(f"`{' '.join(command)}` exited with {result.returncode}")


def fetch(url: str, *, https_proxy: bool = True) -> tuple[int, Mapping[str, str], bytes]:
    """GET ``url`` without following redirects; headers as the HTTPS proxy would send them."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    request = urllib.request.Request(url)  # noqa: S310 - always http://127.0.0.1
    if https_proxy:
        request.add_header("X-Forwarded-Proto", "https")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_serving(base: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CheckFailed(f"gunicorn stopped with {server.returncode} before it served")
        try:
            fetch(base + "/api/v1/openapi.json")
            return
        except OSError:
            time.sleep(0.5)
    raise CheckFailed(f"gunicorn did not answer within {seconds:.0f} s")


def check_response(base: str, path: str) -> str:
    """The line to print for ``path``; raises ``CheckFailed`` at the first thing missing."""
    status, headers, body = fetch(base + path)
    if status != 200:
        raise CheckFailed(f"{path} answered {status}: {body[:300]!r}")
    for header, part in SECURITY_HEADERS.items():
        value = headers.get(header, "")
        if part not in value:
            raise CheckFailed(f"{path}: {header} is {value!r}, expected it to contain {part!r}")
    policy = headers["Content-Security-Policy"]
    if any(keyword in policy for keyword in UNSAFE):
        raise CheckFailed(f"{path}: the Content-Security-Policy allows {UNSAFE}: {policy}")
    if "text/html" in headers.get("Content-Type", ""):
        stylesheet = _first_stylesheet(body.decode())
        css_status, _css_headers, css = fetch(base + stylesheet)
        if css_status != 200 or not css:
            raise CheckFailed(f"{path}: its style sheet {stylesheet} answered {css_status}")
    return f"ok  {status} {path}"


def _first_stylesheet(html: str) -> str:
    marker = 'rel="stylesheet" href="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def check_server(base: str) -> None:
    for path in PAGES + API:
        print(check_response(base, path), flush=True)
    status, headers, _body = fetch(base + "/en/", https_proxy=False)
    if status != 301 or not headers.get("Location", "").startswith("https://"):
        raise CheckFailed(f"plain http was not redirected to https (answered {status})")
    print("ok  301 plain http goes to https", flush=True)
    status, headers, body = fetch(base + "/en/no-such-page/")
    if status != 404 or b'class="site-header"' not in body:
        raise CheckFailed(f"a missing page answered {status} without the site's layout")
    if "Content-Security-Policy" not in headers:
        raise CheckFailed("the 404 page has no Content-Security-Policy")
    print("ok  404 a missing page, in the layout", flush=True)


def environment(port: int, workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env["DJANGO_SETTINGS_MODULE"] = "icc.settings.production"
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'icc.sqlite3'}")
    env.setdefault("ICC_SECRET_KEY", secrets.token_urlsafe(64))
    env.setdefault("ICC_ALLOWED_HOSTS", "127.0.0.1")
    env.setdefault("ICC_CSRF_TRUSTED_ORIGINS", f"https://127.0.0.1:{port}")
    env.setdefault("ICC_VAR_DIR", str(workdir / "var"))
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("ICC_CHECK_PORT", "8199")))
    parser.add_argument("--venv", type=Path, default=REPO / ".venv")
    args = parser.parse_args()
    venv = args.venv.resolve()
    base = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory(prefix="icc-production-check-") as tmp:
        workdir = Path(tmp)
        env = environment(args.port, workdir)
        places = workdir / "places.csv"
        places.write_text(PLACE_CSV, encoding="utf-8")
        log = workdir / "gunicorn.log"
        try:
            run(venv, ["icc", "check", "--deploy", "--fail-level", "WARNING"], env)
            run(venv, ["icc", "migrate", "--no-input", "-v", "0"], env)
            run(venv, ["icc", "compilemessages", "--ignore=.venv", "-v", "0"], env)
            run(venv, ["icc", "collectstatic", "--no-input", "-v", "0"], env)
            run(venv, ["icc", "network", "import", str(places)], env)
            print(f"== gunicorn icc.wsgi -b 127.0.0.1:{args.port}", flush=True)
            with log.open("wb") as out:
                server = subprocess.Popen(
                    [
                        *(str(venv / "bin" / "gunicorn"), "icc.wsgi"),
                        *("-b", f"127.0.0.1:{args.port}", "--workers", "2"),
                        *("--access-logfile", "-", "--no-control-socket"),
                    ],
                    env=env,
                    cwd=workdir,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
                try:
                    wait_until_serving(base, server)
                    check_server(base)
                finally:
                    server.terminate()
                    server.wait(timeout=30)
        except CheckFailed as failure:
            if log.exists():
                print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
            print(f"FAILED: {failure}", file=sys.stderr)
            return 1
    print("Production check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
