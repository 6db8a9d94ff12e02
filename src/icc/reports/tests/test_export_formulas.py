"""The charts' downloads never hand a spreadsheet a formula, whatever a place is called."""

import pytest
from django.test import Client

from icc.conftest import FORMULA_PAYLOADS, download_cells
from icc.network.models import Place

PLACES = ("bilbao", "getxo", "reggio-emilia")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("payloads", [FORMULA_PAYLOADS[:3], FORMULA_PAYLOADS[3:]])
def test_place_labels_come_out_inert_and_scores_stay_numbers(editions, payloads, fmt):
    for slug, payload in zip(PLACES, payloads, strict=True):
        Place.objects.filter(slug=slug).update(name=payload, name_en=payload)

    download = Client().get(f"/en/index/charts/export.{fmt}", {"view": "ranking"})

    assert download.status_code == 200
    cells = download_cells(download.getvalue(), fmt)
    quoted = [c[1:].strip() for c in cells if isinstance(c, str) and c.startswith("'")]
    assert sorted(quoted) == sorted(p.strip() for p in payloads)
    if fmt == "xlsx":
        assert any(isinstance(c, float) for c in cells)  # scores are numbers
