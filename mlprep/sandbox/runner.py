"""Running a submission on one input, without grading (`mlprep drill SLUG --run`): LeetCode's "Run".

`run(drill, path, text)` calls one entry point of the user's file and of the reference on the same
arguments and returns both results (or errors) and what the user's code printed. Nothing is recorded:
no attempt, no review, no hint.

Isolation is the grading's: the user's file runs in the same worker process (`mlprep.sandbox.worker`:
memory, CPU and file-size limits, the drill's forbidden imports, output captured), driven through the
same `plugin.Worker` with the drill's time limit. The input is user text too, so it is never evaluated
here: it is written into a small module (`make_arguments()`, with `np` imported) that runs in a worker of
its own, under the same limits, and only its plain-data result (arrays, numbers, lists...) comes back
through `wire`. The reference runs in a third worker, so a huge or hostile input cannot stall this process.

The default input is the drill's `example` (drill.yaml), else the first call of its hidden suite
(`mlprep.sandbox.capture`, cached until the suite or the reference changes).
"""

from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from mlprep.errors import DrillError
from mlprep.sandbox import wire

if TYPE_CHECKING:
    from mlprep.drills.catalogue import Drill

INPUT_TIME_LIMIT = 10.0  # seconds to build the arguments from --input
VALUE_CHARS = 2000       # a printed result longer than this is cut


@dataclass
class Call:
    """What to run: an entry point and the source text of its arguments (or arguments already built)."""

    function: str
    arguments: str = ""  # Python source of the argument list, e.g. "X, k=2" (evaluated in a worker)
    built: tuple[list, dict] | None = None  # (args, kwargs) as plain data, when they come from the hidden suite
    source: str = "input"  # "input" (--input), "example" (drill.yaml) or "hidden" (the suite's first case)


@dataclass
class Side:
    ok: bool
    text: str = ""   # the value, printed (or the error)
    value: Any = None
    output: str = ""  # what the code printed
    seconds: float = 0.0
    note: str = ""   # e.g. "it changed its input in place"


@dataclass
class RunResult:
    call: Call
    described: str  # the call with its argument values, e.g. "knn_predict(X_train=[[0. 0.] ...], k=3)"
    yours: Side
    reference: Side
    same: bool | None = None  # both returned and the values agree (not a grade: one input only)
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------- parsing what to run

def parse_call(drill: Drill, text: str, what: str = "--input") -> Call:
    """`X=np.array([[1, 2]]), k=2` (arguments of the first entry point) or `name(...)` for any entry point.

    Only parsed here (never evaluated): the text must be a valid argument list."""
    names = [e.name for e in drill.entry_points]
    text = (text or "").strip()
    if not text:
        raise DrillError(f"{what}: empty; give the arguments, e.g. {what} \"{_signature_args(drill)}\".")
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        tree = None
    if tree is not None and isinstance(tree.body, ast.Call) and isinstance(tree.body.func, ast.Name) \
            and tree.body.func.id in names:
        func = tree.body.func
        inner = text[_offset(text, func.end_lineno, func.end_col_offset):].strip()
        return Call(func.id, inner[1:-1].strip() if inner.startswith("(") and inner.endswith(")") else inner)
    try:
        ast.parse(f"_f({text})", mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        msg = getattr(exc, "msg", None) or type(exc).__name__
        raise DrillError(f"{what} {text!r} is not a Python argument list ({msg}). Write it as in a call, e.g. "
                         f"{what} \"{_signature_args(drill)}\" (NumPy is available as np).") from None
    return Call(names[0], text)


def _offset(text: str, line: int | None, col: int | None) -> int:
    lines = text.splitlines(keepends=True)
    return sum(len(x) for x in lines[:(line or 1) - 1]) + (col or 0)


def _parameter_names(drill: Drill, function: str) -> list[str]:
    """The positional parameter names in an entry point's signature (drill.yaml), for showing a call."""
    sig = next((e.signature for e in drill.entry_points if e.name == function), "")
    head = sig.split("->")[0].strip()
    try:
        fn = ast.parse(f"def {head}: pass").body[0]
    except (SyntaxError, ValueError, IndexError):
        return []
    assert isinstance(fn, ast.FunctionDef)
    return [a.arg for a in fn.args.posonlyargs + fn.args.args]


def _signature_args(drill: Drill) -> str:
    sig = drill.entry_points[0].signature
    inside = sig[sig.find("(") + 1:sig.rfind(")")] if "(" in sig else ""
    return inside or "..."


def example_call(drill: Drill) -> Call:
    """The drill's example: `example` in drill.yaml, else the first call of its hidden suite."""
    text = getattr(drill, "example", "") or ""
    if text:
        call = parse_call(drill, text, what="example")
        call.source = "example"
        return call
    return _hidden_example(drill)


def _hidden_example(drill: Drill) -> Call:
    from mlprep import paths

    key = hashlib.sha1(drill.tests.read_bytes() + b"\0" + drill.solution.read_bytes()).hexdigest()[:20]
    cache = paths.cache_dir() / f"example-{drill.slug}-{key}.pickle"
    data = None
    try:
        data = cache.read_bytes()
    except OSError:
        pass
    if not data:
        data = _capture(drill)
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(data)
        except OSError:
            pass
    try:
        name, args, kwargs = wire.decode(wire.safe_loads(data))
    except Exception:  # noqa: BLE001 - a stale or broken cache: capture again
        name, args, kwargs = wire.decode(wire.safe_loads(_capture(drill)))
    return Call(name, built=(list(args), dict(kwargs)), source="hidden")


def _capture(drill: Drill) -> bytes:
    from mlprep.sandbox.grader import pytest_command

    with tempfile.TemporaryDirectory(prefix="mlprep-example-") as tmp:
        out = Path(tmp) / "example.pickle"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "MLPREP_DRILL_"))}
        pkg_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = pkg_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env.update({"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONDONTWRITEBYTECODE": "1",
                    "MLPREP_CAPTURE_REFERENCE": str(drill.solution), "MLPREP_CAPTURE_OUT": str(out),
                    "MLPREP_CAPTURE_NAMES": ",".join(e.name for e in drill.entry_points)})
        cmd = pytest_command(drill.tests, Path(tmp))
        cmd[cmd.index("mlprep.sandbox.plugin")] = "mlprep.sandbox.capture"
        try:
            subprocess.run([*cmd, "-x"], cwd=tmp, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=60)
        except subprocess.TimeoutExpired:
            pass
        try:
            data = out.read_bytes()
        except OSError:
            data = b""
    if not data:
        raise DrillError(f"{drill.slug} has no example to run; give your own input, e.g. "
                         f"`--input \"{_signature_args(drill)}\"`.")
    return data


