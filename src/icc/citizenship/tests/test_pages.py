"""The test pages through real HTTP round trips: start, steps, back, result, print, guide."""

import re

import pytest
from django.test import Client, override_settings

from icc.citizenship.models import Response
from icc.citizenship.tests.conftest import option_at, take_test
from icc.conftest import client_for


def test_start_page_offers_the_languages_and_a_form(version):
    page = Client().get("/fr/citizenship/").content.decode()
    assert "Quel genre de citoyen·ne interculturel·le êtes-vous\u00a0?" in page
    assert 'lang="en"' in page and ">English</a>" in page
    assert "Votre ville (facultatif)" in page
    assert not Response.objects.exists()  # a GET writes nothing


def test_english_content_under_the_french_interface(version):
    page = Client().get("/fr/citizenship/?lang=en").content.decode()
    assert "What kind of intercultural citizen are you?" in page
    assert "Commencer le test" in page


def test_taking_the_test_reaches_a_profile_with_every_dimension(version):
    client = Client()
    response = take_test(client, version, choose=1, lang="fr")
    saved = Response.objects.get()
    assert response["Location"] == f"/fr/citizenship/result/{saved.public_id}/"
    assert saved.completed_at is not None and saved.language == "fr"
    page = client.get(response["Location"]).content.decode()
    for label in (
        "Ouverture à la diversité",
        "Droits et discriminations",
        "Interaction entre les groupes",
    ):
        assert label in page
    assert "Questions pour aller plus loin" in page
    # the numbers on the page are the stored scores
    shown = dict(re.findall(r'data-code="(\w+)">.*?<strong>(\d+)</strong>', page, re.S))
    assert shown == {code: str(round(score)) for code, score in saved.scores.items()}


