"""Benchmark of the index charts API and the city index reports, at the demo's scale.

Run: ``python benchmarks/bench_reports.py`` (about two minutes; most of it loads the demo).
It sets Django up by itself on a temporary SQLite database and media folder, migrates, and
loads ``icc demo`` (editions 2019, 2021, 2023; ~150 places with synthetic published answers).

- Charts API: ``GET /api/v1/index/charts`` (ranking of edition 2023, then with filters and the
  other views), best of 15 after a warm-up (other work on the machine only ever adds time),
  each answer made again as after a change of the data; then the answer kept in the process.
  Floor: the one read any such endpoint must do, the edition's ``PlaceResult`` rows as plain
  values (JSON fields decoded), alone.
- One PDF report: Bilbao, 2023, French, best of 3: data, charts (vl-convert, drawn once per
  process and reused), PDF (Typst); the first report, which draws the charts, is printed too.
  Floor: the report's data alone, the reads any report must do. The results are already
  scored, so the edition's results refresh is left out and timed on its own.
- All reports of an edition: a fixed subset of ``SUBSET`` places in one language through the
  bulk service (each report made and stored), scaled to the edition's places; then the same
  subset again, which only checks that nothing changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

SUBSET = 12


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Shortest wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def setup(folder: Path) -> None:
    """Django on a fresh SQLite database under ``folder``, migrated, with the demo loaded."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "icc.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["ICC_VAR_DIR"] = str(folder)
    os.environ["ICC_TASKS_IMMEDIATE"] = "1"
    os.environ["ICC_REPORTS_FOLLOW_RESULTS"] = "0"  # reports are made by the benchmark itself
    os.environ.setdefault("ICC_LOG_LEVEL", "WARNING")
    import django
    from django.core.management import call_command

    django.setup()
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115, PTH123 - discarded output
    print(f"(demo data loaded in {time.perf_counter() - start:.0f} s)")


def bench_charts_api() -> None:
    from django.test import Client

    from icc.caching.response_cache import LANE, STORE
    from icc.index.models import Edition, PlaceResult

    client = Client()
    edition = Edition.objects.get(name="2023")
    url = "/api/v1/index/charts"
    client.get(url)  # warm-up: imports, translations, first queries

    def made(params: dict[str, str]) -> object:
        STORE.clear()  # as after a change of the data: the answer is made again (both the
        LANE.clear()  # view's kept answer and the outer lane's)
        return client.get(url, params)

    api = best_of(15, lambda: made({"edition": "2023"}))
    kept = best_of(15, lambda: client.get(url, {"edition": "2023"}))
    floor = best_of(15, lambda: list(PlaceResult.objects.filter(edition=edition).values()))
    places = PlaceResult.objects.filter(edition=edition).count()
    print(
        f"charts api ranking, {places} places: {api * 1000:.0f} ms (aim < 50 ms), "
        f"floor {floor * 1000:.0f} ms, ratio {api / floor:.1f}x; "
        f"kept while the data is unchanged: {kept * 1000:.1f} ms"
    )
    filtered = best_of(
        15, lambda: made({"edition": "2023", "network": "reci", "population_band": "0-200000"})
    )
    print(f"charts api filtered (network, band): {filtered * 1000:.0f} ms (aim < 50 ms)")
    for view in ("profile", "progress", "scatter", "distribution"):

        def made_view(view: str = view) -> object:
            return made({"edition": "2023", "view": view})

        took = best_of(15, made_view)
        print(f"charts api {view}: {took * 1000:.0f} ms (aim < 50 ms)")
    page = best_of(3, lambda: client.get("/en/index/charts/", {"edition": "2023"}))
    print(f"charts page with its Vega-Lite spec (for the record): {page * 1000:.0f} ms")


def bench_one_report() -> None:
    from django.utils import translation

    from icc.index.models import Edition, PlaceResult
    from icc.index.result_selectors import edition_results_state
    from icc.network.models import Place
    from icc.reports.report.data import report_data
    from icc.reports.report.render import report_charts_draw, report_pdf
    from icc.reports.report.typeset import report_typeset

    edition = Edition.objects.get(name="2023")
    place = Place.objects.get(slug="bilbao")

    def whole() -> bytes:
        return report_pdf(report_data(place=place, edition=edition))

    other = PlaceResult.objects.filter(edition=edition).exclude(place=place).first()
    assert other is not None

    with translation.override("fr"):
        whole()  # warm-up: imports, vl-convert and Typst started
        first = best_of(
            1, lambda: report_pdf(report_data(place=other.place, edition=edition))
        )  # another place: its charts drawn for the first time
        total = best_of(3, whole)
        data_time = best_of(3, lambda: report_data(place=place, edition=edition))
        data = report_data(place=place, edition=edition)
        charts = best_of(3, lambda: report_charts_draw(data))
        typeset = best_of(3, lambda: report_typeset(data, site_name="Intercultural Cities"))
    state = best_of(15, lambda: edition_results_state(edition=edition))
    print(
        f"report pdf one place: {total:.2f} s (aim < 2 s), floor (its data alone) "
        f"{data_time:.2f} s, ratio {total / data_time:.1f}x"
    )
    print(
        f"  of which data {data_time:.2f} s, charts {charts:.2f} s (18 SVGs, drawn once), "
        f"Typst {typeset:.2f} s; a place's first report, its charts drawn: {first:.2f} s"
    )
    print(f"  plus the results' state a GET reads (version, queued or not): {state * 1000:.1f} ms")


def bench_all_reports() -> None:
    from icc.index.models import Edition
    from icc.network.selectors import place_get_public
    from icc.reports.selectors import report_places
    from icc.reports.services import report_file_make

    edition = Edition.objects.get(name="2023")
    everyone = list(report_places(edition=edition))
    subset = [place_get_public(slug=row.slug) for row in everyone[:SUBSET]]

    def make() -> None:
        for place in subset:
            report_file_make(place=place, edition=edition, lang="en")

    start = time.perf_counter()
    make()
    made = time.perf_counter() - start
    scaled = made / len(subset) * len(everyone)
    print(
        f"reports of edition 2023: {len(subset)} of {len(everyone)} places in one language "
        f"made and stored in {made:.1f} s ({made / len(subset):.2f} s each); "
        f"all {len(everyone)}: about {scaled:.0f} s per language (scaled)"
    )
    unchanged = best_of(1, make)
    print(
        f"the same {len(subset)} again, unchanged (checked, not made): {unchanged:.2f} s "
        f"({unchanged / len(subset) * 1000:.0f} ms each)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="icc-bench-reports-") as folder:
        setup(Path(folder))
        bench_charts_api()
        bench_one_report()
        bench_all_reports()
        print(f"({os.cpu_count()} CPUs; SQLite in {folder})")


if __name__ == "__main__":
    main()
