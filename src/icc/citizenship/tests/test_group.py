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


@override_settings(ICC_SURVEYS_MIN_CELL=1)  # the counts themselves; the threshold is tested below
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


@override_settings(ICC_SURVEYS_MIN_CELL=1)
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
    assert rows[0] == ["question", "question text", "answer", "count", "share (%)", "note"]
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


def tally_of(group):
    return Client().get(f"/en/citizenship/group/facilitate/{group.secret}/live/").content.decode()


def counts_of(live, number):
    block = live.split(f'id="tally-q{number}"')[1].split("</li>\n  \n")[0]
    return re.findall(r"data-count>(\d+)<", block)


def test_counts_stay_hidden_until_five_participants_answered(version):
    group = create_group()
    participants = [join(group) for _i in range(5)]
    for participant in participants[:2]:
        answer(participant, 1, option_at(version, 1, 1))
    live = tally_of(group)
    assert counts_of(live, 1) == []  # nobody's answer can be told from a count of 1 or 2
    q1 = live.split('id="tally-q1"')[1].split('id="tally-q2"')[0]
    assert "Counts shown from 5 participants" in q1 and "2 have answered so far" in q1
    assert option_at(version, 1, 1).text in q1  # the options stay readable for the discussion
    assert "bar-fill" not in q1  # nor any share drawn from the counts
    exported = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/export.csv")
    rows = list(csv.reader(io.StringIO(exported.getvalue().decode("utf-8-sig"))))
    assert rows[1][3:] == ["", "", "hidden: shown from 5 participants"]
    french = Client().get(f"/fr/citizenship/group/facilitate/{group.secret}/").content.decode()
    assert "Effectifs affichés à partir de 5 participant·e·s" in french

    for participant in participants[2:]:
        answer(participant, 1, option_at(version, 1, 2))
    live = tally_of(group)
    assert counts_of(live, 1) == ["2", "3", "0", "0"]
    assert counts_of(live, 2) == []  # question 2: nobody yet
    exported = Client().get(f"/en/citizenship/group/facilitate/{group.secret}/export.csv")
    rows = list(csv.reader(io.StringIO(exported.getvalue().decode("utf-8-sig"))))
    assert rows[1][3:] == ["2", "40.0", ""]


@override_settings(ICC_SURVEYS_MIN_CELL=1)
def test_a_participant_whose_session_closes_keeps_the_answers_and_finishes_alone(version):
    group = create_group()
    alice, bruno = join(group), join(group, "fr")
    answer(alice, 1, option_at(version, 1, 2))
    answer(alice, 2, option_at(version, 2, 3))
    for number in range(1, 18):
        answer(bruno, number, option_at(version, number, 1), "fr")
    last = {"option": option_at(version, 18, 1).pk}
    bruno.post("/fr/citizenship/question/18/", last, HTTP_X_AUTOSAVE="1")  # no profile asked yet
    Client().post(f"/en/citizenship/group/facilitate/{group.secret}/close/")
    before = tally_of(group)

    # Alice was on question 3: told plainly, her answers kept, offered to go on alone
    page = alice.get("/en/citizenship/question/3/").content.decode()
    assert "The facilitator has closed this group session." in page
    assert "Your 2 answers are kept." in page
    assert "what you answer from now on no longer counts in them" in page
    assert 'action="/en/citizenship/alone/"' in page and "Finish the test on my own" in page
    chosen = option_at(version, 3, 4)
    refused = alice.post("/en/citizenship/question/3/", {"option": chosen.pk})
    assert refused.status_code == 409
    assert f'value="{chosen.pk}" required checked' in refused.content.decode()  # not lost
    question_3 = version.questions.all()[2]
    going = alice.post("/en/citizenship/alone/", {"question": question_3.pk, "option": chosen.pk})
    assert going["Location"] == "/en/citizenship/question/4/"
    again = alice.post("/en/citizenship/alone/", {})  # a second click changes nothing
    assert again["Location"] == "/en/citizenship/question/4/"
    alone = Response.objects.get(group=None)
    assert set(alone.answers.values_list("option_id", flat=True)) == {
        option_at(version, 1, 2).pk,
        option_at(version, 2, 3).pk,
        chosen.pk,
    }
    for number in range(4, 19):
        answer(alice, number, option_at(version, number, 1))
    alone.refresh_from_db()
    assert alone.completed_at is not None

    # Bruno had answered everything: straight to his profile
    french = bruno.get("/fr/citizenship/question/18/").content.decode()
    assert "La personne qui anime a clôturé cette séance de groupe." in french
    assert "Voir mon profil" in french
    profile = bruno.post("/fr/citizenship/alone/", {})
    assert profile["Location"].startswith("/fr/citizenship/result/")

    # The closed session's results are what they were at closing
    after = tally_of(group)
    assert after == before
    assert counts_of(after, 3) == ["1", "0", "0", "0"]  # Bruno's, not Alice's later answer
    assert "2 participants joined" in after and "0 finished" in after
