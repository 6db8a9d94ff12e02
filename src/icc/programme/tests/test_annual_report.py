"""The generated 2020 annual report states the figures of the ICC annual report 2020 (seed
``icc-annual-report-2020.fr.md``), each counted from records; changing the records changes the
next report.

The expected values below are the seed's, typed here on purpose: the report must compute them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from icc.events.demo import events_demo_load
from icc.events.tests.test_pages import REPORT_EVENT_DAYS_FR
from icc.index.models import Response
from icc.index.workflow import State
from icc.knowledge.demo import knowledge_demo_load
from icc.knowledge.models import NewsItem
from icc.network.demo.load import directory_demo_load
from icc.network.lifecycle import ACCESSION_PATH
from icc.network.models import Place
from icc.network.services import membership_step_record
from icc.programme.demo import programme_demo_load
from icc.programme.models import Expense, ExpenseCategory
from icc.programme.report import annual_report_render
from icc.reports.tests.test_report_pdf import pdf_pages

pytestmark = pytest.mark.django_db

# The seed's figures for 2020.
SEED_MEMBERS = 141
SEED_NEW_MEMBERS = {
    "en": ["Ansan", "Guro", "Camden", "Neumarkt", "València", "Barakaldo"],
    "fr": ["Ansan", "Guro", "Camden", "Neumarkt", "Valence", "Barakaldo"],
}
SEED_ACCESSIONS = 7
# "12 villes ont rempli pour la première fois ou revu l'index" — and the seed names these 11.
SEED_INDEX_CITIES = [
    "Ansan",
    "Guro",
    "Bilbao",
    "Kobe",
    "Leeds",
    "Melitopol",
    "Neumarkt",
    "Reykjav",
    "Rochester",
    "Salisbury",
    "Trollh",
]
SEED_MAJOR_EVENT_DAYS = {
    "fr": REPORT_EVENT_DAYS_FR,
    "en": [
        "23 April 2020",
        "11 June 2020",
        "18 June 2020",
        "7 July 2020",
        "21 September 2020",
        "22 October 2020",
        "5 November 2020",
        "3 November 2020",
    ],
}
SEED_REGIONAL_DAYS = {
    "fr": ["4 février 2020", "18 février 2020", "23 mars 2020", "29 juin 2020", "25 novembre 2020"],
    "en": [
        "4 February 2020",
        "18 February 2020",
        "23 March 2020",
        "29 June 2020",
        "25 November 2020",
    ],
}
SEED_GRANT_PLACES = ["Limassol", "Ioannina", "Melitopol", "Ballarat", "Novellara", "Bilbao"]
SEED_VISITS = ["Rochester", "Loures"]
SEED_TOTAL = {"fr": "436 642,14", "en": "436,642.14"}
# "111 actualités et 117 bonnes pratiques", "publiée ... à cinq reprises"; Annexe II.
SEED_VISIBILITY = {
    "en": "published 111 news items and 117 good practices, and sent 5 newsletter issues",
    "fr": "publié 111 actualités et 117 bonnes pratiques, et envoyé 5 numéros",
}
SEED_POLICY_BRIEFS = {
    "fr": [
        "Prévention des effets discriminatoires potentiels",
        "Détecter et prévenir la discrimination systémique au niveau local",
        "Maîtriser la gentrification",
        "Initiatives de la Cité interculturelle pour l'inclusion et l'égalité des personnes LGBTI",
    ],
    "en": [
        "Preventing the potential discriminatory effects",
        "Detecting and preventing systemic discrimination at the local level",
        "Managing gentrification",
        "Intercultural city initiatives for the inclusion and equality of LGBTI people",
    ],
}
SEED_PUBLICATION_KINDS = {
    "fr": ["Note d’orientation", "Dossier de bienvenue"],
    "en": ["Policy brief", "Welcome pack"],
}
SENTENCES = {
    "en": {
        "members": "{n} participating cities",
        "new": "6 new members",
        "accessions": "Joining processes started in {n} other cities",
        "index": "{n} cities completed or reviewed",
        "grants": "4 projects supported by grants",
        "visits": "2 expert visits",
    },
    "fr": {
        "members": "{n} villes participantes",
        "new": "6 nouveaux membres",
        "accessions": "Processus d'adhésion lancés dans {n} autres villes",
        "index": "{n} villes ont rempli pour la première fois ou revu",
        "grants": "4 projets soutenus par des aides",
        "visits": "2 visites d'expert·e·s",
    },
}


def _load_2020() -> None:
    directory_demo_load()
    events_demo_load()
    knowledge_demo_load()
    programme_demo_load()
    # The index reports the seed names, published in 2020 (the index demo does the same with its
    # full editions; here one small edition is enough).
    from icc.index.services import edition_import_xlsform
    from icc.index.tests.conftest import SMALL_SOURCE
    from icc.index.xlsform.source import form_from_source
    from icc.index.xlsform.write import form_write

    outcome = edition_import_xlsform(
        filename="t.xlsx", content=form_write(form_from_source(SMALL_SOURCE)), name="t", year=2019
    )
    assert outcome.edition is not None
    for slug in ("ansan", "guro", "bilbao", "kobe", "leeds", "melitopol", "neumarkt"):
        _published(slug, outcome.edition, dt.datetime(2020, 6, 1, 12, tzinfo=dt.UTC))
    for slug in ("reykjavik", "rochester", "salisbury", "trollhattan"):
        _published(slug, outcome.edition, dt.datetime(2020, 10, 1, 12, tzinfo=dt.UTC))
    _published("barcelona", outcome.edition, dt.datetime(2019, 6, 1, 12, tzinfo=dt.UTC))


def _published(slug: str, edition: Any, when: dt.datetime) -> None:
    Response.objects.create(
        place=Place.objects.get(slug=slug),
        edition=edition,
        state=State.PUBLISHED,
        published_at=when,
    )


def _newtown_joins(day: dt.date) -> Place:
    """A Spanish demo place that goes the whole accession path from ``day``, a month a step."""
    newcomer = Place.objects.create(slug="demo-newtown", name="Newtown (demo)", country_id="ES")
    for step in ACCESSION_PATH:
        membership_step_record(place=newcomer, step=step, date=day)
        day += dt.timedelta(days=30)
    return newcomer


def _text(content: bytes, fmt: str) -> str:
    if fmt == "pdf":
        text = " ".join(pdf_pages(content))
    else:
        text = re.sub(r"<[^>]+>", " ", content.decode())
        text = text.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")
    # one space for every run of spaces (French groups digits with a narrow no-break space)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def _check_seed_figures(text: str, lang: str) -> None:
    said = SENTENCES[lang]
    assert said["members"].format(n=SEED_MEMBERS) in text
    assert said["new"] in text
    for name in SEED_NEW_MEMBERS[lang]:
        assert name in text
    assert said["accessions"].format(n=SEED_ACCESSIONS) in text
    assert "Kobe" in text
    assert said["index"].format(n=len(SEED_INDEX_CITIES)) in text
    for name in SEED_INDEX_CITIES:
        assert name in text
    assert "Barcelon" not in text  # its index report was completed in 2019
    for day in SEED_MAJOR_EVENT_DAYS[lang] + SEED_REGIONAL_DAYS[lang]:
        assert day in text, day
    assert "Cluj-Napoca" in text and "Marrakech" in text
    assert said["grants"] in text
    for name in SEED_GRANT_PLACES:
        assert name in text
    assert said["visits"] in text
    for name in SEED_VISITS:
        assert name in text
    assert SEED_TOTAL[lang] in text
    for network in ("RECI", "RPCI", "ICC-UA", "REMIRI", "Città del Dialogo"):
        assert network in text
    assert SEED_VISIBILITY[lang] in text
    for title in SEED_POLICY_BRIEFS[lang] + SEED_PUBLICATION_KINDS[lang]:
        assert title in text, title
    assert "The Creative Bureaucracy: What, why and how" in text


def test_the_2020_report_states_the_seed_figures(tmp_path: Any) -> None:
    """HTML and PDF (read back with pdftotext), French and English, and the command's DOCX."""
    _load_2020()
    for lang in ("fr", "en"):
        for fmt in ("html", "pdf"):
            content = annual_report_render(year=2020, lang=lang, fmt=fmt)
            _check_seed_figures(_text(content, fmt), lang)
    for fmt in ("html", "pdf", "docx"):
        out = tmp_path / f"r.{fmt}"
        call_command("annual-report", year=2020, lang="fr", fmt=fmt, output=str(out))
        assert out.stat().st_size > 1000
    from docx import Document

    words = " ".join(p.text for p in Document(str(tmp_path / "r.docx")).paragraphs)
    _check_seed_figures(" ".join(words.replace("\u202f", " ").replace("\u00a0", " ").split()), "fr")


