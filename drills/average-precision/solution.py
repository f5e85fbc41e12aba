"""Average precision of one class at one IoU threshold (greedy matching, all-points interpolation)."""

import numpy as np


def _iou(a, b):
    """(len(a), len(b)) IoU of boxes (x1, y1, x2, y2); 0 where the union is 0."""
    ax1, ay1, ax2, ay2 = a.T[:, :, None]  # each (n, 1)
    bx1, by1, bx2, by2 = b.T[:, None, :]  # each (1, m)
    area_a = (ax2 - ax1) * (ay2 - ay1)
    area_b = (bx2 - bx1) * (by2 - by1)
    # Overlap width and height, clamped at 0, then their product, each on one contiguous (n, m)
    # array updated in place: the few full-size passes and temporaries are the bulk of the work.
    w = np.minimum(ax2, bx2)
    w -= np.maximum(ax1, bx1)
    np.maximum(w, 0.0, out=w)
    h = np.minimum(ay2, by2)
    h -= np.maximum(ay1, by1)
    np.maximum(h, 0.0, out=h)
    inter = np.multiply(w, h, out=w)
    union = area_a + area_b - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def average_precision(pred_boxes, pred_scores, pred_image_ids, gt_boxes, gt_image_ids, iou_threshold=0.5):
    """AP = sum over ranks k of (r_k - r_{k-1}) * max_{j >= k} p_j, predictions by decreasing score."""
    pred_boxes = np.asarray(pred_boxes, dtype=float).reshape(-1, 4)  # mutation: equivalent — a negative size means "infer"
    pred_scores = np.asarray(pred_scores, dtype=float).reshape(-1)  # mutation: equivalent — a negative size means "infer"
    pred_images = np.asarray(pred_image_ids).reshape(-1)  # mutation: equivalent — a negative size means "infer"
    gt_boxes = np.asarray(gt_boxes, dtype=float).reshape(-1, 4)  # mutation: equivalent — a negative size means "infer"
    gt_images = np.asarray(gt_image_ids).reshape(-1)  # mutation: equivalent — a negative size means "infer"
    n_gt = len(gt_boxes)
    if n_gt == 0 or len(pred_boxes) == 0:
        return 0.0
    order = np.argsort(-pred_scores, kind="stable")  # decreasing score, ties by lower index
    is_tp = np.zeros(len(order), dtype=bool)  # indexed by rank
    # Matching in one image never affects another image: match image by image.
    for image in np.unique(pred_images):
        ranks = np.flatnonzero(pred_images[order] == image)  # this image's predictions, by rank
        gts = np.flatnonzero(gt_images == image)
        if len(gts) == 0:
            continue
        iou = _iou(pred_boxes[order[ranks]], gt_boxes[gts])
        # Candidate pairs with IoU >= threshold, sorted by prediction rank, then by decreasing
        # IoU, then by lower ground-truth index: the first unmatched candidate of a prediction
        # is the unmatched ground truth with the highest IoU.
        rows, cols = np.nonzero(iou >= iou_threshold)
        by = np.lexsort((cols, -iou[rows, cols], rows))
        matched, last_hit = set(), -1
        for row, col in zip(rows[by].tolist(), cols[by].tolist()):
            if row != last_hit and col not in matched:
                matched.add(col)
                is_tp[ranks[row]] = True
                last_hit = row
    tp = np.cumsum(is_tp)
    precision = tp / np.arange(1, len(order) + 1)
    recall = tp / n_gt
    # Monotone envelope: the best precision at this recall or any higher one.
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    recall_step = np.diff(recall, prepend=0.0)
    return float(np.sum(recall_step * envelope))
