def r2_score(y_true, y_pred):
    y_true, y_pred = [float(v) for v in y_true], [float(v) for v in y_pred]
    mean = sum(y_true) / len(y_true)
    ss_res = ss_tot = 0.0
    for t, p in zip(y_true, y_pred):
        ss_res += (t - p) ** 2
        ss_tot += (t - mean) ** 2
    if max(y_true) == min(y_true):  # constant target, decided exactly
        return 1.0 if ss_res == 0 else 0.0
    return 1 - ss_res / ss_tot
