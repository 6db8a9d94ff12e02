"""``icc citizenship_load``: publish the test's first version from its data file if the
database has none (a production install without the demo data). Safe to repeat."""

from typing import Any

from django.core.management.base import BaseCommand

from icc.citizenship.content import citizenship_demo_load


class Command(BaseCommand):
    help = "Publish version 1 of the citizenship test from its data file, if no version exists."

    def handle(self, *args: Any, **options: Any) -> None:
        for line in citizenship_demo_load():
            self.stdout.write(line)
