"""An XLSForm workbook over the import limits is refused before pyxform or openpyxl reads it,
with a message that names the limit, and nothing is saved."""

import pytest
from django.core.management import CommandError, call_command

from icc.conftest import zip_bomb
from icc.index.models import Edition


@pytest.mark.django_db
def test_a_zip_bomb_named_xlsx_is_refused_as_a_questionnaire(tmp_path):
    bomb = zip_bomb(tmp_path / "form.xlsx", unpacked=150_000_000)

    with pytest.raises(CommandError, match="150 MB once unpacked; the limit is 100 MB"):
        call_command("index", "import-xlsform", str(bomb), "--edition", "2030")
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_a_questionnaire_over_the_size_limit_is_refused(tmp_path, settings):
    settings.ICC_IMPORT_MAX_BYTES = 100_000
    big = tmp_path / "form.xlsx"
    big.write_bytes(b"PK" + bytes(150_000))

    with pytest.raises(CommandError, match="This file is 150 kB; the limit is 100 kB"):
        call_command("index", "import-xlsform", str(big), "--edition", "2030", "--dry-run")
    assert not Edition.objects.exists()
