"""Login lockout after repeated failures, and password resets limited per address and account."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.db.models import F
from django.test import Client

from icc.conftest import PASSWORD

LOGIN = "/en/accounts/login/"
RESET = "/en/accounts/password-reset/"
LOCKED = "Too many failed logins for this account from your address"


def login(client: Client, username: str, password: str, lang: str = "en", **extra):
    return client.post(
        f"/{lang}/accounts/login/", {"username": username, "password": password}, **extra
    )


def fail_ten_times(client: Client, username: str = "city", **extra) -> list[int]:
    return [login(client, username, "wrong-password", **extra).status_code for _ in range(10)]


def test_ten_failures_lock_out_even_the_right_password(users):
    client = Client()
    statuses = fail_ten_times(client)
    assert statuses[:9] == [200] * 9  # the form again, with its error
    assert statuses[9] == 429  # the tenth failure locks out
    response = login(client, "city", PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert LOCKED in body and "15 minutes" in body
    assert 'name="username"' in body and 'name="password"' in body  # the form is still there
    assert SESSION_KEY not in client.session
    assert client.get("/en/me/").status_code == 302  # not logged in


def test_the_lockout_message_is_translated(users):
    client = Client()
    fail_ten_times(client)
    body = login(client, "city", PASSWORD, lang="fr").content.decode()
    assert "Trop d’échecs de connexion pour ce compte depuis votre adresse" in body


def test_nine_failures_then_the_right_password_logs_in(users):
    client = Client()
    for _ in range(9):
        login(client, "city", "wrong-password")
    assert login(client, "city", PASSWORD).status_code == 302
    assert SESSION_KEY in client.session
    assert not AccessAttempt.objects.exists()  # a success clears the count


def test_after_the_cooling_off_period_the_right_password_works(users):
    client = Client()
    fail_ten_times(client)
    assert login(client, "city", PASSWORD).status_code == 429
    # Sixteen minutes pass.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - dt.timedelta(minutes=16))
    assert login(client, "city", PASSWORD).status_code == 302
    assert SESSION_KEY in client.session


def test_other_users_and_other_addresses_are_not_locked_out(users):
    fail_ten_times(Client(), REMOTE_ADDR="192.0.2.10")
    assert login(Client(), "city", PASSWORD, REMOTE_ADDR="192.0.2.10").status_code == 429
    assert login(Client(), "expert", PASSWORD, REMOTE_ADDR="192.0.2.10").status_code == 302
    assert login(Client(), "city", PASSWORD, REMOTE_ADDR="192.0.2.11").status_code == 302


def test_forwarded_for_is_ignored_unless_a_proxy_is_configured(users, settings):
    # No proxy: a client cannot escape the lockout by naming another address.
    fail_ten_times(Client(), HTTP_X_FORWARDED_FOR="198.51.100.1")
    spoofed = login(Client(), "city", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert spoofed.status_code == 429
    # Behind one proxy, the proxy's last entry is the client: two clients, two counts.
    settings.ICC_PROXY_COUNT = 1
    behind = {"REMOTE_ADDR": "10.0.0.1"}
    fail_ten_times(Client(), "expert", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5", **behind)
    assert (
        login(
            Client(), "expert", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **behind
        ).status_code
        == 429
    )
    assert (
        login(
            Client(), "expert", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6", **behind
        ).status_code
        == 302
    )


def reset(email: str, address: str = "127.0.0.1"):
    return Client().post(RESET, {"email": email}, REMOTE_ADDR=address)


@pytest.fixture
def emails(users, settings):
    """Every test user gets an address ``<username>@example.org``. The limits' window is made
    long enough that a test never straddles two windows."""
    settings.ICC_PASSWORD_RESET_WINDOW_S = 10**9
    for user in users.values():
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])
    return [f"{user.username}@example.org" for user in users.values()]


def test_password_resets_are_limited_per_account(emails):
    answers = [reset("city@example.org", address=f"192.0.2.{n}") for n in range(30)]
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/en/accounts/password-reset/sent/")
    }
    assert len(mail.outbox) == 3
    assert "Intercultural Cities" in mail.outbox[0].subject  # the platform's name, not the host
    assert "your account on Intercultural Cities." in mail.outbox[0].body
    assert reset("expert@example.org", address="192.0.2.200").status_code == 302
    assert len(mail.outbox) == 4  # another account is not affected


def test_password_resets_are_limited_per_address(emails):
    answers = [reset(emails[n % len(emails)], address="192.0.2.7") for n in range(30)]
    assert {a.status_code for a in answers} == {302}
    assert len(mail.outbox) == 5
    reset("city@example.org", address="192.0.2.8")
    assert len(mail.outbox) == 6  # another address is not affected


def test_a_reset_for_an_unknown_address_answers_the_same(emails):
    known, unknown = reset("city@example.org"), reset("nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1


def test_refusals_are_logged(emails, caplog):
    fail_ten_times(Client())
    login(Client(), "city", PASSWORD)
    for _ in range(4):
        reset("city@example.org")
    messages = [record.getMessage() for record in caplog.records]
    assert any("Login refused, locked out: username=city address=127.0.0.1" in m for m in messages)
    assert any("Rate limit reached: scope=password-reset-account" in m for m in messages)


def test_the_login_page_names_the_platform_not_the_host():
    page = Client().get(LOGIN).content.decode()
    assert "<title>Log in · Intercultural Cities</title>" in page
    assert "testserver" not in page
