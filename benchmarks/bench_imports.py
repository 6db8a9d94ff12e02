"""Benchmark of bounded imports: what a too-large file costs before it is refused.

Run: ``python benchmarks/bench_imports.py`` (about a minute). Everything happens in a
temporary folder: a migrated SQLite database and the files below. Each case runs
``icc network import --dry-run PATH`` (or a real import) in its own process and reports its
wall time and peak memory (``os.wait4``'s rusage of that process alone).

Cases (the limits are the defaults: 20 MB, 50,000 rows, 100 MB unpacked, ratio 100):

- a 50 MB CSV of 500,000 rows: refused on its size, before it is read;
- a CSV of 60,000 rows under the size limit: refused when row 50,001 is reached;
- a 1 MB zip bomb named .xlsx (1 GB of zeros once unpacked): refused from its zip directory;
- 50,000 rows (the row limit, within the size limit): dry run, then the real import.

Floors: a fresh Python that reads the file's bytes once (for the refusals, the time and memory
any reader of the file must spend), and ``icc check`` (the command line's own start-up, which
every case pays).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
ICC = str(Path(sys.executable).with_name("icc"))
HEADER = "name,country,year,population,population_source\n"


def measured(command: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB and exit status of ``command``, and its last output line."""
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 -- our own command line
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    last = output.strip().splitlines()[-1] if output.strip() else ""
    return seconds, usage.ru_maxrss / 1024, process.returncode, last


def csv_file(path: Path, rows: int, *, pad: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for start in range(0, rows, 10_000):
            out.writelines(
                f"Town {n},ES,2021,{n},{'source ' * pad}\n"
                for n in range(start, min(start + 10_000, rows))
            )
    return path


Floor = tuple[float, float]  # seconds, MB


def report(name: str, result: tuple[float, float, int, str], read: Floor, startup: Floor) -> None:
    """One case against both floors: reading the file once, and the command line's start-up."""
    seconds, megabytes, status, last = result
    print(f"{name:<30} {seconds:6.2f} s {megabytes:6.0f} MB  exit {status}")
    for floor_name, (floor_s, floor_mb) in (("read once", read), ("icc start-up", startup)):
        print(
            f"    ×{seconds / floor_s:.1f} time, ×{megabytes / floor_mb:.1f} memory of {floor_name}"
        )
    print(f"    {last[:160]}")


def bomb_file(path: Path, gigabytes: int) -> Path:
    """A zip named .xlsx whose sheet is ``gigabytes`` GB of zeros (about 1 MB per GB packed)."""
    sheet = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    sheet.compress_type = zipfile.ZIP_DEFLATED
    zeros = bytes(10_000_000)
    with zipfile.ZipFile(path, "w") as archive, archive.open(sheet, "w", force_zip64=True) as out:
        for _ in range(100 * gigabytes):
            out.write(zeros)
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "icc.settings",
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "ICC_VAR_DIR": str(folder),
            "ICC_LOG_LEVEL": "WARNING",
        }
        subprocess.run([ICC, "migrate", "-v", "0"], env=env, check=True)  # noqa: S603
        start = time.perf_counter()
        big = csv_file(folder / "big.csv", 500_000, pad=11)
        long = csv_file(folder / "long.csv", 60_000, pad=1)
        fits = csv_file(folder / "fits.csv", 50_000, pad=1)
        bomb = bomb_file(folder / "bomb.xlsx", 1)
        print(f"(files made in {time.perf_counter() - start:.0f} s)")
        startup = measured([ICC, "check"], env)[:2]
        print(f"floor: icc check (start-up) {startup[0]:.2f} s, {startup[1]:.0f} MB")
        cases = (
            (big, "500,000 rows"),
            (long, "60,000 rows"),
            (bomb, "zip bomb"),
            (fits, "50,000 rows"),
        )
        for path, note in cases:
            read = measured([sys.executable, "-c", f"open({str(path)!r}, 'rb').read()"], env)[:2]
            size = path.stat().st_size / 1e6
            print(f"\n{path.name}: {size:.1f} MB ({note})")
            print(f"read once: {read[0]:.2f} s, {read[1]:.0f} MB")
            dry_run = measured([ICC, "network", "import", "--dry-run", str(path)], env)
            report("icc network import --dry-run", dry_run, read, startup)
            if path == fits:
                written = measured([ICC, "network", "import", str(path)], env)
                report("icc network import", written, read, startup)


if __name__ == "__main__":
    main()
