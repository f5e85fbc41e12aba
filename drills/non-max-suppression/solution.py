"""Greedy non-maximum suppression, as torchvision.ops.nms."""

import numpy as np


def _pairwise_iou(boxes):
    """(N, N) IoU of boxes (N, 4) = (x1, y1, x2, y2); 0 where the union is 0."""
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    top_left = np.maximum(boxes[:, None, :2], boxes[None, :, :2])
    bottom_right = np.minimum(boxes[:, None, 2:], boxes[None, :, 2:])
    wh = np.clip(bottom_right - top_left, 0.0, None)
    inter = wh[..., 0] * wh[..., 1]
    union = area[:, None] + area[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def nms(boxes, scores, iou_threshold):
    """Return the indices of the boxes kept by greedy NMS, by decreasing score.

    A box is suppressed when its IoU with an already kept box is strictly greater than
    iou_threshold. Equal scores are visited in increasing index order.
    """
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    scores = np.asarray(scores, dtype=float)
    iou = _pairwise_iou(boxes)
    order = np.argsort(-scores, kind="stable")  # decreasing score, ties by lower index
    suppressed = np.zeros(len(scores), dtype=bool)
    keep = []
    for i in order:
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= iou[i] > iou_threshold  # only kept boxes suppress others
    return np.array(keep, dtype=np.int64)
