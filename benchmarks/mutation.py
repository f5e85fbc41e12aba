"""Mutation testing of the hidden drill suites.

For each drill, small changes are made to the reference solution (swapped operators, changed
constants, dropped terms, swapped NumPy reductions, off-by-one slices...). Each mutant is run
against the drill's hidden suite; a mutant is *killed* when at least one test fails (or it times
out). The kill rate measures how well the suite catches real mistakes; the target is >= 90%.

    python benchmarks/mutation.py                 # every drill
    python benchmarks/mutation.py knn kmeans -v   # some drills, list the survivors

Mutants run in a helper process that imports the hidden suite once and calls its test functions
directly (fixtures `solution` and `reference`, `pytest.mark.parametrize` cases), with the same
input-mutation check as the real grader. A mutant that hangs is killed after --timeout seconds.

A reference line that can only produce equivalent mutants (e.g. scaling distances before an
argsort) may carry the comment `# mutation: equivalent — <reason>`; its mutants are not counted,
and the number of such lines is reported. Prefer rewriting the line so that it has none.
"""

from __future__ import annotations

import argparse
import ast
import copy
import itertools
import json
import os
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BIN_SWAPS = {ast.Add: [ast.Sub], ast.Sub: [ast.Add], ast.Mult: [ast.Div, ast.Add], ast.Div: [ast.Mult, ast.FloorDiv],
             ast.FloorDiv: [ast.Div], ast.Pow: [ast.Mult], ast.MatMult: [ast.Mult], ast.Mod: [ast.FloorDiv]}
CMP_SWAPS = {ast.Lt: [ast.LtE, ast.Gt], ast.LtE: [ast.Lt, ast.GtE], ast.Gt: [ast.GtE, ast.Lt], ast.GtE: [ast.Gt, ast.LtE],
             ast.Eq: [ast.NotEq], ast.NotEq: [ast.Eq], ast.Is: [ast.IsNot], ast.IsNot: [ast.Is]}
NP_SWAPS = {"max": ["min"], "min": ["max"], "argmax": ["argmin"], "argmin": ["argmax"], "sum": ["mean"],
            "mean": ["sum", "median"], "maximum": ["minimum"], "minimum": ["maximum"], "std": ["var"],
            "var": ["std"], "exp": ["log"], "log": ["exp"], "log1p": ["log"], "cumsum": ["sum"],
            "argsort": ["sort"], "nanmean": ["mean"], "abs": ["negative"], "sqrt": ["square"], "square": ["sqrt"],
            "floor": ["ceil"], "ceil": ["floor"], "any": ["all"], "all": ["any"], "tanh": ["sin"],
            "median": ["mean"], "percentile": ["quantile"], "clip": ["minimum"], "zeros": ["ones"], "ones": ["zeros"],
            "zeros_like": ["ones_like"], "ones_like": ["zeros_like"], "vstack": ["hstack"], "hstack": ["vstack"]}
DROP_CALLS = {"sqrt", "abs", "exp", "log", "clip", "maximum", "minimum", "round", "copy", "astype", "ravel",
              "flatten", "squeeze", "float", "int", "max", "min", "sum", "mean", "where"}


# ---------------------------------------------------------------------- mutant generation

