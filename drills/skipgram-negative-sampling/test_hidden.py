"""Hidden tests for `sgns_step`. Both updated matrices and the loss are compared with the reference
with rtol=1e-9, atol=1e-12; the update is also checked against central finite differences of the
loss (rtol=1e-5)."""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
W_IN = np.array([[0.5, -0.2], [0.1, 0.3], [0.0, 0.4]])
W_OUT = np.array([[0.2, 0.1], [-0.3, 0.6], [0.4, -0.5]])


def run(solution, reference, W_in, W_out, center, context, negatives, lr):
    exp = reference.sgns_step(np.copy(W_in), np.copy(W_out), center, context, np.copy(negatives), lr)
    got = call(solution.sgns_step, W_in, W_out, center, context, negatives, lr)
    if got is None:
        fail("returned None. Did you forget a `return` statement?")
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        fail(f"returned a {type(got).__name__}; return a triple (W_in_new, W_out_new, loss).", got=got)
    assert_close(got[0], exp[0], rtol=RTOL, atol=ATOL, what="W_in_new")
    assert_close(got[1], exp[1], rtol=RTOL, atol=ATOL, what="W_out_new")
    assert_close(got[2], exp[2], rtol=RTOL, atol=ATOL, what="the loss", scalar=True)
    return np.asarray(got[0], float), np.asarray(got[1], float), float(np.asarray(got[2], float).ravel()[0])


def loss_fn(W_in, W_out, center, context, negatives):
    v = W_in[center]
    return np.logaddexp(0, -(W_out[context] @ v)) + sum(np.logaddexp(0, W_out[k] @ v) for k in negatives)


def numeric_grad(W_in, W_out, center, context, negatives, eps=1e-6):
    g_in, g_out = np.zeros_like(W_in), np.zeros_like(W_out)
    for W, G in ((W_in, g_in), (W_out, g_out)):
        for idx in np.ndindex(W.shape):
            old = W[idx]
            W[idx] = old + eps
            up = loss_fn(W_in, W_out, center, context, negatives)
            W[idx] = old - eps
            down = loss_fn(W_in, W_out, center, context, negatives)
            W[idx] = old
            G[idx] = (up - down) / (2 * eps)
    return g_in, g_out


def random_case(rng, V, d, k, scale=0.5):
    W_in, W_out = rng.normal(0, scale, (V, d)), rng.normal(0, scale, (V, d))
    center, context = (int(x) for x in rng.integers(0, V, size=2))
    return W_in, W_out, center, context, rng.integers(0, V, size=k)


def test_worked_example(solution, reference):
    """The example from the task: negatives [2, 2], loss 2.54594, row 2 updated twice."""
    run(solution, reference, W_IN, W_OUT, 0, 1, np.array([2, 2]), 0.1)


def test_duplicate_negatives_accumulate(solution, reference):
    """A negative drawn three times moves three times as far as one drawn once (np.add.at)."""
    rng = np.random.default_rng(1)
    W_in, W_out, _, _, _ = random_case(rng, 6, 4, 0)
    _, new_out, _ = run(solution, reference, W_in, W_out, 0, 1, np.array([3, 3, 3, 4]), 0.2)
    step3, step4 = W_out[3] - new_out[3], W_out[4] - new_out[4]
    if not np.isclose(np.linalg.norm(step3) / np.linalg.norm(step4),
                      3 * abs(1 / (1 + np.exp(-(W_out[3] @ W_in[0])))) / abs(1 / (1 + np.exp(-(W_out[4] @ W_in[0])))),
                      rtol=1e-6):
        fail("the row of a negative drawn 3 times did not receive 3 accumulated updates.")


def test_context_also_drawn_as_negative(solution, reference):
    """When the context word is also a negative sample, its row gets both updates."""
    rng = np.random.default_rng(2)
    W_in, W_out, _, _, _ = random_case(rng, 5, 3, 0)
    run(solution, reference, W_in, W_out, 2, 1, np.array([1, 4, 1]), 0.05)


