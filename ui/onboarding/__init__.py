"""First run: creating a vault."""
