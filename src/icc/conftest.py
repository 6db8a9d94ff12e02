"""Fixtures shared by every test: a small directory, one user per role, a real Chromium."""

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

from icc.accounts.models import Role, User
from icc.accounts.services import role_assign
from icc.core.tabular import FORMULA_STARTS
from icc.network.lifecycle import ACCESSION_PATH
from icc.network.models import Country, Network, Place
from icc.network.services import membership_step_record, network_member_add, place_fact_set

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    """Each test starts in English: a request to /fr/ must not leak its language into the next
    test, where modeltranslation would store ``name=`` in ``name_fr``."""
    translation.activate("en")
    yield
    translation.deactivate()


def make_place(
    slug: str,
    name: str,
    country: str,
    *,
    population: int | None = None,
    foreign_born: str | None = None,
    member_year: int | None = 2015,
    notes: str = "",
    lat: float | None = None,
    lon: float | None = None,
) -> Place:
    """A place walked through the accession path (a member) or left a candidate."""
    place = Place.objects.create(
        slug=slug,
        name=name,
        name_fr=name,
        country_id=country,
        internal_notes=notes,
        latitude=lat,
        longitude=lon,
    )
    path = ACCESSION_PATH if member_year else ACCESSION_PATH[:1]
    for i, step in enumerate(path):
        membership_step_record(place=place, step=step, date=dt.date(member_year or 2020, 1 + i, 1))
    if population is not None:
        place_fact_set(
            place=place,
            year=2020,
            population=population,
            foreign_born_pct=Decimal(foreign_born) if foreign_born else None,
            non_nationals_pct=None,
            population_source="Test statistics office",
        )
    place.refresh_from_db()
    return place


@pytest.fixture
def directory(db: Any) -> dict[str, Any]:
    """Spain (Bilbao, Getxo in RECI), Italy (Reggio Emilia), a candidate in Portugal."""
    Country.objects.create(code="ES", name="Spain", name_fr="Espagne")
    Country.objects.create(code="IT", name="Italy", name_fr="Italie")
    Country.objects.create(code="PT", name="Portugal", name_fr="Portugal")
    bilbao = make_place(
        "bilbao",
        "Bilbao",
        "ES",
        population=346_000,
        foreign_born="11.2",
        notes="Bilbao private note",
        lat=43.263,
        lon=-2.935,
    )
    getxo = make_place(
        "getxo",
        "Getxo",
        "ES",
        population=77_000,
        foreign_born="8.1",
        notes="Getxo private note",
        lat=43.35,
        lon=-3.01,
    )
    reggio = make_place(
        "reggio-emilia",
        "Reggio Emilia",
        "IT",
        population=171_000,
        foreign_born="17.5",
        notes="Reggio private note",
        lat=44.698,
        lon=10.631,
    )
    braga = make_place("braga", "Braga", "PT", population=193_000, member_year=None)
    reci = Network.objects.create(
        slug="reci",
        name="Spanish network (RECI)",
        name_fr="Réseau espagnol (RECI)",
        kind="national",
        country_id="ES",
    )
    for place in (bilbao, getxo):
        network_member_add(network=reci, place=place)
    return {"bilbao": bilbao, "getxo": getxo, "reggio": reggio, "braga": braga, "reci": reci}


def _user(username: str, **extra: Any) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, **extra)


@pytest.fixture
def users(directory: dict[str, Any]) -> dict[str, User]:
    """One user per role: city coordinator and expert on Bilbao, network coordinator on RECI."""
    staff = _user("staff", is_staff=True)
    city = _user("city")
    role_assign(user=city, role=Role.CITY_COORDINATOR, place_id=directory["bilbao"].pk)
    network = _user("netco")
    role_assign(user=network, role=Role.NETWORK_COORDINATOR, network_id=directory["reci"].pk)
    expert = _user("expert")
    role_assign(user=expert, role=Role.EXPERT, place_id=directory["bilbao"].pk)
    other_city = _user("othercity")
    role_assign(user=other_city, role=Role.CITY_COORDINATOR, place_id=directory["reggio"].pk)
    resident = _user("resident")
    return {
        "secretariat": staff,
        "city_coordinator": city,
        "network_coordinator": network,
        "expert": expert,
        "other_city_coordinator": other_city,
        "resident": resident,
    }


def client_for(user: User | None) -> Client:
    """A test client logged in as ``user`` (anonymous when None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


# ``(role, may_edit)`` for a place's own records (its workspace, its answers), by key of
# ``users``: the secretariat and the place's own coordinator may, nobody else.
PLACE_EDITORS: list[tuple[str, bool]] = [
    ("secretariat", True),
    ("city_coordinator", True),
    ("network_coordinator", False),
    ("expert", False),
    ("other_city_coordinator", False),
    ("resident", False),
]


# Text a spreadsheet would evaluate (issue 8): every export is fed these in each text field a
# person controls, and ``download_cells`` checks that none comes out live.
FORMULA_PAYLOADS = ('=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


NUMBER = re.compile(r"-?\d+(\.\d+)?")


def download_cells(content: bytes, fmt: str) -> list[object]:
    """Every cell value of a CSV or XLSX download (all sheets), after asserting that none is
    a formula: no XLSX cell of type "f", no text starting with = + - @ tab or CR (in a CSV,
    plain negative numbers excepted)."""
    if fmt == "csv":
        text = content.decode("utf-8-sig")
        cells: list[object] = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
    else:
        book = load_workbook(io.BytesIO(content))
        xlsx = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
        assert [c.coordinate for c in xlsx if c.data_type == "f"] == []
        cells = [c.value for c in xlsx]
    # A plain negative number ("-4.5") in a CSV is a number to a spreadsheet, not a formula.
    live = [
        c
        for c in cells
        if isinstance(c, str) and c.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(c)
    ]
    assert live == [], f"cells a spreadsheet would evaluate: {live!r}"
    return cells


def zip_bomb(path: Path, *, unpacked: int) -> Path:
    """A zip named as ``path`` (e.g. .xlsx) whose one member unpacks to ``unpacked`` zero bytes
    (about 1,000 times its packed size), written in 1 MB pieces so that memory stays small."""
    piece = bytes(1_000_000)
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(unpacked // len(piece)):
            member.write(piece)
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (no browser download)."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (CI does).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


# Chromium reports every Content-Security-Policy violation in the console; the listener below
# also turns the DOM's securitypolicyviolation events into console errors, so none is missed.
CSP_MARK = "Content Security Policy"
CSP_LISTENER = (
    "document.addEventListener('securitypolicyviolation', (e) => console.error("
    f"'{CSP_MARK} violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile"
    " + ':' + e.lineNumber + ':' + e.columnNumber));"
)


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh browser page; ``page.base`` is the live server's URL. The test fails if any page
    it opened broke the Content-Security-Policy (``page.csp_violations`` lists what was seen)."""
    context = browser.new_context(locale="en-GB", accept_downloads=True)
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.base = live_server.url
    tab.csp_violations = []

    def record(text: str) -> None:
        if CSP_MARK in text:
            tab.csp_violations.append(text)

    tab.on("console", lambda message: record(message.text))
    tab.on("pageerror", lambda error: record(str(error)))
    yield tab
    context.close()
    if tab.csp_violations:
        pytest.fail("The page broke its Content-Security-Policy:\n" + "\n".join(tab.csp_violations))
