"""Views of the search feature."""
