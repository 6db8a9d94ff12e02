"""Forms of the events pages: list filters, registration, programme editor."""
