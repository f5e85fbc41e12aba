"""The wire format between the grading process and the worker that runs the user's code.

Values cross as pickles of *plain* data only: builtins (None, bool, int, float, complex, str,
bytes, tuple, list, dict, set, frozenset) plus tagged tuples for NumPy arrays and scalars and
pandas objects. The grading side unpickles with `safe_loads`, which refuses every global except a
few harmless builtins, so a hostile submission cannot run code in the grader by crafting a pickle.
Objects that are not plain data stay in the worker and cross as a handle. Dictionary keys must be
plain too: NumPy scalar keys become the equal Python value (`np.float64(1.0)` -> `1.0`, same hash);
any other key type is refused with a `WireError` that names it, so the grader can say precisely why a
value cannot be compared instead of waiting on a reply that never comes.

`FORBIDDEN_EXIT` is the exit status of a worker that tried to import a forbidden package (its audit
hook ends the process); the grading side reads it from the kernel, not from the worker's messages.
"""

from __future__ import annotations

import io
import pickle
import struct
from typing import Any, BinaryIO

_ARRAY, _SCALAR, _FRAME, _SERIES, _INDEX, _MINDEX, _HANDLE, _TUPLE = (
    "__ndarray__", "__npscalar__", "__dataframe__", "__series__", "__index__", "__multiindex__", "__handle__",
    "__tuple__")
_PLAIN = (bool, int, float, complex, str, bytes)
_SAFE_GLOBALS = {("builtins", n) for n in ("complex", "set", "frozenset", "slice", "range", "bytearray")}
MAX_MESSAGE = 1 << 28  # 256 MB: a reply larger than this is refused (the grader would run out of memory)
FORBIDDEN_EXIT = 87     # the worker's exit status after an attempt to import a forbidden package


class WireError(Exception):
    """A message could not be encoded or decoded."""


