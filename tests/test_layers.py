"""The layers stay apart: the core and the command line load without Qt, and only the window
imports it (see docs/architecture.md)."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import reader

PACKAGE = Path(reader.__file__).resolve().parent
CORE = ("corpus", "search", "bookmarks", "export", "backend")
# The PDF writer draws with Qt's text layout; the exporter imports it only when a PDF is asked for.
QT_WRITERS = {"reader.export.pdf_format", "reader.export.pdf_glyphs"}


def _modules(*packages: str) -> list[str]:
    names = []
    for package in packages:
        names.append(f"reader.{package}")
        for info in pkgutil.walk_packages([str(PACKAGE / package)], f"reader.{package}."):
            names.append(info.name)
    return sorted(set(names) - QT_WRITERS)


def _top_level_modules() -> list[str]:
    return sorted(f"reader.{info.name}" for info in pkgutil.iter_modules([str(PACKAGE)])
                  if not info.ispkg and info.name != "__main__")


def test_the_core_and_the_command_line_load_without_qt() -> None:
    modules = _modules(*CORE, "cli") + _top_level_modules()
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [], f"Qt loaded by importing {len(modules)} core modules"


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module ``path`` imports (at the top or inside a function), as an absolute name."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = parts[:-1]  # the package a relative import starts from (also for __init__)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def _importers(folder: Path, *targets: str) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        for line, name in _imports(path):
            if any(name == t or name.startswith(t + ".") for t in targets):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    return sorted(set(found))


@pytest.mark.parametrize("package", CORE)
def test_the_core_never_imports_a_face(package: str) -> None:
    assert _importers(PACKAGE / package, "reader.ui", "reader.cli") == []


def test_the_window_never_imports_the_command_line() -> None:
    assert _importers(PACKAGE / "ui", "reader.cli") == []


def test_nothing_below_the_main_window_imports_it() -> None:
    """Controllers, presenters, views and models get what they need in their constructor and
    speak by signals; only the application (``app.py``) makes windows."""
    found = _importers(PACKAGE / "ui", "reader.ui.mainwindow")
    assert [f for f in found if not f.startswith("reader/ui/app.py:")] == []
