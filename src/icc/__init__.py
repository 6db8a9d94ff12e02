"""Intercultural Cities Platform."""
