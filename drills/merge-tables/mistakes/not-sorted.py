def merge_orders(customers, orders):
    per_customer = orders.groupby("customer_id")["amount"].agg(n_orders="count", total="sum")
    out = customers.merge(per_customer, how="left", left_on="customer_id", right_index=True)
    return out.fillna({"n_orders": 0, "total": 0.0}).reset_index(drop=True)
