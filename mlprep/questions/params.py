"""Parametric questions: sample variables, evaluate small expressions safely, fill templates.

A numeric question may declare `params` (name -> range or choices) and an `answer` that is an
expression over them, e.g. `tp / (tp + fp)`. A bank is untrusted data, so expressions are never handed
to `eval`: they are parsed with `ast` and *interpreted* here, node by node, over an allow-list:

- the parameters, number/string/bool literals, lists and tuples of them;
- arithmetic, comparisons, `and`/`or`/`not`, `a if c else b`, indexing and slicing of lists/arrays;
- calls of the functions in `FUNCTIONS`, looked up by name: `sqrt(x)`, `math.sqrt(x)` and
  `np.sqrt(x)` are the same table entry; `math.pi`/`np.pi`/`pi` and `e` are constants.

There is no attribute access on any object (`np.x` and `math.x` are only spellings of table names), no
subscript of a module, no keyword other than the few listed, and no string that becomes code. Costs
are bounded: integers past `MAX_INT_BITS` bits, arrays past `MAX_ARRAY` elements, factorials and binomials
past `MAX_FACTORIAL`, and expressions longer than `MAX_SOURCE` characters are refused.
"""

from __future__ import annotations

import ast
import math
import operator
import random
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

MAX_SOURCE = 2000
MAX_INT_BITS = 4096
MAX_ARRAY = 10_000
MAX_FACTORIAL = 1000
_TEMPLATE = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*(?::\s*([^}]*?))?\s*\}\}")


class ExpressionError(ValueError):
    """An expression is not allowed or failed to evaluate."""


def _np() -> Any:
    import numpy as np

    return np


def _array(x: Any) -> Any:
    arr = _np().asarray(x, dtype=float)
    if arr.size > MAX_ARRAY:
        raise ExpressionError(f"arrays are limited to {MAX_ARRAY} elements")
    return arr


def _bounded_int(n: Any, what: str) -> int:
    if isinstance(n, bool) or not float(n).is_integer() or not 0 <= n <= MAX_FACTORIAL:
        raise ExpressionError(f"{what} takes whole numbers from 0 to {MAX_FACTORIAL}")
    return int(n)


def _log(x: Any, base: Any = None) -> Any:
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return math.log(x) if base is None else math.log(x, base)
    out = _np().log(_array(x))
    return out if base is None else out / math.log(base)


def _elementwise(scalar: Callable[..., Any], vector: str) -> Callable[..., Any]:
    def fn(*args: Any) -> Any:
        if all(isinstance(a, (int, float)) for a in args):
            return scalar(*args)
        return getattr(_np(), vector)(*[_array(a) if not isinstance(a, (int, float)) else a for a in args])
    return fn


def _reduce(name: str) -> Callable[..., Any]:
    def fn(x: Any, ddof: Any = 0) -> Any:
        arr = _array(x)
        return getattr(_np(), name)(arr, ddof=ddof) if name in ("std", "var") else getattr(_np(), name)(arr)
    return fn


def _min_max(pick: Callable[..., Any], reducer: str) -> Callable[..., Any]:
    def fn(*args: Any) -> Any:
        if len(args) == 1 and not isinstance(args[0], (int, float)):
            return getattr(_np(), reducer)(_array(args[0]))
        return pick(*args)
    return fn