def encode(value: Any, handles: Any = None) -> Any:
    """Turn a value into plain data. `handles(obj) -> int` registers objects that cannot cross."""
    if value is None or type(value) in _PLAIN:
        return value
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return (_TUPLE, [encode(v, handles) for v in value])
    if isinstance(value, list):
        return [encode(v, handles) for v in value]
    if isinstance(value, dict):
        return {_key(k, value): encode(v, handles) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        try:
            return (frozenset if isinstance(value, frozenset) else set)(encode(v, handles) for v in value)
        except TypeError:
            pass
    mod = type(value).__module__ or ""
    if mod.startswith("numpy"):
        import numpy as np

        if isinstance(value, np.ndarray):
            if value.dtype.kind in "biufcUSmM?":
                arr = np.ascontiguousarray(value)
                return (_ARRAY, arr.dtype.str, list(arr.shape), arr.tobytes())
            return (_ARRAY, "object", list(value.shape), [encode(v, handles) for v in value.ravel().tolist()])
        if isinstance(value, np.generic):
            return (_SCALAR, value.dtype.str, value.tobytes())
    if mod.startswith("pandas"):
        import pandas as pd

        if isinstance(value, pd.DataFrame):
            return (_FRAME, encode(value.index, handles), encode(list(value.columns), handles),
                    [encode(value.iloc[:, i], handles) for i in range(value.shape[1])])
        if isinstance(value, pd.Series):
            return (_SERIES, encode(value.name, handles), str(value.dtype), encode(value.index, handles),
                    encode(_values(value), handles))
        if isinstance(value, pd.MultiIndex):
            return (_MINDEX, encode(list(value.names), handles), encode(list(value), handles))
        if isinstance(value, pd.Index):
            return (_INDEX, encode(value.name, handles), str(value.dtype), encode(_values(value), handles))
    if handles is None:
        raise WireError(f"cannot send a {type(value).__name__}")
    return (_HANDLE, handles(value), type(value).__name__)


def type_name(value: Any) -> str:
    """`float`, `numpy.float64`, `pandas.Timestamp`: how a message names a type."""
    cls = type(value)
    mod = (cls.__module__ or "").split(".")[0]
    return cls.__name__ if mod in ("builtins", "") else f"{mod}.{cls.__name__}"


def _key(k: Any, owner: Any = None) -> Any:
    """A dictionary key as plain data: builtins as they are, NumPy scalars as the equal Python value,
    tuples element by element; anything else cannot be compared across processes."""
    if k is None or type(k) in _PLAIN:
        return k
    if type(k) is tuple:
        return tuple(_key(x, owner) for x in k)
    if (type(k).__module__ or "").startswith("numpy") and getattr(k, "ndim", None) == 0 \
            and hasattr(k, "item"):
        plain = k.item()
        if plain is None or type(plain) in _PLAIN:
            return plain
    what = type_name(owner) if owner is not None else "dict"
    raise WireError(f"a {what} with {type_name(k)} keys, which cannot be sent back for comparison; "
                    "use str, int, float or tuple keys")


def same(a: Any, b: Any) -> bool:
    """Whether two values hold the same data (arrays: shape, dtype and every element, NaN equal to NaN).
    The grading side uses it to tell whether the user's code changed an argument in place."""
    try:
        import numpy as np

        if isinstance(a, np.ndarray):
            return (isinstance(b, np.ndarray) and a.shape == b.shape and a.dtype == b.dtype
                    and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")))
        if hasattr(a, "equals") and type(a).__module__.startswith("pandas"):
            return (type(a) is type(b) and bool(a.equals(b))
                    and list(getattr(a, "columns", [])) == list(getattr(b, "columns", [])))
        if isinstance(a, (list, dict, tuple)):
            if type(a) is not type(b) or len(a) != len(b):
                return False
            if isinstance(a, dict) and isinstance(b, dict):
                return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
            return all(same(x, y) for x, y in zip(a, b))
        if isinstance(a, float) and a != a:
            return isinstance(b, float) and b != b
        return type(a) is type(b) and bool(a == b)
    except Exception:  # values that cannot even be compared are not reported as changed
        return True


def plain_equal(a: Any, b: Any) -> bool:
    """Whether two encoded (plain) values are identical, NaN equal to NaN. Two encodings of the same
    data are equal, so comparing the encoding of what was sent with the encoding of what came back
    tells, exactly and without another decode, whether the receiver changed it."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(plain_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(plain_equal(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    if isinstance(a, complex):
        return plain_equal(a.real, b.real) and plain_equal(a.imag, b.imag)
    return bool(a == b)


def _values(obj: Any) -> Any:
    import numpy as np

    values = obj.to_numpy() if hasattr(obj, "to_numpy") else np.asarray(obj)
    if values.dtype.kind not in "biufcUSmM?":
        values = np.array(values.tolist() if hasattr(values, "tolist") else list(values), dtype=object)
    return values


def decode(value: Any, make_handle: Any = None) -> Any:
    if isinstance(value, list):
        return [decode(v, make_handle) for v in value]
    if isinstance(value, dict):
        return {k: decode(v, make_handle) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return value
    if not (isinstance(value, tuple) and value and isinstance(value[0], str)):
        return value
    tag = value[0]
    if tag == _TUPLE:
        return tuple(decode(v, make_handle) for v in value[1])
    if tag == _ARRAY:
        import numpy as np

        _, dtype, shape, data = value
        if dtype == "object":
            arr = np.empty(len(data), dtype=object)
            for i, v in enumerate(data):
                arr[i] = decode(v, make_handle)
            return arr.reshape(shape)
        return np.frombuffer(bytes(data), dtype=np.dtype(dtype)).reshape(shape).copy()
    if tag == _SCALAR:
        import numpy as np

        return np.frombuffer(bytes(value[2]), dtype=np.dtype(value[1]))[0]
    if tag in (_FRAME, _SERIES, _INDEX, _MINDEX):
        import pandas as pd

        if tag == _MINDEX:
            names, tuples = decode(value[1]), decode(value[2])
            return pd.MultiIndex.from_tuples(tuples, names=names) if tuples else pd.MultiIndex.from_tuples(
                [], names=names)
        if tag == _INDEX:
            _, name, dtype, values = value
            return pd.Index(_as_dtype(decode(values), dtype), name=decode(name))
        if tag == _SERIES:
            _, name, dtype, index, values = value
            return pd.Series(_as_dtype(decode(values), dtype), index=decode(index), name=decode(name))
        _, index, columns, cols = value
        series = [decode(c) for c in cols]
        frame = pd.concat(series, axis=1) if series else pd.DataFrame(index=decode(index))
        frame.columns = pd.Index(decode(columns)) if series else frame.columns
        return frame
    if tag == _HANDLE:
        if make_handle is None:
            raise WireError("unexpected object handle")
        return make_handle(value[1], value[2])
    return tuple(decode(v, make_handle) for v in value)


def _as_dtype(values: Any, dtype: str) -> Any:
    import pandas as pd

    try:
        return pd.array(values, dtype=dtype) if dtype not in ("object",) else values
    except (TypeError, ValueError):
        return values


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _SAFE_GLOBALS:
            import builtins

            return getattr(builtins, name)
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}")


def safe_loads(data: bytes) -> Any:
    return _SafeUnpickler(io.BytesIO(data)).load()


def send(stream: BinaryIO, message: Any) -> None:
    data = pickle.dumps(message, protocol=4)
    if len(data) > MAX_MESSAGE:
        raise WireError(f"a value of {len(data):,} bytes once encoded (more than {MAX_MESSAGE >> 20} MB)")
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def recv(stream: BinaryIO, safe: bool = True) -> Any:
    head = _read_exact(stream, 8)
    (n,) = struct.unpack("!Q", head)
    if n > MAX_MESSAGE:
        raise WireError(f"a message of {n:,} bytes (more than {MAX_MESSAGE >> 20} MB)")
    data = _read_exact(stream, n)
    return safe_loads(data) if safe else pickle.loads(data)


def _read_exact(stream: BinaryIO, n: int) -> bytes:
    chunks = []
    while n:
        chunk = stream.read(n)
        if not chunk:
            raise EOFError("worker closed the channel")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)
