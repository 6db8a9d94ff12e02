"""The newsletter: subscription with double opt-in, one-click unsubscribe, issues composed from
what was published since the previous issue, sent per language by a background task.

Rules held here:

- Subscribing records the address unconfirmed and e-mails a confirmation link (a signed token
  valid ``CONFIRM_DAYS`` days); only confirmed subscribers who have not unsubscribed receive
  issues. Subscribing again with a known address sends a new link and changes nothing else, so
  the form tells nobody whether an address is subscribed.
- Every issue's e-mail carries a personal unsubscribe link (a signed token without expiry) in
  its text and in the ``List-Unsubscribe`` header, with ``List-Unsubscribe-Post`` for mail
  programs' one-click unsubscribe (RFC 8058): a POST to the link unsubscribes at once.
- A new issue gathers the news and good practices published since the previous issue was sent
  (all of them for the first issue); the secretariat edits the selection and the text, previews,
  then sends. Sending marks the issue "sending" and queues the task on commit; the task claims
  a ``NewsletterDelivery`` per subscriber (unique) before each e-mail leaves, so a rerun, a
  second worker or a double "send" sends nothing twice and a retry after a failure sends to
  the others only (a worker killed between a claim and its e-mail loses that one e-mail rather
  than sending it twice); the issue is marked sent at the end. Each subscriber gets the issue
  in their language (titles fall back to English).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from icc.knowledge.models import (
    GoodPractice,
    NewsItem,
    NewsletterDelivery,
    NewsletterIssue,
    Subscriber,
)
from icc.knowledge.selectors import (
    issue_for_sending,
    news_published,
    practices_published,
    since_last_issue,
    subscribers_active,
)
from icc.knowledge.services import text_set
from icc.language import interface_language

if TYPE_CHECKING:
    from icc.accounts.models import User

CONFIRM_DAYS = 7
CONFIRM_SALT = "knowledge.newsletter.confirm"
UNSUBSCRIBE_SALT = "knowledge.newsletter.unsubscribe"


def site_url() -> str:
    return str(getattr(settings, "ICC_SITE_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps(str(subscriber.token), salt=CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.dumps(str(subscriber.token), salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(subscriber: Subscriber) -> str:
    with translation.override(subscriber.language if subscriber.language in ("en", "fr") else "en"):
        path = reverse("knowledge:unsubscribe", kwargs={"token": unsubscribe_token(subscriber)})
    return site_url() + path


def _subscriber_from(token: str, *, salt: str, max_age: int | None) -> Subscriber:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise ValidationError(_("This link is not valid (or no longer).")) from error
    found = Subscriber.objects.filter(token=value).first()
    if found is None:
        raise ValidationError(_("This link is not valid (or no longer)."))
    return found


def subscriber_subscribe(*, email: str, language: str) -> Subscriber:
    """Record ``email`` (unconfirmed) and e-mail it a confirmation link on commit."""
    email = email.strip().lower()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            email=email, defaults={"language": language}
        )
        if not created and not subscriber.active:
            subscriber.language = language
            subscriber.save(update_fields=["language"])
        if subscriber.active:
            return subscriber
        pk = subscriber.pk
        transaction.on_commit(lambda: subscription_confirm_email_task.enqueue(pk))
    return subscriber


@task()
def subscription_confirm_email_task(subscriber_id: int) -> None:
    """E-mail the confirmation link (double opt-in)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.active:
        return
    language = subscriber.language if subscriber.language in ("en", "fr") else "en"
    with translation.override(language):
        link = site_url() + reverse(
            "knowledge:subscribe_confirm", kwargs={"token": confirm_token(subscriber)}
        )
        body = _(
            "Please confirm that you want to receive the %(site)s newsletter by opening this "
            "link within %(days)s days:\n\n%(link)s\n\nIf you did not ask for it, ignore this "
            "message: nothing will be sent to you."
        ) % {"site": settings.ICC_SITE_NAME, "days": CONFIRM_DAYS, "link": link}
        message = EmailMultiAlternatives(
            subject=_("Confirm your subscription to the newsletter"),
            body=body,
            to=[subscriber.email],
        )
    message.send()


def subscriber_from_confirm_token(*, token: str) -> Subscriber:
    """The subscriber a confirmation link is for (to show its button); the refusal of a link
    that is wrong or expired says how to get a new one."""
    try:
        return _subscriber_from(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 86400)
    except ValidationError:
        raise ValidationError(
            _(
                "This confirmation link is not valid or has expired (a link lasts %(days)s "
                "days). Subscribe again on the newsletter page: we will e-mail you a new link."
            )
            % {"days": CONFIRM_DAYS}
        ) from None


@transaction.atomic
def subscriber_confirm(*, token: str) -> Subscriber:
    """Confirm the address behind ``token`` (and subscribe it again if it had left)."""
    subscriber = subscriber_from_confirm_token(token=token)
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, token: str) -> Subscriber:
    """Unsubscribe the address behind ``token`` (doing it twice changes nothing)."""
    subscriber = _subscriber_from(token, salt=UNSUBSCRIBE_SALT, max_age=None)
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])
    return subscriber


