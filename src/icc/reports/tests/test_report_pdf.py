"""The PDF of a city report (Typst): running headers, contents, literal texts, charts drawn once."""

import shutil
import subprocess

from django.utils import translation

from icc.index.models import Edition
from icc.network.models import Place
from icc.reports.report.data import report_data
from icc.reports.report.render import report_pdf

PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"  # poppler-utils


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of a PDF, by poppler's pdftotext."""
    text = subprocess.run(  # noqa: S603 - our own PDF, a fixed program
        [PDFTOTEXT, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return [p for p in text.split("\f") if p.strip()]


def bilbao_pdf(lang: str = "en") -> bytes:
    with translation.override(lang):
        return report_pdf(
            report_data(
                place=Place.objects.get(slug="bilbao"),
                edition=Edition.objects.get(name="2023"),
            )
        )


def test_pages_name_their_section_and_count_the_pages(editions):
    pages = pdf_pages(bilbao_pdf())
    total = len(pages)
    for number, content in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in content
        assert "Bilbao · 2023" in content
    contents = pages[1]
    assert "Contents" in contents and "Results by indicator area" in contents
    summary = next(p for p in pages if "Scores out of 100 by indicator area" in p)
    assert summary.splitlines()[0].rstrip().endswith("Summary")
    progress = next(p for p in pages if "Change since edition 2021" in p)
    assert progress.splitlines()[0].rstrip().endswith("Progress since the previous edition")


def test_contents_give_the_page_of_each_section(editions):
    pages = pdf_pages(bilbao_pdf("fr"))
    contents = pages[1]
    line = next(li for li in contents.splitlines() if "Annexe méthodologique" in li)
    annex_page = int(line.split()[-1].strip("\u2060"))  # Typst joins the number to its leader
    assert "Annexe méthodologique" in pages[annex_page - 1]
    assert "Ce que mesure l'Index" in pages[annex_page - 1]


def test_texts_that_look_like_markup_are_printed_as_written(editions):
    name = 'Bilbao #1 *star* _x_ $y$ "q" \\ [b] <c> @d = e'
    Place.objects.filter(slug="bilbao").update(name=name)
    text = "\n".join(pdf_pages(bilbao_pdf()))
    assert name in text


def test_a_report_made_again_draws_no_chart_twice(editions):
    from icc.reports.report.render import _profile_svg

    first = pdf_pages(bilbao_pdf())
    drawn = _profile_svg.cache_info().misses
    again = pdf_pages(bilbao_pdf())
    assert _profile_svg.cache_info().misses == drawn
    assert again[2:] == first[2:]  # the same report, but for the cover's date line
