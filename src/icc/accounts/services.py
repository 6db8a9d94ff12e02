"""Writes about users and roles."""

from typing import Any

from django.db import transaction
from django.utils.text import slugify

from icc.accounts.models import Role, RoleAssignment, User


@transaction.atomic
def role_assign(
    *, user: User, role: Role, place_id: int | None = None, network_id: int | None = None
) -> RoleAssignment:
    """Give ``user`` a role on a place (city coordinator, expert, anti-rumours team) or a network
    (coordinator).

    Raises ``ValueError`` when the scope does not fit the role.
    """
    if role == Role.NETWORK_COORDINATOR:
        if network_id is None or place_id is not None:
            raise ValueError(
                "A national network coordinator is assigned to a network, not a place."
            )
    elif place_id is None or network_id is not None:
        raise ValueError(
            "City coordinators, experts and anti-rumours teams are assigned to a place, "
            "not a network."
        )
    scope: dict[str, Any] = {"place_id": place_id, "network_id": network_id}
    assignment, _ = RoleAssignment.objects.get_or_create(user=user, role=role, **scope)
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment) -> None:
    """Take a role away; what hangs on it (a public contact card) goes with it."""
    assignment.delete()


@transaction.atomic
def contact_account_create(*, full_name: str, email: str = "") -> User:
    """An account for a person the platform must know before they log in (a coordinator named by
    their city): inactive, without a usable password, until the secretariat activates it."""
    first, _space, last = full_name.strip().partition(" ")
    base = slugify(full_name)[:100] or "person"
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    user = User(username=username, first_name=first, last_name=last, email=email, is_active=False)
    user.set_unusable_password()
    user.save()
    return user
