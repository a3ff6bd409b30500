"""Who may do what (DESIGN §6.4): three roles, the permissions they hold, and which permission
each audited action needs.

One table serves both sides: the core refuses an action the unlocked user's role does not allow
(so the app and the command line behave the same), and ``vault check`` replays the ledger and
names every entry whose actor's role did not allow it at the time. Light on purpose: no
cryptography, so the user interfaces can grey out actions before anything is unlocked.
"""

from __future__ import annotations

ADMINISTRATOR = "administrator"
CASEWORKER = "caseworker"
VIEWER = "viewer"
ROLES = (ADMINISTRATOR, CASEWORKER, VIEWER)

# Permissions ---------------------------------------------------------------------------------

USERS = "users"  # add, remove, change roles, reset another user's passphrase
LEGAL_HOLD = "legal_hold"
RETENTION = "retention"
ERASURE = "erasure"
ORGANISATION_CERTIFICATE = "organisation_certificate"
TIMESTAMP_AUTHORITY = "timestamp_authority"
CASE_WORK = "case_work"  # every change to cases, people, consent, statements, evidence
EXPORT = "export"
BACKUP = "backup"
READ = "read"  # read, search and reveal (reveals are audited); lock and unlock; own passphrase

_CASEWORKER = frozenset({CASE_WORK, EXPORT, BACKUP, READ})
_ADMINISTRATOR = _CASEWORKER | {
    USERS,
    LEGAL_HOLD,
    RETENTION,
    ERASURE,
    ORGANISATION_CERTIFICATE,
    TIMESTAMP_AUTHORITY,
}
PERMISSIONS: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset(_ADMINISTRATOR),
    CASEWORKER: _CASEWORKER,
    VIEWER: frozenset({READ}),
}

# Before issue 13 the role was a job title chosen at sign-up. Titles given by older callers map
# to the access they imply; migrated vaults keep the title and make every existing user an
# administrator (nobody loses what they could do the day before).
LEGACY_TITLES: dict[str, str] = {
    "lawyer": CASEWORKER,
    "investigator": CASEWORKER,
    "social worker": CASEWORKER,
    "coordinator": CASEWORKER,
    "paralegal": CASEWORKER,
    "interpreter": VIEWER,
    "other": VIEWER,
    "": CASEWORKER,
}

# Actions -------------------------------------------------------------------------------------

# Exact action names first, then prefixes; anything unlisted is case work, so a new kind of
# change is denied to viewers by default rather than allowed.
_EXACT: dict[str, str] = {
    "vault.created": READ,
    "vault.unlocked": READ,
    "vault.locked": READ,
    "vault.checkpoint": READ,
    "vault.restored": READ,
    "vault.passphrase_changed": READ,  # another user's: USERS, see permission_for
    "vault.keyring_enabled": READ,
    "vault.keyring_disabled": READ,
    "vault.user_added": USERS,
    "vault.backup_started": BACKUP,
    "vault.backed_up": BACKUP,
    "schema.migrated": READ,  # done by whoever opens the vault first after an update
    "blob.orphan_removed": READ,  # clean-up at open, of files no record refers to
    "search.rebuilt": READ,
    "person.identity_revealed": READ,
    # Looking at an item is reading it; the custody event records who looked, like a reveal.
    "custody.viewed": READ,
    "person.erased": ERASURE,
    "case.erased": ERASURE,
    "case.legal_hold_set": LEGAL_HOLD,
    "case.legal_hold_lifted": LEGAL_HOLD,
    "case.retention_set": RETENTION,
    "users.accountable": USERS,
    "user.key_enrolled": READ,  # a user's own first key, signed by that key
}
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("user.", USERS),
    ("users.", USERS),
    ("export.certificate_", ORGANISATION_CERTIFICATE),
    ("certificate.", ORGANISATION_CERTIFICATE),
    ("tsa.", TIMESTAMP_AUTHORITY),
    ("export.", EXPORT),
    ("reveal.", READ),
    ("search.", READ),
)


def permission_for(action: str, details: object = None, actor_id: str = "") -> str:
    """The permission ``action`` needs. ``details`` and ``actor_id`` tell a user's own passphrase
    change (anyone) from a reset of someone else's (administrators)."""
    if action == "vault.passphrase_changed" and isinstance(details, dict):
        target = details.get("user_id")
        if isinstance(target, str) and target and target != actor_id:
            return USERS
    if action in _EXACT:
        return _EXACT[action]
    for prefix, permission in _PREFIXES:
        if action.startswith(prefix):
            return permission
    return CASE_WORK


def allows(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())


def access_role(value: str) -> str:
    """A role name, or the access an older job title implies; unknown text is refused."""
    cleaned = value.strip().lower()
    if cleaned in ROLES:
        return cleaned
    if cleaned in LEGACY_TITLES:
        return LEGACY_TITLES[cleaned]
    raise ValueError("unknown role")
