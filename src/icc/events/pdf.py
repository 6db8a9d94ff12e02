"""The printable agenda as PDF: the same HTML as the agenda page, rendered by WeasyPrint with
the agenda's stylesheet inlined (no network, no static server needed)."""

import logging
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from icc.events.models import Event
from icc.events.programme_tree import PartEntry

# WeasyPrint reports each step of its work at INFO level, from its import on: warnings only.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # type: ignore[import-untyped]  # noqa: E402 -- after the logger

STYLESHEET = "events/agenda.css"


def _css() -> str:
    found = finders.find(STYLESHEET)
    path = found[0] if isinstance(found, list) else found
    return Path(path).read_text(encoding="utf-8") if path else ""


def agenda_pdf(*, event: Event, parts: list[PartEntry], base_url: str) -> bytes:
    """The agenda of ``event`` as a PDF (A4), in the active language."""
    html = render_to_string(
        "events/agenda_document.html",
        {"event": event, "parts": parts, "inline_css": _css(), "base_url": base_url},
    )
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf
