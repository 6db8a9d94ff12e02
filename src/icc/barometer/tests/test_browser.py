"""The barometer's pages in a real Chromium: the comparison and a place's dashboard in English and
French, on a 1366 px desktop and a 390 px phone (no horizontal overflow, no axe-core violation),
with the charts drawn, the interval, the language mix, the observations and the note; the CSV
export matches the page; a run started on the command line while the page is open shows its
progress there, then offers the new figures.

The data are synthetic, written here: posts in Spanish, English and French for Bilbao and Getxo
over three months, and observations, run through the real pipeline (fast model)."""

import csv
import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from icc.barometer.models import Post
from icc.barometer.services import barometer_run, barometer_run_recorded, observation_record
from icc.conftest import PASSWORD
from icc.core.models import Job
from icc.tests.test_pages_browser import overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = (
    "¡Qué bonito ver a los vecinos compartiendo la fiesta del barrio juntos!",
    "Gracias a todas las voluntarias que ayudan en el comedor, sois geniales.",
    "El ayuntamiento publica el horario de la piscina municipal.",
    "Estoy harto, esa gente no respeta nada en esta calle.",
    "Thank you neighbours for welcoming the new families so warmly.",
    "Merci à tous les bénévoles de la fête du quartier, c'était magnifique !",
)
MONTHS = (1, 2, 3)
PER_MONTH = 24


def _data(directory: dict[str, Any]) -> None:
    for slug in ("bilbao", "getxo"):
        place = directory[slug]
        posts = [
            Post(
                place=place, source="test", external_id=f"{slug}-{month}-{i}",
                text=TEXTS[(i + month) % len(TEXTS)], synthetic=True,
                created_at=dt.datetime(2025, month, 1 + i, 12, tzinfo=dt.UTC),
            )
            for month in MONTHS
            for i in range(PER_MONTH)
        ]  # fmt: skip
        Post.objects.bulk_create(posts)
    for i, kind in enumerate(["positive"] * 5 + ["neutral"] * 3 + ["conflict"]):
        observation_record(
            place_id=directory["bilbao"].pk, source="test", external_id=f"o{i}",
            observed_at=dt.datetime(2025, 2, 1 + i, 17, tzinfo=dt.UTC), people=4,
            mixed=i % 2 == 0, interaction=kind,
        )  # fmt: skip
    barometer_run(model="fast")