# ---------------------------------------------------------------------- running

INPUT_MODULE = '''\
import numpy as np
{pandas}

def _pack(*args, **kwargs):
    return list(args), kwargs


def make_arguments():
    return _pack({arguments})
'''


class _Object:
    """An object the user's code returned (it stays in its worker)."""

    def __init__(self, oid: int, type_name: str):
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"


def _worker(drill: Drill, submission: Path, time_limit: float) -> Any:
    from mlprep.sandbox.plugin import Worker

    cfg = SimpleNamespace(submission=str(submission.resolve()), time_limit=float(time_limit),
                          memory_mb=drill.memory_mb, forbidden=",".join(drill.forbidden_imports),
                          allow_mutation=drill.allow_input_mutation, supervisor=None)
    worker = Worker(cfg)  # type: ignore[arg-type]
    worker.start()
    return worker


def _close(worker: Any) -> None:
    worker.kill()
    worker.remove_capture()


def _failure(exc: BaseException) -> str:
    detail = getattr(exc, "mlprep_detail", None)
    if detail is not None:
        exc = detail
    if isinstance(exc, NotImplementedError):
        return "not implemented yet (the function still raises NotImplementedError)"
    where = getattr(exc, "where", "")
    text = str(exc)
    return text + (f"\n{where}" if where else "")


def _call(worker: Any, name: str, args: list, kwargs: dict, check_mutation: bool) -> Side:
    import time

    try:
        worker._ensure_ready()
        if name not in worker.names:
            return Side(False, f"your file does not define `{name}`; keep the names from the starter file.")
        started = time.monotonic()
        sent = (wire.encode(tuple(args)), wire.encode(kwargs))
        reply = worker.request(("call", ("attr", name), sent[0], sent[1], check_mutation), "running it")
        seconds = time.monotonic() - started
    except Exception as exc:  # noqa: BLE001 - every failure of the code run is shown, not raised
        return Side(False, _failure(exc), output=worker.output_since_last())
    from mlprep.sandbox.plugin import _mutated

    _, value, reported = reply
    # The same trusted-side comparison grading uses: what was sent against what came back.
    mutated = _mutated(sent, reported) if check_mutation and isinstance(reported, tuple) and len(reported) == 3 else []
    value = wire.decode(value, _Object)
    side = Side(True, format_value(value), value, worker.output_since_last(), seconds)
    if mutated:
        names = ", ".join(f"argument {m + 1}" if isinstance(m, int) else f"`{m}`" for m in mutated)
        side.note = f"it changed its input ({names}) in place; grading fails that, work on a copy"
    return side


