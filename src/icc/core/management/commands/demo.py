"""``icc demo``: load (or refresh) the demonstration data of every module. Idempotent."""

import os
from typing import Any

from django.core.management.base import BaseCommand

from icc.antirumours.demo import antirumours_demo_load
from icc.barometer.demo import barometer_demo_load
from icc.citizenship.content import citizenship_demo_load
from icc.core.demo_accounts import demo_accounts_create
from icc.events.demo import events_demo_load
from icc.index.demo import index_demo_load
from icc.knowledge.demo import knowledge_demo_load
from icc.network.demo.load import directory_demo_load
from icc.programme.demo import programme_demo_load


class Command(BaseCommand):
    help = "Load demonstration data: the network directory and demo accounts (safe to repeat)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = directory_demo_load()
        self.stdout.write(
            f"Directory: {counts.places} places, {counts.networks} networks, "
            f"{counts.countries} countries."
        )
        for demo_load in (
            index_demo_load,
            events_demo_load,
            citizenship_demo_load,
            knowledge_demo_load,
            programme_demo_load,
            barometer_demo_load,
            antirumours_demo_load,
        ):
            for line in demo_load():
                self.stdout.write(line)
        password = os.environ.get("ICC_DEMO_PASSWORD", "intercultural")
        for username, description in demo_accounts_create(password=password):
            self.stdout.write(f"Account {username!r} ({description}), password {password!r}")
