"""The kinds of notification the platform sends, declared by the modules that send them.

A module registers its kinds once, in its ``AppConfig.ready``::

    notification_kind_register(code="index.changes_requested", label=_("Changes requested…"))

The code names the module and the event; the label is what a person reads in their
preferences. Sending an unregistered kind is a programming error, caught at once.
"""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class NotificationKind:
    code: str
    label: str | Promise


_KINDS: dict[str, NotificationKind] = {}


def notification_kind_register(*, code: str, label: str | Promise) -> NotificationKind:
    """Declare a kind (idempotent for the same code). Every kind is e-mailed unless a person
    switches it off in their preferences."""
    kind = NotificationKind(code=code, label=label)
    _KINDS[code] = kind
    return kind


def notification_kind_get(code: str) -> NotificationKind:
    """The kind registered under ``code``; ``ValueError`` when none is."""
    try:
        return _KINDS[code]
    except KeyError:
        raise ValueError(
            f"No notification kind '{code}' is registered; register it in the sending "
            "module's AppConfig.ready with notification_kind_register()."
        ) from None


def notification_kinds() -> list[NotificationKind]:
    """Every registered kind, by code."""
    return sorted(_KINDS.values(), key=lambda kind: kind.code)
