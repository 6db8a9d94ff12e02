"""``icc index import-xlsform`` and the shipped edition, as a secretariat would use them."""

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from icc.index.models import Edition, Question
from icc.index.tests.fixtures.workbooks import Rows, workbook
from icc.index.xlsform.read import form_read
from icc.index.xlsform.source import form_from_source
from icc.index.xlsform.write import form_write

EDITIONS = Path(__file__).resolve().parent.parent / "editions"
SHIPPED = EDITIONS / "icc-2023.xlsx"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("index", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_shipped_workbook_is_built_from_its_yaml_source():
    source = yaml.safe_load((EDITIONS / "icc-2023.yaml").read_text(encoding="utf-8"))
    assert SHIPPED.read_bytes() == form_write(form_from_source(source)), (
        "icc-2023.xlsx is stale: run `icc index build-edition "
        "src/icc/index/editions/icc-2023.yaml src/icc/index/editions/icc-2023.xlsx`"
    )


def test_shipped_edition_covers_the_icc_model():
    form = form_read(filename=SHIPPED.name, content=SHIPPED.read_bytes())
    assert not form.warnings
    assert len(form.indicators) == 17
    assert 80 <= len(form.questions) <= 100
    assert {q.level for q in form.questions} == {"core", "advanced"}
    assert set(form.languages) >= {"en", "fr"}
    scored = [q for q in form.questions if q.scored]
    assert all(q.recommendations.get("en") and q.recommendations.get("fr") for q in scored)
    assert all(q.labels.get("fr") for q in form.questions)
    assert sum(1 for q in form.questions if q.relevant) >= 5


@pytest.mark.django_db
def test_dry_run_checks_and_saves_nothing():
    out, _ = run("import-xlsform", str(SHIPPED), "--edition", "2023", "--dry-run")
    assert "93 questions (88 scored), 17 indicators" in out
    assert "nothing saved" in out
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_import_stores_the_edition():
    run("import-xlsform", str(SHIPPED), "--edition", "2023", "--year", "2023")
    edition = Edition.objects.get(name="2023")
    assert edition.questions.count() == 93
    assert edition.form_version == "2023.1"
    assert edition.areas.filter(is_page=True).count() == 17
    strategy = edition.questions.get(code="commitment_strategy")
    assert strategy.labels["fr"] and strategy.recommendations["fr"]


def _refused(path) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command(
            "index",
            "import-xlsform",
            str(path),
            "--edition",
            "x",
            "--dry-run",
            stdout=io.StringIO(),
            stderr=err,
        )
    return err.getvalue()


@pytest.mark.django_db
def test_broken_workbook_is_refused_with_row_level_errors_and_nothing_saved(tmp_path):
    survey: list[list[object]] = [
        ["type", "name", "label::English (en)", "indicator", "weight", "level"],
        ["select_one yn", "q1", "First?", "commitment"],
        ["begin group", "g", "Group", ""],
        ["select_one yn", "q2", "Second", "commitment", 1, "medium"],
        ["end group"],
        ["text", "q3", "Third", "nowhere"],
    ]
    choices: Rows = [
        ["list_name", "name", "label::English (en)", "points"],
        ["yn", "yes", "Yes", "lots"],
    ]
    indicators: Rows = [["code", "label::English (en)", "weight"], ["commitment", "Commitment", 1]]
    path = tmp_path / "broken.xlsx"
    path.write_bytes(workbook(survey=survey, choices=choices, indicators=indicators))
    errors = _refused(path)
    assert "survey, row 4, column level" in errors and "'medium'" in errors
    assert "choices, row 2, column points" in errors
    assert "survey, row 6, column indicator" in errors and "nowhere" in errors
    # what pyxform refuses comes first, on its own (pyxform stops at its first error)
    survey[1] = ["select_one missing_list", "q1", "First?", "commitment"]
    path.write_bytes(workbook(survey=survey, choices=choices, indicators=indicators))
    errors = _refused(path)
    assert "survey, row 2" in errors and "missing_list" in errors
    assert not Edition.objects.exists() and not Question.objects.exists()


@pytest.mark.django_db
def test_third_party_kobo_form_imports_as_unscored_items():
    out, _ = run("import-xlsform", str(FIXTURES / "household_survey.xlsx"), "--edition", "kobo")
    assert "warning: indicators" in out and "no question is scored" in out
    assert "repeat" in out
    edition = Edition.objects.get(name="kobo")
    assert edition.questions.exists()
    assert not edition.questions.filter(scored=True).exists()
    assert edition.method == {}


def test_missing_file_is_reported():
    with pytest.raises(CommandError, match="does not exist"):
        call_command("index", "import-xlsform", "/nowhere.xlsx", "--edition", "x")
