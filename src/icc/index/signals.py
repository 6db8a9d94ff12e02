"""Signals of the index, for modules above it (reports) that must not be imported from here.

- ``results_computed(edition_id=…)``: sent once the transaction that stored an edition's new
  results has committed. The reports module makes the city reports again on it.
"""

from django.dispatch import Signal

results_computed = Signal()