def _axe(page: Any) -> list[str]:
    """Every axe-core violation on the page (any impact), one readable line each."""
    from icc.tests.test_pages_browser import AXE

    page.evaluate(AXE)
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
          .map(v => v.id + ' (' + v.impact + '): '
            + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    return list(found)


def _images_drawn(page: Any) -> None:
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.chart')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )


def _log_in(page: Any) -> None:
    page.goto(page.base + "/en/accounts/login/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/en/")


def test_comparison_and_dashboard_in_two_languages_on_desktop_and_phone(page, users, directory):
    _data(directory)
    _log_in(page)
    problems: list[str] = []
    words = {
        "en": ("Spanish", "Positive: 5", "What the score can and cannot say"),
        "fr": ("Espagnol", "Positif : 5", "Ce que le score peut dire"),
    }
    for lang in ("en", "fr"):
        language, positive, note = words[lang]
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 900})
            where = f"{lang} {width} px"

            page.goto(f"{page.base}/{lang}/barometer/")
            rows = page.locator("#barometer-places tbody tr")
            assert rows.count() == 2 and "Bilbao" in rows.first.inner_text()
            _images_drawn(page)
            assert page.locator("#barometer-compare-chart").count() == 1
            assert page.locator("#barometer-note").is_visible()
            if (
                overflow(page) > 0
                or page.evaluate("() => document.documentElement.scrollWidth") > width
            ):
                problems.append(f"comparison {where}: wider than the window")
            problems += [f"comparison {where}: {v}" for v in _axe(page)]

            page.goto(f"{page.base}/{lang}/barometer/bilbao/")
            _images_drawn(page)
            for kind in ("score", "signals", "volume"):
                source = page.locator(f"#chart-{kind}").evaluate("img => img.currentSrc")
                assert f"/{kind}.svg" in source and ("size=narrow" in source) == (width == 390)
                if lang == "en" and width == 1366:
                    svg = page.request.get(source).text()
                    marks = {"score": "mark-area", "signals": "mark-line", "volume": "mark-rect"}
                    assert marks[kind] in svg, kind  # the interval band, the series, the bars
                    if kind == "signals":
                        assert "net sentiment" in svg and "interactions without conflict" in svg
                        assert "social sensing" not in svg  # no sensing series here
            cells = page.locator("#barometer-cells tbody tr")
            assert cells.count() == len(MONTHS)
            interval = cells.first.locator("td").nth(3).inner_text()
            assert "–" in interval, interval  # low–high
            assert language in page.locator("#barometer-languages").inner_text()
            assert positive in page.locator("#barometer-observations").inner_text().replace(
                "\xa0", " "
            )
            assert note in page.locator("#barometer-note").inner_text()
            assert page.locator("#run-progress").count() == 1
            if page.evaluate("() => document.documentElement.scrollWidth") > width:
                problems.append(f"dashboard {where}: wider than the window")
            problems += [f"dashboard {where}: {v}" for v in _axe(page)]
    assert problems == []

    # The CSV export downloads a file whose rows are the figures of the page.
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(page.base + "/en/barometer/bilbao/")
    shown = [
        [cell.inner_text() for cell in row.locator("td").all()[:3]]
        for row in page.locator("#barometer-cells tbody tr").all()
    ]
    with page.expect_download() as download:
        page.click("#barometer-export")
    path = download.value.path()
    assert download.value.suggested_filename == "barometer-bilbao-month.csv"
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    whole = [line for line in lines if not line["neighbourhood"]]
    assert len(whole) == len(shown) == len(MONTHS)
    for line, (month, posts, score) in zip(whole, shown, strict=True):
        assert dt.date.fromisoformat(line["start"]).strftime("%B %Y") == month
        assert line["posts"] == posts == str(PER_MONTH)
        assert f"{float(line['score']):.1f}" == score


def test_a_command_line_run_shows_its_progress_on_the_open_page(page, users, directory):
    _data(directory)
    _log_in(page)
    page.goto(page.base + "/en/barometer/bilbao/")
    assert page.locator("#run-progress [role=progressbar]").count() == 0
    before = page.locator("#barometer-cells tbody tr").first.inner_text()
    Post.objects.create(
        place=directory["bilbao"], source="test", external_id="new",
        text="Estoy harto, esa gente no respeta nada.",
        created_at=dt.datetime(2025, 1, 28, tzinfo=dt.UTC),
    )  # fmt: skip

    seen = threading.Event()
    errors: list[BaseException] = []

    def hold(done: int, total: int, what: str) -> None:
        if done < total:  # the run stays under way until the page has shown it
            seen.wait(timeout=20)

    def run() -> None:
        try:
            barometer_run_recorded(model="fast", progress=hold)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    try:
        bar = page.locator("#run-progress [role=progressbar]")
        bar.wait_for(timeout=10_000)  # the page asks every 5 s when idle
        assert "a newer one is coming" in page.locator("#run-progress").inner_text()
        assert page.locator("#barometer-cells tbody tr").first.inner_text() == before
    finally:
        seen.set()
        thread.join(timeout=30)
    assert errors == []
    link = page.locator("#run-reload")
    link.wait_for(timeout=15_000)  # the page asks every 2 s while a run is under way
    link.click()
    page.wait_for_load_state()
    posts = page.locator("#barometer-cells tbody tr").first.locator("td").nth(1)
    assert posts.inner_text() == str(PER_MONTH + 1)  # the new post counts in January

    # A run started from the page (the tests run background tasks at once) ends with the page
    # showing the figures it computed and the state of the run.
    page.goto(page.base + "/en/barometer/")
    runs = Job.objects.count()
    with page.expect_navigation():  # the post, its redirect and the page again
        page.click("#barometer-run")
    assert Job.objects.count() == runs + 1
    assert "Last run: Done" in page.locator("#run-progress").inner_text()
    assert page.locator("#run-reload").count() == 0  # the page shows the newest figures
