"""Each step of the review reaches the people concerned: in their list and by e-mail."""

from django.core import mail

from icc.conftest import client_for
from icc.index.services import response_transition
from icc.index.tests.test_index_review import BASE, submitted
from icc.index.workflow import Action, Actor
from icc.notifications.models import Notification
from icc.notifications.services import notification_settings_set


def _emails(users):
    for name, user in users.items():
        user.email = f"{name}@example.org"
        user.save(update_fields=["email"])


def test_submitting_tells_the_secretariat_and_the_experts(
    small_edition, directory, users, django_capture_on_commit_callbacks
):
    _emails(users)
    with django_capture_on_commit_callbacks(execute=True):
        submitted(small_edition, directory, users)
    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert told == {"staff", "expert"}
    assert {m.to[0] for m in mail.outbox} == {"secretariat@example.org", "expert@example.org"}
    assert "Bilbao submitted its test questionnaire for review" in mail.outbox[0].subject


def test_changes_requested_reach_the_city_with_the_note_in_its_language(
    small_edition, directory, users, django_capture_on_commit_callbacks
):
    _emails(users)
    city = users["city_coordinator"]
    notification_settings_set(user=city, language="fr", email_off=[])
    submitted(small_edition, directory, users)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(users["secretariat"]).post(
            BASE + "action/", {"action": "request_changes", "note": "Evidence missing for Q1."}
        )
    notice = Notification.objects.get(recipient=city, kind="index.changes_requested")
    assert "Modifications demandées" in notice.title
    assert "Evidence missing for Q1." in notice.body
    assert notice.url == "/fr/index/test/places/bilbao/"
    (email,) = [m for m in mail.outbox if m.to == ["city_coordinator@example.org"]]
    assert "Evidence missing for Q1." in email.body
    # the other city's coordinator and the reviewer who acted hear nothing
    assert not Notification.objects.filter(recipient=users["secretariat"], kind=notice.kind)
    page = client_for(city).get("/fr/notifications/").content.decode()
    assert "Modifications demandées" in page


def test_a_person_who_switched_a_kind_off_gets_the_notice_but_no_email(
    small_edition, directory, users, django_capture_on_commit_callbacks
):
    _emails(users)
    notification_settings_set(user=users["expert"], language="en", email_off=["index.submitted"])
    with django_capture_on_commit_callbacks(execute=True):
        submitted(small_edition, directory, users)
    assert Notification.objects.filter(recipient=users["expert"]).exists()
    assert "expert@example.org" not in {m.to[0] for m in mail.outbox}


def test_preferences_list_the_index_kinds(users):
    page = client_for(users["city_coordinator"]).get("/en/notifications/preferences/")
    assert "Changes are requested on my questionnaire" in page.content.decode()


def test_reopen_asks_for_confirmation_and_says_what_happens(small_edition, directory, users):
    response = submitted(small_edition, directory, users)
    for action in (Action.START_REVIEW, Action.VALIDATE, Action.PUBLISH):
        response = response_transition(
            response=response, action=action, actors=frozenset({Actor.SECRETARIAT}), user=None
        )
    page = client_for(users["secretariat"]).get(BASE).content.decode()
    assert 'data-confirm="Reopen this questionnaire? Its results leave the public results' in page


def test_validated_and_published_reach_the_city_not_the_reviewers(
    small_edition, directory, users, django_capture_on_commit_callbacks
):
    _emails(users)
    response = submitted(small_edition, directory, users)
    secretariat = frozenset({Actor.SECRETARIAT})
    response = response_transition(
        response=response, action=Action.START_REVIEW, actors=secretariat, user=users["secretariat"]
    )
    assert not Notification.objects.filter(kind__startswith="index.").exclude(
        kind="index.submitted"
    )  # nobody waits for "review started"
    with django_capture_on_commit_callbacks(execute=True):
        for action in (Action.VALIDATE, Action.PUBLISH):
            response = response_transition(
                response=response, action=action, actors=secretariat, user=users["secretariat"]
            )
    told = Notification.objects.filter(kind__in=["index.validated", "index.published"])
    assert {(n.recipient.username, n.kind) for n in told} == {
        ("city", "index.validated"),
        ("city", "index.published"),
    }
    subjects = [m.subject for m in mail.outbox if m.to == ["city_coordinator@example.org"]]
    assert any("is validated" in s for s in subjects)
    assert any("results of Bilbao are published" in s for s in subjects)
