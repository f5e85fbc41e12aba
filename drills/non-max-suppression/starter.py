"""Greedy non-maximum suppression, from scratch with NumPy."""

import numpy as np


def nms(boxes, scores, iou_threshold):
    """Return the indices of the boxes kept by greedy NMS, by decreasing score.

    boxes: (N, 4) as (x1, y1, x2, y2); scores: (N,). A box is suppressed when its IoU with an
    already kept box is strictly greater than iou_threshold; equal scores: lower index first.
    Returns an int array of the kept indices, highest score first.
    """
    # TODO: order the boxes by decreasing score (ties: lower index first)
    # TODO: the (N, N) IoU matrix by broadcasting
    # TODO: greedy pass: keep a box unless a kept box overlaps it with IoU > iou_threshold
    raise NotImplementedError
