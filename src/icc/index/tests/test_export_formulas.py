"""The edition export never hands a spreadsheet a formula, whatever a coordinator autosaves."""

import copy
from typing import Any

import pytest

from icc.conftest import FORMULA_PAYLOADS, client_for, download_cells
from icc.index.services import edition_import_xlsform, response_start
from icc.index.tests.conftest import SMALL_SOURCE
from icc.index.xlsform.source import form_from_source
from icc.index.xlsform.write import form_write

NOTES = [f"commitment_note_{n}" for n in range(len(FORMULA_PAYLOADS))]


@pytest.fixture
def notes_edition(db: Any) -> Any:
    """The test edition plus one free-text question per payload."""
    source = copy.deepcopy(SMALL_SOURCE)
    source["indicators"][0]["questions"] += [
        {"code": code, "type": "text", "level": "advanced", "label": {"en": "Notes", "fr": "Notes"}}
        for code in NOTES
    ]
    content = form_write(form_from_source(source))
    outcome = edition_import_xlsform(filename="test.xlsx", content=content, name="test", year=2023)
    return outcome.edition


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_text_answers_autosaved_by_a_coordinator_come_out_inert(
    notes_edition, directory, users, fmt
):
    response_start(place=directory["bilbao"], edition=notes_edition)
    coordinator = client_for(users["city_coordinator"])
    for code, payload in zip(NOTES, FORMULA_PAYLOADS, strict=True):
        saved = coordinator.post(
            f"/en/index/test/places/bilbao/answer/{code}/", {"value": payload, "version": "0"}
        )
        assert saved.status_code in (200, 302), saved.content
    staff = "/en/index/test/places/bilbao/answer/commitment_staff/"
    assert coordinator.post(staff, {"value": "12", "version": "0"}).status_code in (200, 302)

    download = client_for(users["secretariat"]).get(f"/en/index/test/export.{fmt}")

    cells = download_cells(download.getvalue(), fmt)
    quoted = [c[1:].strip() for c in cells if isinstance(c, str) and c.startswith("'")]
    for payload in FORMULA_PAYLOADS:
        assert payload.strip() in quoted, payload
    assert (12 if fmt == "xlsx" else "12") in cells  # a number answer stays a number
