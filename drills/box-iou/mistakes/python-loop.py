import numpy as np


def box_iou(boxes_a, boxes_b):
    a = np.asarray(boxes_a, dtype=float).reshape(-1, 4).tolist()
    b = np.asarray(boxes_b, dtype=float).reshape(-1, 4).tolist()
    out = np.zeros((len(a), len(b)))
    for i, (ax1, ay1, ax2, ay2) in enumerate(a):
        for j, (bx1, by1, bx2, by2) in enumerate(b):
            w = max(0.0, min(ax2, bx2) - max(ax1, bx1))
            h = max(0.0, min(ay2, by2) - max(ay1, by1))
            inter = w * h
            union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
            out[i, j] = inter / union if union > 0 else 0.0
    return out
