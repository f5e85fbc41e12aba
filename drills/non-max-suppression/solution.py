"""Greedy non-maximum suppression, as torchvision.ops.nms."""

import numpy as np


def nms(boxes, scores, iou_threshold):
    """Return the indices of the boxes kept by greedy NMS, by decreasing score.

    A box is suppressed when its IoU with an already kept box is strictly greater than
    iou_threshold. Equal scores are visited in increasing index order.
    """
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    scores = np.asarray(scores, dtype=float)
    x1, y1, x2, y2 = boxes.T
    area = (x2 - x1) * (y2 - y1)
    order = np.argsort(-scores, kind="stable")  # decreasing score, ties by lower index
    keep = []
    while order.size:
        i, rest = order[0], order[1:]
        keep.append(i)  # the best box left is never suppressed: only kept boxes suppress others
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0.0, None)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0.0, None)
        inter = w * h
        union = area[i] + area[rest] - inter
        iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        order = rest[iou <= iou_threshold]  # survivors keep their order
    return np.array(keep, dtype=np.int64)
