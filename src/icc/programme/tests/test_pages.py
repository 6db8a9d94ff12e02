"""The secretariat's programme pages: access, the annual report made in the background and served
from storage, the expenditure table's import (row-level errors) and export, and expert visits on
a place's timeline."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from icc.conftest import client_for, download_cells
from icc.network.models import Place
from icc.programme.models import AnnualReportFile, Expense, ExpertVisit, Grant

pytestmark = pytest.mark.django_db


def _upload(client: Any, path: str, name: str, content: bytes, **data: str) -> str:
    """Post ``content`` as the file ``name`` to an import page, follow its answer and give the
    page it lands on."""
    answer = client.post(path, {**data, "file": SimpleUploadedFile(name, content)}, follow=True)
    return str(answer.content.decode())


def test_programme_pages_are_for_the_secretariat_only(users: dict[str, Any]) -> None:
    for role in ("resident", "city_coordinator", "network_coordinator"):
        assert client_for(users[role]).get("/en/programme/2020/").status_code == 403
    assert client_for(None).get("/en/programme/").status_code == 302
    page = client_for(users["secretariat"]).get("/en/programme/2020/")
    assert page.status_code == 200
    assert "Annual report 2020" in page.content.decode()


def test_the_report_is_made_in_the_background_and_served_from_storage(
    users: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    Expense.objects.create(
        year=2020, activity_en="Webinars", category="events", amount_eur=Decimal("1234.50")
    )
    client = client_for(users["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            "/en/programme/2020/annual-report/", {"languages": ["en"], "formats": ["html", "docx"]}
        )
    assert answer.status_code == 302
    stored = AnnualReportFile.objects.get(year=2020, lang="en", fmt="html")
    page = client.get("/en/programme/2020/").content.decode()
    assert f"/en/programme/annual-reports/{stored.pk}/" in page
    assert "Done" in page or "done" in page
    download = client.get(f"/en/programme/annual-reports/{stored.pk}/")
    body = b"".join(download.streaming_content).decode()  # type: ignore[attr-defined]
    assert "1,234.50" in body and "2 participating cities" not in body
    assert "3 participating cities" in body  # Bilbao, Getxo, Reggio Emilia; Braga is a candidate
    assert AnnualReportFile.objects.filter(year=2020, fmt="docx").exists()
    assert client.get("/en/programme/annual-reports/999999/").status_code == 404
    assert (
        client_for(users["resident"]).get(f"/en/programme/annual-reports/{stored.pk}/").status_code
        == 403
    )


def test_an_expenditure_file_with_errors_imports_nothing_and_names_each_line(
    users: dict[str, Any],
) -> None:
    client = client_for(users["secretariat"])
    bad = (
        b"year,activity_en,activity_fr,category,amount_eur,certification\r\n"
        b"2020,Webinars,Webinaires,events,1200.00,provisional\r\n"
        b"2020,Studies,,research,12.5,\r\n"
        b"20x0,,,grants,ten,certified\r\n"
    )
    page = _upload(client, "/en/programme/expenditure/import/", "costs.csv", bad, year="2020")
    assert "Line 3, column “category”" in page
    assert "Line 4, column “year”" in page and "Line 4, column “amount_eur”" in page
    assert "Line 4, column “activity_en”" in page
    assert not Expense.objects.exists()

    good = (
        b"year,activity_en,activity_fr,category,amount_eur,certification\r\n"
        b"2020,Webinars,Webinaires,events,1 200,50,provisional\r\n"
    )
    # a French-style amount inside a CSV cell must be quoted
    good = good.replace(b"1 200,50", b'"1 200,50"')
    _upload(client, "/en/programme/expenditure/import/", "costs.csv", good, year="2020")
    line = Expense.objects.get()
    assert line.amount_eur == Decimal("1200.50")
    assert getattr(line, "activity_fr", None) == "Webinaires"

    bilbao = Place.objects.get(slug="bilbao")
    grant = Grant.objects.create(
        title="=Twinning", lead_place=bilbao, start=dt.date(2020, 3, 1), amount=Decimal("5000")
    )
    grant.partner_places.add(Place.objects.get(slug="getxo"))
    ExpertVisit.objects.create(
        place=bilbao, date=dt.date(2020, 5, 1), mode="on_site", purpose="diagnosis"
    )
    export = client.get("/en/programme/2020/expenditure.xlsx")
    cells = download_cells(export.content, "xlsx")
    assert "'=Twinning" in cells and "Getxo" in cells and "In-depth diagnosis" in cells
    assert "Webinars" in cells and Decimal("1200.50") in [
        Decimal(str(c)) for c in cells if isinstance(c, float | int)
    ]
    reimported = _upload(
        client,
        "/en/programme/expenditure/import/",
        "again.xlsx",
        export.content,
        year="2020",
        dry_run="on",
    )
    assert "1 line would be added" in reimported
    assert Expense.objects.count() == 1


def test_an_expert_visit_shows_on_the_place_timeline(
    directory: dict[str, Any], client: Any
) -> None:
    ExpertVisit.objects.create(
        place=directory["bilbao"],
        date=dt.date(2020, 11, 19),
        mode="virtual",
        purpose="confirm_index",
        profile_url="https://example.org/bilbao-profile",
    )
    page = client.get("/en/network/places/bilbao/").content.decode()
    assert "Expert visit (Virtual): Confirm the index results" in page
    assert "https://example.org/bilbao-profile" in page


def test_a_file_without_the_needed_columns_is_refused_column_by_column(
    users: dict[str, Any],
) -> None:
    client = client_for(users["secretariat"])
    page = _upload(
        client,
        "/en/programme/expenditure/import/",
        "costs.csv",
        b"year,activity_en\r\n2020,Webinars\r\n",
    )
    assert "Line 1, column “category”: this column is missing." in page
    assert "Line 1, column “amount_eur”" in page
    assert not Expense.objects.exists()
    refused = _upload(client, "/en/programme/expenditure/import/", "costs.txt", b"year\r\n2020\r\n")
    assert "cannot be imported" in refused


def test_the_years_page_totals_each_year(users: dict[str, Any]) -> None:
    for year, activity, category, amount, certification in (
        (2020, "A", "events", "10", "provisional"),
        (2020, "B", "grants", "5.25", "certified"),
        (2019, "C", "events", "1", "certified"),
    ):
        Expense.objects.create(
            year=year,
            activity_en=activity,
            category=category,
            amount_eur=Decimal(amount),
            certification=certification,
        )
    page = client_for(users["secretariat"]).get("/en/programme/").content.decode()
    assert "15.25" in page
    assert page.index(">2020<") < page.index(">2019<")
    assert "Provisional" in page and "Certified" in page


def test_texts_longer_than_their_column_and_amounts_too_large_are_refused_by_line(
    users: dict[str, Any],
) -> None:
    """What the database cannot hold (a 400-character activity, an amount of 10^30 euros, a year
    in superscript digits) is a line's error in the reader's language, not a server error on
    PostgreSQL or a silently stored value on SQLite; nothing is written."""
    client = client_for(users["secretariat"])
    long_text = "A" * 400
    costs = (
        "year,activity_en,activity_fr,category,amount_eur\r\n"
        f"2020,{long_text},,events,12\r\n"
        "2020,Webinars,,events,1e30\r\n"
        "2020,Webinars,,events,99999999999\r\n"
        "\u00b2\u00b2,Webinars,,events,12\r\n"
    ).encode()
    page = _upload(client, "/en/programme/expenditure/import/", "costs.csv", costs, year="2020")
    assert "Line 2, column “activity_en”: This text has 400 characters" in page
    assert "Line 3, column “amount_eur”: the amount is too large" in page
    assert "Line 4, column “amount_eur”: the amount is too large" in page
    assert "Line 5, column “year”" in page
    french = _upload(client, "/fr/programme/expenditure/import/", "costs.csv", costs, year="²")
    assert "Ligne 3, colonne « amount_eur » : le montant est trop élevé" in french
    assert "10 000 000 000" in french.replace("\u202f", " ").replace("\xa0", " ")

    grants = (f"title,lead_place,amount,start\r\n{long_text},bilbao,1e12,2020-03-01\r\n").encode()
    page = _upload(client, "/en/programme/records/import/grants/", "g.csv", grants, year="2020")
    assert "Line 2, column “title”: This text has 400 characters" in page
    assert "Line 2, column “amount”: the amount is too large" in page
    visits = (
        f"place,date,mode,purpose,experts\r\nbilbao,2020-05-04,virtual,diagnosis,{'E' * 600}\r\n"
    ).encode()
    page = _upload(client, "/en/programme/records/import/visits/", "v.csv", visits, year="2020")
    assert "Line 2, column “experts”: This text has 600 characters" in page
    assert not Expense.objects.exists() and not Grant.objects.exists()
    assert not ExpertVisit.objects.exists()


def test_grants_and_visits_import_all_or_nothing_and_round_trip(users: dict[str, Any]) -> None:
    """Grants and expert visits come in from a table with the export's columns: places by slug
    or name, choices by code or label; a file with one bad line writes nothing and names it."""
    from icc.core.tabular.write import csv_bytes
    from icc.programme.expense_table import grants_sheet, visits_sheet

    client = client_for(users["secretariat"])
    bad = (
        b"title,lead_place,partner_places,amount,currency,start,end,status\r\n"
        b'Twin walks,bilbao,"Getxo, Reggio Emilia",12500,EUR,2020-03-01,2020-12-31,Completed\r\n'
        b",Atlantis,Nowhere,lots,EURO,03/2020,,finished\r\n"
    )
    page = _upload(client, "/en/programme/records/import/grants/", "grants.csv", bad, year="2020")
    for kind in ("grants", "visits"):  # the year page offers both imports
        assert f'action="/en/programme/records/import/{kind}/"' in page
        assert f'id="import-{kind}"' in page
    for column in (
        "title",
        "lead_place",
        "partner_places",
        "amount",
        "currency",
        "start",
        "status",
    ):
        assert f"Line 3, column “{column}”" in page, column
    assert "Line 2" not in page and not Grant.objects.exists()

    good = bad.split(b"\r\n")[0] + b"\r\n" + bad.split(b"\r\n")[1] + b"\r\n"
    _upload(client, "/en/programme/records/import/grants/", "grants.csv", good, year="2020")
    grant = Grant.objects.get()
    assert (grant.lead_place.slug, grant.amount, grant.status) == (
        "bilbao", Decimal("12500"), "completed"
    )  # fmt: skip
    assert sorted(p.slug for p in grant.partner_places.all()) == ["getxo", "reggio-emilia"]

    visits = (
        b"place,date,mode,purpose,experts,secretariat,profile\r\n"
        b"Bilbao,2020-05-04,Virtuelle,diagnosis,A. Expert,B. Officer,Bilbao profile\r\n"
    )
    _upload(client, "/en/programme/records/import/visits/", "visits.csv", visits, year="2020")
    visit = ExpertVisit.objects.get()
    assert (visit.place.slug, visit.mode, visit.purpose) == ("bilbao", "virtual", "diagnosis")

    # what the export writes imports again (a check only here: the lines would be added)
    for kind, sheet in (("grants", grants_sheet([grant])), ("visits", visits_sheet([visit]))):
        again = _upload(
            client,
            f"/en/programme/records/import/{kind}/",
            "x.csv",
            csv_bytes(sheet),
            year="2020",
            dry_run="on",
        )
        assert "1 line would be added" in again, kind
    assert client_for(users["city_coordinator"]).post(
        "/en/programme/records/import/grants/", {"file": SimpleUploadedFile("g.csv", good)}
    ).status_code in (302, 403)
    assert Grant.objects.count() == 1 and ExpertVisit.objects.count() == 1


def test_a_refused_report_request_keeps_the_boxes_as_they_were_ticked(
    users: dict[str, Any],
) -> None:
    """Asking for a report without a format answers on the same page with what to change, and
    the languages and formats ticked stay ticked (not the defaults again); nothing is queued."""
    from icc.core.models import Job

    client = client_for(users["secretariat"])
    for lang, said in (
        ("en", "Choose at least one language and one format."),
        ("fr", "Choisissez"),
    ):
        answer = client.post(f"/{lang}/programme/2020/annual-report/", {"languages": ["fr"]})
        assert answer.status_code == 400
        page = answer.content.decode()
        assert said in page and 'role="alert"' in page
        assert 'value="fr" checked' in page.replace('id="id_languages_1" ', "")
        assert 'value="en" checked' not in page.replace('id="id_languages_0" ', "")
        assert 'value="pdf" checked' not in page.replace('id="id_formats_1" ', "")
    assert not Job.objects.exists()


def test_a_date_outside_the_programme_years_is_a_lines_error(users: dict[str, Any]) -> None:
    """A grant typed as starting in 0202 with no end was imported and then ran in every year's
    page and report; a visit dated 2202 in none. Both are refused by line, as a year outside
    1990–2100 is for an expenditure line."""
    client = client_for(users["secretariat"])
    grants = b"title,lead_place,start,end\r\nTwin walks,bilbao,0202-03-01,\r\n"
    page = _upload(client, "/en/programme/records/import/grants/", "g.csv", grants, year="2020")
    assert "Line 2, column “start”: 0202-03-01 is outside the programme" in page
    visits = b"place,date,mode,purpose\r\nbilbao,2202-05-04,virtual,diagnosis\r\n"
    page = _upload(client, "/fr/programme/records/import/visits/", "v.csv", visits, year="2020")
    assert "Ligne 2, colonne « date » : 2202-05-04 est en dehors des années du programme" in page
    assert not Grant.objects.exists() and not ExpertVisit.objects.exists()


def test_amounts_grouped_with_dots_and_a_decimal_comma_are_read(users: dict[str, Any]) -> None:
    """ "1.234,50" (thousands grouped with dots, as in Spain, Italy or Germany) was refused with
    "an amount in euros with two decimals is expected", though it has two; it is EUR 1,234.50.
    "1.234" alone stays an error (three decimals or a thousand?), never a silent guess."""
    client = client_for(users["secretariat"])
    amounts = ("1.234,50", "1.234.567,89", "1,234.50")
    costs = "year,activity_en,category,amount_eur\r\n" + "".join(
        f'2020,Line {n},events,"{amount}"\r\n' for n, amount in enumerate(amounts)
    )
    page = _upload(
        client, "/en/programme/expenditure/import/", "c.csv", costs.encode(), year="2020"
    )
    assert "3 lines added" in page, page
    assert sorted(Expense.objects.values_list("amount_eur", flat=True)) == [
        Decimal("1234.50"), Decimal("1234.50"), Decimal("1234567.89")
    ]  # fmt: skip
    page = _upload(
        client,
        "/en/programme/expenditure/import/",
        "c.csv",
        b"year,activity_en,category,amount_eur\r\n2020,Webinars,events,1.234\r\n",
        year="2020",
    )
    assert "Line 2, column “amount_eur”" in page and Expense.objects.count() == 3


def test_last_year_and_the_neighbouring_years_are_one_click_away(users: dict[str, Any]) -> None:
    """The report of a year is prepared early the next year, before its expenditure is in: the
    home page listed only years with expenditure and offered the current one, so last year's
    page (and any other) could only be reached by typing its address."""
    from django.utils import timezone

    client = client_for(users["secretariat"])
    this_year = timezone.localdate().year
    home = client.get("/en/programme/").content.decode()
    assert f'href="/en/programme/{this_year - 1}/"' in home
    assert f'href="/en/programme/{this_year}/"' in home
    page = client.get("/en/programme/2020/").content.decode()
    assert 'href="/en/programme/2019/"' in page and 'href="/en/programme/2021/"' in page
    edge = client.get("/en/programme/2100/").content.decode()
    assert 'href="/en/programme/2099/"' in edge and "/en/programme/2101/" not in edge


def test_lines_of_another_year_say_where_they_went(users: dict[str, Any]) -> None:
    """A 2019 file imported from the 2020 page said "1 line added." and the 2020 table did not
    change, inviting a second import (and a doubled 2019 total); the page now says where the
    lines are, in the check as in the import."""
    client = client_for(users["secretariat"])
    costs = b"year,activity_en,category,amount_eur\r\n2019,Webinars,events,10\r\n"
    for lang, dry_run, said in (
        ("en", "on", "Lines for 2019 are on those years' pages, not this one."),
        ("fr", "", "Les lignes de 2019 figurent sur les pages de ces années"),
    ):
        data = {"year": "2020", **({"dry_run": dry_run} if dry_run else {})}
        page = _upload(client, f"/{lang}/programme/expenditure/import/", "c.csv", costs, **data)
        assert said in page.replace("&#x27;", "'"), page
    assert list(Expense.objects.values_list("year", flat=True)) == [2019]
    page = _upload(client, "/en/programme/expenditure/import/", "c.csv", costs, year="2019")
    assert "1 line added." in page and "on those years' pages" not in page.replace("&#x27;", "'")


def test_a_grant_without_a_status_is_running_until_its_end(users: dict[str, Any]) -> None:
    """A grant imported without a status was marked completed, even one ending years ahead; it
    is running until its end has passed (or with no end), completed after."""
    client = client_for(users["secretariat"])
    grants = (
        b"title,lead_place,start,end\r\n"
        b"Old walks,bilbao,2020-01-01,2020-12-31\r\n"
        b"Long walks,bilbao,2020-01-01,2099-12-31\r\n"
        b"Open walks,bilbao,2020-01-01,\r\n"
    )
    _upload(client, "/en/programme/records/import/grants/", "g.csv", grants, year="2020")
    assert dict(Grant.objects.values_list("title", "status")) == {
        "Old walks": "completed",
        "Long walks": "running",
        "Open walks": "running",
    }


def test_a_report_file_lost_from_storage_is_not_available_and_can_be_made_again(
    users: dict[str, Any], caplog: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The row of a stored annual report stayed while its file went from the disk: the download
    gave a server error. It answers 404 with the year's page, which says the file must be made
    again and offers the button; the log names the missing file."""
    client = client_for(users["secretariat"])
    make = {"languages": ["en"], "formats": ["html"]}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/programme/2020/annual-report/", make)
    stored = AnnualReportFile.objects.get(year=2020, lang="en", fmt="html")
    stored.file.storage.delete(str(stored.file.name))
    with caplog.at_level(logging.WARNING, logger="icc"):
        answer = client.get(f"/en/programme/annual-reports/{stored.pk}/")
    assert answer.status_code == 404
    page = answer.content.decode()
    assert "This file is no longer in storage: make the report again." in page
    assert 'id="make-report"' in page
    assert str(stored.file.name) in caplog.text
    french = client.get(f"/fr/programme/annual-reports/{stored.pk}/").content.decode()
    assert "Ce fichier n’est plus dans le stockage : refaites le rapport." in french
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/programme/2020/annual-report/", make)
    download = client.get(f"/en/programme/annual-reports/{stored.pk}/")
    assert download.status_code == 200
    assert b"Annual report 2020" in b"".join(download.streaming_content)  # type: ignore[attr-defined]


