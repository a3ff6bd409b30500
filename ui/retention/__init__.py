"""Retention (issue 18): the cases past their retention date, and their erasure by an
administrator, refused under legal hold, leaving a tombstone."""
