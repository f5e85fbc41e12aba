"""Hidden tests for `merge_orders`, graded against a pandas reference (aggregate, LEFT join, sort).

The result must have the columns of `customers` followed by n_orders and total, one row per
customer sorted by customer_id. The index is not checked. Cells are compared by position:
numbers with RTOL=1e-9, ATOL=1e-9 whatever their dtype, text exactly, missing equal to missing.
"""

import numpy as np
import pandas as pd
import pytest

from mlprep.drillkit import GradingFailure, call, fail
from mlprep.drillkit_pandas import assert_frame, short_labels, with_input

RTOL, ATOL = 1e-9, 1e-9


def check(solution, reference, customers, orders):
    expected = reference.merge_orders(customers.copy(), orders.copy())
    got = call(solution.merge_orders, customers, orders)
    try:
        if isinstance(got, pd.DataFrame) and "customer_id" in got.columns and len(got) != len(expected):
            ids = got["customer_id"].tolist()
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            lost = [i for i in expected["customer_id"] if i not in ids]
            extra = sorted({i for i in ids if i not in expected["customer_id"].tolist()})
            why = (f"customer(s) {repeated} appear more than once" if repeated else
                   f"customer(s) {lost} are missing" if lost else f"unknown customer(s) {extra} were added")
            fail(f"expected one row per customer ({len(expected)} rows), got {len(got)} rows: {why}.",
                 expected=expected, got=got)
        if isinstance(got, pd.DataFrame) and "customer_id" in got.columns and len(got) == len(expected):
            ids, want = got["customer_id"].tolist(), expected["customer_id"].tolist()
            if sorted(ids) == want and ids != want:
                fail(f"expected the rows sorted by customer_id {short_labels(want)}, got them in the order {short_labels(ids)}.",
                     expected=expected, got=got)
        assert_frame(got, expected, index="ignore", row_label="customer_id")
    except GradingFailure as exc:
        raise with_input(exc, customers=customers, orders=orders) from None


def orders_frame(customer_ids, amounts, first_id=100):
    return pd.DataFrame({"order_id": np.arange(first_id, first_id + len(customer_ids)),
                         "customer_id": np.asarray(customer_ids, dtype=np.int64),
                         "amount": np.asarray(amounts, dtype=float)})


def random_tables(rng, n_customers, n_orders):
    ids = rng.choice(np.arange(1, 5 * n_customers + 5), n_customers, replace=False)
    customers = pd.DataFrame({
        "customer_id": ids,
        "name": [f"c{i}" for i in ids],
        "city": pd.Series(rng.choice(["oslo", "rome", "lima"], n_customers)).mask(rng.random(n_customers) < 0.2),
        "age": pd.Series(rng.integers(18, 80, n_customers) * 1.0).mask(rng.random(n_customers) < 0.2),
    }).set_axis(rng.permutation(n_customers) + 1000, axis=0)
    pool = np.concatenate([ids, [999_001, 999_002]])  # a few orders of unknown customers
    buyers = rng.choice(pool, n_orders)
    amounts = rng.choice([-10.0, 5.0, 12.5, 40.0, 99.99], n_orders)
    return customers, orders_frame(buyers, amounts).sample(frac=1.0, random_state=int(rng.integers(1000)))


def test_worked_example(solution, reference):
    """The example from the task."""
    customers = pd.DataFrame({"customer_id": [3, 1, 2], "name": ["Cy", "Ann", "Bob"]})
    orders = pd.DataFrame({"order_id": [10, 11, 12, 13], "customer_id": [1, 3, 1, 9],
                           "amount": [20.0, 5.5, 30.0, 99.0]})
    check(solution, reference, customers, orders)


def test_customer_without_orders_is_kept(solution, reference):
    """A customer who never ordered is in the result with n_orders 0 and total 0.0."""
    customers = pd.DataFrame({"customer_id": [1, 2], "name": ["ann", "bob"]})
    check(solution, reference, customers, orders_frame([1, 1], [3.0, 4.0]))


def test_no_order_is_zero_not_one(solution, reference):
    """n_orders counts orders, not joined rows: no order is 0, not 1."""
    customers = pd.DataFrame({"customer_id": [5, 6, 7], "name": ["e", "f", "g"]})
    check(solution, reference, customers, orders_frame([6], [10.0]))


def test_many_orders_one_row(solution, reference):
    """A customer with several orders appears once, with the count and the sum."""
    customers = pd.DataFrame({"customer_id": [1, 2], "name": ["ann", "bob"]})
    check(solution, reference, customers, orders_frame([2, 2, 2, 1, 2], [1.5, 2.5, 3.0, 7.0, -1.0]))


def test_orders_of_unknown_customers_are_ignored(solution, reference):
    """Orders naming a customer_id that is not a customer add no row."""
    customers = pd.DataFrame({"customer_id": [1, 2], "name": ["ann", "bob"]})
    check(solution, reference, customers, orders_frame([1, 42, 42, 2, 77], [1.0, 2.0, 3.0, 4.0, 5.0]))


def test_sorted_by_customer_id(solution, reference):
    """Rows are sorted by customer_id, whatever the order of the customers table."""
    customers = pd.DataFrame({"customer_id": [30, 4, 100, 12], "name": ["w", "x", "y", "z"]})
    check(solution, reference, customers, orders_frame([12, 30, 30, 4], [5.0, 6.0, 7.0, 8.0]))


def test_customer_columns_untouched(solution, reference):
    """The customers' own columns keep their order and their missing values."""
    customers = pd.DataFrame({"name": ["ann", "bob", "cy"], "customer_id": [2, 1, 3],
                              "city": ["oslo", None, "rome"], "age": [30.0, np.nan, 41.0]})
    check(solution, reference, customers, orders_frame([3, 3, 2], [9.0, 1.0, 2.0]))


def test_no_orders_at_all(solution, reference):
    """An empty orders table: everyone has 0 orders and a total of 0.0."""
    customers = pd.DataFrame({"customer_id": [2, 1], "name": ["bob", "ann"]})
    check(solution, reference, customers, orders_frame([], []))


def test_refunds_are_summed(solution, reference):
    """Negative amounts (refunds) count as orders and are summed as they are."""
    customers = pd.DataFrame({"customer_id": [1, 2], "name": ["ann", "bob"]})
    check(solution, reference, customers, orders_frame([1, 1, 2], [50.0, -50.0, -5.0]))


def test_single_customer(solution, reference):
    """One customer, with orders."""
    check(solution, reference, pd.DataFrame({"customer_id": [7], "name": ["solo"]}),
          orders_frame([7, 7, 7], [1.0, 2.0, 3.0]))


def test_inputs_not_modified(solution, reference):
    """customers and orders are left untouched (no new columns written into them)."""
    customers = pd.DataFrame({"customer_id": [1, 2, 3], "name": ["a", "b", "c"]})
    check(solution, reference, customers, orders_frame([1, 3, 3], [1.0, 2.0, 4.0]))


@pytest.mark.parametrize("seed", range(5))
def test_random_tables(solution, reference, seed):
    """Seeded random tables: shuffled customers with gaps in their ids, orders of unknown customers."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 40))
    check(solution, reference, *random_tables(rng, n, int(rng.integers(0, 3 * n + 2))))


def speed_case():
    rng = np.random.default_rng(0)
    customers, orders = random_tables(rng, 2_000, 20_000)
    return {"function": "merge_orders", "args": (customers, orders)}
