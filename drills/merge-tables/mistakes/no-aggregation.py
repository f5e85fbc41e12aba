def merge_orders(customers, orders):
    out = customers.merge(orders[["customer_id", "amount"]], on="customer_id", how="left")
    out["n_orders"] = out["amount"].notna().astype(int)
    out["total"] = out["amount"].fillna(0.0)
    out = out.drop(columns="amount")
    return out.sort_values("customer_id").reset_index(drop=True)
