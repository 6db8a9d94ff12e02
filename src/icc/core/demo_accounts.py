"""Demo accounts, one per role, so that every kind of user can try the platform."""

from django.db import transaction

from icc.accounts.models import Role, User
from icc.accounts.services import role_assign
from icc.network.models import Network, Place

DEMO_ACCOUNTS: tuple[tuple[str, str], ...] = (
    ("secretariat", "secretariat, staff"),
    ("bilbao", "city coordinator of Bilbao"),
    ("reci", "coordinator of the Spanish network RECI"),
    ("expert", "expert assigned to Bilbao and Getxo"),
    ("resident", "a resident with an account and no role"),
)


@transaction.atomic
def demo_accounts_create(*, password: str) -> tuple[tuple[str, str], ...]:
    """Create or refresh the demo accounts with ``password``; returns (username, description)."""
    users = {}
    for username, _ in DEMO_ACCOUNTS:
        user, _created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.set_password(password)
        user.is_staff = user.is_superuser = username == "secretariat"
        user.save()
        users[username] = user
    bilbao = Place.objects.get(slug="bilbao")
    role_assign(user=users["bilbao"], role=Role.CITY_COORDINATOR, place_id=bilbao.pk)
    role_assign(
        user=users["reci"],
        role=Role.NETWORK_COORDINATOR,
        network_id=Network.objects.get(slug="reci").pk,
    )
    for slug in ("bilbao", "getxo"):
        place = Place.objects.filter(slug=slug).first()
        if place:
            role_assign(user=users["expert"], role=Role.EXPERT, place_id=place.pk)
    return DEMO_ACCOUNTS
