"""A grant's lead place recorded among its partners too (before the form and the import refused
it) is taken out of the partners: the lead is named once, as the lead."""

from typing import Any

from django.db import migrations
from django.db.models import F


def partners_without_lead(apps: Any, schema_editor: Any) -> None:
    through = apps.get_model("programme", "Grant").partner_places.through
    through.objects.filter(place_id=F("grant__lead_place_id")).delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]

    operations = [migrations.RunPython(partners_without_lead, migrations.RunPython.noop)]