def test_the_next_report_follows_the_records(tmp_path: Any) -> None:
    _load_2020()
    before = _text(annual_report_render(year=2020, lang="en", fmt="html"), "html")
    assert "141 participating cities" in before
    assert "published 111 news items" in before

    _newtown_joins(dt.date(2020, 3, 1))
    Expense.objects.create(
        year=2020,
        activity_en="Demo line",
        category=ExpenseCategory.EVENTS,
        amount_eur=Decimal("100.00"),
    )
    NewsItem.objects.create(
        slug="demo-news",
        title="Demo news",
        published_at=timezone.make_aware(dt.datetime(2020, 5, 4)),
    )

    after = _text(annual_report_render(year=2020, lang="en", fmt="html"), "html")
    assert "142 participating cities" in after
    assert "7 new members" in after and "Newtown (demo)" in after
    assert "436,742.14" in after
    assert "published 112 news items" in after


def test_events_count_in_the_year_of_their_own_time_zone() -> None:
    """An evening event in Montréal on 31 December is already 1 January in Paris (the server's
    time zone), and a morning event in Tokyo on 1 January still 31 December there: each belongs
    to the report of the year its own dates say."""
    from icc.events.models import EventKind
    from icc.events.services.setup import EventSpec, event_upsert
    from icc.programme.selectors import annual_report_data

    for slug, zone, day in (
        ("new-year-eve-montreal", "America/Montreal", dt.date(2020, 12, 31)),
        ("new-year-tokyo", "Asia/Tokyo", dt.date(2021, 1, 1)),
    ):
        start = dt.datetime.combine(day, dt.time(19 if day.month == 12 else 8), ZoneInfo(zone))
        event_upsert(
            spec=EventSpec(
                slug=slug,
                kind=EventKind.WORKSHOP,
                start=start,
                end=start + dt.timedelta(hours=2),
                timezone=zone,
                title={"en": slug},
            )
        )
    for year, shown, not_shown in (
        (2020, "new-year-eve-montreal", "new-year-tokyo"),
        (2021, "new-year-tokyo", "new-year-eve-montreal"),
    ):
        titles = [e.title for e in annual_report_data(year=year).major_events]
        assert shown in titles and not_shown not in titles, (year, titles)