# name -> (function, keywords it accepts). `np.x`, `math.x` and `x` all resolve here.
_TABLE: list[tuple[str, Callable[..., Any], tuple[str, ...]]] = [
    ("abs", _elementwise(abs, "abs"), ()), ("round", round, ()), ("int", int, ()), ("float", float, ()),
    ("min", _min_max(min, "min"), ()), ("max", _min_max(max, "max"), ()),
    ("sum", _reduce("sum"), ()), ("mean", _reduce("mean"), ()), ("median", _reduce("median"), ()),
    ("std", _reduce("std"), ("ddof",)), ("var", _reduce("var"), ("ddof",)), ("prod", _reduce("prod"), ()),
    ("len", lambda x: len(x), ()),
    ("sqrt", _elementwise(math.sqrt, "sqrt"), ()), ("exp", _elementwise(math.exp, "exp"), ()),
    ("log", _log, ()), ("log2", _elementwise(math.log2, "log2"), ()),
    ("log10", _elementwise(math.log10, "log10"), ()), ("log1p", _elementwise(math.log1p, "log1p"), ()),
    ("expm1", _elementwise(math.expm1, "expm1"), ()),
    ("floor", _elementwise(math.floor, "floor"), ()), ("ceil", _elementwise(math.ceil, "ceil"), ()),
    ("trunc", _elementwise(math.trunc, "trunc"), ()),
    ("sin", _elementwise(math.sin, "sin"), ()), ("cos", _elementwise(math.cos, "cos"), ()),
    ("tan", _elementwise(math.tan, "tan"), ()), ("tanh", _elementwise(math.tanh, "tanh"), ()),
    ("atan", _elementwise(math.atan, "arctan"), ()), ("arctan", _elementwise(math.atan, "arctan"), ()),
    ("hypot", math.hypot, ()), ("erf", math.erf, ()), ("erfc", math.erfc, ()), ("lgamma", math.lgamma, ()),
    ("comb", lambda n, k: math.comb(_bounded_int(n, "comb"), _bounded_int(k, "comb")), ()),
    ("perm", lambda n, k: math.perm(_bounded_int(n, "perm"), _bounded_int(k, "perm")), ()),
    ("factorial", lambda n: math.factorial(_bounded_int(n, "factorial")), ()),
    ("isclose", lambda a, b: math.isclose(a, b), ()),
    ("pow", lambda a, b: _power(a, b), ()),
    ("array", _array, ()), ("asarray", _array, ()),
    ("argsort", lambda x: _np().argsort(_array(x), kind="stable"), ()),
    ("sort", lambda x: _np().sort(_array(x)), ()), ("cumsum", lambda x: _np().cumsum(_array(x)), ()),
    ("clip", lambda x, lo, hi: _np().clip(x if isinstance(x, (int, float)) else _array(x), lo, hi), ()),
    ("sign", _elementwise(lambda v: (v > 0) - (v < 0), "sign"), ()),
    ("norm", lambda x: float(_np().sqrt(_np().sum(_array(x) ** 2))), ()),
]
FUNCTIONS: dict[str, tuple[Callable[..., Any], frozenset[str]]] = {name: (fn, frozenset(kw)) for name, fn, kw in _TABLE}
CONSTANTS = {"pi": math.pi, "e": math.e, "inf": math.inf, "tau": math.tau}
_MODULES = ("math", "np")
_BINOPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.MatMult: operator.matmul,
}
_CMPOPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}


def _power(a: Any, b: Any) -> Any:
    if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) and b > 0:
        if max(1, abs(a).bit_length()) * b > MAX_INT_BITS and abs(a) > 1:
            raise ExpressionError(f"{a} ** {b} is too large (integers are limited to {MAX_INT_BITS} bits)")
    return operator.pow(a, b)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) or (hasattr(v, "dtype") and v.dtype.kind in "biuf")


def _binop(op: type, a: Any, b: Any) -> Any:
    if not (_is_number(a) and _is_number(b)):
        raise ExpressionError("arithmetic works on numbers and arrays only (use array([...]) for a list)")
    if op is ast.Pow:
        return _power(a, b)
    if op is ast.Mult and isinstance(a, int) and isinstance(b, int):
        if abs(a).bit_length() + abs(b).bit_length() > MAX_INT_BITS:
            raise ExpressionError(f"integers are limited to {MAX_INT_BITS} bits")
    if op is ast.MatMult and (getattr(a, "size", 0) > MAX_ARRAY or getattr(b, "size", 0) > MAX_ARRAY):
        raise ExpressionError(f"arrays are limited to {MAX_ARRAY} elements")
    return _BINOPS[op](a, b)


