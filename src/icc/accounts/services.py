"""Writes about users and roles."""

from typing import Any

from django.db import transaction

from icc.accounts.models import Role, RoleAssignment, User


@transaction.atomic
def role_assign(
    *, user: User, role: Role, place_id: int | None = None, network_id: int | None = None
) -> RoleAssignment:
    """Give ``user`` a role on a place (city coordinator, expert) or a network (coordinator).

    Raises ``ValueError`` when the scope does not fit the role.
    """
    if role == Role.NETWORK_COORDINATOR:
        if network_id is None or place_id is not None:
            raise ValueError(
                "A national network coordinator is assigned to a network, not a place."
            )
    elif place_id is None or network_id is not None:
        raise ValueError("City coordinators and experts are assigned to a place, not a network.")
    scope: dict[str, Any] = {"place_id": place_id, "network_id": network_id}
    assignment, _ = RoleAssignment.objects.get_or_create(user=user, role=role, **scope)
    return assignment
