"""Every response carries the Content-Security-Policy and the Permissions-Policy, and no
template needs more than the policy allows (no inline script, handler or style)."""

import re
from pathlib import Path

import pytest
from django.test import Client

from icc.conftest import client_for
from icc.settings.base import map_tiles_origins

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(header: str) -> dict[str, str]:
    """The policy as {directive: sources} (django-csp does not keep the settings' order)."""
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


PAGE_TYPES = [
    "/en/",
    "/fr/",
    "/en/network/",
    "/en/network/places/",
    "/en/network/places/bilbao/",
    "/fr/network/networks/reci/",
    "/en/index/",
    "/en/events/",
    "/en/accounts/login/",
    "/fr/accounts/password-reset/",
    "/en/network/places/atlantis/",  # 404
    "/api/v1/places",
    "/api/v1/openapi.json",
    "/api/v1/docs",
    "/en/jsi18n/",
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_sends_the_policies(directory, path):
    response = Client().get(path)
    assert response.status_code in (200, 404)
    assert directives(response["Content-Security-Policy"]) == POLICY
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_for_logged_in_people_send_the_policy_too(users):
    for path in ("/en/me/", "/en/network/places/bilbao/workspace/", "/en/admin/"):
        response = client_for(users["secretariat"]).get(path)
        assert response.status_code == 200
        assert directives(response["Content-Security-Policy"]) == POLICY


def test_a_map_tiles_address_becomes_an_image_source():
    assert map_tiles_origins("https://{s}.tile.example.org/{z}/{x}/{y}.png") == [
        "https://*.tile.example.org"
    ]
    assert map_tiles_origins("") == []


# Templates rendered to PDF by WeasyPrint, or saved as a standalone file that is only ever sent
# as a download (``Content-Disposition: attachment``), never shown in the site: their <style> is
# safe.
PRINT_ONLY = {
    "reports/report_print.html",
    "events/agenda_document.html",
    "programme/annual_report_document.html",
}
FORBIDDEN = {
    "inline event handler": re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>"),
    "javascript: address": re.compile(r"javascript:", re.IGNORECASE),
    "style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE),
    "style element": re.compile(r"<style\b", re.IGNORECASE),
}


def test_no_template_needs_an_unsafe_policy():
    package = Path(__file__).resolve().parents[2]
    found = []
    for template in package.glob("*/templates/**/*.html"):
        name = str(template).split("/templates/", 1)[1]
        text = template.read_text(encoding="utf-8")
        for what, pattern in FORBIDDEN.items():
            if pattern.search(text) and not (what == "style element" and name in PRINT_ONLY):
                found.append(f"{name}: {what}")
    assert found == []
