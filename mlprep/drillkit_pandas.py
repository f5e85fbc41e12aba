"""DataFrame comparison for hidden suites of pandas drills (imported only by those suites).

`assert_frame(got, expected)` checks, in order: a DataFrame was returned, the column names and their
order, the number of rows (naming missing or extra labels), the index (`index="exact"`,
`"exact-or-range"` or `"ignore"`), then every cell (numbers within `atol + rtol*|expected|` whatever
their dtype, NaN equal to NaN), and fails with a sentence naming the first differing cell.
`with_input(exc, df=...)` appends small input frames to a failure so the case can be rerun.
"""

import numpy as np
import pandas as pd

from mlprep.drillkit import fail


def _cell(value):
    """A cell as it reads in a message: numbers compactly, strings quoted, missing as NaN."""
    if _is_missing(value):
        return "NaN"
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    return repr(value.item() if isinstance(value, np.generic) else value)


def _is_missing(value):
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # array-like cells are never "missing"
        return False


def _is_number(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _cells_differ(got, expected, rtol, atol):
    """Element-wise: True where two object arrays differ (numbers within rtol/atol, NaN == NaN)."""
    out = np.zeros(len(expected), dtype=bool)
    for i, (g, e) in enumerate(zip(got, expected)):
        g_na, e_na = _is_missing(g), _is_missing(e)
        if g_na or e_na:
            out[i] = g_na != e_na
        elif _is_number(e) and _is_number(g):
            out[i] = not abs(float(g) - float(e)) <= atol + rtol * abs(float(e))
        else:
            out[i] = isinstance(g, str) != isinstance(e, str) or bool(g != e)
    return out


def _labels(index):
    return [v.item() if isinstance(v, np.generic) else v for v in index]


def assert_frame(got, expected, *, index="exact", row_label=None, rtol=1e-9, atol=1e-9):
    """Compare a returned DataFrame with the reference's, cell by cell, failing with a sentence.

    Column names and their order must match; values are compared by position (numbers within
    rtol/atol whatever their dtype, NaN equal to NaN). `index`: "exact" (same labels, same order),
    "exact-or-range" (the reference's labels, or a fresh 0..n-1 index), "ignore". `row_label`: a
    column whose expected value names the row in messages (useful when the index is ignored).
    """
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if isinstance(got, pd.Series):
        fail(f"returned a Series; return a DataFrame with the columns {list(expected.columns)}.", got=got)
    if not isinstance(got, pd.DataFrame):
        fail(f"returned a {type(got).__name__}; return a pandas DataFrame.", got=got)
    exp_cols, got_cols = _labels(expected.columns), _labels(got.columns)
    if got_cols != exp_cols:
        missing = [c for c in exp_cols if c not in got_cols]
        extra = [c for c in got_cols if c not in exp_cols]
        if missing or extra or len(got_cols) != len(exp_cols):
            detail = "; ".join(part for part in (f"missing {missing}" if missing else "",
                                                 f"unexpected {extra}" if extra else "") if part)
            fail(f"expected the columns {exp_cols}, got {got_cols}" + (f" ({detail})." if detail else
                 " (a column appears twice)."), expected=expected, got=got)
        fail(f"expected the columns in the order {exp_cols}, got them in the order {got_cols}.",
             expected=expected, got=got)
    exp_idx, got_idx = _labels(expected.index), _labels(got.index)
    if len(got) != len(expected):
        detail = ""
        if index == "exact":
            missing = [v for v in exp_idx if v not in got_idx]
            extra = [v for v in got_idx if v not in exp_idx]
            parts = ([f"no row labelled {short_labels(missing, 4)}"] if missing else []) + (
                [f"unexpected rows labelled {short_labels(extra, 4)}"] if extra else [])
            detail = f" ({'; '.join(parts)})" if parts else " (some labels appear more than once)"
        fail(f"expected {len(expected)} rows, got {len(got)}{detail}.", expected=expected, got=got)
    if index != "ignore" and got_idx != exp_idx and not (
            index == "exact-or-range" and got_idx == list(range(len(got)))):
        i = next(i for i, (g, e) in enumerate(zip(got_idx, exp_idx)) if g != e)
        fail(f"expected the row at position {i} to have the index label {_cell(exp_idx[i])}, got "
             f"{_cell(got_idx[i])} (expected index {short_labels(exp_idx)}, got {short_labels(got_idx)}).",
             expected=expected, got=got)
    if not len(expected) or not exp_cols:
        return
    diff = np.column_stack([_cells_differ(got.iloc[:, j].to_numpy(dtype=object),
                                          expected.iloc[:, j].to_numpy(dtype=object), rtol, atol)
                            for j in range(len(exp_cols))])
    if diff.any():
        i, j = (int(v) for v in np.argwhere(diff)[0])
        label = (f" ({row_label} {_cell(expected[row_label].iat[i])})" if row_label is not None else
                 "" if index == "ignore" else f" (index {_cell(exp_idx[i])})")
        fail(f"at row {i}{label}, column {exp_cols[j]!r}: expected {_cell(expected.iat[i, j])}, got "
             f"{_cell(got.iat[i, j])} ({int(diff.sum())} differing cell(s) in all).", expected=expected, got=got)


def short_labels(labels, n=8):
    text = ", ".join(_cell(v) for v in labels[:n])
    return f"[{text}{', ...' if len(labels) > n else ''}]"


def with_input(exc, **frames):
    """Append the small input DataFrames to a failure message, so that the case can be rerun.

    Frames of up to 12 cells are already written out in the call; frames over 48 cells are too big.
    """
    shown = []
    for name, frame in frames.items():
        if not 12 < frame.size <= 48:
            continue
        data = {col: [_plain(v) for v in frame[col]] for col in frame.columns}
        index = _labels(frame.index)
        extra = "" if index == list(range(len(frame))) else f", index={index}"
        shown.append(f"{name} = pd.DataFrame({data}{extra})")
    if shown:
        exc.args = (f"{exc.args[0]} Input: {'; '.join(shown)}",)
    return exc


def _plain(value):
    if _is_missing(value):
        return None if value is None else np.nan
    return value.item() if isinstance(value, np.generic) else value
