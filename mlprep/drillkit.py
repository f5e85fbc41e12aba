"""Helpers for writing hidden drill suites: sentence-like failures with structured details.

A hidden suite (`drills/<slug>/test_hidden.py`) receives two fixtures from the grading plugin:
`solution` (the user's module, running in an isolated worker process) and `reference` (the
reference solution). It compares them with these helpers::

    from mlprep.drillkit import assert_close, call

    def test_small_case(solution, reference):
        y_true, y_pred = np.array([1.0, 2.0]), np.array([1.0, 4.0])
        expected = reference.mse(y_true.copy(), y_pred.copy())
        got = call(solution.mse, y_true=y_true, y_pred=y_pred)   # remembers the call for messages
        assert_close(got, expected, rtol=1e-7, atol=1e-9)

A failure raises `GradingFailure`, an AssertionError whose message reads like a sentence
("Called mse(y_true=[1. 2.], y_pred=[1. 4.]): expected 2.0, got 1.0") and whose fields (call,
expected, got, max_abs_error) are reported as data in the verdict.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_MAX_SHOWN = 12


class GradingFailure(AssertionError):
    """A test failure with the structured details the verdict table shows."""

    def __init__(self, message: str, *, call: str = "", expected: Any = None, got: Any = None,
                 max_abs_error: float | None = None):
        super().__init__(message)
        self.call = call
        self.expected = None if expected is None else short_repr(expected)
        self.got = None if got is None else short_repr(got)
        self.max_abs_error = max_abs_error


def short_repr(value: Any) -> str:
    """A compact, readable repr: small arrays in full, big ones as shape and dtype."""
    if isinstance(value, np.ndarray):
        if value.size <= _MAX_SHOWN:
            text = np.array2string(value, precision=6, separator=" ", threshold=_MAX_SHOWN)
            return " ".join(text.split())
        return f"<array shape={value.shape} dtype={value.dtype}>"
    if isinstance(value, np.generic):
        return repr(value.item())
    if isinstance(value, dict):
        inner = ", ".join(f"{k!r}: {short_repr(v)}" for k, v in list(value.items())[:_MAX_SHOWN])
        return "{" + inner + (", ..." if len(value) > _MAX_SHOWN else "") + "}"
    if isinstance(value, (list, tuple)) and len(value) <= _MAX_SHOWN:
        inner = ", ".join(short_repr(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    if isinstance(value, (list, tuple)):
        return f"<{type(value).__name__} of {len(value)} items>"
    mod = type(value).__module__ or ""
    if mod.startswith("pandas") and hasattr(value, "shape"):
        if getattr(value, "size", 0) <= _MAX_SHOWN:
            return " ".join(repr(value).split())[:300]
        return f"<{type(value).__name__} shape={value.shape}>"
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


def describe_call(name: str, args: tuple = (), kwargs: dict | None = None) -> str:
    parts = [short_repr(a) for a in args] + [f"{k}={short_repr(v)}" for k, v in (kwargs or {}).items()]
    return f"{name}({', '.join(parts)})"


def call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call `fn` on copies of the arguments. Returns the value; the description of the call is
    available as `last_call()` and is attached to failures raised inside."""
    global _last_call
    name = getattr(fn, "__name__", "function")
    _last_call = describe_call(name, args, kwargs)
    args = tuple(_copy(a) for a in args)
    kwargs = {k: _copy(v) for k, v in kwargs.items()}
    try:
        return fn(*args, **kwargs)
    except GradingFailure as exc:
        if not exc.call:
            exc.call = _last_call
        raise


_last_call = ""


def last_call() -> str:
    return _last_call


def _copy(value: Any) -> Any:
    if isinstance(value, np.ndarray) or hasattr(value, "copy") and type(value).__module__.startswith("pandas"):
        return value.copy()
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _prefix(call_desc: str) -> str:
    return f"Called {call_desc}: " if call_desc else ""


def as_array(got: Any, *, call: str | None = None, what: str = "it returned") -> np.ndarray:
    """Convert a returned value to an array, failing with a clear message on None or junk."""
    call = last_call() if call is None else call
    if got is None:
        raise GradingFailure(f"{_prefix(call)}{what} None. Did you forget a `return` statement?", call=call)
    if isinstance(got, (str, bytes)):
        raise GradingFailure(f"{_prefix(call)}{what} a string ({short_repr(got)}), not numbers.", call=call, got=got)
    remote = getattr(type(got), "mlprep_type_name", None)  # an object that stayed in the worker
    if remote is not None:
        raise GradingFailure(f"{_prefix(call)}{what} a {got.mlprep_type_name}, not numbers or an array.", call=call)
    try:
        arr = np.asarray(got)
    except Exception:
        raise GradingFailure(f"{_prefix(call)}{what} a {type(got).__name__}, which is not array-like.",
                             call=call) from None
    if arr.dtype == object:
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise GradingFailure(f"{_prefix(call)}{what} a {type(got).__name__} of non-numeric values: "
                                 f"{short_repr(got)}.", call=call, got=got) from None
    return arr