def build_arguments(drill: Drill, call: Call) -> tuple[list, dict]:
    """Evaluate the argument text in a sandboxed worker; only plain data comes back."""
    if call.built is not None:
        return call.built
    uses_pandas = "pd." in call.arguments and "pandas" not in drill.forbidden_imports
    source = INPUT_MODULE.format(arguments=call.arguments, pandas="import pandas as pd" if uses_pandas else "")
    with tempfile.TemporaryDirectory(prefix="mlprep-run-") as tmp:
        module = Path(tmp) / "run_input.py"
        module.write_text(source, encoding="utf-8")
        worker = _worker(drill, module, INPUT_TIME_LIMIT)
        try:
            worker._ensure_ready()
            reply = worker.request(("call", ("attr", "make_arguments"), wire.encode(()), wire.encode({}), False),
                                   "building the input")
        except Exception as exc:  # noqa: BLE001
            reason = _failure(exc).split("\n")[0]  # the trace would show the generated module, not the input
            raise DrillError(f"the input {call.arguments!r} could not be built: {reason}") from None
        finally:
            _close(worker)
    try:
        args, kwargs = wire.decode(reply[1])
    except wire.WireError:
        raise DrillError(f"the input {call.arguments!r} must be made of numbers, strings, lists, tuples, dicts, "
                         "NumPy arrays or pandas objects.") from None
    return list(args), dict(kwargs)


def run(drill: Drill, path: Path, call: Call) -> RunResult:
    """Run `call` on the user's file and on the reference; record nothing."""
    from mlprep.drillkit import describe_call
    from mlprep.sandbox.grader import _syntax, forbidden_imports

    path = Path(path).expanduser()
    if not path.is_file():
        raise DrillError(f"{path}: no such file. Run `mlprep drill {drill.slug}` to create it.")
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DrillError(f"cannot read {path}: {exc}") from None
    args, kwargs = build_arguments(drill, call)
    names = _parameter_names(drill, call.function)
    if len(args) <= len(names) and not set(names[:len(args)]) & set(kwargs):  # show positional ones by name
        described = describe_call(call.function, (), {**dict(zip(names, args)), **kwargs})
    else:
        described = describe_call(call.function, tuple(args), kwargs)
    yours: Side | None = None  # set when the file cannot even be run
    static = _syntax(source, path)
    if static is not None:
        yours = Side(False, static.headline + (f"\n{static.detail}" if static.detail else ""))
    else:
        bad = forbidden_imports(source, drill.forbidden_imports)
        if bad:
            line, module = bad[0]
            yours = Side(False, f"line {line} imports `{module}`, which this drill forbids: implement it from "
                                "scratch with NumPy.")
    check_mutation = not drill.allow_input_mutation
    user = _worker(drill, path, drill.time_limit) if yours is None else None
    ref = _worker(drill, drill.solution, drill.time_limit)
    try:
        if user is not None:
            yours = _call(user, call.function, args, kwargs, check_mutation)
        reference = _call(ref, call.function, args, kwargs, False)
        assert yours is not None
    finally:
        for w in (user, ref):
            if w is not None:
                _close(w)
    result = RunResult(call, described, yours, reference)
    if yours.ok and reference.ok:
        result.same = values_agree(yours.value, reference.value)
    return result


# ---------------------------------------------------------------------- showing values

def format_value(value: Any) -> str:
    import numpy as np

    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, np.ndarray):
        with np.printoptions(precision=6, threshold=200, linewidth=76, edgeitems=4):
            text = f"array(shape={value.shape}, dtype={value.dtype})\n{value}" if value.ndim > 1 or value.size > 12 \
                else np.array2string(value, separator=", ")
    else:
        with np.printoptions(precision=6, threshold=200, linewidth=76, edgeitems=4):
            text = repr(value)
    return text if len(text) <= VALUE_CHARS else text[:VALUE_CHARS - 1] + "…"


def values_agree(a: Any, b: Any) -> bool:
    """Whether two results agree (arrays within a small tolerance). Not a grade: one input only."""
    import numpy as np

    try:
        if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
            return len(a) == len(b) and all(values_agree(x, y) for x, y in zip(a, b))
        if isinstance(a, dict) and isinstance(b, dict):
            return a.keys() == b.keys() and all(values_agree(a[k], b[k]) for k in a)
        if hasattr(a, "equals") and type(a).__module__.startswith("pandas"):
            return bool(a.equals(b))
        x, y = np.asarray(a), np.asarray(b)
        if x.shape != y.shape:
            return False
        if x.dtype.kind in "biufc" and y.dtype.kind in "biufc":
            return bool(np.allclose(x, y, rtol=1e-6, atol=1e-9, equal_nan=True))
        return bool(np.array_equal(x, y))
    except Exception:  # noqa: BLE001
        return False
