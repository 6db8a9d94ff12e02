"""Seed the programme's themes in the seven content languages."""

from django.db import migrations


def themes_seed(apps, schema_editor):
    from icc.knowledge.themes_seed import THEMES

    Theme = apps.get_model("knowledge", "Theme")
    for position, (slug, event_themes, names) in enumerate(THEMES):
        values = {f"name_{lang}": name for lang, name in names.items()}
        Theme.objects.update_or_create(
            slug=slug,
            defaults={"name": names["en"], "position": position, "event_themes": event_themes,
                      **values},
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(themes_seed, migrations.RunPython.noop)]
