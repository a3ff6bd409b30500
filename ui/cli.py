"""The ``custodia`` command line (DESIGN §5). Never imports Qt; starts the desktop app lazily.

Exit codes: 0 success, 1 a check found problems, 2 usage or unlock error. No traceback ever
reaches the user: deliberate errors print their fixed message, anything else a generic line.
Every line goes through :mod:`ui.terminal` (user data shown escaped). A reader that closes the
pipe early (``custodia … | head -1``) changes neither the work nor the exit code: the rest of
the output is discarded quietly.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from resources import i18n
from resources.i18n import _, ngettext
from ui.error_sentences import user_message
from ui.logsetup import start_logging
from ui.terminal import (
    discard_stdout,
    end_progress,
    err,
    finish,
    out,
    prepare_streams,
    progress,
    terminal_safe,
)
from vault.errors import CustodiaError, UnknownUserError
from vault.fsutil import harden_process
from vault.header import read_vault_header, vault_users
from vault.kdf import DEFAULT_KDF

if TYPE_CHECKING:
    from vault.vault import Vault

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_UNCONFIRMED = 3  # intact, but the signer was not confirmed (as for verify, DESIGN §6.1)

Handler = Callable[[argparse.Namespace], int]


class CliUsageError(CustodiaError):
    code = "cli.usage"
    message = "The command could not be run as given."


class NoTerminalError(CliUsageError):
    code = "cli.no_terminal"
    message = "There is no terminal to ask for the passphrase; use --passphrase-stdin."


class PassphraseMismatchError(CliUsageError):
    code = "cli.passphrase_mismatch"
    message = "The two passphrases do not match."


class StdinExhaustedError(CliUsageError):
    code = "cli.stdin_exhausted"
    message = "Standard input ended before every passphrase was read."


class SeveralUsersError(CliUsageError):
    code = "cli.several_users"
    message = "This vault has several users: name one with --user."


class BackupArgumentsError(CliUsageError):
    code = "cli.backup_arguments"
    message = "Give the vault folder and the backup folder, or only --check and the backup folder."


def version() -> str:
    from importlib import metadata  # only for --version: it is slow to import

    try:
        return metadata.version("custodia")
    except metadata.PackageNotFoundError:
        return "unknown"


# Secrets -------------------------------------------------------------------------------------


class SecretReader:
    """Passphrases from a prompt, or one per line of standard input with --passphrase-stdin."""

    def __init__(self, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self.from_stdin = from_stdin
        self._stdin = stdin

    def _next_line(self) -> str:
        stream = self._stdin or sys.stdin
        line = stream.readline()
        if not line:
            raise StdinExhaustedError()
        return line.rstrip("\r\n")

    def ask(self, prompt: str) -> str:
        if self.from_stdin:
            return self._next_line()
        if not sys.stdin.isatty():
            raise NoTerminalError()
        return getpass.getpass(terminal_safe(prompt))  # the user name comes from the vault

    def ask_new(self, prompt: str) -> str:
        """A new passphrase: asked twice at a prompt, read once from standard input."""
        first = self.ask(prompt)
        if self.from_stdin:
            return first
        if self.ask(_("Repeat it: ")) != first:
            raise PassphraseMismatchError()
        return first


def secrets_for(args: argparse.Namespace) -> SecretReader:
    reader: SecretReader | None = getattr(args, "_secret_reader", None)
    if reader is None:
        reader = SecretReader(bool(getattr(args, "passphrase_stdin", False)))
        args._secret_reader = reader
    return reader


# Unlocking -----------------------------------------------------------------------------------


def add_unlock_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", help=_("the vault user to unlock as (default: the only user)"))
    parser.add_argument(
        "--recovery-key",
        action="store_true",
        help=_("unlock with the recovery key instead of a passphrase"),
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_("read the passphrase (or recovery key) from the first line of standard input"),
    )


def choose_user(path: Path, requested: str | None) -> str:
    users = vault_users(path)
    if requested:
        if requested not in users:
            raise UnknownUserError()
        return requested
    if len(users) == 1:
        return users[0]
    raise SeveralUsersError()


def unlock_vault(args: argparse.Namespace) -> Vault:
    from vault.vault import Vault

    path = Path(args.path)
    reader = secrets_for(args)
    if getattr(args, "recovery_key", False):
        read_vault_header(path)  # a missing or damaged vault is reported before any prompt
        return Vault.unlock_with_recovery_key(path, reader.ask(_("Recovery key: ")))
    user = choose_user(path, getattr(args, "user", None))
    return Vault.unlock(path, user, reader.ask(_("Passphrase for {user}: ").format(user=user)))


def read_pins(args: argparse.Namespace) -> None:
    """``--expect-key`` values as 64 lower-case hex digits, before any passphrase is asked.

    A shortened or mistyped pin raises ``MalformedFingerprintError``: :func:`main` shows its
    sentence and exits 2 (a usage error), rather than reporting the bundle "not intact".
    """
    from vault.fingerprints import parse_fingerprints

    args.expect_key = list(parse_fingerprints(getattr(args, "expect_key", None) or ()))


def with_vault(args: argparse.Namespace, run: Callable[[argparse.Namespace, Vault], int]) -> int:
    """``run(args, vault)`` with the vault of ``args`` unlocked, locked again after it."""
    with unlock_vault(args) as vault:
        return run(args, vault)


def percent_progress(done: int, total: int) -> None:
    """A bare percentage on stderr (silent when stderr is not a terminal)."""
    if sys.stderr.isatty():
        progress(f"  {100 * done // max(total, 1):3d}%")


def end_percent_progress() -> None:
    if sys.stderr.isatty():
        end_progress()


class ProgressLine:
    """A one-line progress display on stderr; silent when stderr is not a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.live = sys.stderr.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.live:
            return
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        if percent != self._last:
            self._last = percent
            progress(f"{self.label}: {percent:3d}%")

    def finish(self) -> None:
        if self.live and self._last >= 0:
            self._last = -1
            end_progress()


