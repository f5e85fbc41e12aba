"""Hidden tests for `mf_sgd_epoch`. Tolerance: rtol=1e-9, atol=1e-12 (a short chain of float64 updates).

The four parameter arrays and the RMSE are compared separately, so a failure names the wrong one.
"""

import numpy as np
import pytest

from mlprep.drillkit import assert_close, call, fail

RTOL, ATOL = 1e-9, 1e-12
NAMES = ("P_new", "Q_new", "b_user_new", "b_item_new")

EXAMPLE = dict(P=np.array([[0.1, 0.2], [0.0, -0.1]]), Q=np.array([[0.3, 0.1], [-0.2, 0.4]]),
               b_user=np.array([0.1, -0.2]), b_item=np.array([0.05, 0.0]), mu=3.5,
               ratings=np.array([[0, 1, 4.0], [1, 0, 3.0]]), lr=0.1, reg=0.02)


def copied(args):
    return {k: (np.copy(v) if isinstance(v, np.ndarray) else v) for k, v in args.items()}


def check(solution, reference, **args):
    expected = reference.mf_sgd_epoch(**copied(args))
    got = call(solution.mf_sgd_epoch, **args)
    if not isinstance(got, (tuple, list)) or len(got) != 5:
        fail("expected a tuple (P_new, Q_new, b_user_new, b_item_new, rmse).", got=got)
    for value, exp, name in zip(got[:4], expected[:4], NAMES):
        assert_close(value, exp, rtol=RTOL, atol=ATOL, what=name)
    assert_close(got[4], expected[4], rtol=RTOL, atol=ATOL, scalar=True, what="rmse")
    return expected


def problem(rng, n_users, n_items, k, n, scale=0.1):
    users = rng.integers(0, n_users, n)
    items = rng.integers(0, n_items, n)
    ratings = np.column_stack([users, items, rng.integers(1, 6, n)]).astype(float)
    return dict(P=rng.normal(0, scale, (n_users, k)), Q=rng.normal(0, scale, (n_items, k)),
                b_user=rng.normal(0, scale, n_users), b_item=rng.normal(0, scale, n_items),
                mu=3.2, ratings=ratings, lr=0.05, reg=0.05)


def test_worked_example(solution, reference):
    """The example from the task: two triples, rmse 0.34."""
    expected = check(solution, reference, **EXAMPLE)
    assert abs(expected[4] - 0.34) < 1e-12


def test_single_triple_by_hand(solution, reference):
    """One rating: every parameter moves by lr times its gradient, with the same error e."""
    args = dict(EXAMPLE, ratings=np.array([[1, 1, 5.0]]), lr=0.3, reg=0.1)
    check(solution, reference, **args)


def test_q_update_uses_old_p(solution, reference):
    """Large factors and learning rate: using the already updated p_u for q_i gives a different Q."""
    args = dict(P=np.array([[1.0, -2.0]]), Q=np.array([[0.5, 1.5]]), b_user=np.zeros(1), b_item=np.zeros(1),
                mu=0.0, ratings=np.array([[0, 0, 4.0]]), lr=0.5, reg=0.0)
    check(solution, reference, **args)


def test_repeated_user_sees_updated_values(solution, reference):
    """The same user rates three items in a row: each step starts from the previous step's values."""
    args = dict(EXAMPLE, ratings=np.array([[0, 0, 5.0], [0, 1, 1.0], [0, 0, 4.0]]), lr=0.2)
    check(solution, reference, **args)


def test_order_matters(solution, reference):
    """The triples are visited in the given order (the reversed order gives other parameters)."""
    rng = np.random.default_rng(2)
    args = problem(rng, 3, 3, 2, 8, scale=0.5)
    args["lr"] = 0.2
    check(solution, reference, **args)
    check(solution, reference, **dict(args, ratings=args["ratings"][::-1].copy()))


def test_regularisation_shrinks_every_parameter(solution, reference):
    """A rating equal to the prediction (e = 0): only the L2 term acts, on biases and factors alike."""
    P, Q = np.array([[0.5, -0.5]]), np.array([[0.2, 0.4]])
    b_u, b_i, mu = np.array([0.3]), np.array([-0.1]), 3.0
    r = mu + b_u[0] + b_i[0] + P[0] @ Q[0]
    args = dict(P=P, Q=Q, b_user=b_u, b_item=b_i, mu=mu, ratings=np.array([[0, 0, r]]), lr=0.1, reg=0.5)
    check(solution, reference, **args)


def test_no_regularisation(solution, reference):
    """reg = 0: plain SGD on the squared error."""
    rng = np.random.default_rng(3)
    check(solution, reference, **dict(problem(rng, 4, 5, 3, 12), reg=0.0))


def test_rmse_uses_errors_before_each_update(solution, reference):
    """A high learning rate: the running RMSE differs from the RMSE of the final parameters."""
    rng = np.random.default_rng(4)
    check(solution, reference, **dict(problem(rng, 2, 2, 2, 6, scale=0.3), lr=0.4))


def test_untouched_users_and_items_keep_their_values(solution, reference):
    """Users and items without ratings in the epoch keep their parameters (a copy is returned)."""
    rng = np.random.default_rng(5)
    args = problem(rng, 6, 7, 3, 4)
    args["ratings"] = np.array([[0, 1, 3.0], [2, 1, 5.0], [0, 4, 1.0], [2, 4, 2.0]])
    check(solution, reference, **args)


@pytest.mark.parametrize("seed", range(5))
def test_random_epochs(solution, reference, seed):
    """Seeded problems of several sizes, ranks, learning rates and penalties."""
    rng = np.random.default_rng(10 + seed)
    args = problem(rng, int(rng.integers(1, 20)), int(rng.integers(1, 20)), int(rng.integers(1, 6)),
                   int(rng.integers(1, 80)))
    args["lr"], args["reg"] = float(rng.uniform(0.005, 0.1)), float(rng.uniform(0.0, 0.2))
    check(solution, reference, **args)


def test_list_of_triples(solution, reference):
    """Ratings given as a list of (user, item, rating) tuples with int ids."""
    check(solution, reference, **dict(EXAMPLE, ratings=[(0, 1, 4.0), (1, 0, 3.0), (0, 0, 2.0)]))


def test_inputs_not_modified(solution, reference):
    """P, Q and the biases are returned as new arrays; the caller's arrays are unchanged."""
    rng = np.random.default_rng(6)
    check(solution, reference, **problem(rng, 3, 4, 2, 10))


def test_a_thousand_ratings(solution, reference):
    """A longer epoch (1,000 ratings, rank 8) stays accurate."""
    rng = np.random.default_rng(7)
    check(solution, reference, **problem(rng, 50, 40, 8, 1000))
