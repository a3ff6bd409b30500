"""Views of the statements feature."""
