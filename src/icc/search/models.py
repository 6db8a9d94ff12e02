"""The search's records (filled in by the module as it is built)."""
