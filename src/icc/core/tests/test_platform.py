"""Platform basics: home page, accounts, password reset, production settings, demo data."""

import io
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from icc.accounts.models import User
from icc.conftest import PASSWORD, client_for


def test_home_in_both_languages(directory):
    assert "Find a city or region" in Client().get("/en/").content.decode()
    assert "Trouver une ville ou une région" in Client().get("/fr/").content.decode()


def test_root_redirects_to_a_language(db):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_login_and_logout(users):
    client = Client()
    response = client.post(
        "/en/accounts/login/", {"username": "city", "password": PASSWORD, "next": "/en/me/"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/me/"
    body = client.get("/en/me/").content.decode()
    assert "City coordinator" in body and "Bilbao" in body
    client.post("/en/accounts/logout/")
    assert client.get("/en/me/").status_code == 302


def test_bad_login_says_what_is_wrong_in_french(users):
    body = (
        Client()
        .post("/fr/accounts/login/", {"username": "city", "password": "wrong"})
        .content.decode()
    )
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in body


def test_password_reset_sends_a_working_link(users):
    users["city_coordinator"].email = "city@example.org"
    users["city_coordinator"].save()
    client = Client()
    client.post("/en/accounts/password-reset/", {"email": "city@example.org"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another-long-password-42", "new_password2": "another-long-password-42"},
    )
    login = Client().post(
        "/en/accounts/login/", {"username": "city", "password": "another-long-password-42"}
    )
    assert login.status_code == 302


def test_account_page_lists_roles(users):
    body = client_for(users["network_coordinator"]).get("/en/me/").content.decode()
    assert "National network coordinator" in body
    assert "Getxo" in body  # a place of the network


def test_admin_is_for_the_secretariat(users):
    assert client_for(users["secretariat"]).get("/en/admin/network/place/").status_code == 200
    assert client_for(users["city_coordinator"]).get("/en/admin/network/place/").status_code == 302


def test_production_profile_passes_the_deploy_check(tmp_path):
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "icc.settings.production",
        "ICC_SECRET_KEY": "k" * 20 + "-production-secret-for-the-test-0123456789abcdefghij",
        "ICC_ALLOWED_HOSTS": "icc.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "icc.manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_profile_refuses_a_missing_secret(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "icc.settings.production", "ICC_SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "-m", "icc.manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Set ICC_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_demo_is_idempotent_and_at_network_scale():
    from icc.network.models import MembershipStep, Network, Place

    call_command("demo", stdout=io.StringIO())
    first = (Place.objects.count(), MembershipStep.objects.count(), Network.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (Place.objects.count(), MembershipStep.objects.count(), Network.objects.count()) == first
    assert Place.objects.filter(status="member").count() >= 141
    bilbao = Place.objects.get(slug="bilbao")
    assert bilbao.country_id == "ES" and bilbao.status == "member"
    assert bilbao.networks.filter(slug="reci").exists()
    assert {
        "reci",
        "citta-del-dialogo",
        "rpci",
        "icc-ua",
        "australasia",
        "nordic",
        "icc-morocco",
        "intercultural-regions",
        "norwegian-network",
        "remiri",
    } <= set(Network.objects.values_list("slug", flat=True))
    assert User.objects.get(username="bilbao").role_assignments.get().place == bilbao
    assert all(f.approximate for f in bilbao.facts.all())


@pytest.mark.parametrize("url", ["/en/", "/en/network/", "/en/network/places/", "/api/v1/docs"])
def test_pages_load_no_script_or_style_from_another_site(directory, url):
    import re

    body = Client().get(url).content.decode()
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', body)
    assert assets, "the page should load its own scripts and styles"
    assert [a for a in assets if a.startswith(("http:", "https:", "//"))] == []


@pytest.mark.django_db
def test_my_account_leads_each_person_to_their_daily_work(users):
    city = client_for(users["city_coordinator"]).get("/en/me/").content.decode()
    assert "/en/antirumours/city/bilbao/strategy/" in city and "/en/barometer/bilbao/" in city
    assert "My good practices" in city and "Index review queue" not in city
    staff = client_for(users["secretariat"]).get("/en/me/").content.decode()
    for link in ("/en/knowledge/practices/moderation/", "/en/programme/", "/en/barometer/"):
        assert link in staff
