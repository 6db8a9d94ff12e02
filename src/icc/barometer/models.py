"""The social trust barometer's records (filled in by the module as it is built)."""
