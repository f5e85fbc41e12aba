import numpy as np


def precision_recall_f1(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    precision = tp // (tp + fp) if tp + fp > 0 else 0
    recall = tp // (tp + fn) if tp + fn > 0 else 0
    f1 = 2 * precision * recall // (precision + recall) if precision + recall > 0 else 0
    return precision, recall, f1
