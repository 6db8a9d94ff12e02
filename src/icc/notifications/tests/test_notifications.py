import pytest
from django.core import mail
from django.utils.translation import gettext as _

from icc.accounts.models import User
from icc.notifications.kinds import notification_kind_register
from icc.notifications.models import Notification
from icc.notifications.services import notification_send, notification_settings_set

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
KIND = "tests.changes_requested"
notification_kind_register(code=KIND, label="Changes are requested on a questionnaire")


def _person(username: str, **extra) -> User:
    return User.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **extra
    )


def _text() -> tuple[str, str]:
    # "Log in" and "Notifications" have French translations in the catalogue
    return _("Log in"), _("Notifications")


def _send(recipients, url="/en/index/"):
    return notification_send(recipients=recipients, kind=KIND, text=_text, url=url)


def test_each_person_gets_the_notice_in_their_language_and_by_email(
    django_capture_on_commit_callbacks,
):
    ana, marc = _person("ana"), _person("marc")
    notification_settings_set(user=marc, language="fr", email_off=[])
    with django_capture_on_commit_callbacks(execute=True):
        _send([ana, marc])
    assert Notification.objects.get(recipient=ana).title == "Log in"
    assert Notification.objects.get(recipient=marc).title == "Se connecter"
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == ["[Intercultural Cities] Log in", "[Intercultural Cities] Se connecter"]
    french = next(m for m in mail.outbox if m.to == ["marc@example.org"])
    assert "http://127.0.0.1:8000/en/index/" in french.body
    assert "/notifications/preferences/" in french.body
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


def test_switching_a_kind_off_keeps_the_notice_but_sends_no_email(
    django_capture_on_commit_callbacks,
):
    ana = _person("ana")
    notification_settings_set(user=ana, language="en", email_off=[KIND])
    gone = _person("gone", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        _send([ana, gone])
    assert Notification.objects.filter(recipient=ana).count() == 1
    assert not Notification.objects.filter(recipient=gone).exists()
    assert mail.outbox == []


def test_an_unregistered_kind_fails_at_once():
    with pytest.raises(ValueError, match=r"No notification kind 'tests\.unknown'"):
        notification_send(recipients=[], kind="tests.unknown", text=_text)


def test_the_list_shows_unread_notices_and_reading_it_changes_nothing(client):
    ana = _person("ana")
    _send([ana])
    client.force_login(ana)
    home = client.get("/en/").content.decode()
    assert "1 new notice" in home
    page = client.get("/en/notifications/").content.decode()
    assert "Log in" in page and "new" in page
    assert Notification.objects.get().read_at is None  # a GET never writes


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(client):
    ana = _person("ana")
    (notice,) = _send([ana], url="/en/network/")
    client.force_login(ana)
    response = client.post(f"/en/notifications/{notice.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/en/network/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "new notice" not in client.get("/en/").content.decode()


def test_nobody_opens_another_persons_notice_and_external_links_are_not_followed(client):
    ana, bob = _person("ana"), _person("bob")
    (for_ana,) = _send([ana])
    (for_bob,) = _send([bob], url="https://evil.example.org/")
    client.force_login(bob)
    assert client.post(f"/en/notifications/{for_ana.pk}/open/").status_code == 404
    response = client.post(f"/en/notifications/{for_bob.pk}/open/")
    assert response["Location"] == "/en/notifications/"


def test_mark_all_read_and_the_unread_filter(client):
    ana = _person("ana")
    _send([ana])
    _send([ana])
    client.force_login(ana)
    assert client.get("/en/notifications/?show=unread").content.decode().count("notice-title") == 2
    response = client.post("/en/notifications/read-all/", follow=True)
    assert "2 notices marked as read." in response.content.decode()
    assert "No unread notices." in client.get("/en/notifications/?show=unread").content.decode()


def test_one_notice_marked_read_is_said_in_the_singular(client):
    ana = _person("ana")
    _send([ana])
    client.force_login(ana)
    response = client.post("/en/notifications/read-all/", follow=True)
    assert "1 notice marked as read." in response.content.decode()
    _send([ana])
    response = client.post("/fr/notifications/read-all/", follow=True)
    assert "1 notification marquée comme lue." in response.content.decode()


def test_preferences_page_saves_language_and_email_choices(client):
    ana = _person("ana")
    client.force_login(ana)
    page = client.get("/en/notifications/preferences/").content.decode()
    assert "Changes are requested on a questionnaire" in page
    response = client.post(
        "/en/notifications/preferences/", {"language": "fr"}, follow=True
    )  # the box unticked: no e-mail for that kind
    assert "Your notification preferences are saved." in response.content.decode()
    saved = ana.notification_settings
    assert saved.language == "fr" and KIND in saved.email_off
    bad = client.post("/en/notifications/preferences/", {"language": "xx"})
    assert "Choose one of the languages offered." in bad.content.decode()


def test_the_pages_need_a_login(client):
    response = client.get("/en/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
