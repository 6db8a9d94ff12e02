"""Search across the platform's content: full text (SQLite FTS5, PostgreSQL full text) and cross-
lingual semantic search with embeddings computed in the background.
"""
