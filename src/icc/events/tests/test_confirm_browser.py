"""In a real Chromium: destructive buttons ask first (data-confirm, no inline JavaScript)."""

import pytest

from icc.conftest import PASSWORD
from icc.events.services.registration import registration_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_erasing_a_registration_asks_first_and_cancel_keeps_it(page, users, make_event):
    event = make_event()
    registration = registration_create(
        event=event, name="Ana Secret", email="ana@example.org", answers={"topic": "rumours"}
    )
    page.goto(page.base + f"/en/accounts/login/?next=/en/events/{event.slug}/registrations/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/events/{event.slug}/registrations/")
    questions: list[str] = []

    def answer(dialog, accept: bool) -> None:
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    erase = f"#registration-{registration.pk} button[value=erase]"
    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    page.click(erase)
    page.wait_for_timeout(300)  # a dismissed question sends nothing
    registration.refresh_from_db()
    assert registration.anonymised_at is None

    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    with page.expect_navigation():
        page.click(erase)
    registration.refresh_from_db()
    assert registration.anonymised_at is not None
    assert questions == ["Erase this person's personal data?"] * 2
