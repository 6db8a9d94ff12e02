"""Pages of the knowledge base: public lists and pages (``public``), the cities' practices
(``city``), the secretariat's moderation, calls and imports (``secretariat``), the newsletter
(``newsletter``)."""
