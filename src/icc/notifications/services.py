"""Writes of notifications: send, read, choose. Keyword-only, typed, atomic.

A module that wants to tell people something calls ``notification_send`` inside its own
service, in the same transaction as the change it reports: the notices exist only if the change
is committed, and their e-mails leave from a background task started on commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from icc.notifications.kinds import notification_kind_get
from icc.notifications.models import Notification, NotificationSettings

if TYPE_CHECKING:
    from icc.accounts.models import User

#: Called in the recipient's language, it returns the notice's (title, text).
NoticeText = Callable[[], tuple[str, str]]


@transaction.atomic
def notification_send(
    *,
    recipients: Iterable[User],
    kind: str,
    text: NoticeText,
    url: str | Callable[[], str] = "",
) -> list[Notification]:
    """Write one notice per active recipient, each in their language; e-mail on commit.

    ``url`` is a path on the platform, or a function that gives it in the active language
    (``/fr/index/…`` for a French reader); people who switched a kind's e-mail off still see
    the notice in their list.
    """
    notification_kind_get(kind)  # an unregistered kind fails here, not in a worker
    people = {user.pk: user for user in recipients if user.is_active}
    chosen = {s.user_id: s for s in NotificationSettings.objects.filter(user_id__in=list(people))}
    notices = []
    for user in people.values():
        language = chosen[user.pk].language if user.pk in chosen else settings.LANGUAGE_CODE
        with translation.override(language):
            title, body = text()
            path = url() if callable(url) else url
        notices.append(
            Notification(recipient=user, kind=kind, title=title[:300], body=body, url=path)
        )
    created = Notification.objects.bulk_create(notices)
    to_email = [
        notice.pk
        for notice in created
        if notice.recipient.email
        and kind
        not in (chosen[notice.recipient_id].email_off if notice.recipient_id in chosen else [])
    ]
    if to_email:
        from icc.notifications.tasks import notification_email_task

        transaction.on_commit(lambda: notification_email_task.enqueue(to_email))
    return created


@transaction.atomic
def notification_read(*, user: User, notification_id: int) -> Notification:
    """Mark one of ``user``'s notices read; ``Notification.DoesNotExist`` for anyone else's."""
    notice = Notification.objects.select_for_update().get(pk=notification_id, recipient=user)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


@transaction.atomic
def notification_read_all(*, user: User) -> int:
    """Mark every unread notice of ``user`` read; returns how many were unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def notification_settings_set(
    *, user: User, language: str, email_off: Iterable[str]
) -> NotificationSettings:
    """Save ``user``'s language for notices and the kinds they do not want by e-mail."""
    codes = sorted(set(email_off))
    for code in codes:
        notification_kind_get(code)
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language '{language}'.")
    chosen, _ = NotificationSettings.objects.update_or_create(
        user=user, defaults={"language": language, "email_off": codes}
    )
    return chosen
