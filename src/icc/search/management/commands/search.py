"""``icc search reindex``: rebuild the full-text index and every document's vector."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from icc.search.services import search_reindex


class Command(BaseCommand):
    help = "Search maintenance: 'reindex' rebuilds the full-text index and the vectors."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["reindex"])
        parser.add_argument(
            "--no-vectors",
            action="store_true",
            help="Rebuild the full-text index only; keep the stored vectors.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        documents, computed = search_reindex(vectors=not options["no_vectors"])
        self.stdout.write(
            f"Search index rebuilt: {documents} documents, {computed} vectors computed."
        )