@pytest.mark.parametrize("seed", range(3))
def test_update_matches_finite_differences(solution, reference, seed):
    """(W - W_new) / lr equals the numerical gradient of the loss (central differences)."""
    rng = np.random.default_rng(10 + seed)
    W_in, W_out, center, context, negatives = random_case(rng, 5, 3, 4, 0.8)
    lr = 0.01
    new_in, new_out, _ = run(solution, reference, W_in, W_out, center, context, negatives, lr)
    g_in, g_out = numeric_grad(W_in.copy(), W_out.copy(), center, context, negatives)
    assert_close((W_in - new_in) / lr, g_in, rtol=1e-5, atol=1e-7, what="(W_in - W_in_new) / lr vs finite differences")
    assert_close((W_out - new_out) / lr, g_out, rtol=1e-5, atol=1e-7,
                 what="(W_out - W_out_new) / lr vs finite differences")


def test_loss_is_before_the_update(solution, reference):
    """The returned loss is evaluated at the parameters passed in."""
    rng = np.random.default_rng(3)
    W_in, W_out, center, context, negatives = random_case(rng, 7, 5, 5, 1.0)
    _, _, loss = run(solution, reference, W_in, W_out, center, context, negatives, 0.5)
    if not np.isclose(loss, loss_fn(W_in, W_out, center, context, negatives), rtol=1e-9):
        fail("the loss must be computed before the update.")


def test_no_negatives(solution, reference):
    """k = 0: only the positive pair contributes."""
    rng = np.random.default_rng(4)
    W_in, W_out, _, _, _ = random_case(rng, 4, 3, 0)
    run(solution, reference, W_in, W_out, 1, 2, np.array([], dtype=int), 0.1)


def test_only_the_touched_rows_change(solution, reference):
    """W_in changes only in row center; W_out only in rows context and negatives."""
    rng = np.random.default_rng(5)
    W_in, W_out, _, _, _ = random_case(rng, 8, 3, 0)
    new_in, new_out, _ = run(solution, reference, W_in, W_out, 6, 0, np.array([2, 5]), 0.3)
    if np.any(new_in[[0, 1, 2, 3, 4, 5, 7]] != W_in[[0, 1, 2, 3, 4, 5, 7]]) or \
            np.any(new_out[[1, 3, 4, 6, 7]] != W_out[[1, 3, 4, 6, 7]]):
        fail("rows that take no part in the step must not change.")


def test_center_equals_context_index(solution, reference):
    """center == context is fine: W_in and W_out are different matrices."""
    rng = np.random.default_rng(6)
    W_in, W_out, _, _, _ = random_case(rng, 4, 2, 0)
    run(solution, reference, W_in, W_out, 3, 3, np.array([0, 1]), 0.1)


def test_large_scores_stay_finite(solution, reference):
    """Scores near ±1000 give a finite loss (≈ 1000 per badly classified pair) and finite updates."""
    W_in = np.array([[30.0, 30.0], [0.0, 1.0]])
    W_out = np.array([[-20.0, -17.0], [15.0, 18.0], [0.5, 0.5]])
    run(solution, reference, W_in, W_out, 0, 0, np.array([1, 2]), 0.01)


@pytest.mark.parametrize("seed", range(5))
def test_random_steps(solution, reference, seed):
    """Seeded random embeddings of several sizes and scales, repeated negatives."""
    rng = np.random.default_rng(100 + seed)
    V, d, k = int(rng.integers(2, 30)), int(rng.integers(1, 20)), int(rng.integers(0, 15))
    W_in, W_out, center, context, negatives = random_case(rng, V, d, k, float(rng.uniform(0.05, 3)))
    run(solution, reference, W_in, W_out, center, context, negatives, float(rng.uniform(0.001, 1.0)))


def test_list_inputs(solution, reference):
    """Plain lists for the matrices and the negatives are accepted."""
    run(solution, reference, W_IN.tolist(), W_OUT.tolist(), 2, 0, [1, 2, 1], 0.5)


def test_inputs_are_not_modified(solution, reference):
    """W_in, W_out and negatives are unchanged (checked by the grader on every call)."""
    run(solution, reference, W_IN, W_OUT, 1, 2, np.array([0, 0]), 0.1)


def speed_case():
    rng = np.random.default_rng(0)
    W_in, W_out = rng.normal(0, 0.1, (300, 32)), rng.normal(0, 0.1, (300, 32))
    return {"function": "sgns_step", "args": (W_in, W_out, 3, 7, rng.integers(0, 300, size=50_000), 0.05)}
