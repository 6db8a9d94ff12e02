"""The surveys's records (filled in by the module as it is built)."""
