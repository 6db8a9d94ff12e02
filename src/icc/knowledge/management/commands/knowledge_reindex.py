"""``icc knowledge_reindex``: put every published practice, publication and news item into the
search again (their meanings are computed afterwards by the search's background task)."""

from typing import Any

from django.core.management.base import BaseCommand

from icc.knowledge.search_bridge import knowledge_reindex


class Command(BaseCommand):
    help = "Put every published item of the knowledge base into the search again."

    def handle(self, *args: Any, **options: Any) -> None:
        count = knowledge_reindex()
        self.stdout.write(f"{count} items put into the search.")
