"""Who sees what: every protected URL of the directory against every role.

Protected resources: a place's workspace (private notes and step notes), its private API, the
import page, and coordinators' contact details. The public pages never show private notes.
"""

from typing import Any

import pytest

from icc.conftest import PLACE_EDITORS, client_for

WORKSPACE = "/en/network/places/{slug}/workspace/"
PRIVATE_API = "/api/v1/places/{slug}/private"

# role → {place slug: may read its private side?}
READ_MATRIX: dict[str | None, dict[str, bool]] = {
    "secretariat": {"bilbao": True, "getxo": True, "reggio-emilia": True},
    "city_coordinator": {"bilbao": True, "getxo": False, "reggio-emilia": False},
    "network_coordinator": {"bilbao": True, "getxo": True, "reggio-emilia": False},
    "expert": {"bilbao": True, "getxo": False, "reggio-emilia": False},
    "other_city_coordinator": {"bilbao": False, "getxo": False, "reggio-emilia": True},
    "resident": {"bilbao": False, "getxo": False, "reggio-emilia": False},
    None: {"bilbao": False, "getxo": False, "reggio-emilia": False},
}
NOTES = {
    "bilbao": "Bilbao private note",
    "getxo": "Getxo private note",
    "reggio-emilia": "Reggio private note",
}
CASES = [
    (role, slug, allowed) for role, row in READ_MATRIX.items() for slug, allowed in row.items()
]


@pytest.mark.parametrize(("role", "slug", "allowed"), CASES)
def test_workspace_page_is_visible_only_to_those_responsible(users, role, slug, allowed):
    response = client_for(users.get(role) if role else None).get(WORKSPACE.format(slug=slug))
    if allowed:
        assert response.status_code == 200
        assert NOTES[slug] in response.content.decode()
    elif role is None:
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 403
        assert NOTES[slug] not in response.content.decode()


@pytest.mark.parametrize(("role", "slug", "allowed"), CASES)
def test_private_api_follows_the_same_rules(users, role, slug, allowed):
    response = client_for(users.get(role) if role else None).get(PRIVATE_API.format(slug=slug))
    expected = 200 if allowed else (401 if role is None else 403)
    assert response.status_code == expected
    assert (NOTES[slug] in response.content.decode()) is allowed


def test_a_website_address_too_long_to_keep_is_refused_in_words(users, directory):
    # The form took any address up to 2,048 characters; the column holds 200, so PostgreSQL
    # refused the write with a server error (SQLite kept it, too long).
    client = client_for(users["city_coordinator"])
    long_address = "https://www.bilbao.eus/" + "a" * 200
    response = client.post(
        WORKSPACE.format(slug="bilbao"), {"internal_notes": "kept", "website": long_address}
    )
    assert response.status_code == 200
    assert "at most 200 characters" in response.content.decode()
    assert long_address in response.content.decode()  # nothing entered is lost
    directory["bilbao"].refresh_from_db()
    assert directory["bilbao"].website == ""


@pytest.mark.parametrize(("role", "may_edit"), PLACE_EDITORS)
def test_only_secretariat_and_own_coordinator_change_the_workspace(
    users, directory, role, may_edit
):
    client = client_for(users[role])
    response = client.post(
        WORKSPACE.format(slug="bilbao"),
        {"internal_notes": f"written by {role}", "website": "https://www.bilbao.eus"},
    )
    directory["bilbao"].refresh_from_db()
    if may_edit:
        assert response.status_code == 302
        assert directory["bilbao"].internal_notes == f"written by {role}"
    else:
        assert response.status_code == 403
        assert directory["bilbao"].internal_notes == "Bilbao private note"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", 200),
        ("city_coordinator", 403),
        ("network_coordinator", 403),
        ("expert", 403),
        ("resident", 403),
        (None, 302),
    ],
)
def test_import_page_is_for_the_secretariat(users, role, expected):
    response = client_for(users.get(role) if role else None).get("/en/network/places/import/")
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "sees_contacts"),
    [
        ("secretariat", True),
        ("city_coordinator", True),
        ("network_coordinator", True),
        ("expert", True),
        ("other_city_coordinator", True),
        ("resident", False),
        (None, False),
    ],
)
def test_coordinator_contacts_are_for_logged_in_members(users, directory, role, sees_contacts):
    from icc.accounts.services import contact_account_create
    from icc.network.services import coordinator_add

    coordinator_add(
        user=contact_account_create(full_name="Ane Etxeberria"),
        place=directory["bilbao"],
        role_title={"en": "ICC coordinator"},
        email="ane@bilbao.example.org",
        phone="+34 944 000 000",
    )
    coordinator_add(
        user=contact_account_create(full_name="Net Coordinator"),
        network=directory["reci"],
        role_title={"en": "Coordinator"},
        email="net@reci.example.org",
    )
    for url in ("/en/network/places/bilbao/", "/en/network/networks/reci/"):
        body = client_for(users.get(role) if role else None).get(url).content.decode()
        email = "ane@bilbao.example.org" if "places" in url else "net@reci.example.org"
        assert (email in body) is sees_contacts


@pytest.mark.parametrize(
    "url",
    [
        "/en/network/places/bilbao/",
        "/fr/network/places/bilbao/",
        "/en/network/places/",
        "/en/network/",
        "/api/v1/places/bilbao",
        "/api/v1/places?country=ES",
        "/en/network/places/export.csv",
    ],
)
def test_public_pages_never_show_private_notes(users, url: str) -> None:
    for role in (None, "resident", "other_city_coordinator"):
        body = client_for(users.get(role) if role else None).get(url).getvalue().decode("utf-8-sig")
        assert "Bilbao private note" not in body


def test_place_page_links_the_workspace_only_for_those_responsible(users: dict[str, Any]) -> None:
    link = "/en/network/places/bilbao/workspace/"
    assert (
        link
        in client_for(users["city_coordinator"]).get("/en/network/places/bilbao/").content.decode()
    )
    assert (
        link
        not in client_for(users["other_city_coordinator"])
        .get("/en/network/places/bilbao/")
        .content.decode()
    )
