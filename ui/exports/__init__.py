"""Exporting bundles and verifying them."""
