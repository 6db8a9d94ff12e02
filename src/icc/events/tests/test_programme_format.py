"""Programme files: export → import leaves the programme identical; a bad file names every
problem with its path and changes nothing; the CLI speaks the same."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from icc.core.tabular import TabularFileError
from icc.events.demo import BILBAO_PROGRAMME
from icc.events.models import Person, SessionPerson
from icc.events.programme_format import (
    ProgrammeInvalid,
    programme_dump,
    programme_export,
    programme_import,
    programme_load,
    programme_parse,
)

pytestmark = pytest.mark.django_db


def snapshot(event):
    """What visitors see of the programme, in both working languages (API data)."""
    client = Client()
    return [
        client.get(f"/api/v1/events/{event.slug}/programme?lang={lang}").json()
        for lang in ("en", "fr")
    ]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("events", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_round_trip_leaves_the_programme_identical(bilbao, fmt):
    before_data = programme_export(event=bilbao)
    before = snapshot(bilbao)
    text = programme_dump(before_data, fmt=fmt)
    report = programme_import(event=bilbao, content=text.encode(), filename=f"programme.{fmt}")
    assert (report.parts, report.slots, report.sessions, report.people) == (4, 15, 14, 9)
    assert programme_export(event=bilbao) == before_data
    assert snapshot(bilbao) == before
    assert Person.objects.count() == 9  # people matched by key, not duplicated


def test_shipped_file_is_what_the_export_writes(bilbao):
    shipped = programme_load(content=BILBAO_PROGRAMME.read_bytes(), filename="bilbao.yaml")
    exported = programme_dump(programme_export(event=bilbao), fmt="yaml")
    assert programme_parse(shipped) == programme_parse(
        programme_load(content=exported.encode(), filename="export.yaml")
    )


BAD = """
format: icc-programme/1
people:
  - key: ana
    name: Ana
parts:
  - title: {fr: Sans anglais}
    date: 2023-13-40
    slots:
      - start: "9h30"
        sessions:
          - title: Welcome
            kind: keynote
            people:
              - {person: bob, role: moderator}
              - {person: ana, role: chair}
      - start: "11:00"
        end: "10:30"
        break: coffee
        sessions:
          - title: Not in a break
      - start: 11:30
        titel: typo
"""


def test_bad_file_lists_every_problem_with_its_path_and_saves_nothing(bilbao):
    before = snapshot(bilbao)
    with pytest.raises(ProgrammeInvalid) as caught:
        programme_import(event=bilbao, content=BAD.encode(), filename="bad.yaml")
    problems = {p.path: p.message for p in caught.value.problems}
    assert set(problems) >= {
        "parts[0].title",
        "parts[0].date",
        "parts[0].slots[0].start",
        "parts[0].slots[0].sessions[0].kind",
        "parts[0].slots[0].sessions[0].people[0].person",
        "parts[0].slots[0].sessions[0].people[1].role",
        "parts[0].slots[1].end",
        "parts[0].slots[1].sessions",
        "parts[0].slots[2].titel",
        "parts[0].slots[2]",
    }
    assert "English" in problems["parts[0].title"]
    assert "HH:MM" in problems["parts[0].slots[0].start"]
    assert "YYYY-MM-DD" in problems["parts[0].date"]
    assert "“bob”" in problems["parts[0].slots[0].sessions[0].people[0].person"]
    assert snapshot(bilbao) == before


def test_unquoted_times_are_read_as_times():
    data = programme_load(content=b"start: 11:30\nother: 9:05\n", filename="x.yaml")
    assert data == {"start": "11:30", "other": "9:05"}


def test_import_is_all_or_nothing_when_writing_fails(bilbao, monkeypatch):
    before = snapshot(bilbao)
    text = programme_dump(programme_export(event=bilbao), fmt="yaml").replace(
        "Fin de la réunion", "Fin"
    )

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SessionPerson.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        programme_import(event=bilbao, content=text.encode(), filename="p.yaml")
    assert snapshot(bilbao) == before


def test_a_copied_programme_imports_with_or_without_its_uids(bilbao, make_event, tmp_path):
    """A copy once had to drop its uid lines; now its sessions get new ones (see
    test_calendar_uids.py), and the command line says so."""
    other = make_event("copy")
    text = BILBAO_PROGRAMME.read_bytes().replace(
        b"event: coordinators-meeting-bilbao-2023", b"event: copy"
    )
    path = tmp_path / "copy.yaml"
    path.write_bytes(text)
    out, _ = run("import-programme", str(path), "--event", other.slug, "--dry-run")
    assert "14 sessions' uids belong to another event: they get new calendar identifiers." in out
    assert programme_import(event=other, content=text, filename="p.yaml").new_uids == 14
    without_uids = b"\n".join(
        line for line in text.splitlines() if not line.strip().startswith(b"- uid:")
    ).replace(b"            kind:", b"          - kind:")
    report = programme_import(event=other, content=without_uids, filename="p.yaml")
    assert (report.sessions, report.new_uids) == (14, 0)


def test_cli_export_import_dry_run_and_errors(bilbao, tmp_path):
    path = tmp_path / "bilbao.yaml"
    out, _ = run("export-programme", "--event", bilbao.slug, str(path))
    assert "Exported" in out and path.exists()
    before = snapshot(bilbao)
    edited = path.read_text(encoding="utf-8").replace("Pause-café", "Pause café bis")
    path.write_text(edited, encoding="utf-8")
    out, _ = run("import-programme", str(path), "--event", bilbao.slug, "--dry-run")
    assert "Dry run" in out and "14 sessions" in out
    assert snapshot(bilbao) == before
    run("import-programme", str(path), "--event", bilbao.slug)
    assert "Pause café bis" in json.dumps(snapshot(bilbao), ensure_ascii=False)
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("events", "import-programme", str(bad), "--event", bilbao.slug, stderr=err)
    assert "parts[0].slots[0].start" in err.getvalue()
    with pytest.raises(CommandError, match="No event"):
        run("import-programme", str(path), "--event", "nope")
    other = tmp_path / "other.yaml"
    other.write_text(edited.replace(f"event: {bilbao.slug}", "event: elsewhere"), "utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("events", "import-programme", str(other), "--event", bilbao.slug, stderr=err)
    assert "“elsewhere”" in err.getvalue()
    json_path = tmp_path / "bilbao.json"
    run("export-programme", "--event", bilbao.slug, str(json_path))
    assert json.loads(json_path.read_text(encoding="utf-8"))["format"] == "icc-programme/1"


def test_format_document_describes_every_key():
    doc = (Path(__file__).resolve().parent.parent / "PROGRAMME_FORMAT.md").read_text("utf-8")
    for key in (
        "format",
        "event",
        "people",
        "parts",
        "slots",
        "sessions",
        "uid",
        "break",
        "items",
        "role",
    ):
        assert f"`{key}`" in doc


def test_a_programme_over_the_size_limit_is_refused_naming_it(bilbao, tmp_path, settings):
    settings.ICC_IMPORT_MAX_BYTES = 2_000
    path = tmp_path / "bilbao.yaml"
    run("export-programme", "--event", bilbao.slug, str(path))
    before = snapshot(bilbao)

    with pytest.raises(CommandError, match=r"This file is [\d.]+ kB; the limit is 2 kB"):
        run("import-programme", str(path), "--event", bilbao.slug)
    with pytest.raises(TabularFileError, match="the limit is 2 kB"):
        programme_import(event=bilbao, content=path.read_bytes(), filename=path.name)
    assert snapshot(bilbao) == before
