"""Views of the consent feature."""
