import numpy as np


def nms(boxes, scores, iou_threshold):
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    scores = np.asarray(scores, dtype=float)
    n = len(scores)
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    wh = np.clip(np.minimum(boxes[:, None, 2:], boxes[None, :, 2:]) - np.maximum(boxes[:, None, :2], boxes[None, :, :2]), 0, None)
    inter = wh[..., 0] * wh[..., 1]
    union = area[:, None] + area[None, :] - inter
    iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    order = np.argsort(-scores, kind="stable")
    rank = np.empty(n, dtype=int)
    rank[order] = np.arange(n)
    # drop a box if ANY higher-ranked box overlaps it (one-shot, not greedy)
    higher = rank[None, :] < rank[:, None]
    drop = ((iou > iou_threshold) & higher).any(axis=1)
    return np.array([i for i in order if not drop[i]], dtype=np.int64)
