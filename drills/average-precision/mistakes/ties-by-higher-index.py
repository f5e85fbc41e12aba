import numpy as np


def _iou(a, b):
    """(len(a), len(b)) IoU of boxes (x1, y1, x2, y2); 0 where the union is 0."""
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    wh = np.clip(np.minimum(a[:, None, 2:], b[None, :, 2:]) - np.maximum(a[:, None, :2], b[None, :, :2]), 0.0, None)
    inter = wh[..., 0] * wh[..., 1]
    union = area_a[:, None] + area_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def average_precision(pred_boxes, pred_scores, pred_image_ids, gt_boxes, gt_image_ids, iou_threshold=0.5):
    """AP = sum over ranks k of (r_k - r_{k-1}) * max_{j >= k} p_j, predictions by decreasing score."""
    pred_boxes = np.asarray(pred_boxes, dtype=float).reshape(-1, 4)
    pred_scores = np.asarray(pred_scores, dtype=float).reshape(-1)
    pred_images = np.asarray(pred_image_ids).reshape(-1)
    gt_boxes = np.asarray(gt_boxes, dtype=float).reshape(-1, 4)
    gt_images = np.asarray(gt_image_ids).reshape(-1)
    n_gt = len(gt_boxes)
    if n_gt == 0 or len(pred_boxes) == 0:
        return 0.0
    order = np.argsort(pred_scores, kind="stable")[::-1]  # decreasing score, ties by lower index
    is_tp = np.zeros(len(order), dtype=bool)  # indexed by rank
    # Matching in one image never affects another image: match image by image.
    for image in np.unique(pred_images):
        ranks = np.flatnonzero(pred_images[order] == image)  # this image's predictions, by rank
        gts = np.flatnonzero(gt_images == image)
        if len(gts) == 0:
            continue
        iou = _iou(pred_boxes[order[ranks]], gt_boxes[gts])
        matched = np.zeros(len(gts), dtype=bool)
        for row, rank in zip(iou, ranks):
            candidates = np.where(matched, -1.0, row)  # only unmatched ground truths
            best = np.argmax(candidates)  # highest IoU, ties by lower ground-truth index
            if candidates[best] >= iou_threshold:
                matched[best] = True
                is_tp[rank] = True
    tp = np.cumsum(is_tp)
    precision = tp / np.arange(1, len(order) + 1)
    recall = tp / n_gt
    # Monotone envelope: the best precision at this recall or any higher one.
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    recall_step = np.diff(recall, prepend=0.0)
    return float(np.sum(recall_step * envelope))
