"""Unlocking a vault with a passphrase or the recovery key."""