# Vault commands ------------------------------------------------------------------------------


def cmd_vault_init(args: argparse.Namespace) -> int:
    from vault.vault import Vault

    reader = secrets_for(args)
    passphrase = reader.ask_new(_("New passphrase for {user}: ").format(user=args.user))
    vault, recovery_key = Vault.create(
        Path(args.path),
        args.user,
        passphrase,
        kdf=DEFAULT_KDF,
        role=args.role,
        organisation=args.organisation,
    )
    vault.lock()
    out(_("Vault created at {path} for user {user}.").format(path=args.path, user=args.user))
    out()
    out(_("RECOVERY KEY — shown this once. Write it down or print it and store it safely,"))
    out(_("apart from this computer. Anyone holding it can open the vault."))
    out()
    out(f"    {recovery_key}")
    out()
    return EXIT_OK


def cmd_vault_check(args: argparse.Namespace) -> int:
    from ui.anchors import anchors_at

    # Anchors are read before the unlock, so a missing bundle fails before any prompt.
    anchors = [a for place in args.against or () for a in anchors_at(Path(place))]
    vault = unlock_vault(args)
    try:
        progress = ProgressLine(_("Checking"))
        report = vault.check(anchors=anchors, progress=progress)
        progress.finish()
        fingerprint = vault.fingerprint
    finally:
        vault.lock()
    out(_("Vault signing key fingerprint: {fpr}.").format(fpr=fingerprint))
    if anchors:
        out(_("Checkpoints kept outside the vault compared: {count}.").format(count=len(anchors)))
    out(_("Header: authenticated. Audit entries: {count}.").format(count=report.audit_entries))
    out(_("Evidence files checked: {count}.").format(count=report.blobs_checked))
    if report.ok:
        out(_("Result: OK, no problems found."))
        return EXIT_OK
    out(problems_found(len(report.problems)))
    for problem in report.problems:
        detail = f" — {problem.detail}" if problem.detail else ""
        out(f"  [{problem.code}] {problem.subject}{detail}")
    return EXIT_PROBLEMS


def cmd_vault_passwd(args: argparse.Namespace) -> int:
    from vault.vault import Vault

    path = Path(args.path)
    reader = secrets_for(args)
    if args.recovery_key:
        user = choose_user(path, args.user)
        vault = Vault.unlock_with_recovery_key(path, reader.ask(_("Recovery key: ")))
    else:
        user = choose_user(path, args.user)
        vault = Vault.unlock(
            path, user, reader.ask(_("Current passphrase for {user}: ").format(user=user))
        )
    try:
        vault.change_passphrase(
            user, reader.ask_new(_("New passphrase for {user}: ").format(user=user))
        )
    finally:
        vault.lock()
    out(_("Passphrase changed for {user}.").format(user=user))
    return EXIT_OK


