def merge_orders(customers, orders):
    counts = orders.groupby("customer_id")["amount"].count()
    totals = orders.groupby("customer_id")["amount"].sum()
    customers["n_orders"] = customers["customer_id"].map(counts).fillna(0).astype(int)
    customers["total"] = customers["customer_id"].map(totals).fillna(0.0)
    return customers.sort_values("customer_id").reset_index(drop=True)
