"""The three roles (DESIGN §6.4) in the reader's language: names, and what each may do.

One place for these words, so the add-user dialog, the users list and the first-run page call a
role by the same name in every language. Message context "RoleWords".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from vault import roles

log = logging.getLogger(__name__)

CONTEXT = "RoleWords"

# Most people added to a vault do case work; administrators are few (listed last on purpose so
# that a hurried click does not hand out the users' keys).
OFFERED = (roles.CASEWORKER, roles.VIEWER, roles.ADMINISTRATOR)


def role_name(role: str) -> str:
    """The role's name; an unknown value (a newer vault's) is shown as it is stored."""
    if role == roles.ADMINISTRATOR:
        return QCoreApplication.translate(CONTEXT, "Administrator")
    if role == roles.CASEWORKER:
        return QCoreApplication.translate(CONTEXT, "Caseworker")
    if role == roles.VIEWER:
        return QCoreApplication.translate(CONTEXT, "Viewer")
    return role


def role_description(role: str) -> str:
    """One sentence on what the role may do, for tooltips and the first-run page."""
    if role == roles.ADMINISTRATOR:
        return QCoreApplication.translate(
            CONTEXT,
            "Manages users and roles, legal hold, retention, erasure, the organisation "
            "certificate and the timestamp authority; also does all case work.",
        )
    if role == roles.CASEWORKER:
        return QCoreApplication.translate(
            CONTEXT, "Does all case work and exports bundles within consent."
        )
    if role == roles.VIEWER:
        return QCoreApplication.translate(
            CONTEXT, "Reads and searches; every reveal is recorded. Cannot export."
        )
    return ""
