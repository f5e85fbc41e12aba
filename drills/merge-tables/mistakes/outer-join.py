def merge_orders(customers, orders):
    per_customer = orders.groupby("customer_id")["amount"].agg(n_orders="count", total="sum")
    out = customers.merge(per_customer, how="outer", left_on="customer_id", right_index=True)
    out = out.fillna({"n_orders": 0, "total": 0.0})
    return out.sort_values("customer_id").reset_index(drop=True)
