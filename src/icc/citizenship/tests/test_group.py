"""Group mode by HTTP: create, join with several participants, counts, close, export, QR."""

import csv
import io
import re

from django.test import Client, override_settings
from openpyxl import load_workbook

from icc.citizenship.models import GroupSession, Response
from icc.citizenship.tests.conftest import option_at


def create_group(client=None, title="Centre social, mardi"):
    client = client or Client()
    response = client.post("/en/citizenship/group/new/", {"title": title})
    group = GroupSession.objects.latest("created_at")
    assert response["Location"] == f"/en/citizenship/group/facilitate/{group.secret}/"
    return group


def join(group, lang="en"):
    participant = Client()
    response = participant.post(f"/{lang}/citizenship/join/{group.code}/", {"language": lang})
    assert response["Location"] == f"/{lang}/citizenship/question/1/"
    return participant


def answer(participant, number, option, lang="en"):
    response = participant.post(f"/{lang}/citizenship/question/{number}/", {"option": option.pk})
    assert response.status_code == 302


def test_counts_follow_the_participants(version):
    group = create_group()
    alice, bob, chloe = join(group), join(group, "fr"), join(group)
    answer(alice, 1, option_at(version, 1, 1))
    answer(bob, 1, option_at(version, 1, 1), "fr")
    answer(chloe, 1, option_at(version, 1, 4))
    answer(alice, 2, option_at(version, 2, 2))
    live = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/live/").content.decode()
    assert "3 participants joined" in live and "0 finished" in live
    q1 = live.split('id="tally-q1"')[1].split('id="tally-q2"')[0]
    assert re.findall(r"data-count>(\d+)<", q1) == ["2", "0", "0", "1"]
    q2 = live.split('id="tally-q2"')[1].split('id="tally-q3"')[0]
    assert re.findall(r"data-count>(\d+)<", q2) == ["0", "1", "0", "0"]
    assert 'hx-trigger="every 2s"' in live
    # changing an answer moves the count, nobody counts twice
    answer(chloe, 1, option_at(version, 1, 1))
    live = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/live/").content.decode()
    q1 = live.split('id="tally-q1"')[1].split('id="tally-q2"')[0]
    assert re.findall(r"data-count>(\d+)<", q1) == ["3", "0", "0", "0"]


def test_facilitator_screen_has_code_qr_and_prompts(version):
    group = create_group()
    page = Client().get(f"/fr/citizenship/group/facilitate/{group.secret}/").content.decode()
    assert group.code in page
    assert f'src="/fr/citizenship/group/{group.code}/qr.svg"' in page
    assert f"http://testserver/j/{group.code}" in page
    assert "rend un premier contact facile" in page  # the discussion prompt
    qr = Client().get(f"/fr/citizenship/group/{group.code}/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.lstrip().startswith(b"<?xml")
    assert Client().get("/en/citizenship/group/facilitate/wrong-secret/").status_code == 404


def test_the_short_address_and_the_code_form_lead_to_the_session(version):
    group = create_group()
    assert (
        Client().get(f"/j/{group.code.lower()}")["Location"]
        == f"/en/citizenship/join/{group.code}/"
    )
    found = Client().get("/en/citizenship/join/", {"code": f" {group.code.lower()} "})
    assert found["Location"] == f"/en/citizenship/join/{group.code}/"
    missing = Client().get("/en/citizenship/join/", {"code": "ZZZZZZ"})
    assert "No session has this code" in missing.content.decode()


def test_a_mistyped_short_address_shows_the_code_form_with_the_reason(version):
    create_group()
    mistyped = Client().get(Client().get("/j/zzzzzz")["Location"])
    page = mistyped.content.decode()
    assert mistyped.status_code == 404
    assert "No session has this code" in page and 'value="ZZZZZZ"' in page
    french = Client().get("/fr/citizenship/join/ZZZZZZ/").content.decode()
    assert "Aucune séance n" in french
    too_long = Client().get("/en/citizenship/join/ABCDEFGHJKMNPQRS/").content.decode()
    assert "at most 12 characters" in too_long


def test_closing_stops_joins_and_answers_and_keeps_the_export(version):
    group = create_group()
    alice = join(group)
    answer(alice, 1, option_at(version, 1, 2))
    Client().post(f"/en/citizenship/group/facilitate/{group.secret}/close/")
    late = Client().post(f"/en/citizenship/join/{group.code}/", {"language": "en"})
    assert "This session is closed" in late.content.decode()
    refused = alice.post("/en/citizenship/question/2/", {"option": option_at(version, 2, 1).pk})
    assert "closed this group session" in refused.content.decode()
    assert Response.objects.filter(group=group).count() == 1
    live = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/live/").content.decode()
    assert "hx-trigger" not in live  # a closed session stops polling

    exported = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/export.csv")
    rows = list(csv.reader(io.StringIO(exported.getvalue().decode("utf-8-sig"))))
    assert rows[0] == ["question", "question text", "answer", "count", "share (%)"]
    assert rows[2][0] == "1" and rows[2][3] == "1" and rows[2][4] == "100.0"
    assert len(rows) == 1 + 18 * 4
    book = load_workbook(
        io.BytesIO(
            Client().get(f"/en/citizenship/group/facilitate/{group.secret}/export.xlsx").content
        )
    )
    assert book.active.cell(row=3, column=4).value == 1


@override_settings(
    ICC_CITIZENSHIP_LIMITS={"start": (5, 3600), "join": (2, 600), "group": (1, 3600)}
)
def test_joins_and_sessions_are_rate_limited(version):
    group = create_group()
    assert Client().post("/en/citizenship/group/new/", {"title": "again"}).status_code == 429
    join(group)
    join(group)
    refused = Client().post(f"/en/citizenship/join/{group.code}/", {"language": "en"})
    assert refused.status_code == 429
    assert Response.objects.filter(group=group).count() == 2