def _function(node: ast.expr) -> str:
    """The table name a call's function spells: `f`, `math.f` or `np.f`."""
    if isinstance(node, ast.Name):
        name = node.id
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in _MODULES:
        name = node.attr
    else:
        raise ExpressionError("not allowed: only the listed functions can be called, as f(x), math.f(x) or np.f(x)")
    if name not in FUNCTIONS:
        raise ExpressionError(f"`{name}` is not allowed: not one of the functions expressions may use "
                              f"({', '.join(sorted(FUNCTIONS))})")
    return name


def _check(tree: ast.AST) -> None:
    """Static vetting: only the node types the interpreter knows, attributes only as `math.x`/`np.x`."""
    allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Call, ast.Name,
               ast.Load, ast.Constant, ast.Attribute, ast.Tuple, ast.List, ast.Subscript, ast.Slice, ast.keyword,
               *_BINOPS, ast.Pow, ast.USub, ast.UAdd, ast.Not, ast.And, ast.Or, *_CMPOPS)
    for node in ast.walk(tree):
        if not isinstance(node, allowed):
            raise ExpressionError(f"`{type(node).__name__}` is not allowed in an expression")
        if isinstance(node, ast.Attribute):
            if not (isinstance(node.value, ast.Name) and node.value.id in _MODULES):
                raise ExpressionError("attribute access is not allowed (only math.<name> or np.<name> of the function table)")
            if node.attr not in FUNCTIONS and node.attr not in CONSTANTS:
                raise ExpressionError(f"`{node.value.id}.{node.attr}` is not allowed: not one of the functions expressions may use")
        if isinstance(node, ast.Call):
            name = _function(node.func)
            for kw in node.keywords:
                if kw.arg is None or kw.arg not in FUNCTIONS[name][1]:
                    raise ExpressionError(f"`{name}` takes no keyword `{kw.arg}`")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str, bool)):
            raise ExpressionError(f"the literal {node.value!r} is not allowed")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 100:
            raise ExpressionError("string literals are limited to 100 characters")


@lru_cache(maxsize=4096)
def compile_expression(source: str) -> ast.Expression:
    """Parse and vet an expression; returns its tree. Raises ExpressionError."""
    if len(source) > MAX_SOURCE:
        raise ExpressionError(f"expressions are limited to {MAX_SOURCE} characters")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise ExpressionError(f"not a valid expression ({getattr(exc, 'msg', exc)})") from None
    _check(tree)
    return tree


def uses_numpy(source: str) -> bool:
    return re.search(r"\bnp\.", source) is not None