def assert_close(got: Any, expected: Any, *, rtol: float = 1e-6, atol: float = 1e-8, call: str | None = None,
                 what: str = "", scalar: bool | None = None) -> None:
    """Numerical comparison with explicit tolerances: |got - expected| <= atol + rtol*|expected|.

    Checks, in order: None/non-numeric, scalar vs array, shape, NaN/inf, then values.
    """
    call = last_call() if call is None else call
    label = f"{what} " if what else ""
    exp = np.asarray(expected, dtype=float)
    arr = as_array(got, call=call, what=f"{label}it returned" if not what else f"{what}:")
    if scalar is None:
        scalar = exp.ndim == 0
    if scalar and arr.ndim != 0 and arr.size != 1:
        raise GradingFailure(f"{_prefix(call)}expected {label}a single number, got an array of shape "
                             f"{arr.shape}. Reduce it (e.g. with .mean() or .sum()).",
                             call=call, expected=expected, got=got)
    if not scalar and arr.shape != exp.shape:
        raise GradingFailure(f"{_prefix(call)}expected {label}shape {exp.shape}, got shape {arr.shape}.",
                             call=call, expected=expected, got=got)
    arr = arr.astype(float).reshape(exp.shape)
    bad = ~np.isfinite(arr) & np.isfinite(exp)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0]) if arr.ndim else ()
        where = f" at index {idx}" if idx else ""
        raise GradingFailure(f"{_prefix(call)}{label}got {arr[idx] if idx else arr.item()}{where} where "
                             f"{exp[idx] if idx else exp.item():.6g} was expected (numerical overflow, log(0) "
                             "or 0/0?).", call=call, expected=expected, got=got)
    close = np.isclose(arr, exp, rtol=rtol, atol=atol, equal_nan=True)
    if not np.all(close):
        err = float(np.nanmax(np.abs(arr - exp))) if arr.size else 0.0
        where = ""
        if arr.size > _MAX_SHOWN:  # big arrays are summarised, so name the first wrong entry
            idx = tuple(int(i) for i in np.argwhere(~close)[0])
            where = (f"; first difference at index {idx}: expected {exp[idx]:.6g}, got {arr[idx]:.6g}; "
                     f"{int((~close).sum())} of {close.size} entries differ")
        raise GradingFailure(f"{_prefix(call)}expected {label}{short_repr(_scalarize(expected))}, got "
                             f"{short_repr(_scalarize(got))} (max abs error {err:.3g}{where}; tolerance "
                             f"rtol={rtol:g}, atol={atol:g}).", call=call, expected=expected, got=got,
                             max_abs_error=err)


def _scalarize(value: Any) -> Any:
    arr = np.asarray(value) if not isinstance(value, (str, bytes)) else None
    if arr is not None and arr.ndim == 0 and arr.dtype != object:
        return arr.item()
    return value


def assert_close_each(got: Any, expected: Any, what: str, rtol: float = 1e-6, atol: float = 1e-8,
                      when: str = "") -> None:
    """`got` must hold one array per array of `expected` (a list, tuple or stacked array), each close:
    for update rules over a list of parameter arrays. `when` is added to messages (e.g. " at t=3")."""
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if isinstance(got, dict) or not hasattr(got, "__len__"):
        fail(f"returned {what} as a {type(got).__name__}; return a list with one array per parameter.", got=got)
    if len(got) != len(expected):
        fail(f"expected {what}{when} to be a list of {len(expected)} arrays (one per parameter), "
             f"got {len(got)} item(s).", expected=expected, got=got)
    for i, (g, e) in enumerate(zip(got, expected)):
        assert_close(g, e, rtol=rtol, atol=atol, what=f"{what}[{i}]{when}")


def assert_equal(got: Any, expected: Any, *, call: str | None = None, what: str = "") -> None:
    """Exact comparison for integer labels, indices, booleans and shapes."""
    call = last_call() if call is None else call
    label = f"{what} " if what else ""
    exp = np.asarray(expected)
    arr = as_array(got, call=call, what=f"{label}it returned" if not what else f"{what}:")
    if arr.shape != exp.shape:
        raise GradingFailure(f"{_prefix(call)}expected {label}shape {exp.shape}, got shape {arr.shape}.",
                             call=call, expected=expected, got=got)
    if not np.array_equal(arr, exp):
        diff = np.argwhere(arr != exp) if arr.ndim else np.array([[]])
        where = f" (first difference at index {tuple(int(i) for i in diff[0])})" if arr.ndim and len(diff) else ""
        raise GradingFailure(f"{_prefix(call)}expected {label}{short_repr(_scalarize(expected))}, got "
                             f"{short_repr(_scalarize(got))}{where}.", call=call, expected=expected, got=got)


def fail(message: str, *, call: str | None = None, expected: Any = None, got: Any = None) -> None:
    call = last_call() if call is None else call
    raise GradingFailure(f"{_prefix(call)}{message}", call=call, expected=expected, got=got)


def same_partition(labels_a: Any, labels_b: Any) -> bool:
    """True when two labelings group the points identically (labels equal up to a permutation)."""
    a, b = np.asarray(labels_a).ravel(), np.asarray(labels_b).ravel()
    if a.shape != b.shape:
        return False
    pairs = set(zip(a.tolist(), b.tolist()))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))
