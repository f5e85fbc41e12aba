def merge_orders(customers, orders):
    merged = customers.merge(orders, on="customer_id", how="left")
    stats = merged.groupby("customer_id").agg(n_orders=("amount", "size"), total=("amount", "sum"))
    out = customers.merge(stats, left_on="customer_id", right_index=True)
    return out.sort_values("customer_id").reset_index(drop=True)
