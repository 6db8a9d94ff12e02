"""Answers kept while their data is unchanged: data versions per app, and a response cache.

Below every app (it imports only Django and ``icc.language``), so that any app's views may use
it. The versions live in the table of ``core.DataVersion``, read and written here in SQL by its
table name.
"""
