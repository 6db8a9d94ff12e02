"""The production profile end to end: the README's recipe, gunicorn on loopback, real requests."""

import os
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_deploy_recipe_serves_pages_and_api_with_security_headers(tmp_path):
    # tools/production_check.py runs check --deploy, migrate, compilemessages, collectstatic
    # (DEBUG off: manifest and compressed files), imports a place, starts gunicorn and fetches
    # pages and API calls; here on a throwaway SQLite database.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'icc.sqlite3'}",
        ICC_VAR_DIR=str(tmp_path / "var"),
        ICC_DEBUG="true",  # the production profile must ignore it
    )
    venv = Path(sys.executable).parent.parent
    result = subprocess.run(  # noqa: S603 - our own tool, run by the interpreter running the tests
        [sys.executable, "tools/production_check.py", "--port", str(free_port()), "--venv", venv],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    for line in (
        "ok  200 /fr/",
        "ok  200 /en/network/places/smoke-check-city/",
        "ok  200 /api/v1/openapi.json",
        "ok  301 plain http goes to https",
        "ok  404 a missing page, in the layout",
    ):
        assert line in output
    assert (tmp_path / "var" / "static" / "staticfiles.json").exists()
