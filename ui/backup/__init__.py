"""Backing up the vault, checking a backup, restoring one."""
