"""Keeps the translation catalogues in step with the code: extract, update, compile, stats.

    .venv/bin/python -m scripts.i18n update [LANG…]   # extract every message into each <lang>.po
    .venv/bin/python -m scripts.i18n compile [LANG…]  # write each <lang>.mo from its .po
    .venv/bin/python -m scripts.i18n init LANG   # a new language, marked as awaiting review
    .venv/bin/python -m scripts.i18n stats      # how many messages each language has and finished
    .venv/bin/python -m scripts.i18n merge FILE.json   # fill empty entries from a JSON list

A merge file is a list of ``{"context": str|null, "msgid": str, "ro": str | [forms], ...}``:
translations made outside a .po editor land only in entries that are still empty.

Messages are found by reading the source (never by importing it):
- Qt calls: ``self.tr(text[, disambiguation[, n]])`` (context: the enclosing class, as Qt's
  lupdate does), ``QCoreApplication.translate(context, text[, disambiguation[, n]])`` and
  ``QT_TRANSLATE_NOOP(context, text)``; a third argument makes a numerus message, whose English
  forms come from ``en.po``;
- core calls: ``_(text)``, ``N_(text)``, ``gettext(text)``, ``ngettext(one, many, n)``,
  ``pgettext(context, text)``, ``npgettext(context, one, many, n)`` and ``NC_(context, text)``,
  also as methods of a :class:`resources.i18n.Catalogue`;
- the trafficking-indicator catalogue: its families' and indicators' English labels and
  descriptions, in context ``Indicators``.
"""

from __future__ import annotations

import ast
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_PACKAGES = ("ui", "exports", "intake", "vault", "resources")
INDICATORS_CONTEXT = "Indicators"

# Plural rules as gettext writes them; Qt's numerus forms for these languages come in the same
# order. A new language adds its rule here only if Babel's CLDR rule differs from gettext's.
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
    "uk": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "pl": (
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "hu": "nplurals=2; plural=(n != 1);",
    "bg": "nplurals=2; plural=(n != 1);",
}

_QT_KEYWORDS = {"tr", "translate", "QT_TRANSLATE_NOOP"}
_CORE_SINGULAR = {"_", "N_", "gettext"}
_CORE_CONTEXT = {"pgettext", "NC_"}


@dataclass(frozen=True)
class Message:
    context: str | None
    text: str
    plural: str | None  # None: singular; text itself for a Qt numerus message
    where: str

    @property
    def key(self) -> tuple[str | None, str]:
        return self.context, self.text


