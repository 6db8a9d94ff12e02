"""``icc citizenship_load``: publish the test's versions from its data file that the database
lacks: version 1 on a production install without the demo data, then each later revision of
the file (``content.content_sync``). Safe to repeat."""

from typing import Any

from django.core.management.base import BaseCommand

from icc.citizenship.content import citizenship_demo_load


class Command(BaseCommand):
    help = (
        "Publish the citizenship test's versions from its data file that the database lacks "
        "(version 1, then each later revision)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for line in citizenship_demo_load():
            self.stdout.write(line)