def test_one_question_per_screen_with_progress_and_back(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en"})
    page = client.get("/en/citizenship/question/2/").content.decode()
    assert "Question 2 of 18" in page
    assert '<progress max="18" value="2"' in page
    assert 'href="/en/citizenship/question/1/"' in page  # back
    assert "<legend" in page and 'type="radio"' in page


def test_answers_are_kept_when_going_back_and_after_reload(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en"})
    chosen = option_at(version, 1, 3)
    client.post("/en/citizenship/question/1/", {"option": chosen.pk})
    page = client.get("/en/citizenship/question/1/").content.decode()
    assert f'value="{chosen.pk}" required checked' in page
    assert "1 answer saved" in page


def test_no_choice_is_explained_and_nothing_moves(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en"})
    response = client.post("/en/citizenship/question/1/", {})
    assert response.status_code == 400
    assert "Choose one of the answers shown for this question." in response.content.decode()


def test_skipping_to_the_end_sends_back_to_the_first_open_question(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en"})
    last = version.questions.last()
    response = client.post("/en/citizenship/question/18/", {"option": last.options.first().pk})
    assert response["Location"] == "/en/citizenship/question/1/"
    assert Response.objects.get().completed_at is None


def test_switching_language_mid_test_keeps_the_answers(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en"})
    client.post("/en/citizenship/question/1/", {"option": option_at(version, 1, 2).pk})
    client.post("/en/citizenship/language/", {"language": "fr", "number": "2"})
    page = client.get("/en/citizenship/question/1/").content.decode()
    assert "Une famille venue d&#x27;un autre pays" in page
    assert f'value="{option_at(version, 1, 2).pk}" required checked' in page


def test_back_or_a_second_click_after_the_last_question_shows_the_profile(version):
    client = Client()
    result = take_test(client, version)["Location"]
    last = option_at(version, 18, 2)
    again = client.post("/en/citizenship/question/18/", {"option": last.pk})
    assert again.status_code == 302 and again["Location"] == result
    back = client.get("/en/citizenship/question/18/")
    assert back.status_code == 302 and back["Location"] == result
    assert "not open in this browser" not in client.get(result).content.decode()
    assert Response.objects.get().answers.filter(option=last).count() == 0  # nothing changed
    take_test(client, version, choose=2)  # a new test starts as before
    assert Response.objects.filter(completed_at__isnull=False).count() == 2


def test_the_result_link_reveals_no_personal_data(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en", "city": "Reggio Emilia"})
    response = take_test(client, version, choose=2)
    url = Response.objects.get(completed_at__isnull=False).get_absolute_url()
    page = Client().get(url).content.decode()  # someone else opening the shared link
    assert "Reggio Emilia" not in page
    assert "An intercultural citizenship profile" in page
    assert response.status_code == 302
    assert Client().get("/en/citizenship/result/not-a-real-id/").status_code == 404


def test_an_unfinished_response_has_no_result_page(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en"})
    public_id = Response.objects.get().public_id
    assert Client().get(f"/en/citizenship/result/{public_id}/").status_code == 404


def test_printable_test_and_guide(version):
    printed = Client().get("/fr/citizenship/print/").content.decode()
    assert printed.count('class="cz-print-question"') == 18
    assert "Pas moi" in printed
    guide = Client().get("/fr/citizenship/guide/").content.decode()
    assert "Animer la discussion" in guide
    assert "rend un premier contact facile" in guide
    english = Client().get("/en/citizenship/guide/").content.decode()
    assert "Leading the discussion" in english


@override_settings(
    ICC_CITIZENSHIP_LIMITS={"start": (2, 3600), "join": (2, 600), "group": (1, 3600)}
)
def test_too_many_starts_are_refused_with_a_message(version):
    client = Client()
    for _i in range(2):
        assert client.post("/en/citizenship/", {"language": "en"}).status_code == 302
    refused = client.post("/en/citizenship/", {"language": "en"})
    assert refused.status_code == 429
    assert "Too many tests were started from your connection" in refused.content.decode()
    assert Response.objects.count() == 2
    french = client.post("/fr/citizenship/", {"language": "fr"})
    assert "Trop de tests" in french.content.decode()


@pytest.mark.parametrize(("who", "status"), [("resident", 403), ("secretariat", 200)])
def test_statistics_are_for_the_secretariat(version, users, who, status):
    assert client_for(users[who]).get("/en/citizenship/statistics/").status_code == status


def test_statistics_count_completions_by_language_city_and_month(version, users):
    for lang, city in (("fr", "Getxo"), ("fr", "getxo "), ("en", "Bilbao")):
        client = Client()
        client.post(f"/{lang}/citizenship/", {"language": lang, "city": city})
        for number, question in enumerate(version.questions.all(), start=1):
            client.post(
                f"/{lang}/citizenship/question/{number}/", {"option": question.options.first().pk}
            )
    Client().post("/en/citizenship/", {"language": "en", "city": "Unfinished"})
    staff = client_for(users["secretariat"])
    page = staff.get("/en/citizenship/statistics/").content.decode()
    assert re.search(r'id="completions">3<', page)
    assert re.search(r"<td>Getxo</td><td class=\"num\">2</td>", page)
    assert "Unfinished" not in page
    assert re.search(r"<td>Français</td><td class=\"num\">2</td>", page)
    csv = staff.get("/en/citizenship/statistics/export.csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert "city,Bilbao,1" in csv.getvalue().decode("utf-8-sig").replace("\r\n", "\n")


def test_autosave_stores_a_choice_without_moving_on(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en"})
    chosen = option_at(version, 1, 2)
    saved = client.post("/en/citizenship/question/1/", {"option": chosen.pk}, HTTP_X_AUTOSAVE="1")
    assert saved.status_code == 204
    assert list(Response.objects.get().answers.values_list("option_id", flat=True)) == [chosen.pk]
    take_test(client, version)  # a new test, finished
    late = client.post("/en/citizenship/question/18/", {"option": chosen.pk}, HTTP_X_AUTOSAVE="1")
    assert late.status_code == 204  # a save racing the last Next button is dropped quietly
    assert "not open in this browser" not in client.get("/en/citizenship/").content.decode()


def test_going_on_with_a_test_lands_on_the_first_open_question(version):
    client = Client()
    client.post("/en/citizenship/", {"language": "en"})
    for number in range(1, 13):
        client.post(
            f"/en/citizenship/question/{number}/", {"option": option_at(version, number, 2).pk}
        )

    def resume() -> str:
        page = client.get("/en/citizenship/").content.decode()
        return re.search(r'href="([^"]+)" id="resume"', page).group(1)

    assert resume() == "/en/citizenship/question/13/"
    kept = client.get(resume()).content.decode()
    assert "12 answers saved" in kept and "Question 13 of 18" in kept
    # a gap: question 14 answered, 13 still open
    client.post("/en/citizenship/question/14/", {"option": option_at(version, 14, 1).pk})
    assert resume() == "/en/citizenship/question/13/"
    client.post("/en/citizenship/question/13/", {"option": option_at(version, 13, 1).pk})
    assert resume() == "/en/citizenship/question/15/"
    # every question answered (the last by autosave) but not finished: the last question
    for number in range(15, 19):
        client.post(
            f"/en/citizenship/question/{number}/",
            {"option": option_at(version, number, 1).pk},
            HTTP_X_AUTOSAVE="1",
        )
    assert resume() == "/en/citizenship/question/18/"
    french = client.get("/fr/citizenship/").content.decode()
    assert 'href="/fr/citizenship/question/18/" id="resume">Le poursuivre' in french
