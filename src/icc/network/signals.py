"""Signals of the network directory, for the modules above it (network imports none of them).

- ``place_facts_changed(place_id=…)``: a place's facts (population, foreign-born share…) were
  created, changed or deleted, by a service, an import or the admin. Sent inside the writing
  transaction. The index receives it (``IndexConfig.ready``) and queues the results of the
  editions the place is ranked in for recomputation, since peer groups depend on these facts.
"""

from typing import Any

from django.dispatch import Signal

place_facts_changed = Signal()


def place_fact_saved_or_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    """``post_save`` / ``post_delete`` of ``PlaceFact``: say that the place's facts changed."""
    place_facts_changed.send(sender=sender, place_id=instance.place_id)
