"""Pairwise IoU of axis-aligned boxes (x1, y1, x2, y2), as torchvision.ops.box_iou, but 0 for 0/0."""

import numpy as np


def box_iou(boxes_a, boxes_b):
    """Return the (N, M) matrix of IoU between every box of boxes_a (N, 4) and of boxes_b (M, 4).

    Continuous coordinates: the area of (x1, y1, x2, y2) is (x2 - x1) * (y2 - y1), no "+1".
    When the union of a pair is 0 (two zero-area boxes) the IoU is 0, not nan.
    """
    a = np.asarray(boxes_a, dtype=float).reshape(-1, 4)
    b = np.asarray(boxes_b, dtype=float).reshape(-1, 4)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])  # (N,)
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])  # (M,)
    # Intersection rectangle of every pair, by broadcasting (N, 1, 2) against (1, M, 2).
    top_left = np.maximum(a[:, None, :2], b[None, :, :2])
    bottom_right = np.minimum(a[:, None, 2:], b[None, :, 2:])
    # Clamp each side at 0: disjoint boxes have a negative width or height.
    wh = np.clip(bottom_right - top_left, 0.0, None)
    inter = wh[..., 0] * wh[..., 1]  # (N, M)
    union = area_a[:, None] + area_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
