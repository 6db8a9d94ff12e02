"""``icc index import-xlsform … --dry-run`` on forms in every format pyxform reads: an index
edition in .xls or .csv scores like its .xlsx; a third-party form passes with warnings; a
broken one is refused with sheet, row and column."""

import io

import pytest
from django.core.management import CommandError, call_command

from icc.index.models import Edition
from icc.xlsform.tests.builders import Rows, xls, xlsform_csv, xlsx
from icc.xlsform.tests.test_read import CHOICES as WASH_CHOICES
from icc.xlsform.tests.test_read import SETTINGS as WASH_SETTINGS
from icc.xlsform.tests.test_read import SURVEY as WASH_SURVEY

SURVEY: Rows = [
    ["type", "name", "label::English (en)", "label::Français (fr)", "indicator", "level"],
    ["begin group", "commitment", "Commitment", "Engagement", None, None],
    ["select_one yn", "strategy", "A strategy?", "Une stratégie ?", "commitment", "core"],
    ["select_multiple langs", "languages", "Languages", "Langues", "commitment", None],
    ["end group", None, None, None, None, None],
]
CHOICES: Rows = [
    ["list_name", "name", "label::English (en)", "label::Français (fr)", "points"],
    ["yn", "yes", "Yes", "Oui", 100],
    ["yn", "no", "No", "Non", 0],
    ["langs", "en", "English", "Anglais", 50],
    ["langs", "fr", "French", "Français", 50],
]
INDICATORS: Rows = [
    ["code", "label::English (en)", "label::Français (fr)", "weight"],
    ["commitment", "Commitment", "Engagement", 2],
]
SETTINGS: Rows = [["form_title", "form_id", "version"], ["Mini index", "mini", "1"]]
BUILDERS = {".xlsx": xlsx, ".xls": xls, ".csv": xlsform_csv}


def run(path, *extra) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "index", "import-xlsform", str(path), "--edition", "e", *extra, stdout=out, stderr=err
    )
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".xls", ".csv"])
def test_an_edition_in_xls_or_csv_imports_and_scores_like_xlsx(tmp_path, suffix):
    sheets = {"survey": SURVEY, "choices": CHOICES, "settings": SETTINGS}
    path = tmp_path / f"mini{suffix}"
    path.write_bytes(BUILDERS[suffix](**sheets, indicators=INDICATORS))
    out, _ = run(path)
    assert "Imported edition e: 2 questions (2 scored), 1 indicators, languages en, fr" in out
    edition = Edition.objects.get(name="e")
    assert edition.method["indicators"] == [{"code": "commitment", "weight": 2.0}]
    assert edition.areas.get(code="commitment").labels == {"en": "Commitment", "fr": "Engagement"}
    assert edition.source_filename == path.name


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_a_third_party_form_passes_the_dry_run_with_warnings(tmp_path, suffix):
    path = tmp_path / f"wash{suffix}"
    sheets = {"survey": WASH_SURVEY, "choices": WASH_CHOICES, "settings": WASH_SETTINGS}
    path.write_bytes(BUILDERS[suffix](**sheets))
    out, err = run(path, "--dry-run")
    assert err == ""
    assert "Checked edition e: 14 questions (0 scored)" in out
    for fragment in (
        "warning: survey, row 15, column type: The loop 'facility_loop' is kept",
        "uses count(), which the platform does not compute",
        "no question is scored",
    ):
        assert fragment in out, fragment
    # the pages apply choice filters now: no warning says they offer every choice
    assert "choice filter" not in out and "every choice" not in out
    assert not Edition.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_a_broken_form_fails_the_dry_run_with_sheet_row_and_column(tmp_path, suffix):
    survey: Rows = [
        ["type", "name", "label", "constraint"],
        ["text", "code", "Postcode", "regex(., '^[0-9]{5}$')"],
        ["integer", "age", "Age", ". > 0 and"],
    ]
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(BUILDERS[suffix](survey=survey))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command(
            "index", "import-xlsform", str(path), "--edition", "e", "--dry-run", stderr=err
        )
    assert "error: survey, row 3, column constraint: The constraint expression" in err.getvalue()