class _Sites(ast.NodeVisitor):
    """Collect (node path, replacement factory, description) for every mutation point."""

    def __init__(self) -> None:
        self.sites: list[tuple[int, str, object]] = []
        self.counter = itertools.count()
        self.docstrings: set[int] = set()

    def add(self, node: ast.AST, label: str, make) -> None:  # type: ignore[no-untyped-def]
        self.sites.append((id(node), f"line {getattr(node, 'lineno', '?')}: {label}", make))

    def visit_Module(self, node: ast.Module) -> None:
        self._mark_docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._mark_docstring(node)
        for default in node.args.defaults + node.args.kw_defaults:  # defaults are the user's contract
            if default is not None:
                for sub in ast.walk(default):
                    self.docstrings.add(id(sub))
        for stmt in node.body:
            self.visit(stmt)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._mark_docstring(node)
        self.generic_visit(node)

    def _mark_docstring(self, node: ast.AST) -> None:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            self.docstrings.add(id(body[0].value))

    def visit_BinOp(self, node: ast.BinOp) -> None:
        for alt in BIN_SWAPS.get(type(node.op), []):
            self.add(node, f"{type(node.op).__name__} -> {alt.__name__}",
                     lambda n, alt=alt: ast.BinOp(left=n.left, op=alt(), right=n.right))
        if isinstance(node.op, (ast.Add, ast.Sub)):
            self.add(node, "drop right operand", lambda n: n.left)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        for alt in BIN_SWAPS.get(type(node.op), []):
            self.add(node, f"{type(node.op).__name__}= -> {alt.__name__}=",
                     lambda n, alt=alt: ast.AugAssign(target=n.target, op=alt(), value=n.value))
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        for i, op in enumerate(node.ops):
            for alt in CMP_SWAPS.get(type(op), []):
                def make(n, i=i, alt=alt):  # type: ignore[no-untyped-def]
                    ops = list(n.ops)
                    ops[i] = alt()
                    return ast.Compare(left=n.left, ops=ops, comparators=n.comparators)
                self.add(node, f"{type(op).__name__} -> {alt.__name__}", make)
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, (ast.USub, ast.Not)):
            self.add(node, f"drop {type(node.op).__name__}", lambda n: n.operand)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if id(node) in self.docstrings:
            return
        v = node.value
        if isinstance(v, bool):
            self.add(node, f"{v} -> {not v}", lambda n: ast.Constant(not n.value))
        elif isinstance(v, int):
            self.add(node, f"{v} -> {v + 1}", lambda n: ast.Constant(n.value + 1))
            if v != 0:
                self.add(node, f"{v} -> {v - 1}", lambda n: ast.Constant(n.value - 1))
        elif isinstance(v, float):
            new = v * 2 if v != 0 else 1.0
            self.add(node, f"{v} -> {new}", lambda n, new=new: ast.Constant(new))

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if isinstance(func, ast.Attribute) and name in NP_SWAPS:
            for alt in NP_SWAPS[name]:
                self.add(node, f"{name} -> {alt}", lambda n, alt=alt: ast.Call(
                    func=ast.Attribute(value=n.func.value, attr=alt, ctx=ast.Load()), args=n.args, keywords=n.keywords))
        if name in DROP_CALLS:
            if isinstance(func, ast.Attribute) and not node.args and not isinstance(func.value, ast.Name):
                self.add(node, f"drop .{name}()", lambda n: n.func.value)
            elif node.args:
                self.add(node, f"drop {name}()", lambda n: n.args[0])
        for kw in node.keywords:
            if kw.arg in ("axis", "keepdims", "ddof") and isinstance(kw.value, (ast.Constant, ast.UnaryOp)):
                def make(n, kw_name=kw.arg):  # type: ignore[no-untyped-def]
                    kws = [k for k in n.keywords if k.arg != kw_name]
                    return ast.Call(func=n.func, args=n.args, keywords=kws)
                self.add(node, f"drop {kw.arg}=", make)
        self.generic_visit(node)

    def visit_Slice(self, node: ast.Slice) -> None:
        for part in ("lower", "upper"):
            bound = getattr(node, part)
            if bound is not None and not isinstance(bound, ast.Constant):
                def make(n, part=part):  # type: ignore[no-untyped-def]
                    new = copy.copy(n)
                    setattr(new, part, ast.BinOp(left=getattr(n, part), op=ast.Add(), right=ast.Constant(1)))
                    return new
                self.add(node, f"slice {part} + 1", make)
        self.generic_visit(node)


class _Apply(ast.NodeTransformer):
    def __init__(self, target: int, make) -> None:  # type: ignore[no-untyped-def]
        self.target, self.make, self.done = target, make, False

    def generic_visit(self, node: ast.AST) -> ast.AST:
        if not self.done and id(node) == self.target:
            self.done = True
            new = self.make(node)
            return ast.copy_location(new, node)
        return super().generic_visit(node)


EQUIVALENT_MARK = "# mutation: equivalent"


def equivalent_lines(source: str) -> set[int]:
    """Lines the drill author declared as only admitting equivalent mutants (with a reason)."""
    return {i for i, line in enumerate(source.splitlines(), 1) if EQUIVALENT_MARK in line}


def mutants(source: str, skip_lines: set[int] = frozenset()) -> list[tuple[str, str]]:
    """All (description, mutated source) pairs for a reference solution."""
    tree = ast.parse(source)
    sites = _Sites()
    sites.visit(tree)
    out = []
    for target, label, make in sites.sites:
        if int(label.split(":")[0].split()[1]) in skip_lines:
            continue
        fresh = ast.parse(source)
        # map by position: node ids differ across parses, so re-walk both trees in lockstep
        mapping = {id(a): b for a, b in zip(ast.walk(tree), ast.walk(fresh))}
        node = mapping.get(target)
        if node is None:
            continue
        applier = _Apply(id(node), make)
        new_tree = ast.fix_missing_locations(applier.visit(fresh))
        if not applier.done:
            continue
        try:
            text = ast.unparse(new_tree)
            compile(text, "<mutant>", "exec")
        except (SyntaxError, ValueError, TypeError):
            continue
        if text != ast.unparse(ast.parse(source)):
            out.append((label, text))
    return out


# ---------------------------------------------------------------------- running a suite in-process

def _load(path_or_source: str, name: str, is_source: bool = False) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    code = path_or_source if is_source else Path(path_or_source).read_text(encoding="utf-8")
    exec(compile(code, module.__file__, "exec"), module.__dict__)
    return module


class _Guarded:
    """The submission as the suite sees it: every call is checked for modifying its inputs."""

    def __init__(self, module: types.ModuleType):
        self._module = module

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        from mlprep.sandbox.wire import same as _same

        def _snapshot(value):  # type: ignore[no-untyped-def]
            try:
                return copy.deepcopy(value)
            except Exception:
                return None

        target = getattr(self._module, name)
        if not callable(target) or isinstance(target, type):
            return target

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            before = [_snapshot(a) for a in args], {k: _snapshot(v) for k, v in kwargs.items()}
            value = target(*args, **kwargs)
            for b, a in zip(before[0], args):
                if b is not None and not _same(b, a):
                    raise AssertionError("modified its input")
            for k, v in kwargs.items():
                if before[1][k] is not None and not _same(before[1][k], v):
                    raise AssertionError("modified its input")
            if isinstance(value, types.GeneratorType):
                value = list(value)
            return value

        wrapper.__name__ = name
        return wrapper


