"""The participant list never hands a spreadsheet a formula, whatever registrants type."""

import pytest

from icc.conftest import FORMULA_PAYLOADS, client_for, download_cells
from icc.events.models import FieldKind
from icc.events.services.registration import registration_create
from icc.events.services.setup import registration_field_add


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_registrants_text_comes_out_inert(make_event, users, fmt):
    event = make_event(questions=False)
    registration_field_add(event=event, key="remarks", label={"en": "Remarks"}, kind=FieldKind.TEXT)
    for n, payload in enumerate(FORMULA_PAYLOADS):
        registration_create(
            event=event, name=payload, email=f"p{n}@example.org", organisation=payload,
            answers={"remarks": payload},
        )  # fmt: skip

    response = client_for(users["secretariat"]).get(
        f"/en/events/{event.slug}/registrations/export.{fmt}"
    )

    cells = download_cells(response.getvalue(), fmt)
    quoted = [c[1:].strip() for c in cells if isinstance(c, str) and c.startswith("'")]
    for payload in FORMULA_PAYLOADS:
        # Name, organisation and remarks (the form trims spaces around some of them).
        assert quoted.count(payload.strip()) >= 3, payload
    assert response["Content-Disposition"] == (
        f'attachment; filename="{event.slug}-participants.{fmt}"'
    )
