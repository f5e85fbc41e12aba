"""Merge two tables with pandas."""

import numpy as np
import pandas as pd


def merge_orders(customers, orders):
    """Number of orders and total amount for every customer (a LEFT join).

    customers: DataFrame with a unique integer `customer_id` and other columns.
    orders: DataFrame with `order_id`, `customer_id`, `amount`.
    Returns the columns of customers plus `n_orders` (0 if none) and `total` (0.0 if none), one row
    per customer, sorted by customer_id. Neither input is modified.
    """
    # TODO: aggregate the orders per customer_id (count and sum of amount)
    # TODO: LEFT-join the aggregates to the customers so that every customer is kept
    # TODO: customers without orders: 0 orders, total 0.0; then sort by customer_id
    raise NotImplementedError