def _cases(module: types.ModuleType) -> list[tuple[str, object, dict]]:
    cases = []
    for name, fn in vars(module).items():
        if not (name.startswith("test") and callable(fn)):
            continue
        params: list[dict] = [{}]
        for mark in getattr(fn, "pytestmark", []):
            if mark.name != "parametrize":
                continue
            argnames, values = mark.args[0], mark.args[1]
            names = [a.strip() for a in argnames.split(",")] if isinstance(argnames, str) else list(argnames)
            expanded = []
            for p in params:
                for v in values:
                    v = getattr(v, "values", v)
                    vals = v if len(names) > 1 else (v,)
                    expanded.append({**p, **dict(zip(names, vals))})
            params = expanded
        for p in params:
            cases.append((name, fn, p))
    return cases


def worker(drill_dir: str) -> None:
    """Read mutant sources (JSON lines) on stdin; answer {"killed": bool, "by": test} per mutant."""
    import warnings

    warnings.simplefilter("ignore")
    out = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    folder = Path(drill_dir)
    reference = _load(str(folder / "solution.py"), "reference_solution")
    suite = _load(str(folder / "test_hidden.py"), "hidden_suite")
    cases = _cases(suite)
    for line in sys.stdin:
        source = json.loads(line)
        by = None
        try:
            mutant = _Guarded(_load(source, "mutant", is_source=True))
            for name, fn, params in cases:
                try:
                    fn(solution=mutant, reference=reference, **params) if _wants(fn) else fn(**params)
                except BaseException:  # noqa: BLE001 - any failure kills the mutant
                    by = name
                    break
        except BaseException:  # noqa: BLE001
            by = "<import>"
        out.write(json.dumps({"killed": by is not None, "by": by}) + "\n")


def _wants(fn) -> bool:  # type: ignore[no-untyped-def]
    import inspect

    params = inspect.signature(fn).parameters
    return "solution" in params and "reference" in params


class Runner:
    def __init__(self, drill_dir: Path, timeout: float):
        self.drill_dir, self.timeout = drill_dir, timeout
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", str(self.drill_dir)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)

    def run(self, source: str) -> tuple[bool, str | None]:
        import select

        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(source) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], self.timeout)
        if not ready:
            self.stop()
            return True, "<timeout>"
        line = self.proc.stdout.readline()
        if not line:
            self.stop()
            return True, "<crash>"
        result = json.loads(line)
        return bool(result["killed"]), result["by"]

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def check_drill(folder: Path, timeout: float, verbose: bool) -> tuple[int, int, list[str]]:
    source = (folder / "solution.py").read_text(encoding="utf-8")
    runner = Runner(folder, timeout)
    survivors = []
    all_mutants = mutants(source, equivalent_lines(source))
    killed = 0
    try:
        ok, by = runner.run(source)
        if ok:
            raise SystemExit(f"{folder.name}: the unmutated reference fails its own suite (test {by})")
        for label, text in all_mutants:
            dead, _ = runner.run(text)
            killed += dead
            if not dead:
                survivors.append(label)
    finally:
        runner.stop()
    return killed, len(all_mutants), survivors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("drills", nargs="*", help="drill slugs (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list surviving mutants")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a mutant counts as hanging")
    parser.add_argument("--min", type=float, default=90.0, help="required kill rate in percent")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker)
        return 0
    from mlprep.drills.catalogue import drill_folders

    folders = [f for f in drill_folders(ROOT / "drills") if not args.drills or f.name in args.drills]
    results = {}
    below = []
    for folder in folders:
        start = time.monotonic()
        killed, total, survivors = check_drill(folder, args.timeout, args.verbose)
        rate = 100.0 * killed / total if total else 100.0
        declared = len(equivalent_lines((folder / "solution.py").read_text(encoding="utf-8")))
        results[folder.name] = {"killed": killed, "total": total, "rate": round(rate, 1), "survivors": survivors,
                                "equivalent_lines": declared}
        if rate < args.min:
            below.append(folder.name)
        if not args.json:
            note = f"  [{declared} line(s) declared equivalent]" if declared else ""
            print(f"{folder.name:32s} {killed:4d}/{total:<4d} killed  {rate:5.1f}%  ({time.monotonic() - start:.0f} s)"
                  + ("" if rate >= args.min else "  BELOW TARGET") + note, flush=True)
            if args.verbose:
                for s in survivors:
                    print(f"    survived: {s}")
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        total_k = sum(r["killed"] for r in results.values())
        total_n = sum(r["total"] for r in results.values())
        print(f"{'TOTAL':32s} {total_k:4d}/{total_n:<4d} killed  {100.0 * total_k / max(total_n, 1):5.1f}%")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
