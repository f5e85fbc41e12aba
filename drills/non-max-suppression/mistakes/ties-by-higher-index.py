import numpy as np


def nms(boxes, scores, iou_threshold):
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    scores = np.asarray(scores, dtype=float)
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    wh = np.clip(np.minimum(boxes[:, None, 2:], boxes[None, :, 2:]) - np.maximum(boxes[:, None, :2], boxes[None, :, :2]), 0, None)
    inter = wh[..., 0] * wh[..., 1]
    union = area[:, None] + area[None, :] - inter
    iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    order = np.argsort(scores, kind="stable")[::-1]
    suppressed = np.zeros(len(scores), dtype=bool)
    keep = []
    for i in order:
        if not suppressed[i]:
            keep.append(i)
            suppressed |= iou[i] > iou_threshold
            suppressed[i] = True
    return np.array(keep, dtype=np.int64)
