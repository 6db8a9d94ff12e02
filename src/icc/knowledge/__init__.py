"""The knowledge base: good practices, publications, news, the newsletter and thematic pages."""
