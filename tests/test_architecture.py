"""The architecture in the README is the architecture in the code.

Every `import` in `mlprep/` (module level and lazy ones inside functions; `if TYPE_CHECKING:` blocks
excepted, since they never run) is checked against the layering:

- a package imports only packages below it (see LAYERS), never one beside or above it;
- the modules have no import cycle;
- SQL runs only in `mlprep.store` (no `sqlite3` import, no `.execute*()` call elsewhere);
- Rich, Typer and Click are imported only by `mlprep.cli`;
- the sandbox modules that run beside user code (plugin, worker, wire, results, launch, confine) import nothing from mlprep but
  each other and `mlprep.drillkit*`.

The checks also run on small synthetic trees, to prove they would fail on a cycle or a stray `execute`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "mlprep"

# Lower layers first; a module may import its own package and any package of a strictly lower layer.
# "base" is the handful of modules directly in mlprep/ (errors, paths, clock, rules, fsutil, drillkit).
LAYERS: list[set[str]] = [
    {"base"},
    {"store", "questions"},
    {"srs", "sandbox"},
    {"progress", "drills"},
    {"quiz"},
    {"cli"},
]
ENTRY = {"mlprep.__main__"}  # `python -m mlprep` runs the CLI
ISOLATED = {"mlprep.sandbox.plugin", "mlprep.sandbox.worker", "mlprep.sandbox.wire", "mlprep.sandbox.results",
            "mlprep.sandbox.launch", "mlprep.sandbox.confine", "mlprep.sandbox.warm"}
ISOLATED_MAY_IMPORT = ISOLATED | {"mlprep.drillkit", "mlprep.drillkit_pandas", "mlprep"}
UI_LIBRARIES = ("rich", "typer", "click")
SQL_CALLS = {"execute", "executemany", "executescript"}


def rank(package: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if package in layer)


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    sub = parts[1]
    return sub if (PKG / sub).is_dir() else "base"



def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                for sub in ast.walk(child):
                    if hasattr(sub, "lineno"):
                        lines.add(sub.lineno)
    return lines


def scan(root: Path) -> dict[str, dict]:
    """module -> {"imports": {(target, line)}, "externals": {(name, line)}, "sql": [line], "path": Path}"""
    out: dict[str, dict] = {}
    for path in sorted(root.rglob("*.py")):
        name = module_name(root, path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        skip = _type_checking_lines(tree)
        info: dict = {"imports": set(), "externals": set(), "sql": [], "path": path}
        for node in ast.walk(tree):
            line = getattr(node, "lineno", 0)
            if line in skip:
                continue
            if isinstance(node, ast.Import):
                for a in node.names:
                    (info["imports"] if a.name.split(".")[0] == root.name else info["externals"]).add((a.name, line))
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve against this module's package
                    base = name.split(".")[: len(name.split(".")) - node.level + (path.name == "__init__.py")]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                if mod.split(".")[0] == root.name:
                    for a in node.names:  # `from mlprep.cli import quiz` imports the submodule mlprep.cli.quiz
                        sub = f"{mod}.{a.name}"
                        info["imports"].add((sub if (root.parent / (sub.replace('.', '/') + '.py')).exists()
                                             or (root.parent / sub.replace('.', '/')).is_dir() else mod, line))
                else:
                    info["externals"].add((mod, line))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
                info["sql"].append(line)
        out[name] = info
    return out


def violations(root: Path) -> list[str]:
    mods = scan(root)
    problems: list[str] = []
    for name, info in mods.items():
        where = info["path"].relative_to(root.parent)
        pkg = package_of(name)
        for target, line in sorted(info["imports"]):
            tpkg = package_of(target)
            if name in ENTRY or target == root.name:
                continue
            if name in ISOLATED and target not in ISOLATED_MAY_IMPORT:
                problems.append(f"{where}:{line}: sandbox module {name} imports {target} (only "
                                f"{sorted(ISOLATED_MAY_IMPORT - {root.name})} allowed beside user code)")
            elif tpkg != pkg and rank(tpkg) >= rank(pkg):
                problems.append(f"{where}:{line}: {pkg} (layer {rank(pkg)}) imports {target} ({tpkg}, layer "
                                f"{rank(tpkg)}); a package may import only lower layers")
        store_pkg = pkg == "store"
        for ext, line in sorted(info["externals"]):
            top = ext.split(".")[0]
            if top == "sqlite3" and not store_pkg:
                problems.append(f"{where}:{line}: imports sqlite3 outside mlprep.store")
            if top in UI_LIBRARIES and pkg != "cli":
                problems.append(f"{where}:{line}: imports {top} outside mlprep.cli")
        if info["sql"] and not store_pkg:
            problems.append(f"{where}:{info['sql'][0]}: runs SQL (.execute) outside mlprep.store")
    problems += [f"import cycle: {' -> '.join(c)}" for c in cycles(mods)]
    return problems


def cycles(mods: dict[str, dict]) -> list[list[str]]:
    graph = {m: sorted({t for t, _ in info["imports"] if t in mods and t != m}) for m, info in mods.items()}
    found, state, stack = [], {}, []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in graph[m]:
            if state.get(t) == 1:
                found.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    return found


LAYERS_NAMES = {p for layer in LAYERS for p in layer} - {"base"}


def test_the_package_follows_the_layering():
    problems = violations(PKG)
    assert not problems, "\n".join(problems)


def test_every_package_is_in_a_layer():
    packages = {p.name for p in PKG.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == LAYERS_NAMES


def test_at_most_ten_modules_directly_in_the_package():
    flat = [p.name for p in PKG.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert len(flat) <= 10, flat


# ----------------------------------------------------------------- the checks themselves fail when they should

def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "mlprep"
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    for d in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        (d / "__init__.py").touch()
    return root


@pytest.fixture
def synthetic(monkeypatch, tmp_path):
    monkeypatch.setattr(f"{__name__}.PKG", tmp_path / "mlprep")
    return lambda files: _tree(tmp_path, files)


def test_a_cycle_is_caught(synthetic):
    root = synthetic({"quiz/a.py": "from mlprep.quiz import b\n", "quiz/b.py": "def f():\n    from mlprep.quiz import a\n"})
    assert any("import cycle" in p for p in violations(root))


def test_a_stray_execute_is_caught(synthetic):
    root = synthetic({"progress/stats.py": "def f(store):\n    return store.db.execute('SELECT 1')\n"})
    assert any("runs SQL" in p for p in violations(root))


def test_an_upward_import_is_caught(synthetic):
    root = synthetic({"store/db.py": "def f():\n    from mlprep.quiz import session\n", "quiz/session.py": ""})
    assert any("may import only lower layers" in p for p in violations(root))


def test_rich_outside_the_cli_is_caught(synthetic):
    root = synthetic({"progress/stats.py": "from rich.table import Table\n"})
    assert any("outside mlprep.cli" in p for p in violations(root))


def test_a_sandbox_module_importing_mlprep_is_caught(synthetic):
    root = synthetic({"sandbox/worker.py": "from mlprep.store import db\n", "store/db.py": ""})
    assert any("sandbox module" in p for p in violations(root))


def test_type_checking_imports_do_not_count(synthetic):
    root = synthetic({"sandbox/grader.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                           "    from mlprep.drills.catalogue import Drill\n",
                      "drills/catalogue.py": ""})
    assert not violations(root)
