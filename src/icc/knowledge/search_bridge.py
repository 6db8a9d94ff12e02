"""The knowledge base's items in the platform's search (``icc.search``).

Published practices, publications and news are put into search once the change commits, and
taken out when they are unpublished. Until the search module offers its services, these calls do
nothing.
"""

from __future__ import annotations


def practice_index(*, practice_id: int) -> None:
    """Put (or put again) the practice into search after the current transaction commits."""


def practice_remove(*, practice_id: int) -> None:
    """Take the practice out of search after the current transaction commits."""