def _eval(node: ast.AST, env: dict[str, Any]) -> Any:
    if isinstance(node, ast.Expression):
        return _eval(node.body, env)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in env:
            return env[node.id]
        if node.id in CONSTANTS:
            return CONSTANTS[node.id]
        raise ExpressionError(f"unknown name `{node.id}` (not a parameter)")
    if isinstance(node, ast.Attribute):  # math.pi, np.e (vetted: a constant of the table)
        if node.attr in CONSTANTS:
            return CONSTANTS[node.attr]
        raise ExpressionError(f"`{node.attr}` must be called")
    if isinstance(node, (ast.List, ast.Tuple)):
        if len(node.elts) > MAX_ARRAY:
            raise ExpressionError(f"lists are limited to {MAX_ARRAY} elements")
        return [_eval(e, env) for e in node.elts]
    if isinstance(node, ast.BinOp):
        return _binop(type(node.op), _eval(node.left, env), _eval(node.right, env))
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, env)
        if isinstance(node.op, ast.Not):
            return not v
        if not _is_number(v):
            raise ExpressionError("a sign applies to numbers only")
        return -v if isinstance(node.op, ast.USub) else +v
    if isinstance(node, ast.BoolOp):
        if isinstance(node.op, ast.And):
            result: Any = True
            for v in node.values:
                result = _eval(v, env)
                if not result:
                    return result
            return result
        result = False
        for v in node.values:
            result = _eval(v, env)
            if result:
                return result
        return result
    if isinstance(node, ast.Compare):
        left = _eval(node.left, env)
        if len(node.ops) == 1:  # elementwise on arrays, e.g. sum(cumsum(p) < 0.9)
            return _CMPOPS[type(node.ops[0])](left, _eval(node.comparators[0], env))
        for op, comp in zip(node.ops, node.comparators):
            right = _eval(comp, env)
            if not bool(_CMPOPS[type(op)](left, right)):
                return False
            left = right
        return True
    if isinstance(node, ast.IfExp):
        return _eval(node.body, env) if _eval(node.test, env) else _eval(node.orelse, env)
    if isinstance(node, ast.Subscript):
        seq = _eval(node.value, env)
        if not isinstance(seq, list) and not hasattr(seq, "dtype"):
            raise ExpressionError("only lists and arrays can be indexed")
        if isinstance(node.slice, ast.Slice):
            parts = [None if p is None else _eval(p, env) for p in (node.slice.lower, node.slice.upper, node.slice.step)]
            if any(p is not None and (not isinstance(p, int) or isinstance(p, bool)) for p in parts):
                raise ExpressionError("slice bounds must be whole numbers")
            return seq[slice(*parts)]
        index = _eval(node.slice, env)
        if hasattr(index, "dtype") and index.dtype.kind in "iu":
            return _array(seq)[index]
        if not isinstance(index, int) or isinstance(index, bool):
            raise ExpressionError("an index must be a whole number")
        return seq[index]
    if isinstance(node, ast.Call):
        fn, _ = FUNCTIONS[_function(node.func)]
        args = [_eval(a, env) for a in node.args]
        kwargs = {kw.arg: _eval(kw.value, env) for kw in node.keywords if kw.arg is not None}
        return fn(*args, **kwargs)
    raise ExpressionError(f"`{type(node).__name__}` is not allowed in an expression")


def evaluate(source: str, values: dict[str, Any]) -> Any:
    """Evaluate a vetted expression over the given parameters (no `eval`, bounded cost)."""
    tree = compile_expression(source)
    try:
        result = _eval(tree, dict(values))
    except ExpressionError:
        raise
    except Exception as exc:  # any runtime failure of user-written content (ZeroDivisionError, ...)
        raise ExpressionError(f"{type(exc).__name__}: {exc}") from None
    if hasattr(result, "item") and getattr(result, "shape", None) == ():
        result = result.item()
    if isinstance(result, complex):
        raise ExpressionError(f"the result {result} is not a real number")
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


_SPEC = re.compile(r"^(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d+)?[,_]?(?:\.(?P<precision>\d+))?[bcdeEfFgGnosxX%]?$")
MAX_FORMAT_WIDTH = 40


def _fmt(value: Any, spec: str | None) -> str:
    if spec:
        m = _SPEC.match(spec)
        if m is None:
            raise ExpressionError(f"`{{{{ ...:{spec[:20]} }}}}` is not a number format (e.g. .2f, .1%, d)")
        if any(int(m.group(g) or 0) > MAX_FORMAT_WIDTH for g in ("width", "precision")):
            raise ExpressionError(f"format widths and precisions are limited to {MAX_FORMAT_WIDTH}")
        try:
            return format(value, spec)
        except (ValueError, TypeError) as exc:
            raise ExpressionError(f"the format `{spec[:20]}` does not apply to {str(value)[:30]} ({exc})") from None
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text if text not in ("", "-0") else "0"
    return str(value)


def render(template: str, values: dict[str, Any]) -> str:
    """Replace `{{ name }}` / `{{ name:.2f }}` placeholders. Unknown names and formats that do not apply to
    the value raise ExpressionError."""
    def fill(m: re.Match[str]) -> str:
        if m.group(1) not in values:
            raise ExpressionError(f"unknown placeholder `{m.group(1)}`")
        return _fmt(values[m.group(1)], m.group(2))

    return _TEMPLATE.sub(fill, template)


def placeholders(template: str) -> set[str]:
    return {m.group(1) for m in _TEMPLATE.finditer(template)}