def cmd_vault_adduser(args: argparse.Namespace) -> int:
    reader = secrets_for(args)
    vault = unlock_vault(args)
    try:
        vault.add_user(
            args.new_user,
            reader.ask_new(_("Passphrase for the new user {user}: ").format(user=args.new_user)),
            role=args.role,
            organisation=args.organisation,
        )
    finally:
        vault.lock()
    out(_("User {user} added.").format(user=args.new_user))
    return EXIT_OK


def cmd_vault_users(args: argparse.Namespace) -> int:
    vault = unlock_vault(args)
    try:
        users = vault.list_users()
    finally:
        vault.lock()
    # Columns padded with spaces: out() shows a tab from user data escaped, as it should.
    width = max((len(user.name) for user in users), default=0)
    for user in users:
        pending = "" if user.enrolled else _(" (key made at their next unlock)")
        out(f"{user.name:<{width}}  {user.role:<13}  {user.title}{pending}".rstrip())
    return EXIT_OK


def cmd_vault_setrole(args: argparse.Namespace) -> int:
    vault = unlock_vault(args)
    try:
        vault.set_role(args.name, args.role)
    finally:
        vault.lock()
    out(_("{user} is now {role}.").format(user=args.name, role=args.role))
    return EXIT_OK


def cmd_vault_deluser(args: argparse.Namespace) -> int:
    vault = unlock_vault(args)
    try:
        vault.remove_user(args.name)
    finally:
        vault.lock()
    out(_("User {user} removed; their key slots are gone.").format(user=args.name))
    return EXIT_OK


def _check_backup(args: argparse.Namespace) -> int:
    """``vault backup --check DEST``: intact, and signed by the expected key (DESIGN §6.5)."""
    from vault import backup

    read_pins(args)
    vault_key = None
    if args.vault:
        args.path = args.vault
        vault = unlock_vault(args)
        try:
            vault_key = vault.public_key
        finally:
            vault.lock()
    progress = ProgressLine(_("Checking backup"))
    result = backup.check_backup(
        Path(args.check), expect_keys=args.expect_key or (), vault_key=vault_key, progress=progress
    )
    progress.finish()
    out(
        _("Backup generation {generation}, taken at {taken_at}.").format(
            generation=result.generation, taken_at=result.taken_at
        )
    )
    out(_("Files checked: {count}.").format(count=result.files_checked))
    out(_("Signed by the key with fingerprint {fpr}.").format(fpr=result.signer_fingerprint))
    if not result.ok:
        out(problems_found(len(result.problems)))
        for problem in result.problems:
            out(f"  [{problem.code}] {problem.subject} — {problem.detail}")
        return EXIT_PROBLEMS
    if not result.signer_confirmed:
        out(_("Result: intact, but whose backup it is was not confirmed."))
        out(_("Confirm it with --vault PATH, or --expect-key FINGERPRINT from the vault."))
        return EXIT_UNCONFIRMED
    out(_("Result: OK, the backup is complete, intact and signed by the expected key."))
    return EXIT_OK


def cmd_vault_backup(args: argparse.Namespace) -> int:
    from vault import backup

    if args.check:
        if args.paths:
            raise BackupArgumentsError()
        return _check_backup(args)
    if len(args.paths) != 2:
        raise BackupArgumentsError()
    args.path = args.paths[0]
    vault = unlock_vault(args)
    try:
        progress = ProgressLine(_("Backing up"))
        report = backup.backup(vault, Path(args.paths[1]), progress=progress)
        progress.finish()
    finally:
        vault.lock()
    out(
        ngettext(
            "Backup {generation} written: {count} new evidence file copied,",
            "Backup {generation} written: {count} new evidence files copied,",
            report.blobs_copied,
        ).format(generation=report.generation, count=report.blobs_copied)
    )
    out(
        ngettext(
            "{reused} already there, {count} byte written.",
            "{reused} already there, {count} bytes written.",
            report.bytes_written,
        ).format(reused=report.blobs_reused, count=number(report.bytes_written))
    )
    return EXIT_OK


