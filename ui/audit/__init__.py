"""The audit log: filtering and verifying the chain."""
