"""Views of the evidence feature."""