def cmd_vault_restore(args: argparse.Namespace) -> int:
    from vault import backup
    from vault.vault import Vault

    progress = ProgressLine(_("Restoring"))
    checked = backup.restore(
        Path(args.dest), Path(args.new_path), generation=args.generation, progress=progress
    )
    progress.finish()
    # Open once to record the restore in the ledger: a rollback, but never a silent one.
    args.path = args.new_path
    reader = secrets_for(args)
    note = backup.restore_note(checked)
    if args.recovery_key:
        vault = Vault.unlock_with_recovery_key(
            Path(args.new_path), reader.ask(_("Recovery key: ")), restored_from=note
        )
    else:
        user = choose_user(Path(args.new_path), args.user)
        vault = Vault.unlock(
            Path(args.new_path),
            user,
            reader.ask(_("Passphrase for {user}: ").format(user=user)),
            restored_from=note,
        )
    vault.lock()
    out(
        _("Restored the backup taken at {taken_at} into {path}.").format(
            taken_at=checked.taken_at, path=args.new_path
        )
    )
    out(_("The vault's audit log records the restore."))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.platform_check import platform_problem  # Qt-free: Qt would abort instead (issue 12)

    problem = platform_problem()
    if problem is not None:
        err(f"custodia: {problem}")
        return EXIT_USAGE
    try:
        from ui.app import main as app_main
    except ImportError as exc:
        log.error("desktop app unavailable: %s", type(exc).__name__)
        err("custodia: " + _("the desktop app could not start (Qt is not available)."))
        return EXIT_USAGE
    gui_args: list[str] = []
    vault_path = getattr(args, "vault", None)
    if vault_path:
        gui_args += ["--vault", str(vault_path)]
    if getattr(args, "smoke_test", False):
        gui_args.append("--smoke-test")
    return app_main(gui_args)


# Parser --------------------------------------------------------------------------------------


