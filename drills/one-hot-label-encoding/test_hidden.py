"""Hidden tests for `label_encode` and `one_hot`. Everything is compared exactly (codes and
classes as values, one-hot matrices with rtol=0, atol=0); classes may come back as an array or
a list, one-hot matrices as float, int or bool 0/1 arrays."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, assert_equal, call, fail, short_repr


def check_encode(solution, reference, values):
    exp_codes, exp_classes = reference.label_encode(values.copy() if hasattr(values, "copy") else values)
    got = call(solution.label_encode, values)
    if got is None:
        fail("returned None. Did you forget a `return` statement? Return a tuple (codes, classes).")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"returned a {type(got).__name__}; return a tuple (codes, classes).", got=got)
    codes, classes = got
    got_classes = np.asarray(classes, dtype=object).tolist()
    exp_list = exp_classes.tolist()
    if np.ndim(classes) != 1 or [_plain(c) for c in got_classes] != exp_list:
        fail(f"expected classes {short_repr(exp_classes)} (the distinct values, sorted), got "
             f"{short_repr(classes)}.", expected=exp_classes, got=classes)
    assert_equal(codes, exp_codes, what="codes")


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def check_one_hot(solution, reference, codes, n_classes=None):
    kwargs = {} if n_classes is None else {"n_classes": n_classes}
    expected = reference.one_hot(np.copy(codes), **kwargs)
    got = call(solution.one_hot, codes, **kwargs)
    assert_close(got, expected, rtol=0.0, atol=0.0, what="the one-hot matrix")


def test_worked_example(solution, reference):
    """The example from the task: colours, then one_hot with and without n_classes."""
    check_encode(solution, reference, ["red", "green", "red", "blue"])
    check_one_hot(solution, reference, np.array([2, 1, 2, 0]))
    check_one_hot(solution, reference, [1, 0], n_classes=4)


def test_strings_sorted_not_first_seen(solution, reference):
    """String classes are sorted alphabetically, whatever order they first appear in."""
    check_encode(solution, reference, ["dog", "cat", "emu", "cat", "ant", "dog", "dog"])


def test_numpy_string_array(solution, reference):
    """A NumPy array of strings works like a list."""
    check_encode(solution, reference, np.array(["b", "a", "c", "a", "b", "b"]))


def test_integers_sorted_numerically(solution, reference):
    """Integer classes are sorted by value (3 < 7 < 10), codes point into the sorted classes."""
    check_encode(solution, reference, np.array([10, 3, 10, 7, 3, 10]))


def test_negative_integers(solution, reference):
    """Negative and non-contiguous integer categories."""
    check_encode(solution, reference, [5, -2, 0, 5, -7, -2])


def test_single_category(solution, reference):
    """One distinct value: classes has one entry, every code is 0."""
    check_encode(solution, reference, ["x", "x", "x"])
    check_encode(solution, reference, [42])


@pytest.mark.parametrize("seed", range(3))
def test_random_categories(solution, reference, seed):
    """Seeded random integer and string categories with unequal frequencies."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 60))
    ints = rng.choice([-3, 0, 4, 11, 25, 100], size=n, p=[0.05, 0.3, 0.1, 0.25, 0.2, 0.1])
    check_encode(solution, reference, ints)
    words = np.array(["zeta", "alpha", "mu", "beta", "omega"])
    check_encode(solution, reference, [str(w) for w in words[rng.integers(0, 5, n)]])


def test_one_hot_default_columns(solution, reference):
    """Without n_classes, the matrix has max(code) + 1 columns."""
    rng = np.random.default_rng(4)
    check_one_hot(solution, reference, rng.integers(0, 6, 25))


def test_one_hot_absent_class_keeps_its_column(solution, reference):
    """Codes [0, 2, 0] need 3 columns even though class 1 never occurs."""
    check_one_hot(solution, reference, np.array([0, 2, 0]))


def test_one_hot_explicit_n_classes(solution, reference):
    """A larger n_classes adds all-zero columns for classes that do not occur."""
    check_one_hot(solution, reference, np.array([0, 1, 1, 0]), n_classes=5)
    check_one_hot(solution, reference, np.array([3, 1]), n_classes=4)


def test_one_hot_single_code(solution, reference):
    """A single code 0 gives [[1]]; a single code 2 gives [[0, 0, 1]]."""
    check_one_hot(solution, reference, np.array([0]))
    check_one_hot(solution, reference, np.array([2]))


def test_one_hot_python_list(solution, reference):
    """A plain list of codes is accepted."""
    check_one_hot(solution, reference, [3, 0, 2, 2, 1])


def test_encode_then_one_hot(solution, reference):
    """Your label_encode followed by your one_hot gives the reference matrix."""
    values = ["low", "high", "medium", "low", "low", "high"]
    exp_codes, exp_classes = reference.label_encode(list(values))
    expected = reference.one_hot(exp_codes, n_classes=len(exp_classes))
    codes, classes = call(solution.label_encode, values)
    got = call(solution.one_hot, np.asarray(codes), n_classes=len(classes))
    assert_close(got, expected, rtol=0.0, atol=0.0, what="the one-hot matrix")


def test_inputs_not_modified(solution, reference):
    """values and codes are left untouched (checked by the grader on every call)."""
    check_encode(solution, reference, np.array([3, 1, 2, 1]))
    check_one_hot(solution, reference, np.array([2, 0, 1]))


def speed_case():
    return {"function": "one_hot", "args": (np.random.default_rng(0).integers(0, 20, 200_000),)}
