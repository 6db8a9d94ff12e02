"""Error pages: 400, 403, 404, 500 and a refused form, in the layout and both languages."""

import html

import pytest
from django.test import Client, override_settings

from icc.conftest import PASSWORD, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_debug_off")]

LAYOUT = 'class="site-header"'


@pytest.fixture
def _debug_off(settings):
    settings.DEBUG = False


def body(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    ("lang", "title", "home", "login"),
    [
        ("en", "Page not found", 'href="/en/"', "Log in"),
        ("fr", "Page introuvable", 'href="/fr/"', "Se connecter"),
    ],
)
def test_a_missing_place_answers_404_in_the_layout_with_ways_out(
    directory, lang, title, home, login
):
    response = Client().get(f"/{lang}/network/places/atlantis/")
    assert response.status_code == 404
    page = body(response)
    assert LAYOUT in page and f'<html lang="{lang}">' in page
    assert f"<h1>{title}</h1>" in page
    assert home in page and f'href="/{lang}/network/places/"' in page
    # anonymous visitors may be missing a private page: the login link comes back here
    assert f'/{lang}/accounts/login/?next=/{lang}/network/places/atlantis/"' in page
    assert login in page
    assert "matches the given query" not in page  # Django's message is for developers
    assert "Content-Security-Policy" in response


def test_a_404_says_why_when_the_view_knows_in_french(db):
    page = body(Client().get("/fr/events/no-such-meeting/"))
    assert "Il n'y a aucun événement à cette adresse." in page


def test_a_logged_in_person_sees_no_login_link_on_a_404(users):
    page = body(client_for(users["resident"]).get("/en/network/places/atlantis/"))
    assert "/accounts/login/?next=" not in page


@pytest.mark.parametrize(
    ("lang", "reason", "who"),
    [
        (
            "en",
            "This page is for the secretariat: it needs the secretariat role",
            "You are logged in as resident.",
        ),
        (
            "fr",
            "Cette page est réservée au secrétariat : elle nécessite le rôle secrétariat",
            "Vous êtes connecté·e en tant que resident.",
        ),
    ],
)
def test_a_403_names_the_role_that_grants_access(users, lang, reason, who):
    response = client_for(users["resident"]).get(f"/{lang}/network/places/import/")
    assert response.status_code == 403
    page = body(response)
    assert LAYOUT in page
    assert reason in page and who in page
    assert "/accounts/login/?next=" not in page


def test_a_403_on_a_place_names_the_place_and_its_roles(users):
    response = client_for(users["other_city_coordinator"]).get(
        "/en/network/places/bilbao/workspace/"
    )
    assert response.status_code == 403
    assert (
        "Only the people responsible for Bilbao can see this: its city coordinators, its experts"
        in body(response)
    )


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "The form could not be sent"), ("fr", "Le formulaire n'a pas pu être envoyé")],
)
def test_a_form_without_its_security_token_is_refused_with_a_way_to_fix_it(users, lang, title):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/{lang}/accounts/login/", {"username": "resident", "password": PASSWORD}
    )
    assert response.status_code == 403
    page = body(response)
    assert LAYOUT in page and f"<h1>{title}</h1>" in page
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "The request could not be understood"), ("fr", "La demande n'a pas pu être comprise")],
)
def test_a_request_for_another_host_answers_400_in_the_layout(db, lang, title):
    response = Client(HTTP_HOST="attacker.example.org").get(f"/{lang}/")
    assert response.status_code == 400
    page = body(response)
    assert LAYOUT in page and f"<h1>{title}</h1>" in page and f'href="/{lang}/"' in page


@override_settings(ROOT_URLCONF="icc.tests.failing_urls")
@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Something went wrong on our side"), ("fr", "Une erreur s'est produite de notre côté")],
)
def test_a_server_error_answers_500_in_the_layout_without_touching_the_database(
    db, django_assert_num_queries, lang, title
):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=lang)
    with django_assert_num_queries(0):
        response = client.get("/boom/")
    assert response.status_code == 500
    page = body(response)
    assert LAYOUT in page and f"<h1>{title}</h1>" in page and f'href="/{lang}/"' in page
    assert "the database went away" not in page  # no internals for visitors
    assert "Content-Security-Policy" in response


@override_settings(
    ROOT_URLCONF="icc.tests.failing_urls",
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    },
)
def test_a_server_error_still_answers_when_the_layout_cannot_be_drawn(db, settings, tmp_path):
    # collectstatic never ran: the layout's {% static %} fails, a bare page still says what happened
    settings.STATIC_ROOT = tmp_path
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "<h1>Something went wrong on our side</h1>" in body(response)
    assert LAYOUT not in body(response)