def test_two_runs_of_the_same_report_update_one_file_even_when_they_cross(
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Two runs for the same year (two tasks, a double click with other boxes ticked) stored
    the same language and format: the second one, finding no row when it looked but one when it
    wrote, failed on the unique constraint. Each run now updates the one row."""
    from django.db import connection

    from icc.programme.services import annual_report_file_store

    with django_capture_on_commit_callbacks(execute=True):
        first = annual_report_file_store(year=2020, lang="en", fmt="html")
    first_name = str(first.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        again = annual_report_file_store(year=2020, lang="en", fmt="html")
    assert again.pk == first.pk and AnnualReportFile.objects.count() == 1
    assert not first.file.storage.exists(first_name)  # the file it replaced is removed
    assert again.file.storage.exists(str(again.file.name))

    # The other run inserts (and commits) its row just after this run looked for one.
    AnnualReportFile.objects.all().delete()
    crossed: list[str] = []

    def other_run_after_the_look(execute: Any, sql: str, *args: Any) -> Any:
        result = execute(sql, *args)
        if not crossed and sql.startswith("SELECT") and "programme_annualreportfile" in sql:
            crossed.append(sql)
            other = AnnualReportFile(year=2020, lang="en", fmt="html", file="programme/x.html")
            AnnualReportFile.objects.bulk_create([other])
        return result

    with (
        connection.execute_wrapper(other_run_after_the_look),
        django_capture_on_commit_callbacks(execute=True),
    ):
        stored = annual_report_file_store(year=2020, lang="en", fmt="html")
    assert crossed and AnnualReportFile.objects.count() == 1
    row = AnnualReportFile.objects.get()
    assert row.pk == stored.pk and row.file.name == stored.file.name != "programme/x.html"
    assert b"Annual report 2020" in row.file.read()


def test_grant_amounts_in_the_xlsx_export_are_numbers_a_spreadsheet_can_sum(
    users: dict[str, Any],
) -> None:
    """The year's XLSX wrote the grants' amounts without a number format (the expenditure sheet
    had one): they are number cells shown with thousands and two decimals, as the expenditure's,
    and a title that looks like a formula stays text."""
    import io

    from openpyxl import load_workbook

    from icc.conftest import download_cells

    bilbao = Place.objects.get(slug="bilbao")
    for title, amount in (("=SUM(A1:A9)", Decimal("12500.5")), ("Twin walks", Decimal("1234"))):
        Grant.objects.create(
            title=title, lead_place=bilbao, amount=amount, start=dt.date(2020, 3, 1)
        )
    answer = client_for(users["secretariat"]).get("/en/programme/2020/expenditure.xlsx")
    assert answer.status_code == 200
    download_cells(answer.content, "xlsx")  # no cell a spreadsheet would evaluate
    grants = load_workbook(io.BytesIO(answer.content))["Grants"]
    header = [cell.value for cell in grants[1]]
    amounts = [row[header.index("amount")] for row in grants.iter_rows(min_row=2)]
    assert [cell.value for cell in amounts] == [12500.5, 1234]
    assert [(cell.data_type, cell.number_format) for cell in amounts] == [("n", "#,##0.00")] * 2
    assert grants["A2"].value == "'=SUM(A1:A9)" and grants["A2"].data_type == "s"


def test_a_grants_lead_place_is_never_listed_again_among_its_partners(
    users: dict[str, Any],
) -> None:
    """A grant whose lead was also recorded as a partner showed it twice ("Bilbao, Bilbao,
    Getxo") on the year's page, in the annual report and in the export: the lead shows once,
    as the lead."""
    import io
    import re

    from openpyxl import load_workbook

    from icc.programme.report import annual_report_render

    bilbao, getxo = Place.objects.get(slug="bilbao"), Place.objects.get(slug="getxo")
    grant = Grant.objects.create(title="Twin walks", lead_place=bilbao, start=dt.date(2020, 3, 1))
    grant.partner_places.set([bilbao, getxo])
    client = client_for(users["secretariat"])
    page = client.get("/en/programme/2020/").content.decode()
    assert "Twin walks</strong> — Bilbao, Getxo ·" in page
    report = re.sub(r"\s+", " ", annual_report_render(year=2020, lang="en", fmt="html").decode())
    assert "Twin walks</strong> — Bilbao, Getxo." in report
    book = load_workbook(io.BytesIO(client.get("/en/programme/2020/expenditure.xlsx").content))
    header = [cell.value for cell in book["Grants"][1]]
    assert book["Grants"][2][header.index("partner_places")].value == "Getxo"
    # the migration that cleans such rows keeps the partners and takes the lead out
    from importlib import import_module

    from django.apps import apps

    other = Grant.objects.create(title="Other", lead_place=getxo, start=dt.date(2020, 3, 1))
    other.partner_places.set([bilbao])
    cleaning = import_module("icc.programme.migrations.0002_lead_not_among_partners")
    cleaning.partners_without_lead(apps, None)
    assert list(grant.partner_places.order_by("slug").values_list("slug", flat=True)) == ["getxo"]
    assert list(other.partner_places.values_list("slug", flat=True)) == ["bilbao"]


def test_the_lead_place_cannot_be_saved_as_a_partner(users: dict[str, Any]) -> None:
    """The administration's grant form and the grants import refuse a lead among the partners,
    saying why, in the reader's language."""
    bilbao, getxo = Place.objects.get(slug="bilbao"), Place.objects.get(slug="getxo")
    client = client_for(users["secretariat"])
    form = {
        "title_en": "Twin walks",
        "lead_place": str(bilbao.pk),
        "partner_places": [str(bilbao.pk), str(getxo.pk)],
        "currency": "EUR",
        "start": "2020-03-01",
        "status": "running",
        "outputs-TOTAL_FORMS": "0",
        "outputs-INITIAL_FORMS": "0",
    }
    for lang, said in (
        ("en", "Bilbao leads this grant: it cannot also be one of its partners."),
        (
            "fr",
            "Bilbao est cheffe de file de ce projet : elle ne peut pas en être aussi partenaire.",
        ),
    ):
        answer = client.post(f"/{lang}/admin/programme/grant/add/", form)
        assert answer.status_code == 200 and said in answer.content.decode(), lang
    assert not Grant.objects.exists()
    form["partner_places"] = [str(getxo.pk)]
    assert client.post("/en/admin/programme/grant/add/", form).status_code == 302
    assert [p.slug for p in Grant.objects.get().partner_places.all()] == ["getxo"]

    table = (
        b"title,lead_place,partner_places,start\r\n"
        b'Other walks,bilbao,"Bilbao, Getxo",2020-04-01\r\n'
    )
    page = _upload(client, "/en/programme/records/import/grants/", "g.csv", table, year="2020")
    assert (
        "Line 2, column “partner_places”: bilbao leads this grant: it cannot also be one of its "
        "partners." in page
    )
    assert Grant.objects.count() == 1


def test_a_failed_report_run_is_explained_in_the_pages_language(
    users: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    """The year's page showed a failed run's error as the worker wrote it, in English, on the
    French page too."""
    from unittest import mock

    client = client_for(users["secretariat"])
    broken = mock.patch(
        "icc.programme.services.annual_report_render", side_effect=OSError("disk full")
    )
    with broken, django_capture_on_commit_callbacks(execute=True):
        client.post("/en/programme/2020/annual-report/", {"languages": ["en"], "formats": ["pdf"]})
    english = client.get("/en/programme/2020/").content.decode()
    assert "The run failed: OSError: disk full" in english
    french = client.get("/fr/programme/2020/").content.decode()
    assert "L’exécution a échoué : OSError: disk full" in french
    assert "The run failed" not in french