def subscriber_from_unsubscribe_token(*, token: str) -> Subscriber:
    """The subscriber a link is for (to show the confirmation page); ValidationError if none."""
    return _subscriber_from(token, salt=UNSUBSCRIBE_SALT, max_age=None)


# --- issues --------------------------------------------------------------------------------


@transaction.atomic
def issue_compose(*, user: User | None = None, now: dt.datetime | None = None) -> NewsletterIssue:
    """A draft issue with the news and practices published since the previous issue."""
    now = now or timezone.now()
    since = since_last_issue()
    news = news_published().filter(published_at__lte=now)
    practices = practices_published().filter(published_at__lte=now)
    if since is not None:
        news = news.filter(published_at__gt=since)
        practices = practices.filter(published_at__gt=since)
    number = (NewsletterIssue.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    issue = NewsletterIssue(number=number)
    for code, _name in settings.LANGUAGES:  # whichever interface it is composed in
        with translation.override(code):
            subject = _("Intercultural Cities newsletter no. %(number)s") % {"number": number}
        setattr(issue, f"subject_{code}", subject)
    issue.save()
    issue.news.set(news)
    issue.practices.set(practices)
    return issue


@transaction.atomic
def issue_update(
    *,
    issue: NewsletterIssue,
    subject: str,
    intro: str,
    news_ids: list[int],
    practice_ids: list[int],
    language: str = "en",
) -> NewsletterIssue:
    """Change a draft issue's text (in ``language``) and selection."""
    if issue.status != NewsletterIssue.Status.DRAFT:
        raise ValidationError(_("This issue has been sent: it can no longer be changed."))
    text_set(issue, "subject", language, subject.strip())
    text_set(issue, "intro", language, intro.strip())
    issue.save()
    issue.news.set(news_published().filter(pk__in=news_ids))
    issue.practices.set(practices_published().filter(pk__in=practice_ids))
    return issue


@transaction.atomic
def issue_send(*, issue: NewsletterIssue) -> NewsletterIssue:
    """Mark the issue as being sent and queue the sending on commit."""
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.status == NewsletterIssue.Status.SENT:
        raise ValidationError(_("This issue has already been sent."))
    issue.status = NewsletterIssue.Status.SENDING
    issue.save(update_fields=["status"])
    pk = issue.pk
    transaction.on_commit(lambda: newsletter_send_task.enqueue(pk))
    return issue


def issue_email(*, issue: NewsletterIssue, subscriber: Subscriber) -> EmailMultiAlternatives:
    """The issue's e-mail for one subscriber, in their language; its links lead to the pages in
    the interface language nearest to theirs (there are no ``/es/`` pages)."""
    link = unsubscribe_url(subscriber)
    news, practices = list(issue.news.all()), list(issue.practices.all())
    with translation.override(interface_language(subscriber.language)):
        items: list[NewsItem | GoodPractice] = [*news, *practices]
        for item in items:
            item.link = site_url() + item.get_absolute_url()  # type: ignore[union-attr]
    with translation.override(subscriber.language):
        context = {
            "issue": issue,
            "news": news,
            "practices": practices,
            "site_url": site_url(),
            "unsubscribe_url": link,
        }
        text = render_to_string("knowledge/email/issue.txt", context)
        html = render_to_string("knowledge/email/issue.html", context)
        subject = issue.subject
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _delivery_claim(*, issue: NewsletterIssue, subscriber: Subscriber) -> bool:
    """Record that ``subscriber`` gets ``issue``, before the e-mail leaves; False when a run
    already did (this task replayed, or run by a second worker at the same time): the unique
    (issue, subscriber) row lets one run only send each e-mail."""
    try:
        with transaction.atomic():
            NewsletterDelivery.objects.create(issue=issue, subscriber=subscriber)
    except IntegrityError:
        return False
    return True


@task()
def newsletter_send_task(issue_id: int) -> int:
    """Send issue ``issue_id`` (marked "sending" by ``issue_send``) to every active subscriber
    not yet served; returns the count. Each e-mail is claimed (``_delivery_claim``) before it
    leaves and the claim dropped if the mail server refuses it, so a run after a failure sends
    to the others only; the issue is marked sent once, by the run that finds it still unsent."""
    issue = issue_for_sending(pk=issue_id)
    if issue is None or issue.status != NewsletterIssue.Status.SENDING:
        return 0
    sent = 0
    waiting = subscribers_active().exclude(
        pk__in=NewsletterDelivery.objects.filter(issue=issue).values("subscriber_id")
    )
    for subscriber in waiting.order_by("language", "pk").iterator():
        if not _delivery_claim(issue=issue, subscriber=subscriber):
            continue
        try:
            issue_email(issue=issue, subscriber=subscriber).send()
        except Exception:
            NewsletterDelivery.objects.filter(issue=issue, subscriber=subscriber).delete()
            raise
        sent += 1
    NewsletterIssue.objects.filter(pk=issue.pk, sent_at__isnull=True).update(
        status=NewsletterIssue.Status.SENT, sent_at=timezone.now()
    )
    return sent
