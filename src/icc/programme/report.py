"""The annual report as a file: HTML, PDF or DOCX, in English or French, from
``selectors.annual_report_data``.

- HTML and PDF are the same document: the HTML is rendered from one template with its
  stylesheet inlined, and WeasyPrint prints it (as ``icc.events.pdf`` prints an agenda). The
  report is a few pages of running text and lists, where WeasyPrint's CSS paged media is
  enough; Typst (used for the 19-page city reports, for speed) would need a second layout.
- DOCX is the same HTML written with python-docx (``report_docx``), so the Word file the
  secretariat edits further says exactly what the HTML and PDF say.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Literal

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from icc.programme.report_docx import docx_from_html
from icc.programme.selectors import AnnualReportData, annual_report_data

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # type: ignore[import-untyped]  # noqa: E402 -- after the logger

ReportFormat = Literal["html", "pdf", "docx"]
FORMATS: tuple[ReportFormat, ...] = ("html", "pdf", "docx")
LANGUAGES = ("en", "fr")
STYLESHEET = "programme/annual-report.css"
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _css() -> str:
    found = finders.find(STYLESHEET)
    path = found[0] if isinstance(found, list) else found
    return Path(path).read_text(encoding="utf-8") if path else ""


def _html(data: AnnualReportData, lang: str, base_url: str) -> str:
    return render_to_string(
        "programme/annual_report_document.html",
        {
            "report": data,
            "lang": lang,
            "inline_css": _css(),
            "base_url": base_url.rstrip("/"),
            "made_on": date_format(timezone.localdate(), "DATE_FORMAT"),
        },
    )


def annual_report_render(
    *, year: int, lang: str, fmt: ReportFormat, base_url: str = "https://icc.example.org"
) -> bytes:
    """The annual report of ``year`` in ``lang`` as ``fmt`` bytes."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; use one of {', '.join(LANGUAGES)}.")
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    with translation.override(lang):
        data = annual_report_data(year=year)
        html = _html(data, lang, base_url)
        if fmt == "docx":
            out = io.BytesIO()
            docx_from_html(html).save(out)
            return out.getvalue()
        if fmt == "html":
            return html.encode("utf-8")
        pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
        return pdf