def _name_of(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` constants, so ``translate(CONTEXT, …)`` is understood."""
    found: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            found[node.targets[0].id] = node.value.value
    return found


def _translate_wrappers(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Module-level helpers such as ``def tr(text): return QCoreApplication.translate("Ctx",
    text)``: their name, and the context their calls are translated in."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for statement in node.body:
            call = statement.value if isinstance(statement, ast.Return) else None
            if (
                isinstance(call, ast.Call)
                and _name_of(call.func) in ("translate", "pgettext")
                and call.args
            ):
                first = call.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found[node.name] = first.value
                elif isinstance(first, ast.Name) and first.id in constants:
                    found[node.name] = constants[first.id]
    return found


class _Visitor(ast.NodeVisitor):
    def __init__(
        self, where: str, constants: dict[str, str], wrappers: dict[str, str] | None = None
    ) -> None:
        self.where = where
        self.constants = constants
        self.wrappers = wrappers or {}
        self.classes: list[str] = []
        self.found: list[Message] = []
        self.problems: list[str] = []

    def _text(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        return None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _add(self, node: ast.Call, context: str | None, text: str | None, plural: bool) -> None:
        if text is None:
            # A name or attribute is a lookup of a message marked elsewhere (N_, NC_); an
            # f-string or a concatenation would never match the catalogue.
            if any(isinstance(arg, ast.JoinedStr | ast.BinOp) for arg in node.args[:2]):
                self.problems.append(f"{self.where}:{node.lineno}: message is not a plain string")
            return
        self.found.append(
            Message(context, text, text if plural else None, f"{self.where}:{node.lineno}")
        )

    def visit_Call(self, node: ast.Call) -> None:
        name = _name_of(node.func)
        args = node.args
        if isinstance(node.func, ast.Name) and name in self.wrappers and len(args) == 1:
            self._add(node, self.wrappers[name], self._text(args[0]), False)
        elif name == "tr" and isinstance(node.func, ast.Attribute) and args and self.classes:
            self._add(node, self.classes[-1], self._text(args[0]), len(args) >= 3)
        elif name == "translate" and len(args) >= 2 and self._text(args[0]) is not None:
            self._add(node, self._text(args[0]), self._text(args[1]), len(args) >= 4)
        elif name == "QT_TRANSLATE_NOOP" and len(args) == 2:
            self._add(node, self._text(args[0]), self._text(args[1]), False)
        elif name in _CORE_SINGULAR and len(args) == 1:
            self._add(node, None, self._text(args[0]), False)
        elif name in _CORE_CONTEXT and len(args) == 2:
            self._add(node, self._text(args[0]), self._text(args[1]), False)
        elif name == "ngettext" and len(args) == 3:
            self._add_plural(node, None, args[0], args[1])
        elif name == "npgettext" and len(args) == 4:
            self._add_plural(node, self._text(args[0]), args[1], args[2])
        self.generic_visit(node)

    def _add_plural(
        self, node: ast.Call, context: str | None, one: ast.expr, many: ast.expr
    ) -> None:
        singular, plural = self._text(one), self._text(many)
        if singular is None or plural is None:
            self.problems.append(f"{self.where}:{node.lineno}: plural is not plain strings")
            return
        self.found.append(Message(context, singular, plural, f"{self.where}:{node.lineno}"))


def _source_files() -> Iterator[Path]:
    for package in SOURCE_PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def _indicator_messages() -> Iterator[Message]:
    data = json.loads((ROOT / "resources" / "indicators" / "catalogue.json").read_text("utf-8"))
    where = "resources/indicators/catalogue.json:1"
    yield Message(INDICATORS_CONTEXT, data["about"], None, where)
    for item in [*data["families"], *data["indicators"]]:
        for field in ("label", "hint"):
            if item.get(field):
                yield Message(INDICATORS_CONTEXT, item[field], None, where)


def extract() -> tuple[list[Message], list[str]]:
    """Every message, once per (context, text), in the order first seen; plus any problems."""
    messages: dict[tuple[str | None, str], Message] = {}
    problems: list[str] = []
    for path in _source_files():
        if path.name == "i18n.py" and path.parent.name in ("resources", "scripts"):
            continue
        where = str(path.relative_to(ROOT))
        tree = ast.parse(path.read_text("utf-8"), where)
        constants = _module_strings(tree)
        visitor = _Visitor(where, constants, _translate_wrappers(tree, constants))
        visitor.visit(tree)
        problems += visitor.problems
        for message in visitor.found:
            messages.setdefault(message.key, message)
    for message in _indicator_messages():
        messages.setdefault(message.key, message)
    return list(messages.values()), problems


def template() -> Catalog:
    messages, problems = extract()
    if problems:
        raise SystemExit("\n".join(problems))
    catalog = Catalog(project="Custodia", fuzzy=False)
    for message in messages:
        msgid: str | tuple[str, str] = (
            message.text if message.plural is None else (message.text, message.plural)
        )
        path, _, line = message.where.rpartition(":")
        catalog.add(msgid, context=message.context, locations=[(path, int(line))])
    return catalog


def po_path(language: str) -> Path:
    return TRANSLATIONS / f"{language}.po"


def languages() -> list[str]:
    return sorted(p.stem for p in TRANSLATIONS.glob("*.po"))


def read_catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def write_catalog(language: str, catalog: Catalog) -> None:
    rule = PLURAL_FORMS.get(language)
    if rule is not None:
        # Babel would take CLDR's rule (Ukrainian there has a fourth form, for fractions); Qt's
        # numerus forms and gettext tools expect these.
        count, expression = rule.rstrip(";").split("; plural=")
        # Babel keeps these in private attributes (typed as None) and has no setter for them.
        setattr(catalog, "_num_plurals", int(count.split("=")[1]))  # noqa: B010
        setattr(catalog, "_plural_expr", expression)  # noqa: B010
    buffer = io.BytesIO()
    # No line numbers: they would change the catalogues whenever code moves, not its words.
    write_po(buffer, catalog, width=100, sort_output=False, include_lineno=False)
    po_path(language).write_bytes(buffer.getvalue())


def update(only: list[str] | None = None) -> None:
    fresh = template()
    for language in only or languages():
        catalog = read_catalog(language)
        created = catalog.creation_date
        catalog.update(fresh, no_fuzzy_matching=True, update_header_comment=False)
        catalog.creation_date = created  # the header stays put when no message changed
        # Obsolete messages would linger in the .po forever; the code no longer shows them.
        catalog.obsolete.clear()
        write_catalog(language, catalog)
        print(f"{language}: {len(catalog)} messages")


def compiled(language: str) -> bytes:
    catalog = read_catalog(language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all(only: list[str] | None = None) -> None:
    for language in only or languages():
        (TRANSLATIONS / f"{language}.mo").write_bytes(compiled(language))
        print(f"{language}: compiled")


def is_finished(message: object) -> bool:
    string = getattr(message, "string", "")
    if getattr(message, "fuzzy", False):
        return False
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


def stats() -> dict[str, tuple[int, int]]:
    """Per language: (messages, finished). English counts only its plural messages as work."""
    result = {}
    for language in languages():
        catalog = read_catalog(language)
        entries = [m for m in catalog if m.id]
        if language == "en":
            entries = [m for m in entries if m.pluralizable]
        result[language] = (len(entries), sum(1 for m in entries if is_finished(m)))
    return result


def merge(path: Path) -> None:
    entries = json.loads(path.read_text("utf-8"))
    for language in languages():
        if not any(language in entry for entry in entries):
            continue  # a catalogue the file says nothing about is left as it is
        catalog = read_catalog(language)
        filled = 0
        for entry in entries:
            translation = entry.get(language)
            message = catalog.get(entry["msgid"], context=entry.get("context"))
            if translation is None or message is None or is_finished(message):
                continue
            message.string = tuple(translation) if isinstance(translation, list) else translation
            filled += 1
        write_catalog(language, catalog)
        print(f"{language}: {filled} filled")


#: The header a new language's catalogue carries until a native speaker has reviewed it.
AWAITING_REVIEW = "awaiting review by a native speaker"


def init(language: str) -> None:
    """A new language: every message of the code, untranslated, marked as awaiting review."""
    if po_path(language).exists():
        raise SystemExit(f"{po_path(language).name} exists already")
    catalog = Catalog(locale=language, project="Custodia", fuzzy=False)
    for message in template():
        catalog.add(message.id, context=message.context, locations=message.locations)
    catalog.mime_headers  # noqa: B018 - builds the defaults the header is written from
    catalog.language_team = f"Custodia {language}: {AWAITING_REVIEW}"
    write_catalog(language, catalog)
    print(f"{language}: {len(catalog)} messages to translate")


def awaiting_review(language: str) -> bool:
    return AWAITING_REVIEW in (read_catalog(language).language_team or "")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "stats"
    chosen = argv[1:] or None
    if command == "update":
        update(chosen)
    elif command == "init" and len(argv) == 2:
        init(argv[1])
    elif command == "compile":
        compile_all(chosen)
    elif command == "merge" and len(argv) == 2:
        merge(Path(argv[1]))
    elif command == "stats":
        for language, (total, done) in stats().items():
            note = f" ({AWAITING_REVIEW})" if awaiting_review(language) else ""
            print(f"{language}: {done} of {total} finished{note}")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