def test_a_year_without_records_says_so_instead_of_zeros_and_empty_lists() -> None:
    """A report made before the year's records are in does not tell the donors that EUR 0.00
    was spent (not even marked provisional), nor print "0 new members: ." with nothing after."""
    for lang, nothing_spent, zero in (
        ("en", "No expenditure has been recorded for 2031 yet.", "EUR 0.00"),
        ("fr", "Aucune dépense n'est encore enregistrée pour 2031.", "EUR 0,00"),
    ):
        html = annual_report_render(year=2031, lang=lang, fmt="html")
        text = _text(html[html.index(b"<main>") :], "html")
        assert nothing_spent in text and zero not in text
        assert ": ." not in text and " : ." not in text and ":." not in text, text
        assert "0 new members" not in text and "0 nouveaux membres" not in text, text
        assert "0 publications" not in text, text


def test_a_cancelled_grant_is_not_counted_among_the_projects_supported() -> None:
    """The report's "N projects supported by grants" counted a grant the secretariat had marked
    cancelled; the year's page still lists it, with its status."""
    from icc.programme.models import Grant, GrantStatus
    from icc.programme.selectors import annual_report_data

    directory_demo_load()
    bilbao, getxo = Place.objects.get(slug="bilbao"), Place.objects.get(slug="getxo")
    Grant.objects.create(title="Twin walks", lead_place=bilbao, start=dt.date(2020, 3, 1))
    Grant.objects.create(
        title="Called off",
        lead_place=getxo,
        start=dt.date(2020, 4, 1),
        status=GrantStatus.CANCELLED,
    )
    text = _text(annual_report_render(year=2020, lang="en", fmt="html"), "html")
    assert "1 project supported by a grant" in text and "Called off" not in text
    assert [g.title for g in annual_report_data(year=2020).grants] == ["Twin walks"]


def test_every_count_of_the_report_agrees_with_its_number_in_html_and_docx() -> None:
    """One member in one country, one news item: the report said "1 participating city in 1
    countries" and "published 1 news items" (only the member count was pluralised). Each count
    takes its own singular or plural, in English and in French (where 0 is singular too), in the
    HTML and in the Word file made from it."""
    import io

    from docx import Document

    from icc.network.models import Country

    Country.objects.create(code="ES", name="Spain")
    _newtown_joins(dt.date(2019, 3, 1))
    NewsItem.objects.create(
        slug="demo-news",
        title="Demo news",
        published_at=timezone.make_aware(dt.datetime(2020, 5, 4)),
    )
    expected = {
        "en": [
            "At the end of 2020, the network had 1 participating city in 1 country.",
            "The programme published 1 news item and 0 good practices, and sent 0 newsletter "
            "issues.",
        ],
        "fr": [
            "Fin 2020, le réseau comptait 1 ville participante dans 1 pays.",
            "Le programme a publié 1 actualité et 0 bonne pratique, et envoyé 0 numéro de la "
            "newsletter.",
        ],
    }
    for lang, sentences in expected.items():
        html = _text(annual_report_render(year=2020, lang=lang, fmt="html"), "html")
        docx = Document(io.BytesIO(annual_report_render(year=2020, lang=lang, fmt="docx")))
        words = " ".join(" ".join(p.text for p in docx.paragraphs).split())
        for sentence in sentences:
            assert sentence in html, (lang, html)
            assert sentence in words, (lang, words)
        assert "countries" not in html and "news items" not in html
