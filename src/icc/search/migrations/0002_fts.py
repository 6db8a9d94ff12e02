"""The full-text index beside the documents' table: FTS5 on SQLite, a tsvector column with a
GIN index on PostgreSQL (see ``icc.search.fts``), with the triggers that keep it in step."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from icc.search import fts


def install(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    fts.install(schema_editor.connection)


def uninstall(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    fts.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
