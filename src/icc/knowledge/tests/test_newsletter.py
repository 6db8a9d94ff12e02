"""The newsletter: double opt-in, an issue made of what was published since the last one,
sent to confirmed subscribers only, each in their language, and one-click unsubscribe."""

import datetime as dt
import re
from typing import Any
from unittest import mock

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import Client
from django.utils import timezone

from icc.conftest import client_for
from icc.knowledge.models import NewsletterIssue, Subscriber
from icc.knowledge.newsletter import (
    issue_compose,
    issue_send,
    newsletter_send_task,
    subscriber_subscribe,
)


def link_in(message, name):
    found = re.search(
        rf"https?://[^/\s]+(/\w\w/knowledge/newsletter/{name}/[^/\s]+/)", message.body
    )
    assert found is not None
    return found[1]


def test_double_opt_in_then_an_issue_reaches_only_confirmed_subscribers(
    users, make_news, make_practice, django_capture_on_commit_callbacks
):
    public = Client()
    with django_capture_on_commit_callbacks(execute=True):
        public.post(
            "/en/knowledge/newsletter/subscribe/", {"email": "Ana@Example.org", "language": "fr"}
        )
        public.post(
            "/en/knowledge/newsletter/subscribe/", {"email": "bob@example.org", "language": "en"}
        )
    assert [m.to for m in mail.outbox] == [["ana@example.org"], ["bob@example.org"]]
    confirm = link_in(mail.outbox[0], "confirm")
    assert public.get(confirm).status_code == 200  # a GET only shows the button
    assert Subscriber.objects.get(email="ana@example.org").confirmed_at is None
    assert public.post(confirm).status_code == 200
    assert Subscriber.objects.get(email="ana@example.org").active
    # bob never confirms

    old = timezone.now() - dt.timedelta(days=90)
    NewsletterIssue.objects.create(
        number=1, subject="Earlier", status="sent", sent_at=timezone.now() - dt.timedelta(days=30)
    )
    make_news("before-last-issue", published=old)
    make_news("city-testimony", title="A testimony from Bilbao", title_fr="Un témoignage de Bilbao")
    make_practice("welcome-walks", title="Welcome walks")

    staff = client_for(users["secretariat"])
    response = staff.post("/en/knowledge/newsletter/issues/new/")
    issue = NewsletterIssue.objects.get(number=2)
    assert response["Location"] == f"/en/knowledge/newsletter/issues/{issue.number}/edit/"
    assert [n.slug for n in issue.news.all()] == ["city-testimony"]
    assert [p.slug for p in issue.practices.all()] == ["welcome-walks"]
    preview = staff.get(f"/en/knowledge/newsletter/issues/{issue.number}/preview/")
    assert "A testimony from Bilbao" in preview.content.decode()
    assert public.get(f"/en/knowledge/newsletter/{issue.number}/").status_code == 404  # a draft

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/en/knowledge/newsletter/issues/{issue.number}/send/")
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    sent = mail.outbox[0]
    assert "Un témoignage de Bilbao" in sent.body  # in the subscriber's language
    unsubscribe = link_in(sent, "unsubscribe")
    assert sent.extra_headers["List-Unsubscribe"].endswith(unsubscribe + ">")
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.sent_at is not None
    assert "A testimony from Bilbao" in public.get("/en/knowledge/newsletter/2/").content.decode()
    assert "/en/knowledge/newsletter/2/" in public.get("/en/knowledge/newsletter/").content.decode()

    # one click from a mail program: a POST without a CSRF token
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(unsubscribe, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscriber.objects.get(email="ana@example.org").active
    assert strict.post(unsubscribe[:-3] + "xx/").status_code == 400  # a forged token

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        third = issue_compose()
        issue_send(issue=third)
    assert mail.outbox == []  # nobody left
    assert not third.news.exists()  # nothing new since issue 2


def test_subscribing_twice_sends_a_new_link_and_the_form_is_rate_limited(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber_subscribe(email="x@example.org", language="en")
        subscriber_subscribe(email="x@example.org", language="de")
    assert len(mail.outbox) == 2
    assert Subscriber.objects.get().language == "de"
    public = Client()
    codes = [
        public.post(
            "/en/knowledge/newsletter/subscribe/", {"email": f"p{i}@example.org", "language": "en"}
        ).status_code
        for i in range(6)
    ]
    assert codes == [302] * 5 + [429]


def test_an_item_withdrawn_after_composing_is_neither_e_mailed_nor_shown_in_the_archive(
    users, make_news, make_practice, django_capture_on_commit_callbacks
):
    Subscriber.objects.create(email="ana@example.org", language="en", confirmed_at=timezone.now())
    kept = make_practice("welcome-walks", title="Welcome walks")
    withdrawn = make_practice("leaky-practice", title="Practice withdrawn for errors")
    make_news("leaky-news", title="News withdrawn before sending")
    issue = issue_compose()
    assert issue.practices.count() == 2 and issue.news.count() == 1
    withdrawn.status, withdrawn.published_at = "draft", None  # unpublished by the secretariat
    withdrawn.save()
    issue.news.update(published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        issue_send(issue=issue)
    (message,) = mail.outbox
    html = str(message.alternatives[0][0])
    for text in (message.body, html):
        assert kept.title in text
        assert "withdrawn" not in text
    archive = Client().get(f"/en/knowledge/newsletter/{issue.number}/").content.decode()
    assert kept.title in archive and "withdrawn" not in archive


def test_pages_link_no_unpublished_publication_or_practice(make_practice):
    from icc.knowledge.models import Publication

    practice = make_practice("welcome-walks", title="Welcome walks")
    draft = make_practice("walks-draft", title="Draft walks", status="draft")
    hidden = Publication.objects.create(
        slug="hidden-guide", title_en="Guide not yet out", kind="guide", is_published=False
    )
    public = Publication.objects.create(slug="walks-guide", title_en="Walks guide", kind="guide")
    hidden.practices.add(practice)
    public.practices.add(practice, draft)
    page = Client().get("/en/knowledge/practices/welcome-walks/").content.decode()
    assert "Walks guide" in page and "Guide not yet out" not in page
    page = Client().get("/en/knowledge/publications/walks-guide/").content.decode()
    assert "Welcome walks" in page and "Draft walks" not in page


def test_an_issue_composed_in_french_reaches_every_subscriber_with_a_subject_and_working_links(
    users, make_news, make_practice, django_capture_on_commit_callbacks
):
    for email, language in (
        ("en@example.org", "en"),
        ("fr@example.org", "fr"),
        ("es@example.org", "es"),
    ):
        Subscriber.objects.create(email=email, language=language, confirmed_at=timezone.now())
    make_news("city-testimony", title="A testimony", title_es="Un testimonio")
    make_practice("welcome-walks", title="Welcome walks")
    staff = client_for(users["secretariat"])
    staff.post("/fr/knowledge/newsletter/issues/new/")
    staff.post(
        "/fr/knowledge/newsletter/issues/1/edit/",
        {"subject": "Numéro d’hiver", "intro": "Bonne lecture.", "news": [], "practices": []},
    )
    issue = NewsletterIssue.objects.get(number=1)
    issue.news.set(issue.news.model.objects.all())
    issue.practices.set(issue.practices.model.objects.all())
    with django_capture_on_commit_callbacks(execute=True):
        staff.post("/fr/knowledge/newsletter/issues/1/send/")
    sent: dict[str, Any] = {m.to[0]: m for m in mail.outbox}
    assert sent["fr@example.org"].subject == "Numéro d’hiver"
    # composed and edited in French, it still has a subject for everyone else (never empty),
    # and the introduction nobody wrote in English is the French one
    assert sent["en@example.org"].subject == "Intercultural Cities newsletter no. 1"
    assert sent["es@example.org"].subject == "Intercultural Cities newsletter no. 1"
    assert "Bonne lecture." in sent["en@example.org"].body
    spanish = sent["es@example.org"]
    assert "Un testimonio" in spanish.body  # the items in the subscriber's language...
    links = re.findall(
        r"https?://[^/\s]+(/\w\w/knowledge/(?:news|practices)/[^\s\"]+)", spanish.body
    )
    html = str(spanish.alternatives[0][0])
    links += re.findall(r'href="https?://[^/\s]+(/\w\w/knowledge/(?:news|practices)/[^"]+)"', html)
    assert len(links) == 4
    public = Client()
    for path in links:  # ...on pages that exist (the interface has no /es/)
        assert public.get(path).status_code == 200, path


def test_a_wrong_or_expired_confirmation_link_says_so_at_once_and_how_to_get_a_new_one(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber_subscribe(email="ana@example.org", language="fr")
    confirm = link_in(mail.outbox[0], "confirm").replace("/en/", "/fr/")
    public = Client()
    expired = timezone.now() + dt.timedelta(days=8)
    with mock.patch("django.core.signing.time.time", return_value=expired.timestamp()):
        page = public.get(confirm)
    assert page.status_code == 400
    text = page.content.decode()
    assert "Ce lien de confirmation n’est pas valide ou a expiré" in text
    assert "Confirmer</button>" not in text  # no button that could not work
    assert public.get(confirm[:-4] + "xx/").status_code == 400
    shown = public.get(confirm)  # the link in time shows its button
    assert shown.status_code == 200 and "Confirmer</button>" in shown.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


def test_an_address_longer_than_the_database_holds_is_refused(db):
    address = "a" * 250 + "@example.org"
    response = Client().post(
        "/en/knowledge/newsletter/subscribe/", {"email": address, "language": "en"}
    )
    assert response.status_code == 400
    assert "at most 254 characters (it has 262)" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_an_issue_sent_again_by_a_second_worker_or_a_retry_reaches_each_subscriber_once(
    users, django_capture_on_commit_callbacks
):
    for name in ("ana", "bob", "chloe"):
        Subscriber.objects.create(
            email=f"{name}@example.org", language="en", confirmed_at=timezone.now()
        )
    everyone = ["ana@example.org", "bob@example.org", "chloe@example.org"]
    issue = issue_compose()
    NewsletterIssue.objects.filter(pk=issue.pk).update(status="sending")  # as issue_send leaves it

    # a second worker takes the same task while the first is sending its first e-mail
    real_send = EmailMultiAlternatives.send
    overlapped: list[int] = []

    def send_overlapped(message, *args, **kwargs):
        if not overlapped:
            overlapped.append(0)
            overlapped[0] = newsletter_send_task.call(issue.pk)
        return real_send(message, *args, **kwargs)

    with mock.patch.object(EmailMultiAlternatives, "send", send_overlapped):
        first = newsletter_send_task.call(issue.pk)
    assert sorted(m.to[0] for m in mail.outbox) == everyone
    assert first + overlapped[0] == 3
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.deliveries.count() == 3
    # run once more (a replayed task) and a double "send" from the page: nothing new leaves
    assert newsletter_send_task.call(issue.pk) == 0
    staff = client_for(users["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        for _click in range(2):
            staff.post(f"/en/knowledge/newsletter/issues/{issue.number}/send/")
    assert len(mail.outbox) == 3

    # the mail server fails half way: the retry sends only to those not yet served
    mail.outbox.clear()
    second = issue_compose()
    calls: list[str] = []

    def send_failing(message, *args, **kwargs):
        calls.append(message.to[0])
        if len(calls) == 2:
            raise OSError("mail server gone")
        return real_send(message, *args, **kwargs)

    with (
        mock.patch.object(EmailMultiAlternatives, "send", send_failing),
        django_capture_on_commit_callbacks(execute=True),
    ):
        issue_send(issue=second)  # the task fails (the worker records the error)
    assert [m.to[0] for m in mail.outbox] == ["ana@example.org"]
    second.refresh_from_db()
    assert second.status == "sending" and second.sent_at is None
    with django_capture_on_commit_callbacks(execute=True):
        issue_send(issue=second)  # the secretariat sends it again
    assert sorted(m.to[0] for m in mail.outbox) == everyone
    second.refresh_from_db()
    assert second.status == "sent" and second.deliveries.count() == 3
