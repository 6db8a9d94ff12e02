"""Personal links for registrants, who may have no account.

The link carries the registration's id and its random ``secret``, signed with the site's key.
Erasing a registration replaces the secret, so its old links stop working.
"""

from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare

from icc.events.models import Registration

SALT = "icc.events.registration-link"


def registration_token(registration: Registration) -> str:
    """The signed token of ``registration``'s personal link: the same link every time (no
    timestamp), so each e-mail and page gives one registrant one address."""
    return signing.Signer(salt=SALT).sign_object([registration.pk, registration.secret])


def _token_read(token: str) -> tuple[object, object]:
    try:
        value = signing.Signer(salt=SALT).unsign_object(token)
    except signing.BadSignature:
        value = signing.loads(token, salt=SALT)  # links sent before, with a timestamp
    pk, secret = value
    return pk, secret


def registration_from_token(token: str) -> Registration | None:
    """The registration a token opens, or None when it is forged, altered or revoked."""
    try:
        pk, secret = _token_read(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not (isinstance(pk, int) and isinstance(secret, str)):
        return None
    registration = Registration.objects.select_related("event").filter(pk=pk).first()
    if registration is None or not constant_time_compare(registration.secret, secret):
        return None
    return registration


def registration_manage_path(registration: Registration) -> str:
    """The personal link's path in the active language."""
    return reverse(
        "events:registration_manage",
        kwargs={"slug": registration.event.slug, "token": registration_token(registration)},
    )
