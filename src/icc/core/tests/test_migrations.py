"""Migrations match the models, whatever order Python gives to sets and dicts in a run."""

import os
import subprocess
import sys


def test_makemigrations_finds_nothing_to_do_under_several_hash_seeds():
    # A constraint built from a set was written in a different order at random and made
    # `makemigrations --check` fail one run in two: each seed below is a different order.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(DJANGO_SETTINGS_MODULE="icc.settings", DATABASE_URL="sqlite://:memory:")
    runs = {
        seed: subprocess.Popen(
            [sys.executable, "-m", "icc.manage", "makemigrations", "--check", "--dry-run"],
            env={**env, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for seed in ("0", "1", "2", "3")
    }
    for seed, run in runs.items():
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, f"PYTHONHASHSEED={seed}:\n{output}"
        assert "No changes detected" in output
