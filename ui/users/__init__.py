"""Vault users: the list, adding a user, changing one's own passphrase, the keyring."""
