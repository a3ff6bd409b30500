"""Referrals of a case to authorities, shelters and partner organisations (issue 18): the
case's Referrals tab, the vault-wide list and their dialogs. :mod:`ui.referrals.words` is
Qt-free, so the command line shares its words."""
