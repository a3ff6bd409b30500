"""Views of the people feature."""
