"""Pairwise IoU of axis-aligned boxes, from scratch with NumPy."""

import numpy as np


def box_iou(boxes_a, boxes_b):
    """Return the (N, M) matrix of IoU between every box of boxes_a (N, 4) and of boxes_b (M, 4).

    Boxes are (x1, y1, x2, y2) with x1 <= x2 and y1 <= y2; area = (x2 - x1) * (y2 - y1).
    A pair whose union is 0 (two zero-area boxes) has IoU 0.
    """
    # TODO: areas of the boxes of each set
    # TODO: intersection rectangle of every pair by broadcasting, sides clamped at 0
    # TODO: IoU = intersection / union, 0 where the union is 0
    raise NotImplementedError
