"""Forms of the events pages: registration, programme editor (list filters: ``filters``)."""
