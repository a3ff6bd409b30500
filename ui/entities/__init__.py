"""Views of the entities feature."""
