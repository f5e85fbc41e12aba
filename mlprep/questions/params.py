"""Parametric questions: sample variables, evaluate small expressions safely, fill templates.

A numeric question may declare `params` (name -> range or choices) and an `answer` that is an
expression over them, e.g. `tp / (tp + fp)`. Expressions are parsed with `ast` and only a small,
side-effect-free subset of Python is allowed: arithmetic, comparisons, conditionals, calls to
whitelisted functions, `math.*` and `np.*` attributes. No imports, no attribute access to private
names, no comprehensions, no lambdas. The namespace holds only the parameters and those helpers.
"""

from __future__ import annotations

import ast
import math
import random
import re
from functools import lru_cache
from typing import Any

_SAFE_BUILTINS: dict[str, Any] = {
    "abs": abs, "min": min, "max": max, "round": round, "sum": sum, "len": len,
    "int": int, "float": float, "pow": pow, "sorted": sorted, "range": range,
}
_ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Call,
    ast.Name, ast.Load, ast.Constant, ast.Attribute, ast.Tuple, ast.List, ast.Subscript,
    ast.Slice, ast.keyword,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.USub, ast.UAdd,
    ast.Not, ast.And, ast.Or, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.MatMult,
)
# NumPy names that read or write files or reach outside the sandbox.
_NUMPY_BLOCKED = frozenset({"load", "save", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt",
                            "fromfile", "fromregex", "memmap", "lib", "ctypeslib", "DataSource", "f2py", "testing",
                            "show_config", "info", "source", "tofile", "dump", "dumps"})
_TEMPLATE = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*(?::\s*([^}]*?))?\s*\}\}")


class ExpressionError(ValueError):
    """An expression is not allowed or failed to evaluate."""


@lru_cache(maxsize=4096)
def compile_expression(source: str) -> Any:
    """Parse and vet an expression; returns a code object. Raises ExpressionError."""
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"not a valid Python expression ({exc.msg})") from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise ExpressionError(f"`{type(node).__name__}` is not allowed in an expression")
        if isinstance(node, ast.Attribute):
            if node.attr.startswith("_") or node.attr in _NUMPY_BLOCKED:
                raise ExpressionError(f"attribute `{node.attr}` is not allowed")
            root = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if not (isinstance(root, ast.Name) and root.id in ("math", "np")):
                raise ExpressionError("only `math.<name>` and `np.<name>` attributes are allowed")
        if isinstance(node, ast.Name) and node.id.startswith("_"):
            raise ExpressionError(f"name `{node.id}` is not allowed")
    return compile(tree, "<expression>", "eval")


def uses_numpy(source: str) -> bool:
    return re.search(r"\bnp\.", source) is not None


def evaluate(source: str, values: dict[str, Any]) -> Any:
    """Evaluate a vetted expression with the given variables, `math` and (if used) `np`."""
    code = compile_expression(source)
    namespace: dict[str, Any] = {"__builtins__": _SAFE_BUILTINS, "math": math}
    if uses_numpy(source):
        import numpy as np

        namespace["np"] = np
    namespace.update(values)
    try:
        result = eval(code, namespace)  # noqa: S307 - vetted AST, restricted namespace
    except Exception as exc:  # any runtime failure of user-written content
        raise ExpressionError(f"{type(exc).__name__}: {exc}") from None
    if hasattr(result, "item") and getattr(result, "shape", None) == ():
        result = result.item()
    return result


def sample_value(spec: dict[str, Any], rng: random.Random) -> Any:
    """Draw one value from a parameter spec: {choices: [...]} or {min, max[, step][, decimals]}."""
    if "choices" in spec:
        return rng.choice(list(spec["choices"]))
    lo, hi = spec["min"], spec["max"]
    step = spec.get("step")
    if isinstance(lo, int) and isinstance(hi, int) and (step is None or isinstance(step, int)):
        return rng.randrange(lo, hi + 1, step or 1)
    if step:
        n = int(round((hi - lo) / step))
        return round(lo + step * rng.randint(0, n), 10)
    return round(rng.uniform(lo, hi), int(spec.get("decimals", 2)))


def sample(params: dict[str, dict[str, Any]], where: str | None, rng: random.Random,
           tries: int = 200) -> dict[str, Any]:
    """Sample all parameters, retrying until the `where` constraint holds."""
    for _ in range(tries):
        values = {name: sample_value(spec, rng) for name, spec in params.items()}
        if where is None or evaluate(where, values):
            return values
    raise ExpressionError(f"constraint `{where}` never held in {tries} samples; widen the ranges")


def _fmt(value: Any, spec: str | None) -> str:
    if spec:
        return format(value, spec)
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text if text not in ("", "-0") else "0"
    return str(value)


def render(template: str, values: dict[str, Any]) -> str:
    """Replace `{{ name }}` / `{{ name:.2f }}` placeholders. Unknown names raise KeyError."""
    return _TEMPLATE.sub(lambda m: _fmt(values[m.group(1)], m.group(2)), template)


def placeholders(template: str) -> set[str]:
    return {m.group(1) for m in _TEMPLATE.finditer(template)}