def add_gui_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", help=_("the vault folder to open"))
    # Start, show the first window, quit: used by tests and the installer's smoke check.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="custodia",
        description=_(
            "Encrypted evidence vault with court-ready chain-of-custody bundles. "
            "With no command, opens the desktop app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"custodia {version()}")
    parser.add_argument(
        "--language",
        choices=i18n.available_languages(),
        help=_("the language of messages (default: from LANG)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help=_("open the desktop app"))
    add_gui_arguments(gui)
    gui.set_defaults(handler=cmd_gui)

    vault_parser = commands.add_parser("vault", help=_("create, check and manage a vault"))
    vault_commands = vault_parser.add_subparsers(dest="vault_command", metavar="ACTION")
    vault_commands.required = True

    init = vault_commands.add_parser("init", help=_("create a vault; prints the recovery key once"))
    init.add_argument("path")
    init.add_argument("--user", required=True)
    init.add_argument("--role", default="")
    init.add_argument("--organisation", default="")
    init.add_argument("--passphrase-stdin", action="store_true")
    init.set_defaults(handler=cmd_vault_init)

    check = vault_commands.add_parser(
        "check", help=_("verify header, database, audit chain and every evidence file")
    )
    check.add_argument("path")
    check.add_argument(
        "--against",
        action="append",
        metavar="BUNDLE_OR_BACKUP",
        help=_("also prove the vault still holds the checkpoint of a bundle or backup folder"),
    )
    add_unlock_arguments(check)
    check.set_defaults(handler=cmd_vault_check)

    passwd = vault_commands.add_parser(
        "passwd",
        help=_("change a passphrase (with --passphrase-stdin: current on line 1, new on line 2)"),
    )
    passwd.add_argument("path")
    add_unlock_arguments(passwd)
    passwd.set_defaults(handler=cmd_vault_passwd)

    adduser = vault_commands.add_parser("adduser", help=_("add a user with their own passphrase"))
    adduser.add_argument("path")
    add_unlock_arguments(adduser)
    adduser.add_argument("--new-user", required=True)
    adduser.add_argument(
        "--role", default="", help=_("administrator, caseworker (the default) or viewer")
    )
    adduser.add_argument("--organisation", default="")
    adduser.set_defaults(handler=cmd_vault_adduser)

    users = vault_commands.add_parser("users", help=_("list the users and their roles"))
    users.add_argument("path")
    add_unlock_arguments(users)
    users.set_defaults(handler=cmd_vault_users)

    setrole = vault_commands.add_parser("setrole", help=_("change a user's role (administrators)"))
    setrole.add_argument("path")
    setrole.add_argument("name", metavar="USER")
    setrole.add_argument("role", metavar="ROLE", help=_("administrator, caseworker or viewer"))
    add_unlock_arguments(setrole)
    setrole.set_defaults(handler=cmd_vault_setrole)

    deluser = vault_commands.add_parser(
        "deluser", help=_("remove a user and their key slots (administrators)")
    )
    deluser.add_argument("path")
    deluser.add_argument("name", metavar="USER")
    add_unlock_arguments(deluser)
    deluser.set_defaults(handler=cmd_vault_deluser)

    backup_parser = vault_commands.add_parser(
        "backup",
        help=_("write an encrypted, incremental backup: PATH DEST; or --check DEST to verify one"),
    )
    backup_parser.add_argument("paths", nargs="*", metavar="PATH DEST")
    backup_parser.add_argument("--check", metavar="DEST", help=_("verify the backup in DEST"))
    backup_parser.add_argument(
        "--expect-key",
        action="append",
        metavar="FPR",
        help=_("with --check: the fingerprint of the vault key that must have signed it"),
    )
    backup_parser.add_argument(
        "--vault", metavar="PATH", help=_("with --check: confirm the signer with this vault's key")
    )
    add_unlock_arguments(backup_parser)
    backup_parser.set_defaults(handler=cmd_vault_backup)

    restore = vault_commands.add_parser(
        "restore", help=_("restore the newest (or a named) backup generation into a new folder")
    )
    restore.add_argument("dest", metavar="DEST")
    restore.add_argument("new_path", metavar="NEWPATH")
    restore.add_argument("--generation", help=_("an older generation to restore (a rollback)"))
    add_unlock_arguments(restore)
    restore.set_defaults(handler=cmd_vault_restore)

    for module_name in (
        "ui.cli_intake",
        "ui.cli_exports",
        "ui.cli_handoff",
        "ui.cli_capture",
        "ui.cli_casework",
        "ui.cli_stats",
    ):
        _register_optional(module_name, commands, vault_commands)
    return parser


def _register_optional(
    module_name: str,
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    vault_commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Command groups that live in their own modules register themselves here."""
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return
    register = getattr(module, "register", None)
    if register is not None:
        register(commands, vault_commands)


def _gui_only(argv: list[str]) -> argparse.Namespace | None:
    """``custodia`` or ``custodia gui …``: the arguments, parsed without the full parser.

    Building the full parser registers every command group, which imports the export, PDF and
    signing libraries: about a second that the desktop app's start must not pay (issue 7).
    """
    if argv and argv[0] != "gui":
        return None
    parser = argparse.ArgumentParser(prog="custodia gui")
    add_gui_arguments(parser)
    return parser.parse_args(argv[1:])


def language_option(argv: Sequence[str]) -> str | None:
    """The value of ``--language`` before the command, read before the parser is built.

    The parser's help texts are themselves translated, so the language must be known first.
    """
    for index, arg in enumerate(argv):
        if arg == "--language" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--language="):
            return arg.split("=", 1)[1]
        if not arg.startswith("-"):
            return None  # the command starts here; what follows is the command's own
    return None


def choose_language(argv: Sequence[str]) -> str:
    """``--language``, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English."""
    requested = language_option(argv)
    if requested in i18n.available_languages():
        return str(requested)
    return i18n.language_from_environment()


def problems_found(count: int) -> str:
    return ngettext(
        "Result: {count} problem found:", "Result: {count} problems found:", count
    ).format(count=count)


def number(value: int) -> str:
    """An integer with the digit grouping of the chosen language ("1,234" or "1.234")."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=i18n.current().language))


def run(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(choose_language(arguments))
    gui_args = _gui_only(arguments)
    if gui_args is not None:
        return cmd_gui(gui_args)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return cmd_gui(args)
    return handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    prepare_streams()
    log_dir = os.environ.get("CUSTODIA_LOG_DIR")
    start_logging(Path(log_dir) if log_dir else None)
    _sweep_staging()
    try:
        return _run_guarded(argv)
    finally:
        finish()  # inside main, so a reader that left early is no error at exit either


def _sweep_staging() -> None:
    """Staging folders of exports killed earlier hold plaintext evidence: remove them first."""
    from exports.staging import sweep

    sweep()


def _run_guarded(argv: Sequence[str] | None) -> int:
    try:
        return run(argv)
    except CustodiaError as exc:
        log.info("command failed: %s", exc.code)
        err(f"custodia: {user_message(exc)}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err("custodia: " + _("interrupted."))
        return EXIT_USAGE
    except BrokenPipeError:
        # Only output written outside ui.terminal (argparse's --help) can get here; the reader
        # has what it wanted.
        discard_stdout()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        log.error("unexpected %s", type(exc).__name__)
        err(
            "custodia: "
            + _(
                "an unexpected error stopped the command; nothing was changed "
                "beyond what the vault's own transactions committed. The log names the error type."
            )
        )
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
