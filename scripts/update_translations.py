"""Refresh the translation catalogues from the source code, keeping the translations
already made.

    python scripts/update_translations.py

Runs PySide6's lupdate over every module of ``broker_app/ui`` plus a throw-away file
that marks the domain's labels (enum labels, worker field names, roster headers),
which the window translates in the "labels" context at run time but which live in
modules lupdate does not read. Then open the ``.ts`` in Qt Linguist (or an editor),
fill the new messages, and commit the ``.ts``; the ``.qm`` is built by dev.py.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "zh_CN"
TARGET_LANGUAGES = ("en",)


def catalogue(language: str) -> Path:
    return TRANSLATIONS / f"labor_station_{language}.ts"


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6 (``lupdate``, ``lrelease``), beside the Python."""
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6 in this environment")
    return found


def ui_sources() -> list[Path]:
    return sorted((ROOT / "broker_app" / "ui").rglob("*.py"))


def domain_labels() -> list[str]:
    """Texts of the domain and services that the window passes through the "labels"
    context: enum labels, worker field names, roster headers, priority-group names and
    training-target lines."""
    from broker_app.domain.common.enums import LabeledEnum
    from broker_app.domain.people.rules import LABELS
    from broker_app.services.excel.roster_columns import ROSTER_HEADER_SYNONYMS
    from broker_app.services.stats.overview import PRIORITY_NAMES
    from broker_app.services.stats.training import TARGET_LINES

    labels: list[str] = list(LABELS.values())
    labels += [synonyms[0] for synonyms in ROSTER_HEADER_SYNONYMS.values()]
    labels += list(PRIORITY_NAMES.values())
    labels += [line.label for line in TARGET_LINES]
    for path in sorted((ROOT / "broker_app").rglob("*.py")):
        if "(LabeledEnum)" in path.read_text(encoding="utf-8"):
            importlib.import_module(_module_name(path))
    pending = list(LabeledEnum.__subclasses__())
    while pending:
        enum = pending.pop()
        pending += enum.__subclasses__()
        labels += [member.label for member in enum]
    return sorted(set(labels))


def marks_module(messages: set[tuple[str, str]]) -> str:
    """A Python file lupdate reads: one literal ``QT_TRANSLATE_NOOP`` per message."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for context, text in sorted(messages)]
    return "\n".join(lines) + "\n"


# lupdate reads literal contexts only. The window also names the context with a module
# constant (``QT_TRANSLATE_NOOP(_CONTEXT, "…")``) and wraps ``translate`` in module
# helpers (``_tr("…")``); this pass finds those texts so they are marked too.
_TRANSLATE_NAMES = {"translate", "QT_TRANSLATE_NOOP"}


def _callee(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _context(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return _text(node)


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _constants(tree: ast.Module) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, text = node.targets[0], _text(node.value)
            if isinstance(target, ast.Name) and text is not None:
                found[target.id] = text
    return found


def _wrappers(tree: ast.Module, constants: dict[str, str]) -> dict[str, str]:
    """Functions of one argument returning ``translate(CONTEXT, argument)``: name -> context."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Return)
                and isinstance(inner.value, ast.Call)
                and _callee(inner.value) == "translate"
                and len(inner.value.args) == 2
            ):
                context = _context(inner.value.args[0], constants)
                if context is not None:
                    found[node.name] = context
    return found


def indirect_messages(sources: list[Path]) -> set[tuple[str, str]]:
    """(context, text) of texts marked through a context constant or a helper."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sources}
    helpers: dict[tuple[str, str], str] = {}
    for path, tree in trees.items():
        for helper, wrapped in _wrappers(tree, _constants(tree)).items():
            helpers[(_module_name(path), helper)] = wrapped
    messages: set[tuple[str, str]] = set()
    for path, tree in trees.items():
        constants = _constants(tree)
        local = {
            name: ctx for (module, name), ctx in helpers.items() if module == _module_name(path)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    context = helpers.get((node.module, alias.name))
                    if context is not None:
                        local[alias.asname or alias.name] = context
        # ``tr = QCoreApplication.translate``, then ``tr("Context", "…")``.
        aliases = {
            target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "translate"
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _callee(node)
            if (name in _TRANSLATE_NAMES or name in aliases) and len(node.args) >= 2:
                context, text = _context(node.args[0], constants), _text(node.args[1])
                if context is not None and text:
                    messages.add((context, text))
            elif isinstance(node.func, ast.Name) and name in local and len(node.args) == 1:
                text = _context(node.args[0], constants)  # a literal or a module constant
                if text:
                    messages.add((local[name], text))
    return messages


def update(ts_file: Path, language: str, *, keep_obsolete: bool = False) -> None:
    """Writes (or merges into) ``ts_file`` every message of the current sources."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        marks = Path(scratch) / "domain_labels.py"
        sources = ui_sources()
        messages = {("labels", text) for text in domain_labels()} | indirect_messages(sources)
        marks.write_text(marks_module(messages), encoding="utf-8")
        # No source locations: the catalogue then changes only when a text does.
        command = [tool("lupdate"), *map(str, sources), str(marks), "-locations", "none"]
        command += ["-source-language", SOURCE_LANGUAGE, "-target-language", language]
        if not keep_obsolete:
            command.append("-no-obsolete")
        subprocess.run([*command, "-ts", str(ts_file)], check=True, capture_output=True)
    drop_unnamed_context(ts_file)


def drop_unnamed_context(ts_file: Path) -> None:
    """lupdate files a module helper's bare ``tr("…")`` under an empty context that
    nothing translates in; the helper's real context is marked by ``indirect_messages``."""
    text = ts_file.read_text(encoding="utf-8")
    cleaned = re.sub(r"<context>\s*<name></name>.*?</context>\n", "", text, flags=re.DOTALL)
    if cleaned != text:
        ts_file.write_text(cleaned, encoding="utf-8")


def main() -> int:
    for language in TARGET_LANGUAGES:
        path = catalogue(language)
        update(path, language)
        print(f"updated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
