"""Average precision for object detection (one class, one IoU threshold), from scratch with NumPy."""

import numpy as np


def average_precision(pred_boxes, pred_scores, pred_image_ids, gt_boxes, gt_image_ids, iou_threshold=0.5):
    """Return the AP of the predictions against the ground truth (a float in [0, 1]).

    pred_boxes (P, 4), pred_scores (P,), pred_image_ids (P,); gt_boxes (G, 4), gt_image_ids (G,).
    Boxes are (x1, y1, x2, y2). Greedy matching by decreasing score (ties: lower index first) to
    the unmatched ground truth of the same image with the highest IoU, if that IoU >= iou_threshold.
    AP = sum_k (r_k - r_{k-1}) * max_{j >= k} p_j. No ground truth or no prediction: 0.0.
    """
    # TODO: visit the predictions by decreasing score (stable sort of -scores)
    # TODO: per image, match each prediction to the best unmatched ground truth (IoU >= threshold)
    # TODO: cumulative TP -> precision and recall at every rank
    # TODO: precision envelope (running max from the end), then sum of recall steps * envelope
    raise NotImplementedError
