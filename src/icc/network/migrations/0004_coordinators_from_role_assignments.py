"""Every listed coordinator becomes a role holder: their card is linked to the role assignment
that gives them access, created where it was missing.

A card with a linked account gets (or reuses) that account's role on the place or network. A card
without an account (the demo's invented coordinators, contacts typed in by the secretariat) gets
an inactive account without a usable password, named after the person, that the secretariat can
activate later. Nothing is deleted; two cards for the same role are kept apart by giving the
second person their own account.
"""

from django.contrib.auth.hashers import make_password
from django.db import migrations
from django.utils.text import slugify


def _free_username(User, name):
    base = slugify(name)[:100] or "coordinator"
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def cards_to_roles(apps, schema_editor):
    Coordinator = apps.get_model("network", "Coordinator")
    RoleAssignment = apps.get_model("accounts", "RoleAssignment")
    User = apps.get_model("accounts", "User")
    for card in Coordinator.objects.filter(assignment__isnull=True).order_by("id"):
        if card.place_id:
            role, scope = "city_coordinator", {"place_id": card.place_id, "network_id": None}
        else:
            role, scope = "network_coordinator", {"place_id": None, "network_id": card.network_id}
        user = card.user
        taken = user is not None and Coordinator.objects.filter(
            assignment__user=user, assignment__role=role, **{f"assignment__{k}": v for k, v in scope.items()}
        ).exists()
        if user is None or taken:
            first, _space, last = card.name.strip().partition(" ")
            user = User.objects.create(
                username=_free_username(User, card.name),
                first_name=first,
                last_name=last,
                email=card.email,
                is_active=False,
                password=make_password(None),
            )
        assignment, _created = RoleAssignment.objects.get_or_create(user=user, role=role, **scope)
        card.assignment = assignment
        card.save(update_fields=["assignment"])


def roles_to_cards(apps, schema_editor):
    Coordinator = apps.get_model("network", "Coordinator")
    for card in Coordinator.objects.select_related("assignment__user"):
        assignment = card.assignment
        card.name = f"{assignment.user.first_name} {assignment.user.last_name}".strip()
        card.place_id, card.network_id = assignment.place_id, assignment.network_id
        card.user_id = assignment.user_id
        card.save(update_fields=["name", "place", "network", "user"])


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_coordinator_assignment"),
    ]

    operations = [migrations.RunPython(cards_to_roles, roles_to_cards)]
