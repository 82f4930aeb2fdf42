"""Dependencies point one way: ingest -> claims <- review, and everything -> extraction (plain Python)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# What each package may not import.
FORBIDDEN = {
    "extraction": ("django", "claims", "ingest", "review", "config"),
    "claims": ("ingest", "review"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_nothing_it_must_not(package: str) -> None:
    wrong = []
    for path in sorted((REPO / package).rglob("*.py")):
        for module in _imports(path):
            if module.split(".")[0] in FORBIDDEN[package]:
                wrong.append(f"{path.relative_to(REPO)}: {module}")
    assert not wrong, wrong
