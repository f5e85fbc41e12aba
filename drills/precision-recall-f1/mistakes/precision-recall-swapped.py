import numpy as np


def precision_recall_f1(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    actual_pos = np.sum(y_true == 1)
    predicted_pos = np.sum(y_pred == 1)
    precision = tp / actual_pos if actual_pos > 0 else 0.0
    recall = tp / predicted_pos if predicted_pos > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1
