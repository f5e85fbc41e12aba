def macro_f1(y_true, y_pred, n_classes=None):
    y_true, y_pred = list(y_true), list(y_pred)
    if n_classes is None:
        n_classes = max(max(y_true), max(y_pred)) + 1
    tp, fp, fn = [0] * n_classes, [0] * n_classes, [0] * n_classes
    for t, p in zip(y_true, y_pred):
        if t == p:
            tp[t] += 1
        else:
            fp[p] += 1
            fn[t] += 1
    total = 0.0
    for c in range(n_classes):
        denom = 2 * tp[c] + fp[c] + fn[c]
        total += 2 * tp[c] / denom if denom else 0.0
    return total / n_classes
