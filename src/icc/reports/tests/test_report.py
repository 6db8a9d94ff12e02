"""The city index report: its content in English and French, as a page, a PDF and from the CLI."""

import io
import shutil
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F
from django.test import Client

from icc.index.models import Edition, PlaceResult, Response
from icc.index.scoring_service import edition_results_compute
from icc.knowledge.services import PracticeData, practice_create, practice_transition
from icc.knowledge.workflow import Action
from icc.network.selectors import place_get_public
from icc.reports.models import ReportFile
from icc.reports.services import report_file_make


def page(lang="en", slug="bilbao", edition="2023"):
    return Client().get(f"/{lang}/index/{edition}/places/{slug}/report/")


def test_report_page_in_english(editions):
    response = page()
    assert response.status_code == 200
    body = response.content.decode()
    assert "87.5" in body and "1st of 3 cities" in body
    assert "1st of 1 cities over 200,000 inhabitants" in body  # its population peers
    assert "2nd of 2 cities with less than 15\u00a0% foreign-born residents" not in body
    assert "1st of 2 cities with less than 15\u00a0% foreign-born residents" in body
    for area in ("Commitment", "Education"):
        assert area in body
    assert "Question commitment_strategy?" in body and "Yes" in body
    # the synthetic-data warning is said once, on the cover, not again above it
    assert body.count("cover-synthetic") == 1 and "notice synthetic" not in body
    # each peer group is named, not "Peer group" twice
    assert "Peer group: cities over 200,000 inhabitants" in body
    assert "Peer group: cities with less than 15\u00a0% foreign-born residents" in body
    assert "In 90 % of 1,000 simulations that vary the weights" in body
    assert "Member of the network" in body and "Test statistics office" in body
    # progress since 2021: commitment 75 -> 100 (+25), education unchanged: index +12.5
    assert "+12.5" in body and "+25.0" in body
    # the best other places in education: Reggio Emilia (100), then Getxo (25)
    education = body[body.index('id="area-education"') :]
    top = education[education.index("Cities that score best") :]
    assert top.index("Reggio Emilia") < top.index("Getxo") < top.index("</ol>")


def test_report_page_in_french(editions):
    body = page("fr").content.decode()
    assert "87,5" in body and "1re sur 3 villes" in body
    assert "1re sur 1 villes de plus de 200\u00a0000 habitant·e·s" in body
    for area in ("Engagement", "Éducation"):
        assert area in body
    assert "Question commitment_strategy ?" in body and "Oui" in body


def test_low_and_skipped_questions_carry_their_recommendations(editions):
    body = page(slug="reggio-emilia").content.decode()
    # "no" to the strategy hides the budget question, which then scores 0
    assert "Not asked: follows from an earlier answer" in body
    assert "Do more on commitment_budget." in body
    assert "Do more on commitment_strategy." in body
    assert "Do more on education_mixing." not in body  # full points


def test_a_place_new_to_the_index_has_no_progress(editions):
    Response.objects.filter(place__slug="getxo", edition__name="2021").delete()
    for name in ("2021", "2023"):  # as the task queued by unpublishing it would
        edition_results_compute(edition=editions[name])
    body = page(slug="getxo").content.decode()
    assert "No progress can be measured: this place has no published result in edition 2021." in (
        body
    )
    overall = body[body.index('class="overall"') :]
    overall = overall[: overall.index("</tr>")]
    assert overall.rstrip().endswith('<td class="num">—</td>')


def test_signs_and_dashes():
    from django.utils import translation
    from django.utils.formats import get_format

    from icc.reports.templatetags.reports_format import grouped, points, signed

    with translation.override("fr"):
        assert (signed(3.21), signed(-1.5), signed(0), signed(None), signed("")) == (
            "+3,2",
            "−1,5",
            "0,0",
            "—",
            "—",
        )
        thousands = get_format("THOUSAND_SEPARATOR")  # Django's French: a no-break space
        assert (points(50.0), points(None), grouped(346843)) == ("50", "—", f"346{thousands}843")


def test_no_report_without_a_published_response(editions):
    assert page(slug="braga").status_code == 404
    assert page(edition="1999").status_code == 404
    Response.objects.filter(place__slug="getxo").update(state="in_review")
    assert page(slug="getxo").status_code == 404


def test_a_practice_published_by_the_secretariat_shows_in_the_area_of_a_report(editions, users):
    """A coordinator of Reggio Emilia (best in education) submits a practice; the secretariat
    publishes it; Bilbao's report lists it under education, Reggio Emilia's own does not."""
    assert "Anti-rumour school pairs" not in page().content.decode()
    practice = practice_create(
        user=users["other_city_coordinator"],
        data=PracticeData(
            title="Anti-rumour school pairs",
            summary="Pupils pair up to answer rumours.",
            place_ids=[place_get_public(slug="reggio-emilia").pk],
            area_codes=["education"],
        ),
    )
    practice_transition(
        user=users["other_city_coordinator"], practice=practice, action=Action.SUBMIT
    )
    assert "Anti-rumour school pairs" not in page().content.decode()  # not yet published
    practice_transition(user=users["secretariat"], practice=practice, action=Action.PUBLISH)
    body = page().content.decode()
    assert "Anti-rumour school pairs" in body
    assert "/knowledge/practices/anti-rumour-school-pairs/" in body
    assert "Anti-rumour school pairs" not in page(slug="reggio-emilia").content.decode()


PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"  # poppler-utils


def pdf_pages(path):
    """The text of each page of a PDF, by poppler's pdftotext."""
    text = subprocess.run(  # noqa: S603 - our own PDF file, a fixed program
        [PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [p for p in text.split("\f") if p.strip()]


def test_pdf_from_the_command_line_in_french(editions, tmp_path):
    output = tmp_path / "bilbao.pdf"
    out = io.StringIO()
    call_command(
        "report",
        "--place",
        "Bilbao",
        "--edition",
        "2023",
        "--lang",
        "fr",
        "--format",
        "pdf",
        "--output",
        str(output),
        stdout=out,
    )
    assert output.read_bytes().startswith(b"%PDF")
    assert "(synthetic data)" in out.getvalue()
    pages = pdf_pages(output)
    text = "\n".join(pages)
    assert "87,5" in text and "1re sur 3 villes" in text
    for area in ("Engagement", "Éducation"):
        assert area in text
    assert len(pages) >= 5
    for number, content in enumerate(pages, start=1):
        assert "Données synthétiques — démonstration" in content or (
            "Synthetic data — demonstration" in content
        ), f"page {number} lacks the synthetic mark"


def test_real_data_has_no_synthetic_mark(editions, tmp_path):
    Response.objects.update(is_synthetic=False)
    PlaceResult.objects.update(is_synthetic=False)
    output = tmp_path / "getxo.pdf"
    call_command(
        "report",
        "--place",
        "getxo",
        "--edition",
        "2023",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    text = "\n".join(pdf_pages(output))
    assert "Getxo" in text and "25.0" in text and "3rd of 3 cities" in text
    assert "Synthetic" not in text


def test_html_from_the_command_line(editions, tmp_path):
    output = tmp_path / "report.html"
    call_command(
        "report",
        "--place",
        "REGGIO EMILIA",
        "--edition",
        "2023",
        "--format",
        "html",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    html = output.read_text()
    assert html.startswith("<!doctype html>") and "Reggio Emilia" in html
    assert "data:image/svg+xml;base64," in html  # the charts, drawn by vl-convert


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--place", "Atlantis", "--edition", "2023"], "No place is named “Atlantis”"),
        (["--place", "braga", "--edition", "2023"], "Braga has no published response"),
        (["--place", "bilbao", "--edition", "1999"], "no index edition named “1999”"),
        (["--edition", "2023"], "Give either --place NAME or --all."),
        (["--edition", "2023", "--all", "--format", "html"], "--all makes PDF reports"),
    ],
)
def test_command_line_errors_are_clear(editions, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *args, stdout=io.StringIO())


def test_pdf_address_serves_the_stored_report_of_the_current_results(editions):
    client = Client()
    url = "/fr/index/2023/places/bilbao/report.pdf"
    preparing = client.get(url)  # nothing made yet: the page says so and reloads itself
    assert preparing.status_code == 202 and preparing["Retry-After"]
    assert b'http-equiv="refresh"' in preparing.content and b"report-preparing" in preparing.content
    report_file_make(place=place_get_public(slug="bilbao"), edition=editions["2023"], lang="fr")
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert first.getvalue().startswith(b"%PDF")
    stored = ReportFile.objects.get(place__slug="bilbao", lang="fr")
    assert stored.results_version == editions["2023"].result.version
    assert client.get(url).getvalue().startswith(b"%PDF")
    assert ReportFile.objects.get(pk=stored.pk).generated_at == stored.generated_at
    # newer results: the stored file no longer matches them until the background run remakes it
    Edition.objects.filter(pk=editions["2023"].pk).update(results_version=F("results_version") + 1)
    edition_results_compute(edition=editions["2023"])
    assert client.get(url).status_code == 202
    assert client.get("/fr/index/2023/places/braga/report.pdf").status_code == 404


def test_the_sources_line_follows_french_typography() -> None:
    """« Population : INE. » in a French report, with the space French puts before a colon."""
    from types import SimpleNamespace

    from django.utils import translation

    from icc.reports.report.typeset import _sources

    fact = SimpleNamespace(
        population_source="INE 2020",
        foreign_born_source="",
        non_nationals_source="Padrón",
        approximate=False,
    )
    with translation.override("fr"):
        assert _sources(fact) == "Population\u00a0: INE 2020. Non-ressortissant·e·s\u00a0: Padrón."
    with translation.override("en"):
        assert _sources(fact) == "Population: INE 2020. Non-nationals: Padrón."
